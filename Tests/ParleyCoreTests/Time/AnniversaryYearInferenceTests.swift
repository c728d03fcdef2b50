import Testing
@testable import ParleyCore

private let centenaryRelease = """
    On the occasion of the 100th anniversary of the founding of the Communist Party of China, General Secretary Kham Vongsa sent a congratulatory letter to the party on July 1.
    The letter praised a century of achievements.
    """

@Test func anniversaryFixesTheYearWhenThePageHasNoDate() {
    let c = Sample.analyze(centenaryRelease)
    #expect(c.published == nil)
    #expect(c.inferredYear == 2021)
}

@Test func inferredYearDatesEventsWithoutAYear() {
    let a = Sample.extract(centenaryRelease)
    #expect(a.events.first?.date == "2021-07-01")
}

@Test func anniversaryIsIgnoredWhenThePageHasAPublicationDate() {
    let c = Sample.analyze("2024.06.30\n" + centenaryRelease)
    #expect(c.published == PartialDate(year: 2024, month: 6, day: 30))
    #expect(c.inferredYear == nil)
}

@Test func anniversaryOfAStateFromFoundings() {
    let c = Sample.analyze("Ambassador Karim Haddad attended a reception marking the 75th anniversary of the founding of the People's Republic of China in the capital on Monday evening.")
    #expect(c.inferredYear == 2024)
}

@Test func anniversaryOfSomethingUnknownInfersNothing() {
    let c = Sample.analyze("Ambassador Karim Haddad attended a reception marking the 20th anniversary of the founding of the Riverside Chess Society in the capital on Monday evening.")
    #expect(c.inferredYear == nil)
}

import Testing
@testable import ParleyCore

@Test func weekdayWithDayAndMonthFixesTheYearAmongThosePrinted() {
    // 7 January 2020 was a Tuesday; in 2019 and 2021 it was not.
    let c = Sample.analyze("""
        Foreign Minister Ana Lopes opened the annual meeting of ambassadors this Tuesday, January 7, at the ministry.
        She said Ghana could begin 2020 with confidence after the elections of 2019 and before those of 2021.
        """)
    #expect(c.published == nil)
    #expect(c.inferredYear == 2020)
    #expect(c.dateMentions.first?.date == PartialDate(year: 2020, month: 1, day: 7))
}

@Test func weekdayThatFitsNoPrintedYearInfersNothingFromIt() {
    // 7 January 2019 was a Monday, not a Tuesday: no year fits, and no full date is printed.
    let c = Sample.analyze("Foreign Minister Ana Lopes opened the meeting on Tuesday, January 7, and recalled the elections of 2019.")
    #expect(c.inferredYear == nil)
}

@Test func latestFullDatePrintedGivesTheYearOfUndatedDays() {
    let a = Sample.extract("""
        Foreign Minister Ana Lopes held talks with Foreign Minister Karim Haddad of Kenya on June 8 in Accra.
        Lopes congratulated Kenya on the opening of its new port on July 1, 2021.
        """)
    #expect(a.events.first?.date == "2021-06-08")
}

@Test func publicationDateWinsOverPrintedYears() {
    let c = Sample.analyze("2024.06.30\nForeign Minister Ana Lopes met Karim Haddad on Tuesday, January 7, and recalled the talks of March 3, 2020.")
    #expect(c.inferredYear == nil)
}

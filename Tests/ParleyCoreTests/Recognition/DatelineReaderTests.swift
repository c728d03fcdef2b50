import Testing
@testable import ParleyCore

private let body = "Minister Ana Lopes met here with Ambassador Karim Haddad to discuss trade, investment and cultural exchanges between the two countries."

@Test func placeCommaOrdinalDateEmDash() {
    let c = Sample.analyze("2024.11.14\n\nNanjing, November 13th\u{2014}" + body)
    #expect(c.layout.datelinePlace == "Nanjing")
    #expect(c.layout.datelineDate == PartialDate(year: 2024, month: 11, day: 13))
}

@Test func capitalPlaceAbbreviatedMonthAgencyDoubleDash() {
    let c = Sample.analyze("Oct. 23, 2024\nHANOI, Oct. 22 (Xinhua) -- " + body)
    #expect(c.layout.datelinePlace == "Hanoi")
    #expect(c.layout.datelineDate == PartialDate(year: 2024, month: 10, day: 22))
}

@Test func capitalPlaceAndDashWithoutDate() {
    let c = Sample.analyze("ISLAMABAD - " + body)
    #expect(c.layout.datelinePlace == "Islamabad")
    #expect(c.layout.datelineDate == nil)
}

@Test func capitalPlaceMonthDayDoubleDash() {
    let c = Sample.analyze("2023-05-26\nBEIJING, May 25 -- " + body)
    #expect(c.layout.datelinePlace == "Beijing")
    #expect(c.layout.datelineDate == PartialDate(year: 2023, month: 5, day: 25))
}

@Test func datelineWithoutAnyYearHasAPlaceButNoDate() {
    let c = Sample.analyze("BEIJING, May 25 -- " + body)
    #expect(c.layout.datelinePlace == "Beijing")
    #expect(c.layout.datelineDate == nil)
}

@Test func datelineTokensAreNotPeopleOrEvents() {
    let a = Sample.extract("2023-05-26\nBEIJING, May 25 -- " + body)
    #expect(!a.people.contains { $0.name.contains("BEIJING") || $0.name.contains("Beijing") })
    #expect(a.dateline?.place == "Beijing")
    #expect(a.dateline?.date == "2023-05-25")
}

@Test func ordinarySentenceIsNoDateline() {
    let c = Sample.analyze(body)
    #expect(c.layout.datelinePlace == nil)
    #expect(c.layout.datelineTokens == nil)
}

@Test func capitalPlaceThenDateWithoutAComma() throws {
    let a = Sample.extract("Minister Lopes receives the ambassador\nACCRA 3 May 2024 \u{2013} " + body)
    #expect(a.dateline?.place == "Accra")
    #expect(a.dateline?.date == "2024-05-03")
    let e = try #require(a.events.first)
    #expect(e.date == "2024-05-03")
    #expect(e.place == "Accra")
}

@Test func agencyCreditInBracketsCarriesTheDate() throws {
    let a = Sample.extract("Ministers meet\nACCRA, (GNA - Ghana Newswire / West Africa Desk - 3rd May, 2024 ) :" + body)
    #expect(a.dateline?.place == "Accra")
    #expect(a.dateline?.date == "2024-05-03")
}

@Test func aLabelledDateLineWinsOverTheSitesTodayAboveIt() {
    let a = Sample.extract("""
        December 23, 2025
        Kenyan delegation leaves Accra

        Date: 14/04/2024 | Source: Ghana News Agency

        Accra, April 14 -- The Kenyan delegation headed by Foreign Minister Karim Haddad left here on April 13 after an official visit to Ghana.
        """)
    #expect(a.published == "2024-04-14")
}

@Test func ofTwoDatedHeaderLinesTheOneWithAnHourIsTheStorys() {
    let a = Sample.extract("""
        02 Jan 2026
        Monday 9 September 2024 - 11:20
        Ref. 55102

        Ghana and Togo to widen road links

        Foreign Minister Kwame Mensah said on Monday that Ghana and Togo will widen their road links after his talks with Togolese envoy Karim Haddad in Accra.
        """)
    #expect(a.published == "2024-09-09")
}

@Test func aDatedLineBelowTheHeadlineWinsOverTheSitesTodayAboveIt() {
    let a = Sample.extract("""
        Jan. 2, 2026 Friday
        Accra Daily Courier
        Kenyan Trade Mission Departs Accra

        Business 2024.6.3.

        The trade mission of Kenya led by Karim Haddad left Accra after a three-day stay, seen off by Minister Kwame Mensah at the airport.
        """)
    #expect(a.published == "2024-06-03")
}

@Test func aNumericDateReadsMonthFirstWhenTheDatelineNamesThatMonth() {
    let a = Sample.extract("""
        Ghana's President to receive Kenyan minister

        09:10 | Accra, Nov. 4.

        The President of Ghana, Kwame Mensah, will hold talks with Kenyan Foreign Minister Karim Haddad today at the Jubilee House in Accra.

        Published: 11/4/2024
        """)
    #expect(a.published == "2024-11-04")
}

@Test func aPlaceAndDateLineBelowTheHeadlineGivesThePlace() {
    let c = Sample.analyze("Minister Receives Call from Kenyan Counterpart\nAccra - 08 October 2023\n" + body)
    #expect(c.layout.datelinePlace == "Accra")
    #expect(c.layout.datelinePlaceCountry == "GHA")
}

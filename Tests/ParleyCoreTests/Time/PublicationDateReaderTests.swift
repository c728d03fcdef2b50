import Testing
@testable import ParleyCore

private let reader = PublicationDateReader(lexicons: .bundled)

@Test func bracketedDottedDateLine() {
    #expect(reader.date(inString: "( 2017.05.25 )") == PartialDate(year: 2017, month: 5, day: 25))
}

@Test func publishedOnWeekdayDateLine() {
    #expect(reader.date(inString: "Published on Saturday, 15 February 2020") == PartialDate(year: 2020, month: 2, day: 15))
}

@Test func dateLineWithSource() {
    #expect(reader.date(inString: "2024.11.14 | Source: International Department") == PartialDate(year: 2024, month: 11, day: 14))
}

@Test func isoTimestamp() {
    #expect(reader.date(inString: "2024-11-14T08:30:00+08:00") == PartialDate(year: 2024, month: 11, day: 14))
}

@Test func monthAndDayWithoutYearIsNoPublicationDate() {
    #expect(reader.date(inString: "Updated November 13th") == nil)
}

@Test func urlYearMonthFolder() {
    #expect(reader.date(inURL: "https://mfa.example.gov/news/201912/t123_456.html") == PartialDate(year: 2019, month: 12))
}

@Test func urlYearMonthThenDayFolder() {
    #expect(reader.date(inURL: "http://news.example.cn/2024-10/22/c_1130210.htm") == PartialDate(year: 2024, month: 10, day: 22))
}

@Test func urlEightDigitDate() {
    #expect(reader.date(inURL: "https://example.org/press/release_20120612.html") == PartialDate(year: 2012, month: 6, day: 12))
}

@Test func urlYearMonthDayFolders() {
    #expect(reader.date(inURL: "https://example.org/2019/08/02/visit/") == PartialDate(year: 2019, month: 8, day: 2))
}

@Test func urlWithoutDate() {
    #expect(reader.date(inURL: "https://example.org/news/article-75.html") == nil)
}

@Test func headerDateLineBecomesThePublicationDate() {
    let c = Sample.analyze("( 2017.05.25 )\nMinister Receives Envoy\nMinister Ana Lopes received Ambassador Karim Haddad at the ministry to discuss trade and investment links between the two countries.")
    #expect(c.published == PartialDate(year: 2017, month: 5, day: 25))
    #expect(c.publishedSource == "header")
}

@Test func urlDateIsUsedWhenThePageShowsNone() {
    let c = Sample.analyze("Minister Ana Lopes received Ambassador Karim Haddad at the ministry to discuss trade and investment links between the two countries.",
                           url: "https://mfa.example.gov/news/2024-10/22/c_1.htm")
    #expect(c.published == PartialDate(year: 2024, month: 10, day: 22))
    #expect(c.publishedSource == "url")
}

@Test func metadataDateWinsOverTheHeader() {
    var d = Sample.document("2020.01.01\nMinister Ana Lopes received Ambassador Karim Haddad at the ministry to discuss trade and investment links between the two countries.")
    d.publishedHint = PartialDate(year: 2021, month: 3, day: 4)
    #expect(Sample.extractor.analyze(d).published == PartialDate(year: 2021, month: 3, day: 4))
}

@Test func dateLineJustAfterTheLeadBecomesThePublicationDate() {
    let c = Sample.analyze("""
        Minister Lopes receives the ambassador of Ruritania
        Minister Ana Lopes received Ambassador Karim Haddad at the ministry to discuss trade and investment between the two countries.
        May 03, 2024 09:15 AM GMT
        The two sides agreed to meet again before the end of the year.
        """)
    #expect(c.published == PartialDate(year: 2024, month: 5, day: 3))
    #expect(c.publishedSource == "date line")
}

@Test func datelineDateOpeningTheBodyBecomesThePublicationDate() {
    let c = Sample.analyze("""
        Talks in the capital
        Accra, Friday May 3, 2024 Minister Ana Lopes received Ambassador Karim Haddad at the ministry to discuss trade and investment between the two countries.
        """)
    #expect(c.published == PartialDate(year: 2024, month: 5, day: 3))
    #expect(c.publishedSource == "dateline")
}

@Test func datelineBelowALeadAndABylineBecomesThePublicationDate() {
    let c = Sample.analyze("""
        Talks in the capital
        Minister Ana Lopes received Ambassador Karim Haddad at the ministry on trade and investment. They spoke for an hour. Both sides were pleased.
        By Tomas Berg
        27.1.2022 - The two sides agreed to meet again before the end of the year in the northern port city.
        """)
    #expect(c.published == PartialDate(year: 2022, month: 1, day: 27))
    #expect(c.publishedSource == "dateline")
}

@Test func pageDateStringsInOtherLanguagesAndCases() {
    #expect(reader.date(inString: "Veröffentlicht am 5. April 2017") == PartialDate(year: 2017, month: 4, day: 5))
    #expect(reader.date(inString: "26 Okt 2018") == PartialDate(year: 2018, month: 10, day: 26))
    #expect(reader.date(inString: "publié le 30 septembre 2018") == PartialDate(year: 2018, month: 9, day: 30))
    #expect(reader.date(inString: "Unica.md, 20 septembrie 2020 16:20") == PartialDate(year: 2020, month: 9, day: 20))
    #expect(reader.date(inString: "12 марта 2021") == PartialDate(year: 2021, month: 3, day: 12))
}

@Test func pageDatesJoinedByWords() {
    #expect(reader.date(inString: "/ martes 17 de marzo de 2020") == PartialDate(year: 2020, month: 3, day: 17))
    #expect(reader.date(inString: "2 de março de 2021") == PartialDate(year: 2021, month: 3, day: 2))
}

@Test func aWeakerPageDateGivesTheDayOfAURLMonth() {
    var d = Sample.document("Minister Ana Lopes received Ambassador Karim Haddad at the ministry to discuss trade and investment links between the two countries.")
    d.url = "https://blog.example.org/2020/07/ambassador-visit.html"
    d.lateDateCandidates = ["Sunday, June 28, 2020", "Sunday, July 05, 2020"]
    let c = Sample.extractor.analyze(d)
    #expect(c.published == PartialDate(year: 2020, month: 7, day: 5))
    #expect(c.publishedSource == "page, late")
}

@Test func headerDateSplitAfterItsDayIsRead() {
    // "14. Februar 2012" is two sentences to the splitter; the header line reads on to its paragraph's end.
    let c = Sample.analyze("14. Februar 2012\nMinister Receives Envoy\nMinister Ana Lopes received Ambassador Karim Haddad at the ministry to discuss trade and investment links between the two countries.")
    #expect(c.published == PartialDate(year: 2012, month: 2, day: 14))
    #expect(c.publishedSource == "header")
}

@Test func otherLanguagesMonthsStayOutOfReleaseText() {
    // In a release's own sentences, "Mai" is a name and lower-case words open no date.
    let lexicons = Lexicons.bundled
    let parser = DateExpressionParser(lexicons: lexicons)
    let tokens = Tokenizer().tokenize("Truong Thi Mai met the delegation on 12 mars 2021.")
    #expect(parser.expressions(in: tokens, range: 0..<tokens.count).allSatisfy { $0.expression.month == nil })
}

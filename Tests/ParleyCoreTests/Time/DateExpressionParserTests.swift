import Testing
@testable import ParleyCore

private let parser = DateExpressionParser(lexicons: .bundled)

private func expressions(_ text: String) -> [DateExpression] {
    let tokens = Tokenizer().tokenize(text)
    return parser.expressions(in: tokens, range: 0..<tokens.count).map(\.expression)
}

/// The first date in `text`, resolved against `reference`.
private func resolved(_ text: String, reference: PartialDate?, year: Int? = nil) -> PartialDate? {
    expressions(text).first.flatMap { DateExpressionParser.resolve($0, reference: reference, defaultYear: year) }
}

private let thursday = PartialDate(year: 2024, month: 11, day: 14)

@Test func dottedNumericDate() {
    #expect(expressions("issued 2024.11.14 in Hanoi") == [DateExpression(year: 2024, month: 11, day: 14)])
}

@Test func dayFirstNumericDate() {
    #expect(expressions("on 14/11/2024 the") == [DateExpression(year: 2024, month: 11, day: 14)])
}

@Test func monthDayCommaYear() {
    #expect(expressions("July 04, 2020") == [DateExpression(year: 2020, month: 7, day: 4)])
}

@Test func weekdayThenDayMonthYear() {
    #expect(expressions("Published on Saturday, 15 February 2020") == [DateExpression(year: 2020, month: 2, day: 15)])
}

@Test func ordinalDayWithoutYearTakesTheReferenceYear() {
    #expect(expressions("on November 13th the") == [DateExpression(month: 11, day: 13)])
    #expect(resolved("on November 13th the", reference: thursday) == PartialDate(year: 2024, month: 11, day: 13))
}

@Test func dayMonthYear() {
    #expect(expressions("on 13 November 2024 in") == [DateExpression(year: 2024, month: 11, day: 13)])
}

@Test func abbreviatedMonthWithStop() {
    #expect(resolved("HANOI, Oct. 22 (Xinhua)", reference: nil, year: 2024) == PartialDate(year: 2024, month: 10, day: 22))
}

@Test func monthThisYear() {
    #expect(resolved("in July this year", reference: thursday) == PartialDate(year: 2024, month: 7))
}

@Test func lastYear() {
    #expect(resolved("met last year in", reference: thursday) == PartialDate(year: 2023))
}

@Test func todayIsTheReferenceDate() {
    #expect(resolved("talks today in", reference: thursday) == thursday)
}

@Test func yesterdayIsTheDayBefore() {
    #expect(resolved("talks yesterday in", reference: thursday) == PartialDate(year: 2024, month: 11, day: 13))
}

@Test func weekdayIsTheLatestSuchDayUpToTheReference() {
    // 2024-11-14 is a Thursday; the Monday before is 2024-11-11.
    #expect(resolved("met on Monday in", reference: thursday) == PartialDate(year: 2024, month: 11, day: 11))
    #expect(resolved("met on Thursday in", reference: thursday) == thursday)
}

@Test func plannedWeekdayLooksForward() {
    let e = expressions("on Monday in").first!
    #expect(DateExpressionParser.resolve(e, reference: thursday, defaultYear: nil, future: true) == PartialDate(year: 2024, month: 11, day: 18))
}

@Test func decemberDateInAJanuaryReleaseIsLastYear() {
    #expect(resolved("on December 30 in", reference: PartialDate(year: 2025, month: 1, day: 5)) == PartialDate(year: 2024, month: 12, day: 30))
}

@Test func relativeDateWithoutReferenceStaysUnknown() {
    #expect(resolved("talks today in", reference: nil) == nil)
    #expect(resolved("on November 13th the", reference: nil) == nil)
}

@Test func lowerCaseMayIsNotAMonth() {
    #expect(expressions("the sides may 5 times").isEmpty)
}

@Test func impossibleDayIsNotResolved() {
    #expect(resolved("on February 30 in", reference: thursday) == nil)
}

@Test
func weekdayAtTheEndOfTheTextDoesNotCrash() {
    #expect(resolved("The delegation arrived on Tuesday.", reference: thursday) == PartialDate(year: 2024, month: 11, day: 12))
    #expect(resolved("on Tuesday", reference: thursday) == PartialDate(year: 2024, month: 11, day: 12))
}

@Test func yearGluedToATimeOrAWordIsStillTheYear() {
    // Pages that drop a space: "202409:15" is 2024 then 09:15, "2024On" is 2024 then "On".
    #expect(expressions("Posted 3 May 202409:15 by the press office").first == DateExpression(year: 2024, month: 5, day: 3))
    #expect(expressions("6 May, 2024On Monday the minister").first == DateExpression(year: 2024, month: 5, day: 6))
    #expect(expressions("March 3 2021Minister Ana Lopes").first == DateExpression(year: 2021, month: 3, day: 3))
}

@Test func dayMonthYearJoinedByHyphens() {
    #expect(expressions("Issued on 29-Oct-2024 in Lisbon") == [DateExpression(year: 2024, month: 10, day: 29)])
}

@Test func monthFirstNumericDateWhenDayFirstIsImpossible() {
    #expect(expressions("dated 05/21/2024 in") == [DateExpression(year: 2024, month: 5, day: 21)])
    // Both readings possible: day first, as before.
    #expect(expressions("dated 05/04/2018 in") == [DateExpression(year: 2018, month: 4, day: 5)])
}

@Test func monthDaySlashYear() {
    #expect(expressions("on May 10/2024 the") == [DateExpression(year: 2024, month: 5, day: 10)])
}

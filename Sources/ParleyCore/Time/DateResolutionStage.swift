/// Finds the date expressions of every body sentence and resolves them against the dateline date,
/// the publication date or an inferred year.
public struct DateResolutionStage: PipelineStage {
    public let name = "dates"
    let parser: DateExpressionParser
    let calendar: [String: CalendarWord]
    public init(lexicons: Lexicons) {
        parser = DateExpressionParser(lexicons: lexicons)
        calendar = lexicons.calendar
    }

    public func run(_ context: inout ExtractionContext) {
        var found: [(sentence: Int, range: Range<Int>, expression: DateExpression)] = []
        for s in context.sentences where s.index >= context.layout.bodyStartSentence && !context.layout.chromeSentences.contains(s.index) {
            var r = s.tokenRange
            if let d = context.layout.datelineTokens, d.lowerBound == r.lowerBound { r = d.upperBound..<r.upperBound }
            for (range, e) in parser.expressions(in: context.tokens, range: r) { found.append((s.index, range, e)) }
        }
        if context.defaultYear == nil, let year = weekdayYear(context, found) ?? latestPrintedYear(found) { context.inferredYear = year }
        let reference = context.referenceDate
        let year = context.defaultYear
        for f in found {
            let date = DateExpressionParser.resolve(f.expression, reference: reference, defaultYear: year)
            context.dateMentions.append(DateMention(tokens: f.range, sentence: f.sentence, date: date, expression: f.expression, isRelative: f.expression.isRelative))
        }
    }

    /// The year of a release that prints none for its own dates, fixed by a weekday it gives with a day and
    /// month ("on Tuesday, January 7"): the one year the text prints elsewhere in which that day falls on
    /// that weekday.
    func weekdayYear(_ c: ExtractionContext, _ found: [(sentence: Int, range: Range<Int>, expression: DateExpression)]) -> Int? {
        let printedYears = Set(found.compactMap(\.expression.year)).union(c.tokens.compactMap { t in
            t.kind == .number ? DateExpressionParser.plainNumber(t).flatMap { DateExpressionParser.isYear($0) ? $0 : nil } : nil
        })
        guard !printedYears.isEmpty else { return nil }
        var fitting: Set<Int> = []
        for f in found {
            let e = f.expression
            guard e.year == nil, e.relativeYears == nil, let m = e.month, let d = e.day,
                  case .weekday(let w)? = calendar[c.tokens[f.range.lowerBound].key] else { continue }
            let years = printedYears.filter { y in
                PartialDate.isValid(year: y, month: m, day: d) && PartialDate(year: y, month: m, day: d).weekday == w
            }
            guard years.count == 1 else { continue }
            fitting.formUnion(years)
        }
        return fitting.count == 1 ? fitting.first : nil
    }

    /// Failing that, the latest year of the dates printed in full (day or month with year) in the body.
    func latestPrintedYear(_ found: [(sentence: Int, range: Range<Int>, expression: DateExpression)]) -> Int? {
        found.filter { $0.expression.month != nil }.compactMap(\.expression.year).max()
    }
}

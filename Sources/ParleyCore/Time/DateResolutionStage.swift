/// Finds the date expressions of every body sentence and resolves them against the dateline date,
/// the publication date or an inferred year.
public struct DateResolutionStage: PipelineStage {
    public let name = "dates"
    let parser: DateExpressionParser
    public init(lexicons: Lexicons) { parser = DateExpressionParser(lexicons: lexicons) }

    public func run(_ context: inout ExtractionContext) {
        let reference = context.referenceDate
        let year = context.defaultYear
        for s in context.sentences where s.index >= context.layout.bodyStartSentence && !context.layout.chromeSentences.contains(s.index) {
            var r = s.tokenRange
            if let d = context.layout.datelineTokens, d.lowerBound == r.lowerBound { r = d.upperBound..<r.upperBound }
            for (range, e) in parser.expressions(in: context.tokens, range: r) {
                let date = DateExpressionParser.resolve(e, reference: reference, defaultYear: year)
                context.dateMentions.append(DateMention(tokens: range, sentence: s.index, date: date, expression: e, isRelative: e.isRelative))
            }
        }
    }
}

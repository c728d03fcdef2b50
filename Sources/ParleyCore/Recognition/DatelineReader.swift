/// Reads the dateline that opens a wire or party release — `Nanjing, November 13th—`,
/// `HANOI, Oct. 22 (Xinhua) --`, `ISLAMABAD -`, `BEIJING, May 25 --` — which gives the place and
/// date of the main event; "here" in the body then means that place.
public struct DatelineReader: PipelineStage {
    public let name = "dateline"
    let parser: DateExpressionParser
    public init(lexicons: Lexicons) { parser = DateExpressionParser(lexicons: lexicons) }

    public func run(_ context: inout ExtractionContext) {
        readBodyDateline(&context)
        if context.layout.datelinePlace == nil { readHeaderDateLine(&context) }
    }

    /// "Doha - 08 October 2023", "Nairobi, 3 May 2024" on a header line of its own (before the body): the place
    /// the release comes from, when it is a known place; the date is the page's (read by the layout).
    func readHeaderDateLine(_ context: inout ExtractionContext) {
        let tokens = context.tokens
        for s in context.sentences.prefix(context.layout.bodyStartSentence) where !context.layout.chromeSentences.contains(s.index) {
            let r = s.tokenRange
            guard let place = context.placeMentions.first(where: { $0.tokens.lowerBound == r.lowerBound }), place.country != nil,
                  place.tokens.upperBound < r.upperBound, ["-", ",", "|"].contains(tokens[place.tokens.upperBound].key) else { continue }
            var i = place.tokens.upperBound
            while i < r.upperBound, ["-", ",", "|"].contains(tokens[i].key) { i += 1 }
            guard i < r.upperBound, let (dr, e) = parser.expressions(in: tokens, range: i..<r.upperBound).first, dr.lowerBound == i,
                  e.month != nil, e.day != nil, r.upperBound - dr.upperBound <= 1 else { continue }
            context.layout.datelinePlace = place.name
            context.layout.datelinePlaceCountry = place.country
            return
        }
    }

    func readBodyDateline(_ context: inout ExtractionContext) {
        let tokens = context.tokens
        guard context.layout.bodyStartSentence < context.sentences.count else { return }
        let s = context.sentences[context.layout.bodyStartSentence]
        let r = s.tokenRange
        var i = r.lowerBound
        // Place: one to four capitalised words (or one known place phrase).
        var placeEnd = i
        while placeEnd < r.upperBound, placeEnd - i < 4, tokens[placeEnd].kind == .word,
              tokens[placeEnd].isCapitalized || (placeEnd > i && ["de", "es", "al"].contains(tokens[placeEnd].key)) {
            if context.lexicons.calendar[tokens[placeEnd].key] != nil { break }
            placeEnd += 1
        }
        guard placeEnd > i, placeEnd < r.upperBound else { return }
        let placeRange = i..<placeEnd
        i = placeEnd
        var date: DateExpression?
        var sawComma = false
        if tokens[i].key == "," {
            sawComma = true
            i += 1
            guard i < r.upperBound else { return }
            if let (dr, e) = parser.expressions(in: tokens, range: i..<min(r.upperBound, i + 8)).first, dr.lowerBound == i {
                date = e
                i = dr.upperBound
            }
        } else if let (dr, e) = parser.expressions(in: tokens, range: i..<min(r.upperBound, i + 8)).first, dr.lowerBound == i, e.month != nil, e.day != nil {
            // "ACCRA 3 May 2024 –": the date straight after the place.
            date = e
            i = dr.upperBound
        }
        // Optional agency in brackets: (Xinhua), (AFP), (VNA)
        // (Xinhua), (AFP), (VNA); or an agency credit with its date: "(GNA - … - 3rd May, 2024 )".
        if i < r.upperBound, tokens[i].key == "(" {
            var k = i + 1
            while k < r.upperBound, k - i < 20, tokens[k].key != ")" { k += 1 }
            guard k < r.upperBound, tokens[k].key == ")" else { return }
            if date == nil, k - i >= 6, let (_, e) = parser.expressions(in: tokens, range: (i + 1)..<k).first(where: { $0.expression.day != nil && $0.expression.month != nil }) {
                date = e
            } else if k - i >= 6 && date == nil {
                return
            }
            i = k + 1
        }
        // Then a dash (-, --, —, –) or a colon.
        guard i < r.upperBound, tokens[i].key == "-" || tokens[i].key == ":" else { return }
        let dashStart = i
        while i < r.upperBound, tokens[i].key == "-" { i += 1 }
        if tokens[dashStart].key == ":" { i = dashStart + 1 }
        // A place with no date must be written in capitals or be a known place ("ISLAMABAD -").
        let placeTokens = tokens[placeRange]
        let known = context.placeMentions.first { $0.tokens.lowerBound == placeRange.lowerBound }
            ?? context.placeMentions.first { placeRange.contains($0.tokens.lowerBound) }
        let allCaps = placeTokens.allSatisfy { $0.isAllCaps }
        guard date != nil || allCaps || (known != nil && !sawComma) else { return }
        guard known != nil || allCaps || date != nil else { return }
        if let k = known { context.layout.datelinePlace = k.name; context.layout.datelinePlaceCountry = k.country }
        else {
            context.layout.datelinePlace = placeTokens.map { t in
                t.isAllCaps ? t.text.prefix(1) + t.text.dropFirst().lowercased() : t.text
            }.joined(separator: " ")
        }
        if let e = date {
            context.layout.datelineDate = DateExpressionParser.resolve(e, reference: context.published, defaultYear: context.published?.year ?? context.inferredYear)
        }
        context.layout.datelineTokens = r.lowerBound..<i
        // The wire agency in the dateline is the byline, not an organization of the story.
        context.organizationMentions.removeAll { (r.lowerBound..<i).contains($0.tokens.lowerBound) }
        context.indexMentions()
        for k in r.lowerBound..<i { context.claimed[k] = true }
    }
}

/// Marks every gazetteer phrase in the text (countries, adjectives, places, organizations, titles,
/// honorifics, known people) by longest match within each sentence, and records country and place mentions.
public struct GazetteerStage: PipelineStage {
    public let name = "gazetteer"
    public init() {}

    public func run(_ context: inout ExtractionContext) {
        let index = context.lexicons.index
        var matchOfToken = [Int?](repeating: nil, count: context.tokens.count)
        var matches: [PhraseIndex.Match] = []
        for s in context.sentences {
            var i = s.tokenRange.lowerBound
            while i < s.tokenRange.upperBound {
                if let m = index.longestMatch(in: context.tokens, at: i, limit: s.tokenRange.upperBound),
                   !gluedToWord(context.tokens, m.range) {
                    for k in m.range { matchOfToken[k] = matches.count }
                    matches.append(m)
                    i = m.range.upperBound
                } else {
                    i += 1
                }
            }
        }
        context.matchOfToken = matchOfToken
        context.matches = matches
        let lex = context.lexicons
        for m in matches {
            for hit in m.hits {
                switch hit {
                case .country(let c):
                    context.countryMentions.append(CountryMention(tokens: m.range, iso3: lex.countries[c].iso3, isAdjective: false))
                case .demonym(let c):
                    context.countryMentions.append(CountryMention(tokens: m.range, iso3: lex.countries[c].iso3, isAdjective: true))
                case .place(let p):
                    let entry = lex.places[p]
                    let name = entry.kind.hasPrefix("variant:") ? String(entry.kind.dropFirst(8)) : entry.name
                    context.placeMentions.append(PlaceMention(tokens: m.range, name: name, country: entry.country))
                default: continue
                }
                break
            }
        }
        context.indexMentions()
    }

    /// A match glued to a following letter-word without space, such as `Sino` in `Sinopec`, is no match;
    /// hyphenated compounds (`China-Azerbaijan`) are fine.
    private func gluedToWord(_ tokens: [Token], _ r: Range<Int>) -> Bool {
        guard r.upperBound < tokens.count else { return false }
        let next = tokens[r.upperBound]
        return next.isAttached && next.kind == .word && next.key != "'s"
    }
}

/// Infers the year of a release that prints none from an anniversary it names: "the 100th anniversary
/// of the founding of the Communist Party of China" fixes 1921 + 100 = 2021, through the founding
/// years of the data files (organizations and states).
public struct AnniversaryYearInference: PipelineStage {
    public let name = "anniversary-year"
    static let foundingWords: Set<String> = ["founding", "establishment", "foundation", "birth", "creation", "formation", "proclamation", "inception"]
    public init() {}

    public func run(_ context: inout ExtractionContext) {
        guard context.published == nil else { return }
        let tokens = context.tokens
        for (i, t) in tokens.enumerated() where t.key == "anniversary" || t.key == "anniversaries" {
            guard let n = ordinalBefore(tokens, i) else { continue }
            // "the ANC's 112th anniversary": the organization before the possessive.
            if let ord = (1...2).first(where: { i - $0 >= 0 && tokens[i - $0].kind == .number }), i - ord - 1 >= 0,
               tokens[i - ord - 1].key == "'s", i - ord - 2 >= 0 {
                let end = i - ord - 1
                for m in context.organizationMentions where m.tokens.upperBound == end {
                    if let known = context.organizations[m.organization].known, let y = context.lexicons.organizations[known].founded {
                        context.inferredYear = y + n
                        return
                    }
                }
                if let y = foundingYear(context, at: end - 1) { context.inferredYear = y + n; return }
            }
            var k = i + 1
            guard k < tokens.count, tokens[k].key == "of" else { continue }
            k += 1
            if k < tokens.count, tokens[k].key == "the" { k += 1 }
            if k < tokens.count, Self.foundingWords.contains(tokens[k].key) {
                k += 1
                if k < tokens.count, tokens[k].key == "of" { k += 1 }
                if k < tokens.count, tokens[k].key == "the" { k += 1 }
            }
            guard k < tokens.count, let founded = foundingYear(context, at: k) else { continue }
            context.inferredYear = founded + n
            return
        }
    }

    func ordinalBefore(_ tokens: [Token], _ i: Int) -> Int? {
        for back in 1...2 where i - back >= 0 {
            let t = tokens[i - back]
            if t.kind == .number, t.key.hasSuffix("th") || t.key.hasSuffix("st") || t.key.hasSuffix("nd") || t.key.hasSuffix("rd"),
               let v = DateExpressionParser.number(t), v > 0, v < 500 { return v }
        }
        return nil
    }

    func foundingYear(_ c: ExtractionContext, at k: Int) -> Int? {
        if let m = c.match(at: k), m.range.lowerBound == k {
            for h in m.hits {
                if case .organization(let o) = h, let y = c.lexicons.organizations[o].founded { return y }
            }
        }
        // The longest run of words that names a founding in foundings.tsv.
        var keys: [String] = []
        var best: Int?
        var j = k
        while j < c.tokens.count, j - k < 10, c.tokens[j].kind != .punctuation || c.tokens[j].key == "'" || c.tokens[j].key == "-" {
            keys.append(c.tokens[j].key)
            if let y = c.lexicons.foundings[keys.joined(separator: " ")] { best = y }
            j += 1
        }
        if best == nil, let o = c.definedAcronyms[c.tokens[k].key], let known = c.organizations[o].known {
            best = c.lexicons.organizations[known].founded
        }
        return best
    }
}

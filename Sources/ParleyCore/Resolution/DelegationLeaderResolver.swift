/// Gives the leader of a delegation the organization and country of the delegation: in "a delegation
/// of the National People's Power of Sri Lanka, headed by X" or "a CPC delegation led by X", X represents
/// that party and country.
public struct DelegationLeaderResolver: PipelineStage {
    public let name = "delegation-leaders"
    static let groupWords: Set<String> = ["delegation", "group", "team", "visitors", "guests", "mission", "comrades"]
    static let leadWords: Set<String> = ["led", "headed"]
    static let possessives: Set<String> = ["its", "their"]
    public init() {}

    public func run(_ context: inout ExtractionContext) {
        let tokens = context.tokens
        for m in context.personMentions {
            let p = m.person
            guard context.people[p].organization == nil || context.people[p].country == nil else { continue }
            let start = m.tokens.lowerBound
            // "… led by X" / "… headed by X"
            var k = start - 1
            // Titles, honorifics and a possessive between: "led by its General Secretary X".
            // "led by national chairperson X": up to two lower-case words the title left unclaimed.
            var loose = 0
            while k >= 0, tokens[k].key != "by" {
                if context.claimed[k] || Self.possessives.contains(tokens[k].key) { k -= 1; continue }
                guard loose < 2, tokens[k].kind == .word, !tokens[k].isCapitalized, !["and", "or", "of", "to"].contains(tokens[k].key) else { break }
                loose += 1
                k -= 1
            }
            guard k >= 1, tokens[k].key == "by", Self.leadWords.contains(tokens[k - 1].key) else { continue }
            let sentence = context.sentences[m.sentence].tokenRange
            // The nearest group word before it, then the organization named after the group word.
            guard let g = stride(from: k - 2, through: sentence.lowerBound, by: -1).first(where: { Self.groupWords.contains(tokens[$0].key) }) else { continue }
            // "a delegation of the X Party led by", else "a CPC Central Committee delegation led by" (the organization
            // a few words before the group word).
            guard let om = context.organizationMentions.first(where: { $0.tokens.lowerBound > g && $0.tokens.lowerBound < k })
                ?? context.organizationMentions.last(where: { $0.tokens.upperBound <= g && $0.tokens.upperBound >= g - 3 && $0.tokens.lowerBound >= sentence.lowerBound })
            else { continue }
            let org = context.organizations[om.organization]
            if context.people[p].organization == nil, org.isListed { context.people[p].organization = om.organization }
            if context.people[p].country == nil { context.people[p].country = org.country }
        }
    }
}

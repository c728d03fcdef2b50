/// Finds gazetteer phrases in a token sequence by longest match, keyed on the first token.
public struct PhraseIndex: Sendable {
    /// One indexed phrase and everything it denotes.
    public struct Phrase: Sendable {
        public var keys: [String]
        public var hits: [GazetteerHit]
        /// Acronyms (`CPC`, `PT`) match only when written in capitals.
        public var requiresCapitals: Bool
    }

    /// A match of a phrase at a token position.
    public struct Match: Sendable {
        public var range: Range<Int>
        public var hits: [GazetteerHit]
    }

    private var byFirstKey: [String: [Phrase]] = [:]

    public init() {}

    /// Adds `surface` as a name for `hit`.
    public mutating func add(_ surface: String, _ hit: GazetteerHit) {
        let tokens = Tokenizer().tokenize(surface)
        guard let first = tokens.first else { return }
        let keys = tokens.map(\.key)
        let letters = surface.unicodeScalars.filter { $0.properties.isAlphabetic }
        let isAcronym = letters.count >= 2 && letters.count <= 7 && letters.allSatisfy { $0.properties.isUppercase } && tokens.count <= 4
        var list = byFirstKey[first.key, default: []]
        if let i = list.firstIndex(where: { $0.keys == keys }) {
            if !list[i].hits.contains(hit) { list[i].hits.append(hit) }
            list[i].requiresCapitals = list[i].requiresCapitals && isAcronym
        } else {
            list.append(Phrase(keys: keys, hits: [hit], requiresCapitals: isAcronym))
            list.sort { $0.keys.count > $1.keys.count }
        }
        byFirstKey[first.key] = list
    }

    /// The longest phrase starting at token `i`, if any. The first token must be capitalised
    /// (or a capital-initial abbreviation), so common words (`chad`, `the party`) do not match.
    public func longestMatch(in tokens: [Token], at i: Int, limit: Int? = nil, anyCase: Bool = false) -> Match? {
        let t = tokens[i]
        guard anyCase || t.isCapitalized || t.kind == .number, let candidates = byFirstKey[t.key] else { return nil }
        let end = limit ?? tokens.count
        outer: for phrase in candidates {
            let n = phrase.keys.count
            guard i + n <= end else { continue }
            for k in 1..<max(n, 1) where tokens[i + k].key != phrase.keys[k] { continue outer }
            if phrase.requiresCapitals {
                for k in 0..<n where tokens[i + k].kind == .word && !(tokens[i + k].isAllCaps || tokens[i + k].flags.contains(.singleLetter)) {
                    continue outer
                }
            }
            // A phrase must end at a token boundary that is not glued to a following word (`Chinese-made` is fine, `Chinas` is not a match anyway).
            return Match(range: i..<(i + n), hits: phrase.hits)
        }
        return nil
    }

    public var count: Int { byFirstKey.values.reduce(0) { $0 + $1.count } }
}

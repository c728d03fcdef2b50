/// Finds gazetteer phrases in a token sequence by longest match, keyed on the first token.
public struct PhraseIndex: Sendable {
    /// One indexed phrase and everything it denotes.
    public struct Phrase: Sendable {
        public var keys: [String]
        /// The keys' vocabulary ids.
        public var ids: [Int32]
        public var hits: [GazetteerHit]
        /// Acronyms (`CPC`, `PT`) match only when written in capitals.
        public var requiresCapitals: Bool
    }

    /// A match of a phrase at a token position.
    public struct Match: Sendable {
        public var range: Range<Int>
        public var hits: [GazetteerHit]
    }

    /// Phrases by the vocabulary id of their first key, longest first.
    private var byFirstID: [[Phrase]] = []
    /// Ids for every key of every phrase (and the keys other lexicons intern).
    public private(set) var vocabulary = Vocabulary()

    public init() {}

    /// Gives `key` a vocabulary id (for lexicons matched on token ids outside this index).
    @discardableResult
    public mutating func intern(_ key: String) -> Int32 { vocabulary.intern(key) }

    /// Marks `key` as a member of `wordClass` in the vocabulary.
    public mutating func addWord(_ key: String, to wordClass: WordClass) { vocabulary.add(key, to: wordClass) }

    /// Adds `surface` as a name for `hit`.
    public mutating func add(_ surface: String, _ hit: GazetteerHit) {
        let tokens = Tokenizer().tokenize(surface)
        guard let first = tokens.first else { return }
        let keys = tokens.map(\.key)
        let ids = keys.map { vocabulary.intern($0) }
        let letters = surface.unicodeScalars.filter { $0.properties.isAlphabetic }
        let isAcronym = letters.count >= 2 && letters.count <= 7 && letters.allSatisfy { $0.properties.isUppercase } && tokens.count <= 4
        if byFirstID.count < vocabulary.count { byFirstID += Array(repeating: [], count: vocabulary.count - byFirstID.count) }
        let f = Int(vocabulary.id(first.key))
        if let i = byFirstID[f].firstIndex(where: { $0.ids == ids }) {
            if !byFirstID[f][i].hits.contains(hit) { byFirstID[f][i].hits.append(hit) }
            byFirstID[f][i].requiresCapitals = byFirstID[f][i].requiresCapitals && isAcronym
        } else {
            byFirstID[f].append(Phrase(keys: keys, ids: ids, hits: [hit], requiresCapitals: isAcronym))
            byFirstID[f].sort { $0.keys.count > $1.keys.count }
        }
    }

    /// The longest phrase starting at token `i`, if any. The first token must be capitalised
    /// (or a capital-initial abbreviation), so common words (`chad`, `the party`) do not match.
    /// Tokens carry the ids of this index's `vocabulary` (`Vocabulary.assignIDs`).
    public func longestMatch(in tokens: [Token], at i: Int, limit: Int? = nil, anyCase: Bool = false) -> Match? {
        let f = Int(tokens[i].id)
        guard anyCase || tokens[i].isCapitalized || tokens[i].kind == .number, f >= 0, f < byFirstID.count, !byFirstID[f].isEmpty else { return nil }
        let end = limit ?? tokens.count
        // Phrases are read in place: a common first word has hundreds ("Communist …"), and copying each would
        // retain and release its arrays.
        return byFirstID[f].withUnsafeBufferPointer { candidates -> Match? in
            tokens.withUnsafeBufferPointer { ts -> Match? in
                outer: for p in candidates.indices {
                    let n = candidates[p].ids.count
                    guard i + n <= end else { continue }
                    var k = 1
                    while k < n { if ts[i + k].id != candidates[p].ids[k] { continue outer }; k += 1 }
                    if candidates[p].requiresCapitals {
                        for k in 0..<n where ts[i + k].kind == .word && !(ts[i + k].isAllCaps || ts[i + k].flags.contains(.singleLetter)) {
                            continue outer
                        }
                    }
                    return Match(range: i..<(i + n), hits: candidates[p].hits)
                }
                return nil
            }
        }
    }

    public var count: Int { byFirstID.reduce(0) { $0 + $1.count } }
}

/// Finds the trigger phrases of `event-triggers.tsv` in a sentence (`met with`, `held * talks`,
/// `telephone conversation`), with `*` standing for up to three words.
public struct EventTriggerMatcher: Sendable {
    /// A trigger found at a token range.
    public struct Hit: Sendable {
        public var trigger: EventTrigger
        public var range: Range<Int>
    }

    static let wildcard: Int32 = -2
    /// Every trigger, and its pattern as vocabulary ids (`wildcard` for `*`).
    let triggers: [EventTrigger]
    let patterns: [[Int32]]
    /// Indexes of `triggers` by the vocabulary id of their first word, longest pattern first.
    let byFirstID: [[Int]]

    public init(lexicons: Lexicons) {
        let vocabulary = lexicons.vocabulary
        var triggers: [EventTrigger] = []
        var patterns: [[Int32]] = []
        var table = [[Int]](repeating: [], count: vocabulary.count)
        for (first, list) in lexicons.triggers {
            let f = vocabulary.id(first)
            guard f >= 0 else { continue }
            for t in list {
                table[Int(f)].append(triggers.count)
                triggers.append(t)
                patterns.append(t.pattern.map { $0 == "*" ? Self.wildcard : vocabulary.id($0) })
            }
        }
        self.triggers = triggers
        self.patterns = patterns
        byFirstID = table
    }

    /// Trigger phrases in `range`, left to right, the longest at each place. Tokens carry vocabulary ids.
    public func hits(in tokens: [Token], range: Range<Int>) -> [Hit] {
        var out: [Hit] = []
        var i = range.lowerBound
        while i < range.upperBound {
            var best: (n: Int, end: Int)?
            let id = Int(tokens[i].id)
            if id >= 0, id < byFirstID.count {
                for n in byFirstID[id] {
                    if let end = match(patterns[n], tokens, at: i, limit: range.upperBound), best == nil || end > best!.end { best = (n, end) }
                }
            }
            if let b = best { out.append(Hit(trigger: triggers[b.n], range: i..<b.end)); i = b.end } else { i += 1 }
        }
        return out
    }

    private func match(_ pattern: [Int32], _ tokens: [Token], at i: Int, limit: Int) -> Int? {
        func go(_ p: Int, _ k: Int) -> Int? {
            if p == pattern.count { return k }
            if pattern[p] == Self.wildcard {
                // Up to three words; a hyphenated compound ("in-person", "Ghana-Kenya") counts as one.
                var kk = k
                var words = 0
                while true {
                    if let e = go(p + 1, kk) { return e }
                    guard kk < limit, words < 3 else { return nil }
                    if tokens[kk].isPunctuation { return nil }
                    kk += 1
                    while kk + 1 < limit, tokens[kk].key == "-", tokens[kk].isAttached, tokens[kk + 1].isAttached, !tokens[kk + 1].isPunctuation { kk += 2 }
                    words += 1
                }
            }
            guard k < limit, tokens[k].id == pattern[p] else { return nil }
            return go(p + 1, k + 1)
        }
        return go(0, i)
    }
}

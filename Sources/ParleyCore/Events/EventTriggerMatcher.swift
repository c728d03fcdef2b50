/// Finds the trigger phrases of `event-triggers.tsv` in a sentence (`met with`, `held * talks`,
/// `telephone conversation`), with `*` standing for up to three words.
public struct EventTriggerMatcher: Sendable {
    /// A trigger found at a token range.
    public struct Hit: Sendable {
        public var trigger: EventTrigger
        public var range: Range<Int>
    }

    static let wildcard: Int32 = -2
    /// Every trigger, and its pattern as vocabulary ids (`wildcard` for `*`), all patterns in one array:
    /// trigger `n`'s is `patternIDs[patternStart[n]..<patternStart[n + 1]]`.
    let triggers: [EventTrigger]
    let patternIDs: [Int32]
    let patternStart: [Int]
    /// Triggers by the vocabulary id of their first word, longest pattern first: word `w`'s are
    /// `triggersByFirst[firstStart[w]..<firstStart[w + 1]]`.
    let triggersByFirst: [Int]
    let firstStart: [Int]

    public init(lexicons: Lexicons) {
        let vocabulary = lexicons.vocabulary
        var byFirst = [[EventTrigger]](repeating: [], count: vocabulary.count)
        for (first, list) in lexicons.triggers {
            let f = vocabulary.id(first)
            if f >= 0 { byFirst[Int(f)] = list }
        }
        var triggers: [EventTrigger] = []
        var patternIDs: [Int32] = []
        var patternStart = [0]
        var triggersByFirst: [Int] = []
        var firstStart = [0]
        for list in byFirst {
            for t in list {
                triggersByFirst.append(triggers.count)
                triggers.append(t)
                patternIDs += t.pattern.map { $0 == "*" ? Self.wildcard : vocabulary.id($0) }
                patternStart.append(patternIDs.count)
            }
            firstStart.append(triggersByFirst.count)
        }
        self.triggers = triggers
        self.patternIDs = patternIDs
        self.patternStart = patternStart
        self.triggersByFirst = triggersByFirst
        self.firstStart = firstStart
    }

    /// Trigger phrases in `range`, left to right, the longest at each place. Tokens carry vocabulary ids.
    public func hits(in tokens: [Token], range: Range<Int>) -> [Hit] {
        var out: [Hit] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard tokens[i].classes.contains(.triggerFirst) else { i += 1; continue }
            var best: (n: Int, end: Int)?
            let id = Int(tokens[i].id)
            if id >= 0, id + 1 < firstStart.count {
                for k in firstStart[id]..<firstStart[id + 1] {
                    let n = triggersByFirst[k]
                    if let end = match(patternStart[n]..<patternStart[n + 1], tokens, at: i, limit: range.upperBound), best == nil || end > best!.end {
                        best = (n, end)
                    }
                }
            }
            if let b = best { out.append(Hit(trigger: triggers[b.n], range: i..<b.end)); i = b.end } else { i += 1 }
        }
        return out
    }

    /// Where the pattern `patternIDs[pattern]` matched from token `i` ends, if it does.
    private func match(_ pattern: Range<Int>, _ tokens: [Token], at i: Int, limit: Int) -> Int? {
        func go(_ p: Int, _ k: Int) -> Int? {
            if p == pattern.upperBound { return k }
            if patternIDs[p] == Self.wildcard {
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
            guard k < limit, tokens[k].id == patternIDs[p] else { return nil }
            return go(p + 1, k + 1)
        }
        return go(pattern.lowerBound, i)
    }
}

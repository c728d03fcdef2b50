/// Finds the trigger phrases of `event-triggers.tsv` in a sentence (`met with`, `held * talks`,
/// `telephone conversation`), with `*` standing for up to three words.
public struct EventTriggerMatcher: Sendable {
    /// A trigger found at a token range.
    public struct Hit: Sendable {
        public var trigger: EventTrigger
        public var range: Range<Int>
    }

    let triggers: [String: [EventTrigger]]
    let prefilter: KeyPrefilter
    public init(lexicons: Lexicons) {
        triggers = lexicons.triggers
        prefilter = KeyPrefilter(lexicons.triggers.keys)
    }

    public func hits(in tokens: [Token], range: Range<Int>) -> [Hit] {
        var out: [Hit] = []
        var i = range.lowerBound
        while i < range.upperBound {
            var best: Hit?
            if prefilter.mayContain(tokens[i].key), let list = triggers[tokens[i].key] {
                for t in list {
                    if let end = match(t.pattern, tokens, at: i, limit: range.upperBound), best == nil || end - i > best!.range.count {
                        best = Hit(trigger: t, range: i..<end)
                    }
                }
            }
            if let b = best { out.append(b); i = b.range.upperBound } else { i += 1 }
        }
        return out
    }

    private func match(_ pattern: [String], _ tokens: [Token], at i: Int, limit: Int) -> Int? {
        func go(_ p: Int, _ k: Int) -> Int? {
            if p == pattern.count { return k }
            if pattern[p] == "*" {
                // Up to three words; a hyphenated compound ("in-person", "Ghana-Kenya") counts as one.
                var kk = k
                var words = 0
                while true {
                    if let e = go(p + 1, kk) { return e }
                    guard kk < limit, words < 3 else { return nil }
                    let t = tokens[kk]
                    if t.isPunctuation { return nil }
                    kk += 1
                    while kk + 1 < limit, tokens[kk].key == "-", tokens[kk].isAttached, tokens[kk + 1].isAttached, !tokens[kk + 1].isPunctuation { kk += 2 }
                    words += 1
                }
            }
            guard k < limit, tokens[k].key == pattern[p] else { return nil }
            return go(p + 1, k + 1)
        }
        return go(0, i)
    }
}

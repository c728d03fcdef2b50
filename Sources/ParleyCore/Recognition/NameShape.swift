/// Facts about personal-name tokens shared by the person recogniser and the reference resolver:
/// which tokens can be part of a name, where a name span ends, and how spellings compare.
public struct NameShape: Sendable {
    static let particles: Set<String> = ["bin", "binti", "bint", "ibn", "al", "el", "van", "von", "der", "den", "de", "da", "dos",
                                         "das", "du", "la", "le", "di", "del", "della", "abu", "ould", "ter", "ten", "y", "e", "zu"]

    /// Verbs that title-case headlines capitalise ("Minister Visits Hanoi"): never name words.
    static let headlineVerbs: Set<String> = ["visits", "receives", "meets", "holds", "attends", "hosts", "signs", "calls", "leads",
                                             "congratulates", "sends", "welcomes", "talks", "met", "visited", "received", "held",
                                             "attended", "hosted", "signed", "says", "urges", "pays", "discusses", "discussed",
                                             "underscores", "stresses", "reaffirms", "hails", "thanks", "addresses", "opens", "chairs",
                                             "joins", "expresses", "extends", "conveys", "exchange", "exchanges", "concludes", "launches",
                                             "arrives", "departs", "returns", "leaves", "lands", "begins", "ends", "wraps"]

    /// Particles after which an Arabic name always goes on ("Al Sabah", "bin Salman").
    static let arabicParticles: Set<String> = ["al", "bin", "bint", "ibn", "abu"]

    static let givenNameAbbreviations: Set<String> = ["md", "mohd", "muhd", "abd", "syed", "sk", "ma"]

    /// Words that turn a preceding personal name into the name of a place or thing.
    static let thingWords: Set<String> = ["house", "hall", "centre", "center", "street", "square", "road", "avenue", "stadium", "school",
                                          "university", "airport", "foundation", "institute", "museum", "memorial", "park", "bridge",
                                          "port", "prize", "award", "station", "mausoleum", "monument", "library", "hospital", "college",
                                          "boulevard", "palace", "building", "tower", "complex", "dam", "highway", "expressway", "campus", "hotel"]

    /// Whether token `i` can be a word of a personal name.
    static func isNameWord(_ c: ExtractionContext, _ i: Int) -> Bool {
        guard i < c.tokens.count, !c.claimed[i] else { return false }
        if !c.nameWordCandidates.isEmpty { return c.nameWordCandidates[i] }
        return computeNameWord(c, i)
    }

    /// The part of `isNameWord` that does not change while people are recognised (all but `claimed`).
    static func computeNameWord(_ c: ExtractionContext, _ i: Int) -> Bool {
        let t = c.tokens[i]
        guard t.kind == .word, t.isCapitalized || t.isAllCaps else { return false }
        if !t.classes.isDisjoint(with: [.headlineVerb, .orgHead]) { return false }
        // "MPs", "MLAs", "MEPs": an acronym in the plural names a body's members, not a person.
        if isPluralAcronym(t) { return false }
        if t.classes.contains(.nonName) {
            // Short capitalised function words inside a sentence are name parts: "To Lam", "Dang Hoang An".
            let sentenceStart = c.sentenceOfToken[i] < c.sentences.count && c.sentences[c.sentenceOfToken[i]].tokenRange.lowerBound == i
            guard t.key.count <= 3, !t.isAllCaps, !sentenceStart, !t.flags.contains(.newlineBefore),
                  ["to", "an", "do", "at", "as", "so", "no", "ha", "he", "le", "la", "ly", "by"].contains(t.key) else { return false }
            let prevIsName = i > 0 && c.tokens[i - 1].isCapitalized && c.tokens[i - 1].kind == .word && !c.tokens[i - 1].classes.contains(.nonName)
            let nextIsName = i + 1 < c.tokens.count && c.tokens[i + 1].isCapitalized && c.tokens[i + 1].kind == .word && !c.tokens[i + 1].classes.contains(.nonName)
            guard prevIsName || nextIsName else { return false }
        }
        if t.classes.contains(.calendar) {
            // "Sun Haiyan" is a name; "Sun." or "Sat 12" is a weekday.
            let next = i + 1 < c.tokens.count ? c.tokens[i + 1] : nil
            let prev = i > 0 ? c.tokens[i - 1].key : ""
            if t.key.count > 3 || next == nil || next!.key == "." || next!.kind == .number || prev == "on" || prev == "," && next!.kind == .number { return false }
        }
        // A lone capitalised word opening a sentence and followed by a comma is an adverb or a place ("Separately,").
        if i + 1 < c.tokens.count, c.tokens[i + 1].key == ",", c.sentenceOfToken[i] < c.sentences.count,
           c.sentences[c.sentenceOfToken[i]].tokenRange.lowerBound == i { return false }
        if !c.definedAcronyms.isEmpty, c.definedAcronyms[t.key] != nil { return false }
        if isHyphenatedCommonWord(c, i) { return false }
        if t.key.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return false }
        if let m = c.match(at: i) {
            for h in m.hits {
                switch h {
                case .person: continue
                case .place where m.range.count == 1 && !t.isAllCaps:
                    // A one-word place next to a name word may be a surname (Jordan, Georgia): only when inside a longer name.
                    return false
                default: return false
                }
            }
        }
        return true
    }

    /// An upper-case acronym with a plural "s" ("MPs", "MLAs").
    static func isPluralAcronym(_ t: Token) -> Bool {
        let b = t.text.utf8
        guard b.count >= 3, b.count <= 6, b.last == UInt8(ascii: "s") else { return false }
        return b.dropLast().allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// The quoted nickname (quotes included) starting at `i`: a quote, one or two capitalised words, a quote.
    static func quotedNickname(_ c: ExtractionContext, at i: Int, end: Int) -> Range<Int>? {
        guard i + 2 < end, c.tokens[i].key == "\"" || c.tokens[i].key == "'" else { return nil }
        var k = i + 1
        while k < end, k - i <= 2, c.tokens[k].kind == .word, c.tokens[k].isCapitalized { k += 1 }
        guard k > i + 1, k < end, c.tokens[k].key == c.tokens[i].key else { return nil }
        return i..<(k + 1)
    }

    /// The quoted nickname inside a name span, if any.
    static func nickname(_ c: ExtractionContext, in nr: Range<Int>) -> Range<Int>? {
        for k in nr where c.tokens[k].key == "\"" || c.tokens[k].key == "'" { return quotedNickname(c, at: k, end: nr.upperBound) }
        return nil
    }

    /// A name span as printed, without a nickname inside it ("Joko Widodo").
    static func surface(_ c: ExtractionContext, _ nr: Range<Int>) -> String {
        guard let q = nickname(c, in: nr) else { return c.text(nr) }
        return c.text(nr.lowerBound..<q.lowerBound) + " " + c.text(q.upperBound..<nr.upperBound)
    }

    /// The keys of a name span's words, without a nickname inside it.
    static func wordKeys(_ c: ExtractionContext, _ nr: Range<Int>) -> [String] {
        let q = nickname(c, in: nr) ?? nr.lowerBound..<nr.lowerBound
        return nr.filter { !q.contains($0) && c.tokens[$0].kind == .word }.map { c.tokens[$0].key }
    }

    /// "Co-operation", "Self-reliance": a capitalised word joined to a long lower-case word is a common word.
    static func isHyphenatedCommonWord(_ c: ExtractionContext, _ i: Int) -> Bool {
        guard i + 2 < c.tokens.count, c.tokens[i].kind == .word, c.tokens[i + 1].key == "-", c.tokens[i + 1].isAttached else { return false }
        let next = c.tokens[i + 2]
        return next.isAttached && next.kind == .word && !next.isCapitalized && next.key.utf8.count > 5 && !particles.contains(next.key)
    }

    /// Whether token `i` is an initial: a single capital followed by an attached full stop.
    static func isInitial(_ c: ExtractionContext, _ i: Int) -> Bool {
        guard i + 1 < c.tokens.count, !c.claimed[i] else { return false }
        let t = c.tokens[i]
        return t.flags.contains(.singleLetter) && c.tokens[i + 1].key == "." && c.tokens[i + 1].isAttached
    }

    /// The name span starting at `i`: name words, initials, hyphenated parts and inner particles.
    /// Returns the range and how many name parts it has (initials count as parts).
    static func span(_ c: ExtractionContext, at start: Int, end: Int) -> (range: Range<Int>, parts: Int, words: Int)? {
        // Names start with a capital: most positions are rejected here.
        guard start < end, c.tokens[start].flags.contains(.capitalized) || c.tokens[start].flags.contains(.allCaps) else { return nil }
        var j = start
        var parts = 0
        var words = 0
        while j < end, parts < 6 {
            // Abbreviated given names: "Md. Touhid Hossain", "Mohd. Nasir".
            if c.tokens[j].isCapitalized, c.tokens[j].key.utf8.count <= 4, Self.givenNameAbbreviations.contains(c.tokens[j].key),
               j + 2 < end, c.tokens[j + 1].key == ".", c.tokens[j + 1].isAttached, isNameWord(c, j + 2), !c.claimed[j] {
                j += 2; parts += 1; continue
            }
            if isInitial(c, j) {
                // "A." then a name word (or another initial) must follow.
                guard j + 2 < end, isNameWord(c, j + 2) || isInitial(c, j + 2) else { break }
                j += 2; parts += 1; continue
            }
            // "Mishal Al Ahmed Al Sabah", "Faisal bin Farhan": the word after an Arabic particle is a name part even
            // when it is also a place's name.
            if parts > 0, j > start, Self.arabicParticles.contains(c.tokens[j - 1].key), c.tokens[j].kind == .word,
               c.tokens[j].isCapitalized, !c.claimed[j], !isNameWord(c, j), c.tokens[j].classes.isDisjoint(with: [.orgHead, .nonName]) {
                j += 1; parts += 1; words += 1
                continue
            }
            // Joko "Jokowi" Widodo: a nickname in quotes inside the name.
            if parts > 0, let q = quotedNickname(c, at: j, end: end), q.upperBound < end, isNameWord(c, q.upperBound) {
                j = q.upperBound
                continue
            }
            if isNameWord(c, j) {
                j += 1; parts += 1; words += 1
                while j + 1 < end, c.tokens[j].key == "-", c.tokens[j].isAttached, c.tokens[j + 1].isAttached,
                      c.tokens[j + 1].kind == .word, c.tokens[j + 1].isCapitalized || c.tokens[j + 1].classes.contains(.nameParticle)
                        || c.tokens[j + 1].key.count <= 5 {   // Korean given names: "Tae-won", "Hong-kyun"
                    j += 2
                }
                continue
            }
            let t = c.tokens[j]
            if parts > 0, t.kind == .word, !t.isCapitalized, t.classes.contains(.nameParticle), j + 1 < end, isNameWord(c, j + 1) {
                j += 1; continue
            }
            // "de la Fuente", "van der Berg"
            if parts > 0, t.kind == .word, !t.isCapitalized, t.classes.contains(.nameParticle), j + 2 < end,
               c.tokens[j + 1].classes.contains(.nameParticle), !c.tokens[j + 1].isCapitalized || c.tokens[j + 1].key == "la", isNameWord(c, j + 2) {
                j += 2; continue
            }
            // "José de Venecia Jr.", "Ferdinand R. Marcos, Jr."
            if parts >= 2, t.kind == .word, t.key == "jr" || t.key == "sr", t.isCapitalized, j + 1 < end, c.tokens[j + 1].key == ".", c.tokens[j + 1].isAttached {
                j += 2; break
            }
            if parts >= 2, t.key == ",", j + 2 < end, c.tokens[j + 1].key == "jr" || c.tokens[j + 1].key == "sr", c.tokens[j + 1].isCapitalized,
               c.tokens[j + 2].key == ".", c.tokens[j + 2].isAttached {
                j += 3; break
            }
            // "al-Sisi", "el-Sayed", "bin-Zayed"
            if parts > 0, t.kind == .word, !t.isCapitalized, t.classes.contains(.nameParticle), j + 2 < end, c.tokens[j + 1].key == "-",
               c.tokens[j + 1].isAttached, c.tokens[j + 2].isAttached, isNameWord(c, j + 2) {
                j += 3; parts += 1; words += 1; continue
            }
            // A final one-letter name part without a stop: "Nguyen Van A".
            if parts >= 2, t.flags.contains(.singleLetter), !(j + 1 < end && c.tokens[j + 1].key == "." && c.tokens[j + 1].isAttached),
               !(j + 1 < end && c.tokens[j + 1].isCapitalized) {
                j += 1; parts += 1; words += 1; break
            }
            break
        }
        guard parts > 0, words > 0 else { return nil }
        // "Albert Luthuli House", "Jomo Kenyatta Airport": a name that names a building or thing.
        if j < c.tokens.count, c.tokens[j].isCapitalized, c.tokens[j].classes.contains(.thingWord) { return nil }
        return (start..<j, parts, words)
    }

    /// A spelling skeleton that maps transliteration variants together: `Ahmadov`/`Akhmedov`,
    /// `Sergey`/`Sergei`, `Mohammed`/`Muhammad`, `Aliyev`/`Aliev` share one.
    public static func skeleton(_ key: String) -> String {
        // Works on folded ASCII bytes: kh→h, ph→f, ck→k, zh/dj→j, q→k; vowels, y and w dropped after the
        // first letter; doubled consonants collapsed.
        var folded = key
        if key.utf8.contains(where: { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }) { folded = TextNormalizer.fold(key) }
        var s: [UInt8] = []
        s.reserveCapacity(folded.utf8.count)
        for b in folded.utf8 where (b >= 0x61 && b <= 0x7A) { s.append(b) }
        guard let first = s.first else { return "" }
        var out: [UInt8] = [first == UInt8(ascii: "y") ? UInt8(ascii: "i") : first]
        out.reserveCapacity(s.count)
        var i = 1
        while i < s.count {
            let c = s[i]
            let next: UInt8 = i + 1 < s.count ? s[i + 1] : 0
            var emit: UInt8 = c
            var step = 1
            switch c {
            case UInt8(ascii: "k") where next == UInt8(ascii: "h"): emit = UInt8(ascii: "h"); step = 2
            case UInt8(ascii: "p") where next == UInt8(ascii: "h"): emit = UInt8(ascii: "f"); step = 2
            case UInt8(ascii: "c") where next == UInt8(ascii: "k"): emit = UInt8(ascii: "k"); step = 2
            case UInt8(ascii: "z") where next == UInt8(ascii: "h"): emit = UInt8(ascii: "j"); step = 2
            case UInt8(ascii: "d") where next == UInt8(ascii: "j"): emit = UInt8(ascii: "j"); step = 2
            case UInt8(ascii: "q"): emit = UInt8(ascii: "k")
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"), UInt8(ascii: "w"):
                i += 1
                continue
            default: break
            }
            if step == 2 { out.append(emit); i += 2; continue }
            if out.last != emit { out.append(emit) }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

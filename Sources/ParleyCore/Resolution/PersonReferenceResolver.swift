/// Links the shorter and variant forms of a name to a person already recognised in the same release:
/// a surname or given name alone (`Liu said`, `Budagov`), initials (`T. Budagov`), transliteration
/// variants (`A. Akhmedov` for `Ali Ahmadov`, `Sergei` for `Sergey`) and name-order swaps
/// (`HAYASHI Yoshimasa` for `Yoshimasa Hayashi`). Each form becomes an alias of that person.
public struct PersonReferenceResolver: PipelineStage {
    public let name = "person-references"
    public init() {}

    public func run(_ context: inout ExtractionContext) {
        guard !context.people.isEmpty else { return }
        for s in context.sentences where !context.layout.chromeSentences.contains(s.index) {
            var i = s.tokenRange.lowerBound
            while i < s.tokenRange.upperBound {
                guard !context.claimed[i] else { i += 1; continue }
                guard let (nr, _, _) = NameShape.span(context, at: i, end: s.tokenRange.upperBound) else {
                    // "Mensah, Lopes, and members of the delegations held talks": a known surname opening a sentence
                    // before a comma (which alone reads as an adverb or a place) still names that person.
                    let t = context.tokens[i]
                    if i == s.tokenRange.lowerBound, t.kind == .word, t.isCapitalized, i + 1 < s.tokenRange.upperBound,
                       context.tokens[i + 1].key == ",", let p = Self.resolve(context, nameRange: i..<(i + 1)) {
                        context.personMentions.append(PersonMention(tokens: i..<(i + 1), person: p, sentence: s.index))
                        context.claimed[i] = true
                    }
                    i += 1
                    continue
                }
                if let p = Self.resolve(context, nameRange: nr) {
                    context.personMentions.append(PersonMention(tokens: nr, person: p, sentence: s.index))
                    let surface = context.text(nr)
                    if surface != context.people[p].name, !context.people[p].aliases.contains(surface) {
                        context.people[p].aliases.append(surface)
                    }
                    for k in nr { context.claimed[k] = true }
                }
                i = nr.upperBound
            }
        }
        resolveTitleReferences(&context)
        Self.mergeSurnameOnlyPeople(&context)
        context.personMentions.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// A person known only by one name word ("Foreign Minister Abdelatty receives …" in a headline, before the
    /// body gives "Dr. Badr Abdelatty") is the one person of the release whose full name has that word, when
    /// exactly one has it and their countries do not differ: the two records become one.
    static func mergeSurnameOnlyPeople(_ c: inout ExtractionContext) {
        var p = 0
        while p < c.people.count {
            let single = c.people[p]
            // One name word, or a hyphenated surname ("Mensah-Addo") whose words all belong to a fuller name.
            let hyphenParts = single.name.contains("-") && !single.name.contains(" ")
                ? TextNormalizer.fold(single.name).split(separator: "-").map(String.init) : []
            guard (1...2).contains(single.coreKeys.count) || hyphenParts.count == 2 else { p += 1; continue }
            let full = c.people.indices.filter { f in
                guard f != p, c.people[f].coreKeys.count > single.coreKeys.count || hyphenParts.count == 2 else { return false }
                // A name word of theirs, or their nickname ("Jokowi" for Joko "Jokowi" Widodo).
                // "Mensah-Addo" for Ama Mensah: a double-barrelled surname that opens with the fuller name's surname.
                guard single.coreKeys.allSatisfy({ c.people[f].coreKeys.contains($0) })
                        || hyphenParts.count == 2 && c.people[f].coreKeys.count >= 2 && hyphenParts[0] == c.people[f].coreKeys.last
                        || single.coreKeys.count == 1 && c.people[f].foldedAliases.contains(single.foldedName) else { return false }
                if let a = single.country, let b = c.people[f].country, a != b { return false }
                if let a = single.known, let b = c.people[f].known, a != b { return false }
                // "King Abdullah" beside "Yusuf Bin Alawi Bin Abdullah": a father's name is nobody's surname.
                if single.coreKeys.count == 1, single.coreKeys[0] == c.people[f].coreKeys.last, Self.lastNameIsPatronymic(c.people[f].name) { return false }
                return true
            }
            guard full.count == 1 else { p += 1; continue }
            let f = full[0]
            for alias in [single.name] + single.aliases where alias != c.people[f].name && !c.people[f].aliases.contains(alias) {
                c.people[f].aliases.append(alias)
            }
            for t in single.titles where !c.people[f].titles.contains(t) { c.people[f].titles.append(t) }
            if c.people[f].country == nil { c.people[f].country = single.country }
            if c.people[f].organization == nil { c.people[f].organization = single.organization }
            if c.people[f].known == nil { c.people[f].known = single.known }
            c.people[f].isHeadOfState = c.people[f].isHeadOfState || single.isHeadOfState
            c.people.remove(at: p)
            for m in c.personMentions.indices {
                if c.personMentions[m].person == p { c.personMentions[m].person = f > p ? f - 1 : f }
                else if c.personMentions[m].person > p { c.personMentions[m].person -= 1 }
            }
        }
    }

    /// Whether a name ends in a father's name ("… Bin Abdullah", "… ibn Saud"): its last word alone names another person.
    static func lastNameIsPatronymic(_ name: String) -> Bool {
        let keys = TextNormalizer.keys(name)
        return keys.count >= 3 && ["bin", "bint", "ibn", "ben"].contains(keys[keys.count - 2])
    }

    /// "the Minister of State", "the Deputy President", "the Uzbek minister": a definite title with no
    /// name after it refers to the one person of the release who holds that title.
    func resolveTitleReferences(_ c: inout ExtractionContext) {
        for s in c.sentences where s.index >= c.layout.bodyStartSentence && !c.layout.chromeSentences.contains(s.index) {
            var i = s.tokenRange.lowerBound
            while i + 1 < s.tokenRange.upperBound {
                guard c.tokens[i].key == "the", !c.claimed[i + 1],
                      let tp = TitlePhraseParser.parse(c, at: i + 1, end: s.tokenRange.upperBound, anyCase: true) else { i += 1; continue }
                let after = tp.range.upperBound
                // A name, honorific or comma-name after the title: the recogniser's business, not a reference.
                if after < s.tokenRange.upperBound, c.tokens[after].isCapitalized || c.tokens[after].key == "," && after + 1 < s.tokenRange.upperBound && c.tokens[after + 1].isCapitalized {
                    i = after; continue
                }
                let phrase = TextNormalizer.fold(tp.titles.joined(separator: " "))
                // "the Serbian Foreign Minister" after "Minister of Foreign Affairs of Serbia X": printed forms of one
                // office compare as one when the reference names the holder's country.
                let office = c.lexicons.canonicalTitle(phrase)
                let candidates = c.people.indices.filter { p in
                    let person = c.people[p]
                    if let country = tp.country, person.country != nil, person.country != country { return false }
                    if tp.country != nil, person.country == tp.country,
                       person.titles.contains(where: { c.lexicons.canonicalTitle(TextNormalizer.fold($0)).contains(office) }) { return true }
                    return person.titles.contains { t in
                        let ft = TextNormalizer.fold(t)
                        return ft == phrase || ft.hasPrefix(phrase + " ") || ft.hasSuffix(" " + phrase) || (tp.country != nil && ft.contains(phrase))
                    }
                }
                if candidates.count == 1 {
                    c.personMentions.append(PersonMention(tokens: tp.range, person: candidates[0], sentence: s.index))
                    for k in tp.range { c.claimed[k] = true }
                }
                i = after
            }
        }
    }

    /// The person an uncommitted name span refers to, preferring the most recently added one.
    public static func resolve(_ c: ExtractionContext, nameRange nr: Range<Int>) -> Int? {
        let toks = c.tokens[nr]
        var words: [String] = []
        var initials: [String] = []
        var order: [(key: String, initial: Bool)] = []
        var k = nr.lowerBound
        while k < nr.upperBound {
            let t = c.tokens[k]
            if t.kind == .word, !NameShape.particles.contains(t.key) || c.tokens[nr].filter({ $0.kind == .word }).count == 1 {
                let isInitial = t.flags.contains(.singleLetter) && k + 1 < c.tokens.count && c.tokens[k + 1].key == "." && c.tokens[k + 1].isAttached
                if isInitial { initials.append(t.key) } else { words.append(t.key) }
                order.append((t.key, isInitial))
            }
            k += 1
        }
        guard !words.isEmpty else { return nil }
        let folded = TextNormalizer.fold(c.text(nr))
        // Skeletons are computed only when a comparison needs them.
        var wordSkeletonCache: [String]?
        var joinedSkeletonCache: String?
        func wordSkeletons() -> [String] {
            if let w = wordSkeletonCache { return w }
            let w = words.map(NameShape.skeleton); wordSkeletonCache = w; return w
        }
        func joinedSkeleton() -> String {
            if let j = joinedSkeletonCache { return j }
            let j = NameShape.skeleton(words.joined()); joinedSkeletonCache = j; return j
        }
        for p in c.people.indices.reversed() {
            let person = c.people[p]
            let pk = person.coreKeys
            let ps = person.skeletons
            guard !pk.isEmpty else { continue }
            if person.foldedName == folded || person.foldedAliases.contains(folded) { return p }
            if initials.isEmpty, words.count == 1 {
                let w = words[0]
                if pk.count >= 2, w == pk.first || w == pk.last && !Self.lastNameIsPatronymic(person.name) { return p }
                // Spanish and Portuguese double surnames: "Téllez" for "Rosa María Téllez Ochoa".
                if pk.count >= 3, pk.dropFirst().dropLast().contains(w), w.count > 3 { return p }
                continue
            }
            if !initials.isEmpty {
                // T. Budagov / A. Akhmedov: surname equal or a variant, initial equals the given name's first letter.
                guard let last = words.last, pk.count >= 2, let lastSkeleton = wordSkeletons().last else { continue }
                let surnameMatches = last == pk.last! || lastSkeleton == ps.last!
                let surnameFirst = last == pk.first! || lastSkeleton == ps.first!
                if surnameMatches, let i0 = initials.first, pk.first!.hasPrefix(i0) { return p }
                if surnameFirst, let i0 = initials.first, pk.last!.hasPrefix(i0) { return p }
                continue
            }
            // Same words in another order, or word-by-word transliteration variants.
            if words.count == pk.count, Set(words) == Set(pk) { return p }
            if words.count == pk.count, words.count >= 2 {
                var same = 0, variant = true, initialsAgree = true
                for k in 0..<words.count {
                    if words[k] == pk[k] { same += 1; continue }
                    if wordSkeletons()[k] != ps[k] { variant = false; break }
                    if words[k].prefix(1) != pk[k].prefix(1) { initialsAgree = false }
                }
                if variant && (same >= 1 || initialsAgree) { return p }
            }
            // Spaced and joined spellings: "Abdel Aty" / "Abdelatty".
            if words.count >= 2 || pk.count >= 2, words.first?.prefix(1) == pk.first?.prefix(1), joinedSkeleton() == person.joinedSkeleton { return p }
            // A two-word form of a longer name: "Lula da Silva" / "Luiz Inacio Lula da Silva"
            // Not an Arabic family name: "Ahmed Al Sabah" is another member of the family of "Mishal Al Ahmed Al Sabah".
            if words.count >= 2, words.count < pk.count, pk.suffix(words.count).elementsEqual(words),
               !toks.contains(where: { NameShape.arabicParticles.contains($0.key) }) { return p }
        }
        return nil
    }
}

/// A stored person a store's look-up found: its id, the country it represents, and the stored alias that
/// matched (read when the look-up needs it, see `PersonLookup.needsAlias`).
public struct PersonCandidate: Sendable, Equatable {
    public var id: Int64
    public var country: String?
    public var alias: String?

    public init(id: Int64, country: String?, alias: String?) {
        self.id = id
        self.country = country
        self.alias = alias
    }
}

/// One way of finding a stored person for a document's person (see `PersonResolver.lookups`): a key over the
/// stored aliases (`aliasKey`, `skeletonKey` with `initial`, or `surnameKey` with `initial`). Each store runs it as
/// its own index probe over its alias table.
public struct PersonLookup: Sendable, Equatable, Hashable {
    public enum Match: Sendable, Hashable {
        /// Same name, order and case free.
        case alias
        /// Same transliteration skeleton and first initial.
        case skeleton
        /// A document's initial form ("T. Budagov") against stored names with that surname and initial.
        case initialAndSurname
        /// A document's full name against stored initial forms of it.
        case initialFormOfFullName
        /// A document's full name against stored full names with its surname (or the surname transliterated
        /// another way, `NameKeys.surnameVariants`) and initial that are spelled a little differently
        /// ("Steve"/"Steven Witkoff", "Yun Byun-se"/"Yun Byung-se") or are it with words left out or added
        /// ("Kwame Mensah"/"Kwame Osei Mensah", `isPartOfName`).
        case closeFullName
        /// A document's full name against stored names with the same words after a leading Muhammad, or without
        /// its own leading Muhammad ("Shehbaz Sharif"/"Muhammad Shehbaz Sharif"), by transliteration skeleton.
        case withOrWithoutMuhammad
        /// A one-word name against stored full names that end with it, whatever their initial ("Khurelsukh" of
        /// "Ukhnaagiin Khurelsukh"), for the one-name rule (`PersonResolver.singleNameLookups`).
        case lastWordOfFullName
    }
    /// The key column a look-up probes (`surnameKey` with `initial`, or alone when `initial` is nil).
    public enum Column: Sendable { case aliasKey, skeletonKey, surnameKey }

    public var match: Match
    /// The `aliasKey`, `skeletonKey` or `surnameKey` to look up.
    public var key: String
    /// The first initial the stored alias must have too; nil for a same-name lookup.
    public var initial: String?
    /// The document's form of the name that gave the key.
    public var form: String
    /// The form's words of two letters or more, for the look-ups that compare words (`isPartOfName`).
    var formWords: [String]

    public init(match: Match, key: String, initial: String?, form: String) {
        self.init(match: match, key: key, initial: initial, form: form,
                  formWords: [.closeFullName, .withOrWithoutMuhammad, .lastWordOfFullName].contains(match) ? NameKeys(form).fullWords : [])
    }

    init(match: Match, key: String, initial: String?, form: String, formWords: [String]) {
        self.match = match
        self.key = key
        self.initial = initial
        self.form = form
        self.formWords = formWords
    }

    public var column: Column {
        switch match {
        case .alias: return .aliasKey
        case .skeleton, .withOrWithoutMuhammad: return .skeletonKey
        case .initialAndSurname, .initialFormOfFullName, .closeFullName, .lastWordOfFullName: return .surnameKey
        }
    }

    /// Whether the decision needs the stored alias that matched (a transliteration variant and the last look-up do).
    public var needsAlias: Bool { match != .alias && match != .initialAndSurname }

    /// Whether a stored alias found by the key may be a hit: the last lookup takes only initial forms; a
    /// transliteration variant must differ from the document's form in few letters (`Sergey`/`Sergei`,
    /// `Mohammed`/`Muhammad`), not merely share consonants (`Li Keqiang`/`Lu Kang`).
    public func accepts(alias: String) -> Bool {
        switch match {
        // These run for every row a key finds: they read a name's words, not its whole keys.
        case .initialFormOfFullName:
            let words = NameKeys.words(alias)
            return NameKeys.isInitialForm(words, fullWords: words.filter { $0.count > 1 })
        case .skeleton: return Self.spellingsClose(NameKeys.aliasKey(form), NameKeys.aliasKey(alias)) && Self.initialsAgree(form, alias)
        case .closeFullName, .withOrWithoutMuhammad:
            let words = NameKeys.words(alias), full = words.filter { $0.count > 1 }
            guard words.count >= 2, !NameKeys.isInitialForm(words, fullWords: full) else { return false }
            // The given names close too: "Nawaf Al-Ahmad Al-Sabah" is not "Mishal Al-Ahmad Al-Sabah".
            let close = Self.isPartOfName(formWords, full) || match == .closeFullName
                && Self.spellingsClose(Self.nameLetters(form), Self.nameLetters(alias))
                && Self.spellingsClose(Self.givenNameLetters(form), Self.givenNameLetters(alias))
            return close && Self.initialsAgree(form, alias)
        case .lastWordOfFullName:
            // A full name: two words that are not particles ("Bin Abdulaziz" is a father's name, not a person's).
            let full = NameKeys.words(alias).filter { $0.count > 1 }
            return full.last == formWords.last && full.filter { !NameShape.particles.contains($0) }.count >= 2
        default: return true
        }
    }

    /// A name's letters in printed order, folded, without spaces or marks ("Fu'ad Hussain" → "fuadhussain").
    static func letters<S: StringProtocol>(_ name: S) -> String {
        String(String.UnicodeScalarView(TextNormalizer.fold(String(name)).unicodeScalars.filter { $0.properties.isAlphabetic }))
    }

    /// A name's printed words after the honorifics it opens with ("Sheikh Nawaf Al Ahmad" → "Nawaf", "Al", "Ahmad"),
    /// and after a Sayyid, which opens the names of a whole family ("Sayyid Badr …" is not "Sayyid Nasr …").
    static func nameWords(_ name: String) -> ArraySlice<Substring> {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
        let start = words.firstIndex {
            let w = letters($0)
            return !NameKeys.honorifics.contains(w) && !familyHonorifics.contains(w)
        } ?? words.startIndex
        return words[start...]
    }

    /// Words that open the names of a whole family like a given name, left out when given names are compared
    /// (not of the keys: "Syed" is many a person's given name).
    static let familyHonorifics: Set<String> = ["sayyid", "sayyida", "sayid", "sayed", "sayyed", "syed"]

    /// The letters of a name without its opening honorifics ("Sheikh Nawaf …" → "nawaf…").
    static func nameLetters(_ name: String) -> String { letters(nameWords(name).joined(separator: " ")) }

    /// The letters of a name's first word after its honorifics, the given name in most orders ("Fu'ad" → "fuad").
    static func givenNameLetters(_ name: String) -> String { nameWords(name).first.map { letters($0) } ?? letters(name) }

    /// Whether one name is the other with words left out: the shorter one's words, two or more, are found in order
    /// in the longer one, each spelled alike (`wordsAlike`), its first word the longer one's first — after a
    /// leading Muhammad the other leaves out — and its last word the very same last word ("Shehbaz Sharif" in
    /// "Muhammad Shehbaz Sharif", "Kareem Al Haddad" in "Karim Al-Nour Al-Haddad"). "Ali Hassan" is not part of
    /// "Ali Reza Hassani".
    static func isPartOfName(_ a: String, _ b: String) -> Bool { isPartOfName(NameKeys(a).fullWords, NameKeys(b).fullWords) }

    /// `isPartOfName` over two names' `fullWords`.
    static func isPartOfName(_ a: [String], _ b: [String]) -> Bool {
        var short = a, long = b
        if short.count > long.count { swap(&short, &long) }
        guard short.count >= 2, short.count < long.count else { return false }
        if isMuhammad(long[0]) && !wordsAlike(short[0], long[0]) { long.removeFirst() }
        guard wordsAlike(short[0], long[0]), short[short.count - 1] == long[long.count - 1] else { return false }
        // The middle words in order, each matched to a later middle word of the longer name.
        var j = 1
        for w in short.dropFirst().dropLast() {
            while j < long.count - 1 && !wordsAlike(w, long[j]) { j += 1 }
            guard j < long.count - 1 else { return false }
            j += 1
        }
        return true
    }

    /// The forms of Muhammad a name may open with or leave out ("Md", "Mohammed", "Muhammad").
    static func isMuhammad(_ word: String) -> Bool { NameKeys.muhammadSkeletons.contains(NameShape.skeleton(word)) }

    /// Two words of a name spelled alike: the same, a few letters apart (`spellingsClose`), or one transliteration
    /// skeleton of three letters or more ("Mishal"/"Meshaal", "Ahmed"/"Ahmad").
    static func wordsAlike(_ a: String, _ b: String) -> Bool {
        if a == b || spellingsClose(a, b) { return true }
        let s = NameShape.skeleton(a)
        return s.utf8.count >= 3 && s == NameShape.skeleton(b)
    }

    /// Middle initials do not disagree: "George W. Bush" is not "George H. W. Bush"; "Antony J. Blinken" may be
    /// "Antony Blinken".
    static func initialsAgree(_ a: String, _ b: String) -> Bool {
        func initials(_ s: String) -> Set<Substring> {
            Set(TextNormalizer.fold(s).split(whereSeparator: { !$0.isLetter }).filter { $0.count == 1 })
        }
        let x = initials(a), y = initials(b)
        return x.isEmpty || y.isEmpty || x == y
    }

    /// Whether two name keys differ in at most a quarter of their letters (at least one).
    static func spellingsClose(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        let allowed = max(1, max(x.count, y.count) / 4)
        guard abs(x.count - y.count) <= allowed else { return false }
        guard !x.isEmpty, !y.isEmpty else { return max(x.count, y.count) <= allowed }
        // Levenshtein distance, one row at a time; stops once a whole row is past the allowance.
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > allowed { return false }
            swap(&previous, &current)
        }
        return previous[y.count] <= allowed
    }

    /// Why a hit is the same person, as a profile's `--why` shows it; `alias` is the stored alias that matched.
    public func reason(alias: String?) -> String {
        switch match {
        case .alias: return "same name as '\(form)'"
        case .skeleton: return "transliteration variant of '\(form)'"
        case .initialAndSurname: return "initial and surname of '\(form)'"
        case .initialFormOfFullName: return "full name of '\(alias ?? form)'"
        case .lastWordOfFullName: return "last name of '\(alias ?? form)'"
        case .closeFullName, .withOrWithoutMuhammad:
            if let alias, match == .withOrWithoutMuhammad || Self.isPartOfName(formWords, NameKeys(alias).fullWords) {
                return "'\(form)' with words left out or added ('\(alias)')"
            }
            return "close spelling of '\(form)'"
        }
    }
}

/// Decides which stored person a document's person is, the same for every backend: people's judgements first
/// (a merge wins, a split keeps apart), then the look-ups in order — same name, transliteration variant, initial
/// and surname, full name of a stored initial form — each taking the store's first candidate the rules admit
/// (not kept apart by a split, not of another country); then the very same distinctive full name of another
/// country (`isDistinctive`); else a new person.
public struct PersonResolver: IdentityResolver {
    /// What the store gives: the name's judgements, and a function that runs one look-up and returns the first
    /// of its candidates, in the store's order, that the given predicate admits.
    public struct Evidence {
        public var judgements: ManualJudgements
        public var firstCandidate: (PersonLookup, (PersonCandidate) -> Bool) throws -> PersonCandidate?

        public init(judgements: ManualJudgements,
                    firstCandidate: @escaping (PersonLookup, (PersonCandidate) -> Bool) throws -> PersonCandidate?) {
            self.judgements = judgements
            self.firstCandidate = firstCandidate
        }
    }

    /// The reason given for a person no stored one matched.
    public static let newReason = "new person"

    public init() {}

    public func resolve(_ p: DocumentAnnotation.Person, _ evidence: Evidence) throws -> IdentityDecision<PersonCandidate> {
        try resolve(p, evidence, keys: { NameKeys($0) })
    }

    /// `resolve` with the name keys from a memo (`keys` must agree with `NameKeys.init`).
    public func resolve(_ p: DocumentAnnotation.Person, _ evidence: Evidence, keys: (String) -> NameKeys) throws -> IdentityDecision<PersonCandidate> {
        if let id = evidence.judgements.sameAs {
            return .same(PersonCandidate(id: id, country: nil, alias: nil), reason: ManualJudgements.mergeReason)
        }
        let lookups = Self.lookups(p, keys: keys)
        for lookup in lookups {
            let admitted = { (c: PersonCandidate) in Self.admits(c, by: lookup, for: p, judgements: evidence.judgements) }
            if let c = try evidence.firstCandidate(lookup, admitted) {
                return .same(c, reason: lookup.reason(alias: c.alias))
            }
        }
        // No one of their country: the very same distinctive full name, or one with words left out that is
        // distinctive still, whatever country the store has for it.
        for lookup in lookups {
            let admitted: (PersonCandidate) -> Bool
            switch lookup.match {
            case .alias where Self.isDistinctive(lookup.form):
                admitted = { !evidence.judgements.notSameAs.contains($0.id) }
            case .closeFullName, .withOrWithoutMuhammad:
                admitted = { c in
                    guard let alias = c.alias, !evidence.judgements.notSameAs.contains(c.id) else { return false }
                    let words = NameKeys(alias).fullWords
                    return PersonLookup.isPartOfName(lookup.formWords, words) && lookup.accepts(alias: alias)
                        && Self.isDistinctive(words: lookup.formWords.count <= words.count ? lookup.formWords : words)
                }
            default: continue
            }
            if let c = try evidence.firstCandidate(lookup, admitted) {
                return .same(c, reason: lookup.reason(alias: c.alias) + ", another country")
            }
        }
        // Known by one name only ("Secretary Blinken"): the one stored person of their country with that name,
        // alone or as the last word of a full name.
        let single = Self.singleNameLookups(p, keys: keys)
        if let form = single.first?.form, let country = p.country {
            var ids: Set<Int64> = []
            var found: PersonCandidate?
            for lookup in single {
                _ = try evidence.firstCandidate(lookup) { c in
                    if c.country == country, !evidence.judgements.notSameAs.contains(c.id), c.alias.map(lookup.accepts(alias:)) ?? true {
                        ids.insert(c.id)
                        found = found ?? c
                    }
                    return false
                }
            }
            if ids.count == 1, let c = found { return .same(c, reason: "the one person of \(country) known as '\(form)'") }
        }
        return .new(reason: Self.newReason)
    }

    /// The look-ups for a person known by one name (see `singleNameForm`): the same one-word name, and full names
    /// ending with it. Tried after all others with their own rule (one stored person of their country); stores
    /// that read candidates ahead read their keys too.
    public static func singleNameLookups(_ p: DocumentAnnotation.Person, keys: (String) -> NameKeys = { NameKeys($0) }) -> [PersonLookup] {
        guard p.country != nil, let form = singleNameForm(p, keys: keys) else { return [] }
        let k = keys(form)
        return [PersonLookup(match: .alias, key: k.aliasKey, initial: nil, form: form),
                PersonLookup(match: .lastWordOfFullName, key: k.surnameKey, initial: nil, form: form, formWords: k.fullWords)]
    }

    /// The name of a person every form of whose name is one word of five letters or more ("Blinken", "IWAYA"), the
    /// person's titles aside ("SECRETARY BLINKEN").
    static func singleNameForm(_ p: DocumentAnnotation.Person, keys: (String) -> NameKeys) -> String? {
        let forms = nameForms(p)
        guard forms.allSatisfy({ keys($0).tokenCount <= 1 }) else { return nil }
        return forms.first { let k = keys($0); return k.tokenCount == 1 && k.aliasKey.utf8.count >= 5 }
    }

    /// The key under which a person's judgements are kept: the main name's alias key.
    public static func judgementKey(_ p: DocumentAnnotation.Person, keys: (String) -> NameKeys = { NameKeys($0) }) -> String {
        keys(p.name).aliasKey
    }

    /// The ways a document's person may match a person already stored, in the order they are tried:
    /// same name, transliteration variant, initial and surname, then a full name for an entity known only by an
    /// initial form ("T. Budagov"). Forms of fewer than two words never match.
    public static func lookups(_ p: DocumentAnnotation.Person, keys: (String) -> NameKeys = { NameKeys($0) }) -> [PersonLookup] {
        let forms = ([p.name] + p.aliases).map { ($0, keys($0)) }.filter { $0.1.tokenCount >= 2 }
        var out: [PersonLookup] = []
        for (form, keys) in forms where !keys.isInitialForm {
            out.append(PersonLookup(match: .alias, key: keys.aliasKey, initial: nil, form: form))
        }
        for (form, keys) in forms where !keys.isInitialForm && !keys.skeletonKey.isEmpty {
            out.append(PersonLookup(match: .skeleton, key: keys.skeletonKey, initial: keys.initial, form: form))
        }
        for (form, keys) in forms where keys.isInitialForm {
            out.append(PersonLookup(match: .initialAndSurname, key: keys.surnameKey, initial: keys.initial, form: form))
        }
        if let (form, full) = forms.first(where: { !$0.1.isInitialForm }), !full.surnameKey.isEmpty {
            out.append(PersonLookup(match: .initialFormOfFullName, key: full.surnameKey, initial: full.initial, form: form))
        }
        for (form, keys) in forms where !keys.isInitialForm && !keys.surnameKey.isEmpty {
            for surname in [keys.surnameKey] + keys.surnameVariantKeys {
                out.append(PersonLookup(match: .closeFullName, key: surname, initial: keys.initial, form: form, formWords: keys.fullWords))
            }
        }
        for (form, keys) in forms where !keys.isInitialForm {
            for skeleton in keys.muhammadSkeletonKeys {
                out.append(PersonLookup(match: .withOrWithoutMuhammad, key: skeleton, initial: keys.muhammadInitial, form: form,
                                        formWords: keys.fullWords))
            }
        }
        return out
    }

    /// A person's printed names (name, then aliases), each without the words of their own titles it opens with
    /// ("SECRETARY BLINKEN" of a Secretary is "BLINKEN"); a form with nothing else is kept whole. Only the
    /// one-name rule reads them: the look-ups take the printed forms ("King Salman" is a stored name).
    static func nameForms(_ p: DocumentAnnotation.Person) -> [String] {
        let forms = [p.name] + p.aliases
        guard !p.titles.isEmpty else { return forms }
        let titleWords = Set(p.titles.flatMap { $0.split(separator: " ").map { PersonLookup.letters($0) } })
        return forms.map { form in
            let words = form.split(separator: " ")
            guard let start = words.firstIndex(where: { !titleWords.contains(PersonLookup.letters($0)) }), start > 0 else { return form }
            return words[start...].joined(separator: " ")
        }
    }

    /// Whether a candidate a look-up found may be the document's person: the look-up accepts its alias, no
    /// split keeps them apart, and their countries do not differ.
    public static func admits(_ c: PersonCandidate, by lookup: PersonLookup, for p: DocumentAnnotation.Person,
                              judgements: ManualJudgements) -> Bool {
        if let alias = c.alias, !lookup.accepts(alias: alias) { return false }
        return !judgements.notSameAs.contains(c.id) && admits(candidateCountry: c.country, for: p)
    }

    /// Two people who share a name but represent different countries stay apart.
    public static func admits(candidateCountry: String?, for p: DocumentAnnotation.Person) -> Bool {
        if let c = candidateCountry, let pc = p.country, c != pc { return false }
        return true
    }

    /// A full name rare enough that the same printed name is the same person whatever country a release gave
    /// them (a country is often inferred, and then evidence rather than a wall): three or more name words
    /// ("Truong Thi Mai", "Roberto Morales Ojeda"); two-word names ("Ali Hassan", "Maria Gonzalez") are shared by
    /// too many people of different countries.
    public static func isDistinctive(_ form: String) -> Bool {
        let k = NameKeys(form)
        return !k.isInitialForm && k.tokenCount >= 3
    }

    /// A name distinctive by its words alone: three or more that are not particles ("Roberto Morales Ojeda", not
    /// "Meshaal Al Sabah"), for a name matched with words left out.
    static func isDistinctive(words: [String]) -> Bool {
        words.filter { !NameShape.particles.contains($0) }.count >= 3
    }

    /// Whether a new form of a person's name should replace the display name: the fullest name wins.
    public static func isBetterDisplayName(_ form: String, than current: String) -> Bool {
        isBetterDisplayName(NameKeys(form), than: NameKeys(current))
    }

    public static func isBetterDisplayName(_ k: NameKeys, than c: NameKeys) -> Bool {
        !k.isInitialForm && (c.tokenCount < k.tokenCount || c.isInitialForm)
    }
}

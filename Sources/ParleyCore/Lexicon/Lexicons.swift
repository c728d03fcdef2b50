import Foundation

/// Every data file Parley's recognisers use, loaded once: gazetteers of countries, places,
/// organizations, people and titles, and the lexicons of the analysis and event stages.
///
/// The bundled tables live in `Resources/`; users add rows of their own with gazetteer files
/// (see `addGazetteer(name:text:)`).
public final class Lexicons: Sendable {
    public let countries: [CountryEntry]
    public let places: [PlaceEntry]
    public let organizations: [OrganizationEntry]
    public let titles: [TitleEntry]
    /// Each title folded (`TextNormalizer.fold`), with its rank, in the order of `titles`.
    public let foldedTitles: [(form: String, rank: Int)]
    public let people: [KnownPerson]
    /// Known people by the first and the last word of their names ("Tshisekedi", "Xi"), for a title and one name.
    public let peopleByNameWord: [String: [Int]]
    public let index: PhraseIndex
    /// Ids of every key the gazetteer and the event triggers use; tokens carry them (`Token.id`).
    public var vocabulary: Vocabulary { index.vocabulary }
    public let countryByISO3: [String: Int]
    /// Countries by their names and variants, folded (`TextNormalizer.fold`): "russia" → its index.
    public let countryByFoldedName: [String: Int]
    public let organizationByKey: [String: Int]
    public let orgHeads: [String: OrganizationKind]
    public let orgHeadFirstWords: Set<String>
    public let abbreviations: Set<String>
    public let sentenceStarters: Set<String>
    public let nonNameWords: Set<String>
    public let speechVerbs: Set<String>
    /// Nouns after a possessive name that make someone else the actor ("X's envoy", "X's granddaughter").
    public let standInWords: Set<String>
    /// Keys of honorifics and royal titles written as part of a name ("Sheikh", "King"): `name-prefixes.txt`.
    public let namePrefixes: Set<String>
    /// Printed forms of one office and the form they stand for, folded, longest first (`title-synonyms.tsv`).
    public let titleSynonyms: [(form: String, canonical: String)]
    /// Salutations that open a letter ("dear comrades"), as token-key sequences, and the greeting words that follow them.
    public let salutations: [[String]]
    public let greetingWords: Set<String>
    public let gatherings: Set<String>
    public let calendar: [String: CalendarWord]
    /// `calendar` with the month names of other languages (`page-months.tsv`), for web pages' date strings only.
    public let pageCalendar: [String: CalendarWord]
    /// Words that join a day, month and year in other languages' dates ("17 de marzo de 2020"), from `page-months.tsv`.
    public let pageDateJoiners: Set<String>
    public let triggers: [String: [EventTrigger]]
    public let modality: [(keys: [String], effect: Modality)]
    /// The planned/hypothetical markers indexed by their first word.
    public let modalityByFirstKey: [String: [(keys: [String], effect: Modality)]]
    public let eventCodes: [String: EventCode]
    /// Founding years keyed by folded name.
    public let foundings: [String: Int]
    /// The levels of a contact side, highest first (`levels.tsv`).
    public let contactLevels: [ContactLevelEntry]
    /// Each level's rank (0 is the highest).
    public let levelRank: [String: Int]
    /// The channel a side is in when its people act for an organization of a kind (`channels.tsv`).
    public let channelOfOrganizationKind: [OrganizationKind: ContactChannel]
    /// The channel a side is in when its people hold a title of a category and act for no known organization.
    public let channelOfTitleCategory: [String: ContactChannel]
    /// The channel of a side the text names by its country alone, without people or organizations.
    public let channelOfCountryAlone: ContactChannel?

    /// The bundled data, loaded on first use.
    public static let bundled: Lexicons = {
        do { return try Lexicons(extraGazetteers: []) } catch { fatalError("ParleyCore data files: \(error)") }
    }()

    /// Reads a bundled resource file as text.
    public static func resourceText(_ name: String, _ ext: String) throws(LexiconError) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: ext),
              let data = try? Data(contentsOf: url) else {
            throw LexiconError.missingResource("\(name).\(ext)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A folded title with each printed form of an office replaced by the form it stands for
    /// ("minister of foreign affairs of serbia" → "foreign minister of serbia").
    public func canonicalTitle(_ folded: String) -> String {
        var t = " " + folded + " "
        for (form, canonical) in titleSynonyms where t.contains(" " + form + " ") {
            t = t.replacingOccurrences(of: " " + form + " ", with: " " + canonical + " ")
        }
        return String(t.dropFirst().dropLast())
    }

    static func wordList(_ name: String) throws(LexiconError) -> Set<String> {
        let table = try TSVTable(name: name + ".txt", text: resourceText(name, "txt"))
        return Set(table.rows.compactMap { $0[0].map(TextNormalizer.fold) })
    }

    /// Loads the bundled tables plus user gazetteers given as (file name, contents).
    ///
    /// A user gazetteer is a TSV file whose first column says what a row is — `person`, `organization`,
    /// `place`, `country` or `title` — followed by the columns of the matching bundled file
    /// (`people.tsv`, `organizations.tsv`, `places.tsv`, `countries.tsv`, `titles.tsv`).
    public init(extraGazetteers: [(name: String, text: String)]) throws(LexiconError) {
        var countries: [CountryEntry] = []
        var places: [PlaceEntry] = []
        var orgs: [OrganizationEntry] = []
        var titles: [TitleEntry] = []
        var people: [KnownPerson] = []

        func country(_ r: TSVTable.Row) -> CountryEntry? {
            guard let iso3 = r[0], let name = r[2] else { return nil }
            return CountryEntry(iso3: iso3, iso2: r[1] ?? "", name: name, variants: r.list(3), adjectives: r.list(4))
        }
        func place(_ r: TSVTable.Row) -> [PlaceEntry] {
            guard let name = r[0] else { return [] }
            return [PlaceEntry(name: name, country: r[1], kind: r[2] ?? "city")] +
                r.list(3).map { PlaceEntry(name: $0, country: r[1], kind: "variant:" + name) }
        }
        func org(_ r: TSVTable.Row, file: String) throws(LexiconError) -> OrganizationEntry? {
            guard let name = r[0] else { return nil }
            guard let kind = OrganizationKind(rawValue: r[1] ?? "other") else {
                throw .malformedRow(file: file, line: r.line, reason: "unknown organization kind '\(r[1] ?? "")'")
            }
            return OrganizationEntry(name: name, kind: kind, country: r[2], aliases: r.list(3), founded: r[4].flatMap { Int($0) })
        }
        var contactLevels: [ContactLevelEntry] = []
        for r in try TSVTable(name: "levels.tsv", text: Self.resourceText("levels", "tsv"), minimumColumns: 2).rows {
            guard let name = r[0], let label = r[1] else { continue }
            contactLevels.append(ContactLevelEntry(name: name, label: label, rank: contactLevels.count))
        }
        let levelRank = Dictionary(contactLevels.map { ($0.name, $0.rank) }, uniquingKeysWith: { a, _ in a })
        func title(_ r: TSVTable.Row, file: String) throws(LexiconError) -> TitleEntry? {
            guard let t = r[0] else { return nil }
            var entry = TitleEntry(title: t, rank: r[1].flatMap { Int($0) } ?? 5, category: r[2] ?? "other")
            if let field = r[3] {
                guard let rule = TitleLevelRule.parse(field) else {
                    throw .malformedRow(file: file, line: r.line, reason: "the level column is LEVEL or LEVEL;CONTEXT=LEVEL;…, not '\(field)'")
                }
                if let unknown = rule.levels.first(where: { levelRank[$0] == nil }) {
                    throw .malformedRow(file: file, line: r.line, reason: "unknown level '\(unknown)': one of \(contactLevels.map(\.name).joined(separator: ", "))")
                }
                entry.level = rule
            }
            return entry
        }
        func person(_ r: TSVTable.Row) -> KnownPerson? {
            guard let n = r[0] else { return nil }
            return KnownPerson(name: n, country: r[1], titles: r.list(2), aliases: r.list(3), years: KnownPerson.years(r[4]))
        }

        for r in try TSVTable(name: "countries.tsv", text: Self.resourceText("countries", "tsv"), minimumColumns: 3).rows {
            if let c = country(r) { countries.append(c) }
        }
        for r in try TSVTable(name: "places.tsv", text: Self.resourceText("places", "tsv"), minimumColumns: 2).rows {
            places += place(r)
        }
        for r in try TSVTable(name: "organizations.tsv", text: Self.resourceText("organizations", "tsv"), minimumColumns: 2).rows {
            if let o = try org(r, file: "organizations.tsv") { orgs.append(o) }
        }
        for r in try TSVTable(name: "titles.tsv", text: Self.resourceText("titles", "tsv"), minimumColumns: 4).rows {
            if let t = try title(r, file: "titles.tsv") { titles.append(t) }
        }
        for r in try TSVTable(name: "people.tsv", text: Self.resourceText("people", "tsv")).rows {
            if let p = person(r) { people.append(p) }
        }
        for (name, text) in extraGazetteers {
            for r in try TSVTable(name: name, text: text, minimumColumns: 2).rows {
                let rest = TSVTable.Row(line: r.line, fields: Array(r.fields.dropFirst()))
                switch r[0]?.lowercased() {
                case "person": if let p = person(rest) { people.append(p) }
                case "organization", "org": if let o = try org(rest, file: name) { orgs.append(o) }
                case "place": places += place(rest)
                case "country": if let c = country(rest) { countries.append(c) }
                case "title": if let t = try title(rest, file: name) { titles.append(t) }
                default:
                    throw .malformedRow(file: name, line: r.line,
                                        reason: "first column must be person, organization, place, country or title")
                }
            }
        }

        var index = PhraseIndex()
        var countryByISO3: [String: Int] = [:]
        var countryByFoldedName: [String: Int] = [:]
        for (i, c) in countries.enumerated() {
            countryByISO3[c.iso3] = i
            for n in [c.name] + c.variants where countryByFoldedName[TextNormalizer.fold(n)] == nil { countryByFoldedName[TextNormalizer.fold(n)] = i }
            index.add(c.name, .country(i))
            for v in c.variants { index.add(v, .country(i)) }
            for a in c.adjectives { index.add(a, .demonym(i)) }
        }
        for (i, p) in places.enumerated() { index.add(p.name, .place(i)) }
        var organizationByKey: [String: Int] = [:]
        for (i, o) in orgs.enumerated() {
            index.add(o.name, .organization(i))
            organizationByKey[TextNormalizer.keys(o.name).joined(separator: " ")] = i
            for a in o.aliases {
                index.add(a, .organization(i))
                organizationByKey[TextNormalizer.keys(a).joined(separator: " "), default: i] = organizationByKey[TextNormalizer.keys(a).joined(separator: " "), default: i]
            }
        }
        for (i, t) in titles.enumerated() { index.add(t.title, .title(i)) }
        var peopleByNameWord: [String: [Int]] = [:]
        for (i, p) in people.enumerated() {
            index.add(p.name, .person(i))
            for a in p.aliases { index.add(a, .person(i)) }
            for name in [p.name] + p.aliases {
                let keys = TextNormalizer.keys(name).filter { $0.count > 2 && $0 != "jr" }
                guard keys.count >= 2 else { continue }
                for k in Set([keys[0], keys[keys.count - 1]]) where peopleByNameWord[k]?.contains(i) != true { peopleByNameWord[k, default: []].append(i) }
            }
        }
        self.peopleByNameWord = peopleByNameWord
        for h in try TSVTable(name: "honorifics.txt", text: Self.resourceText("honorifics", "txt")).rows {
            if let s = h[0] { index.add(s, .honorific) }
        }

        var orgHeads: [String: OrganizationKind] = [:]
        for r in try TSVTable(name: "org-heads.tsv", text: Self.resourceText("org-heads", "tsv"), minimumColumns: 2).rows {
            if let w = r[0] { orgHeads[TextNormalizer.keys(w).joined(separator: " ")] = OrganizationKind(rawValue: r[1] ?? "other") ?? .other }
        }

        var calendar: [String: CalendarWord] = [:]
        for r in try TSVTable(name: "calendar.tsv", text: Self.resourceText("calendar", "tsv"), minimumColumns: 3).rows {
            guard let w = r[0], let v = r[2].flatMap({ Int($0) }) else { continue }
            switch r[1] {
            case "month": calendar[w] = .month(v)
            case "weekday": calendar[w] = .weekday(v)
            case "relative": calendar[w] = .relativeDay(v)
            default: throw .malformedRow(file: "calendar.tsv", line: r.line, reason: "kind must be month, weekday or relative")
            }
        }

        var triggers: [String: [EventTrigger]] = [:]
        for r in try TSVTable(name: "event-triggers.tsv", text: Self.resourceText("event-triggers", "tsv"), minimumColumns: 2).rows {
            guard let type = r[0].flatMap(EventType.init(rawValue:)), let pattern = r[1] else {
                throw .malformedRow(file: "event-triggers.tsv", line: r.line, reason: "unknown event type '\(r[0] ?? "")'")
            }
            guard let option = EventTrigger.Option(rawValue: r[2] ?? "") else {
                throw .malformedRow(file: "event-triggers.tsv", line: r.line, reason: "unknown option '\(r[2] ?? "")'")
            }
            let keys = pattern.split(separator: " ").map { $0 == "*" ? "*" : String($0) }
            guard let first = keys.first else { continue }
            triggers[first, default: []].append(EventTrigger(type: type, pattern: keys, option: option))
        }
        for k in triggers.keys { triggers[k]!.sort { $0.pattern.count > $1.pattern.count } }

        var modality: [(keys: [String], effect: Modality)] = []
        for r in try TSVTable(name: "planned-markers.tsv", text: Self.resourceText("planned-markers", "tsv"), minimumColumns: 2).rows {
            guard let p = r[0], let e = r[1].flatMap(Modality.init(rawValue:)) else {
                throw .malformedRow(file: "planned-markers.tsv", line: r.line, reason: "effect must be planned or hypothetical")
            }
            modality.append((TextNormalizer.keys(p), e))
        }

        var codes: [String: EventCode] = [:]
        for r in try TSVTable(name: "event-codes.tsv", text: Self.resourceText("event-codes", "tsv"), minimumColumns: 4).rows {
            guard let t = r[0], let cameo = r[1], let plover = r[3] else { continue }
            codes[t] = EventCode(cameo: cameo, cameoLabel: r[2] ?? "", plover: plover, ploverMode: r[4], goldstein: r[5].flatMap { Double($0) })
        }

        var channelOfKind: [OrganizationKind: ContactChannel] = [:]
        var channelOfCategory: [String: ContactChannel] = [:]
        var channelOfCountryAlone: ContactChannel?
        for r in try TSVTable(name: "channels.tsv", text: Self.resourceText("channels", "tsv"), minimumColumns: 3).rows {
            guard let value = r[1], let channel = r[2].flatMap(ContactChannel.init(rawValue:)), channel != .mixed else {
                throw .malformedRow(file: "channels.tsv", line: r.line, reason: "the channel is party, state, parliament or other")
            }
            switch r[0] {
            case "organization":
                guard let kind = OrganizationKind(rawValue: value) else {
                    throw .malformedRow(file: "channels.tsv", line: r.line, reason: "unknown organization kind '\(value)'")
                }
                channelOfKind[kind] = channel
            case "title": channelOfCategory[value] = channel
            case "country" where value == "alone": channelOfCountryAlone = channel
            default: throw .malformedRow(file: "channels.tsv", line: r.line, reason: "the first column is organization, title or country (alone)")
            }
        }

        var foundings: [String: Int] = [:]
        for r in try TSVTable(name: "foundings.tsv", text: Self.resourceText("foundings", "tsv"), minimumColumns: 2).rows {
            if let n = r[0], let y = r[1].flatMap({ Int($0) }) { foundings[TextNormalizer.keys(n).joined(separator: " ")] = y }
        }
        for o in orgs {
            guard let y = o.founded else { continue }
            for n in [o.name] + o.aliases { foundings[TextNormalizer.keys(n).joined(separator: " "), default: y] = foundings[TextNormalizer.keys(n).joined(separator: " "), default: y] }
        }

        self.countries = countries
        self.places = places
        self.organizations = orgs
        self.titles = titles
        self.foldedTitles = titles.map { (TextNormalizer.fold($0.title), $0.rank) }
        self.people = people
        self.countryByISO3 = countryByISO3
        self.countryByFoldedName = countryByFoldedName
        self.organizationByKey = organizationByKey
        self.orgHeads = orgHeads
        self.orgHeadFirstWords = Set(orgHeads.keys.filter { $0.contains(" ") }.compactMap { $0.split(separator: " ").first.map(String.init) })
        self.abbreviations = try Self.wordList("abbreviations")
        self.sentenceStarters = try Self.wordList("sentence-starters")
        self.nonNameWords = try Self.wordList("non-name-words")
        self.speechVerbs = try Self.wordList("speech-verbs")
        self.standInWords = try Self.wordList("stand-in-words")
        self.namePrefixes = try Self.wordList("name-prefixes")
        self.titleSynonyms = try TSVTable(name: "title-synonyms.tsv", text: Self.resourceText("title-synonyms", "tsv"), minimumColumns: 2).rows
            .compactMap { r in r[0].flatMap { f in r[1].map { (TextNormalizer.fold(f), TextNormalizer.fold($0)) } } }
            .sorted { $0.0.count > $1.0.count }
        let letterWords = try TSVTable(name: "letter-words.tsv", text: Self.resourceText("letter-words", "tsv"), minimumColumns: 2).rows
        self.salutations = letterWords.filter { $0[0] == "salutation" }.compactMap { $0[1].map { TextNormalizer.fold($0).split(separator: " ").map(String.init) } }
        self.greetingWords = Set(letterWords.filter { $0[0] == "greeting" }.compactMap { $0[1].map(TextNormalizer.fold) })
        self.gatherings = try Self.wordList("gatherings")
        self.calendar = calendar
        var pageCalendar = calendar
        var pageDateJoiners: Set<String> = []
        for r in try TSVTable(name: "page-months.tsv", text: Self.resourceText("page-months", "tsv"), minimumColumns: 2).rows {
            if let w = r[0], r[1] == "joiner" { pageDateJoiners.insert(TextNormalizer.fold(w)); continue }
            guard let w = r[0], let v = r[1].flatMap({ Int($0) }), (1...12).contains(v) else {
                throw .malformedRow(file: "page-months.tsv", line: r.line, reason: "the month must be a number from 1 to 12")
            }
            let key = TextNormalizer.fold(w)
            if pageCalendar[key] == nil { pageCalendar[key] = .month(v) }
        }
        self.pageCalendar = pageCalendar
        self.pageDateJoiners = pageDateJoiners
        self.triggers = triggers
        self.modality = modality
        self.modalityByFirstKey = Dictionary(grouping: modality.filter { !$0.keys.isEmpty }, by: { $0.keys[0] })
        self.eventCodes = codes
        self.foundings = foundings
        self.contactLevels = contactLevels
        self.levelRank = levelRank
        self.channelOfOrganizationKind = channelOfKind
        self.channelOfTitleCategory = channelOfCategory
        self.channelOfCountryAlone = channelOfCountryAlone
        // Trigger words get vocabulary ids too (the trigger matcher compares token ids), and the word lists the
        // recognisers test on every token are word classes, read once per token.
        for list in triggers.values { for t in list { for w in t.pattern where w != "*" { index.intern(w) } } }
        func classify<S: Sequence>(_ words: S, _ wordClass: WordClass) where S.Element == String {
            for w in words where !w.contains(" ") { index.addWord(w, to: wordClass) }
        }
        classify(orgHeads.keys, .orgHead)
        classify(orgHeadFirstWords, .orgHeadFirst)
        classify(nonNameWords, .nonName)
        classify(calendar.keys, .calendar)
        classify(gatherings, .gathering)
        classify(titles.compactMap { TextNormalizer.keys($0.title).first }, .titleFirst)
        classify(NameShape.headlineVerbs, .headlineVerb)
        classify(NameShape.particles, .nameParticle)
        classify(NameShape.thingWords, .thingWord)
        classify(OrganizationRecognizer.connectors, .orgConnector)
        classify(OrganizationRecognizer.genericWords, .orgGeneric)
        classify(speechVerbs.union(["according"]), .speech)
        classify(EventExtractor.absenceWords, .absence)
        classify(triggers.keys, .triggerFirst)
        classify(sentenceStarters, .sentenceStarter)
        classify(OrganizationRecognizer.determiners, .determiner)
        classify(OrganizationRecognizer.pluralHolders, .pluralHolder)
        classify(OrganizationRecognizer.ordinalWords, .ordinal)
        self.index = index
    }

    /// The code for an event type, preferring the variant row (`MEET:host`) when it exists.
    public func code(for type: EventType, variant: String? = nil) -> EventCode? {
        if let v = variant, let c = eventCodes["\(type.rawValue):\(v)"] { return c }
        return eventCodes[type.rawValue]
    }
}

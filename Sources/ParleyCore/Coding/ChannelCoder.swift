/// Codes the channel of every event (and planned event) and the level of each of its sides, from the organizations
/// and titles of its participants (see `ContactProfile`).
///
/// An event has one side per country (its countries, then its participants' and organizations' countries) and one
/// for participants of no known country. A person's channel comes from the organization their title names (or,
/// failing that, the one they act for), mapped by `channels.tsv`; a person without one takes the channel of their
/// title's category. A side takes the channel of its most senior principal (those present only count when nobody
/// else is on that side), else of its organizations in the event, else, named by its country alone, the channel
/// `channels.tsv` gives that; its level is the highest level any of its people's
/// titles give (the `level` column of `titles.tsv`, read in the context of the organization the title names).
public struct ChannelCoder: PipelineStage {
    public var name: String { "channel" }
    let lexicons: Lexicons
    let tokenizer = Tokenizer()
    let vocabulary: Vocabulary

    public init(lexicons: Lexicons) {
        self.lexicons = lexicons
        vocabulary = lexicons.vocabulary
    }

    public func run(_ c: inout ExtractionContext) {
        guard !c.events.isEmpty || !c.planned.isEmpty else { return }
        var standings: [Int: Standing] = [:]
        // The keys of every name of the organizations the gazetteer does not know, once per release.
        let forms = c.organizations.filter { $0.known == nil }.map { org in
            (name: org.name, kind: org.kind, keys: ([org.name] + org.aliases).map(TextNormalizer.keys))
        }
        for i in c.events.indices { c.events[i].contact = profile(c.events[i], c, forms, &standings) }
        for i in c.planned.indices { c.planned[i].contact = profile(c.planned[i], c, forms, &standings) }
    }

    /// What a person brings to their side: a channel and a level, each with its reason.
    struct Standing {
        var channel: ContactChannel?
        var channelReason: String?
        var level: String?
        var rank: Int = Int.max
        var levelReason: String?
    }

    /// What a title says: the title entry it starts with, the organizations it names (leftmost first), its keys.
    struct TitleReading {
        var entry: Int?
        var organizations: [(name: String, kind: OrganizationKind)] = []
        var keys: String = ""
    }

    /// Organizations the gazetteer does not know, with the keys of each of their names.
    typealias UnknownOrganizations = [(name: String, kind: OrganizationKind, keys: [[String]])]

    func profile(_ e: EventRecord, _ c: ExtractionContext, _ forms: UnknownOrganizations, _ standings: inout [Int: Standing]) -> ContactProfile {
        var order: [String] = []
        func note(_ key: String) { if !order.contains(key) { order.append(key) } }
        for country in e.countries { note(country) }
        var members: [String: [Int]] = [:]
        for p in e.participants {
            let key = c.people[p].country ?? ""
            note(key)
            members[key, default: []].append(p)
        }
        var organizations: [String: [Int]] = [:]
        for o in e.organizations {
            let key = c.organizations[o].country ?? ""
            // Organizations of no known country make a side of their own only when nothing else does.
            if key.isEmpty && !order.isEmpty && members[""] == nil { continue }
            note(key)
            organizations[key, default: []].append(o)
        }
        var sides: [ContactSide] = []
        for key in order {
            var side = ContactSide(country: key.isEmpty ? nil : key)
            let people = (members[key] ?? []).map { (person: $0, standing: standing($0, c, forms, &standings)) }
            var levelRank = Int.max
            for (_, s) in people where s.rank < levelRank {
                levelRank = s.rank
                side.level = s.level
                side.levelReason = s.levelReason
            }
            // Principals by seniority (stable), the first whose channel is known.
            var principals = people.filter { e.roles[$0.person] != "present" }
            if principals.isEmpty { principals = people }
            let ranked = principals.enumerated().sorted {
                $0.element.standing.rank != $1.element.standing.rank ? $0.element.standing.rank < $1.element.standing.rank : $0.offset < $1.offset
            }.map(\.element.standing)
            if let s = ranked.first(where: { $0.channel != nil }) {
                side.channel = s.channel
                side.channelReason = s.channelReason
            } else if let o = (organizations[key] ?? []).first(where: { lexicons.channelOfOrganizationKind[c.organizations[$0].kind] != nil }) {
                let org = c.organizations[o]
                side.channel = lexicons.channelOfOrganizationKind[org.kind]
                side.channelReason = "\(org.name) (\(org.kind.rawValue))"
            } else if people.isEmpty && (organizations[key] ?? []).isEmpty && !key.isEmpty, let ch = lexicons.channelOfCountryAlone {
                side.channel = ch
                side.channelReason = "\(key) named alone"
            }
            sides.append(side)
        }
        return ContactProfile(sides: sides)
    }

    /// A person's channel and level, computed once per document. The level is the highest any title gives; the
    /// channel is that title's: the organization it names, else its category's channel, else the organization the
    /// person acts for; failing those, the first title naming an organization with a channel, the person's
    /// organization, then any title's category.
    func standing(_ p: Int, _ c: ExtractionContext, _ forms: UnknownOrganizations, _ standings: inout [Int: Standing]) -> Standing {
        if let s = standings[p] { return s }
        let person = c.people[p]
        // Reasons are spelled out only for the candidate that wins.
        enum Reason {
            case organization(name: String, kind: OrganizationKind)
            case category(title: String, category: String)
        }
        let own = person.organization.map { c.organizations[$0] }.flatMap { org in
            lexicons.channelOfOrganizationKind[org.kind].map { ($0, Reason.organization(name: org.name, kind: org.kind)) }
        }
        var s = Standing()
        var senior: (named: (ContactChannel, Reason)?, category: (ContactChannel, Reason)?)?
        var anyNamed: (ContactChannel, Reason)?
        var anyCategory: (ContactChannel, Reason)?
        for title in person.titles {
            let reading = read(title, forms)
            let org = reading.organizations.first
            let named = org.flatMap { o in lexicons.channelOfOrganizationKind[o.kind].map { ($0, Reason.organization(name: o.name, kind: o.kind)) } }
            let entry = reading.entry.map { lexicons.titles[$0] }
            let category = entry.flatMap { e in lexicons.channelOfTitleCategory[e.category].map { ($0, Reason.category(title: title, category: e.category)) } }
            if anyNamed == nil { anyNamed = named }
            if anyCategory == nil { anyCategory = category }
            let context = org?.kind ?? person.organization.map { c.organizations[$0].kind }
            if let level = entry?.level.level(titleKeys: reading.keys, organizationKind: context), let rank = lexicons.levelRank[level], rank < s.rank {
                s.level = level
                s.rank = rank
                s.levelReason = "\(person.name), \(title)"
                senior = (named, category)
            }
        }
        if let (ch, reason) = senior?.named ?? senior?.category ?? own ?? anyNamed ?? anyCategory {
            s.channel = ch
            switch reason {
            case .organization(let name, let kind): s.channelReason = "\(person.name), \(name) (\(kind.rawValue))"
            case .category(let title, let category): s.channelReason = "\(person.name), \(title) (\(category) title)"
            }
        }
        standings[p] = s
        return s
    }

    /// The title entry a title starts with and the organizations it names: known ones (the gazetteer) and those
    /// this document recognised.
    func read(_ title: String, _ forms: UnknownOrganizations) -> TitleReading {
        var tokens = tokenizer.tokenize(title)
        vocabulary.assignIDs(&tokens)
        let keys = tokens.map(\.key)
        var reading = TitleReading(keys: keys.joined(separator: " "))
        var found: [(at: Int, name: String, kind: OrganizationKind)] = []
        var i = 0
        while i < tokens.count {
            guard let m = lexicons.index.longestMatch(in: tokens, at: i, anyCase: i == 0) else { i += 1; continue }
            for hit in m.hits {
                switch hit {
                case .title(let t): if reading.entry == nil { reading.entry = t }
                case .organization(let o): found.append((i, lexicons.organizations[o].name, lexicons.organizations[o].kind))
                default: break
                }
            }
            i = m.range.upperBound
        }
        for org in forms {
            for formKeys in org.keys {
                if let at = Self.firstIndex(of: formKeys, in: keys) { found.append((at, org.name, org.kind)); break }
            }
        }
        reading.organizations = found.sorted { $0.at < $1.at }.map { ($0.name, $0.kind) }
        return reading
    }

    /// Where `needle` first occurs as a contiguous run in `haystack`.
    static func firstIndex(of needle: [String], in haystack: [String]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }
}

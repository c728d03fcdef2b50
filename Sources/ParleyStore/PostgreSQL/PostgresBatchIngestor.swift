import Foundation
import NIOCore
import ParleyCore
import PostgresNIO

/// Writes a batch of documents into PostgreSQL in a few round trips rather than a few per row: it reads, in one query
/// per kind, every stored person, organization and event the batch's mentions could be (by name keys and date
/// windows), lets `ParleyCore`'s resolvers decide in memory — document after document, in order, each seeing what the
/// earlier ones added — and then writes each table's new rows with one multi-row statement (column arrays read back
/// with `unnest`). The result is what `SQLiteIngestor` stores for the same documents in the same order.
///
/// The caller holds the writers' advisory lock for the whole transaction, so what was read stays true until commit.
struct PostgresBatchIngestor {
    let s: PostgresSession
    /// The documents' search vectors on their way from the second connection (none: the trigger computes them).
    var searchVectors: PostgresSearchVectors.Request?

    /// Ingests the documents in order; runs of documents with distinct ids are resolved and written together, and a
    /// document that replaces a stored version starts a run of its own after the old version is removed.
    func ingest(_ batch: [PreparedDocument]) throws -> [IngestOutcome] {
        var outcomes = [IngestOutcome](repeating: .inserted, count: batch.count)
        var vectors: [ByteBuffer?]?
        var start = 0
        while start < batch.count {
            var ids = Set<String>(), end = start
            while end < batch.count, ids.insert(batch[end].annotation.id).inserted { end += 1 }
            var stored: [String: String] = [:]
            for row in try s.rows("SELECT id, contentHash FROM document WHERE id = ANY($1)", [Array(ids)]) {
                let (id, hash) = try s.decode(row, (String, String).self)
                stored[id] = hash
            }
            var run: [PreparedDocument] = [], positions: [Int] = []
            var k = start
            while k < end {
                let d = batch[k]
                if let old = stored[d.annotation.id] {
                    if old == d.contentHash { outcomes[k] = .unchanged; k += 1; continue }
                    // The documents before it are written first, then its old facts go, as one at a time would do.
                    if !run.isEmpty { break }
                    try PostgresRowEdits(s: s).removeDocument(d.annotation.id)
                    outcomes[k] = .replaced
                }
                run.append(d)
                positions.append(k)
                k += 1
            }
            if !run.isEmpty {
                var state = BatchState(s: s)
                try state.resolve(run)
                if vectors == nil, let searchVectors { vectors = searchVectors.vectors() }
                try state.write(search: positions.map { vectors?[$0] ?? nil })
            }
            start = k
        }
        return outcomes
    }
}

/// One run's reading, deciding and writing (see `PostgresBatchIngestor`). Entities created in the run have provisional
/// negative ids until `write()` draws real ones from their sequences.
private struct BatchState {
    let s: PostgresSession
    init(s: PostgresSession) { self.s = s }

    // MARK: Names

    private var nameKeys: [String: NameKeys] = [:]
    mutating func keys(_ name: String) -> NameKeys {
        if let k = nameKeys[name] { return k }
        let k = NameKeys(name)
        nameKeys[name] = k
        return k
    }

    // MARK: People

    /// A stored (or new) alias, as a look-up finds it.
    struct AliasRow { var person: Int64; var alias: String }
    private var byAliasKey: [String: [AliasRow]] = [:]
    private var bySkeleton: [String: [AliasRow]] = [:]
    private var bySurname: [String: [AliasRow]] = [:]
    /// Every alias row, whatever its initial, with a surname a one-name look-up asks (`lastWordOfFullName`).
    private var bySurnameAnyInitial: [String: [AliasRow]] = [:]
    private var knownAliases: Set<String> = []
    private var personCountry: [Int64: String?] = [:]
    private var personName: [Int64: String] = [:]
    private var judgementsByKey: [String: ManualJudgements] = [:]
    private var newPeople: [Int64] = []
    private var renamed: Set<Int64> = []
    private var newAliases: [(person: Int64, form: String, keys: NameKeys)] = []

    static func keyed(_ key: String, _ initial: String) -> String { key + "\u{1F}" + initial }
    static func aliasOf(_ person: Int64, _ aliasKey: String) -> String { "\(person)\u{1F}\(aliasKey)" }

    // MARK: Organizations

    private var organizationByKey: [String: Int64] = [:]
    private var organizationKeys: [String: String] = [:]
    /// An organization name's key, computed once a run.
    mutating func organizationKey(_ form: String) -> String {
        if let k = organizationKeys[form] { return k }
        let k = OrganizationResolver.key(form)
        organizationKeys[form] = k
        return k
    }
    private var newOrganizations: [(id: Int64, o: DocumentAnnotation.Organization)] = []
    private var newOrganizationAliases: [(id: Int64, form: String, key: String)] = []
    private var organizationMentions: [(document: String, organization: Int64)] = []
    private var organizationMentioned: Set<Link> = []

    // MARK: Events

    struct EventState {
        var type: String
        var date: String?
        /// The contact profile as stored (nil before channels were coded); read on demand for stored events.
        var profile: ContactProfile??
        var profileChanged = false
        var dateChanged = false
        /// The event's people, when known whole (new events; stored ones once read).
        var people: Set<Int64>?
        var added: Set<Int64> = []
        /// The organizations the run added to it.
        var addedOrganizations: Set<Int64> = []
    }
    private var events: [Int64: EventState] = [:]
    private var eventsOfPerson: [Int64: [Int64]] = [:]
    private var eventsOfOrganization: [Int64: [Int64]] = [:]
    private var newEvents: [(id: Int64, e: DocumentAnnotation.Event)] = []
    /// The profiles the run's reports bring to events they joined, in order.
    private var joinedContacts: [(event: Int64, profile: ContactProfile)] = []
    /// A link of an event to a person (`kind` 0), an organization (1) or a country (2, `name`), stored or added.
    struct Link: Hashable { var kind: UInt8; var event: Int64; var other: Int64; var name: String = "" }
    private var linked: Set<Link> = []
    private var participants: [(event: Int64, person: Int64, role: String)] = []
    private var eventOrganizations: [(event: Int64, organization: Int64)] = []
    private var eventCountries: [(event: Int64, country: String)] = []

    // MARK: Rows of the documents

    private var documents: [PreparedDocument] = []
    private var mentions: [(document: String, p: DocumentAnnotation.Person, person: Int64, reason: String, date: String?)] = []
    private var sources: [(event: Int64, document: String, e: DocumentAnnotation.Event)] = []

    private var provisional: Int64 = 0
    mutating func nextProvisional() -> Int64 { provisional -= 1; return provisional }

    /// The order stored candidates are tried in: stored events by id, then the run's new ones in creation order.
    static func order(_ id: Int64) -> Int64 { id > 0 ? id : Int64.max / 2 - id }

    // MARK: - Deciding

    mutating func resolve(_ run: [PreparedDocument]) throws {
        documents = run
        try readPeople(run)
        try readOrganizations(run)
        var personOfDocument: [[String: Int64]] = []
        var organizationOfDocument: [[String: Int64]] = []
        for d in run {
            let a = d.annotation
            var personOf: [String: Int64] = [:]
            for p in a.people {
                let (id, reason) = try resolvePerson(p)
                personOf[p.id] = id
                mentions.append((a.id, p, id, reason, IngestRecords.mentionDate(a)))
                for form in [p.name] + p.aliases { try addAlias(id, form) }
            }
            personOfDocument.append(personOf)
            var orgOf: [String: Int64] = [:]
            for o in a.organizations {
                let id = try resolveOrganization(o)
                for form in [o.name] + o.aliases { orgOf[form] = id }
                if organizationMentioned.insert(Link(kind: 3, event: 0, other: id, name: a.id)).inserted { organizationMentions.append((a.id, id)) }
            }
            organizationOfDocument.append(orgOf)
        }
        try readEvents(run, personOfDocument, organizationOfDocument)
        for (n, d) in run.enumerated() {
            let a = d.annotation
            // What the document said of each event so far, for telling its own events apart (as SQLite keeps it).
            var told: [Int64: [EventMention]] = [:]
            let ordered = EventResolver.resolutionOrder(a.events, date: \.date)
            let mentions = EventResolver.ownKindOnly(ordered.map {
                EventMention(type: $0.type, date: $0.date, people: $0.participantIds.compactMap { personOfDocument[n][$0] },
                             organizations: $0.organizations.compactMap { organizationOfDocument[n][$0] })
            })
            for (e, mention) in zip(ordered, mentions) {
                let orgs = mention.organizations
                let id = try resolveEvent(e, mention, told: told)
                told[id, default: []].append(mention)
                for (p, role) in IngestRecords.participants(e, personOfDocument[n]) where linked.insert(Link(kind: 0, event: id, other: p)).inserted {
                    participants.append((id, p, role))
                    events[id]!.added.insert(p)
                    eventsOfPerson[p, default: []].append(id)
                }
                for o in orgs where linked.insert(Link(kind: 1, event: id, other: o)).inserted {
                    eventOrganizations.append((id, o))
                    events[id]!.addedOrganizations.insert(o)
                    eventsOfOrganization[o, default: []].append(id)
                }
                for c in e.countries where linked.insert(Link(kind: 2, event: id, other: 0, name: c)).inserted { eventCountries.append((id, c)) }
                sources.append((id, a.id, e))
            }
        }
        try mergeContacts()
    }

    /// Reads every stored alias any look-up of the run's people could find, with its person, and the judgements
    /// about the run's names.
    mutating func readPeople(_ run: [PreparedDocument]) throws {
        var aliasKeys = Set<String>(), skeletons = Set<String>(), surnames = Set<String>(), judged = Set<String>()
        var skeletonInitials = Set<String>(), surnameInitials = Set<String>()
        // Keys only the last look-up uses, which takes initial forms alone: a common surname's one-word aliases
        // ("Castro", hundreds of people) are not read for it.
        var initialFormsOnly = Set<String>()
        // Every form's key, for knowing which aliases the resolved people already have.
        var formKeys = Set<String>()
        for d in run {
            for p in d.annotation.people {
                judged.insert(PersonResolver.judgementKey(p, keys: { keys($0) }))
                for form in [p.name] + p.aliases { formKeys.insert(keys(form).aliasKey) }
                for single in PersonResolver.singleNameLookups(p, keys: { keys($0) }) {
                    if single.column == .aliasKey {
                        aliasKeys.insert(single.key)
                    } else if bySurnameAnyInitial[single.key] == nil {
                        bySurnameAnyInitial[single.key] = []
                    }
                }
                for lookup in PersonResolver.lookups(p, keys: { keys($0) }) {
                    switch lookup.column {
                    case .aliasKey: aliasKeys.insert(lookup.key)
                    case .skeletonKey:
                        skeletons.insert(lookup.key)
                        skeletonInitials.insert(Self.keyed(lookup.key, lookup.initial ?? ""))
                    case .surnameKey:
                        surnames.insert(lookup.key)
                        if lookup.match == .initialFormOfFullName {
                            initialFormsOnly.insert(Self.keyed(lookup.key, lookup.initial ?? ""))
                        } else {
                            surnameInitials.insert(Self.keyed(lookup.key, lookup.initial ?? ""))
                        }
                    }
                }
            }
        }
        // Rows in the order they were stored, as SQLite's indexes give them.
        let rows = try s.rows("""
            SELECT pa.personId, p.country, p.name, pa.alias, pa.aliasKey, pa.skeletonKey, pa.surnameKey, pa.initial
            FROM personAlias pa CROSS JOIN LATERAL (SELECT country, name FROM person WHERE person.id = pa.personId) p
            WHERE pa.aliasKey = ANY($1)
               OR (pa.skeletonKey = ANY($2) AND pa.skeletonKey || chr(31) || pa.initial = ANY($3))
               OR (pa.surnameKey = ANY($4) AND pa.surnameKey || chr(31) || pa.initial = ANY($5))
               OR (pa.surnameKey = ANY($4) AND pa.surnameKey || chr(31) || pa.initial = ANY($6)
                   AND pa.skeletonKey = pa.surnameKey AND position(' ' in pa.aliasKey) > 0)
               OR pa.surnameKey = ANY($7)
            ORDER BY pa.seq
            """, [Array(aliasKeys), Array(skeletons), Array(skeletonInitials), Array(surnames), Array(surnameInitials),
                  Array(initialFormsOnly.subtracting(surnameInitials)), Array(bySurnameAnyInitial.keys)])
        for row in rows {
            let (person, country, name, alias, aliasKey, skeleton, surname, initial) =
                try s.decode(row, (Int64, String?, String, String, String, String, String, String).self)
            personCountry[person] = country
            personName[person] = name
            knownAliases.insert(Self.aliasOf(person, aliasKey))
            let r = AliasRow(person: person, alias: alias)
            byAliasKey[aliasKey, default: []].append(r)
            bySkeleton[Self.keyed(skeleton, initial), default: []].append(r)
            bySurname[Self.keyed(surname, initial), default: []].append(r)
            bySurnameAnyInitial[surname]?.append(r)
        }
        // Which of the other forms (a surname alone, an initial form: keys no look-up uses, shared by hundreds of
        // people) the candidates found above already have; a new person has none, a merged one is read whole.
        let others = formKeys.subtracting(aliasKeys)
        let candidates = Set(byAliasKey.values.joined().map(\.person)).union(bySkeleton.values.joined().map(\.person))
            .union(bySurname.values.joined().map(\.person))
        if !others.isEmpty && !candidates.isEmpty {
            for row in try s.rows("SELECT personId, aliasKey FROM personAlias WHERE aliasKey = ANY($1) AND personId = ANY($2)",
                                  [Array(others), Array(candidates)]) {
                let (person, aliasKey) = try s.decode(row, (Int64, String).self)
                knownAliases.insert(Self.aliasOf(person, aliasKey))
            }
        }
        // The latest merge of a name wins when its person still exists; splits keep a name from their people.
        let corrections = try s.rows("""
            SELECT kind, nameKey, personId, EXISTS (SELECT 1 FROM person WHERE person.id = c.personId)
            FROM correction c WHERE nameKey = ANY($1) ORDER BY id
            """, [Array(judged)])
        var latestMerge: [String: (Int64, Bool)] = [:]
        for row in corrections {
            let (kind, key, person, alive) = try s.decode(row, (String, String, Int64, Bool).self)
            if kind == "merge" { latestMerge[key] = (person, alive) } else { judgementsByKey[key, default: .none].notSameAs.insert(person) }
        }
        for (key, (person, alive)) in latestMerge where alive { judgementsByKey[key, default: .none].sameAs = person }
    }

    /// What the resolver decides for a person, over the run's index of aliases (nothing here changes the state).
    func decidePerson(_ p: DocumentAnnotation.Person) throws -> IdentityDecision<PersonCandidate> {
        let judgements = judgementsByKey[PersonResolver.judgementKey(p, keys: name)] ?? .none
        let evidence = PersonResolver.Evidence(judgements: judgements) { lookup, admitted in
            let rows: [AliasRow]?
            switch lookup.column {
            case .aliasKey: rows = byAliasKey[lookup.key]
            case .skeletonKey: rows = bySkeleton[Self.keyed(lookup.key, lookup.initial ?? "")]
            case .surnameKey:
                rows = lookup.initial.map { bySurname[Self.keyed(lookup.key, $0)] } ?? bySurnameAnyInitial[lookup.key]
            }
            for r in rows ?? [] {
                let c = PersonCandidate(id: r.person, country: personCountry[r.person] ?? nil, alias: lookup.needsAlias ? r.alias : nil)
                if admitted(c) { return c }
            }
            return nil
        }
        return try PersonResolver().resolve(p, evidence, keys: name)
    }

    /// A name's keys, from those the run computed.
    func name(_ form: String) -> NameKeys { nameKeys[form] ?? NameKeys(form) }

    mutating func resolvePerson(_ p: DocumentAnnotation.Person) throws -> (Int64, String) {
        let decision = try decidePerson(p)
        switch decision {
        case .same(let c, let reason):
            if personName[c.id] == nil { try readPerson(c.id) }
            return (c.id, reason)
        case .new(let reason):
            let id = nextProvisional()
            newPeople.append(id)
            personCountry[id] = p.country
            personName[id] = p.name
            return (id, reason)
        }
    }

    /// A person a judgement names, not found through the run's keys.
    mutating func readPerson(_ id: Int64) throws {
        guard let row = try s.rows("SELECT name, country FROM person WHERE id = $1", [id]).first else { return }
        let (name, country) = try s.decode(row, (String, String?).self)
        personName[id] = name
        personCountry[id] = country
        for row in try s.rows("SELECT aliasKey FROM personAlias WHERE personId = $1", [id]) {
            knownAliases.insert(Self.aliasOf(id, try s.decode(row, String.self)))
        }
    }

    /// Adds a form of a person's name (nothing when the person has it already); the fullest name becomes the
    /// display name.
    mutating func addAlias(_ person: Int64, _ form: String) throws {
        let k = keys(form)
        guard k.tokenCount > 0, knownAliases.insert(Self.aliasOf(person, k.aliasKey)).inserted else { return }
        let r = AliasRow(person: person, alias: form)
        byAliasKey[k.aliasKey, default: []].append(r)
        bySkeleton[Self.keyed(k.skeletonKey, k.initial), default: []].append(r)
        bySurname[Self.keyed(k.surnameKey, k.initial), default: []].append(r)
        bySurnameAnyInitial[k.surnameKey]?.append(r)
        newAliases.append((person, form, k))
        if let current = personName[person], PersonResolver.isBetterDisplayName(k, than: keys(current)) {
            personName[person] = form
            if person > 0 { renamed.insert(person) }
        }
    }

    // MARK: Organizations

    mutating func readOrganizations(_ run: [PreparedDocument]) throws {
        var wanted = Set<String>()
        for d in run { for o in d.annotation.organizations { for f in [o.name] + o.aliases { wanted.insert(organizationKey(f)) } } }
        for row in try s.rows("SELECT aliasKey, organizationId FROM organizationAlias WHERE aliasKey = ANY($1)", [Array(wanted)]) {
            let (key, id) = try s.decode(row, (String, Int64).self)
            organizationByKey[key] = id
        }
    }

    func decideOrganization(_ o: DocumentAnnotation.Organization) throws -> IdentityDecision<Int64> {
        try OrganizationResolver().resolve(o, OrganizationResolver.Evidence { organizationByKey[$0] }, key: { organizationKeys[$0] ?? OrganizationResolver.key($0) })
    }

    mutating func resolveOrganization(_ o: DocumentAnnotation.Organization) throws -> Int64 {
        let id: Int64
        if let found = try decideOrganization(o).match {
            id = found
        } else {
            id = nextProvisional()
            newOrganizations.append((id, o))
        }
        for f in [o.name] + o.aliases {
            let key = organizationKey(f)
            if organizationByKey[key] == nil {
                organizationByKey[key] = id
                newOrganizationAliases.append((id, f, key))
            }
        }
        return id
    }

    // MARK: Events

    /// Reads the stored events the run's events could join: each stored person's events around each date it is
    /// mentioned with (all of them for an undated mention), and each organization's events around the dates of
    /// events with organizations only.
    mutating func readEvents(_ run: [PreparedDocument], _ personOf: [[String: Int64]], _ orgOf: [[String: Int64]]) throws {
        var pid: [Int64] = [], lo = TextColumn(), hi = TextColumn(), year = TextColumn(), month = TextColumn()
        var oid: [Int64] = [], olo = TextColumn(), ohi = TextColumn(), oyear = TextColumn(), omonth = TextColumn()
        // Undated mentions: the events with every one of their people (none when one of them is new).
        var undatedPeople: [[Int64]] = [], um: [Int64] = [], upid: [Int64] = [], uneed: [Int64] = []
        var seen = Set<Link>()
        for (n, d) in run.enumerated() {
            for e in d.annotation.events {
                let people = e.participantIds.compactMap { personOf[n][$0] }
                let orgs = e.organizations.compactMap { orgOf[n][$0] }
                let mention = EventMention(type: e.type, date: e.date, people: people, organizations: orgs)
                guard EventResolver.seeksCandidates(mention) else { continue }
                let w = EventResolver.dateWindow(e.date)
                if !people.isEmpty && e.date == nil {
                    let distinct = Set(people)
                    guard distinct.allSatisfy({ $0 > 0 }) else { continue }
                    for p in distinct { um.append(Int64(undatedPeople.count)); upid.append(p); uneed.append(Int64(distinct.count)) }
                    undatedPeople.append(Array(distinct))
                } else if !people.isEmpty {
                    for p in Set(people) where p > 0 && seen.insert(Link(kind: 0, event: 0, other: p, name: e.date ?? "")).inserted {
                        pid.append(p); lo.append(w.lo); hi.append(w.hi); year.append(w.year); month.append(w.month)
                    }
                } else {
                    for o in Set(orgs) where o > 0 && seen.insert(Link(kind: 1, event: 0, other: o, name: e.date ?? "")).inserted {
                        oid.append(o); olo.append(w.lo); ohi.append(w.hi); oyear.append(w.year); omonth.append(w.month)
                    }
                }
            }
        }
        var found: [(Int64, Int64, String, String?)] = []
        if !pid.isEmpty {
            for row in try s.rows("""
                SELECT DISTINCT w.pid, e.id, e.type, e.date
                FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS w(pid, lo, hi, y, m)
                JOIN eventParticipant ep ON ep.personId = w.pid
                  AND (ep.date IS NULL OR ep.date BETWEEN w.lo AND w.hi OR ep.date IN (w.y, w.m))
                JOIN event e ON e.id = ep.eventId
                """, [pid, lo, hi, year, month]) {
                found.append(try s.decode(row, (Int64, Int64, String, String?).self))
            }
        }
        var needPeople = Set<Int64>()
        if !um.isEmpty {
            for row in try s.rows("""
                SELECT x.m, e.id, e.type, e.date FROM (
                  SELECT w.m, ep.eventId FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS w(m, pid, need)
                  JOIN eventParticipant ep ON ep.personId = w.pid GROUP BY w.m, ep.eventId, w.need HAVING count(*) = w.need) x
                JOIN event e ON e.id = x.eventId
                """, [um, upid, uneed]) {
                let (m, id, type, date) = try s.decode(row, (Int64, Int64, String, String?).self)
                needPeople.insert(id)
                for p in undatedPeople[Int(m)] { found.append((p, id, type, date)) }
            }
        }
        var foundByOrganization: [(Int64, Int64, String, String?)] = []
        if !oid.isEmpty {
            for row in try s.rows("""
                SELECT DISTINCT w.oid, e.id, e.type, e.date
                FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS w(oid, lo, hi, y, m)
                JOIN eventOrganization eo ON eo.organizationId = w.oid JOIN event e ON e.id = eo.eventId
                WHERE e.date BETWEEN w.lo AND w.hi OR e.date IN (w.y, w.m)
                """, [oid, olo, ohi, oyear, omonth]) {
                foundByOrganization.append(try s.decode(row, (Int64, Int64, String, String?).self))
            }
        }
        var pairs = Set<Link>()
        for (owner, id, type, date) in found.sorted(by: { $0.1 < $1.1 }) {
            if events[id] == nil { events[id] = EventState(type: type, date: date, profile: nil, people: nil) }
            if pairs.insert(Link(kind: 0, event: id, other: owner)).inserted { eventsOfPerson[owner, default: []].append(id) }
        }
        for (owner, id, type, date) in foundByOrganization.sorted(by: { $0.1 < $1.1 }) {
            if events[id] == nil { events[id] = EventState(type: type, date: date, profile: nil, people: nil) }
            if pairs.insert(Link(kind: 1, event: id, other: owner)).inserted { eventsOfOrganization[owner, default: []].append(id) }
        }
        // The candidates' people (for undated mentions and events), in one query rather than one per candidate.
        let storedIDs = Array(events.keys)
        if !storedIDs.isEmpty {
            var people: [Int64: Set<Int64>] = [:]
            needPeople.formUnion(storedIDs.filter { events[$0]?.date == nil })
            for row in try s.rows("SELECT eventId, personId FROM eventParticipant WHERE eventId = ANY($1)", [Array(needPeople)]) {
                let (event, person) = try s.decode(row, (Int64, Int64).self)
                people[event, default: []].insert(person)
            }
            for id in needPeople { events[id]?.people = people[id] ?? [] }
        }
        for (person, ids) in eventsOfPerson { for id in ids { linked.insert(Link(kind: 0, event: id, other: person)) } }
        for (o, ids) in eventsOfOrganization { for id in ids { linked.insert(Link(kind: 1, event: id, other: o)) } }
    }

    /// Whether a stored date lies in a mention's window (as the stores' candidate queries test it).
    static func inWindow(_ date: String?, _ w: (lo: String, hi: String, year: String, month: String)) -> Bool {
        guard let date else { return true }
        return (date >= w.lo && date <= w.hi) || date == w.year || date == w.month
    }

    /// The candidates a store's query would return for an event mention, in the order it would return them.
    func candidates(_ m: EventMention) -> [Int64] {
        var ids: [Int64] = []
        if !m.people.isEmpty {
            if m.date == nil {
                // Events with every one of the people.
                var common: Set<Int64>?
                for p in Set(m.people) {
                    let theirs = Set(eventsOfPerson[p] ?? [])
                    common = common.map { $0.intersection(theirs) } ?? theirs
                }
                ids = Array(common ?? [])
            } else {
                let w = EventResolver.dateWindow(m.date)
                var count: [Int64: Int] = [:]
                for p in Set(m.people) {
                    for id in Set(eventsOfPerson[p] ?? []) where Self.inWindow(events[id]?.date, w) { count[id, default: 0] += 1 }
                }
                let need = EventResolver.sharedPeopleNeeded(m)
                ids = count.filter { $0.value >= need }.map(\.key)
            }
        } else if !m.organizations.isEmpty {
            let w = EventResolver.dateWindow(m.date)
            var count: [Int64: Int] = [:]
            for o in Set(m.organizations) {
                for id in Set(eventsOfOrganization[o] ?? []) where events[id]?.date != nil && Self.inWindow(events[id]?.date, w) {
                    count[id, default: 0] += 1
                }
            }
            ids = count.filter { $0.value == m.organizations.count }.map(\.key)
        }
        return ids.sorted { Self.order($0) < Self.order($1) }
    }

    /// What the resolver decides for an event mention among the candidates (nothing here changes the state).
    func decideEvent(_ mention: EventMention, _ ids: [Int64], _ readPeople: [Int64: Set<Int64>],
                     told: [Int64: [EventMention]]) throws -> IdentityDecision<EventCandidate> {
        try EventResolver().resolve(mention, EventResolver.Evidence(candidateIDs: ids, candidate: { id in
            events[id].map { EventCandidate(id: id, type: $0.type, date: $0.date) }
        }, peopleOf: { id in
            guard let state = events[id] else { return [] }
            // Read on demand when the resolver needs a dated candidate's people (two candidates, or a MEET against a VISIT).
            return (try state.people ?? readPeople[id] ?? storedPeople(id)).union(state.added)
        }, organizationsOf: { id in
            // Read on demand: only an ATTEND that names organizations asks.
            guard let state = events[id] else { return [] }
            return try storedOrganizations(id).union(state.addedOrganizations)
        }, document: told))
    }

    mutating func resolveEvent(_ e: DocumentAnnotation.Event, _ mention: EventMention, told: [Int64: [EventMention]]) throws -> Int64 {
        var decision: IdentityDecision<EventCandidate> = .new(reason: EventResolver.newReason)
        if EventResolver.seeksCandidates(mention) {
            let ids = candidates(mention)
            var readPeople: [Int64: Set<Int64>] = [:]
            for id in ids where events[id]?.people == nil && (mention.date == nil || events[id]?.date == nil) {
                readPeople[id] = try storedPeople(id)
            }
            decision = try decideEvent(mention, ids, readPeople, told: told)
            for (id, people) in readPeople { events[id]?.people = people }
        }
        if let found = decision.match {
            let id = found.id
            if let d = EventResolver.replacementDate(stored: found.date, new: e.date) {
                events[id]!.date = d
                events[id]!.dateChanged = true
            }
            // The channel and sides it brings are merged once the run's joins are known (`mergeContacts`).
            if let new = ContactRecords.profile(e) { joinedContacts.append((id, new)) }
            return id
        }
        let id = nextProvisional()
        events[id] = EventState(type: e.type, date: e.date, profile: .some(ContactRecords.profile(e).map(Self.asStored)), people: [])
        newEvents.append((id, e))
        return id
    }

    /// A profile as it reads back from the rows it is stored in (sides by country, one per country).
    static func asStored(_ p: ContactProfile) -> ContactProfile {
        var sides: [String: EventSide] = [:]
        for side in ContactRecords.sides(p) { sides[ContactRecords.key(side.country)] = side }
        let rows = sides.keys.sorted().map { key -> EventSide in
            var side = sides[key]!
            side.country = ContactRecords.country(key)
            return side
        }
        return ContactRecords.profile(channel: p.channel.rawValue, reason: p.reason, sides: rows) ?? p
    }

    /// Merges the channels and sides the run's reports bring into the events they joined, in the run's order, the
    /// stored events' profiles read in two queries.
    mutating func mergeContacts() throws {
        let unread = Array(Set(joinedContacts.map(\.event).filter { $0 > 0 && events[$0]?.profile == nil }))
        if !unread.isEmpty {
            var channels: [Int64: (String?, String?)] = [:], sides: [Int64: [EventSide]] = [:]
            for row in try s.rows("SELECT id, channel, channelReason FROM event WHERE id = ANY($1)", [unread]) {
                let (id, channel, reason) = try s.decode(row, (Int64, String?, String?).self)
                channels[id] = (channel, reason)
            }
            for row in try s.rows("""
                SELECT eventId, country, channel, channelReason, level, levelReason FROM eventSide WHERE eventId = ANY($1) ORDER BY eventId, country
                """, [unread]) {
                let (id, country, channel, channelReason, level, levelReason) = try s.decode(row, (Int64, String, String?, String?, String?, String?).self)
                sides[id, default: []].append(EventSide(country: ContactRecords.country(country), channel: channel, channelReason: channelReason,
                                                        level: level, levelReason: levelReason))
            }
            for id in unread {
                let (channel, reason) = channels[id] ?? (nil, nil)
                events[id]?.profile = .some(ContactRecords.profile(channel: channel, reason: reason, sides: sides[id] ?? []))
            }
        }
        for (id, new) in joinedContacts {
            let stored = events[id]!.profile ?? nil
            if let merged = ContactRecords.merged(stored: stored, new: new).map(Self.asStored), merged != stored {
                events[id]!.profile = .some(merged)
                events[id]!.profileChanged = true
            }
        }
    }

    func storedPeople(_ id: Int64) throws -> Set<Int64> {
        guard id > 0 else { return [] }
        return Set(try s.rows("SELECT personId FROM eventParticipant WHERE eventId = $1", [id]).map { try s.decode($0, Int64.self) })
    }

    /// A stored event's organizations as the database has them (none for an event of this run).
    func storedOrganizations(_ id: Int64) throws -> Set<Int64> {
        guard id > 0 else { return [] }
        return Set(try s.rows("SELECT organizationId FROM eventOrganization WHERE eventId = $1", [id]).map { try s.decode($0, Int64.self) })
    }

    // MARK: - Writing

    /// Draws real ids for the run's new people, organizations and events, then writes every table's rows, one
    /// statement a table; `search` holds the documents' search vectors where computed already (nil: the trigger's).
    mutating func write(search: [ByteBuffer?]) throws {
        let row = try s.rows("""
            SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('person', 'id')) FROM generate_series(1, $1)),
                   ARRAY(SELECT nextval(pg_get_serial_sequence('organization', 'id')) FROM generate_series(1, $2)),
                   ARRAY(SELECT nextval(pg_get_serial_sequence('event', 'id')) FROM generate_series(1, $3))
            """, [Int64(newPeople.count), Int64(newOrganizations.count), Int64(newEvents.count)]).first
        guard let row else { throw StoreError.underlying(path: s.location.description, message: "no ids for new rows") }
        let (personIDs, organizationIDs, eventIDs) = try s.decode(row, ([Int64], [Int64], [Int64]).self)
        var real: [Int64: Int64] = [:]
        for (provisional, id) in zip(newPeople, personIDs.sorted()) { real[provisional] = id }
        for (o, id) in zip(newOrganizations, organizationIDs.sorted()) { real[o.id] = id }
        for (e, id) in zip(newEvents, eventIDs.sorted()) { real[e.id] = id }
        func id(_ x: Int64) -> Int64 { x < 0 ? real[x]! : x }
        let storable = PostgresRowEdits.storable
        let now = IngestRecords.now()
        // The statements below need no answer: they are sent one after another and waited for at the end.
        var sent: [EventLoopFuture<PostgresQueryResult>] = []
        func run(_ sql: String, rows: Int, _ columns: [any PostgresThrowingDynamicTypeEncodable]) throws {
            if let statement = try s.send(sql, rows: rows, columns) { sent.append(statement) }
        }

        // Documents.
        try run("""
            INSERT INTO document (id, url, site, title, published, contentHash, text, origin, annotation, ingestedAt, search)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                                 $11::tsvector[])
            """, rows: documents.count, [
                TextColumn(documents.map(\.annotation.id)), TextColumn(documents.map(\.annotation.url)), TextColumn(documents.map(\.annotation.site)),
                TextColumn(documents.map { $0.annotation.title.map(storable) }), TextColumn(documents.map(\.annotation.published)),
                TextColumn(documents.map(\.contentHash)), TextColumn(documents.map { storable($0.document.text) }),
                TextColumn(documents.map(\.document.origin)), TextColumn(documents.map { storable($0.annotationJSON) }),
                TextColumn(documents.map { _ in now }), SearchVectorColumn(values: search),
            ])

        // People: new ones, new display names, new aliases, mentions.
        try run("""
            INSERT INTO person (id, name, nameKey, country) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])
            """, rows: newPeople.count, [
                newPeople.map(id), TextColumn(newPeople.map { personName[$0] }), TextColumn(newPeople.map { keys(personName[$0]!).aliasKey }),
                TextColumn(newPeople.map { personCountry[$0] ?? nil }),
            ])
        let renamedPeople = renamed.sorted()
        try run("""
            UPDATE person SET name = u.name, nameKey = u.nameKey FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, name, nameKey)
            WHERE person.id = u.id
            """, rows: renamedPeople.count, [
                renamedPeople, TextColumn(renamedPeople.map { personName[$0] }), TextColumn(renamedPeople.map { keys(personName[$0]!).aliasKey }),
            ])
        try run("""
            INSERT INTO personAlias (personId, alias, aliasKey, skeletonKey, surnameKey, initial)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) ON CONFLICT DO NOTHING
            """, rows: newAliases.count, [
                newAliases.map { id($0.person) }, TextColumn(newAliases.map(\.form)), TextColumn(newAliases.map(\.keys.aliasKey)),
                TextColumn(newAliases.map(\.keys.skeletonKey)), TextColumn(newAliases.map(\.keys.surnameKey)), TextColumn(newAliases.map(\.keys.initial)),
            ])
        try run("""
            INSERT INTO personMention (documentId, localId, personId, name, titles, organization, country, date, reason)
            SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
            """, rows: mentions.count, [
                TextColumn(mentions.map(\.document)), TextColumn(mentions.map(\.p.id)), mentions.map { id($0.person) }, TextColumn(mentions.map(\.p.name)),
                TextColumn(mentions.map { $0.p.titles.joined(separator: "\u{1F}") }), TextColumn(mentions.map(\.p.organization)),
                TextColumn(mentions.map(\.p.country)), TextColumn(mentions.map(\.date)), TextColumn(mentions.map(\.reason)),
            ])

        // Organizations.
        try run("""
            INSERT INTO organization (id, name, kind, country) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])
            """, rows: newOrganizations.count, [
                newOrganizations.map { id($0.id) }, TextColumn(newOrganizations.map(\.o.name)), TextColumn(newOrganizations.map(\.o.kind)),
                TextColumn(newOrganizations.map(\.o.country)),
            ])
        try run("""
            INSERT INTO organizationAlias (organizationId, alias, aliasKey) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])
            ON CONFLICT DO NOTHING
            """, rows: newOrganizationAliases.count, [
                newOrganizationAliases.map { id($0.id) }, TextColumn(newOrganizationAliases.map(\.form)), TextColumn(newOrganizationAliases.map(\.key)),
            ])
        try run("""
            INSERT INTO organizationMention (documentId, organizationId) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING
            """, rows: organizationMentions.count, [TextColumn(organizationMentions.map(\.document)), organizationMentions.map { id($0.organization) }])

        // Events: new ones with their final date and profile; stored ones whose date or profile changed.
        let created = newEvents.map { (id: $0.id, e: $0.e, state: events[$0.id]!) }
        try run("""
            INSERT INTO event (id, type, date, place, cameo, plover, ploverMode, channel, channelReason)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
            """, rows: created.count, [
                created.map { id($0.id) }, TextColumn(created.map(\.e.type)), TextColumn(created.map(\.state.date)), TextColumn(created.map(\.e.place)),
                TextColumn(created.map(\.e.cameo)), TextColumn(created.map(\.e.plover)), TextColumn(created.map(\.e.ploverMode)),
                TextColumn(created.map { ($0.state.profile ?? nil)?.channel.rawValue }),
                TextColumn(created.map { ($0.state.profile ?? nil).map { storable($0.reason) } }),
            ])
        let redated = events.filter { $0.key > 0 && $0.value.dateChanged }.sorted { $0.key < $1.key }
        try run("""
            UPDATE event SET date = u.date FROM unnest($1::bigint[], $2::text[]) AS u(id, date) WHERE event.id = u.id
            """, rows: redated.count, [redated.map(\.key), TextColumn(redated.map(\.value.date))])
        // The rows that carry an event's date (participants, countries, organizations, pairs) follow it by trigger
        // (`parley_event_dates_moved`); new ones are written with it below.
        let rechanneled = events.filter { $0.key > 0 && $0.value.profileChanged }.sorted { $0.key < $1.key }
        try run("""
            UPDATE event SET channel = u.channel, channelReason = u.reason FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, channel, reason)
            WHERE event.id = u.id
            """, rows: rechanneled.count, [
                rechanneled.map(\.key), TextColumn(rechanneled.map { ($0.value.profile ?? nil)?.channel.rawValue }),
                TextColumn(rechanneled.map { ($0.value.profile ?? nil).map { storable($0.reason) } }),
            ])
        try run("DELETE FROM eventSide WHERE eventId = ANY($1)", rows: rechanneled.count, [rechanneled.map(\.key)])
        var sides: [(event: Int64, side: EventSide)] = []
        for (eventID, state) in created.map({ ($0.id, $0.state) }) + rechanneled.map({ ($0.key, $0.value) }) {
            guard let profile = state.profile ?? nil else { continue }
            for side in ContactRecords.sides(profile) { sides.append((id(eventID), side)) }
        }
        try run("""
            INSERT INTO eventSide (eventId, country, channel, channelReason, level, levelReason)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
            """, rows: sides.count, [
                sides.map(\.event), TextColumn(sides.map { ContactRecords.key($0.side.country) }), TextColumn(sides.map(\.side.channel)),
                TextColumn(sides.map { $0.side.channelReason.map(storable) }), TextColumn(sides.map(\.side.level)),
                TextColumn(sides.map { $0.side.levelReason.map(storable) }),
            ])

        // The events' people, organizations, countries and sources; planned events.
        try run("""
            INSERT INTO eventParticipant (eventId, personId, role, date) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])
            ON CONFLICT DO NOTHING
            """, rows: participants.count, [participants.map { id($0.event) }, participants.map { id($0.person) }, TextColumn(participants.map(\.role)),
                                            TextColumn(participants.map { events[$0.event]?.date })])
        try run("""
            INSERT INTO eventOrganization (eventId, organizationId, date) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])
            ON CONFLICT DO NOTHING
            """, rows: eventOrganizations.count, [eventOrganizations.map { id($0.event) }, eventOrganizations.map { id($0.organization) },
                                                  TextColumn(eventOrganizations.map { events[$0.event]?.date })])
        try run("""
            INSERT INTO eventCountry (eventId, country, date) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING
            """, rows: eventCountries.count, [eventCountries.map { id($0.event) }, TextColumn(eventCountries.map(\.country)),
                                              TextColumn(eventCountries.map { events[$0.event]?.date })])
        try run("""
            INSERT INTO eventSource (eventId, documentId, localId, reported, sentence, start, "end", evidence, confidence)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bool[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], $9::float8[])
            """, rows: sources.count, [
                sources.map { id($0.event) }, TextColumn(sources.map(\.document)), TextColumn(sources.map(\.e.id)), sources.map(\.e.reported),
                sources.map { Int64($0.e.evidenceSpan.sentence) }, sources.map { Int64($0.e.evidenceSpan.start) },
                sources.map { Int64($0.e.evidenceSpan.end) }, TextColumn(sources.map { storable($0.e.evidence) }), sources.map(\.e.confidence),
            ])
        let planned = documents.flatMap { d in d.annotation.planned.map { (d.annotation.id, $0) } }
        try run("""
            INSERT INTO plannedEvent (documentId, localId, type, date, participants, evidence)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
            """, rows: planned.count, [
                TextColumn(planned.map(\.0)), TextColumn(planned.map(\.1.id)), TextColumn(planned.map(\.1.type)), TextColumn(planned.map(\.1.date)),
                TextColumn(planned.map { $0.1.participants.joined(separator: "\u{1F}") }), TextColumn(planned.map { storable($0.1.evidence) }),
            ])
        try s.wait(sent)
    }
}

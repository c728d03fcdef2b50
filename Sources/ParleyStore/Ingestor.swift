import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import ParleyCore

/// Writes one document's facts inside a transaction: replaces an older version of the document,
/// resolves its people and organizations to entities already in the database, and joins its events
/// to the events other documents already report (same kind, shared people, dates within a day).
struct Ingestor {
    let db: Database
    /// Whether the database holds any user correction; most hold none, and then no person needs a correction lookup.
    let hasCorrections: Bool
    /// Name and organization keys, person lookups and aliases already known.
    let keys: KeyMemo
    /// What this transaction's new events and country rows add to the summary tables, written by `flushSummaries()`.
    let summaries = SummaryDeltas()

    /// An ingestor for one transaction; `memo` may carry what earlier transactions of this connection learnt.
    init(db: Database, memo: KeyMemo = KeyMemo()) {
        self.db = db
        keys = memo
        hasCorrections = (try? Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM correction)")) ?? true
    }

    /// The current UTC time as ISO 8601 (`2026-11-25T12:00:00Z`), without a formatter per call.
    static func now() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    func ingest(_ prepared: PreparedDocument) throws -> IngestOutcome {
        let doc = prepared.document, a = prepared.annotation
        let hash = prepared.contentHash
        var outcome = IngestOutcome.inserted
        if let old = try FastStatement(db, ContactRecords.storedHashSQL + " ?").text(a.id) {
            if old == hash { return .unchanged }
            try removeDocument(a.id)
            outcome = .replaced
        }
        let annotationJSON = prepared.annotationJSON
        try FastStatement(db, """
            INSERT INTO document (id, url, site, title, published, contentHash, text, origin, annotation, ingestedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(a.id, a.url, a.site, a.title, a.published, hash, doc.text, doc.origin, annotationJSON, Self.now())

        // People.
        var personOf: [String: Int64] = [:]
        for p in a.people {
            let (id, reason) = try resolvePerson(p)
            personOf[p.id] = id
            try FastStatement(db, """
                INSERT INTO personMention (documentId, localId, personId, name, titles, organization, country, date, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run(a.id, p.id, id, p.name, p.titles.joined(separator: "\u{1F}"), p.organization, p.country,
                                 Self.mentionDate(a), reason)
            for form in [p.name] + p.aliases { try addAlias(id, form) }
        }
        // Organizations.
        var orgOf: [String: Int64] = [:]
        for o in a.organizations {
            let id = try resolveOrganization(o)
            for form in [o.name] + o.aliases { orgOf[form] = id }
            try FastStatement(db, "INSERT OR IGNORE INTO organizationMention (documentId, organizationId) VALUES (?, ?)").run(a.id, id)
            if db.changesCount > 0 { summaries.organizationDocuments[id, default: 0] += 1 }
        }
        // Events.
        for e in a.events {
            let people = e.participantIds.compactMap { personOf[$0] }
            let orgs = e.organizations.compactMap { orgOf[$0] }
            let eventID: Int64
            var date = e.date
            var type = e.type
            // The event's other countries (each new one pairs with them in the summary tables): none for a new event;
            // for a stored one, read when the document adds a country to it.
            var countries: [String]? = []
            if let (found, storedDate, storedType) = try findEvent(type: e.type, date: e.date, people: people, orgs: orgs) {
                eventID = found
                type = storedType
                countries = nil
                // A more precise date from another source wins (a trigger copies it to the event's participants and countries).
                if let d = e.date, storedDate == nil || storedDate!.count < d.count {
                    try FastStatement(db, "UPDATE event SET date = ? WHERE id = ?").run(d, eventID)
                } else {
                    date = storedDate
                }
                try joinContact(eventID, ContactRecords.profile(e))
            } else {
                eventID = try createEvent(e)
                summaries.add(country: "", partner: "", date: date, type: type)
            }
            for (p, role) in Self.participants(e, personOf) {
                try FastStatement(db, "INSERT OR IGNORE INTO eventParticipant (eventId, personId, role, date) VALUES (?, ?, ?, ?)").run(eventID, p, role, date)
            }
            for o in orgs {
                try FastStatement(db, "INSERT OR IGNORE INTO eventOrganization (eventId, organizationId, date) VALUES (?, ?, ?)").run(eventID, o, date)
                if db.changesCount > 0 { summaries.organizationEvents[o, default: 0] += 1 }
            }
            for c in e.countries {
                try FastStatement(db, "INSERT OR IGNORE INTO eventCountry (eventId, country, date) VALUES (?, ?, ?)").run(eventID, c, date)
                guard db.changesCount > 0 else { continue }
                var others = countries ?? []
                if countries == nil {
                    try FastStatement(db, "SELECT country FROM eventCountry WHERE eventId = ?").forEach(eventID) { row in
                        if let stored = row.text(0), stored != c { others.append(stored) }
                    }
                }
                summaries.addCountry(c, of: eventID, to: others, date: date, type: type)
                countries = others + [c]
            }
            try FastStatement(db, """
                INSERT INTO eventSource (eventId, documentId, localId, reported, sentence, start, "end", evidence, confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run(eventID, a.id, e.id, e.reported, e.evidenceSpan.sentence, e.evidenceSpan.start, e.evidenceSpan.end,
                                 e.evidence, e.confidence)
            summaries.rows["eventSource", default: 0] += 1
        }
        for e in a.planned {
            try FastStatement(db, "INSERT INTO plannedEvent (documentId, localId, type, date, participants, evidence) VALUES (?, ?, ?, ?, ?, ?)").run(a.id, e.id, e.type, e.date, e.participants.joined(separator: "\u{1F}"), e.evidence)
        }
        return outcome
    }

    /// The date a document's person mentions carry (for titles over time): publication, dateline, else the
    /// date of the document's first directly stated event.
    static func mentionDate(_ a: DocumentAnnotation) -> String? {
        a.published ?? a.dateline?.date ?? a.events.first(where: { !$0.reported })?.date
    }

    /// An event's resolved participants with their roles, in the document's order.
    static func participants(_ e: DocumentAnnotation.Event, _ personOf: [String: Int64]) -> [(Int64, String)] {
        e.participantIds.enumerated().compactMap { n, local in
            guard let p = personOf[local] else { return nil }
            return (p, n < e.participantRoles.count ? e.participantRoles[n] : "participant")
        }
    }

    /// Removes a document and the facts only it supported (events left without a source, people left without a mention).
    func removeDocument(_ id: String) throws {
        keys.forgetPeople()
        let events = try Int64.fetchAll(db.cachedStatement(sql: "SELECT eventId FROM eventSource WHERE documentId = ?"), arguments: [id])
        let people = try Int64.fetchAll(db.cachedStatement(sql: "SELECT personId FROM personMention WHERE documentId = ?"), arguments: [id])
        try FastStatement(db, "DELETE FROM document WHERE id = ?").run(id)
        for e in Set(events) where try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM eventSource WHERE eventId = ?"), arguments: [e]) == 0 {
            try FastStatement(db, "DELETE FROM event WHERE id = ?").run(e)
        }
        for p in Set(people) where try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM personMention WHERE personId = ?"), arguments: [p]) == 0 {
            try FastStatement(db, "DELETE FROM person WHERE id = ?").run(p)
        }
    }

    // MARK: People

    /// Finds the entity a document's person is, or creates one; returns it with the reason.
    func resolvePerson(_ p: DocumentAnnotation.Person) throws -> (Int64, String) {
        var blocked: Set<Int64> = []
        if hasCorrections {
            // User corrections first.
            let mainKey = keys.name(p.name).aliasKey
            if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT personId FROM correction WHERE kind = 'merge' AND nameKey = ? ORDER BY id DESC"), arguments: [mainKey]),
               try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM person WHERE id = ?"), arguments: [id]) == true {
                return (id, "user merge")
            }
            blocked = Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT personId FROM correction WHERE kind = 'split' AND nameKey = ?"), arguments: [mainKey]))
        }
        for lookup in Self.personLookups(p, keys: keys.name) {
            let condition: String
            switch lookup.match {
            case .alias: condition = "personAlias.aliasKey = ?"
            case .skeleton: condition = "personAlias.skeletonKey = ? AND personAlias.initial = ?"
            case .initialAndSurname, .initialFormOfFullName: condition = "personAlias.surnameKey = ? AND personAlias.initial = ?"
            }
            let withAlias = lookup.match == .initialFormOfFullName
            func admissible(_ c: KeyMemo.Candidate) -> Bool {
                if let alias = c.alias, !lookup.accepts(alias: alias) { return false }
                return !blocked.contains(c.id) && Self.admits(candidateCountry: c.country, for: p)
            }
            let memoKey = KeyMemo.lookupKey(lookup.match, lookup.key, lookup.initial)
            if let known = keys.lookups[memoKey] {
                if let c = known.first(where: admissible) { return (c.id, lookup.reason(alias: c.alias)) }
                continue
            }
            // Rows in index order until the first admissible one; a short complete list is remembered (a common
            // surname or skeleton can have hundreds of rows, read only as far as needed).
            var found: [KeyMemo.Candidate] = []
            var hit: KeyMemo.Candidate?
            let statement = try FastStatement(db, """
                SELECT person.id, person.country\(withAlias ? ", personAlias.alias" : "") FROM personAlias
                JOIN person ON person.id = personAlias.personId WHERE \(condition)
                """)
            func take(_ row: FastRow) -> Bool {
                let c = KeyMemo.Candidate(id: row.int64(0), country: row.text(1), alias: withAlias ? row.text(2) : nil)
                if found.count <= KeyMemo.longestRememberedLookup { found.append(c) }
                if admissible(c) { hit = c; return true }
                return false
            }
            let stopped = try lookup.initial.map { try statement.scan(lookup.key, $0, until: take) } ?? statement.scan(lookup.key, until: take)
            if !stopped && found.count <= KeyMemo.longestRememberedLookup { keys.lookups[memoKey] = found }
            if let c = hit { return (c.id, lookup.reason(alias: c.alias)) }
        }
        return (try createPerson(name: p.name, country: p.country), "new person")
    }

    /// The ways a document's person may match a person already stored, in the order every backend tries them:
    /// same name, transliteration variant, initial and surname, then a full name for an entity known only by an
    /// initial form ("T. Budagov"). Forms of fewer than two words never match.
    static func personLookups(_ p: DocumentAnnotation.Person, keys: (String) -> NameKeys = { NameKeys($0) }) -> [PersonLookup] {
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
        return out
    }

    /// Two people who share a name but represent different countries stay apart.
    static func admits(candidateCountry: String?, for p: DocumentAnnotation.Person) -> Bool {
        if let c = candidateCountry, let pc = p.country, c != pc { return false }
        return true
    }

    func createPerson(name: String, country: String?) throws -> Int64 {
        try FastStatement(db, "INSERT INTO person (name, nameKey, country) VALUES (?, ?, ?)").run(name, keys.name(name).aliasKey, country)
        return db.lastInsertedRowID
    }

    func addAlias(_ person: Int64, _ form: String) throws {
        let k = keys.name(form)
        guard k.tokenCount > 0 else { return }
        // A form the person already had changes nothing.
        guard keys.knownAliases.insert(KeyMemo.AliasOf(person: person, aliasKey: k.aliasKey)).inserted else { return }
        try FastStatement(db, """
            INSERT OR IGNORE INTO personAlias (personId, alias, aliasKey, skeletonKey, surnameKey, initial) VALUES (?, ?, ?, ?, ?, ?)
            """).run(person, form, k.aliasKey, k.skeletonKey, k.surnameKey, k.initial)
        guard db.changesCount > 0 else { return }
        keys.forgetLookups(of: k)
        // The fullest name becomes the display name.
        if let current = try FastStatement(db, "SELECT name FROM person WHERE id = ?").text(person),
           Self.isBetterDisplayName(k, than: keys.name(current)) {
            try FastStatement(db, "UPDATE person SET name = ?, nameKey = ? WHERE id = ?").run(form, k.aliasKey, person)
        }
    }

    /// Whether a new form of a person's name should replace the display name: the fullest name wins.
    static func isBetterDisplayName(_ form: String, than current: String) -> Bool {
        isBetterDisplayName(NameKeys(form), than: NameKeys(current))
    }

    static func isBetterDisplayName(_ k: NameKeys, than c: NameKeys) -> Bool {
        return !k.isInitialForm && (c.tokenCount < k.tokenCount || c.isInitialForm)
    }

    /// Moves everything of person `from` to person `to` and deletes `from`.
    func mergePerson(_ from: Int64, into to: Int64) throws {
        try FastStatement(db, "UPDATE OR IGNORE personAlias SET personId = ? WHERE personId = ?").run(to, from)
        try FastStatement(db, "UPDATE personMention SET personId = ?, reason = 'user merge' WHERE personId = ?").run(to, from)
        try FastStatement(db, "UPDATE OR IGNORE eventParticipant SET personId = ? WHERE personId = ?").run(to, from)
        try FastStatement(db, "DELETE FROM person WHERE id = ?").run(from)
    }

    // MARK: Organizations

    func resolveOrganization(_ o: DocumentAnnotation.Organization) throws -> Int64 {
        let forms = [o.name] + o.aliases
        for (n, form) in forms.enumerated() {
            if let id = try FastStatement(db, "SELECT organizationId FROM organizationAlias WHERE aliasKey = ?").int64(keys.organization(form)) {
                // The forms tried before this one are new aliases; the later ones may be too.
                for (m, f) in forms.enumerated() where m != n {
                    try FastStatement(db, "INSERT OR IGNORE INTO organizationAlias (organizationId, alias, aliasKey) VALUES (?, ?, ?)").run(id, f, keys.organization(f))
                }
                return id
            }
        }
        try FastStatement(db, "INSERT INTO organization (name, kind, country) VALUES (?, ?, ?)").run(o.name, o.kind, o.country)
        let id = db.lastInsertedRowID
        for f in forms {
            try FastStatement(db, "INSERT OR IGNORE INTO organizationAlias (organizationId, alias, aliasKey) VALUES (?, ?, ?)").run(id, f, keys.organization(f))
        }
        return id
    }

    static func orgKey(_ s: String) -> String {
        var out = ""
        for ch in TextNormalizer.fold(s) where ch.isLetter || ch.isNumber || ch == " " { out.append(ch) }
        return out.split(separator: " ").filter { $0 != "the" }.joined(separator: " ")
    }

    // MARK: Events

    static func sameKind(_ a: String, _ b: String) -> Bool { a == b || (Set([a, b]) == ["MEET", "VISIT"]) }

    /// Dates equal at the coarser precision, or complete dates at most a day apart.
    static func datesCompatible(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        if let x = PartialDate(iso: a)?.dayNumber, let y = PartialDate(iso: b)?.dayNumber { return abs(x - y) <= 1 }
        return a.hasPrefix(b) || b.hasPrefix(a)
    }

    /// The stored event a document's event reports, with its stored date, or nil for a new happening.
    /// The stored event a document's event is, if any: its id, date and kind.
    func findEvent(type: String, date: String?, people: [Int64], orgs: [Int64]) throws -> (Int64, String?, String)? {
        var candidates: [Int64] = []
        // An undated mention joins only an event with the very same two or more people (see `joins`).
        if date == nil && people.count < 2 { return nil }
        if !people.isEmpty {
            // Only the people's events whose date could match are candidates: index range scans over
            // (personId, date), whatever the number of events of a frequent person.
            let marks = people.map { _ in "?" }.joined(separator: ",")
            let need = Int64(min(2, people.count))
            if date == nil {
                // Events with every one of the people: the first person's events, each checked for the others
                // through the (eventId, personId) key.
                let others = people.dropFirst().map { _ in "AND EXISTS (SELECT 1 FROM eventParticipant o WHERE o.eventId = a.eventId AND o.personId = ?)" }
                candidates = try Int64.fetchAll(db.cachedStatement(sql: """
                    SELECT a.eventId FROM eventParticipant a WHERE a.personId = ? \(others.joined(separator: " "))
                    """), arguments: StatementArguments(people))
            } else {
                // Index probes per person: undated events, the window of days, and the partial dates that contain it.
                let window = Self.dateWindow(date)
                var args = StatementArguments(people)
                args += StatementArguments(people) + [window.lo, window.hi]
                args += StatementArguments(people) + [window.year, window.month, need]
                candidates = try Int64.fetchAll(db.cachedStatement(sql: """
                    SELECT eventId FROM eventParticipant
                    WHERE (personId IN (\(marks)) AND date IS NULL)
                       OR (personId IN (\(marks)) AND date BETWEEN ? AND ?)
                       OR (personId IN (\(marks)) AND date IN (?, ?))
                    GROUP BY eventId HAVING count(*) >= ?
                    """), arguments: args)
            }
        } else if !orgs.isEmpty {
            // Events of the same organizations around the date, found through the date index (an organization
            // such as a large party has thousands of events).
            let window = Self.dateWindow(date)
            var args = StatementArguments([window.lo, window.hi, window.year, window.month])
            args += StatementArguments(orgs) + [Int64(orgs.count)]
            candidates = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT e.id FROM event e JOIN eventOrganization eo ON eo.eventId = e.id
                WHERE (e.date BETWEEN ? AND ? OR e.date IN (?, ?)) AND eo.organizationId IN (\(orgs.map { _ in "?" }.joined(separator: ",")))
                GROUP BY e.id HAVING count(*) = ?
                """), arguments: args)
        }
        var joined: [(Int64, String?, String)] = []
        for id in candidates {
            var stored: (type: String, date: String?)?
            try FastStatement(db, "SELECT type, date FROM event WHERE id = ?").forEach(id, row: { row in stored = (row.text(0) ?? "", row.text(1)) })
            guard let (candidateType, storedDate) = stored else { continue }
            if try Self.joins(type: type, date: date, people: people, candidateType: candidateType, candidateDate: storedDate,
                              candidatePeople: { Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT personId FROM eventParticipant WHERE eventId = ?"), arguments: [id])) }) {
                if date != nil { return (id, storedDate, candidateType) }
                joined.append((id, storedDate, candidateType))
            }
        }
        return Self.undatedJoin(joined.map(\.0)).flatMap { id in joined.first { $0.0 == id } }
    }

    /// The event an undated mention joins among those with its very same people: the only one, or none when
    /// several qualify (the same two leaders talk by phone many times; an undated report cannot say which call).
    static func undatedJoin(_ joined: [Int64]) -> Int64? {
        joined.count == 1 ? joined[0] : nil
    }

    /// Whether a stored event (its kind, date and, fetched only when needed, its people) is the happening a
    /// document reports: same kind and compatible dates, or, when either is undated, the very same two or more people.
    static func joins(type: String, date: String?, people: [Int64], candidateType: String, candidateDate: String?,
                      candidatePeople: () throws -> Set<Int64>) rethrows -> Bool {
        guard sameKind(candidateType, type) else { return false }
        if datesCompatible(candidateDate, date) { return true }
        // Undated mentions join only an event with the very same people.
        if candidateDate == nil || date == nil {
            let theirs = try candidatePeople()
            if !people.isEmpty, theirs == Set(people), people.count >= 2 { return true }
        }
        return false
    }

    /// The range of stored dates that can match `date` (a day either side of a complete date, anything
    /// inside a partial one), and the partial dates that contain it.
    static func dateWindow(_ date: String?) -> (lo: String, hi: String, year: String, month: String) {
        guard let date, let d = PartialDate(iso: date) else { return ("", "", "", "") }
        let year = String(date.prefix(4))
        let month = date.count >= 7 ? String(date.prefix(7)) : year
        if d.isComplete, let before = d.adding(days: -1), let after = d.adding(days: 1) {
            return (before.description, after.description, year, month)
        }
        return (date, date + "-99", year, month)
    }

    func createEvent(_ e: DocumentAnnotation.Event) throws -> Int64 {
        let contact = ContactRecords.profile(e)
        try FastStatement(db, "INSERT INTO event (type, date, place, cameo, plover, ploverMode, channel, channelReason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .run(e.type, e.date, e.place, e.cameo, e.plover, e.ploverMode, contact?.channel.rawValue, contact?.reason)
        let id = db.lastInsertedRowID
        if let contact { try writeSides(id, contact) }
        return id
    }

    func writeSides(_ eventID: Int64, _ contact: ContactProfile) throws {
        for side in ContactRecords.sides(contact) {
            try FastStatement(db, """
                INSERT OR REPLACE INTO eventSide (eventId, country, channel, channelReason, level, levelReason) VALUES (?, ?, ?, ?, ?, ?)
                """).run(eventID, ContactRecords.key(side.country), side.channel, side.channelReason, side.level, side.levelReason)
        }
    }

    /// Merges the channel and sides a document's event brings into those of the stored event it joins.
    func joinContact(_ eventID: Int64, _ new: ContactProfile?) throws {
        guard let new else { return }
        var channel: String?, reason: String?
        try FastStatement(db, "SELECT channel, channelReason FROM event WHERE id = ?").forEach(eventID) { r in channel = r.text(0); reason = r.text(1) }
        var sides: [EventSide] = []
        try FastStatement(db, "SELECT country, channel, channelReason, level, levelReason FROM eventSide WHERE eventId = ? ORDER BY country").forEach(eventID) { r in
            sides.append(EventSide(country: ContactRecords.country(r.text(0)), channel: r.text(1), channelReason: r.text(2), level: r.text(3), levelReason: r.text(4)))
        }
        let stored = ContactRecords.profile(channel: channel, reason: reason, sides: sides)
        guard let merged = ContactRecords.merged(stored: stored, new: new), merged != stored else { return }
        try FastStatement(db, "UPDATE event SET channel = ?, channelReason = ? WHERE id = ?").run(merged.channel.rawValue, merged.reason, eventID)
        try FastStatement(db, "DELETE FROM eventSide WHERE eventId = ?").run(eventID)
        try writeSides(eventID, merged)
    }
}

/// What ingest transactions have already computed or read: name and organization keys, person lookups and the
/// aliases known to be stored. The same names recur in every batch. Every write to people goes through an
/// `Ingestor`, which forgets what a write changes; the store forgets the people part when another process has
/// written, when a transaction fails, and on merges and splits, so nothing here is ever stale.
final class KeyMemo {
    /// A stored person a lookup found: id, country, and the alias that matched when the lookup needs it.
    struct Candidate { var id: Int64; var country: String?; var alias: String? }
    /// A person's alias, by key.
    struct AliasOf: Hashable { var person: Int64; var aliasKey: String }

    private var names: [String: NameKeys] = [:]
    private var organizations: [String: String] = [:]
    /// Results of person lookups, by `lookupKey` (complete lists of at most `longestRememberedLookup` rows).
    var lookups: [String: [Candidate]] = [:]
    static let longestRememberedLookup = 16
    /// Aliases stored already (or inserted in this transaction).
    var knownAliases: Set<AliasOf> = []

    static func lookupKey(_ match: PersonLookup.Match, _ key: String, _ initial: String?) -> String {
        "\(match)\u{1F}\(key)\u{1F}\(initial ?? "")"
    }

    /// Forgets the lookups a new alias with these keys would answer differently.
    func forgetLookups(of k: NameKeys) {
        lookups[Self.lookupKey(.alias, k.aliasKey, nil)] = nil
        lookups[Self.lookupKey(.skeleton, k.skeletonKey, k.initial)] = nil
        lookups[Self.lookupKey(.initialAndSurname, k.surnameKey, k.initial)] = nil
        lookups[Self.lookupKey(.initialFormOfFullName, k.surnameKey, k.initial)] = nil
    }

    /// Forgets everything about people (a document's removal may delete some).
    func forgetPeople() {
        lookups = [:]
        knownAliases = []
    }

    /// Starts afresh when the memo has grown past `limit` entries, so memory stays flat however much is ingested.
    func trim(limit: Int = 300_000) {
        if lookups.count + knownAliases.count > limit { forgetPeople() }
        if names.count + organizations.count > limit { names = [:]; organizations = [:] }
    }

    func name(_ s: String) -> NameKeys {
        if let k = names[s] { return k }
        let k = NameKeys(s)
        names[s] = k
        return k
    }

    func organization(_ s: String) -> String {
        if let k = organizations[s] { return k }
        let k = Ingestor.orgKey(s)
        organizations[s] = k
        return k
    }
}

/// One way of finding a stored person for a document's person (see `Ingestor.personLookups`); the rule is the
/// backends' common ground, each runs it as its own SQL over `personAlias`.
struct PersonLookup: Sendable, Equatable {
    enum Match: Sendable { case alias, skeleton, initialAndSurname, initialFormOfFullName }
    var match: Match
    /// The `aliasKey`, `skeletonKey` or `surnameKey` to look up.
    var key: String
    /// The first initial the stored alias must have too; nil for a same-name lookup.
    var initial: String?
    /// The document's form of the name that gave the key.
    var form: String

    /// Whether a stored alias found by the key may be a hit: the last lookup takes only initial forms.
    func accepts(alias: String) -> Bool { match != .initialFormOfFullName || NameKeys(alias).isInitialForm }

    /// Why a hit is the same person, as a profile's `--why` shows it; `alias` is the stored alias that matched.
    func reason(alias: String?) -> String {
        switch match {
        case .alias: return "same name as '\(form)'"
        case .skeleton: return "transliteration variant of '\(form)'"
        case .initialAndSurname: return "initial and surname of '\(form)'"
        case .initialFormOfFullName: return "full name of '\(alias ?? form)'"
        }
    }
}

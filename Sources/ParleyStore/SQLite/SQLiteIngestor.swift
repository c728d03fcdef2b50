import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import ParleyCore

/// Writes one document's facts inside a transaction: replaces an older version of the document,
/// resolves its people and organizations to entities already in the database, and joins its events
/// to the events other documents already report (same kind, shared people, dates within a day).
struct SQLiteIngestor {
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
            """).run(a.id, a.url, a.site, a.title, a.published, hash, doc.text, doc.origin, annotationJSON, IngestRecords.now())

        // People.
        var personOf: [String: Int64] = [:]
        for p in a.people {
            let (id, reason) = try resolvePerson(p)
            personOf[p.id] = id
            try FastStatement(db, """
                INSERT INTO personMention (documentId, localId, personId, name, titles, organization, country, date, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run(a.id, p.id, id, p.name, p.titles.joined(separator: "\u{1F}"), p.organization, p.country,
                                 IngestRecords.mentionDate(a), reason)
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
        // Events: what the document said of each stored event so far, for telling its own events apart.
        var told: [Int64: [EventMention]] = [:]
        let ordered = EventResolver.resolutionOrder(a.events, date: \.date)
        let mentions = EventResolver.ownKindOnly(ordered.map {
            EventMention(type: $0.type, date: $0.date, people: $0.participantIds.compactMap { personOf[$0] },
                         organizations: $0.organizations.compactMap { orgOf[$0] })
        })
        for (e, mention) in zip(ordered, mentions) {
            let orgs = mention.organizations
            let eventID: Int64
            var date = e.date
            var type = e.type
            // The event's other countries (each new one pairs with them in the summary tables): none for a new event;
            // for a stored one, read when the document adds a country to it.
            var countries: [String]? = []
            if let found = try findEvent(mention, told: told) {
                eventID = found.id
                type = found.type
                countries = nil
                // A more precise date from another source wins (a trigger copies it to the event's participants and countries).
                if let d = EventResolver.replacementDate(stored: found.date, new: e.date) {
                    try FastStatement(db, "UPDATE event SET date = ? WHERE id = ?").run(d, eventID)
                } else {
                    date = found.date
                }
                try joinContact(eventID, ContactRecords.profile(e))
            } else {
                eventID = try createEvent(e)
                summaries.add(country: "", partner: "", date: date, type: type)
            }
            told[eventID, default: []].append(mention)
            for (p, role) in IngestRecords.participants(e, personOf) {
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

    /// The judgements people made about a name (`parley merge`, `parley split`), for the resolver.
    func judgements(_ p: DocumentAnnotation.Person) throws -> ManualJudgements {
        guard hasCorrections else { return .none }
        let key = PersonResolver.judgementKey(p, keys: keys.name)
        var out = ManualJudgements()
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT personId FROM correction WHERE kind = 'merge' AND nameKey = ? ORDER BY id DESC"), arguments: [key]),
           try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM person WHERE id = ?"), arguments: [id]) == true {
            out.sameAs = id
        }
        out.notSameAs = Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT personId FROM correction WHERE kind = 'split' AND nameKey = ?"), arguments: [key]))
        return out
    }

    /// Finds the entity a document's person is, or creates one; returns it with the reason. The store finds the
    /// candidates of each look-up; `PersonResolver` decides.
    func resolvePerson(_ p: DocumentAnnotation.Person) throws -> (Int64, String) {
        let evidence = PersonResolver.Evidence(judgements: try judgements(p), firstCandidate: firstCandidate)
        switch try PersonResolver().resolve(p, evidence, keys: keys.name) {
        case .same(let c, let reason): return (c.id, reason)
        case .new(let reason): return (try createPerson(name: p.name, country: p.country), reason)
        }
    }

    /// The first candidate of a look-up, in index order, that `admitted` takes. Rows are read only until then; a
    /// short complete list is remembered (a common surname or skeleton can have hundreds of rows).
    func firstCandidate(_ lookup: PersonLookup, _ admitted: (PersonCandidate) -> Bool) throws -> PersonCandidate? {
        let memoKey = KeyMemo.lookupKey(lookup.match, lookup.key, lookup.initial)
        if let known = keys.lookups[memoKey] { return known.first(where: admitted) }
        let condition: String
        switch lookup.column {
        case .aliasKey: condition = "personAlias.aliasKey = ?"
        case .skeletonKey: condition = "personAlias.skeletonKey = ? AND personAlias.initial = ?"
        case .surnameKey: condition = lookup.initial == nil ? "personAlias.surnameKey = ?" : "personAlias.surnameKey = ? AND personAlias.initial = ?"
        }
        let withAlias = lookup.needsAlias
        var found: [PersonCandidate] = []
        var hit: PersonCandidate?
        let statement = try FastStatement(db, """
            SELECT person.id, person.country\(withAlias ? ", personAlias.alias" : "") FROM personAlias
            JOIN person ON person.id = personAlias.personId WHERE \(condition)
            """)
        func take(_ row: FastRow) -> Bool {
            let c = PersonCandidate(id: row.int64(0), country: row.text(1), alias: withAlias ? row.text(2) : nil)
            if found.count <= KeyMemo.longestRememberedLookup { found.append(c) }
            if admitted(c) { hit = c; return true }
            return false
        }
        let stopped = try lookup.initial.map { try statement.scan(lookup.key, $0, until: take) } ?? statement.scan(lookup.key, until: take)
        if !stopped && found.count <= KeyMemo.longestRememberedLookup { keys.lookups[memoKey] = found }
        return hit
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
           PersonResolver.isBetterDisplayName(k, than: keys.name(current)) {
            try FastStatement(db, "UPDATE person SET name = ?, nameKey = ? WHERE id = ?").run(form, k.aliasKey, person)
        }
    }

    /// Moves everything of person `from` to person `to` and deletes `from`.
    func mergePerson(_ from: Int64, into to: Int64) throws {
        try FastStatement(db, "UPDATE OR IGNORE personAlias SET personId = ? WHERE personId = ?").run(to, from)
        try FastStatement(db, "UPDATE personMention SET personId = ?, reason = 'user merge' WHERE personId = ?").run(to, from)
        try FastStatement(db, "UPDATE OR IGNORE eventParticipant SET personId = ? WHERE personId = ?").run(to, from)
        try FastStatement(db, "DELETE FROM person WHERE id = ?").run(from)
    }

    // MARK: Organizations

    /// Finds the organization a document's organization is (`OrganizationResolver`), or creates it; every form
    /// becomes an alias.
    func resolveOrganization(_ o: DocumentAnnotation.Organization) throws -> Int64 {
        let forms = [o.name] + o.aliases
        let evidence = OrganizationResolver.Evidence { key in
            try FastStatement(db, "SELECT organizationId FROM organizationAlias WHERE aliasKey = ?").int64(key)
        }
        let id: Int64
        if let found = try OrganizationResolver().resolve(o, evidence, key: keys.organization).match {
            id = found
        } else {
            try FastStatement(db, "INSERT INTO organization (name, kind, country) VALUES (?, ?, ?)").run(o.name, o.kind, o.country)
            id = db.lastInsertedRowID
        }
        for f in forms {
            try FastStatement(db, "INSERT OR IGNORE INTO organizationAlias (organizationId, alias, aliasKey) VALUES (?, ?, ?)").run(id, f, keys.organization(f))
        }
        return id
    }

    // MARK: Events

    /// The stored event a document's event is, if any: the store finds the candidates, `EventResolver` decides.
    func findEvent(_ mention: EventMention, told: [Int64: [EventMention]]) throws -> EventCandidate? {
        let (date, people, orgs) = (mention.date, mention.people, mention.organizations)
        guard EventResolver.seeksCandidates(mention) else { return nil }
        var candidates: [Int64] = []
        if !people.isEmpty {
            // Only the people's events whose date could match are candidates: index range scans over
            // (personId, date), whatever the number of events of a frequent person.
            let marks = people.map { _ in "?" }.joined(separator: ",")
            if date == nil {
                // Events with every one of the people: the first person's events, each checked for the others
                // through the (eventId, personId) key.
                let others = people.dropFirst().map { _ in "AND EXISTS (SELECT 1 FROM eventParticipant o WHERE o.eventId = a.eventId AND o.personId = ?)" }
                candidates = try Int64.fetchAll(db.cachedStatement(sql: """
                    SELECT a.eventId FROM eventParticipant a WHERE a.personId = ? \(others.joined(separator: " "))
                    """), arguments: StatementArguments(people))
            } else {
                // Index probes per person: undated events, the window of days, and the partial dates that contain it.
                let window = EventResolver.dateWindow(date)
                var args = StatementArguments(people)
                args += StatementArguments(people) + [window.lo, window.hi]
                args += StatementArguments(people) + [window.year, window.month, Int64(EventResolver.sharedPeopleNeeded(mention))]
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
            let window = EventResolver.dateWindow(date)
            var args = StatementArguments([window.lo, window.hi, window.year, window.month])
            args += StatementArguments(orgs) + [Int64(orgs.count)]
            candidates = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT e.id FROM event e JOIN eventOrganization eo ON eo.eventId = e.id
                WHERE (e.date BETWEEN ? AND ? OR e.date IN (?, ?)) AND eo.organizationId IN (\(orgs.map { _ in "?" }.joined(separator: ",")))
                GROUP BY e.id HAVING count(*) = ?
                """), arguments: args)
        }
        let evidence = EventResolver.Evidence(candidateIDs: candidates, candidate: { id in
            var stored: EventCandidate?
            try FastStatement(db, "SELECT type, date FROM event WHERE id = ?").forEach(id, row: { row in
                stored = EventCandidate(id: id, type: row.text(0) ?? "", date: row.text(1))
            })
            return stored
        }, peopleOf: { id in
            Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT personId FROM eventParticipant WHERE eventId = ?"), arguments: [id]))
        }, organizationsOf: { id in
            Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT organizationId FROM eventOrganization WHERE eventId = ?"), arguments: [id]))
        }, document: told)
        return try EventResolver().resolve(mention, evidence).match
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

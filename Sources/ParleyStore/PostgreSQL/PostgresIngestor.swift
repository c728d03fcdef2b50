import Foundation
import ParleyCore
import PostgresNIO

/// Writes one document's facts inside a PostgreSQL transaction; which stored person, organization and event a
/// mention is, `ParleyCore`'s resolvers decide, as for SQLite (`SQLiteIngestor`): replaces an older version of the document, resolves its people and organizations to entities already
/// stored, and joins its events to the events other documents already report.
///
/// The caller holds the store's transaction-level advisory lock, so two processes never resolve at once and
/// cannot both create the same person or event.
struct PostgresIngestor {
    let s: PostgresSession

    func ingest(_ prepared: PreparedDocument) throws -> IngestOutcome {
        let doc = prepared.document, a = prepared.annotation
        let hash = prepared.contentHash
        var outcome = IngestOutcome.inserted
        if let old = try s.value(PostgresQuery(unsafeSQL: ContactRecords.storedHashSQL + " $1", binds: Self.binds(a.id)), as: String.self) {
            if old == hash { return .unchanged }
            try removeDocument(a.id)
            outcome = .replaced
        }
        let annotationJSON = prepared.annotationJSON
        try s.execute("""
            INSERT INTO document (id, url, site, title, published, contentHash, text, origin, annotation, ingestedAt)
            VALUES (\(a.id), \(a.url), \(a.site), \(a.title.map(Self.storable)), \(a.published), \(hash), \(Self.storable(doc.text)),
                    \(doc.origin), \(Self.storable(annotationJSON)), \(IngestRecords.now()))
            """)

        // People.
        var personOf: [String: Int64] = [:]
        for p in a.people {
            let (id, reason) = try resolvePerson(p)
            personOf[p.id] = id
            try s.execute("""
                INSERT INTO personMention (documentId, localId, personId, name, titles, organization, country, date, reason)
                VALUES (\(a.id), \(p.id), \(id), \(p.name), \(p.titles.joined(separator: "\u{1F}")), \(p.organization), \(p.country),
                        \(IngestRecords.mentionDate(a)), \(reason))
                """)
            for form in [p.name] + p.aliases { try addAlias(id, form) }
        }
        // Organizations.
        var orgOf: [String: Int64] = [:]
        for o in a.organizations {
            let id = try resolveOrganization(o)
            for form in [o.name] + o.aliases { orgOf[form] = id }
            try s.execute("INSERT INTO organizationMention (documentId, organizationId) VALUES (\(a.id), \(id)) ON CONFLICT DO NOTHING")
        }
        // Events.
        for e in a.events {
            let people = e.participantIds.compactMap { personOf[$0] }
            let orgs = e.organizations.compactMap { orgOf[$0] }
            let eventID: Int64
            if let found = try findEvent(type: e.type, date: e.date, people: people, orgs: orgs) {
                eventID = found.id
                try joinContact(eventID, ContactRecords.profile(e))
                // A more precise date from another source wins.
                if let d = EventResolver.replacementDate(stored: found.date, new: e.date) {
                    try s.execute("UPDATE event SET date = \(d) WHERE id = \(eventID)")
                }
            } else {
                eventID = try createEvent(e)
            }
            for (p, role) in IngestRecords.participants(e, personOf) {
                try s.execute("INSERT INTO eventParticipant (eventId, personId, role) VALUES (\(eventID), \(p), \(role)) ON CONFLICT DO NOTHING")
            }
            for o in orgs {
                try s.execute("INSERT INTO eventOrganization (eventId, organizationId) VALUES (\(eventID), \(o)) ON CONFLICT DO NOTHING")
            }
            for c in e.countries {
                try s.execute("INSERT INTO eventCountry (eventId, country) VALUES (\(eventID), \(c)) ON CONFLICT DO NOTHING")
            }
            try s.execute("""
                INSERT INTO eventSource (eventId, documentId, localId, reported, sentence, start, "end", evidence, confidence)
                VALUES (\(eventID), \(a.id), \(e.id), \(e.reported), \(Int64(e.evidenceSpan.sentence)), \(Int64(e.evidenceSpan.start)),
                        \(Int64(e.evidenceSpan.end)), \(Self.storable(e.evidence)), \(e.confidence))
                """)
        }
        for e in a.planned {
            try s.execute("""
                INSERT INTO plannedEvent (documentId, localId, type, date, participants, evidence)
                VALUES (\(a.id), \(e.id), \(e.type), \(e.date), \(e.participants.joined(separator: "\u{1F}")), \(Self.storable(e.evidence)))
                """)
        }
        return outcome
    }

    static func binds(_ value: String) -> PostgresBindings {
        var b = PostgresBindings()
        b.append(value)
        return b
    }

    /// PostgreSQL text cannot hold NUL characters; they are dropped from stored text (the content hash is
    /// computed from the document as read, so idempotency is unaffected).
    static func storable(_ s: String) -> String {
        s.contains("\u{0}") ? s.replacingOccurrences(of: "\u{0}", with: "") : s
    }

    /// Removes a document and the facts only it supported (events left without a source, people left without a mention).
    func removeDocument(_ id: String) throws {
        let events = try s.values("SELECT eventId FROM eventSource WHERE documentId = \(id)", as: Int64.self)
        let people = try s.values("SELECT personId FROM personMention WHERE documentId = \(id)", as: Int64.self)
        try s.execute("DELETE FROM document WHERE id = \(id)")
        for e in Set(events) where try !s.exists("SELECT 1 FROM eventSource WHERE eventId = \(e)") {
            try s.execute("DELETE FROM event WHERE id = \(e)")
        }
        for p in Set(people) where try !s.exists("SELECT 1 FROM personMention WHERE personId = \(p)") {
            try s.execute("DELETE FROM person WHERE id = \(p)")
        }
    }

    // MARK: People

    /// The judgements people made about a name (`parley merge`, `parley split`), for the resolver.
    func judgements(_ p: DocumentAnnotation.Person) throws -> ManualJudgements {
        let key = PersonResolver.judgementKey(p)
        var out = ManualJudgements()
        if let id = try s.value("""
            SELECT personId FROM correction WHERE kind = 'merge' AND nameKey = \(key) ORDER BY id DESC LIMIT 1
            """, as: Int64.self), try s.exists("SELECT 1 FROM person WHERE id = \(id)") {
            out.sameAs = id
        }
        out.notSameAs = Set(try s.values("SELECT personId FROM correction WHERE kind = 'split' AND nameKey = \(key)", as: Int64.self))
        return out
    }

    /// Finds the entity a document's person is, or creates one; returns it with the reason. The store finds the
    /// candidates of each look-up; `PersonResolver` decides.
    func resolvePerson(_ p: DocumentAnnotation.Person) throws -> (Int64, String) {
        let evidence = PersonResolver.Evidence(judgements: try judgements(p), firstCandidate: firstCandidate)
        switch try PersonResolver().resolve(p, evidence) {
        case .same(let c, let reason): return (c.id, reason)
        case .new(let reason): return (try createPerson(name: p.name, country: p.country), reason)
        }
    }

    func firstCandidate(_ lookup: PersonLookup, _ admitted: (PersonCandidate) -> Bool) throws -> PersonCandidate? {
        let column: String
        switch lookup.column {
        case .aliasKey: column = "aliasKey"
        case .skeletonKey: column = "skeletonKey"
        case .surnameKey: column = "surnameKey"
        }
        var binds = PostgresBindings()
        binds.append(lookup.key)
        var condition = "personAlias.\(column) = $1"
        if let initial = lookup.initial {
            binds.append(initial)
            condition += " AND personAlias.initial = $2"
        }
        let rows = try s.rows(PostgresQuery(unsafeSQL: """
            SELECT DISTINCT person.id, person.country, personAlias.alias FROM personAlias
            JOIN person ON person.id = personAlias.personId WHERE \(condition) ORDER BY person.id, personAlias.alias
            """, binds: binds))
        for row in rows {
            let (id, country, alias) = try s.decode(row, (Int64, String?, String).self)
            let c = PersonCandidate(id: id, country: country, alias: lookup.needsAlias ? alias : nil)
            if admitted(c) { return c }
        }
        return nil
    }

    func createPerson(name: String, country: String?) throws -> Int64 {
        guard let id = try s.value("""
            INSERT INTO person (name, nameKey, country) VALUES (\(name), \(NameKeys(name).aliasKey), \(country)) RETURNING id
            """, as: Int64.self) else { throw StoreError.underlying(path: s.location.description, message: "no id for a new person") }
        return id
    }

    func addAlias(_ person: Int64, _ form: String) throws {
        let k = NameKeys(form)
        guard k.tokenCount > 0 else { return }
        try s.execute("""
            INSERT INTO personAlias (personId, alias, aliasKey, skeletonKey, surnameKey, initial)
            VALUES (\(person), \(form), \(k.aliasKey), \(k.skeletonKey), \(k.surnameKey), \(k.initial)) ON CONFLICT DO NOTHING
            """)
        // The fullest name becomes the display name.
        if let current = try s.value("SELECT name FROM person WHERE id = \(person)", as: String.self),
           PersonResolver.isBetterDisplayName(form, than: current) {
            try s.execute("UPDATE person SET name = \(form), nameKey = \(k.aliasKey) WHERE id = \(person)")
        }
    }

    /// Moves everything of person `from` to person `to` and deletes `from` (rows `to` already has stay as they are).
    func mergePerson(_ from: Int64, into to: Int64) throws {
        try s.execute("""
            UPDATE personAlias SET personId = \(to) WHERE personId = \(from)
              AND aliasKey NOT IN (SELECT aliasKey FROM personAlias WHERE personId = \(to))
            """)
        try s.execute("UPDATE personMention SET personId = \(to), reason = 'user merge' WHERE personId = \(from)")
        try s.execute("""
            UPDATE eventParticipant SET personId = \(to) WHERE personId = \(from)
              AND eventId NOT IN (SELECT eventId FROM eventParticipant WHERE personId = \(to))
            """)
        try s.execute("DELETE FROM person WHERE id = \(from)")
    }

    // MARK: Organizations

    /// Finds the organization a document's organization is (`OrganizationResolver`), or creates it; every form
    /// becomes an alias.
    func resolveOrganization(_ o: DocumentAnnotation.Organization) throws -> Int64 {
        let forms = [o.name] + o.aliases
        let found = try OrganizationResolver().resolve(o, OrganizationResolver.Evidence { key in
            try s.value("SELECT organizationId FROM organizationAlias WHERE aliasKey = \(key)", as: Int64.self)
        }).match
        let id: Int64
        if let found {
            id = found
        } else {
            guard let new = try s.value("""
                INSERT INTO organization (name, kind, country) VALUES (\(o.name), \(o.kind), \(o.country)) RETURNING id
                """, as: Int64.self) else { throw StoreError.underlying(path: s.location.description, message: "no id for a new organization") }
            id = new
        }
        for f in forms {
            try s.execute("""
                INSERT INTO organizationAlias (organizationId, alias, aliasKey) VALUES (\(id), \(f), \(OrganizationResolver.key(f))) ON CONFLICT DO NOTHING
                """)
        }
        return id
    }

    // MARK: Events

    /// The stored event a document's event reports, or nil: candidates of the same kind whose date could match come
    /// back with their kind and date in one query, and `EventResolver` decides.
    func findEvent(type: String, date: String?, people: [Int64], orgs: [Int64]) throws -> EventCandidate? {
        let mention = EventMention(type: type, date: date, people: people, organizations: orgs)
        guard EventResolver.seeksCandidates(mention) else { return nil }
        let types = EventResolver.kinds(matching: type)
        let window = EventResolver.dateWindow(date)
        let undated = date == nil
        var rows: [PostgresRow] = []
        if !people.isEmpty {
            let need = Int64(EventResolver.sharedPeopleNeeded(mention))
            rows = try s.rows("""
                SELECT e.id, e.type, e.date FROM eventParticipant ep JOIN event e ON e.id = ep.eventId
                WHERE ep.personId = ANY(\(people)) AND e.type = ANY(\(types))
                  AND (\(undated) OR e.date IS NULL OR e.date BETWEEN \(window.lo) AND \(window.hi) OR e.date IN (\(window.year), \(window.month)))
                GROUP BY e.id HAVING count(*) >= \(need) ORDER BY e.id
                """)
        } else if !orgs.isEmpty {
            rows = try s.rows("""
                SELECT e.id, e.type, e.date FROM eventOrganization eo JOIN event e ON e.id = eo.eventId
                WHERE eo.organizationId = ANY(\(orgs)) AND (e.date BETWEEN \(window.lo) AND \(window.hi) OR e.date IN (\(window.year), \(window.month)))
                GROUP BY e.id HAVING count(*) = \(Int64(orgs.count)) ORDER BY e.id
                """)
        }
        let candidates = try rows.map { row in
            let (id, candidateType, candidateDate) = try s.decode(row, (Int64, String, String?).self)
            return EventCandidate(id: id, type: candidateType, date: candidateDate)
        }
        return try EventResolver().resolve(mention, EventResolver.Evidence(candidates: candidates, peopleOf: { id in
            Set(try s.values("SELECT personId FROM eventParticipant WHERE eventId = \(id)", as: Int64.self))
        })).match
    }

    func createEvent(_ e: DocumentAnnotation.Event) throws -> Int64 {
        let contact = ContactRecords.profile(e)
        guard let id = try s.value("""
            INSERT INTO event (type, date, place, cameo, plover, ploverMode, channel, channelReason)
            VALUES (\(e.type), \(e.date), \(e.place), \(e.cameo), \(e.plover), \(e.ploverMode), \(contact?.channel.rawValue),
                    \(contact.map { Self.storable($0.reason) })) RETURNING id
            """, as: Int64.self) else { throw StoreError.underlying(path: s.location.description, message: "no id for a new event") }
        if let contact { try writeSides(id, contact) }
        return id
    }

    func writeSides(_ eventID: Int64, _ contact: ContactProfile) throws {
        for side in ContactRecords.sides(contact) {
            try s.execute("""
                INSERT INTO eventSide (eventId, country, channel, channelReason, level, levelReason)
                VALUES (\(eventID), \(ContactRecords.key(side.country)), \(side.channel), \(side.channelReason.map(Self.storable)), \(side.level),
                        \(side.levelReason.map(Self.storable)))
                ON CONFLICT (eventId, country) DO UPDATE SET channel = EXCLUDED.channel, channelReason = EXCLUDED.channelReason,
                  level = EXCLUDED.level, levelReason = EXCLUDED.levelReason
                """)
        }
    }

    /// Merges the channel and sides a document's event brings into those of the stored event it joins (as `SQLiteIngestor`).
    func joinContact(_ eventID: Int64, _ new: ContactProfile?) throws {
        guard let new else { return }
        guard let row = try s.rows("SELECT channel, channelReason FROM event WHERE id = \(eventID)").first else { return }
        let (channel, reason) = try s.decode(row, (String?, String?).self)
        let sides = try s.rows("""
            SELECT country, channel, channelReason, level, levelReason FROM eventSide WHERE eventId = \(eventID) ORDER BY country
            """).map {
            let (country, channel, channelReason, level, levelReason) = try s.decode($0, (String, String?, String?, String?, String?).self)
            return EventSide(country: ContactRecords.country(country), channel: channel, channelReason: channelReason, level: level, levelReason: levelReason)
        }
        let stored = ContactRecords.profile(channel: channel, reason: reason, sides: sides)
        guard let merged = ContactRecords.merged(stored: stored, new: new), merged != stored else { return }
        try s.execute("UPDATE event SET channel = \(merged.channel.rawValue), channelReason = \(Self.storable(merged.reason)) WHERE id = \(eventID)")
        try s.execute("DELETE FROM eventSide WHERE eventId = \(eventID)")
        try writeSides(eventID, merged)
    }
}

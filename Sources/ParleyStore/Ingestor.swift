import Foundation
import GRDB
import ParleyCore

/// Writes one document's facts inside a transaction: replaces an older version of the document,
/// resolves its people and organizations to entities already in the database, and joins its events
/// to the events other documents already report (same kind, shared people, dates within a day).
struct Ingestor {
    let db: Database

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    func ingest(_ doc: Document, _ a: DocumentAnnotation) throws -> IngestOutcome {
        let hash = SQLiteEventStore.contentHash(doc)
        var outcome = IngestOutcome.inserted
        if let old = try String.fetchOne(db, sql: "SELECT contentHash FROM document WHERE id = ?", arguments: [a.id]) {
            if old == hash { return .unchanged }
            try removeDocument(a.id)
            outcome = .replaced
        }
        let annotationJSON = String(decoding: AnnotationJSONWriter(pretty: false).data(a), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO document (id, url, site, title, published, contentHash, text, origin, annotation, ingestedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [a.id, a.url, a.site, a.title, a.published, hash, doc.text, doc.origin, annotationJSON, Self.now()])

        // People.
        var personOf: [String: Int64] = [:]
        for p in a.people {
            let (id, reason) = try resolvePerson(p)
            personOf[p.id] = id
            try db.execute(sql: """
                INSERT INTO personMention (documentId, localId, personId, name, titles, organization, country, date, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [a.id, p.id, id, p.name, p.titles.joined(separator: "\u{1F}"), p.organization, p.country,
                                 a.published ?? a.dateline?.date, reason])
            for form in [p.name] + p.aliases { try addAlias(id, form) }
        }
        // Organizations.
        var orgOf: [String: Int64] = [:]
        for o in a.organizations {
            let id = try resolveOrganization(o)
            for form in [o.name] + o.aliases { orgOf[form] = id }
            try db.execute(sql: "INSERT OR IGNORE INTO organizationMention (documentId, organizationId) VALUES (?, ?)", arguments: [a.id, id])
        }
        // Events.
        for e in a.events {
            let people = e.participantIds.compactMap { personOf[$0] }
            let orgs = e.organizations.compactMap { orgOf[$0] }
            let eventID = try findEvent(type: e.type, date: e.date, people: people, orgs: orgs)
                ?? createEvent(e)
            for (n, p) in people.enumerated() {
                try db.execute(sql: "INSERT OR IGNORE INTO eventParticipant (eventId, personId, role) VALUES (?, ?, ?)",
                               arguments: [eventID, p, n == 0 ? "initiator" : "counterpart"])
            }
            for o in orgs { try db.execute(sql: "INSERT OR IGNORE INTO eventOrganization (eventId, organizationId) VALUES (?, ?)", arguments: [eventID, o]) }
            for c in e.countries { try db.execute(sql: "INSERT OR IGNORE INTO eventCountry (eventId, country) VALUES (?, ?)", arguments: [eventID, c]) }
            // A more precise date from another source wins.
            if let d = e.date {
                try db.execute(sql: "UPDATE event SET date = ? WHERE id = ? AND (date IS NULL OR length(date) < ?)", arguments: [d, eventID, d.count])
            }
            try db.execute(sql: """
                INSERT INTO eventSource (eventId, documentId, localId, reported, sentence, start, "end", evidence, confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [eventID, a.id, e.id, e.reported, e.evidenceSpan.sentence, e.evidenceSpan.start, e.evidenceSpan.end,
                                 e.evidence, e.confidence])
        }
        for e in a.planned {
            try db.execute(sql: "INSERT INTO plannedEvent (documentId, localId, type, date, participants, evidence) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [a.id, e.id, e.type, e.date, e.participants.joined(separator: "\u{1F}"), e.evidence])
        }
        return outcome
    }

    /// Removes a document and the facts only it supported (events left without a source, people left without a mention).
    func removeDocument(_ id: String) throws {
        let events = try Int64.fetchAll(db, sql: "SELECT eventId FROM eventSource WHERE documentId = ?", arguments: [id])
        let people = try Int64.fetchAll(db, sql: "SELECT personId FROM personMention WHERE documentId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
        for e in Set(events) where try Int.fetchOne(db, sql: "SELECT count(*) FROM eventSource WHERE eventId = ?", arguments: [e]) == 0 {
            try db.execute(sql: "DELETE FROM event WHERE id = ?", arguments: [e])
        }
        for p in Set(people) where try Int.fetchOne(db, sql: "SELECT count(*) FROM personMention WHERE personId = ?", arguments: [p]) == 0 {
            try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [p])
        }
    }

    // MARK: People

    /// Finds the entity a document's person is, or creates one; returns it with the reason.
    func resolvePerson(_ p: DocumentAnnotation.Person) throws -> (Int64, String) {
        let forms = ([p.name] + p.aliases).map { ($0, NameKeys($0)) }.filter { $0.1.tokenCount >= 2 }
        let mainKey = NameKeys(p.name).aliasKey
        // User corrections first.
        if let id = try Int64.fetchOne(db, sql: "SELECT personId FROM correction WHERE kind = 'merge' AND nameKey = ? ORDER BY id DESC", arguments: [mainKey]),
           try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE id = ?", arguments: [id]) == true {
            return (id, "user merge")
        }
        let blocked = Set(try Int64.fetchAll(db, sql: "SELECT personId FROM correction WHERE kind = 'split' AND nameKey = ?", arguments: [mainKey]))
        func pick(_ sql: String, _ args: StatementArguments, _ reason: String) throws -> (Int64, String)? {
            let rows = try Row.fetchAll(db, sql: """
                SELECT DISTINCT person.id AS id, person.country AS country FROM personAlias JOIN person ON person.id = personAlias.personId
                WHERE \(sql)
                """, arguments: args)
            for row in rows {
                let id: Int64 = row["id"]
                let country: String? = row["country"]
                if blocked.contains(id) { continue }
                // Two people who share a name but represent different countries stay apart.
                if let c = country, let pc = p.country, c != pc { continue }
                return (id, reason)
            }
            return nil
        }
        for (form, keys) in forms where !keys.isInitialForm {
            if let hit = try pick("personAlias.aliasKey = ?", [keys.aliasKey], "same name as '\(form)'") { return hit }
        }
        for (form, keys) in forms where !keys.isInitialForm && !keys.skeletonKey.isEmpty {
            if let hit = try pick("personAlias.skeletonKey = ? AND personAlias.initial = ?", [keys.skeletonKey, keys.initial],
                                  "transliteration variant of '\(form)'") { return hit }
        }
        for (form, keys) in forms where keys.isInitialForm {
            if let hit = try pick("personAlias.surnameKey = ? AND personAlias.initial = ?", [keys.surnameKey, keys.initial],
                                  "initial and surname of '\(form)'") { return hit }
        }
        // A full name matching an entity known so far only by an initial form ("T. Budagov").
        if let full = forms.first(where: { !$0.1.isInitialForm })?.1, !full.surnameKey.isEmpty {
            let rows = try Row.fetchAll(db, sql: """
                SELECT DISTINCT person.id AS id, person.country AS country, personAlias.alias AS alias FROM personAlias
                JOIN person ON person.id = personAlias.personId WHERE personAlias.surnameKey = ? AND personAlias.initial = ?
                """, arguments: [full.surnameKey, full.initial])
            for row in rows where NameKeys(row["alias"] as String).isInitialForm {
                let id: Int64 = row["id"]
                let country: String? = row["country"]
                if blocked.contains(id) { continue }
                if let c = country, let pc = p.country, c != pc { continue }
                return (id, "full name of '\(row["alias"] as String)'")
            }
        }
        return (try createPerson(name: p.name, country: p.country), "new person")
    }

    func createPerson(name: String, country: String?) throws -> Int64 {
        try db.execute(sql: "INSERT INTO person (name, nameKey, country) VALUES (?, ?, ?)", arguments: [name, NameKeys(name).aliasKey, country])
        return db.lastInsertedRowID
    }

    func addAlias(_ person: Int64, _ form: String) throws {
        let k = NameKeys(form)
        guard k.tokenCount > 0 else { return }
        try db.execute(sql: """
            INSERT OR IGNORE INTO personAlias (personId, alias, aliasKey, skeletonKey, surnameKey, initial) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [person, form, k.aliasKey, k.skeletonKey, k.surnameKey, k.initial])
        // The fullest name becomes the display name; a country fills in when first known.
        if let current = try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [person]),
           NameKeys(current).tokenCount < k.tokenCount, !k.isInitialForm {
            try db.execute(sql: "UPDATE person SET name = ?, nameKey = ? WHERE id = ?", arguments: [form, k.aliasKey, person])
        }
    }

    /// Moves everything of person `from` to person `to` and deletes `from`.
    func mergePerson(_ from: Int64, into to: Int64) throws {
        try db.execute(sql: "UPDATE OR IGNORE personAlias SET personId = ? WHERE personId = ?", arguments: [to, from])
        try db.execute(sql: "UPDATE personMention SET personId = ?, reason = 'user merge' WHERE personId = ?", arguments: [to, from])
        try db.execute(sql: "UPDATE OR IGNORE eventParticipant SET personId = ? WHERE personId = ?", arguments: [to, from])
        try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [from])
    }

    // MARK: Organizations

    func resolveOrganization(_ o: DocumentAnnotation.Organization) throws -> Int64 {
        for form in [o.name] + o.aliases {
            if let id = try Int64.fetchOne(db, sql: "SELECT organizationId FROM organizationAlias WHERE aliasKey = ?", arguments: [Self.orgKey(form)]) {
                for f in [o.name] + o.aliases {
                    try db.execute(sql: "INSERT OR IGNORE INTO organizationAlias (organizationId, alias, aliasKey) VALUES (?, ?, ?)",
                                   arguments: [id, f, Self.orgKey(f)])
                }
                return id
            }
        }
        try db.execute(sql: "INSERT INTO organization (name, kind, country) VALUES (?, ?, ?)", arguments: [o.name, o.kind, o.country])
        let id = db.lastInsertedRowID
        for f in [o.name] + o.aliases {
            try db.execute(sql: "INSERT OR IGNORE INTO organizationAlias (organizationId, alias, aliasKey) VALUES (?, ?, ?)",
                           arguments: [id, f, Self.orgKey(f)])
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

    func findEvent(type: String, date: String?, people: [Int64], orgs: [Int64]) throws -> Int64? {
        var candidates: [Int64] = []
        if !people.isEmpty {
            candidates = try Int64.fetchAll(db, sql: """
                SELECT eventId FROM eventParticipant WHERE personId IN (\(people.map { _ in "?" }.joined(separator: ",")))
                GROUP BY eventId HAVING count(*) >= ?
                """, arguments: StatementArguments(people + [Int64(min(2, people.count))]))
        } else if !orgs.isEmpty {
            candidates = try Int64.fetchAll(db, sql: """
                SELECT eventId FROM eventOrganization WHERE organizationId IN (\(orgs.map { _ in "?" }.joined(separator: ",")))
                GROUP BY eventId HAVING count(*) = ?
                """, arguments: StatementArguments(orgs + [Int64(orgs.count)]))
        }
        for id in candidates {
            guard let row = try Row.fetchOne(db, sql: "SELECT type, date FROM event WHERE id = ?", arguments: [id]) else { continue }
            guard Self.sameKind(row["type"], type) else { continue }
            let other: String? = row["date"]
            if Self.datesCompatible(other, date) { return id }
            // Undated mentions join only an event with the very same people.
            if other == nil || date == nil {
                let theirs = Set(try Int64.fetchAll(db, sql: "SELECT personId FROM eventParticipant WHERE eventId = ?", arguments: [id]))
                if !people.isEmpty, theirs == Set(people), people.count >= 2 { return id }
            }
        }
        return nil
    }

    func createEvent(_ e: DocumentAnnotation.Event) throws -> Int64 {
        try db.execute(sql: "INSERT INTO event (type, date, place, cameo, plover, ploverMode) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [e.type, e.date, e.place, e.cameo, e.plover, e.ploverMode])
        return db.lastInsertedRowID
    }
}

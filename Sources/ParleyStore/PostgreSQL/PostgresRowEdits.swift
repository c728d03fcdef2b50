import Foundation
import ParleyCore
import PostgresNIO

/// The PostgreSQL writes made one row at a time: removing a replaced document with the facts only it supported, and
/// the person rows that `merge` and `split` change. Ingesting is `PostgresBatchIngestor`'s.
struct PostgresRowEdits {
    let s: PostgresSession

    static func binds(_ value: String) -> PostgresBindings {
        var b = PostgresBindings()
        b.append(value)
        return b
    }

    /// PostgreSQL text cannot hold NUL characters; they are dropped from stored text (the content hash is
    /// computed from the document as read, so idempotency is unaffected).
    static func storable(_ s: String) -> String {
        // A byte scan: Foundation's `contains` bridges every string to NSString.
        s.utf8.withContiguousStorageIfAvailable({ $0.contains(0) }) ?? s.utf8.contains(0) ? String(String.UnicodeScalarView(s.unicodeScalars.filter { $0 != "\u{0}" })) : s
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

    // MARK: Events (people's corrections)

    /// A new event row for a document's event, with its contact's channel and sides.
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

    /// Takes another report's contact profile into a stored event's channel and sides.
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

    // MARK: People

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
}

import Foundation
import GRDB
@testable import ParleyStore
import Testing

/// The schema's migrations: a database written before a migration is brought up to date with its facts intact.
struct SchemaMigrationTests {
    /// A database at the first migration, with one document, two people and one dated event between two countries.
    func firstSchemaDatabase(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1-documents-people-events")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO document (id, title, contentHash, text, annotation, ingestedAt)
                  VALUES ('d1', 'Talks in the capital', 'h1', 'The two ministers discussed fisheries cooperation.', '{}', '2026-01-01T00:00:00Z');
                INSERT INTO person (id, name, nameKey, country) VALUES (1, 'Ilse Varga', 'ilse varga', 'HUN'), (2, 'Tomas Reyes', 'reyes tomas', 'CHL');
                INSERT INTO event (id, type, date) VALUES (7, 'MEET', '2025-03-14');
                INSERT INTO eventParticipant (eventId, personId, role) VALUES (7, 1, 'host'), (7, 2, 'guest');
                INSERT INTO eventCountry (eventId, country) VALUES (7, 'HUN'), (7, 'CHL');
                INSERT INTO eventSource (eventId, documentId, localId, reported, sentence, start, "end", evidence, confidence)
                  VALUES (7, 'd1', 'e1', 0, 0, 0, 50, 'The two ministers discussed fisheries cooperation.', 0.9);
                INSERT INTO personMention (documentId, localId, personId, name, titles, reason) VALUES ('d1', 'p1', 1, 'Ilse Varga', '', 'new person');
                """)
        }
    }

    @Test func aFirstSchemaDatabaseIsUpgradedWithItsFacts() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.sqlite")
        try firstSchemaDatabase(path)
        let store = try SQLiteEventStore(path: path)
        var pair = EventFilter()
        pair.countries = ["CHL", "HUN"]
        pair.from = "2025-01-01"
        pair.to = "2025-12-31"
        #expect(try store.events(pair).map(\.id) == [7])
        pair.to = "2024"
        #expect(try store.events(pair).isEmpty)
        #expect(try store.search("fisheries", limit: 5).map(\.documentId) == ["d1"])
        #expect(try store.person("P1").timeline.map(\.id) == [7])
    }

    @Test func aLaterSourceDatesTheEventForItsPeopleAndCountries() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.sqlite")
        try firstSchemaDatabase(path)
        _ = try SQLiteEventStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "UPDATE event SET date = '2025-03-15' WHERE id = 7") }
        let dates = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT date FROM eventParticipant UNION ALL SELECT date FROM eventCountry")
        }
        #expect(dates == Array(repeating: "2025-03-15", count: 4))
    }
}

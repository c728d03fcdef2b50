import Foundation
import GRDB

/// The SQLite tables that hold what the aggregate pages show, and how they are kept: counts of events by
/// country, partner country, year and type (`eventTally`), the events of each pair of countries by date (`eventPair`),
/// each organization's documents and events, and the database's revision. Every count changes in the transaction
/// that changes the rows it counts: triggers for deletions (a replaced or removed document), for an event dated
/// more precisely and for the row counts of people, documents and organizations; the ingest itself for new events,
/// their countries, organizations and sources (`SummaryDeltas`, once per transaction: as triggers they cost more
/// than the inserts they count). So the counts are exact at every commit, and no page
/// counts over whole tables. `eventTally` needs no other index than its key: every country's own rows
/// have partner `''`, and a country's partners are the rows whose partner it is (pairs are counted both ways).
enum SummaryTables {
    /// `eventTally` keys of one event: every event (`''`, `''`), each of its countries (`c`, `''`) and each ordered
    /// pair of its countries (`c`, `d`). `%ID%` is the event.
    private static let eventKeys = """
        SELECT '' AS country, '' AS partner
        UNION ALL SELECT country, '' FROM eventCountry WHERE eventId = %ID%
        UNION ALL SELECT a.country, b.country FROM eventCountry a JOIN eventCountry b ON b.eventId = a.eventId AND b.country != a.country
          WHERE a.eventId = %ID%
        """

    /// `eventTally` keys that one country row of an event (`%C%` of event `%ID%`) takes away.
    private static let countryKeys = """
        SELECT %C% AS country, '' AS partner
        UNION ALL SELECT %C%, country FROM eventCountry WHERE eventId = %ID% AND country != %C%
        UNION ALL SELECT country, %C% FROM eventCountry WHERE eventId = %ID% AND country != %C%
        """

    /// The year of a date expression, `''` when undated.
    private static func year(_ date: String) -> String { "coalesce(substr(\(date), 1, 4), '')" }

    /// Adds `delta` to the counts of `keys` for one year and type: an upsert, so that each key is found through the
    /// primary key (an `UPDATE … WHERE (country, partner) IN (…)` would read the whole table).
    private static func change(_ keys: String, year: String, type: String, by delta: Int) -> String {
        """
        INSERT INTO eventTally (country, partner, year, type, n)
          SELECT k.country, k.partner, \(year), \(type), \(delta) FROM (\(keys)) k WHERE 1
          ON CONFLICT DO UPDATE SET n = n + excluded.n;
        """
    }

    private static func add(_ keys: String, year: String, type: String) -> String { change(keys, year: year, type: type, by: 1) }
    private static func remove(_ keys: String, year: String, type: String) -> String { change(keys, year: year, type: type, by: -1) }

    private static func keys(_ template: String, id: String, country: String = "") -> String {
        template.replacingOccurrences(of: "%ID%", with: id).replacingOccurrences(of: "%C%", with: country)
    }

    /// Tables whose row counts `rowCount` keeps (the stats).
    static let countedTables = ["document", "person", "organization", "eventSource", "plannedEvent"]

    private static func rowCountSQL(_ table: String) -> String {
        """
        INSERT INTO rowCount (tableName, n) SELECT '\(table)', count(*) FROM \(table);
        \(SummaryDeltas.countedTables.contains(table) ? "" : """
        CREATE TRIGGER rowCount_\(table)_insert AFTER INSERT ON \(table) BEGIN
          UPDATE rowCount SET n = n + 1 WHERE tableName = '\(table)';
        END;
        """)
        CREATE TRIGGER rowCount_\(table)_delete AFTER DELETE ON \(table) BEGIN
          UPDATE rowCount SET n = n - 1 WHERE tableName = '\(table)';
        END;
        """
    }

    /// The trigger taking deleted `rows` rows off `organization.<column>` (the ingest counts new ones).
    private static func organizationCountSQL(rows: String, column: String) -> String {
        """
        CREATE TRIGGER organization_\(column)_delete AFTER DELETE ON \(rows) BEGIN
          UPDATE organization SET \(column) = \(column) - 1 WHERE id = OLD.organizationId;
        END;
        """
    }

    /// Creates the tables, fills them from the rows already stored and installs the triggers.
    static var migration: String {
        """
        CREATE TABLE eventTally (
          country TEXT NOT NULL,
          partner TEXT NOT NULL,
          year TEXT NOT NULL,
          type TEXT NOT NULL,
          n INTEGER NOT NULL,
          PRIMARY KEY (partner, country, year, type)
        ) WITHOUT ROWID;
        INSERT INTO eventTally (country, partner, year, type, n)
          SELECT '', '', \(year("date")), type, count(*) FROM event GROUP BY 3, 4;
        INSERT INTO eventTally (country, partner, year, type, n)
          SELECT c.country, '', \(year("e.date")), e.type, count(*) FROM eventCountry c JOIN event e ON e.id = c.eventId GROUP BY 1, 3, 4;
        INSERT INTO eventTally (country, partner, year, type, n)
          SELECT a.country, b.country, \(year("e.date")), e.type, count(*) FROM eventCountry a
          JOIN eventCountry b ON b.eventId = a.eventId AND b.country != a.country JOIN event e ON e.id = a.eventId GROUP BY 1, 2, 3, 4;

        -- New events and new country rows are counted by the ingest itself (`SummaryDeltas`), once per transaction;
        -- the triggers take back what deleted events and rows counted, and move an event whose date changes.
        CREATE TRIGGER eventTally_event_delete BEFORE DELETE ON event BEGIN
          \(remove(keys(eventKeys, id: "OLD.id"), year: year("OLD.date"), type: "OLD.type"))
        END;
        CREATE TRIGGER eventTally_event_update AFTER UPDATE OF date, type ON event
        WHEN \(year("OLD.date")) != \(year("NEW.date")) OR OLD.type != NEW.type BEGIN
          \(remove(keys(eventKeys, id: "OLD.id"), year: year("OLD.date"), type: "OLD.type"))
          \(add(keys(eventKeys, id: "NEW.id"), year: year("NEW.date"), type: "NEW.type"))
        END;
        -- When the event itself is deleted, its delete trigger has already taken all its keys away.
        CREATE TRIGGER eventTally_country_delete AFTER DELETE ON eventCountry
        WHEN EXISTS (SELECT 1 FROM event WHERE id = OLD.eventId) BEGIN
          \(remove(keys(countryKeys, id: "OLD.eventId", country: "OLD.country"),
                   year: year("(SELECT date FROM event WHERE id = OLD.eventId)"), type: "(SELECT type FROM event WHERE id = OLD.eventId)"))
        END;

        -- Each pair of an event's countries (in code order) with the event's date: a pair's events by date are an index
        -- range, however common each country is on its own.
        CREATE TABLE eventPair (
          eventId INTEGER NOT NULL,
          country TEXT NOT NULL,
          partner TEXT NOT NULL,
          date TEXT,
          PRIMARY KEY (eventId, country, partner)
        ) WITHOUT ROWID;
        INSERT INTO eventPair (eventId, country, partner, date)
          SELECT a.eventId, a.country, b.country, a.date FROM eventCountry a JOIN eventCountry b ON b.eventId = a.eventId AND a.country < b.country;
        CREATE INDEX eventPair_pair_date ON eventPair(country, partner, date, eventId);
        CREATE TRIGGER eventPair_country_delete AFTER DELETE ON eventCountry BEGIN
          DELETE FROM eventPair WHERE eventId = OLD.eventId AND (country = OLD.country OR partner = OLD.country);
        END;

        ALTER TABLE eventOrganization ADD COLUMN date TEXT;
        UPDATE eventOrganization SET date = (SELECT date FROM event WHERE event.id = eventOrganization.eventId);
        CREATE INDEX eventOrganization_organization_date ON eventOrganization(organizationId, date, eventId);
        DROP TRIGGER event_date_copies;
        CREATE TRIGGER event_date_copies AFTER UPDATE OF date ON event BEGIN
          UPDATE eventParticipant SET date = NEW.date WHERE eventId = NEW.id;
          UPDATE eventCountry SET date = NEW.date WHERE eventId = NEW.id;
          UPDATE eventOrganization SET date = NEW.date WHERE eventId = NEW.id;
          UPDATE eventPair SET date = NEW.date WHERE eventId = NEW.id;
        END;

        ALTER TABLE organization ADD COLUMN documentCount INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE organization ADD COLUMN eventCount INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX organizationMention_organization ON organizationMention(organizationId);
        UPDATE organization SET
          documentCount = (SELECT count(*) FROM organizationMention WHERE organizationId = organization.id),
          eventCount = (SELECT count(*) FROM eventOrganization WHERE organizationId = organization.id);
        CREATE INDEX organization_rank ON organization(eventCount DESC, documentCount DESC, name);
        \(organizationCountSQL(rows: "organizationMention", column: "documentCount"))
        \(organizationCountSQL(rows: "eventOrganization", column: "eventCount"))

        CREATE INDEX organizationAlias_organization ON organizationAlias(organizationId);
        CREATE INDEX person_country ON person(country);

        CREATE TABLE rowCount (tableName TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
        \(countedTables.map(rowCountSQL).joined(separator: "\n"))

        CREATE TABLE revision (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
        INSERT INTO revision (id, n) VALUES (1, 0);
        """
    }

    /// Marks a write transaction: answers computed from an earlier revision are out of date.
    static let bump = "UPDATE revision SET n = n + 1"
    /// The current revision.
    static let current = "SELECT n FROM revision"
}

/// What one ingest transaction's new events, country rows, organization rows and sources add to the summary tables
/// (`eventTally`, `eventPair`, the organizations' counts, `rowCount`), gathered in memory and written once at the end
/// of the transaction (`flush`). In the meantime the triggers act on the stored
/// rows as usual (an event deleted, or moved to another year); every count is a sum of increments, each taken with
/// the event's year and kind at the moment its row was added, so the order of the two does not matter.
final class SummaryDeltas {
    private struct Key: Hashable {
        var partner: String
        var country: String
        var year: String
        var type: String
    }

    /// Tables whose new rows the ingest counts in `rowCount` (the others by trigger).
    static let countedTables: Set<String> = ["eventSource"]

    private var tally: [Key: Int] = [:]
    private var pairs: [(event: Int64, country: String, partner: String)] = []
    /// New rows of `countedTables`, by table.
    var rows: [String: Int] = [:]
    /// New document and event rows of each organization.
    var organizationDocuments: [Int64: Int] = [:]
    var organizationEvents: [Int64: Int] = [:]

    /// Counts one more event under (`country`, `partner`) in the year of `date`, as `eventTally` keys it.
    func add(country: String, partner: String, date: String?, type: String) {
        tally[Key(partner: partner, country: country, year: date.map { String($0.prefix(4)) } ?? "", type: type), default: 0] += 1
    }

    /// A new country row `country` of event `event`, whose other stored countries are `others`.
    func addCountry(_ country: String, of event: Int64, to others: [String], date: String?, type: String) {
        add(country: country, partner: "", date: date, type: type)
        for other in others where other != country {
            add(country: country, partner: other, date: date, type: type)
            add(country: other, partner: country, date: date, type: type)
            pairs.append((event, min(country, other), max(country, other)))
        }
    }

    /// Writes what was gathered (inside the transaction that gathered it) and starts again.
    func flush(_ db: Database) throws {
        for (key, n) in tally where n != 0 {
            try FastStatement(db, """
                INSERT INTO eventTally (partner, country, year, type, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n
                """).run(key.partner, key.country, key.year, key.type, n)
        }
        // The event's current date; nothing for an event deleted since.
        for p in pairs {
            try FastStatement(db, """
                INSERT OR IGNORE INTO eventPair (eventId, country, partner, date) SELECT id, ?1, ?2, date FROM event WHERE id = ?3
                  AND EXISTS (SELECT 1 FROM eventCountry WHERE eventId = ?3 AND country = ?1)
                  AND EXISTS (SELECT 1 FROM eventCountry WHERE eventId = ?3 AND country = ?2)
                """).run(p.country, p.partner, p.event)
        }
        for (table, n) in rows where n != 0 {
            try FastStatement(db, "UPDATE rowCount SET n = n + ? WHERE tableName = ?").run(n, table)
        }
        for (id, n) in organizationDocuments {
            try FastStatement(db, "UPDATE organization SET documentCount = documentCount + ? WHERE id = ?").run(n, id)
        }
        for (id, n) in organizationEvents {
            try FastStatement(db, "UPDATE organization SET eventCount = eventCount + ? WHERE id = ?").run(n, id)
        }
        tally = [:]
        pairs = []
        rows = [:]
        organizationDocuments = [:]
        organizationEvents = [:]
    }
}

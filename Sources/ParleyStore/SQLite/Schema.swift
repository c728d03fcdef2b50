import GRDB

/// The database schema as a list of named, append-only migrations. A migration never changes once
/// shipped; new needs get a new migration.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-documents-people-events") { db in
            try db.create(table: "document") { t in
                t.primaryKey("id", .text)
                t.column("url", .text)
                t.column("site", .text)
                t.column("title", .text)
                t.column("published", .text)
                t.column("contentHash", .text).notNull()
                t.column("text", .text).notNull()
                t.column("origin", .text)
                t.column("annotation", .text).notNull()
                t.column("ingestedAt", .text).notNull()
            }
            try db.create(index: "document_url", on: "document", columns: ["url"])

            try db.create(table: "person") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("nameKey", .text).notNull()
                t.column("country", .text)
            }
            try db.create(index: "person_nameKey", on: "person", columns: ["nameKey"])
            try db.create(table: "personAlias") { t in
                t.column("personId", .integer).notNull().references("person", onDelete: .cascade)
                t.column("alias", .text).notNull()
                t.column("aliasKey", .text).notNull()
                t.column("skeletonKey", .text).notNull()
                t.column("surnameKey", .text).notNull()
                t.column("initial", .text).notNull()
                t.uniqueKey(["personId", "aliasKey"])
            }
            try db.create(index: "personAlias_aliasKey", on: "personAlias", columns: ["aliasKey"])
            try db.create(index: "personAlias_skeletonKey", on: "personAlias", columns: ["skeletonKey"])
            try db.create(index: "personAlias_surnameKey", on: "personAlias", columns: ["surnameKey"])
            // One row per person of a document: how that document names and describes them.
            try db.create(table: "personMention") { t in
                t.column("documentId", .text).notNull().references("document", onDelete: .cascade)
                t.column("localId", .text).notNull()
                t.column("personId", .integer).notNull().references("person", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("titles", .text).notNull()
                t.column("organization", .text)
                t.column("country", .text)
                t.column("date", .text)
                t.column("reason", .text).notNull()
                t.primaryKey(["documentId", "localId"])
            }
            try db.create(index: "personMention_personId", on: "personMention", columns: ["personId"])

            try db.create(table: "organization") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("country", .text)
            }
            try db.create(table: "organizationAlias") { t in
                t.column("organizationId", .integer).notNull().references("organization", onDelete: .cascade)
                t.column("alias", .text).notNull()
                t.column("aliasKey", .text).notNull().unique()
            }
            try db.create(table: "organizationMention") { t in
                t.column("documentId", .text).notNull().references("document", onDelete: .cascade)
                t.column("organizationId", .integer).notNull().references("organization", onDelete: .cascade)
                t.primaryKey(["documentId", "organizationId"])
            }

            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("type", .text).notNull()
                t.column("date", .text)
                t.column("place", .text)
                t.column("cameo", .text)
                t.column("plover", .text)
                t.column("ploverMode", .text)
            }
            try db.create(index: "event_date", on: "event", columns: ["date"])
            try db.create(table: "eventParticipant") { t in
                t.column("eventId", .integer).notNull().references("event", onDelete: .cascade)
                t.column("personId", .integer).notNull().references("person", onDelete: .cascade)
                t.column("role", .text).notNull()
                t.primaryKey(["eventId", "personId"])
            }
            try db.create(index: "eventParticipant_personId", on: "eventParticipant", columns: ["personId"])
            try db.create(table: "eventOrganization") { t in
                t.column("eventId", .integer).notNull().references("event", onDelete: .cascade)
                t.column("organizationId", .integer).notNull().references("organization", onDelete: .cascade)
                t.primaryKey(["eventId", "organizationId"])
            }
            try db.create(table: "eventCountry") { t in
                t.column("eventId", .integer).notNull().references("event", onDelete: .cascade)
                t.column("country", .text).notNull()
                t.primaryKey(["eventId", "country"])
            }
            try db.create(index: "eventCountry_country", on: "eventCountry", columns: ["country"])
            try db.create(table: "eventSource") { t in
                t.column("eventId", .integer).notNull().references("event", onDelete: .cascade)
                t.column("documentId", .text).notNull().references("document", onDelete: .cascade)
                t.column("localId", .text).notNull()
                t.column("reported", .boolean).notNull()
                t.column("sentence", .integer).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
                t.column("evidence", .text).notNull()
                t.column("confidence", .double).notNull()
                t.primaryKey(["documentId", "localId"])
            }
            try db.create(index: "eventSource_eventId", on: "eventSource", columns: ["eventId"])
            try db.create(table: "plannedEvent") { t in
                t.column("documentId", .text).notNull().references("document", onDelete: .cascade)
                t.column("localId", .text).notNull()
                t.column("type", .text).notNull()
                t.column("date", .text)
                t.column("participants", .text).notNull()
                t.column("evidence", .text).notNull()
                t.primaryKey(["documentId", "localId"])
            }
            // User corrections of person resolution; they survive every later ingest.
            try db.create(table: "correction") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()          // merge | split
                t.column("nameKey", .text).notNull()       // the name the correction is about
                t.column("personId", .integer).notNull()   // merge: the person it goes to; split: the person it must not join
                t.column("createdAt", .text).notNull()
            }
            try db.create(virtualTable: "documentSearch", using: FTS5()) { t in
                t.synchronize(withTable: "document")
                t.tokenizer = .porter()
                t.column("title")
                t.column("text")
            }
            try db.create(virtualTable: "personSearch", using: FTS5()) { t in
                t.synchronize(withTable: "personAlias")
                t.column("alias")
            }
        }
        // Each participant and country row carries its event's date, so that "this person's events around this
        // date" (event matching while ingesting) and "events of this country in this year" (queries) are index
        // range scans instead of walks over every event of a frequent person or country. Person aliases are found
        // by surname or transliteration skeleton together with the first initial. The full-text indexes are filled
        // once per transaction (see `SearchIndex`) rather than row by row.
        m.registerMigration("v2-dated-rows-and-deferred-search") { db in
            try db.alter(table: "eventParticipant") { t in t.add(column: "date", .text) }
            try db.alter(table: "eventCountry") { t in t.add(column: "date", .text) }
            try db.execute(sql: """
                UPDATE eventParticipant SET date = (SELECT date FROM event WHERE event.id = eventParticipant.eventId);
                UPDATE eventCountry SET date = (SELECT date FROM event WHERE event.id = eventCountry.eventId);
                DROP INDEX eventParticipant_personId;
                DROP INDEX eventCountry_country;
                CREATE INDEX eventParticipant_person_date ON eventParticipant(personId, date, eventId);
                CREATE INDEX eventCountry_country_date ON eventCountry(country, date, eventId);
                DROP INDEX personAlias_skeletonKey;
                DROP INDEX personAlias_surnameKey;
                CREATE INDEX personAlias_skeleton_initial ON personAlias(skeletonKey, initial);
                CREATE INDEX personAlias_surname_initial ON personAlias(surnameKey, initial);
                CREATE TRIGGER event_date_copies AFTER UPDATE OF date ON event BEGIN
                  UPDATE eventParticipant SET date = NEW.date WHERE eventId = NEW.id;
                  UPDATE eventCountry SET date = NEW.date WHERE eventId = NEW.id;
                END;
                DROP TRIGGER __documentSearch_ai;
                DROP TRIGGER __documentSearch_ad;
                DROP TRIGGER __documentSearch_au;
                DROP TABLE documentSearch;
                DROP TRIGGER __personSearch_ai;
                DROP TRIGGER __personSearch_ad;
                DROP TRIGGER __personSearch_au;
                """)
            // Searches match words, not phrases, and rank by recency: the document index keeps which columns hold a
            // word but not its positions, nor column sizes, which makes it smaller and faster to fill.
            try db.create(virtualTable: "documentSearch", using: FTS5()) { t in
                t.content = "document"
                t.contentRowID = "rowid"
                t.tokenizer = .porter()
                t.detail = "column"
                t.columnSize = 0
                t.column("title")
                t.column("text")
            }
            try db.execute(sql: "INSERT INTO documentSearch(documentSearch) VALUES('rebuild')")
            try SearchIndex.document.install(db)
            try SearchIndex.personAlias.install(db)
        }
        m.registerMigration("v3-fetch-log") { db in try FetchLogSchema.createSQLite(db) }
        // Counts of events by kind (stats, the home page, the events page's facets) read this index, not the table.
        m.registerMigration("v4-event-type-index") { db in
            try db.create(index: "event_type", on: "event", columns: ["type"])
        }
        // Counts for the aggregate pages kept by triggers, organizations' events by date, and the revision (see
        // `SummaryTables`).
        m.registerMigration("v5-summary-tables") { db in try db.execute(sql: SummaryTables.migration) }
        // The channel of each contact and the side of each country with its level (see `ContactRecords`). Documents
        // stored before are listed for coding again: ingesting one of them again replaces it.
        m.registerMigration("v6-contact-channel") { db in try db.execute(sql: ContactRecords.sqliteMigration) }
        // People's corrections of events (see `EventCorrector`), kept and applied again after every ingest.
        m.registerMigration("v7-event-corrections") { db in try db.execute(sql: EventCorrector.sqliteMigration) }
        return m
    }
}

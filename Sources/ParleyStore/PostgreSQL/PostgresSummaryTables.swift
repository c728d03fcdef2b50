/// The PostgreSQL tables that hold what the aggregate pages show, as SQLite's `SummaryTables` do: counts of events
/// by country, partner country, year and type (`eventTally`: every event under ('', ''), each of its countries under
/// (country, ''), each ordered pair of its countries under (country, partner)), each organization's documents and
/// events, and the row counts of the large tables (`rowCount`). Statement-level triggers keep them in the transaction
/// that changes the rows they count, once per multi-row statement of the batch ingest, so the counts are exact at every
/// commit and no page counts over whole tables.
///
/// Country rows are only ever deleted with their event (whose trigger, named to run before the cascade, takes the
/// event's keys away), and events change year or kind only through an update of `event`.
enum PostgresSummaryTables {
    /// The year of an event date, '' when undated.
    static func year(_ date: String) -> String { "coalesce(left(\(date), 4), '')" }

    /// Adds the grouped rows of `keys` (columns country, partner, year, type, n) to the tally.
    static func upsert(_ keys: String) -> String {
        """
        INSERT INTO eventTally (country, partner, year, type, n)
          SELECT country, partner, year, type, sum(n) FROM (\(keys)) k GROUP BY 1, 2, 3, 4
          ON CONFLICT (partner, country, year, type) DO UPDATE SET n = eventTally.n + EXCLUDED.n;
        """
    }

    /// All tally keys of the events listed in `events` (a relation with `id`), with the event's year and type
    /// given as expressions over `e` and counted `sign`.
    static func eventKeys(_ events: String, year: String, type: String, sign: Int) -> String {
        """
        SELECT '' AS country, '' AS partner, \(year) AS year, \(type) AS type, \(sign) AS n FROM \(events) e
        UNION ALL SELECT c.country, '', \(year), \(type), \(sign) FROM \(events) e JOIN eventCountry c ON c.eventId = e.id
        UNION ALL SELECT a.country, b.country, \(year), \(type), \(sign) FROM \(events) e JOIN eventCountry a ON a.eventId = e.id
          JOIN eventCountry b ON b.eventId = a.eventId AND b.country <> a.country
        """
    }

    static let countedTables = ["document", "person", "organization", "event", "eventSource", "plannedEvent"]

    static func function(_ name: String, _ body: String, replace: Bool = false) -> String {
        """
        CREATE \(replace ? "OR REPLACE " : "")FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
        \(body)
          RETURN NULL;
        END $$
        """
    }

    /// New country rows' keys read through the indexes: the event of each row, and the other countries of each event,
    /// one index look-up a row (`OFFSET 0` keeps the planner from joining whole tables, which it did for transition
    /// tables it cannot estimate: two passes over `event` and `eventCountry` a batch, growing with the database).
    static var countriesAddedByIndex: String {
        """
        WITH n AS MATERIALIZED (
            SELECT n.eventId, n.country, e.year, e.type FROM new_rows n
            CROSS JOIN LATERAL (SELECT \(year("date")) AS year, type FROM event WHERE event.id = n.eventId OFFSET 0) e),
          o AS MATERIALIZED (
            SELECT c.eventId, c.country FROM (SELECT DISTINCT eventId FROM new_rows) ids
            CROSS JOIN LATERAL (SELECT eventId, country FROM eventCountry WHERE eventCountry.eventId = ids.eventId OFFSET 0) c)
        \(upsert("""
            SELECT country, '' AS partner, year, type, 1 AS n FROM n
            UNION ALL SELECT n.country, o.country, n.year, n.type, 1 FROM n JOIN o ON o.eventId = n.eventId AND o.country <> n.country
            UNION ALL SELECT o.country, n.country, n.year, n.type, 1 FROM n JOIN o ON o.eventId = n.eventId AND o.country <> n.country
              WHERE NOT EXISTS (SELECT 1 FROM n x WHERE x.eventId = o.eventId AND x.country = o.country)
            """))
        """
    }

    /// Each new country row's pairs with the event's other countries (in code order, with the event's date) for
    /// `eventPair`, from the `n` and `o` relations of `countriesAddedByIndex`.
    static let pairsAdded = """
        INSERT INTO eventPair (eventId, country, partner, date)
          SELECT DISTINCT n.eventId, least(n.country, o.country), greatest(n.country, o.country), n.date
          FROM n JOIN o ON o.eventId = n.eventId AND o.country <> n.country
          ON CONFLICT DO NOTHING
        """

    /// New country rows' keys and pairs read through the indexes (as `countriesAddedByIndex`, which it replaces).
    static var countriesAndPairsAdded: String {
        """
        WITH n AS MATERIALIZED (
            SELECT n.eventId, n.country, e.year, e.type, e.date FROM new_rows n
            CROSS JOIN LATERAL (SELECT \(year("date")) AS year, type, date FROM event WHERE event.id = n.eventId OFFSET 0) e),
          o AS MATERIALIZED (
            SELECT c.eventId, c.country FROM (SELECT DISTINCT eventId FROM new_rows) ids
            CROSS JOIN LATERAL (SELECT eventId, country FROM eventCountry WHERE eventCountry.eventId = ids.eventId OFFSET 0) c),
          p AS (\(pairsAdded))
        \(upsert("""
            SELECT country, '' AS partner, year, type, 1 AS n FROM n
            UNION ALL SELECT n.country, o.country, n.year, n.type, 1 FROM n JOIN o ON o.eventId = n.eventId AND o.country <> n.country
            UNION ALL SELECT o.country, n.country, n.year, n.type, 1 FROM n JOIN o ON o.eventId = n.eventId AND o.country <> n.country
              WHERE NOT EXISTS (SELECT 1 FROM n x WHERE x.eventId = o.eventId AND x.country = o.country)
            """))
        """
    }

    /// The lists of the browse pages read in date order from an index, as SQLite's are (`SummaryTables`): country and
    /// organization rows carry their event's date (written by the ingest, kept by `parley_event_dates_moved`), the pairs
    /// of each event's countries are kept in `eventPair` (by the country rows' tally trigger and `parley_pairs_removed`),
    /// and `revision` counts write transactions (`PostgresEventStore.write`), for the answers kept per revision.
    /// Every list index runs newest first with undated events last, the order of the pages (read backwards: oldest first).
    static var browseMigration: [String] {
        var s = [
            "CREATE INDEX event_date_id ON event (date DESC NULLS LAST, id DESC)",
            "ALTER TABLE eventCountry ADD COLUMN date text COLLATE \"C\"",
            "UPDATE eventCountry SET date = event.date FROM event WHERE event.id = eventCountry.eventId AND event.date IS NOT NULL",
            "CREATE INDEX eventCountry_country_date ON eventCountry (country, date DESC NULLS LAST, eventId DESC)",
            "ALTER TABLE eventOrganization ADD COLUMN date text COLLATE \"C\"",
            "UPDATE eventOrganization SET date = event.date FROM event WHERE event.id = eventOrganization.eventId AND event.date IS NOT NULL",
            "CREATE INDEX eventOrganization_organization_date ON eventOrganization (organizationId, date DESC NULLS LAST, eventId DESC)",
            """
            CREATE TABLE eventPair (
              eventId bigint NOT NULL,
              country text COLLATE "C" NOT NULL,
              partner text COLLATE "C" NOT NULL,
              date text COLLATE "C",
              PRIMARY KEY (eventId, country, partner)
            )
            """,
            """
            INSERT INTO eventPair (eventId, country, partner, date)
              SELECT a.eventId, a.country, b.country, a.date FROM eventCountry a JOIN eventCountry b ON b.eventId = a.eventId AND a.country < b.country
            """,
            "CREATE INDEX eventPair_pair_date ON eventPair (country, partner, date DESC NULLS LAST, eventId DESC)",
            "CREATE INDEX organizationMention_organization ON organizationMention (organizationId)",
            "CREATE INDEX organizationAlias_organization ON organizationAlias (organizationId)",
            "CREATE INDEX person_country ON person (country)",
            // The tally read from its index alone (a country's partners, a pair's years, the facets): its rows are
            // updated in place by every batch, so their heap pages scatter.
            "CREATE INDEX eventTally_partner_country ON eventTally (partner, country, year, type) INCLUDE (n)",
            function("parley_tally_countries_added", countriesAndPairsAdded, replace: true),
            // A deleted country row takes its pairs (an event's delete cascades to its country rows).
            function("parley_pairs_removed", """
                  DELETE FROM eventPair p WHERE p.eventId = ANY(ARRAY(SELECT DISTINCT eventId FROM old_rows))
                    AND EXISTS (SELECT 1 FROM old_rows o WHERE o.eventId = p.eventId AND o.country IN (p.country, p.partner));
                """),
            "CREATE TRIGGER eventCountry_pairs_delete AFTER DELETE ON eventCountry REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_pairs_removed()",
            "CREATE TABLE revision (id integer PRIMARY KEY CHECK (id = 1), n bigint NOT NULL)",
            "INSERT INTO revision (id, n) VALUES (1, 0)",
        ]
        // An event dated anew (by the ingest or a correction): every row that carries its date follows, found through
        // the event id (`= ANY(ARRAY(…))`: the planner cannot estimate transition tables and would scan whole tables).
        let copies = ["eventParticipant", "eventCountry", "eventOrganization", "eventPair"].map { table in
            """
              UPDATE \(table) SET date = event.date FROM event WHERE \(table).eventId = ANY(moved) AND event.id = \(table).eventId
                AND \(table).date IS DISTINCT FROM event.date;
            """
        }
        s.append("""
            CREATE FUNCTION parley_event_dates_moved() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            DECLARE moved bigint[];
            BEGIN
              moved := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.date IS DISTINCT FROM o.date);
              IF cardinality(moved) > 0 THEN
            \(copies.joined(separator: "\n"))
              END IF;
              RETURN NULL;
            END $$
            """)
        s.append("CREATE TRIGGER event_b_dates_update AFTER UPDATE ON event REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_event_dates_moved()")
        return s
    }

    /// Marks a write transaction: answers computed from an earlier revision are out of date.
    static let bump = "UPDATE revision SET n = n + 1 WHERE id = 1"
    /// The current revision.
    static let current = "SELECT n FROM revision WHERE id = 1"

    /// The country rows' tally trigger redefined to read through the indexes (`countriesAddedByIndex`).
    static var indexedMigration: [String] {
        [function("parley_tally_countries_added", countriesAddedByIndex, replace: true)]
    }

    static var migration: [String] {
        var s: [String] = [
            """
            CREATE TABLE eventTally (
              country text COLLATE "C" NOT NULL,
              partner text COLLATE "C" NOT NULL,
              year text COLLATE "C" NOT NULL,
              type text NOT NULL,
              n bigint NOT NULL,
              PRIMARY KEY (partner, country, year, type)
            )
            """,
            upsert(eventKeys("event", year: year("e.date"), type: "e.type", sign: 1)),
            // New events (their country rows come in a later statement of the same transaction).
            function("parley_tally_events_added", upsert("""
                SELECT '' AS country, '' AS partner, \(year("date")) AS year, type, 1 AS n FROM new_rows
                """)),
            "CREATE TRIGGER event_a_tally_insert AFTER INSERT ON event REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_tally_events_added()",
            // Deleted events take all their keys with them; this runs before `event_cascade` deletes their country rows.
            function("parley_tally_events_removed", upsert(eventKeys("old_rows", year: year("e.date"), type: "e.type", sign: -1))),
            "CREATE TRIGGER event_a_tally_delete AFTER DELETE ON event REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_tally_events_removed()",
            // An event dated into another year, or of another kind: its keys move.
            function("parley_tally_events_moved", "  WITH parley_moved AS (SELECT o.id, \(year("o.date")) AS oy, o.type AS ot, \(year("n.date")) AS ny, n.type AS nt "
                + "FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE \(year("o.date")) <> \(year("n.date")) OR o.type <> n.type)\n"
                + upsert(eventKeys("parley_moved", year: "e.oy", type: "e.ot", sign: -1) + "\nUNION ALL " + eventKeys("parley_moved", year: "e.ny", type: "e.nt", sign: 1))),
            "CREATE TRIGGER event_a_tally_update AFTER UPDATE ON event REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_tally_events_moved()",
            // New country rows: the country, and each pair with the event's other countries (a pair of two new rows is
            // counted once each way).
            function("parley_tally_countries_added", upsert("""
                SELECT n.country, '' AS partner, \(year("e.date")) AS year, e.type, 1 AS n FROM new_rows n JOIN event e ON e.id = n.eventId
                UNION ALL SELECT n.country, o.country, \(year("e.date")), e.type, 1 FROM new_rows n JOIN event e ON e.id = n.eventId
                  JOIN eventCountry o ON o.eventId = n.eventId AND o.country <> n.country
                UNION ALL SELECT o.country, n.country, \(year("e.date")), e.type, 1 FROM new_rows n JOIN event e ON e.id = n.eventId
                  JOIN eventCountry o ON o.eventId = n.eventId AND o.country <> n.country
                  WHERE NOT EXISTS (SELECT 1 FROM new_rows x WHERE x.eventId = o.eventId AND x.country = o.country)
                """)),
            "CREATE TRIGGER eventCountry_tally_insert AFTER INSERT ON eventCountry REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_tally_countries_added()",

            // Organizations' documents and events.
            "ALTER TABLE organization ADD COLUMN documentCount bigint NOT NULL DEFAULT 0",
            "ALTER TABLE organization ADD COLUMN eventCount bigint NOT NULL DEFAULT 0",
            """
            UPDATE organization SET documentCount = (SELECT count(*) FROM organizationMention WHERE organizationId = organization.id),
              eventCount = (SELECT count(*) FROM eventOrganization WHERE organizationId = organization.id)
            """,
            "CREATE INDEX organization_rank ON organization (eventCount DESC, documentCount DESC, name)",
        ]
        for (table, column) in [("organizationMention", "documentCount"), ("eventOrganization", "eventCount")] {
            for (op, rows, sign) in [("INSERT", "new_rows", "+"), ("DELETE", "old_rows", "-")] {
                let name = "parley_\(table.lowercased())_\(op.lowercased())"
                s.append(function(name, """
                      UPDATE organization SET \(column) = \(column) \(sign) d.n
                        FROM (SELECT organizationId, count(*) AS n FROM \(rows) GROUP BY organizationId) d WHERE organization.id = d.organizationId;
                    """))
                s.append("CREATE TRIGGER \(table)_count_\(op.lowercased()) AFTER \(op) ON \(table) REFERENCING \(op == "INSERT" ? "NEW" : "OLD") TABLE AS \(rows) FOR EACH STATEMENT EXECUTE FUNCTION \(name)()")
            }
        }
        // Row counts of the large tables, for the stats.
        s.append("CREATE TABLE rowCount (tableName text PRIMARY KEY, n bigint NOT NULL)")
        for table in countedTables {
            s.append("INSERT INTO rowCount (tableName, n) SELECT '\(table)', count(*) FROM \(table)")
            for (op, rows, sign) in [("INSERT", "new_rows", "+"), ("DELETE", "old_rows", "-")] {
                let name = "parley_rowcount_\(table.lowercased())_\(op.lowercased())"
                s.append(function(name, "  UPDATE rowCount SET n = n \(sign) (SELECT count(*) FROM \(rows)) WHERE tableName = '\(table)';"))
                s.append("CREATE TRIGGER \(table)_rowcount_\(op.lowercased()) AFTER \(op) ON \(table) REFERENCING \(op == "INSERT" ? "NEW" : "OLD") TABLE AS \(rows) FOR EACH STATEMENT EXECUTE FUNCTION \(name)()")
            }
        }
        return s
    }
}

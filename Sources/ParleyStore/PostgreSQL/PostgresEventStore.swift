import Foundation
import ParleyCore
import PostgresNIO

/// The event database in PostgreSQL (through postgres-nio), with the same tables, rules and answers as
/// `SQLiteEventStore`, for several processes writing to one database: each ingest transaction first takes a
/// transaction-level advisory lock, so person resolution and event matching run one process at a time and two
/// `ingest` runs never create the same person or event twice.
///
/// The store keeps one connection for its lifetime; calls from several threads take turns on it.
public final class PostgresEventStore: EventStore, @unchecked Sendable {
    public let location: PostgresLocation
    let session: PostgresSession
    let lock = NSLock()
    /// The advisory lock that serialises writers of this database (and schema).
    let lockKey: Int64
    /// Documents' search vectors, computed on a second connection while a batch is resolved.
    let searchVectors: PostgresSearchVectors
    /// Contact networks, organization and country profiles, charts and facets already computed, for the database revision they were
    /// computed from (`PostgresSummaryTables.current`).
    let networks = RevisionMemo<NetworkGraph>()
    let organizations = RevisionMemo<OrganizationProfile>(capacity: 256)
    let facets = RevisionMemo<EventFacets>(capacity: 256)
    /// Country profiles (their people ranked by events) and charts, counted over many rows.
    let countryProfiles = RevisionMemo<CountryProfile>(capacity: 256)
    let charts = RevisionMemo<ChartTable>(capacity: 256)
    let statistics = RevisionMemo<StoreStats>(capacity: 1)

    /// Connects to the server at `url` (`postgres://user@host:port/database`, see `PostgresLocation`) and brings
    /// the schema up to date; read-only stores only check it and refuse writes.
    public init(url: String, readOnly: Bool = false) throws(StoreError) {
        location = try PostgresLocation(url: url)
        lockKey = Self.lockKey(for: location)
        session = try PostgresSession.connect(location)
        searchVectors = PostgresSearchVectors(location: location)
        do {
            if let schema = location.schema {
                try session.execute(PostgresQuery(unsafeSQL: "SET search_path TO \(schema)"))
            }
            if readOnly {
                // A database of an earlier version is brought up to date first, as SQLite's is.
                if try PostgresSchema.check(session) { try PostgresSchema.migrate(session, lockKey: lockKey) }
                try session.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            } else {
                try PostgresSchema.migrate(session, lockKey: lockKey)
            }
        } catch {
            session.close()
            throw session.translate(error)
        }
    }

    deinit {
        session.close()
    }

    /// A stable advisory-lock key per database schema: FNV-1a of "parley:" and the schema's name.
    static func lockKey(for location: PostgresLocation) -> Int64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in ("parley:" + (location.schema ?? "")).utf8 { h ^= UInt64(b); h = h &* 0x100000001b3 }
        return Int64(bitPattern: h)
    }

    /// Runs `body` alone on the connection, its errors as `StoreError`s.
    func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        do { return try body(session) } catch { throw session.translate(error) }
    }

    /// Runs `body` in one transaction that first takes the writers' advisory lock (released at commit or rollback).
    func write<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try withSession { s in
            try s.transaction {
                try s.execute("SELECT pg_advisory_xact_lock(\(lockKey))")
                try s.execute(PostgresQuery(unsafeSQL: PostgresSummaryTables.bump))
                return try body(s)
            }
        }
    }

    /// Runs `body` in one read-only snapshot, so a query's several statements see the same data.
    func read<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try withSession { s in
            try s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let value = try body(s)
                try s.execute("COMMIT")
                return value
            } catch {
                try? s.execute("ROLLBACK")
                throw error
            }
        }
    }

    // MARK: - Ingest

    public func ingest(_ document: Document, _ annotation: DocumentAnnotation) throws -> IngestOutcome {
        try ingest(batch: [(document, annotation)])[0]
    }

    /// Ingests documents in one transaction: all of them or none.
    public func ingest(batch: [(Document, DocumentAnnotation)]) throws -> [IngestOutcome] {
        try ingest(prepared: batch.map { PreparedDocument($0.0, $0.1) })
    }

    /// Starts the batch's search vectors on the second connection.
    public func willIngest(prepared: [PreparedDocument]) {
        searchVectors.prepare(prepared)
    }

    public func ingest(prepared: [PreparedDocument]) throws -> [IngestOutcome] {
        let vectors = searchVectors.take(prepared)
        return try write { s in
            let outcomes = try PostgresBatchIngestor(s: s, searchVectors: vectors).ingest(prepared)
            // People's corrections of events hold on the documents stored anew.
            let stored = Set(zip(prepared, outcomes).filter { $0.1 != .unchanged }.map { $0.0.annotation.id })
            if !stored.isEmpty { try EventCorrector(rows: PostgresCorrectionRows(s: s)).replay(touching: stored) }
            return outcomes
        }
    }

    // MARK: - Corrections

    public func merge(_ a: String, into b: String) throws -> PersonSummary {
        try write { s in
            let queries = PostgresQueries(s: s)
            let from = try queries.personID(a)
            let to = try queries.personID(b)
            guard from != to else { throw StoreError.invalidArgument("'\(a)' and '\(b)' are already the same person") }
            try PostgresRowEdits(s: s).mergePerson(from, into: to)
            for key in try s.values("SELECT aliasKey FROM personAlias WHERE personId = \(to)", as: String.self) {
                try s.execute("INSERT INTO correction (kind, nameKey, personId, createdAt) VALUES ('merge', \(key), \(to), \(IngestRecords.now()))")
            }
            return try queries.summary(to)
        }
    }

    public func split(_ person: String, name: String) throws -> PersonSummary {
        try write { s in
            let queries = PostgresQueries(s: s)
            let id = try queries.personID(person)
            let keys = NameKeys(name)
            let moved = try s.rows("SELECT documentId, localId, name FROM personMention WHERE personId = \(id)").map {
                try s.decode($0, (String, String, String).self)
            }.filter { ManualJudgements.splitMoves(mention: $0.2, split: name) }
            guard !moved.isEmpty else { throw StoreError.notFound(what: "a mention named '\(name)' of person \(id)") }
            try s.execute("INSERT INTO correction (kind, nameKey, personId, createdAt) VALUES ('split', \(keys.aliasKey), \(id), \(IngestRecords.now()))")
            let ingestor = PostgresRowEdits(s: s)
            let country = try s.value("SELECT country FROM person WHERE id = \(id)", as: String?.self) ?? nil
            let newID = try ingestor.createPerson(name: name, country: country)
            for (doc, local, _) in moved {
                try s.execute("UPDATE personMention SET personId = \(newID), reason = 'user split' WHERE documentId = \(doc) AND localId = \(local)")
                // The new person joins the events this document reports; the old one stays in those that
                // another of its documents also reports.
                try s.execute("""
                    INSERT INTO eventParticipant (eventId, personId, role, date)
                    SELECT eventId, \(newID), role, date FROM eventParticipant WHERE personId = \(id) AND eventId IN
                      (SELECT eventId FROM eventSource WHERE documentId = \(doc))
                    ON CONFLICT DO NOTHING
                    """)
                try s.execute("""
                    DELETE FROM eventParticipant WHERE personId = \(id) AND eventId IN (SELECT eventId FROM eventSource WHERE documentId = \(doc))
                      AND eventId NOT IN (SELECT eventSource.eventId FROM eventSource JOIN personMention
                        ON personMention.documentId = eventSource.documentId WHERE personMention.personId = \(id))
                    """)
            }
            try s.execute("DELETE FROM personAlias WHERE personId = \(id) AND aliasKey = \(keys.aliasKey)")
            try ingestor.addAlias(newID, name)
            return try queries.summary(newID)
        }
    }

    // MARK: - Queries

    public func events(_ filter: EventFilter) throws -> [EventSummary] { try read { try PostgresQueries(s: $0).events(filter) } }

    public func people(search: String?, country: String?, organization: String?, limit: Int) throws -> [PersonSummary] {
        try read { try PostgresQueries(s: $0).people(search: search, country: country, organization: organization, limit: limit) }
    }

    public func person(_ nameOrID: String, timelineLimit: Int) throws -> PersonProfile {
        try read { try PostgresQueries(s: $0).profile(nameOrID, timelineLimit: timelineLimit) }
    }

    public func search(_ words: String, limit: Int) throws -> [SearchHit] { try read { try PostgresQueries(s: $0).search(words, limit: limit) } }

    /// The counts are kept by the transactions (`rowCount`, `eventTally`), but the size of the tables is asked of the
    /// server relation by relation, so the stats are computed once per database revision.
    public func stats() throws -> StoreStats {
        try read { s in try statistics.value("", revision: try revision(s)) { try PostgresQueries(s: s).stats() } }
    }

    public func exportAnnotations() throws -> [DocumentAnnotation] { try read { try PostgresQueries(s: $0).annotations() } }

    // MARK: - Maintenance

    /// Drops the schema named in the URL with everything in it (for tests and throwaway databases); does nothing
    /// for a store in the database's default schema.
    func dropSchema() throws {
        guard let schema = location.schema else { return }
        try withSession { try $0.execute(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE")) }
    }
}

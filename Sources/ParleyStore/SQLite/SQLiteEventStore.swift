import Foundation
import GRDB
import ParleyCore

/// The event database in one SQLite file (through GRDB): documents with their full text and
/// annotation, people resolved across documents, organizations, events with every source that
/// reports them, planned events, user corrections, and full-text indexes.
public final class SQLiteEventStore: EventStore, @unchecked Sendable {
    /// A pool (one writer, concurrent readers: a server answers many requests at once) when writable, a single
    /// read-only connection otherwise.
    let dbQueue: any DatabaseWriter
    /// Checkpoints the log off the writer's thread (writable stores only).
    private let checkpointer: BackgroundCheckpointer?
    public let path: String
    /// What ingests have learnt about stored people, kept from batch to batch; only ever used inside a write.
    private let memo = KeyMemo()
    /// The database's `data_version` when `memo` was last used: another process's commit changes it.
    private var memoDataVersion: Int?
    /// Contact networks and organization profiles already computed, for the database revision they were computed from.
    let networks = RevisionMemo<NetworkGraph>()
    let organizations = RevisionMemo<OrganizationProfile>(capacity: 256)

    /// The database's revision as `db` sees it (see `SummaryTables`).
    func revision(_ db: Database) throws -> Int64 { try Int64.fetchOne(db.cachedStatement(sql: SummaryTables.current)) ?? 0 }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String, readOnly: Bool = false, profile: StatementProfile? = nil) throws(StoreError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) || !isDir.boolValue {
            throw .missingFolder(path: path, folder: folder)
        }
        let exists = FileManager.default.fileExists(atPath: path)
        if readOnly && !exists { throw .notFound(what: "the database file \(path)") }
        if exists, !readOnly, !FileManager.default.isWritableFile(atPath: path) { throw .readOnly(path: path) }
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.maximumReaderCount = 4
        config.prepareDatabase { db in
            // A 32 MB page cache per reader; temporary b-trees (DISTINCT, GROUP BY, UNION) in memory rather than in
            // temporary files.
            try db.execute(sql: "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY")
            profile?.attach(to: db)
        }
        do {
            let migrator = Schema.migrator
            // A database from a newer Parley is refused before anything opens it for writing.
            if exists {
                var check = config
                check.readonly = true
                let (superseded, current) = try DatabaseQueue(path: path, configuration: check).read { db in
                    (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
                }
                if superseded { throw StoreError.newerSchema(path: path) }
                // A database from an older Parley is brought up to date before it is read, when it can be written.
                if readOnly && !current {
                    guard FileManager.default.isWritableFile(atPath: path) else { throw StoreError.olderSchema(path: path) }
                    var upgrade = config
                    upgrade.readonly = false
                    try migrator.migrate(try DatabaseQueue(path: path, configuration: upgrade))
                }
            }
            if readOnly {
                dbQueue = try DatabaseQueue(path: path, configuration: config)
            } else {
                let pool = try DatabasePool(path: path, configuration: config)
                // The writer keeps 256 MB of pages, so that a large database's indexes stay in memory while ingesting.
                // In WAL mode NORMAL syncs at checkpoints, not at every commit, and a crash still never leaves half a
                // transaction. Checkpoints run on their own thread (`BackgroundCheckpointer`), not in the writer's commits.
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0")
                }
                dbQueue = pool
            }
            if !readOnly { try migrator.migrate(dbQueue) }
            checkpointer = readOnly ? nil : BackgroundCheckpointer(path: path)
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError {
            throw Self.translate(e, path: path)
        } catch {
            throw .underlying(path: path, message: "\(error)")
        }
    }

    static func translate(_ e: DatabaseError, path: String) -> StoreError {
        switch e.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN where !FileManager.default.isWritableFile(atPath: path): return .readOnly(path: path)
        default: return .underlying(path: path, message: e.message ?? "\(e)")
        }
    }

    /// Runs `body` in a write transaction that ends by bringing the full-text indexes up to date.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            let result = try dbQueue.write { db in
                let result = try body(db)
                try db.execute(sql: SummaryTables.bump)
                for index in SearchIndex.all { try index.flush(db) }
                return result
            }
            if checkpointer?.didCommit() == true {
                _ = try? dbQueue.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            }
            return result
        } catch let e as DatabaseError { throw Self.translate(e, path: path) }
    }

    deinit { checkpointer?.close() }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try dbQueue.read(body) } catch let e as DatabaseError { throw Self.translate(e, path: path) }
    }

    // MARK: - Ingest

    public func ingest(_ document: Document, _ annotation: DocumentAnnotation) throws -> IngestOutcome {
        try ingest(batch: [(document, annotation)])[0]
    }

    /// Ingests documents in one transaction: all of them or none.
    public func ingest(batch: [(Document, DocumentAnnotation)]) throws -> [IngestOutcome] {
        try ingest(prepared: batch.map { PreparedDocument($0.0, $0.1) })
    }

    /// Ingests prepared documents in one transaction: all of them or none.
    public func ingest(prepared batch: [PreparedDocument]) throws -> [IngestOutcome] {
        do {
            return try write { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA data_version")
                if version != memoDataVersion { memo.forgetPeople() }
                memoDataVersion = version
                memo.trim()
                let ingestor = SQLiteIngestor(db: db, memo: memo)
                let outcomes = try batch.map { try ingestor.ingest($0) }
                try ingestor.summaries.flush(db)
                // People's corrections of events hold on the documents stored anew.
                let stored = Set(zip(batch, outcomes).filter { $0.1 != .unchanged }.map { $0.0.annotation.id })
                if !stored.isEmpty { try EventCorrector(rows: SQLiteCorrectionRows(db: db)).replay(touching: stored) }
                return outcomes
            }
        } catch {
            // What the rolled-back transaction wrote is not stored.
            memo.forgetPeople()
            throw error
        }
    }

    /// Forgets what ingests learnt about stored people (after a write outside the ingest changed them).
    func forgetPeople() { memo.forgetPeople() }

    /// A stable 64-bit FNV-1a hash of a document's content, in hex.
    public static func contentHash(_ d: Document) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for part in [d.id, d.url ?? "", d.title ?? "", d.publishedHint?.description ?? "", d.text] {
            for b in part.utf8 { h ^= UInt64(b); h = h &* 0x100000001b3 }
            h ^= 0xff; h = h &* 0x100000001b3
        }
        return String(h, radix: 16)
    }

    // MARK: - Corrections

    public func merge(_ a: String, into b: String) throws -> PersonSummary {
        memo.forgetPeople()
        return try write { db in
            let from = try Queries.personID(db, a)
            let to = try Queries.personID(db, b)
            guard from != to else { throw StoreError.invalidArgument("'\(a)' and '\(b)' are already the same person") }
            try SQLiteIngestor(db: db).mergePerson(from, into: to)
            for key in try String.fetchAll(db, sql: "SELECT aliasKey FROM personAlias WHERE personId = ?", arguments: [to]) {
                try db.execute(sql: "INSERT INTO correction (kind, nameKey, personId, createdAt) VALUES ('merge', ?, ?, ?)",
                               arguments: [key, to, IngestRecords.now()])
            }
            return try Queries.summary(db, to)
        }
    }

    public func split(_ person: String, name: String) throws -> PersonSummary {
        memo.forgetPeople()
        return try write { db in
            let id = try Queries.personID(db, person)
            let keys = NameKeys(name)
            let moved = try Row.fetchAll(db, sql: """
                SELECT documentId, localId, name FROM personMention WHERE personId = ?
                """, arguments: [id]).filter { ManualJudgements.splitMoves(mention: $0["name"], split: name) }
            guard !moved.isEmpty else { throw StoreError.notFound(what: "a mention named '\(name)' of person \(id)") }
            try db.execute(sql: "INSERT INTO correction (kind, nameKey, personId, createdAt) VALUES ('split', ?, ?, ?)",
                           arguments: [keys.aliasKey, id, IngestRecords.now()])
            let ingestor = SQLiteIngestor(db: db)
            let newID = try ingestor.createPerson(name: name, country: try String.fetchOne(db, sql: "SELECT country FROM person WHERE id = ?", arguments: [id]))
            for row in moved {
                let doc: String = row["documentId"], local: String = row["localId"]
                try db.execute(sql: "UPDATE personMention SET personId = ?, reason = 'user split' WHERE documentId = ? AND localId = ?",
                               arguments: [newID, doc, local])
                // The new person joins the events this document reports; the old one stays in those that
                // another of its documents also reports.
                try db.execute(sql: """
                    INSERT OR IGNORE INTO eventParticipant (eventId, personId, role, date)
                    SELECT eventId, ?, role, date FROM eventParticipant WHERE personId = ? AND eventId IN
                      (SELECT eventId FROM eventSource WHERE documentId = ?)
                    """, arguments: [newID, id, doc])
                try db.execute(sql: """
                    DELETE FROM eventParticipant WHERE personId = ? AND eventId IN (SELECT eventId FROM eventSource WHERE documentId = ?)
                      AND eventId NOT IN (SELECT eventSource.eventId FROM eventSource JOIN personMention
                        ON personMention.documentId = eventSource.documentId WHERE personMention.personId = ?)
                    """, arguments: [id, doc, id])
            }
            try db.execute(sql: "DELETE FROM personAlias WHERE personId = ? AND aliasKey = ?", arguments: [id, keys.aliasKey])
            try ingestor.addAlias(newID, name)
            return try Queries.summary(db, newID)
        }
    }

    // MARK: - Queries

    public func events(_ filter: EventFilter) throws -> [EventSummary] { try read { try Queries.events($0, filter) } }

    public func people(search: String?, country: String?, organization: String?, limit: Int) throws -> [PersonSummary] {
        try read { try Queries.people($0, search: search, country: country, organization: organization, limit: limit) }
    }

    public func person(_ nameOrID: String, timelineLimit: Int) throws -> PersonProfile {
        try read { try Queries.profile($0, nameOrID, timelineLimit: timelineLimit) }
    }

    public func search(_ words: String, limit: Int) throws -> [SearchHit] { try read { try Queries.search($0, words, limit: limit) } }

    public func stats() throws -> StoreStats {
        var s = try read { try Queries.stats($0) }
        // The file and its write-ahead log: until a checkpoint, recent transactions live only in the log.
        func size(_ p: String) -> Int64? { (try? FileManager.default.attributesOfItem(atPath: p)[.size] as? NSNumber)?.int64Value }
        s.databaseBytes = size(path).map { $0 + (size(path + "-wal") ?? 0) }
        return s
    }

    public func exportAnnotations() throws -> [DocumentAnnotation] { try read { try Queries.annotations($0) } }
}

import GRDB

/// The fetch log in the SQLite event database (table `fetchLog`, migration "v3-fetch-log").
public final class SQLiteFetchLog: FetchLog, @unchecked Sendable {
    let store: SQLiteEventStore

    /// The log of an open database (its schema is already up to date).
    public init(store: SQLiteEventStore) { self.store = store }

    public func record(for url: String) throws -> FetchRecord? {
        try store.read { db in
            try Row.fetchOne(db, sql: "SELECT url, status, etag, lastModified, contentHash, fetchedAt FROM fetchLog WHERE url = ?",
                             arguments: [url]).map {
                FetchRecord(url: $0["url"], status: $0["status"], etag: $0["etag"], lastModified: $0["lastModified"],
                            contentHash: $0["contentHash"], fetchedAt: $0["fetchedAt"])
            }
        }
    }

    public func save(_ r: FetchRecord) throws {
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO fetchLog (url, status, etag, lastModified, contentHash, fetchedAt) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(url) DO UPDATE SET status = excluded.status, etag = excluded.etag, lastModified = excluded.lastModified,
                  contentHash = excluded.contentHash, fetchedAt = excluded.fetchedAt
                """, arguments: [r.url, r.status, r.etag, r.lastModified, r.contentHash, r.fetchedAt])
        }
    }
}

extension FetchLogSchema {
    static func createSQLite(_ db: Database) throws {
        try db.create(table: "fetchLog") { t in
            t.primaryKey("url", .text)
            t.column("status", .integer).notNull()
            t.column("etag", .text)
            t.column("lastModified", .text)
            t.column("contentHash", .text)
            t.column("fetchedAt", .text).notNull()
        }
    }
}

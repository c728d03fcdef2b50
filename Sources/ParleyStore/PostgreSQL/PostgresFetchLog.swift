import PostgresNIO

/// The fetch log in the PostgreSQL event database (table `fetchlog`, migration "v3-fetch-log").
public final class PostgresFetchLog: FetchLog, @unchecked Sendable {
    let store: PostgresEventStore

    /// The log of an open database (its schema is already up to date).
    public init(store: PostgresEventStore) { self.store = store }

    public func record(for url: String) throws -> FetchRecord? {
        try store.withSession { s in
            guard let row = try s.rows("SELECT url, status, etag, lastModified, contentHash, fetchedAt FROM fetchLog WHERE url = \(url)").first else { return nil }
            let (u, status, etag, lastModified, hash, at) = try s.decode(row, (String, Int, String?, String?, String?, String).self)
            return FetchRecord(url: u, status: status, etag: etag, lastModified: lastModified, contentHash: hash, fetchedAt: at)
        }
    }

    public func save(_ r: FetchRecord) throws {
        try store.withSession { s in
            try s.execute("""
                INSERT INTO fetchLog (url, status, etag, lastModified, contentHash, fetchedAt)
                VALUES (\(r.url), \(r.status), \(r.etag), \(r.lastModified), \(r.contentHash), \(r.fetchedAt))
                ON CONFLICT (url) DO UPDATE SET status = EXCLUDED.status, etag = EXCLUDED.etag, lastModified = EXCLUDED.lastModified,
                  contentHash = EXCLUDED.contentHash, fetchedAt = EXCLUDED.fetchedAt
                """)
        }
    }
}

extension FetchLogSchema {
    static let postgres: [String] = [
        """
        CREATE TABLE fetchLog (
          url text PRIMARY KEY,
          status integer NOT NULL,
          etag text,
          lastModified text,
          contentHash text,
          fetchedAt text NOT NULL
        )
        """,
    ]
}

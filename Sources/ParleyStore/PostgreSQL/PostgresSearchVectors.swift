import Foundation
import NIOCore
import PostgresNIO

/// Documents' full-text vectors computed on a connection of their own while the batch's writer reads and decides on
/// the main one. `to_tsvector('english', …)` over a release is about half of the server's work for a document; as a
/// generated column it ran inside the batch's document insert, after everything else the batch waits for. Here it runs
/// in parallel on a second server process, comes back in PostgreSQL's binary form and goes into `document.search`
/// unchanged. A document stored without a vector (small batches, a helper connection that failed) gets it from the
/// `document_search` trigger, from the same expression, so every path indexes a document the same way.
final class PostgresSearchVectors: @unchecked Sendable {
    /// The vector of a document row, as the generated column had it.
    static func vector(title: String, text: String) -> String {
        "to_tsvector('english'::regconfig, coalesce(\(title), '') || ' ' || \(text))"
    }

    /// Batches smaller than this leave the vectors to the trigger (a second connection is not worth it).
    static let minimumBatch = 16

    /// `search` becomes a plain column that the ingest fills; the trigger fills it for any other insert and keeps it
    /// in step with the title and text.
    static let migration: [String] = [
        "ALTER TABLE document ALTER COLUMN search DROP EXPRESSION",
        """
        CREATE FUNCTION parley_document_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.search := \(vector(title: "NEW.title", text: "NEW.text"));
          RETURN NEW;
        END $$
        """,
        """
        CREATE TRIGGER document_search_insert BEFORE INSERT ON document FOR EACH ROW WHEN (NEW.search IS NULL)
        EXECUTE FUNCTION parley_document_search()
        """,
        """
        CREATE TRIGGER document_search_update BEFORE UPDATE OF title, text ON document FOR EACH ROW
        WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION parley_document_search()
        """,
    ]

    /// The vectors of one batch, on their way: (position in the batch from 1, vector) for the documents that need one.
    struct Request {
        let future: EventLoopFuture<[(Int64, ByteBuffer)]>?
        let count: Int

        /// The vector of each document of the batch, by position; nil for a document stored already with the same
        /// content, and for all of them when the helper connection failed.
        func vectors() -> [ByteBuffer?] {
            var out = [ByteBuffer?](repeating: nil, count: count)
            guard let future, let found = try? future.wait() else { return out }
            for (k, vector) in found where k >= 1 && Int(k) <= count { out[Int(k) - 1] = vector }
            return out
        }
    }

    private let location: PostgresLocation
    private let lock = NSLock()
    private var session: PostgresSession?
    private var failed = false
    /// Requests started ahead of their batch (`prepare`), oldest first, by their documents' ids and content hashes.
    private var ahead: [(key: [String], request: Request)] = []

    init(location: PostgresLocation) { self.location = location }

    deinit { session?.close() }

    /// Starts a batch's vectors before its turn to be ingested (at most a few batches are kept waiting).
    func prepare(_ batch: [PreparedDocument]) {
        let request = start(batch)
        lock.lock()
        defer { lock.unlock() }
        ahead.append((Self.key(batch), request))
        if ahead.count > 4 { ahead.removeFirst() }
    }

    /// The batch's request started by `prepare`, or one started now.
    func take(_ batch: [PreparedDocument]) -> Request {
        let key = Self.key(batch)
        lock.lock()
        if let k = ahead.firstIndex(where: { $0.key == key }) {
            let request = ahead[k].request
            ahead.removeSubrange(...k)
            lock.unlock()
            return request
        }
        lock.unlock()
        return start(batch)
    }

    static func key(_ batch: [PreparedDocument]) -> [String] { batch.map { $0.annotation.id + "\u{1F}" + $0.contentHash } }

    /// Sends the batch's titles and texts (as the ingest stores them) to the helper connection and returns at once.
    func start(_ batch: [PreparedDocument]) -> Request {
        guard batch.count >= Self.minimumBatch else { return Request(future: nil, count: batch.count) }
        lock.lock()
        defer { lock.unlock() }
        guard let s = helper() else { return Request(future: nil, count: batch.count) }
        var binds = PostgresBindings(capacity: 2)
        do {
            try binds.append(TextColumn(batch.map(\.annotation.id)))
            try binds.append(TextColumn(batch.map(\.contentHash)))
        } catch {
            return Request(future: nil, count: batch.count)
        }
        // Documents stored already with the same content are skipped by the ingest and need no vector (nor their text
        // sent): which ones do is asked first, on the same connection, without waiting.
        let stale = PostgresQuery(unsafeSQL: """
            SELECT d.k FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS d(id, hash, k)
            WHERE NOT EXISTS (SELECT 1 FROM document WHERE document.id = d.id AND document.contentHash = d.hash)
            """, binds: binds)
        let connection = s.connection, logger = s.logger
        let future = connection.query(stale, logger: logger).flatMap { result -> EventLoopFuture<[(Int64, ByteBuffer)]> in
            let wanted = result.rows.compactMap { try? $0.decode(Int64.self) }.filter { $0 >= 1 && Int($0) <= batch.count }
            guard !wanted.isEmpty else { return connection.eventLoop.makeSucceededFuture([]) }
            let documents = wanted.map { batch[Int($0) - 1] }
            let storable = PostgresRowEdits.storable
            var binds = PostgresBindings(capacity: 3)
            do {
                try binds.append(wanted)
                try binds.append(TextColumn(documents.map { $0.annotation.title.map(storable) }))
                try binds.append(TextColumn(documents.map { storable($0.document.text) }))
            } catch {
                return connection.eventLoop.makeFailedFuture(error)
            }
            let query = PostgresQuery(unsafeSQL: """
                SELECT d.k, \(Self.vector(title: "d.title", text: "d.text")) FROM unnest($1::bigint[], $2::text[], $3::text[]) AS d(k, title, text)
                """, binds: binds)
            return connection.query(query, logger: logger).map { result in
                result.rows.compactMap { try? $0.decode((Int64, ByteBuffer).self) }
            }
        }
        return Request(future: future, count: batch.count)
    }

    /// The helper connection, opened on first use in the store's schema; nil (for good) when it cannot be opened.
    private func helper() -> PostgresSession? {
        if let session { return session }
        guard !failed else { return nil }
        do {
            let s = try PostgresSession.connect(location)
            if let schema = location.schema {
                try s.execute(PostgresQuery(unsafeSQL: "SET search_path TO \(schema)"))
            }
            session = s
            return s
        } catch {
            failed = true
            return nil
        }
    }
}

import GRDB

/// A full-text index kept in step with its table once per transaction instead of once per row: triggers note
/// the rows inserted since the last `flush`, and `flush` indexes them with one statement, which costs FTS5 a
/// fraction of row-by-row inserts. Deletes and updates of rows already indexed still reach the index at once;
/// a row deleted before it was indexed is simply forgotten. Every write transaction of the store ends with a
/// flush, so readers never see a row that is missing from the index.
struct SearchIndex: Sendable {
    /// The content table.
    var table: String
    /// The FTS5 table over it (external content, `content_rowid` = rowid).
    var index: String
    /// The indexed columns.
    var columns: [String]

    static let document = SearchIndex(table: "document", index: "documentSearch", columns: ["title", "text"])
    static let personAlias = SearchIndex(table: "personAlias", index: "personSearch", columns: ["alias"])
    static let all = [document, personAlias]

    /// The table of rows not indexed yet.
    var pending: String { table + "SearchPending" }

    /// Creates the pending table and the triggers (in a migration).
    func install(_ db: Database) throws {
        let cols = columns.joined(separator: ", ")
        let old = columns.map { "old.\($0)" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE \(pending) (rowid INTEGER PRIMARY KEY);
            CREATE TRIGGER \(table)_search_insert AFTER INSERT ON \(table) BEGIN
              INSERT OR IGNORE INTO \(pending)(rowid) VALUES (new.rowid);
            END;
            CREATE TRIGGER \(table)_search_delete AFTER DELETE ON \(table) BEGIN
              INSERT INTO \(index)(\(index), rowid, \(cols)) SELECT 'delete', old.rowid, \(old)
                WHERE NOT EXISTS (SELECT 1 FROM \(pending) WHERE rowid = old.rowid);
              DELETE FROM \(pending) WHERE rowid = old.rowid;
            END;
            CREATE TRIGGER \(table)_search_update AFTER UPDATE ON \(table) BEGIN
              INSERT INTO \(index)(\(index), rowid, \(cols)) SELECT 'delete', old.rowid, \(old)
                WHERE NOT EXISTS (SELECT 1 FROM \(pending) WHERE rowid = old.rowid);
              DELETE FROM \(pending) WHERE rowid = old.rowid;
              INSERT OR IGNORE INTO \(pending)(rowid) VALUES (new.rowid);
            END;
            """)
    }

    /// Indexes the rows noted since the last flush.
    func flush(_ db: Database) throws {
        let cols = columns.joined(separator: ", ")
        let source = columns.map { "t.\($0)" }.joined(separator: ", ")
        try db.cachedStatement(sql: """
            INSERT INTO \(index)(rowid, \(cols)) SELECT t.rowid, \(source) FROM \(pending) p JOIN \(table) t ON t.rowid = p.rowid
            """).execute()
        try db.cachedStatement(sql: "DELETE FROM \(pending)").execute()
    }
}

import GRDB
import GRDBSQLite

/// A value bound straight into an SQLite statement.
protocol FastBindable {
    func bind(to statement: OpaquePointer, at index: Int32)
}

/// SQLite copies bound text and blobs at once (`SQLITE_TRANSIENT`).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension Int64: FastBindable {
    func bind(to statement: OpaquePointer, at index: Int32) { sqlite3_bind_int64(statement, index, self) }
}

extension Int: FastBindable {
    func bind(to statement: OpaquePointer, at index: Int32) { sqlite3_bind_int64(statement, index, Int64(self)) }
}

extension Bool: FastBindable {
    func bind(to statement: OpaquePointer, at index: Int32) { sqlite3_bind_int64(statement, index, self ? 1 : 0) }
}

extension Double: FastBindable {
    func bind(to statement: OpaquePointer, at index: Int32) { sqlite3_bind_double(statement, index, self) }
}

extension String: FastBindable {
    func bind(to statement: OpaquePointer, at index: Int32) {
        var s = self
        s.withUTF8 { bytes in
            _ = sqlite3_bind_text(statement, index, UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                .assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
        }
    }
}

extension Optional: FastBindable where Wrapped: FastBindable {
    func bind(to statement: OpaquePointer, at index: Int32) {
        if let v = self { v.bind(to: statement, at: index) } else { sqlite3_bind_null(statement, index) }
    }
}

/// One row of a `FastStatement` query, read column by column (columns count from 0).
struct FastRow {
    let statement: OpaquePointer

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }

    func text(_ column: Int32) -> String? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL, let p = sqlite3_column_text(statement, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }
}

/// A cached statement run through SQLite's C interface: values bound in place with no argument array, rows read
/// column by column. The ingest's hot statements, run tens of times per document, and the events lists' reads use
/// it; everything else uses GRDB.
struct FastStatement {
    let db: Database
    let handle: OpaquePointer
    let sql: String

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        self.sql = sql
        handle = try db.cachedStatement(sql: sql).sqliteStatement
    }

    private func bindAll<each V: FastBindable>(_ values: repeat each V) {
        sqlite3_reset(handle)
        var index: Int32 = 0
        for value in repeat each values {
            index += 1
            value.bind(to: handle, at: index)
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }

    /// Runs a statement that returns no rows.
    func run<each V: FastBindable>(_ values: repeat each V) throws {
        bindAll(repeat each values)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        if code != SQLITE_DONE && code != SQLITE_ROW { throw failure(code) }
    }

    /// Runs a query and hands each row to `body`.
    func forEach<each V: FastBindable>(_ values: repeat each V, row body: (FastRow) throws -> Void) throws {
        bindAll(repeat each values)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            if code != SQLITE_ROW { throw failure(code) }
            try body(FastRow(statement: handle))
        }
    }

    /// Runs a query and hands each row to `body` until it returns true; returns whether it did.
    @discardableResult
    func scan<each V: FastBindable>(_ values: repeat each V, until body: (FastRow) throws -> Bool) throws -> Bool {
        bindAll(repeat each values)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return false }
            if code != SQLITE_ROW { throw failure(code) }
            if try body(FastRow(statement: handle)) { return true }
        }
    }

    /// The first column of the first row as an integer, if any row.
    func int64<each V: FastBindable>(_ values: repeat each V) throws -> Int64? {
        var out: Int64?
        try forEach(repeat each values, row: { row in if out == nil { out = row.int64(0) } })
        return out
    }

    /// The first column of the first row as text, if any row.
    func text<each V: FastBindable>(_ values: repeat each V) throws -> String? {
        var out: String?
        var seen = false
        try forEach(repeat each values, row: { row in if !seen { seen = true; out = row.text(0) } })
        return out
    }
}

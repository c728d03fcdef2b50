import Foundation
import GRDB
@testable import ParleyStore
import Testing

/// Statements bound through SQLite's C interface store and read back exactly what GRDB would.
struct FastStatementTests {
    @Test func valuesOfEveryKindRoundTrip() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER, b TEXT, c REAL, d INTEGER, e TEXT)")
            let insert = try FastStatement(db, "INSERT INTO t (a, b, c, d, e) VALUES (?, ?, ?, ?, ?)")
            try insert.run(Int64(7), "Nguyễn Văn An", 0.25, true, String?.none)
            try insert.run(8, "", 1.5, false, Optional("x"))
            var rows: [String] = []
            try FastStatement(db, "SELECT a, b, e FROM t ORDER BY a").forEach(row: { row in
                rows.append("\(row.int64(0))|\(row.text(1) ?? "nil")|\(row.text(2) ?? "nil")")
            })
            #expect(rows == ["7|Nguyễn Văn An|nil", "8||x"])
            #expect(try Double.fetchOne(db, sql: "SELECT sum(c) FROM t") == 1.75)
            #expect(try Int.fetchOne(db, sql: "SELECT sum(d) FROM t") == 1)
            #expect(try FastStatement(db, "SELECT b FROM t WHERE a = ?").text(Int64(7)) == "Nguyễn Văn An")
            #expect(try FastStatement(db, "SELECT a FROM t WHERE a = ?").int64(Int64(99)) == nil)
        }
    }

    @Test func aFailingStatementThrowsWithItsSQL() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER PRIMARY KEY)")
            let insert = try FastStatement(db, "INSERT INTO t (a) VALUES (?)")
            try insert.run(Int64(1))
            do {
                try insert.run(Int64(1))
                Issue.record("a duplicate key was accepted")
            } catch let e as DatabaseError {
                #expect(e.resultCode == .SQLITE_CONSTRAINT)
                #expect(e.sql?.contains("INSERT INTO t") == true)
            }
            // The statement is usable again after the failure.
            try insert.run(Int64(2))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 2)
        }
    }
}

import Foundation
import GRDB

/// Time SQLite spent in each distinct SQL statement, for benchmarks: attach one to a store to see which
/// statements an ingest or a query pays for.
public final class StatementProfile: @unchecked Sendable {
    /// One statement's totals.
    public struct Entry: Sendable {
        public var sql: String
        public var executions: Int
        public var seconds: Double
    }

    private let lock = NSLock()
    private var totals: [String: (Int, UInt64)] = [:]

    public init() {}

    func record(_ sql: String, nanoseconds: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        let t = totals[sql] ?? (0, 0)
        totals[sql] = (t.0 + 1, t.1 + nanoseconds)
    }

    /// Statements by total time, most expensive first.
    public var entries: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return totals.map { Entry(sql: $0.key, executions: $0.value.0, seconds: Double($0.value.1) / 1e9) }.sorted { $0.seconds > $1.seconds }
    }

    /// Installs the profile on a connection.
    func attach(to db: Database) {
        db.trace(options: .profile) { [self] event in
            if case let .profile(statement, duration) = event { record(statement.sql, nanoseconds: UInt64(duration * 1e9)) }
        }
    }
}

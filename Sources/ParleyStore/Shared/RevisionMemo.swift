import Foundation

/// Answers computed from one revision of the database (`SummaryTables.current`), kept until a write transaction
/// (of any process) makes a new revision: an aggregate that no table keeps is computed once per revision, not once
/// per request, and is never out of date. Holds at most `capacity` answers; the oldest go first.
final class RevisionMemo<Value: Sendable>: @unchecked Sendable {
    private struct Entry {
        var revision: Int64
        var value: Value
        var used: UInt64
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0
    let capacity: Int

    init(capacity: Int = 64) { self.capacity = capacity }

    /// The answer for `key` at `revision`, computed by `compute` when none is kept for that revision.
    func value(_ key: String, revision: Int64, compute: () throws -> Value) rethrows -> Value {
        lock.lock()
        clock += 1
        if let e = entries[key], e.revision == revision {
            entries[key]?.used = clock
            lock.unlock()
            return e.value
        }
        lock.unlock()
        let value = try compute()
        lock.lock()
        defer { lock.unlock() }
        if entries[key].map({ $0.revision <= revision }) ?? true {
            entries[key] = Entry(revision: revision, value: value, used: clock)
        }
        if entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries[oldest] = nil
        }
        return value
    }
}

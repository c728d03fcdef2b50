import Dispatch
import Foundation
import GRDB

/// Copies the write-ahead log back into the database file on its own thread and connection, so that the writer
/// never stops to checkpoint in the middle of an ingest. After a write transaction the store calls `didCommit`;
/// once the log has grown past `threshold` bytes a passive checkpoint runs (it copies what no reader still needs
/// and lets the writer go on appending). One runs at a time; SQLite's own automatic checkpoints are turned off
/// on the writer while this is in use. A writer that never pauses keeps the log from restarting, so past
/// `limit` bytes `didCommit` asks the writer for a truncating checkpoint, which then has little left to copy.
final class BackgroundCheckpointer: @unchecked Sendable {
    private let path: String
    private let threshold: Int64
    private let limit: Int64
    private let queue = DispatchQueue(label: "parley.sqlite.checkpoint")
    private let lock = NSLock()
    private var running = false
    private var connection: DatabaseQueue?

    init(path: String, threshold: Int64 = 32 << 20, limit: Int64 = 128 << 20) {
        self.path = path
        self.threshold = threshold
        self.limit = limit
    }

    /// Starts a checkpoint when the log is large enough and none is running. Returns true when the log has grown
    /// past the limit: the caller should then run a truncating checkpoint itself (a running one has finished).
    func didCommit() -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.int64Value ?? 0
        if size >= limit {
            queue.sync {}
            return true
        }
        guard size >= threshold else { return false }
        lock.lock()
        if running { lock.unlock(); return false }
        running = true
        lock.unlock()
        queue.async { [self] in
            defer { lock.lock(); running = false; lock.unlock() }
            do {
                if connection == nil {
                    var config = Configuration()
                    config.busyMode = .timeout(30)
                    connection = try DatabaseQueue(path: path, configuration: config)
                }
                try connection?.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
            } catch {
                // A checkpoint that cannot run now runs after a later commit; the log keeps every change meanwhile.
            }
        }
        return false
    }

    /// Waits for a running checkpoint and closes the connection.
    func close() {
        queue.sync { try? connection?.close(); connection = nil }
    }
}

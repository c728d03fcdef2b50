import Foundation
import ParleyStore

/// A fetch log that forgets everything (`--no-memory`, tests).
public final class TransientFetchLog: FetchLog, @unchecked Sendable {
    let lock = NSLock()
    var records: [String: FetchRecord] = [:]
    public init() {}
    public func record(for url: String) throws -> FetchRecord? { lock.lock(); defer { lock.unlock() }; return records[url] }
    public func save(_ record: FetchRecord) throws { lock.lock(); defer { lock.unlock() }; records[record.url] = record }
}

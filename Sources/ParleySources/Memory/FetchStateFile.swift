import Foundation
import ParleyStore

/// The fetch log kept as a JSON file (`.parley-fetch-state.json` in the save directory) when there is no
/// database. Written through a temporary file and a rename, at most once a second while records change and again
/// by `flush()` (or when the log is released), so a large run does not rewrite the file per page and an
/// interrupted one loses at most the last second.
public final class FetchStateFile: FetchLog, @unchecked Sendable {
    public let path: String
    let lock = NSLock()
    var records: [String: FetchRecord]
    var dirty = false
    var lastWrite = Date.distantPast

    /// The file name used inside a save directory.
    public static let fileName = ".parley-fetch-state.json"

    /// Loads `path` (an absent file is an empty log); a damaged file throws an error naming it.
    public init(path: String) throws(SourceError) {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else { records = [:]; return }
        do {
            let list = try JSONDecoder().decode([FetchRecord].self, from: data)
            records = Dictionary(list.map { ($0.url, $0) }, uniquingKeysWith: { _, b in b })
        } catch {
            throw SourceError(source: path, message: "the fetch state file is damaged (\(error)); move it away to start afresh")
        }
    }

    public func record(for url: String) throws -> FetchRecord? {
        lock.lock()
        defer { lock.unlock() }
        return records[url]
    }

    public func save(_ record: FetchRecord) throws {
        lock.lock()
        defer { lock.unlock() }
        records[record.url] = record
        dirty = true
        if Date().timeIntervalSince(lastWrite) >= 1 { try write() }
    }

    /// Writes pending changes now.
    public func flush() throws {
        lock.lock()
        defer { lock.unlock() }
        if dirty { try write() }
    }

    deinit { if dirty { try? write() } }

    /// Writes every record (caller holds the lock).
    func write() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let list = records.values.sorted { $0.url < $1.url }
        try encoder.encode(list).write(to: URL(fileURLWithPath: path), options: .atomic)
        dirty = false
        lastWrite = Date()
    }
}

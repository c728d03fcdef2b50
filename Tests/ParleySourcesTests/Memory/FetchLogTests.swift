import Foundation
@testable import ParleyStore
import Testing
@testable import ParleySources

@Suite struct FetchLogTests {
    static let record = FetchRecord(url: "http://mfa.test/news/1", status: 200, etag: "\"abc\"", lastModified: "Tue, 10 Jun 2025 09:00:00 GMT",
                                    contentHash: "12ab", fetchedAt: "2025-06-10T09:00:01Z")

    func roundTrip(_ log: any FetchLog) throws {
        #expect(try log.record(for: Self.record.url) == nil)
        try log.save(Self.record)
        #expect(try log.record(for: Self.record.url) == Self.record)
        var changed = Self.record
        changed.status = 404
        changed.etag = nil
        try log.save(changed)
        #expect(try log.record(for: Self.record.url) == changed)
    }

    @Test func sqliteLogRemembers() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-log-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try roundTrip(SQLiteFetchLog(store: try SQLiteEventStore(path: path)))
        #expect(try SQLiteFetchLog(store: try SQLiteEventStore(path: path)).record(for: Self.record.url)?.status == 404)
    }

    @Test func stateFileRemembersAcrossLoads() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try FetchStateFile(path: path)
        try roundTrip(log)
        try log.flush()
        #expect(try FetchStateFile(path: path).record(for: Self.record.url)?.status == 404)
    }

    @Test func damagedStateFileIsNamed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SourceError.self) { try FetchStateFile(path: path) }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["PARLEY_TEST_POSTGRES_URL"] != nil))
    func postgresLogRemembers() throws {
        let base = ProcessInfo.processInfo.environment["PARLEY_TEST_POSTGRES_URL"]!
        let schema = "fetchlog_\(UInt32.random(in: 0...UInt32.max))"
        let url = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        let store = try PostgresEventStore(url: url)
        try roundTrip(PostgresFetchLog(store: store))
        try? store.dropSchema()
    }
}

import Foundation
import Testing
@testable import ParleyCore
@testable import ParleyStore

/// A PostgreSQL batch whose writes (sent without waiting for each answer) fail part-way: the error reaches the caller,
/// nothing of the batch is kept, and the store takes the next batch.
@Suite("PostgreSQL write failures")
struct PostgresWriteFailureTests {
    typealias B = BackendSuiteTests

    @Test("a batch failing in its writes stores nothing and the next batch is stored whole",
          .enabled(if: B.Backend.postgresURL != nil, "set PARLEY_TEST_POSTGRES_URL to run against PostgreSQL"))
    func failedWritesRollBack() throws {
        let releases = BackendParityTests.releases(count: 24)
        let k = try #require(releases.firstIndex { !$0.1.events.isEmpty })
        var broken = releases
        // The same event twice in one document: its source rows share a key, so a late insert of the batch fails.
        broken[k].1.events += broken[k].1.events
        try B.withStore(.postgres) { store in
            let pg = try #require(store as? PostgresEventStore)
            #expect(throws: (any Error).self) { _ = try store.ingest(batch: broken) }
            #expect(try store.stats().documents == 0)
            #expect(try store.stats().events == 0)
            _ = try store.ingest(batch: releases)
            #expect(try store.stats().documents == Set(releases.map(\.0.id)).count)
            #expect(try SearchVectorTests.staleVectors(pg) == 0)
        }
    }
}

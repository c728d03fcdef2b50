import Foundation
import PostgresNIO
import Testing
@testable import ParleyCore
@testable import ParleyStore

/// PostgreSQL documents' search vectors: computed on the store's second connection for large batches and by the
/// `document_search` trigger otherwise, they must equal the English vector of the stored title and text either way,
/// follow a replaced text, and find the same documents.
@Suite("PostgreSQL search vectors")
struct SearchVectorTests {
    typealias B = BackendSuiteTests

    /// Documents whose vector is missing or differs from the one computed from their stored title and text.
    static func staleVectors(_ store: PostgresEventStore) throws -> Int {
        try store.withSession { s in
            try s.value(PostgresQuery(unsafeSQL: """
                SELECT count(*) FROM document WHERE search IS NULL
                  OR search IS DISTINCT FROM \(PostgresSearchVectors.vector(title: "title", text: "text"))
                """), as: Int64.self).map(Int.init) ?? -1
        }
    }

    @Test("large and small batches store the vector of the stored text, and search finds the same documents",
          .enabled(if: B.Backend.postgresURL != nil, "set PARLEY_TEST_POSTGRES_URL to run against PostgreSQL"))
    func vectorsMatchTheText() throws {
        let releases = BackendParityTests.releases(count: 40)
        #expect(releases.count >= PostgresSearchVectors.minimumBatch)
        var hits: [[SearchHit]] = []
        for batch in [releases.count, 1] {
            try B.withStore(.postgres) { store in
                let pg = try #require(store as? PostgresEventStore)
                try BackendParityTests.ingest(releases, into: store, batch: batch)
                #expect(try Self.staleVectors(pg) == 0)
                // A new version of every document, in one batch: the vectors follow the new text.
                let changed = releases.map { r -> (Document, DocumentAnnotation) in
                    var (doc, a) = r
                    doc.text += " Addendum on quinoa exports."
                    return (doc, a)
                }
                _ = try store.ingest(batch: changed)
                #expect(try Self.staleVectors(pg) == 0)
                let found = try store.search("quinoa", limit: 100)
                #expect(found.count == releases.count)
                hits.append(found)
                // A title changed in place is indexed again by the trigger.
                try pg.withSession { s in try s.execute("UPDATE document SET title = 'Sorghum' WHERE id = \(releases[0].0.id)") }
                #expect(try Self.staleVectors(pg) == 0)
                #expect(try store.search("sorghum", limit: 10).map(\.documentId) == [releases[0].0.id])
            }
        }
        #expect(hits.first == hits.last)
    }
}

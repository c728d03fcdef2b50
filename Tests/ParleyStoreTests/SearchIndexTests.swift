import Foundation
import GRDB
@testable import ParleyStore
import Testing

/// Full-text indexes filled once per transaction: complete after every write, never holding a deleted row.
struct SearchIndexTests {
    func checkIndexes(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for index in SearchIndex.all {
                try db.execute(sql: "INSERT INTO \(index.index)(\(index.index)) VALUES('integrity-check')")
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(index.pending)") == 0)
            }
        }
    }

    @Test func aDocumentIsSearchableOnceItsBatchIsStored() throws {
        let t = try TestStore()
        let batch = [extracted("r1", "Minister Lena Okafor received the ambassador of Peru to discuss copper exports."),
                     extracted("r2", "The delegation of the Green Party visited a vineyard cooperative in the south.")]
        _ = try t.store.ingest(batch: batch)
        #expect(try t.store.search("copper", limit: 5).map(\.documentId) == ["r1"])
        #expect(try t.store.search("vineyard", limit: 5).map(\.documentId) == ["r2"])
        #expect(try t.store.people(search: "Okafor", country: nil, organization: nil, limit: 5).map(\.name) == ["Lena Okafor"])
        try checkIndexes(t.path)
    }

    @Test func aDocumentReplacedInsideItsOwnBatchLeavesOnlyTheNewText() throws {
        let t = try TestStore()
        let first = extracted("r1", "Minister Lena Okafor received the ambassador of Peru to discuss copper exports.")
        let second = extracted("r1", "Minister Lena Okafor received the ambassador of Peru to discuss lithium mining.")
        #expect(try t.store.ingest(batch: [first, second]) == [.inserted, .replaced])
        #expect(try t.store.search("copper", limit: 5).isEmpty)
        #expect(try t.store.search("lithium", limit: 5).map(\.documentId) == ["r1"])
        try checkIndexes(t.path)
    }

    @Test func replacingAnIndexedDocumentRemovesItsOldWords() throws {
        let t = try TestStore()
        try t.ingest("r1", "Minister Lena Okafor received the ambassador of Peru to discuss copper exports.")
        try t.ingest("r1", "Minister Lena Okafor received the ambassador of Peru to discuss lithium mining.")
        #expect(try t.store.search("copper", limit: 5).isEmpty)
        #expect(try t.store.search("lithium", limit: 5).map(\.documentId) == ["r1"])
        try checkIndexes(t.path)
    }
}

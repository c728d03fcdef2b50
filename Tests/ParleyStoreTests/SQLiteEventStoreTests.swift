import Foundation
import ParleyCore
import ParleyStore
import Testing

// The SQLite store: opening, idempotent and replacing ingests, atomic batches, and user corrections
// that survive later ingests.

/// Counts that must not change when nothing should (the file size may).
func storeCounts(_ s: StoreStats) -> [Int] { [s.documents, s.people, s.organizations, s.events, s.eventSources, s.planned] }

@Suite struct OpeningTests {
    @Test func newDatabaseIsCreatedEmpty() throws {
        let db = try TestStore()
        #expect(FileManager.default.fileExists(atPath: db.path))
        let stats = try db.store.stats()
        #expect(storeCounts(stats) == [0, 0, 0, 0, 0, 0])
        #expect(stats.eventsByType.isEmpty)
    }

    @Test func reopeningKeepsTheContents() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let path = folder.path("events.sqlite")
        do {
            let store = try SQLiteEventStore(path: path)
            let (document, annotation) = extracted("a", Releases.lavrovMoscowSide)
            _ = try store.ingest(document, annotation)
        }
        let reopened = try SQLiteEventStore(path: path)
        #expect(try reopened.stats().documents == 1)
        let readOnly = try SQLiteEventStore(path: path, readOnly: true)
        #expect(try readOnly.stats().documents == 1)
    }

    @Test func storeOpenedReadOnlyCannotWrite() throws {
        let db = try TestStore()
        try db.ingest("a", Releases.lavrovMoscowSide)
        let readOnly = try SQLiteEventStore(path: db.path, readOnly: true)
        let (document, annotation) = extracted("b", Releases.lavrovBeijingSide)
        #expect(throws: (any Error).self) { try readOnly.ingest(document, annotation) }
        #expect(try db.store.stats().documents == 1)
    }

    @Test func contentHashIsStableAndDependsOnTheText() {
        let a = Document(id: "a", text: "Minister Ana Lopes met Ambassador Karim Haddad.", origin: "a.txt")
        var b = a
        #expect(SQLiteEventStore.contentHash(a) == SQLiteEventStore.contentHash(b))
        b.origin = "elsewhere/a.txt"
        #expect(SQLiteEventStore.contentHash(a) == SQLiteEventStore.contentHash(b), "where the file lies is not its content")
        b.text += " They discussed trade."
        #expect(SQLiteEventStore.contentHash(a) != SQLiteEventStore.contentHash(b))
        var c = a
        c.id = "c"
        #expect(SQLiteEventStore.contentHash(a) != SQLiteEventStore.contentHash(c))
    }
}

@Suite struct IdempotentIngestTests {
    @Test func ingestingTheSameDocumentTwiceChangesNothing() throws {
        let db = try TestStore()
        #expect(try db.ingest("a", Releases.lavrovMoscowSide) == .inserted)
        let before = try db.store.stats()
        let eventsBefore = try db.allEvents()
        let peopleBefore = try db.allPeople()
        #expect(try db.ingest("a", Releases.lavrovMoscowSide) == .unchanged)
        #expect(storeCounts(try db.store.stats()) == storeCounts(before))
        #expect(try db.allEvents() == eventsBefore)
        #expect(try db.allPeople() == peopleBefore)
    }

    @Test func ingestingTheSameBatchTwiceReportsUnchanged() throws {
        let db = try TestStore()
        let batch = Releases.corpus.map { extracted($0.0, $0.1) }
        #expect(try db.store.ingest(batch: batch) == Array(repeating: .inserted, count: batch.count))
        let before = try db.store.stats()
        #expect(try db.store.ingest(batch: batch) == Array(repeating: .unchanged, count: batch.count))
        #expect(storeCounts(try db.store.stats()) == storeCounts(before))
        #expect(before.documents == batch.count)
    }
}

@Suite struct ReplacingIngestTests {
    static let original = """
        Deputy Minister receives Ambassador of Peru
        2024-03-05

        QUITO, March 4 -- Ecuadorian Deputy Foreign Minister Andres Vela met with Peruvian Ambassador Lucia Paredes.

        The two discussed border trade.
        """
    static let corrected = """
        Deputy Minister receives Ambassador of Bolivia
        2024-03-05

        QUITO, March 4 -- Ecuadorian Deputy Foreign Minister Andres Vela met with Bolivian Ambassador Hector Quispe.

        The two discussed border trade.
        """

    @Test func changedDocumentReplacesItsFacts() throws {
        try requirePeople("v1", Self.original, [("Andres Vela", "ECU"), ("Lucia Paredes", "PER")])
        try requirePeople("v2", Self.corrected, [("Andres Vela", "ECU"), ("Hector Quispe", "BOL")])
        let db = try TestStore()
        #expect(try db.ingest("release", Self.original) == .inserted)
        #expect(try db.ingest("release", Self.corrected) == .replaced)
        let names = try db.allPeople().map(\.name).sorted()
        #expect(names == ["Andres Vela", "Hector Quispe"])
        let events = try db.allEvents()
        #expect(events.count == 1)
        #expect(events.first?.participants.map(\.name).sorted() == ["Andres Vela", "Hector Quispe"])
        #expect(events.first?.sources.count == 1)
        let stats = try db.store.stats()
        #expect(stats.documents == 1)
        #expect(stats.eventSources == 1)
        #expect(throws: StoreError.self) { try db.store.person("Lucia Paredes") }
    }

    @Test func replacingADocumentKeepsFactsOtherDocumentsSupport() throws {
        let db = try TestStore()
        try db.ingest([("a", Releases.lavrovMoscowSide), ("b", Releases.lavrovBeijingSide)])
        let changed = Releases.lavrovBeijingSide.replacingOccurrences(of: "strengthen strategic coordination", with: "deepen practical cooperation")
        #expect(try db.ingest("b", changed) == .replaced)
        let events = try db.allEvents()
        #expect(events.count == 1)
        #expect(events.first?.sources.map(\.documentId) == ["a", "b"])
        #expect(try db.person("Sergey Lavrov").documents == 2)
        #expect(try db.allPeople().count == 2)
    }

    @Test func replacingADocumentBackAndForthLeavesNoDuplicates() throws {
        let db = try TestStore()
        try db.ingest("release", Self.original)
        let first = try db.store.stats()
        try db.ingest("release", Self.corrected)
        #expect(try db.ingest("release", Self.original) == .replaced)
        #expect(storeCounts(try db.store.stats()) == storeCounts(first))
        #expect(try db.allPeople().map(\.name).sorted() == ["Andres Vela", "Lucia Paredes"])
    }
}

@Suite struct AtomicBatchTests {
    /// An annotation the database must refuse: the same local person id twice.
    func broken(_ id: String, _ text: String) throws -> (Document, DocumentAnnotation) {
        var (document, annotation) = extracted(id, text)
        let first = try #require(annotation.people.first)
        annotation.people.append(first)
        return (document, annotation)
    }

    @Test func aBatchWithAFailingDocumentLeavesNothingOfThatBatch() throws {
        let db = try TestStore()
        try db.ingest("earlier", Releases.lavrovMoscowSide)
        let before = try db.store.stats()
        let peopleBefore = try db.allPeople()
        let batch = [extracted("good", Releases.mensahTalks), try broken("bad", Releases.summitSidelines)]
        #expect(throws: (any Error).self) { try db.store.ingest(batch: batch) }
        #expect(storeCounts(try db.store.stats()) == storeCounts(before))
        #expect(try db.allPeople() == peopleBefore)
        #expect(throws: StoreError.self) { try db.store.person("Kofi Mensah") }
        #expect(try db.store.search("Jubilee", limit: 10).isEmpty)
    }

    @Test func theStoreStaysUsableAfterAFailedBatch() throws {
        let db = try TestStore()
        #expect(throws: (any Error).self) { try db.store.ingest(batch: [try broken("bad", Releases.summitSidelines)]) }
        #expect(try db.ingest("good", Releases.mensahTalks) == .inserted)
        #expect(try db.store.stats().documents == 1)
    }
}

@Suite struct CorrectionTests {
    @Test func mergeJoinsTwoPeople() throws {
        let db = try TestStore()
        try db.ingest([("ivan", Releases.petrovIvan), ("nikolai", Releases.petrovNikolai)])
        let people = try db.store.stats().people
        let merged = try db.store.merge("Nikolai Petrov", into: "Ivan Petrov")
        #expect(merged.documents == 2)
        #expect(merged.events == 2)
        #expect(try db.store.stats().people == people - 1)
        #expect(try db.person("Nikolai Petrov").id == merged.id)
        #expect(try db.store.person("Ivan Petrov").merges.contains { $0.reason == "user merge" })
    }

    @Test func mergeSurvivesReingestingAChangedCopyOfTheMergedDocument() throws {
        let db = try TestStore()
        try db.ingest([("ivan", Releases.petrovIvan), ("nikolai", Releases.petrovNikolai)])
        let kept = try db.store.merge("Nikolai Petrov", into: "Ivan Petrov")
        let changed = Releases.petrovNikolai.replacingOccurrences(of: "consular matters", with: "consular and visa matters")
        #expect(try db.ingest("nikolai", changed) == .replaced)
        let petrovs = try db.allPeople().filter { $0.name.hasSuffix("Petrov") }
        #expect(petrovs.map(\.id) == [kept.id])
        #expect(try db.person("Nikolai Petrov").id == kept.id)
        #expect(try db.person("Ivan Petrov").documents == 2)
    }

    @Test func mergeOfOnePersonWithItselfIsRefused() throws {
        let db = try TestStore()
        try db.ingest([("a", Releases.lavrovMoscowSide), ("b", Releases.lavrovBeijingSide)])
        #expect {
            try db.store.merge("Sergei Lavrov", into: "Sergey Lavrov")
        } throws: { error in
            guard case StoreError.invalidArgument(let message) = error else { return false }
            return message.contains("already the same person")
        }
    }

    @Test func mergeOfAnUnknownPersonIsNotFound() throws {
        let db = try TestStore()
        try db.ingest("a", Releases.lavrovMoscowSide)
        #expect {
            try db.store.merge("Nobody Atall", into: "Sergey Lavrov")
        } throws: { error in
            guard case StoreError.notFound(let what) = error else { return false }
            return what.contains("Nobody Atall")
        }
    }

    @Test func splitMovesANameToANewPerson() throws {
        let db = try TestStore()
        try db.ingest([("a", Releases.lavrovMoscowSide), ("b", Releases.lavrovBeijingSide)])
        let original = try db.person("Sergey Lavrov")
        let split = try db.store.split("Sergey Lavrov", name: "Sergei Lavrov")
        #expect(split.id != original.id)
        #expect(split.name == "Sergei Lavrov")
        #expect(split.documents == 1)
        #expect(try db.person("Sergey Lavrov").documents == 1)
        #expect(try db.person("Sergei Lavrov").id == split.id)
        #expect(try db.store.person("Sergei Lavrov").merges.map(\.reason) == ["user split"])
    }

    @Test func splitSurvivesReingestingAChangedCopyOfTheSplitDocument() throws {
        let db = try TestStore()
        try db.ingest([("a", Releases.lavrovMoscowSide), ("b", Releases.lavrovBeijingSide)])
        _ = try db.store.split("Sergey Lavrov", name: "Sergei Lavrov")
        let changed = Releases.lavrovBeijingSide.replacingOccurrences(of: "strengthen strategic coordination", with: "deepen practical cooperation")
        #expect(try db.ingest("b", changed) == .replaced)
        let sergey = try db.person("Sergey Lavrov"), sergei = try db.person("Sergei Lavrov")
        #expect(sergey.id != sergei.id)
        #expect(sergey.documents == 1)
        #expect(sergei.documents == 1)
        #expect(try db.allPeople().filter { $0.name.hasSuffix("Lavrov") }.count == 2)
    }

    @Test func splitOfANameThePersonDoesNotHaveIsNotFound() throws {
        let db = try TestStore()
        try db.ingest("a", Releases.lavrovMoscowSide)
        #expect {
            try db.store.split("Sergey Lavrov", name: "Sergei Lavrov")
        } throws: { error in
            guard case StoreError.notFound = error else { return false }
            return true
        }
    }

    @Test
    func splitLeavesThePersonInTheEventsItsOwnDocumentsReport() throws {
        let db = try TestStore()
        try db.ingest([("a", Releases.lavrovMoscowSide), ("b", Releases.lavrovBeijingSide)])
        let sergey = try db.person("Sergey Lavrov")
        _ = try db.store.split("Sergey Lavrov", name: "Sergei Lavrov")
        // Document a still says Sergey Lavrov met Wang Yi: its event must still list him.
        let reportedByA = try db.allEvents().filter { $0.sources.contains { $0.documentId == "a" } }
        #expect(!reportedByA.isEmpty)
        #expect(reportedByA.allSatisfy { $0.participants.contains { $0.id == sergey.id } })
        #expect(try db.person("Sergey Lavrov").events >= 1)
    }
}

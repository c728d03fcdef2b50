import Foundation
import GRDB
import ParleyStore
import Testing

// Opening a database that cannot be used gives a typed error whose message names the path, and
// leaves the file as it was.

/// The bytes of a file, to compare before and after a failed open.
func fileBytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

/// Opens a store expecting an error, and returns it.
func openingFails(_ path: String, readOnly: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) -> StoreError? {
    do {
        _ = try SQLiteEventStore(path: path, readOnly: readOnly)
        Issue.record("opening \(path) succeeded", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite struct StoreOpeningErrorTests {
    @Test func databaseInAMissingFolder() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let missing = folder.path("no-such-folder")
        let path = missing + "/events.sqlite"
        let error = try #require(openingFails(path))
        guard case .missingFolder(let p, let f) = error else { Issue.record("got \(error)"); return }
        #expect(p == path)
        #expect(f == missing)
        #expect(error.description.contains(path))
        #expect(error.description.contains("the folder \(missing) does not exist"))
        #expect(!FileManager.default.fileExists(atPath: missing), "the folder must not be created")
    }

    @Test func databaseUnderARegularFileIsAMissingFolder() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let file = folder.path("release.txt")
        try Data("Minister Ana Lopes met Ambassador Karim Haddad.".utf8).write(to: URL(fileURLWithPath: file))
        let error = try #require(openingFails(file + "/events.sqlite"))
        guard case .missingFolder = error else { Issue.record("got \(error)"); return }
        #expect(error.description.contains(file))
    }

    @Test func fileThatIsNotSQLite() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let path = folder.path("release.sqlite")
        let text = String(repeating: "Foreign Minister Ana Lopes received Ambassador Karim Haddad in Hanoi on 3 May 2024.\n", count: 60)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let before = fileBytes(path)
        let error = try #require(openingFails(path))
        guard case .notADatabase(let p) = error else { Issue.record("got \(error)"); return }
        #expect(p == path)
        #expect(error.description.contains(path))
        #expect(error.description.contains("not a Parley database"))
        #expect(fileBytes(path) == before, "the file must be left as it was")
    }

    @Test func fileThatIsNotSQLiteOpenedReadOnly() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let path = folder.path("release.sqlite")
        try Data(String(repeating: "not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let before = fileBytes(path)
        let error = try #require(openingFails(path, readOnly: true))
        guard case .notADatabase = error else { Issue.record("got \(error)"); return }
        #expect(fileBytes(path) == before)
    }

    @Test func databaseWithAnUnknownMigrationIsFromANewerParley() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let path = folder.path("events.sqlite")
        do {
            let store = try SQLiteEventStore(path: path)
            let (document, annotation) = extracted("a", Releases.lavrovMoscowSide)
            _ = try store.ingest(document, annotation)
        }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-a-newer-parley')")
            }
            try queue.close()
        }
        let before = fileBytes(path)
        for readOnly in [false, true] {
            let error = try #require(openingFails(path, readOnly: readOnly))
            guard case .newerSchema(let p) = error else { Issue.record("got \(error)"); continue }
            #expect(p == path)
            #expect(error.description.contains(path))
            #expect(error.description.contains("newer version of Parley"))
        }
        #expect(fileBytes(path) == before, "the file must be left as it was")
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM document") } == 1)
    }

    @Test func readOnlyFile() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let path = folder.path("events.sqlite")
        do {
            let store = try SQLiteEventStore(path: path)
            let (document, annotation) = extracted("a", Releases.lavrovMoscowSide)
            _ = try store.ingest(document, annotation)
        }
        #expect(chmod(path, 0o444) == 0)
        let before = fileBytes(path)
        if getuid() != 0 {
            let error = try #require(openingFails(path))
            guard case .readOnly(let p) = error else { Issue.record("got \(error)"); return }
            #expect(p == path)
            #expect(error.description.contains(path))
            #expect(error.description.contains("read-only"))
            #expect(fileBytes(path) == before)
        }
        // As root, file permissions are not enforced, so the read-only open is what keeps the file safe;
        // it must work on the read-only file and refuse every write.
        let store = try SQLiteEventStore(path: path, readOnly: true)
        #expect(try store.stats().documents == 1)
        let (document, annotation) = extracted("b", Releases.lavrovBeijingSide)
        #expect {
            _ = try store.ingest(document, annotation)
        } throws: { error in
            guard let e = error as? StoreError, case .readOnly(let p) = e else { return false }
            return p == path && e.description.contains(path)
        }
        #expect(throws: StoreError.self) { try store.merge("Wang Yi", into: "Sergey Lavrov") }
        #expect(try store.stats().documents == 1)
        #expect(fileBytes(path) == before)
    }

    @Test func readOnlyOpenOfAMissingFileIsNotFound() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let path = folder.path("events.sqlite")
        let error = try #require(openingFails(path, readOnly: true))
        guard case .notFound(let what) = error else { Issue.record("got \(error)"); return }
        #expect(what.contains(path))
        #expect(!FileManager.default.fileExists(atPath: path), "a read-only open must not create the file")
    }
}

@Suite struct StoreErrorMessageTests {
    @Test(arguments: [
        StoreError.missingFolder(path: "/data/x/events.sqlite", folder: "/data/x"),
        .notADatabase(path: "/data/x/events.sqlite"),
        .newerSchema(path: "/data/x/events.sqlite"),
        .readOnly(path: "/data/x/events.sqlite"),
        .underlying(path: "/data/x/events.sqlite", message: "disk I/O error"),
    ])
    func messagesNameThePath(error: StoreError) {
        #expect(error.description.hasPrefix("/data/x/events.sqlite: "))
    }

    @Test func missingFolderSaysWhatToDo() {
        let e = StoreError.missingFolder(path: "/data/x/events.sqlite", folder: "/data/x")
        #expect(e.description.contains("/data/x does not exist"))
        #expect(e.description.contains("--db"))
    }

    @Test func unreachableNamesTheLocationAndReason() {
        let e = StoreError.unreachable(location: "postgres://parley@db.example:5432/events", reason: "connection refused")
        #expect(e.description.contains("postgres://parley@db.example:5432/events"))
        #expect(e.description.contains("connection refused"))
    }

    @Test func notFoundAndInvalidArgument() {
        #expect(StoreError.notFound(what: "person 'Ingrid Solberg'").description == "person 'Ingrid Solberg' is not in the database")
        #expect(StoreError.invalidArgument("bad input").description == "bad input")
    }
}

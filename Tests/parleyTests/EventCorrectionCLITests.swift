import Foundation
import Testing

// `parley event`: showing an event with --why, correcting it (set, split, merge, reject) with a note, the log, undo,
// and the corrections holding when the releases are ingested again. Runs the built binary on the example releases.

private let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Examples")

@Suite(.enabled(if: parleyBinary != nil, "needs the parley binary"))
struct EventCorrectionCLITests {
    /// A database of the examples in a temporary folder, removed after `body`.
    func withExamples(_ body: (_ db: String, _ folder: URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-event-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("events.sqlite").path
        let run = try runParley(["ingest", "--db", db, examples.path])
        #expect(run.status == 0, "\(run.stderr)")
        try body(db, folder)
    }

    func events(_ db: String) throws -> [[String: Any]] {
        let run = try runParley(["events", "--db", db, "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    }

    /// The id of the event with two sources (the Ghana–Kenya talks of the examples).
    func twoSourceEvent(_ db: String) throws -> Int {
        try #require(try events(db).first { ($0["sources"] as? [Any])?.count == 2 && ($0["countries"] as? [String]) == ["GHA", "KEN"] }?["id"] as? Int)
    }

    @Test("event ID --why shows each source's report and why they were joined")
    func showWhy() throws {
        try withExamples { db, _ in
            let id = try twoSourceEvent(db)
            let run = try runParley(["event", "--db", db, "E\(id)", "--why"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("ghana-mfa-talks") && run.stdout.contains("kenya-mfa-talks"))
            #expect(run.stdout.contains("why the sources are one event:"))
            #expect(run.stdout.contains("joined ghana-mfa-talks (e1): same kind (MEET)"), "\(run.stdout)")
            let missing = try runParley(["event", "--db", db, "E99999"])
            #expect(missing.status == 1 && missing.stderr.contains("99999") && missing.stderr.contains("not in the database"))
        }
    }

    @Test("set, split and merge are logged with their notes, hold after ingesting again, and undo reverses them")
    func correctLogUndo() throws {
        try withExamples { db, folder in
            let id = try twoSourceEvent(db)
            let set = try runParley(["event", "set", "--db", db, "E\(id)", "--type", "visit", "--place", "Kumasi", "--note", "checked with the embassy"])
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.hasPrefix("1  ") && set.stdout.contains("type=VISIT") && set.stdout.contains("(checked with the embassy)"))
            let split = try runParley(["event", "split", "--db", db, "E\(id)", "--source", "kenya-mfa-talks"])
            #expect(split.status == 0, "\(split.stderr)")
            #expect(try events(db).filter { ($0["countries"] as? [String]) == ["GHA", "KEN"] }.count == 2)

            // A changed copy of one release, ingested again: the corrections still hold.
            let copies = folder.appendingPathComponent("copies")
            try FileManager.default.copyItem(at: examples, to: copies)
            let ghana = copies.appendingPathComponent("ghana-mfa-talks.txt")
            try (try String(contentsOf: ghana, encoding: .utf8) + "\nThe two ministers will meet again next year.\n").write(to: ghana, atomically: true, encoding: .utf8)
            let again = try runParley(["ingest", "--db", db, copies.path])
            #expect(again.stderr.contains("1 replaced"), "\(again.stderr)")
            let talks = try events(db).filter { ($0["countries"] as? [String]) == ["GHA", "KEN"] }
            #expect(talks.count == 2)
            #expect(talks.contains { $0["type"] as? String == "VISIT" && $0["place"] as? String == "Kumasi" }, "\(talks)")

            let log = try runParley(["event", "corrections", "--db", db])
            #expect(log.stdout.split(separator: "\n").count == 2 && log.stdout.contains("split source kenya-mfa-talks"))
            let undo = try runParley(["event", "undo", "--db", db, "2"])
            #expect(undo.status == 0 && undo.stdout.contains("undone"), "\(undo.stderr)")
            let joined = try events(db).filter { ($0["countries"] as? [String]) == ["GHA", "KEN"] }
            #expect(joined.count == 1 && (joined.first?["sources"] as? [Any])?.count == 2 && joined.first?["type"] as? String == "VISIT")
            let twice = try runParley(["event", "undo", "--db", db, "2"])
            #expect(twice.status == 1 && twice.stderr.contains("already undone"))
        }
    }

    @Test("reject removes an event until undone; bad input is a clear error")
    func rejectAndBadInput() throws {
        try withExamples { db, _ in
            let before = try events(db).count
            let id = try twoSourceEvent(db)
            #expect(try runParley(["event", "reject", "--db", db, "\(id)"]).status == 0)
            #expect(try events(db).count == before - 1)
            #expect(try runParley(["event", "undo", "--db", db, "1"]).status == 0)
            #expect(try events(db).count == before)
            // Undoing rebuilt the event from its releases: it has a new id.
            let rebuilt = try twoSourceEvent(db)
            let noChange = try runParley(["event", "set", "--db", db, "E\(rebuilt)"])
            #expect(noChange.status != 0 && noChange.stderr.contains("nothing to set"))
            let badType = try runParley(["event", "set", "--db", db, "E\(rebuilt)", "--type", "dance"])
            #expect(badType.status != 0 && badType.stderr.contains("unknown event type 'dance'"))
            let badPerson = try runParley(["event", "set", "--db", db, "E\(rebuilt)", "--add-participant", "Nobody Known"])
            #expect(badPerson.status == 1 && badPerson.stderr.contains("Nobody Known"))
            let badSource = try runParley(["event", "split", "--db", db, "E\(rebuilt)", "--source", "elsewhere"])
            #expect(badSource.status == 1 && badSource.stderr.contains("elsewhere"))
            #expect(try runParley(["event", "corrections", "--db", db]).stdout.split(separator: "\n").count == 1)
        }
    }
}

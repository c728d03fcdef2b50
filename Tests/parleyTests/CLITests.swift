import Foundation
import Testing

// End-to-end tests of the `parley` command-line tool: they run the built binary on temporary files.

private typealias Run = ParleyRun

/// Runs `parley` with `arguments` and no terminal on standard input.
private func parley(_ arguments: [String]) throws -> Run { try runParley(arguments) }

/// A fresh temporary directory with the given files (relative path → bytes).
private func workspace(_ files: [String: [UInt8]]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cli-\(UUID().uuidString)")
    for (path, bytes) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    return root
}

private func text(_ s: String) -> [UInt8] { Array(s.utf8) }

private let meetingRelease = text("""
    2024.05.04
    Minister Receives Envoy

    HANOI, May 3 -- Foreign Minister Ana Lopes met here with Ambassador Karim Haddad to discuss trade, investment and cultural exchanges between the two countries.
    Haddad said both sides would benefit from closer ties.
    """)

private let callRelease = text("""
    2024-06-12
    President Tomas Berg held a telephone conversation with President Nadia Karimova on 11 June 2024 to discuss energy cooperation and regional security.
    """)

private func json(_ url: URL) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
}

private func names(_ list: Any?) -> [String] {
    ((list as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
}

@Suite(.enabled(if: parleyBinary != nil, Comment(rawValue: binaryMissing)))
struct CLITests {
    @Test func extractWithOutputDirWritesOneJSONPerDocument() throws {
        let dir = try workspace(["meeting.txt": meetingRelease])
        let out = dir.appendingPathComponent("out")
        let run = try parley(["extract", "--output-dir", out.path, dir.appendingPathComponent("meeting.txt").path])
        #expect(run.status == 0, "\(run.stderr)")
        let doc = try json(out.appendingPathComponent("meeting.json"))
        #expect(doc["id"] as? String == "meeting")
        #expect(names(doc["people"]).contains("Ana Lopes"))
        #expect(names(doc["people"]).contains("Karim Haddad"))
        let events = try #require(doc["events"] as? [[String: Any]])
        #expect(events.first?["type"] as? String == "MEET")
        #expect(events.first?["date"] as? String == "2024-05-03")
        #expect(events.first?["place"] as? String == "Hanoi")
    }

    @Test func extractWritesJSONLinesOnStandardOutputByDefault() throws {
        let dir = try workspace(["a.txt": meetingRelease, "b.txt": callRelease])
        let run = try parley(["extract", dir.appendingPathComponent("a.txt").path, dir.appendingPathComponent("b.txt").path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let ids = try lines.map { line -> String? in
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return obj?["id"] as? String
        }
        #expect(ids == ["a", "b"])
    }

    @Test func extractTableFormatListsPeopleAndEvents() throws {
        let dir = try workspace(["meeting.txt": meetingRelease])
        let run = try parley(["extract", "--format", "table", dir.appendingPathComponent("meeting.txt").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("== meeting"))
        #expect(run.stdout.contains("PEOPLE"))
        #expect(run.stdout.contains("Ana Lopes"))
        #expect(run.stdout.contains("EVENTS"))
        #expect(run.stdout.contains("MEET"))
    }

    @Test
    func badInputsAreReportedAndGoodInputsStillWritten() throws {
        var binary: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        for i in 0..<2048 { binary.append(UInt8((i * 7919 + 13) % 256)) }
        let dir = try workspace([
            "good.txt": meetingRelease,
            "empty.txt": [],
            "binary.txt": binary,
            "badutf8.txt": text("abc") + [0xFF, 0xFE] + text(" broken ") + [0xC3, 0x28] + text(" text\n"),
            "arch.jsonl": text("{\"id\":\"a\",\"text\":\"Minister Ana Lopes met Karim Haddad on 3 May 2021 in Hanoi.\"}\n{not json\n"),
        ])
        let out = dir.appendingPathComponent("out")
        let inputs = ["good.txt", "empty.txt", "binary.txt", "badutf8.txt", "arch.jsonl"].map { dir.appendingPathComponent($0).path }
        let run = try parley(["extract", "--output-dir", out.path] + inputs)
        #expect(run.status == 1)
        for name in ["empty.txt", "binary.txt", "badutf8.txt"] {
            #expect(run.stderr.contains(name), "no message naming \(name): \(run.stderr)")
        }
        let jsonlLine = run.stderr.split(separator: "\n").first { $0.contains("arch.jsonl") }
        #expect(jsonlLine?.contains("line 2") == true, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("good.json").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a.json").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("empty.json").path))
    }

    @Test func aLargeJSONLinesFileStreamsInOrderWithItsBadLinesNamed() throws {
        // 3,000 records (over 1 MB, so read in several chunks), a blank line, a broken line and a repeated id.
        var lines: [String] = []
        for i in 1...3000 {
            lines.append("{\"id\":\"r\(i)\",\"text\":\"Minister Ana Lopes met Ambassador Karim Haddad in Accra on 3 May 2021 to discuss trade and energy, record \(i) of the archive, with words to pad it out to a realistic length for a release.\"}")
            if i == 10 { lines.append("") }
            if i == 20 { lines.append("{not json") }
            if i == 30 { lines.append("{\"id\":\"r5\",\"text\":\"A second record with the id of the fifth.\"}") }
        }
        let dir = try workspace(["big.jsonl": text(lines.joined(separator: "\n") + "\n")])
        let run = try parley(["text", "--jobs", "2", dir.appendingPathComponent("big.jsonl").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("big.jsonl: line 22"), "\(run.stderr)")          // the broken line (after the blank one)
        #expect(run.stderr.contains("line 33") && run.stderr.contains("duplicate id 'r5'"), "\(run.stderr)")
        let order = run.stdout.components(separatedBy: "record ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(order == Array(1...3000))
    }

    @Test func missingInputFileIsAnError() throws {
        let run = try parley(["extract", "/nonexistent/parley-test/none.txt"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("none.txt"))
    }

    @Test func unknownFlagExitsNonZero() throws {
        let dir = try workspace(["meeting.txt": meetingRelease])
        let run = try parley(["extract", "--no-such-flag", dir.appendingPathComponent("meeting.txt").path])
        #expect(run.status != 0)
        #expect(!run.stderr.isEmpty)
        #expect(run.stdout.isEmpty)
    }

    @Test func textWritesTheMainTextPerDocument() throws {
        let dir = try workspace(["meeting.txt": meetingRelease])
        let out = dir.appendingPathComponent("texts")
        let run = try parley(["text", "--output-dir", out.path, dir.appendingPathComponent("meeting.txt").path])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try String(contentsOf: out.appendingPathComponent("meeting.txt"), encoding: .utf8)
        #expect(written.contains("Foreign Minister Ana Lopes met here with Ambassador Karim Haddad"))
    }

    @Test func textPrintsToStandardOutputWithoutOutputDir() throws {
        let dir = try workspace(["meeting.txt": meetingRelease])
        let run = try parley(["text", dir.appendingPathComponent("meeting.txt").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Haddad said both sides would benefit"))
    }

    private func goldWorkspace() throws -> URL {
        let gold = """
            {"id": "meeting", "published": "2024-05-04",
             "people": [{"name": "Ana Lopes", "aliases": [], "titles": ["Foreign Minister"]},
                        {"name": "Karim Haddad", "aliases": ["Haddad"], "titles": ["Ambassador"]}],
             "organizations": [],
             "events": [{"type": "MEET", "date": "2024-05-03", "place": "Hanoi",
                         "participants": ["Ana Lopes", "Karim Haddad"], "organizations": [], "countries": [], "reported": false}]}
            """
        return try workspace(["releases/meeting.txt": meetingRelease, "gold/meeting.json": text(gold)])
    }

    @Test func evaluatePrintsTheScorePyKeys() throws {
        let dir = try goldWorkspace()
        let run = try parley(["evaluate", "--gold", dir.appendingPathComponent("gold").path, dir.appendingPathComponent("releases").path])
        #expect(run.status == 0, "\(run.stderr)")
        for key in ["docs", "missing_predictions", "event_p", "event_r", "event_f1", "event_f1_ignoring_dates",
                    "people_p", "people_r", "people_f1", "org_p", "org_r", "org_f1", "title_acc", "country_acc",
                    "xdoc_same_pairs", "xdoc_recall", "xdoc_false_merges"] {
            #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix(key + " ") }, "missing \(key) in:\n\(run.stdout)")
        }
    }

    @Test func evaluateJSONHasTheScorePyKeys() throws {
        let dir = try goldWorkspace()
        let run = try parley(["evaluate", "--json", "--gold", dir.appendingPathComponent("gold").path, dir.appendingPathComponent("releases").path])
        #expect(run.status == 0, "\(run.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(obj["event_f1"] != nil && obj["people_f1"] != nil && obj["docs"] as? Int == 1)
    }

    @Test func impossibleThresholdIsAValidationError() throws {
        let dir = try goldWorkspace()
        let run = try parley(["evaluate", "--min-event-f1", "1.01", "--gold", dir.appendingPathComponent("gold").path,
                              dir.appendingPathComponent("releases").path])
        #expect(run.status != 0 && run.status != 1, "validation errors use the usage exit code, got \(run.status)")
        #expect(run.stderr.contains("between 0 and 1"), "\(run.stderr)")
        #expect(!run.stdout.contains("event_f1"))
    }

    @Test func failingThresholdExitsOne() throws {
        let dir = try goldWorkspace()
        // A gold event the release does not state: F1 below 1.
        let extra = #"{"id": "meeting", "people": [], "organizations": [], "events": [{"type": "SIGN", "date": "1999-01-01", "participants": ["Nobody Here"], "organizations": [], "countries": []}]}"#
        try Data(extra.utf8).write(to: dir.appendingPathComponent("gold/meeting.json"))
        let run = try parley(["evaluate", "--min-event-f1", "1.0", "--gold", dir.appendingPathComponent("gold").path,
                              dir.appendingPathComponent("releases").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("below threshold"), "\(run.stderr)")
        #expect(run.stdout.contains("event_f1"))
    }

    @Test func directoryInputIsReadRecursively() throws {
        let dir = try workspace(["in/top.txt": meetingRelease, "in/2024/06/deep.txt": callRelease, "in/notes.pdf": text("ignored")])
        let out = dir.appendingPathComponent("out")
        let run = try parley(["extract", "--output-dir", out.path, dir.appendingPathComponent("in").path])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == ["deep.json", "top.json"])
    }

    /// Six releases and their paths, for the --jobs tests.
    private func sixReleases() throws -> [String] {
        var files: [String: [UInt8]] = [:]
        for i in 0..<6 { files["r\(i).txt"] = i % 2 == 0 ? meetingRelease : callRelease }
        let dir = try workspace(files)
        return (0..<6).map { dir.appendingPathComponent("r\($0).txt").path }
    }

    /// Each JSON line re-serialised with sorted keys, so runs compare by content.
    private func canonicalLines(_ stdout: String) throws -> [String] {
        try stdout.split(separator: "\n").map { line in
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return String(decoding: try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    @Test func parallelJobsGiveTheSameDocumentsInTheSameOrder() throws {
        let inputs = try sixReleases()
        let one = try parley(["extract", "--jobs", "1"] + inputs)
        let two = try parley(["extract", "--jobs", "2"] + inputs)
        #expect(one.status == 0 && two.status == 0)
        #expect(try canonicalLines(one.stdout) == canonicalLines(two.stdout))
        let ids = one.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (0..<6).map { "r\($0)" })
    }

    @Test
    func parallelJobsGiveByteIdenticalOutput() throws {
        let inputs = try sixReleases()
        let one = try parley(["extract", "--jobs", "1"] + inputs)
        let two = try parley(["extract", "--jobs", "2"] + inputs)
        #expect(one.stdout == two.stdout)
    }

    @Test func jobsOutOfRangeIsAValidationError() throws {
        let dir = try workspace(["meeting.txt": meetingRelease])
        let run = try parley(["extract", "--jobs", "0", dir.appendingPathComponent("meeting.txt").path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--jobs"))
    }
}

/// The README is a contract: every command of its event-database block runs as written on the examples
/// and shows something.
@Suite struct ReadmeCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `swift run parley …` lines of the README's block under `heading`, as argument lists (quotes
    /// honoured; comments and output redirections dropped).
    static func commands(under heading: String) throws -> [[String]] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: heading).dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n").compactMap { line -> [String]? in
            guard line.hasPrefix("swift run parley ") else { return nil }
            var args: [String] = [], current = "", quoted = false, started = false
            for ch in line.dropFirst("swift run parley ".count) {
                if ch == "\"" { quoted.toggle(); started = true; continue }
                if !quoted, ch == "#" || ch == ">" { break }
                if !quoted, ch == " " { if started { args.append(current); current = ""; started = false }; continue }
                current.append(ch); started = true
            }
            if started { args.append(current) }
            return args
        }
    }

    @Test func theEventDatabaseCommandsRunAsWrittenOnTheExamples() throws {
        let commands = try Self.commands(under: "## The event database")
        #expect(commands.count >= 5)
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("parley-readme-\(UUID().uuidString).sqlite").path
        for args in commands {
            let resolved = args.map { $0 == "Examples/" ? Self.root.appendingPathComponent("Examples").path + "/" : $0 }
            let run = try runParley(resolved + ["--db", db])
            #expect(run.status == 0, "\(args.joined(separator: " ")): \(run.stderr)")
            if args.first != "ingest" {
                #expect(!run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(args.joined(separator: " ")) printed nothing")
            }
        }
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GRDB
import ParleyStore
import Testing

// End-to-end tests of the database commands of `parley` (ingest, events, people, person, search,
// stats, export, merge): they run the built binary on temporary folders and databases.

private typealias StoreRun = ParleyRun

/// A temporary folder with releases in `releases/` and room for databases and exports; removed at the end.
private final class CLIWorkspace {
    let root: URL

    init(_ releases: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-store-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: releasesFolder, withIntermediateDirectories: true)
        for (name, text) in releases { try write(name, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var releasesFolder: URL { root.appendingPathComponent("releases") }
    var releases: String { releasesFolder.path }
    func path(_ name: String) -> String { root.appendingPathComponent(name).path }
    /// The database of `ingestedWorkspace()`.
    var db: String { path("events.sqlite") }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: releasesFolder.appendingPathComponent(name))
    }
}

private func jsonArray(_ text: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], "not a JSON array: \(text.prefix(200))")
}

private func jsonObject(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// Collects the attributes of the elements named `name`; nil when the XML does not parse.
private final class XMLAttributeCollector: NSObject, XMLParserDelegate {
    var found: [String: [[String: String]]] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        found[name, default: []].append(attributes)
    }
    static func parse(_ text: String) -> [String: [[String: String]]]? {
        let c = XMLAttributeCollector()
        let p = XMLParser(data: Data(text.utf8))
        p.delegate = c
        return p.parse() ? c.found : nil
    }
}

// Releases of these tests, written in the style of ministry press releases.
private let talksMoscowSide = """
    Foreign Minister holds talks with Chinese counterpart
    12 March 2024

    BEIJING, March 11 -- Russian Foreign Minister Sergey Lavrov held talks with Chinese Foreign Minister Wang Yi in Beijing.

    The ministers discussed bilateral trade and the situation in the Asia-Pacific region.
    """
private let talksBeijingSide = """
    Wang Yi Holds Talks with Russian Foreign Minister
    2024-03-12

    On March 12, Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergei Lavrov in Beijing.

    Wang Yi said China is ready to strengthen strategic coordination with Russia.
    """
private let stateVisit = """
    President pays state visit to Ghana
    2024-07-09

    ACCRA, July 8 -- Kenyan President Samuel Mwangi paid a state visit to Ghana at the invitation of Ghanaian President Kofi Mensah.

    The two leaders witnessed the signing of agreements on trade and health.
    """

private let threeReleases = ["moscow.txt": talksMoscowSide, "beijing.txt": talksBeijingSide, "accra.txt": stateVisit]

/// A workspace with `threeReleases` ingested into `events.sqlite` (its `db`).
private func ingestedWorkspace() throws -> CLIWorkspace {
    let ws = try CLIWorkspace(threeReleases)
    let run = try runParley(["ingest", "--db", ws.db, ws.releases])
    try #require(run.status == 0, "ingest failed: \(run.stderr)")
    return ws
}

@Suite(.enabled(if: parleyBinary != nil, Comment(rawValue: binaryMissing)))
struct StoreCLITests {
    @Test func ingestPrintsASummaryToStandardErrorAndExitsZero() throws {
        let ws = try CLIWorkspace(threeReleases)
        defer { withExtendedLifetime(ws) {} }
        let db = ws.path("events.sqlite")
        let run = try runParley(["ingest", "--db", db, ws.releases])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("ingest: 3 new, 0 replaced, 0 unchanged"), "\(run.stderr)")
        #expect(run.stderr.contains("database \(db): 3 documents"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func secondIngestReportsNothingNew() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let before = try SQLiteEventStore(path: db, readOnly: true).stats()
        let run = try runParley(["ingest", "--db", db, ws.releases])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("ingest: 0 new, 0 replaced, 3 unchanged"), "\(run.stderr)")
        let after = try SQLiteEventStore(path: db, readOnly: true).stats()
        #expect(after.documents == before.documents)
        #expect(after.people == before.people)
        #expect(after.events == before.events)
        #expect(after.eventSources == before.eventSources)
    }

    @Test func changedFileIsReportedAsReplaced() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        try ws.write("accra.txt", stateVisit.replacingOccurrences(of: "trade and health", with: "trade, health and education"))
        let run = try runParley(["ingest", "--db", db, ws.releases])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("ingest: 0 new, 1 replaced, 2 unchanged"), "\(run.stderr)")
    }

    @Test func eventsAsCSV() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let run = try runParley(["events", "--db", db, "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,date,type,place,participants,organizations,countries,cameo,plover,sources,channel,levels")
        let channels = Set(["party", "state", "parliament", "mixed", "other"])
        // Every event of the releases is coded with a channel (the one before the levels, which hold no comma here).
        #expect(lines.dropFirst().allSatisfy { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return fields.count >= 2 && channels.contains(String(fields[fields.count - 2]))
        }, "\(lines)")
        let stats = try SQLiteEventStore(path: db, readOnly: true).stats()
        #expect(lines.count == stats.events + 1)
        #expect(lines.contains { $0.contains(",MEET,Beijing,") && $0.contains("beijing; moscow") })
    }

    @Test func eventsAsJSON() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let run = try runParley(["events", "--db", db, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let events = try jsonArray(run.stdout)
        #expect(events.count == (try SQLiteEventStore(path: db, readOnly: true).stats().events))
        let talks = try #require(events.first { $0["place"] as? String == "Beijing" })
        #expect(talks["type"] as? String == "MEET")
        #expect((talks["sources"] as? [[String: Any]])?.count == 2)
        #expect((talks["participants"] as? [[String: Any]])?.count == 2)
    }

    @Test func eventsAsTable() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let run = try runParley(["events", "--db", db, "--format", "table"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("E") })
        #expect(lines.contains { $0.contains("MEET") && $0.contains("Beijing") && $0.contains("[2 sources]") })
    }

    @Test func eventsFilteredByCountryPairAndType() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let pair = try runParley(["events", "--db", db, "--country", "GHA", "--country", "KEN", "--format", "json"])
        #expect(pair.status == 0, "\(pair.stderr)")
        let events = try jsonArray(pair.stdout)
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { Set(($0["countries"] as? [String]) ?? []).isSuperset(of: ["GHA", "KEN"]) })
        let signings = try jsonArray(try runParley(["events", "--db", db, "--type", "sign", "--format", "json"]).stdout)
        #expect(signings.map { $0["type"] as? String } == ["SIGN"])
        let march = try jsonArray(try runParley(["events", "--db", db, "--from", "2024-03", "--to", "2024-03", "--format", "json"]).stdout)
        #expect(march.count == 1)
    }

    @Test func personWhyExplainsEachMention() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let run = try runParley(["person", "Sergei Lavrov", "--why", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("why these mentions are this person:"))
        // Files are ingested in name order: beijing.txt first.
        #expect(run.stdout.contains("beijing: \"Sergei Lavrov\" — new person"), "\(run.stdout)")
        #expect(run.stdout.contains("moscow: \"Sergey Lavrov\" — transliteration variant of 'Sergey Lavrov'"), "\(run.stdout)")
        #expect(run.stdout.contains("Wang Yi (CHN): 1 event"))
    }

    @Test func personWithoutWhyHasNoReasons() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let run = try runParley(["person", "Wang Yi", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("why these mentions"))
        #expect(run.stdout.contains("Wang Yi"))
    }

    @Test func unknownPersonExitsOneAndSaysSo() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let run = try runParley(["person", "Ingrid Solberg", "--db", db])
        #expect(run.status == 1)
        #expect(run.stderr.contains("person 'Ingrid Solberg' is not in the database"), "\(run.stderr)")
    }

    @Test func peopleSearchAndStats() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let kenyans = try jsonArray(try runParley(["people", "--db", db, "--country", "KEN", "--format", "json"]).stdout)
        #expect(kenyans.map { $0["name"] as? String } == ["Samuel Mwangi"])
        let prefix = try jsonArray(try runParley(["people", "--db", db, "--search", "Serg", "--format", "json"]).stdout)
        #expect(prefix.count == 1)
        let hits = try runParley(["search", "strategic", "--db", db])
        #expect(hits.status == 0, "\(hits.stderr)")
        #expect(hits.stdout.contains("beijing"))
        #expect(hits.stdout.contains("[strategic]"))
        let stats = try runParley(["stats", "--db", db, "--format", "json"])
        let object = try jsonObject(Data(stats.stdout.utf8))
        #expect(object["documents"] as? Int == 3)
        #expect(object["people"] as? Int == 4)
    }

    @Test func exportGEXFIsXMLWithPeopleAndEdges() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let run = try runParley(["export", "--format", "gexf", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        let found = try #require(XMLAttributeCollector.parse(run.stdout), "GEXF does not parse")
        let labels = Set((found["node"] ?? []).compactMap { $0["label"] })
        #expect(labels.isSuperset(of: ["Wang Yi", "Kofi Mensah", "Samuel Mwangi"]))
        #expect(labels.contains { $0.hasSuffix("Lavrov") })
        let weights = (found["edge"] ?? []).compactMap { $0["weight"].flatMap { Int($0) } }
        // The talks (one event from two reports) and the signing; the state visit is the visitor's alone.
        #expect(weights.sorted() == [1, 1])
    }

    @Test func exportGraphMLAndCSV() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let graphML = try runParley(["export", "--format", "graphml", "--nodes", "countries", "--db", db])
        #expect(graphML.status == 0, "\(graphML.stderr)")
        let found = try #require(XMLAttributeCollector.parse(graphML.stdout), "GraphML does not parse")
        #expect(Set((found["node"] ?? []).compactMap { $0["id"] }) == ["CHN", "GHA", "KEN", "RUS"])
        let csv = try runParley(["export", "--format", "csv", "--db", db])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "event_id,date,type,cameo,plover,place,source_actor,source_country,target_actor,target_country,organizations,countries,source_urls,channel,source_level,target_level")
        #expect(lines.count == 4)
    }

    @Test func exportKeepsOnlyTheEventsOfAChannelOrLevel() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        func rows(_ extra: [String]) throws -> [[Substring]] {
            let run = try runParley(["export", "--format", "csv", "--db", db] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        }
        let all = try rows([])
        // channel, source_level and target_level are the last three columns (no commas in them).
        let channels = Set(all.map { $0[$0.count - 3] })
        #expect(!channels.isEmpty && !channels.contains(""), "every event has a channel")
        for channel in channels {
            let kept = try rows(["--channel", String(channel)])
            #expect(kept.count == all.filter { $0[$0.count - 3] == channel }.count)
        }
        let levels = Set(all.flatMap { [$0[$0.count - 2], $0[$0.count - 1]] }.filter { !$0.isEmpty })
        let level = try #require(levels.first)
        let atLevel = try rows(["--level", String(level)])
        #expect(!atLevel.isEmpty && atLevel.allSatisfy { $0[$0.count - 2] == level || $0[$0.count - 1] == level })
        let wrong = try runParley(["export", "--format", "csv", "--channel", "embassy", "--db", db])
        #expect(wrong.status != 0 && wrong.stderr.contains("unknown channel 'embassy'"), "\(wrong.stderr)")
        let annotations = try runParley(["export", "--format", "annotations", "--output-dir", ws.path("a"), "--channel", "party", "--db", db])
        #expect(annotations.status != 0, "annotations are whole documents, not chosen events")
    }

    @Test func exportAnnotationsWritesOneFilePerDocumentWithStableIds() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let out = ws.path("annotations")
        let run = try runParley(["export", "--format", "annotations", "--output-dir", out, "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("exported 3 annotations"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["accra.json", "beijing.json", "moscow.json"])
        func doc(_ name: String) throws -> [String: Any] {
            try jsonObject(try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(name)))
        }
        func entity(_ d: [String: Any], _ name: String) -> String? {
            ((d["people"] as? [[String: Any]]) ?? []).first { $0["name"] as? String == name }?["entity"] as? String
        }
        func eventIDs(_ d: [String: Any]) -> [String] {
            ((d["events"] as? [[String: Any]]) ?? []).compactMap { $0["event_id"] as? String }
        }
        let moscow = try doc("moscow.json"), beijing = try doc("beijing.json"), accra = try doc("accra.json")
        let lavrov = try #require(entity(moscow, "Sergey Lavrov"))
        #expect(lavrov.hasPrefix("P"))
        #expect(entity(beijing, "Sergei Lavrov") == lavrov)
        #expect(entity(moscow, "Wang Yi") == entity(beijing, "Wang Yi"))
        #expect(entity(moscow, "Wang Yi") != lavrov)
        #expect(eventIDs(moscow).count == 1)
        #expect(eventIDs(moscow) == eventIDs(beijing))
        #expect(eventIDs(moscow).allSatisfy { $0.hasPrefix("E") })
        #expect(Set(eventIDs(accra)).isDisjoint(with: eventIDs(moscow)))
    }

    @Test func exportAnnotationsNeedsAnOutputDir() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let run = try runParley(["export", "--format", "annotations", "--db", db])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--output-dir"))
    }

    @Test func splitAndMergeCorrectionsSurviveReingest() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let split = try runParley(["split", "Sergey Lavrov", "--name", "Sergei Lavrov", "--db", db])
        #expect(split.status == 0, "\(split.stderr)")
        try ws.write("beijing.txt", talksBeijingSide.replacingOccurrences(of: "strategic coordination", with: "practical cooperation"))
        #expect(try runParley(["ingest", "--db", db, ws.releases]).status == 0)
        let lavrovs = try jsonArray(try runParley(["people", "--db", db, "--search", "Lavrov", "--format", "json"]).stdout)
        #expect(lavrovs.count == 2)
        let merge = try runParley(["merge", "Sergei Lavrov", "Sergey Lavrov", "--db", db])
        #expect(merge.status == 0, "\(merge.stderr)")
        try ws.write("beijing.txt", talksBeijingSide)
        #expect(try runParley(["ingest", "--db", db, ws.releases]).status == 0)
        let merged = try jsonArray(try runParley(["people", "--db", db, "--search", "Lavrov", "--format", "json"]).stdout)
        #expect(merged.count == 1)
        #expect(merged.first?["documents"] as? Int == 2)
    }

    @Test func nonDateFromIsRejectedBeforeAnyWork() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let run = try runParley(["events", "--db", db, "--from", "yesterday"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("dates are YYYY, YYYY-MM or YYYY-MM-DD, not 'yesterday'"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func unknownEventTypeIsRejected() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let run = try runParley(["events", "--db", db, "--type", "PARADE"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown event type 'PARADE'"), "\(run.stderr)")
    }

    @Test func countryMustBeThreeLetters() throws {
        let ws = try ingestedWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.db
        let run = try runParley(["events", "--db", db, "--country", "GH"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("ISO 3166-1 alpha-3"), "\(run.stderr)")
    }

    @Test(arguments: [["ingest"], ["events"], ["stats"], ["people"]])
    func databaseInAMissingFolderExitsOneNamingTheFolder(command: [String]) throws {
        let ws = try CLIWorkspace(["moscow.txt": talksMoscowSide])
        defer { withExtendedLifetime(ws) {} }
        let folder = "/no/such/folder-\(UUID().uuidString)"
        var arguments = command + ["--db", folder + "/x.sqlite"]
        if command == ["ingest"] { arguments.append(ws.releases) }
        let run = try runParley(arguments)
        #expect(run.status == 1)
        #expect(run.stderr.contains("the folder \(folder) does not exist"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func notADatabaseExitsOneNamingTheFile() throws {
        let ws = try CLIWorkspace(["moscow.txt": talksMoscowSide])
        defer { withExtendedLifetime(ws) {} }
        let db = ws.path("notes.sqlite")
        let notes = Data(String(repeating: "Briefing notes for the minister's visit to Beijing.\n", count: 40).utf8)
        try notes.write(to: URL(fileURLWithPath: db))
        let run = try runParley(["ingest", "--db", db, ws.releases])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(db): not a Parley database"), "\(run.stderr)")
        #expect(FileManager.default.contents(atPath: db) == notes)
    }

    @Test func queryOfAMissingDatabaseDoesNotCreateIt() throws {
        let ws = try CLIWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let db = ws.path("never-made.sqlite")
        let run = try runParley(["events", "--db", db])
        #expect(run.status == 1)
        #expect(run.stderr.contains(db), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}

// MARK: - Interrupted ingest

private let ministers: [(adjective: String, code: String, city: String, names: [String])] = [
    ("Ghanaian", "GHA", "ACCRA", ["Kofi Mensah", "Ama Boateng", "Yaw Owusu"]),
    ("Kenyan", "KEN", "NAIROBI", ["Samuel Mwangi", "Amina Wanjiru", "Peter Otieno"]),
    ("Kazakh", "KAZ", "ASTANA", ["Daniyar Serikov", "Aigul Nurlanova", "Nurlan Abenov"]),
    ("Jordanian", "JOR", "AMMAN", ["Layla Haddad", "Omar Khalaf", "Rania Saleh"]),
    ("Uzbek", "UZB", "TASHKENT", ["Rustam Karimov", "Dilnoza Yusupova", "Bakhtiyor Aliev"]),
    ("Egyptian", "EGY", "CAIRO", ["Mohammed Al-Rashidi", "Hany Farouk", "Nadia Samir"]),
]
private let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"]
private let topics = ["trade and investment", "energy cooperation", "regional security", "cultural exchanges", "water management",
                      "transport corridors", "consular matters", "education and health"]

/// Release `n` of a generated series: one minister receives another; the same officials recur across releases.
private func generatedRelease(_ n: Int) -> String {
    let host = ministers[n % ministers.count]
    let guest = ministers[(n % ministers.count + 1 + (n / ministers.count) % (ministers.count - 1)) % ministers.count]
    let hostName = host.names[n % 3], guestName = guest.names[(n / 7) % 3]
    let month = months[(n / 28) % months.count], day = n % 28 + 1
    return """
        Deputy Minister receives delegation
        2024-\(String(format: "%02d", (n / 28) % months.count + 1))-\(String(format: "%02d", day))

        \(host.city), \(month) \(day) -- \(host.adjective) Deputy Foreign Minister \(hostName) met with \(guest.adjective) Ambassador \(guestName).

        The sides discussed \(topics[n % topics.count]) and agreed to meet again (release \(n)).
        """
}

/// Counts of a database, as the clean and the resumed runs must agree on them.
private func snapshot(_ path: String) throws -> [String: Int] {
    let s = try SQLiteEventStore(path: path, readOnly: true).stats()
    var out = ["documents": s.documents, "people": s.people, "organizations": s.organizations, "events": s.events,
               "eventSources": s.eventSources, "planned": s.planned]
    for (t, n) in s.eventsByType { out["type " + t] = n }
    return out
}

@Suite(.enabled(if: parleyBinary != nil, Comment(rawValue: binaryMissing)))
struct InterruptedIngestTests {
    @Test(.timeLimit(.minutes(5)))
    func ingestKilledMidwayThenResumedEqualsACleanRun() throws {
        let ws = try CLIWorkspace()
        defer { withExtendedLifetime(ws) {} }
        let count = 400
        for n in 0..<count { try ws.write(String(format: "release-%04d.txt", n), generatedRelease(n)) }
        let binary = try #require(parleyBinary)

        // A clean run into its own database.
        let clean = ws.path("clean.sqlite")
        let cleanRun = try runParley(["ingest", "--batch", "20", "--db", clean, ws.releases])
        #expect(cleanRun.status == 0, "\(cleanRun.stderr)")
        #expect(cleanRun.stderr.contains("ingest: \(count) new"), "\(cleanRun.stderr)")

        // The same ingest killed with SIGKILL shortly after it has created the database.
        let resumed = ws.path("resumed.sqlite")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["ingest", "--batch", "20", "--db", resumed, ws.releases]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: resumed) && process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        Thread.sleep(forTimeInterval: 0.1)
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        // The ingest may still finish between the check and the signal: then it must have exited cleanly.
        if killed {
            #expect(process.terminationReason == .uncaughtSignal || process.terminationStatus == 0,
                    "ingest ended with \(process.terminationReason) \(process.terminationStatus)")
        }

        // Whatever was committed is whole batches.
        let partial = try SQLiteEventStore(path: resumed, readOnly: true).stats().documents
        #expect(partial % 20 == 0, "\(partial) documents after the kill: not whole batches of 20")
        #expect(partial <= count)

        // Running the same ingest again completes it.
        let again = try runParley(["ingest", "--batch", "20", "--db", resumed, ws.releases])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("ingest: \(count - partial) new, 0 replaced, \(partial) unchanged"), "\(again.stderr)")

        #expect(try snapshot(resumed) == snapshot(clean))
        #expect(try snapshot(resumed)["documents"] == count)

        // No person stored twice, and the same people in both.
        func people(_ path: String) throws -> [String] {
            try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT nameKey || '|' || ifnull(country, '') FROM person ORDER BY 1")
            }
        }
        let duplicates = try DatabaseQueue(path: resumed).read { db in
            try String.fetchAll(db, sql: "SELECT nameKey FROM person GROUP BY nameKey HAVING count(*) > 1")
        }
        #expect(duplicates.isEmpty, "people stored twice: \(duplicates)")
        #expect(try people(resumed) == people(clean))
    }
}

// Two releases of one meeting that give it different days, and a release of another meeting.
private let talksAccraSide = """
    Foreign Minister Lopes receives Kenyan counterpart
    2026-03-05

    ACCRA, March 4 -- Ghanaian Foreign Minister Ana Lopes held talks with Kenyan Foreign Minister Karim Haddad in Accra.

    The ministers discussed trade between Ghana and Kenya.
    """
private let talksNairobiSide = """
    Haddad holds talks in Accra
    2026-03-06

    On March 5, Kenyan Foreign Minister Karim Haddad held talks with Ghanaian Foreign Minister Ana Lopes in Accra.

    Karim Haddad said Kenya is ready to expand trade with Ghana.
    """
private let envoyCall = """
    Minister receives Ambassador
    2026-04-10

    ACCRA, April 9 -- Ghanaian Foreign Minister Ana Lopes received Ambassador Kwame Mensah in Accra.
    """

@Suite(.enabled(if: parleyBinary != nil, Comment(rawValue: binaryMissing)))
struct DisputedEventsCLITests {
    @Test func disputedListsOnlyTheEventWhoseSourcesDisagreeWithTheirValues() throws {
        let ws = try CLIWorkspace(["accra.txt": talksAccraSide, "nairobi.txt": talksNairobiSide, "envoy.txt": envoyCall])
        defer { withExtendedLifetime(ws) {} }
        #expect(try runParley(["ingest", "--db", ws.db, ws.releases]).status == 0)
        let all = try jsonArray(try runParley(["events", "--db", ws.db, "--format", "json"]).stdout)
        #expect(all.count == 2)
        #expect(all.allSatisfy { $0["disagreements"] == nil })

        let run = try runParley(["events", "--db", ws.db, "--disputed", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let disputed = try jsonArray(run.stdout)
        #expect(disputed.count == 1)
        let d = try #require((disputed.first?["disagreements"] as? [[String: Any]])?.first)
        #expect(d["field"] as? String == "date")
        #expect((d["values"] as? [[String: Any]])?.compactMap { $0["value"] as? String } == ["2026-03-04", "2026-03-05"])

        let table = try runParley(["events", "--db", ws.db, "--disputed"])
        #expect(table.stdout.contains("sources disagree on date: 2026-03-04 (accra) / 2026-03-05 (nairobi)"), "\(table.stdout)")
    }
}

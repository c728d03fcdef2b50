import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// End to end in a real browser: the example releases ingested with `parley ingest`, `parley serve` started on a
// free loopback port, and headless Chromium driven through every page, checking what each shows and saving a
// screenshot of it under out/e2e-screenshots/. Skipped when Chromium is not installed (CI installs it).

/// Debian's Chromium, if installed.
let chromiumBinary: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// The package's root folder.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A running `parley serve` and where it listens; stopped with SIGTERM.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let errors = Pipe()

    /// Starts `parley serve` on `database`, with `PARLEY_TOKEN` when `token` is given; `environment` adds to (or
    /// overrides) this process's variables.
    init(database: String, token: String? = nil, environment: [String: String] = [:]) throws {
        process.executableURL = try #require(parleyBinary)
        process.arguments = ["serve", "--db", database, "--port", "0", "--log-level", "warning"]
        var extra = environment
        if let token { extra["PARLEY_TOKEN"] = token }
        if !extra.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        // The server names its port on standard error once it listens.
        var seen = ""
        let handle = errors.fileHandleForReading
        let deadline = Date().addingTimeInterval(60)
        var found: Int?
        while found == nil && Date() < deadline && process.isRunning {
            let chunk = handle.availableData
            if chunk.isEmpty { Thread.sleep(forTimeInterval: 0.05); continue }
            seen += String(decoding: chunk, as: UTF8.self)
            if let r = seen.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                found = Int(seen[r].dropFirst("http://127.0.0.1:".count).dropLast())
            }
        }
        guard let found else {
            process.terminate()
            throw ServerStartFailure(output: seen)
        }
        port = found
    }

    struct ServerStartFailure: Error, CustomStringConvertible {
        var output: String
        var description: String { "parley serve did not start: \(output)" }
    }

    /// Sends SIGTERM and waits; returns the exit status.
    func stop() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// Debian's ChromeDriver, if installed (`apt-get install chromium-driver`), through which the review round trip is driven.
let chromeDriverBinary: String? = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs a program and returns its standard output.
func run(_ program: String, _ arguments: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: program)
    p.arguments = arguments
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// Runs Chromium headless with `arguments` and returns its standard output.
func chromium(_ arguments: [String]) throws -> String {
    try run(try #require(chromiumBinary), ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--user-data-dir=" + FileManager.default.temporaryDirectory.appendingPathComponent("parley-chromium-\(UUID().uuidString)").path] + arguments)
}

@Suite(.enabled(if: parleyBinary != nil && chromiumBinary != nil, "needs the parley binary and Chromium (apt-get install chromium)"), .serialized)
struct BrowserEndToEndTests {
    func json(_ url: String) async throws -> [String: Any] {
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(.timeLimit(.minutes(10)))
    func everyPageShowsItsContentInChromium() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let db = work.appendingPathComponent("examples.sqlite").path
        let ingest = try runParley(["ingest", "--db", db, packageRoot.appendingPathComponent("Examples").path])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        // With a token, so that the event page offers review (signing in is part of the test).
        let token = "e2e-" + UUID().uuidString
        let server = try ServerProcess(database: db, token: token)
        let base = "http://127.0.0.1:\(server.port)"
        let shots = packageRoot.appendingPathComponent("out/e2e-screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)

        // Ids from the API, to visit their pages.
        let events = try await json(base + "/api/v1/events?limit=100")["events"] as? [[String: Any]] ?? []
        let event = try #require(events.first { ($0["participants"] as? [Any])?.count ?? 0 >= 2 } ?? events.first)
        let eventID = try #require(event["id"] as? Int)
        let participants = event["participants"] as? [[String: Any]] ?? []
        let person = try #require(participants.first)
        let personID = try #require(person["id"] as? Int)
        let personName = try #require(person["name"] as? String)
        let orgs = try await json(base + "/api/v1/organizations")["organizations"] as? [[String: Any]] ?? []
        let org = try #require(orgs.first)
        let countries = (try await json(base + "/api/v1/countries")["countries"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(countries.count >= 2)
        let source = try #require((event["sources"] as? [[String: Any]])?.first)
        let documentID = try #require(source["documentId"] as? String)

        // Page, what it must show, and the screenshot's name.
        let pages: [(path: String, expect: [String], shot: String)] = [
            ("/", ["Latest events", "documents", "people"], "home"),
            ("/events", ["matching events", "Download", "Filter events"], "events"),
            ("/events?country=\(countries[0])", ["matching events", countries[0]], "events-filtered"),
            ("/events/E\(eventID)", ["Who met whom", "Sources", personName, "CAMEO"], "event"),
            ("/people", ["People", personName], "people"),
            ("/people/P\(personID)", [personName, "Contacts over time", "Titles over time", "Counterparts", "<svg"], "person"),
            ("/organizations", ["Organizations", org["name"] as? String ?? ""], "organizations"),
            ("/organizations/O\(org["id"] as? Int ?? 0)", [org["name"] as? String ?? "", "Latest events"], "organization"),
            ("/countries", ["Countries", countries[0]], "countries"),
            ("/countries/\(countries[0])", ["Partners", "Latest events"], "country"),
            ("/countries/\(countries[0])/\(countries[1])", ["Contacts per year"], "country-pair"),
            ("/network", ["Network of people", "Strongest links", "class=\"node\""], "network"),
            ("/documents/\(documentID)", ["hl-person", "hl-place", "Events in this release"], "document"),
            ("/search?q=minister", ["Search: minister", "<mark>"], "search"),
        ]
        for page in pages {
            let dom = try chromium(["--virtual-time-budget=4000", "--dump-dom", base + page.path])
            #expect(dom.contains("<title>"), "\(page.path): no page")
            for text in page.expect where !text.isEmpty {
                #expect(dom.contains(text), "\(page.path) does not show '\(text)'")
            }
            let shot = shots.appendingPathComponent(page.shot + ".png")
            try? FileManager.default.removeItem(at: shot)
            _ = try chromium(["--window-size=1280,900", "--virtual-time-budget=4000", "--screenshot=" + shot.path, base + page.path])
            #expect(FileManager.default.fileExists(atPath: shot.path), "no screenshot of \(page.path)")
        }

        // The channel filter: the facet's most frequent channel, chosen in the form, lists only events of that
        // channel (the column shows it on every row) and as many as the facet counted.
        let facets = try await json(base + "/api/v1/facets")
        let channels = facets["channels"] as? [[String: Any]] ?? []
        let top = try #require(channels.first, "the examples have events with a channel")
        let channel = try #require(top["value"] as? String)
        let counted = try #require(top["count"] as? Int)
        let all = try chromium(["--virtual-time-budget=4000", "--dump-dom", base + "/events"])
        #expect(all.contains("<select id=\"f-channel\" name=\"channel\">"), "/events has no channel filter")
        #expect(all.contains("id=\"facet-channel\""), "/events has no channel facet")
        #expect(all.contains("<th scope=\"col\">Channel</th>"), "/events has no channel column")
        #expect(all.contains("href=\"/events?channel=\(channel)\""), "the channel facet does not link to its filter")
        let filtered = try chromium(["--virtual-time-budget=4000", "--dump-dom", base + "/events?channel=\(channel)&limit=500"])
        #expect(filtered.contains("<option value=\"\(channel)\" selected=\"\">"), "the filter does not show the chosen channel")
        #expect(filtered.contains("\(counted) matching events"), "the filter does not list the facet's \(counted) events")
        let cells = filtered.components(separatedBy: "class=\"channel c-").count - 1
        let ofChannel = filtered.components(separatedBy: "class=\"channel c-\(channel)\"").count - 1
        #expect(cells == counted && ofChannel == cells, "rows of channel \(channel): \(ofChannel) of \(cells), facet \(counted)")
        // The network page offers the same channel choice.
        let network = try chromium(["--virtual-time-budget=4000", "--dump-dom", base + "/network?channel=\(channel)"])
        #expect(network.contains("<option value=\"\(channel)\" selected=\"\">"), "the network page does not show the chosen channel")
        #expect(network.contains("\(channel) channel"), "the network page's heading does not name the channel")
        let shot = shots.appendingPathComponent("events-channel.png")
        try? FileManager.default.removeItem(at: shot)
        _ = try chromium(["--window-size=1280,900", "--virtual-time-budget=4000", "--screenshot=" + shot.path, base + "/events?channel=\(channel)"])

        // A review round trip as a person does it, through ChromeDriver: the event page's sign-in link, the token, the
        // correction form (a new type and a note), and the event shown with the new type and its logged correction.
        if let driverBinary = chromeDriverBinary, let chromiumPath = chromiumBinary {
            let oldType = try #require(event["type"] as? String)
            let newType = oldType == "CALL" ? "MEET" : "CALL"
            let note = "checked against the other side's release"
            let script = packageRoot.appendingPathComponent("Tests/parleyTests/review-round-trip.py").path
            let output = try run("/usr/bin/env", ["python3", script, chromiumPath, driverBinary, base, String(eventID), token, newType, note])
            let trip = try #require((try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [String: Any], "no round trip: '\(output.prefix(300))'")
            #expect(trip["error"] == nil, "the round trip failed: \(trip["error"] ?? "")")
            #expect(trip["signInPage"] as? Bool == true, "the sign-in link does not lead to the sign-in form")
            #expect((trip["afterSignIn"] as? String)?.hasSuffix("/events/E\(eventID)") == true, "signing in does not lead back to the event")
            let corrected = trip["page"] as? String ?? ""
            #expect(corrected.contains("class=\"type t-\(newType)\""), "the event page does not show the new type \(newType)")
            #expect(corrected.contains("checked against the other side") && corrected.contains("type=\(newType)"), "no logged correction on the page")
            #expect(try await json(base + "/api/v1/events/E\(eventID)")["type"] as? String == newType)
            let shot = shots.appendingPathComponent("event-reviewed.png")
            try? FileManager.default.removeItem(at: shot)
            _ = try chromium(["--window-size=1280,1400", "--virtual-time-budget=4000", "--screenshot=" + shot.path, base + "/events/E\(eventID)"])
        } else {
            Issue.record("chromedriver is missing (apt-get install chromium-driver): the review round trip was not run")
        }

        // SIGTERM stops the server gracefully.
        #expect(server.stop() == 0)
    }
}

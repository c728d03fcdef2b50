import Foundation
import Testing
@testable import ParleyCore
@testable import ParleyStore

/// The same store scenarios against every backend: SQLite always, PostgreSQL when PARLEY_TEST_POSTGRES_URL names
/// a server (each test then works in a schema of its own, dropped at the end).
@Suite("Event store backends")
struct BackendSuiteTests {
    // MARK: Backends

    /// A backend the scenarios run against.
    enum Backend: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres

        static var postgresURL: String? {
            ProcessInfo.processInfo.environment["PARLEY_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
        }

        /// SQLite, and PostgreSQL when a test server is given.
        static var available: [Backend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

        var testDescription: String { rawValue }
    }

    /// A fresh, empty database of the backend, removed after `body`; `body` gets a function opening more stores on it.
    static func withDatabase(_ backend: Backend, _ body: (_ open: () throws -> any EventStore) throws -> Void) throws {
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-backend-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("events.sqlite").path
            try body { try SQLiteEventStore(path: path) }
        case .postgres:
            let base = try #require(Backend.postgresURL)
            let schema = "parley_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let url = base + (base.contains("?") ? "&" : "?") + "schema=" + schema
            let first = try PostgresEventStore(url: url)
            defer { try? first.dropSchema() }
            var opened = false
            try body {
                if !opened { opened = true; return first }
                return try PostgresEventStore(url: url)
            }
        }
    }

    static func withStore(_ backend: Backend, _ body: (any EventStore) throws -> Void) throws {
        try withDatabase(backend) { open in try body(try open()) }
    }

    // MARK: Fixtures

    typealias Person = DocumentAnnotation.Person
    typealias Event = DocumentAnnotation.Event

    static func person(_ id: String, _ name: String, aliases: [String] = [], titles: [String] = [], country: String?) -> Person {
        Person(id: id, name: name, aliases: aliases, titles: titles, organization: nil, country: country, entity: nil, mentions: [])
    }

    static func event(_ id: String, _ type: String, date: String?, _ people: [Person], countries: [String], evidence: String,
                      reported: Bool = false) -> Event {
        Event(id: id, type: type, date: date, place: nil, participants: people.map(\.name), participantIds: people.map(\.id),
              participantRoles: people.indices.map { $0 == 0 ? "host" : "guest" }, organizations: [], countries: countries,
              reported: reported, evidence: evidence, evidenceSpan: .init(text: evidence, start: 0, end: evidence.count, sentence: 0),
              otherEvidence: [], cameo: "040", cameoLabel: nil, plover: "CONSULT", ploverMode: nil, confidence: 0.9, eventId: nil)
    }

    /// A release with its annotation, written by the test.
    static func release(_ id: String, published: String?, text: String, people: [Person], events: [Event]) -> (Document, DocumentAnnotation) {
        let title = "Release \(id)"
        let doc = Document(id: id, url: "https://example.org/\(id)", title: title, text: text, origin: "\(id).txt")
        let a = DocumentAnnotation(id: id, url: doc.url, site: "example.org", published: published, title: title, dateline: nil,
                                   people: people, organizations: [], events: events, planned: [])
        return (doc, a)
    }

    /// Wang Yi meets Sergey Lavrov in Beijing on 16 May 2024.
    static func chinaRussia(_ id: String = "cn-ru", lavrov: String = "Sergey Lavrov", text: String? = nil) -> (Document, DocumentAnnotation) {
        let wang = person("p1", "Wang Yi", titles: ["Foreign Minister"], country: "CHN")
        let sergey = person("p2", lavrov, titles: ["Foreign Minister"], country: "RUS")
        let sentence = "Foreign Minister Wang Yi met with Foreign Minister \(lavrov) in Beijing on 16 May."
        let body = text ?? sentence + " The two ministers discussed energy cooperation and the situation in the region."
        return release(id, published: "2024-05-16", text: body, people: [wang, sergey],
                       events: [event("e1", "MEET", date: "2024-05-16", [wang, sergey], countries: ["CHN", "RUS"], evidence: sentence)])
    }

    // MARK: Ingest

    @Test("ingesting the same document twice leaves it unchanged", arguments: Backend.available)
    func ingestTwiceUnchanged(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            let (doc, a) = Self.chinaRussia()
            #expect(try store.ingest(doc, a) == .inserted)
            let before = try store.stats()
            #expect(try store.ingest(doc, a) == .unchanged)
            let after = try store.stats()
            #expect(after.documents == 1 && after.people == 2 && after.events == 1 && after.eventSources == 1)
            #expect(after.documents == before.documents && after.people == before.people && after.events == before.events)
        }
    }

    @Test("a changed document replaces the old facts", arguments: Backend.available)
    func replaceOnChange(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            let (doc, a) = Self.chinaRussia()
            #expect(try store.ingest(doc, a) == .inserted)
            // Same id, new content: now a phone call with someone else.
            let wang = Self.person("p1", "Wang Yi", country: "CHN")
            let blinken = Self.person("p2", "Antony Blinken", country: "USA")
            let sentence = "Wang Yi spoke by phone with Antony Blinken on 20 May."
            let changed = Self.release("cn-ru", published: "2024-05-20", text: sentence, people: [wang, blinken],
                                       events: [Self.event("e1", "CALL", date: "2024-05-20", [wang, blinken], countries: ["CHN", "USA"], evidence: sentence)])
            #expect(try store.ingest(changed.0, changed.1) == .replaced)
            let s = try store.stats()
            #expect(s.documents == 1 && s.events == 1 && s.eventSources == 1)
            #expect(s.eventsByType == ["CALL": 1])
            // Lavrov was only in the old version, so he is gone.
            #expect(try store.people(search: nil, country: nil, organization: nil, limit: 100).map(\.name).sorted() == ["Antony Blinken", "Wang Yi"])
            #expect(try store.search("energy", limit: 10).isEmpty)
        }
    }

    @Test("a batch is stored whole or not at all", arguments: Backend.available)
    func batchIsAtomic(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            let good = Self.chinaRussia("good")
            var bad = Self.chinaRussia("bad")
            bad.1.people.append(bad.1.people[0])   // the same local person id twice: the second mention row fails
            var failed = false
            do { _ = try store.ingest(batch: [good, bad]) } catch { failed = error is StoreError }
            #expect(failed)
            #expect(try store.stats().documents == 0)
            #expect(try store.ingest(batch: [good]) == [.inserted])
        }
    }

    // MARK: Resolution

    @Test("documents naming a person alike resolve to one person", arguments: Backend.available)
    func crossDocumentPersonResolution(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            func single(_ id: String, _ name: String, country: String) -> (Document, DocumentAnnotation) {
                Self.release(id, published: "2024-03-01", text: "\(name) made a statement.",
                             people: [Self.person("p1", name, titles: ["Minister"], country: country)], events: [])
            }
            // Same name.
            _ = try store.ingest(batch: [single("a1", "Wang Yi", country: "CHN"), single("a2", "Wang Yi", country: "CHN")])
            // An initial with the surname, then the full name.
            _ = try store.ingest(batch: [single("b1", "T. Budagov", country: "AZE"), single("b2", "Tahir Budagov", country: "AZE")])
            // Transliteration variants.
            _ = try store.ingest(batch: [single("c1", "Sergey Lavrov", country: "RUS"), single("c2", "Sergei Lavrov", country: "RUS")])
            // Same name, different country: two people.
            _ = try store.ingest(batch: [single("d1", "Ali Hassan", country: "EGY"), single("d2", "Ali Hassan", country: "SDN")])

            let people = try store.people(search: nil, country: nil, organization: nil, limit: 100)
            #expect(people.count == 5)
            let wang = try store.person("Wang Yi")
            #expect(wang.person.documents == 2)
            #expect(wang.merges.map(\.reason) == ["new person", "same name as 'Wang Yi'"])
            let budagov = try store.person("Tahir Budagov")
            #expect(Set([budagov.person.name] + budagov.person.aliases) == ["T. Budagov", "Tahir Budagov"])
            #expect(budagov.merges.map(\.reason) == ["new person", "full name of 'T. Budagov'"])
            #expect(try store.person("T. Budagov").person.id == budagov.person.id)
            let lavrov = try store.person("Sergei Lavrov")
            #expect(lavrov.person.documents == 2)
            #expect(lavrov.merges.map(\.reason) == ["new person", "transliteration variant of 'Sergei Lavrov'"])
            #expect(try store.people(search: "hassan", country: nil, organization: nil, limit: 10).compactMap(\.country).sorted() == ["EGY", "SDN"])
        }
    }

    @Test("the initial form after the full name joins the person", arguments: Backend.available)
    func initialAfterFullName(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            let full = Self.release("x1", published: "2024-01-01", text: "Tahir Budagov spoke.", people: [Self.person("p1", "Tahir Budagov", country: "AZE")], events: [])
            let initial = Self.release("x2", published: "2024-01-02", text: "T. Budagov spoke.", people: [Self.person("p1", "T. Budagov", country: "AZE")], events: [])
            _ = try store.ingest(batch: [full, initial])
            let p = try store.person("Tahir Budagov")
            #expect(p.person.documents == 2)
            #expect(p.merges.last?.reason == "initial and surname of 'T. Budagov'")
        }
    }

    @Test("one happening reported by two documents is one event with two sources", arguments: Backend.available)
    func oneEventTwoSources(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            _ = try store.ingest(Self.chinaRussia("xinhua").0, Self.chinaRussia("xinhua").1)
            let tass = Self.chinaRussia("tass", lavrov: "Sergei Lavrov")
            _ = try store.ingest(tass.0, tass.1)
            let events = try store.events(EventFilter())
            #expect(events.count == 1)
            #expect(events.first?.sources.map(\.documentId) == ["tass", "xinhua"])
            #expect(events.first?.participants.map(\.role) == ["host", "guest"])
            #expect(try store.stats().people == 2)
        }
    }

    @Test("an undated report joins the one event of its people, and none when they have several", arguments: Backend.available)
    func undatedReportJoinsOnlyAnUnambiguousEvent(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            let wang = Self.person("p1", "Wang Yi", country: "CHN")
            let lavrov = Self.person("p2", "Sergey Lavrov", country: "RUS")
            func call(_ id: String, _ date: String?) -> (Document, DocumentAnnotation) {
                let sentence = "Wang Yi spoke by phone with Sergey Lavrov."
                return Self.release(id, published: date, text: sentence, people: [wang, lavrov],
                                    events: [Self.event("e1", "CALL", date: date, [wang, lavrov], countries: ["CHN", "RUS"], evidence: sentence)])
            }
            _ = try store.ingest(batch: [call("call-2023", "2023-03-02")])
            _ = try store.ingest(batch: [call("undated-1", nil)])
            #expect(try store.events(EventFilter()).count == 1)          // one call of the pair: the report is it
            _ = try store.ingest(batch: [call("call-2024", "2024-05-02")])
            _ = try store.ingest(batch: [call("undated-2", nil)])
            let events = try store.events(EventFilter())
            #expect(events.count == 3)                                    // two calls: the report cannot say which
            #expect(!events.contains { $0.sources.map(\.documentId).contains("undated-2") && $0.sources.count > 1 })
        }
    }

    @Test("a document's own events it tells apart stay apart", arguments: Backend.available)
    func aDocumentsEventsToldApartStayApart(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            let mensah = Self.person("p1", "Kwame Mensah", country: "GHA"), wanjiru = Self.person("p2", "Amina Wanjiru", country: "KEN")
            let haddad = Self.person("p3", "Karim Haddad", country: "LBN")
            func release(_ id: String, _ events: [(String, String?, [BackendSuiteTests.Person])]) -> (Document, DocumentAnnotation) {
                let text = "Invented release \(id)."
                return Self.release(id, published: "2025-02-12", text: text, people: [mensah, wanjiru, haddad],
                                    events: events.enumerated().map { n, e in
                                        Self.event("e\(n + 1)", e.0, date: e.1, e.2, countries: e.2.compactMap(\.country), evidence: text)
                                    })
            }
            // One release has the three together; another the host with each guest in turn, the same day.
            _ = try store.ingest(batch: [release("together", [("MEET", "2025-02-10", [mensah, wanjiru, haddad])])])
            _ = try store.ingest(batch: [release("in-turn", [("MEET", "2025-02-10", [mensah, wanjiru]), ("MEET", "2025-02-10", [mensah, haddad])])])
            // A release tells its visit from its meeting, and an undated meeting spoken of in passing (first in its
            // text) from the day's one; a later release of that earlier meeting's day joins the undated one.
            _ = try store.ingest(batch: [release("passing", [("MEET", nil, [wanjiru, haddad]), ("MEET", "2025-03-03", [wanjiru, haddad]),
                                                             ("VISIT", "2025-03-03", [wanjiru, haddad])])])
            _ = try store.ingest(batch: [release("earlier", [("MEET", "2025-03-01", [wanjiru, haddad])])])
            var reports: [String: [String]] = [:]
            for a in try store.exportAnnotations() { for e in a.events { reports[e.eventId ?? "", default: []].append("\(a.id)/\(e.id)") } }
            #expect(Set(reports.values.map { $0.sorted() }) == [["in-turn/e1", "together/e1"], ["in-turn/e2"], ["earlier/e1", "passing/e1"], ["passing/e2"], ["passing/e3"]])
        }
    }

    // MARK: Queries

    /// Three releases: China–Russia in May 2024, China–Russia in March 2023, Azerbaijan–Russia in May 2024.
    static func seed(_ store: any EventStore) throws {
        let lavrov = Self.person("p2", "Sergey Lavrov", titles: ["Foreign Minister"], country: "RUS")
        let wang = Self.person("p1", "Wang Yi", titles: ["Director of the Office of the Foreign Affairs Commission"], country: "CHN")
        let march = "Wang Yi held talks with Sergey Lavrov in Moscow on 21 March."
        let old = Self.release("cn-ru-2023", published: "2023-03-21", text: march + " They reviewed preparations for the summit.",
                               people: [wang, lavrov], events: [Self.event("e1", "MEET", date: "2023-03-21", [wang, lavrov], countries: ["CHN", "RUS"], evidence: march)])
        let bayramov = Self.person("p1", "Jeyhun Bayramov", titles: ["Foreign Minister"], country: "AZE")
        let baku = "Jeyhun Bayramov received Sergey Lavrov in Baku on 20 May."
        let az = Self.release("az-ru", published: "2024-05-20", text: baku + " The sides discussed regional transport links.",
                              people: [bayramov, lavrov], events: [Self.event("e1", "MEET", date: "2024-05-20", [bayramov, lavrov], countries: ["AZE", "RUS"], evidence: baku)])
        _ = try store.ingest(batch: [old, Self.chinaRussia(), az])
    }

    @Test("events filter by country pair and date range", arguments: Backend.available)
    func eventsByCountryPairAndDates(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            try Self.seed(store)
            var f = EventFilter()
            f.countries = ["chn", "RUS"]
            #expect(try store.events(f).map(\.date) == ["2024-05-16", "2023-03-21"])
            f.from = "2024-01"
            f.to = "2024-05"
            let may = try store.events(f)
            #expect(may.map(\.date) == ["2024-05-16"])
            #expect(may.first?.participants.map(\.name) == ["Wang Yi", "Sergey Lavrov"])
            #expect(may.first?.countries == ["CHN", "RUS"])
            f.countries = ["RUS"]
            #expect(try store.events(f).map(\.date) == ["2024-05-20", "2024-05-16"])
            f.to = "2024-05-17"
            #expect(try store.events(f).map(\.date) == ["2024-05-16"])
            var byPerson = EventFilter()
            byPerson.person = "Jeyhun Bayramov"
            #expect(try store.events(byPerson).count == 1)
        }
    }

    @Test("a person's profile has titles, counterparts and a timeline", arguments: Backend.available)
    func personProfile(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            try Self.seed(store)
            let p = try store.person("Sergey Lavrov")
            #expect(p.person.country == "RUS")
            #expect(p.person.documents == 3 && p.person.events == 3)
            #expect(p.titles.map(\.title) == ["Foreign Minister"])
            #expect(p.titles.first?.date == "2023-03-21")
            #expect(p.merges.map(\.documentId) == ["cn-ru-2023", "cn-ru", "az-ru"])
            #expect(p.counterparts.map(\.name) == ["Wang Yi", "Jeyhun Bayramov"])
            #expect(p.counterparts.map(\.events) == [2, 1])
            #expect(p.timeline.map(\.date) == ["2023-03-21", "2024-05-16", "2024-05-20"])
            #expect(try store.person("P\(p.person.id)").person.name == "Sergey Lavrov")
            #expect(throws: StoreError.self) { try store.person("Nobody Known") }
            let wang = try store.person("Wang Yi")
            #expect(wang.titles.map(\.title) == ["Director of the Office of the Foreign Affairs Commission", "Foreign Minister"])
        }
    }

    @Test("full-text search finds documents with a highlighted snippet", arguments: Backend.available)
    func searchSnippet(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            try Self.seed(store)
            let hits = try store.search("energy cooperation", limit: 10)
            #expect(hits.map(\.documentId) == ["cn-ru"])
            let snippet = try #require(hits.first?.snippet)
            #expect(snippet.contains("[energy]") && snippet.contains("[cooperation]"))
            #expect(snippet.hasPrefix("…"))
            #expect(hits.first?.title == "Release cn-ru")
            #expect(try store.search("transport", limit: 10).map(\.documentId) == ["az-ru"])
            #expect(try store.search("submarine", limit: 10).isEmpty)
            #expect(try store.people(search: "serg lav", country: nil, organization: nil, limit: 10).map(\.name) == ["Sergey Lavrov"])
            // Anything a person types answers, with people or none: quotes, operators, punctuation alone, emoji.
            for typed in ["\"", "\"serg", "*", "-", "lav AND (", "NEAR(a b)", "🙂", "'; DROP TABLE person; --", "Lopes´Haddad", "§¶É´G4Á", String(repeating: "x", count: 1000)] {
                #expect(throws: Never.self) { _ = try store.people(search: typed, country: nil, organization: nil, limit: 10) }
                #expect(throws: Never.self) { _ = try store.search(typed, limit: 10) }
            }
            #expect(try store.people(search: "\"serg", country: nil, organization: nil, limit: 10).map(\.name) == ["Sergey Lavrov"])
        }
    }

    @Test("stats count what is stored", arguments: Backend.available)
    func stats(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            try Self.seed(store)
            let s = try store.stats()
            #expect(s.documents == 3 && s.people == 3 && s.events == 3 && s.eventSources == 3 && s.organizations == 0 && s.planned == 0)
            #expect(s.eventsByType == ["MEET": 3])
            #expect(s.databaseBytes != nil)
        }
    }

    @Test("exported annotations carry the same entity and event ids across documents", arguments: Backend.available)
    func exportAnnotationsEntityIDs(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            try Self.seed(store)
            let tass = Self.chinaRussia("tass", lavrov: "Sergei Lavrov")
            _ = try store.ingest(tass.0, tass.1)
            let all = try store.exportAnnotations()
            #expect(all.map(\.id) == ["az-ru", "cn-ru", "cn-ru-2023", "tass"])
            let lavrovID = try store.person("Sergey Lavrov").person.id
            for a in all {
                let lavrov = try #require(a.people.first { $0.name.hasSuffix("Lavrov") })
                #expect(lavrov.entity == "P\(lavrovID)")
                #expect(a.events.allSatisfy { $0.eventId?.hasPrefix("E") == true })
            }
            let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
            #expect(byID["cn-ru"]?.events.first?.eventId == byID["tass"]?.events.first?.eventId)
            #expect(byID["cn-ru"]?.events.first?.eventId != byID["cn-ru-2023"]?.events.first?.eventId)
        }
    }

    // MARK: Corrections

    @Test("merge and split corrections hold", arguments: Backend.available)
    func mergeAndSplit(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            let a = Self.release("m1", published: "2024-01-01", text: "Mohammed bin Salman spoke.", people: [Self.person("p1", "Mohammed bin Salman", country: "SAU")], events: [])
            let b = Self.release("m2", published: "2024-01-02", text: "MBS spoke.", people: [Self.person("p1", "Crown Prince MBS", country: "SAU")], events: [])
            _ = try store.ingest(batch: [a, b])
            #expect(try store.stats().people == 2)
            let merged = try store.merge("Crown Prince MBS", into: "Mohammed bin Salman")
            #expect(merged.name == "Mohammed bin Salman" && merged.documents == 2)
            #expect(try store.stats().people == 1)
            // A later document naming him so joins the merged person.
            let c = Self.release("m3", published: "2024-01-03", text: "MBS spoke again.", people: [Self.person("p1", "Crown Prince MBS", country: "SAU")], events: [])
            _ = try store.ingest(c.0, c.1)
            #expect(try store.person("Mohammed bin Salman").merges.last?.reason == "user merge")
            let split = try store.split("Mohammed bin Salman", name: "Crown Prince MBS")
            #expect(split.documents == 2)
            #expect(try store.stats().people == 2)
            #expect(throws: StoreError.self) { try store.merge("Mohammed bin Salman", into: "Mohammed bin Salman") }
        }
    }

    // MARK: Concurrency (PostgreSQL)

    /// Releases over a small pool of people where many documents report the same meetings.
    static func overlappingReleases(_ range: Range<Int>) -> [(Document, DocumentAnnotation)] {
        let names = [("Wang Yi", "CHN"), ("Sergey Lavrov", "RUS"), ("Jeyhun Bayramov", "AZE"), ("Antony Blinken", "USA"), ("Hakan Fidan", "TUR")]
        return range.map { n in
            let (x, cx) = names[n % names.count]
            let (y, cy) = names[(n / names.count + n + 1) % names.count]
            let first = Self.person("p1", x, titles: ["Foreign Minister"], country: cx)
            let second = Self.person("p2", y == x ? "Ayman Safadi" : y, titles: ["Foreign Minister"], country: y == x ? "JOR" : cy)
            let day = 1 + (n % 7) * 3
            let sentence = "\(first.name) met \(second.name) on \(day) June."
            return Self.release("doc-\(n)", published: String(format: "2024-06-%02d", day), text: sentence,
                                people: [first, second],
                                events: [Self.event("e1", "MEET", date: String(format: "2024-06-%02d", day), [first, second],
                                                    countries: [first.country!, second.country!], evidence: sentence)])
        }
    }

    @Test("two stores ingesting overlapping documents at once create no duplicates",
          .enabled(if: Backend.postgresURL != nil, "set PARLEY_TEST_POSTGRES_URL to run against PostgreSQL"))
    func concurrentIngestHasNoDuplicates() throws {
        // What one store makes of all the documents, one batch at a time.
        var expected: StoreStats?
        try Self.withStore(.sqlite) { store in
            for d in Self.overlappingReleases(0..<60) { _ = try store.ingest(d.0, d.1) }
            expected = try store.stats()
        }
        try Self.withDatabase(.postgres) { open in
            let stores = [try open(), try open()]
            let sets = [Self.overlappingReleases(0..<40), Array(Self.overlappingReleases(20..<60).reversed())]
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                do {
                    // Small batches, so the two writers interleave.
                    var pending = sets[k][...]
                    while !pending.isEmpty {
                        _ = try stores[k].ingest(batch: Array(pending.prefix(3)))
                        pending = pending.dropFirst(3)
                    }
                } catch { failures.append("\(error)") }
            }
            #expect(failures.all.isEmpty)
            let s = try stores[0].stats()
            #expect(s.documents == 60)
            #expect(s.people == expected?.people)
            #expect(s.events == expected?.events)
            #expect(s.eventSources == 60)
            let people = try stores[1].people(search: nil, country: nil, organization: nil, limit: 1000)
            #expect(Set(people.map { "\($0.name)|\($0.country ?? "")" }).count == people.count)
            let events = try stores[1].events(EventFilter())
            let keys = events.map { e in "\(e.type)|\(e.date ?? "")|" + e.participants.map { String($0.id) }.sorted().joined(separator: ",") }
            #expect(Set(keys).count == events.count)
        }
    }

    /// Errors collected from several threads.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }

    @Test("an unreachable PostgreSQL server is a clear error naming the URL without its password")
    func unreachableServer() throws {
        do {
            _ = try PostgresEventStore(url: "postgres://parley:secret@127.0.0.1:1/events")
            Issue.record("expected an error")
        } catch {
            guard case .unreachable(let location, _) = error else { Issue.record("expected .unreachable, got \(error)"); return }
            #expect(location == "postgres://parley@127.0.0.1:1/events")
            #expect(!error.description.contains("secret"))
        }
    }
}

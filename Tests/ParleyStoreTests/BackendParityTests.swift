import Foundation
import PostgresNIO
import Testing
@testable import ParleyCore
@testable import ParleyStore

/// The same releases ingested into SQLite and PostgreSQL give the same people and events: one resolver decides
/// for both, the stores only find candidates and write (runs when PARLEY_TEST_POSTGRES_URL names a server).
@Suite("Backend parity")
struct BackendParityTests {
    typealias Backend = BackendSuiteTests.Backend

    /// What a store holds, independent of its ids: people as their names, countries and the mentions they gather;
    /// events as the reports each gathers, with kind and date.
    struct Fingerprint: Equatable, CustomStringConvertible {
        var people: [String]
        var events: [String]
        var counts: [Int]

        init(_ store: any EventStore) throws {
            let annotations = try store.exportAnnotations()
            var mentions: [String: [String]] = [:], reports: [String: [String]] = [:], kinds: [String: String] = [:]
            for a in annotations {
                for p in a.people { mentions[p.entity ?? "", default: []].append("\(a.id)/\(p.id)") }
                for e in a.events { reports[e.eventId ?? "", default: []].append("\(a.id)/\(e.id)") }
            }
            let summaries = try store.people(search: nil, country: nil, organization: nil, limit: 1_000_000)
            let names = Dictionary(uniqueKeysWithValues: summaries.map { ("P\($0.id)", "\($0.name) [\($0.country ?? "-")]") })
            people = mentions.map { "\(names[$0.key] ?? "?"): \($0.value.sorted().joined(separator: " "))" }.sorted()
            var everything = EventFilter()
            everything.limit = 1_000_000
            for e in try store.events(everything) { kinds["E\(e.id)"] = "\(e.type) \(e.date ?? "undated")" }
            events = reports.map { "\(kinds[$0.key] ?? "?"): \($0.value.sorted().joined(separator: " "))" }.sorted()
            let s = try store.stats()
            counts = [s.documents, s.people, s.organizations, s.events, s.eventSources]
        }

        var description: String { "counts \(counts)\n" + (people + events).joined(separator: "\n") }
    }

    /// Releases built to exercise every rule: recurring officials under transliteration variants, initials and
    /// name order, words left out and titles; namesakes of other countries; second reports of one happening a day apart; undated reports;
    /// calls of the same pair on several days; meetings of organizations only; a release's visit and meeting in passing.
    static func releases(count: Int = 90) -> [(Document, DocumentAnnotation)] {
        typealias P = DocumentAnnotation.Person
        let cast: [(forms: [String], country: String)] = [
            (["Kwame Mensah", "K. Mensah", "MENSAH Kwame"], "GHA"),
            (["Ana Lopes", "A. Lopes"], "PRT"),
            (["Karim Haddad", "Kareem Haddad", "K. Haddad"], "LBN"),
            (["Sergey Volkov", "Sergei Volkov", "S. Volkov"], "RUS"),
            (["Amina Wanjiru", "Amina Wanjiru"], "KEN"),
            (["Kwame Mensah"], "KEN"),                // a namesake of another country
            (["Tahir Ahmadov", "Tahir Akhmedov", "T. Ahmadov"], "AZE"),
            (["Lindiwe Dube", "L. Dube"], "ZAF"),
            (["Wanjiru"], "KEN"),                     // known by one name only
            (["Steve Odhiambo", "Steven Odhiambo"], "KEN"),   // a close spelling
            (["Danish Qadri", "Muhammad Danish Qadri"], "PAK"),   // a leading Muhammad left out
            (["Kostas Lamprou", "Kostas Andreou Lambrou"], "CYP"),  // a word added, a surname spelled another way
            (["ODHIAMBO", "MINISTER ODHIAMBO"], "KEN"),       // one name after a title
        ]
        let types = ["MEET", "CALL", "VISIT", "SIGN", "MEET"]
        var out: [(Document, DocumentAnnotation)] = []
        for i in 0..<count {
            let a = cast[i % cast.count], b = cast[(i * 3 + 1) % cast.count]
            guard a.country != b.country || a.forms[0] != b.forms[0] else { continue }
            // Every fifth release is a second report of an earlier one, a day later and in other spellings.
            let second = i % 5 == 4
            let base = second ? i - 3 : i
            let day = 1 + (base * 7) % 27 + (second ? 1 : 0)
            let date: String? = i % 11 == 10 ? nil : String(format: "2025-%02d-%02d", 1 + base % 6, day)
            let type = types[base % types.count]
            let nameA = a.forms[(i / cast.count + (second ? 1 : 0)) % a.forms.count]
            let nameB = b.forms[(i / 2 + (second ? 1 : 0)) % b.forms.count]
            let pa = P(id: "p1", name: nameA, aliases: [], titles: ["Minister"], organization: nil, country: i % 13 == 0 ? nil : a.country,
                       entity: nil, mentions: [])
            let pb = P(id: "p2", name: nameB, aliases: [], titles: ["Ambassador"], organization: nil, country: b.country, entity: nil, mentions: [])
            let sentence = "\(nameA) held a \(type.lowercased()) with \(nameB)."
            var events = [BackendSuiteTests.event("e1", type, date: date, [pa, pb], countries: [a.country, b.country], evidence: sentence)]
            if i % 9 == 5 {
                // The release's visit and, first in its text, an undated earlier meeting of the pair: told apart from the day's event.
                events.append(BackendSuiteTests.event("e3", "VISIT", date: date, [pa, pb], countries: [a.country, b.country], evidence: sentence))
                events.insert(BackendSuiteTests.event("e0", "MEET", date: nil, [pa, pb], countries: [a.country, b.country], evidence: sentence,
                                                      reported: true), at: 0)
            }
            var organizations: [DocumentAnnotation.Organization] = []
            if i % 7 == 3 {
                // An event between two organizations and no people.
                let o1 = DocumentAnnotation.Organization(id: "o1", name: "Party of Progress", aliases: ["PoP"], kind: "party", country: a.country, mentions: [])
                let o2 = DocumentAnnotation.Organization(id: "o2", name: "the Union of Farmers", aliases: [], kind: "party", country: b.country, mentions: [])
                organizations = [o1, o2]
                var e = BackendSuiteTests.event("e2", "MEET", date: date.map { String($0.prefix(7)) }, [], countries: [a.country, b.country],
                                                evidence: "The two parties met.")
                e.organizations = [o1.name, o2.name]
                events.append(e)
            }
            let id = String(format: "rel-%03d", i)
            let doc = Document(id: id, url: "https://example.org/\(id)", title: "Release \(id)", text: sentence, origin: "\(id).txt")
            let ann = DocumentAnnotation(id: id, url: doc.url, site: "example.org", published: date, title: doc.title, dateline: nil,
                                         people: [pa, pb], organizations: organizations, events: events, planned: [])
            out.append((doc, ann))
        }
        return out
    }

    static func ingest(_ releases: [(Document, DocumentAnnotation)], into store: any EventStore, batch: Int) throws {
        var start = 0
        while start < releases.count {
            _ = try store.ingest(batch: Array(releases[start..<min(start + batch, releases.count)]))
            start += batch
        }
    }

    @Test("SQLite and PostgreSQL give the same people and events for the same releases",
          .enabled(if: Backend.postgresURL != nil))
    func sameResultsOnEveryBackend() throws {
        let releases = Self.releases()
        var prints: [Fingerprint] = []
        for backend in Backend.available {
            try BackendSuiteTests.withStore(backend) { store in
                try Self.ingest(releases, into: store, batch: 7)
                prints.append(try Fingerprint(store))
            }
        }
        #expect(prints.count == 2)
        #expect(prints.first == prints.last, "SQLite:\n\(prints.first!)\n\nPostgreSQL:\n\(prints.last!)")
        // The rules were exercised: people were merged across spellings and reports joined into events.
        let sqlite = try #require(prints.first)
        #expect(sqlite.counts[1] < 2 * sqlite.counts[0])
        #expect(sqlite.counts[3] < sqlite.counts[4])
    }

    @Test("the batch size does not change what is stored", arguments: Backend.available)
    func batchSizeDoesNotMatter(_ backend: Backend) throws {
        let releases = Self.releases(count: 40)
        var prints: [Fingerprint] = []
        for batch in [1, 40] {
            try BackendSuiteTests.withStore(backend) { store in
                try Self.ingest(releases, into: store, batch: batch)
                prints.append(try Fingerprint(store))
            }
        }
        #expect(prints.first == prints.last)
    }

    @Test("the aggregate counts equal counts over the stored rows after ingests, replacements and re-dated events",
          arguments: Backend.available)
    func summaryCountsMatchTheRows(_ backend: Backend) throws {
        let original = Self.releases(count: 60)
        // Replacements: other dates (events move between years or are deleted) and other countries.
        var releases = original
        for n in stride(from: 0, to: 30, by: 4) {
            var (doc, a) = releases[n]
            doc.text += " Corrected."
            a.events = a.events.map { var e = $0; e.date = "2024-12-31"; e.countries = e.countries.reversed() + ["ZAF"]; return e }
            releases[n] = (doc, a)
        }
        let replaced = releases
        try BackendSuiteTests.withStore(backend) { store in
            try Self.ingest(original, into: store, batch: 9)
            try Self.ingest(Array(replaced[0..<30]), into: store, batch: 5)
            try Self.expectSummariesMatchRows(store, documents: Set(replaced.map(\.0.id)).count)
        }
    }

    @Test("the browse pages give the same answers on SQLite and PostgreSQL: lists, facets, countries, charts, networks",
          .enabled(if: Backend.postgresURL != nil))
    func sameBrowseAnswersOnEveryBackend() throws {
        let releases = Self.releases()
        var answers: [[String]] = []
        for backend in Backend.available {
            try BackendSuiteTests.withStore(backend) { store in
                try Self.ingest(releases, into: store, batch: 7)
                answers.append(try Self.browseAnswers(try #require(store as? any BrowsableStore)))
            }
        }
        #expect(answers.count == 2)
        for (a, b) in zip(answers[0], answers[1]) { #expect(a == b) }
        #expect(answers.first?.count == answers.last?.count)
    }

    /// An event as both backends show it, whatever its id.
    static func key(_ e: EventSummary) -> String {
        "\(e.type) \(e.date ?? "undated") \(e.countries.joined(separator: "-")) \(e.sources.map { "\($0.documentId)/\($0.sentence)" }.sorted().joined(separator: " "))"
    }

    /// The filters the browse pages are tested with: none, countries, pairs, types, years, dates, people, channels, levels.
    static func browseFilters() -> [EventFilter] {
        var filters: [EventFilter] = []
        for countries in [[], ["GHA"], ["KEN"], ["GHA", "KEN"], ["ken", "GHA"], ["PRT", "ZAF"], ["KEN", "KEN"], ["QQQ"]] {
            for (type, from, to) in [(nil, nil, nil), ("MEET", nil, nil), (nil, "2025", nil), (nil, nil, "2024"), ("CALL", "2025", "2025"),
                                     (nil, "2025-02", "2025-04-15")] as [(String?, String?, String?)] {
                var f = EventFilter()
                f.countries = countries
                (f.type, f.from, f.to) = (type, from, to)
                filters.append(f)
            }
        }
        var person = EventFilter()
        person.person = "Kwame Mensah"
        var channel = EventFilter()
        channel.channel = "state"
        var level = EventFilter()
        level.level = "minister"
        var disputed = EventFilter()
        disputed.disputed = true
        return filters + [person, channel, level, disputed]
    }

    /// Everything the browse pages show of the store, as text without ids.
    static func browseAnswers(_ store: any BrowsableStore) throws -> [String] {
        var out: [String] = []
        for f in browseFilters() {
            let name = "countries \(f.countries) type \(f.type ?? "-") \(f.from ?? "…")–\(f.to ?? "…") person \(f.person ?? "-") channel \(f.channel ?? "-") level \(f.level ?? "-") disputed \(f.disputed)"
            out.append("\(name) facets \(try store.eventFacets(f))")
            for order in EventOrder.allCases {
                var paged = f
                paged.limit = 4
                var cursor: EventCursor?
                var keys: [String] = []
                repeat {
                    let page = try store.eventPage(paged, order: order, after: cursor)
                    keys += page.events.map(key)
                    cursor = page.next
                } while cursor != nil && keys.count < 500
                out.append("\(name) \(order) \(keys)")
            }
        }
        let countries = try store.countries()
        out.append("countries \(countries)")
        for c in countries.prefix(6) {
            let profile = try store.country(c.code)
            out.append("country \(c.code) \(profile.country) partners \(profile.partners) people \(profile.people.map { "\($0.name) \($0.count)" }) latest \(profile.events.map(key))")
            out.append("chart \(c.code) \(try store.chart(.countryPartners(c.code)))")
        }
        for (a, b) in [("GHA", "KEN"), ("KEN", "GHA"), ("PRT", "ZAF"), ("KEN", "KEN")] {
            let pair = try store.countryPair(a, b)
            out.append("pair \(a) \(b) \(pair.total) \(pair.years) \(pair.events.map(key))")
            out.append("pair charts \(a) \(b) \(try store.chart(.pairTypes(a, b))) \(try store.chart(.pairChannels(a, b)))")
        }
        for (from, to) in [(nil, nil), ("2025", "2025"), ("2025-01", "2025-03-10")] as [(String?, String?)] {
            out.append("network countries \(from ?? "…") \(to ?? "…") \(try store.network(.countries, from: from, to: to, limit: 100).edges)")
            let people = try store.network(.people, from: from, to: to, limit: 100)
            let label = Dictionary(uniqueKeysWithValues: people.nodes.map { ($0.id, $0.label) })
            out.append("network people \(from ?? "…") \(to ?? "…") \(people.edges.map { "\(label[$0.source] ?? "?")–\(label[$0.target] ?? "?") \($0.events)" }.sorted())")
        }
        let range = try store.eventDateRange()
        out.append("dates \(range.first ?? "-") \(range.last ?? "-")")
        return out
    }

    /// The store's aggregate counts (stats, countries, country pairs, organizations) against counts over its events.
    static func expectSummariesMatchRows(_ store: any EventStore, documents: Int) throws {
        let browsable = try #require(store as? any BrowsableStore)
        var everything = EventFilter()
        everything.limit = 1_000_000
        let events = try store.events(everything)
        let stats = try store.stats()
        #expect(stats.events == events.count)
        #expect(stats.eventsByType == Dictionary(grouping: events, by: \.type).mapValues(\.count))
        #expect(stats.documents == documents)
        var byCountry: [String: Int] = [:]
        for e in events { for c in Set(e.countries) { byCountry[c, default: 0] += 1 } }
        var listed: [String: Int] = [:]
        for c in try browsable.countries() where c.events > 0 { listed[c.code] = c.events }
        #expect(listed == byCountry)
        for (a, b) in [("GHA", "KEN"), ("PRT", "ZAF"), ("RUS", "LBN")] {
            let both = events.filter { Set($0.countries).isSuperset(of: [a, b]) }
            let pair = try browsable.countryPair(a, b)
            #expect(pair.total == both.count)
            var years: [String: Int] = [:]
            for e in both { years[String((e.date ?? "").prefix(4)), default: 0] += 1 }
            var pairYears: [String: Int] = [:]
            for y in pair.years { pairYears[y.year, default: 0] += y.count }
            #expect(pairYears == years)
        }
        for o in try browsable.organizations(search: nil, limit: 100) {
            let count = events.filter { e in e.organizations.contains { $0.id == o.id } }.count
            #expect(o.events == count)
        }
        // Facets (from the kept counts where they can answer) and lists (read through the dated rows of a country, a
        // pair or a person) against the same filters applied to the events.
        func newestFirst(_ a: EventSummary, _ b: EventSummary) -> Bool {
            switch (a.date, b.date) {
            case let (x?, y?): return x != y ? x > y : a.id > b.id
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.id > b.id
            }
        }
        for f in browseFilters() where f.person == nil && f.channel == nil && f.level == nil && !f.disputed {
            let wanted = Set(f.countries.map { $0.uppercased() })
            let matching = events.filter { e in
                Set(e.countries).isSuperset(of: wanted) && (f.type.map { $0 == e.type } ?? true)
                    && (f.from.map { from in e.date.map { $0 >= from } ?? false } ?? true)
                    && (f.to.map { to in e.date.map { $0 <= to + "~" } ?? false } ?? true)
            }
            let facets = try browsable.eventFacets(f)
            let name = "countries \(f.countries) type \(f.type ?? "-") \(f.from ?? "…")–\(f.to ?? "…")"
            #expect(facets.total == matching.count, "\(name)")
            #expect(Dictionary(uniqueKeysWithValues: facets.types.map { ($0.value, $0.count) })
                    == Dictionary(grouping: matching, by: \.type).mapValues(\.count), "\(name)")
            #expect(Dictionary(uniqueKeysWithValues: facets.years.map { ($0.value, $0.count) })
                    == Dictionary(grouping: matching.filter { $0.date != nil }, by: { String($0.date!.prefix(4)) }).mapValues(\.count), "\(name)")
            var byCountry: [String: Int] = [:]
            for e in matching { for c in Set(e.countries) { byCountry[c, default: 0] += 1 } }
            for c in facets.countries { #expect(byCountry[c.value] == c.count, "\(name): \(c.value)") }
            var all = f
            all.limit = 1_000_000
            #expect(try browsable.eventPage(all, order: .newest, after: nil).events.map(\.id) == matching.sorted(by: newestFirst).map(\.id), "\(name)")
        }
        if let postgres = store as? PostgresEventStore { #expect(try datedRowDifferences(postgres) == []) }
    }

    /// Rows of PostgreSQL's list tables that do not carry their event's date, and pairs of `eventPair` missing or extra.
    static func datedRowDifferences(_ store: PostgresEventStore) throws -> [String] {
        try store.read { s in
            var out: [String] = []
            for table in ["eventParticipant", "eventCountry", "eventOrganization", "eventPair"] {
                let n = try s.value(PostgresQuery(unsafeSQL: """
                    SELECT count(*) FROM \(table) r JOIN event e ON e.id = r.eventId WHERE r.date IS DISTINCT FROM e.date
                    """), as: Int.self) ?? 0
                if n > 0 { out.append("\(n) rows of \(table) without their event's date") }
            }
            let missing = try s.value("""
                SELECT count(*) FROM eventCountry a JOIN eventCountry b ON b.eventId = a.eventId AND a.country < b.country
                WHERE NOT EXISTS (SELECT 1 FROM eventPair p WHERE p.eventId = a.eventId AND p.country = a.country AND p.partner = b.country)
                """, as: Int.self) ?? 0
            let extra = try s.value("""
                SELECT count(*) FROM eventPair p WHERE NOT EXISTS (SELECT 1 FROM eventCountry a JOIN eventCountry b ON b.eventId = a.eventId
                  WHERE a.eventId = p.eventId AND a.country = p.country AND b.country = p.partner)
                """, as: Int.self) ?? 0
            if missing > 0 || extra > 0 { out.append("eventPair: \(missing) missing, \(extra) extra") }
            return out
        }
    }
}

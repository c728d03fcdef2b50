import Foundation
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
    }
}

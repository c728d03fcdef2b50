import Foundation
import GRDB
import Testing
@testable import ParleyCore
@testable import ParleyStore

/// The counts the SQLite triggers keep (`SummaryTables`) against the same counts taken from the rows, after every
/// kind of change: new events, an event joined by a second source, a date made more precise, a document replaced
/// by a version with other countries, events removed with their only document, corrections of people.
@Suite("Summary tables")
struct SummaryTablesTests {
    typealias B = BackendSuiteTests

    /// Every difference between the kept counts and the counts from the rows (empty when they agree).
    static func differences(_ store: SQLiteEventStore) throws -> [String] {
        try store.read { db in
            var out: [String] = []
            let year = "coalesce(substr(e.date, 1, 4), '')"
            let fresh = try Row.fetchAll(db, sql: """
                SELECT '' AS country, '' AS partner, \(year) AS year, e.type AS type, count(*) AS n FROM event e GROUP BY 3, 4
                UNION ALL SELECT c.country, '', \(year), e.type, count(*) FROM eventCountry c JOIN event e ON e.id = c.eventId GROUP BY 1, 3, 4
                UNION ALL SELECT a.country, b.country, \(year), e.type, count(*) FROM eventCountry a
                  JOIN eventCountry b ON b.eventId = a.eventId AND b.country != a.country JOIN event e ON e.id = a.eventId GROUP BY 1, 2, 3, 4
                """)
            let kept = try Row.fetchAll(db, sql: "SELECT country, partner, year, type, n FROM eventTally WHERE n != 0")
            func key(_ r: Row) -> String { "\(r[0] as String)|\(r[1] as String)|\(r[2] as String)|\(r[3] as String)" }
            let a = Dictionary(uniqueKeysWithValues: fresh.map { (key($0), $0[4] as Int) })
            let b = Dictionary(uniqueKeysWithValues: kept.map { (key($0), $0[4] as Int) })
            for k in Set(a.keys).union(b.keys) where a[k] != b[k] { out.append("eventTally \(k): rows \(a[k] ?? 0), kept \(b[k] ?? 0)") }
            for table in SummaryTables.countedTables {
                let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                let kept = try Int.fetchOne(db, sql: "SELECT n FROM rowCount WHERE tableName = ?", arguments: [table]) ?? -1
                if rows != kept { out.append("rowCount \(table): rows \(rows), kept \(kept)") }
            }
            for r in try Row.fetchAll(db, sql: """
                SELECT id, documentCount, eventCount,
                  (SELECT count(*) FROM organizationMention WHERE organizationId = organization.id),
                  (SELECT count(*) FROM eventOrganization WHERE organizationId = organization.id)
                FROM organization
                """) where (r[1] as Int, r[2] as Int) != (r[3] as Int, r[4] as Int) {
                out.append("organization \(r[0] as Int64): kept \(r[1] as Int)/\(r[2] as Int), rows \(r[3] as Int)/\(r[4] as Int)")
            }
            let undated = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM eventOrganization o JOIN event e ON e.id = o.eventId WHERE o.date IS NOT e.date
                """) ?? 0
            if undated > 0 { out.append("\(undated) organization rows without their event's date") }
            let pairs = try Row.fetchAll(db, sql: """
                SELECT 'missing', a.eventId, a.country, b.country FROM eventCountry a JOIN eventCountry b ON b.eventId = a.eventId AND a.country < b.country
                  JOIN event e ON e.id = a.eventId
                  WHERE NOT EXISTS (SELECT 1 FROM eventPair p WHERE p.eventId = a.eventId AND p.country = a.country AND p.partner = b.country
                                    AND p.date IS e.date)
                UNION ALL SELECT 'extra', p.eventId, p.country, p.partner FROM eventPair p
                  WHERE NOT EXISTS (SELECT 1 FROM eventCountry a JOIN eventCountry b ON b.eventId = a.eventId
                                    WHERE a.eventId = p.eventId AND a.country = p.country AND b.country = p.partner)
                """)
            out += pairs.map { "eventPair \($0[0] as String): event \($0[1] as Int64) \($0[2] as String)-\($0[3] as String)" }
            return out
        }
    }

    static func meeting(_ id: String, date: String, published: String, _ a: (String, String), _ b: (String, String),
                        type: String = "MEET", organization: String? = nil) -> (Document, DocumentAnnotation) {
        let x = B.person("p1", a.0, titles: ["Foreign Minister"], country: a.1)
        let y = B.person("p2", b.0, titles: ["Foreign Minister"], country: b.1)
        let sentence = "\(a.0) met \(b.0)."
        var event = B.event("e1", type, date: date, [x, y], countries: Array(Set([a.1, b.1])).sorted(), evidence: sentence)
        var release = B.release(id, published: published, text: sentence, people: [x, y], events: [event])
        if let organization {
            event.organizations = [organization]
            release.1.events = [event]
            release.1.organizations = [.init(id: "o1", name: organization, aliases: [], kind: "ministry", country: a.1, mentions: [])]
        }
        return release
    }

    @Test("kept counts equal the rows' counts after ingests, replacements, removals and corrections")
    func countsFollowEveryChange() throws {
        let t = try TestStore()
        let store = t.store
        #expect(try Self.differences(store).isEmpty)
        _ = try store.ingest(batch: [
            Self.meeting("a", date: "2023", published: "2023-12-30", ("Anna Berg", "SWE"), ("Juan Soto", "CHL"), organization: "Nordic Council"),
            Self.meeting("b", date: "2024-02-03", published: "2024-02-03", ("Anna Berg", "SWE"), ("Kofi Owusu", "GHA")),
            Self.meeting("c", date: "2024-05-01", published: "2024-05-01", ("Juan Soto", "CHL"), ("Kofi Owusu", "GHA"), type: "CALL"),
        ])
        try #require(try Self.differences(store).isEmpty)
        // The same meeting, dated to the day by another source: the event moves to 2024 in every count.
        _ = try store.ingest(batch: [Self.meeting("a2", date: "2024-01-02", published: "2024-01-03", ("Anna Berg", "SWE"), ("Juan Soto", "CHL"))])
        #expect(try Self.differences(store) == [])
        // A third source of the same meeting names one more country: the event gains a country row and two pairs.
        var third = Self.meeting("a3", date: "2024-01-02", published: "2024-01-04", ("Anna Berg", "SWE"), ("Juan Soto", "CHL"))
        third.1.events[0].countries = ["CHL", "NOR", "SWE"]
        _ = try store.ingest(batch: [third])
        #expect(try Self.differences(store) == [])
        let pairs = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM eventPair WHERE eventId = (SELECT eventId FROM eventSource WHERE documentId = 'a3')")
        }
        #expect(pairs == 3, "one event, reported by a, a2 and a3")
        // A document replaced by a version naming other countries.
        _ = try store.ingest(batch: [Self.meeting("b", date: "2024-02-03", published: "2024-02-03", ("Anna Berg", "SWE"), ("Ivo Horvat", "HRV"))])
        #expect(try Self.differences(store) == [])
        // Real releases, then one of them replaced by another text.
        try t.ingest(Releases.corpus)
        #expect(try Self.differences(store) == [])
        try t.ingest("haddad-call", Releases.trilateral)
        #expect(try Self.differences(store) == [])
        _ = try store.merge("Kofi Owusu", into: "Juan Soto")
        _ = try store.split("Juan Soto", name: "Kofi Owusu")
        #expect(try Self.differences(store) == [])
        let stats = try store.stats()
        #expect(stats.events == (try t.allEvents().count))
        #expect(stats.documents == 5 + Releases.corpus.count)
    }

    @Test("facets from the kept counts equal facets counted over the events")
    func tallyFacetsEqualCountedFacets() throws {
        let t = try TestStore()
        try t.ingest(Releases.corpus)
        _ = try t.store.ingest(batch: [
            Self.meeting("x1", date: "2023-03-01", published: "2023-03-01", ("Anna Berg", "SWE"), ("Juan Soto", "CHL")),
            Self.meeting("x2", date: "2024-04-01", published: "2024-04-01", ("Anna Berg", "SWE"), ("Juan Soto", "CHL"), type: "CALL"),
            Self.meeting("x3", date: "2024-06-01", published: "2024-06-01", ("Anna Berg", "SWE"), ("Kofi Owusu", "GHA")),
        ])
        var filters: [EventFilter] = [EventFilter()]
        for countries in [["SWE"], ["swe", "CHL"], ["CHL", "SWE"], ["GHA"], ["SWE", "SWE"], ["QQQ"]] {
            var f = EventFilter()
            f.countries = countries
            filters.append(f)
            for (type, from, to) in [("MEET", nil, nil), (nil, "2024", nil), (nil, nil, "2023"), ("CALL", "2023", "2024")] as [(String?, String?, String?)] {
                var g = f
                g.type = type
                g.from = from
                g.to = to
                filters.append(g)
            }
        }
        try t.store.read { db in
            for f in filters {
                let countries = Array(Set(f.countries.map { $0.uppercased() })).sorted()
                let kept = try SQLiteBrowseQueries.tallyFacets(db, f, countries)
                let counted = try SQLiteBrowseQueries.countedFacets(db, f)
                #expect(kept == counted, "countries \(f.countries), type \(f.type ?? "-"), \(f.from ?? "…") to \(f.to ?? "…")")
            }
        }
    }

    @Test("the country network from the kept pairs equals the one counted from events")
    func countryNetworkFromPairs() throws {
        let t = try TestStore()
        try t.ingest(Releases.corpus)
        let graph = try t.store.network(.countries, from: "2024", to: "2024", limit: 100)
        var pairs: [String: Int] = [:]
        for e in try t.allEvents() where e.date?.hasPrefix("2024") == true {
            let c = e.countries.sorted()
            for i in c.indices { for j in c.indices where j > i { pairs[c[i] + "-" + c[j], default: 0] += 1 } }
        }
        #expect(!pairs.isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: graph.edges.map { ($0.source + "-" + $0.target, $0.events) }) == pairs)
    }

    @Test("a network is computed again after a write")
    func networkFollowsWrites() throws {
        let t = try TestStore()
        _ = try t.store.ingest(batch: [Self.meeting("n1", date: "2024-03-01", published: "2024-03-01", ("Anna Berg", "SWE"), ("Juan Soto", "CHL"))])
        let before = try t.store.network(.people, from: nil, to: nil, limit: 10)
        #expect(before.edges.count == 1)
        #expect(try t.store.network(.people, from: nil, to: nil, limit: 10).edges == before.edges)
        _ = try t.store.ingest(batch: [Self.meeting("n2", date: "2024-03-05", published: "2024-03-05", ("Anna Berg", "SWE"), ("Kofi Owusu", "GHA"))])
        #expect(try t.store.network(.people, from: nil, to: nil, limit: 10).edges.count == 2)
    }

    @Test("an organization's profile is computed again after a write")
    func organizationFollowsWrites() throws {
        let t = try TestStore()
        _ = try t.store.ingest(batch: [Self.meeting("o1", date: "2024-03-01", published: "2024-03-01", ("Anna Berg", "SWE"), ("Juan Soto", "CHL"),
                                                    organization: "Nordic Council")])
        let id = try #require(try t.store.organizations(search: "Nordic", limit: 5).first?.id)
        #expect(try t.store.organization(id: id).events.count == 1)
        _ = try t.store.ingest(batch: [Self.meeting("o2", date: "2024-04-01", published: "2024-04-01", ("Anna Berg", "SWE"), ("Kofi Owusu", "GHA"),
                                                    organization: "Nordic Council")])
        let profile = try t.store.organization(id: id)
        #expect(profile.events.count == 2 && profile.organization.events == 2 && profile.organization.documents == 2)
    }

    @Test("a database of an earlier schema opened read-only is brought up to date first")
    func readOnlyOpenUpgradesAnOlderDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v4-event-type-index")
        try queue.close()
        let store = try SQLiteEventStore(path: path, readOnly: true)
        #expect(try store.stats().events == 0)
    }
}

import Foundation
import Testing
@testable import ParleyCore
@testable import ParleyStore

/// `BrowsableStore`'s queries against every backend (SQLite always, PostgreSQL when PARLEY_TEST_POSTGRES_URL is
/// set), with the same answers from both.
@Suite("Browse queries")
struct BrowseQueriesTests {
    typealias Backend = BackendSuiteTests.Backend

    static let releases: [(String, String)] = [
        ("r1", """
            2024.05.04
            HANOI, May 3 -- Foreign Minister Ana Lopes met here with Ambassador Karim Haddad to discuss trade between Viet Nam and Egypt.
            """),
        ("r2", """
            2024-06-12
            President Tomas Berg held a telephone conversation with President Nadia Karimova on 11 June 2024 to discuss energy cooperation.
            """),
        ("r3", """
            2023-02-10
            BEIJING, Feb. 9 -- Chinese Foreign Minister Wang Yi met with Vietnamese Foreign Minister Bui Thanh Son in Beijing on Thursday.
            """),
        ("r4", """
            2022-11-20
            HANOI, Nov. 19 -- Vietnamese Foreign Minister Bui Thanh Son received Chinese Ambassador Xiong Bo in Hanoi on Saturday.
            """),
    ]

    static func withLoadedStore(_ backend: Backend, _ body: (any BrowsableStore) throws -> Void) throws {
        try BackendSuiteTests.withStore(backend) { store in
            let extractor = Extractor()
            _ = try store.ingest(batch: releases.map { id, text in
                let d = Document(id: id, text: text, origin: id)
                return (d, extractor.extract(d))
            })
            try body(try #require(store as? any BrowsableStore))
        }
    }

    @Test(arguments: Backend.available)
    func pagesCoverEveryEventOnceInOrder(_ backend: Backend) throws {
        try Self.withLoadedStore(backend) { store in
            var all = EventFilter()
            all.limit = 100
            let everything = try store.eventPage(all, order: .newest, after: nil)
            #expect(everything.next == nil)
            #expect(everything.events.count >= 3)
            for order in EventOrder.allCases {
                var f = EventFilter()
                f.limit = 1
                var cursor: EventCursor?
                var seen: [Int64] = []
                repeat {
                    let page = try store.eventPage(f, order: order, after: cursor)
                    seen += page.events.map(\.id)
                    cursor = page.next
                } while cursor != nil && seen.count < 50
                let expected = everything.events.map(\.id)
                #expect(seen == (order == .newest ? expected : expected.reversed()), "\(order)")
            }
        }
    }

    @Test(arguments: Backend.available)
    func oneEventAndUnknownEvent(_ backend: Backend) throws {
        try Self.withLoadedStore(backend) { store in
            var f = EventFilter()
            f.limit = 1
            let first = try #require(try store.eventPage(f, order: .newest, after: nil).events.first)
            // One event also carries its disagreements (none here), which lists leave out.
            var one = try store.event(id: first.id)
            #expect(one.disagreements != nil)
            one.disagreements = nil
            #expect(one == first)
            #expect(throws: StoreError.self) { try store.event(id: 999_999) }
        }
    }

    @Test(arguments: Backend.available)
    func facetsCountTheFilteredEvents(_ backend: Backend) throws {
        try Self.withLoadedStore(backend) { store in
            let facets = try store.eventFacets(EventFilter())
            #expect(facets.types.reduce(0) { $0 + $1.count } == facets.total)
            #expect(facets.years.map(\.value) == facets.years.map(\.value).sorted(by: >))
            var f = EventFilter()
            f.countries = ["VNM"]
            let vn = try store.eventFacets(f)
            #expect(vn.countries.first { $0.value == "VNM" }?.count == vn.total)
        }
    }

    @Test(arguments: Backend.available)
    func countriesPairsAndNetwork(_ backend: Backend) throws {
        try Self.withLoadedStore(backend) { store in
            let countries = try store.countries()
            #expect(countries.contains { $0.code == "VNM" })
            let vn = try store.country("vnm")
            #expect(vn.partners.contains { $0.value == "CHN" })
            let pair = try store.countryPair("CHN", "VNM")
            #expect(pair.total >= 2)
            #expect(Set(pair.years.map(\.year)).isSuperset(of: ["2022", "2023"]))
            #expect(throws: StoreError.self) { try store.country("QQQ") }
            let graph = try store.network(.countries, from: nil, to: nil, limit: 10)
            #expect(graph.edges.contains { Set([$0.source, $0.target]) == ["CHN", "VNM"] })
            let people = try store.network(.people, from: "2023", to: "2023", limit: 10)
            #expect(people.nodes.allSatisfy { $0.id.hasPrefix("P") && !$0.label.isEmpty })
        }
    }

    @Test(arguments: Backend.available)
    func organizationsAndDocuments(_ backend: Backend) throws {
        try Self.withLoadedStore(backend) { store in
            let orgs = try store.organizations(search: nil, limit: 50)
            for o in orgs.prefix(5) {
                let profile = try store.organization(id: o.id)
                #expect(profile.organization.name == o.name)
                #expect(profile.events.count == min(50, o.events))
            }
            #expect(throws: StoreError.self) { try store.organization(id: 987_654) }
            let doc = try store.document("r1")
            #expect(doc.text.contains("Ana Lopes"))
            #expect(doc.annotation.people.contains { $0.entity != nil })
            #expect(doc.annotation.events.allSatisfy { $0.eventId != nil })
            #expect(throws: StoreError.self) { try store.document("nope") }
        }
    }
}

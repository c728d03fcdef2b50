import Foundation
import GRDB
import Testing
@testable import ParleyCore
@testable import ParleyStore

/// Channels and levels in the database, the same on every backend: stored with the event, merged when another report
/// of the happening joins it, filtered and counted.
@Suite("Channels and levels in the store")
struct ChannelStoreTests {
    typealias Backend = BackendSuiteTests.Backend

    static func side(_ country: String, _ channel: ContactChannel?, level: String?, who: String) -> ContactSide {
        ContactSide(country: country, channel: channel, channelReason: channel.map { _ in "\(who) (test)" },
                    level: level, levelReason: level.map { _ in "\(who), test title" })
    }

    /// An event of a release, with the channel its sides give.
    static func event(_ id: String, _ type: String, date: String, _ people: [DocumentAnnotation.Person], countries: [String],
                      sides: [ContactSide], evidence: String) -> DocumentAnnotation.Event {
        var e = BackendSuiteTests.event(id, type, date: date, people, countries: countries, evidence: evidence)
        let profile = ContactProfile(sides: sides)
        e.channel = profile.channel.rawValue
        e.channelReason = profile.reason
        e.sides = profile.sides
        return e
    }

    /// Ana Lopes (Ghana) meets Karim Haddad (Kenya) on 2 March: one release says little about Kenya's side, the other
    /// names him as party leader. Kwame Mensah and Karim Haddad, foreign ministers, meet on 5 March.
    static func releases() -> [(Document, DocumentAnnotation)] {
        let ana = BackendSuiteTests.person("p1", "Ana Lopes", country: "GHA")
        let karim = BackendSuiteTests.person("p2", "Karim Haddad", country: "KEN")
        let kwame = BackendSuiteTests.person("p1", "Kwame Mensah", country: "GHA")
        let first = "Ana Lopes of the New Patriotic Party met Karim Haddad in Accra on 2 March."
        let second = "Party leader Karim Haddad was received by Ana Lopes in Accra on 2 March."
        let third = "Foreign Minister Kwame Mensah met Foreign Minister Karim Haddad on 5 March."
        return [
            BackendSuiteTests.release("gh-1", published: "2024-03-02", text: first, people: [ana, karim], events: [
                event("e1", "MEET", date: "2024-03-02", [ana, karim], countries: ["GHA", "KEN"],
                      sides: [side("GHA", .party, level: "official", who: "Ana Lopes"), side("KEN", nil, level: nil, who: "Karim Haddad")],
                      evidence: first),
            ]),
            BackendSuiteTests.release("ke-1", published: "2024-03-03", text: second, people: [karim, ana], events: [
                event("e1", "MEET", date: "2024-03-02", [karim, ana], countries: ["KEN", "GHA"],
                      sides: [side("KEN", .party, level: "party-leader", who: "Karim Haddad"), side("GHA", nil, level: nil, who: "Ana Lopes")],
                      evidence: second),
            ]),
            BackendSuiteTests.release("gh-2", published: "2024-03-05", text: third, people: [kwame, karim], events: [
                event("e1", "MEET", date: "2024-03-05", [kwame, karim], countries: ["GHA", "KEN"],
                      sides: [side("GHA", .state, level: "minister", who: "Kwame Mensah"), side("KEN", .state, level: "minister", who: "Karim Haddad")],
                      evidence: third),
            ]),
        ]
    }

    @Test("the channel and sides are stored, merged across reports, filtered and counted", arguments: Backend.available)
    func storedMergedFilteredCounted(_ backend: Backend) throws {
        try BackendSuiteTests.withStore(backend) { store throws in
            for r in Self.releases() { _ = try store.ingest(r.0, r.1) }
            let events = try store.events(EventFilter())
            #expect(events.count == 2)
            let party = try #require(events.first { $0.date == "2024-03-02" })
            #expect(party.sources.count == 2)
            #expect(party.channel == "party")
            #expect(party.sides.map(\.country) == ["GHA", "KEN"])
            #expect(party.sides.map(\.level) == ["official", "party-leader"])
            #expect(party.sides.map(\.channel) == ["party", "party"])
            #expect(party.channelReason == "GHA party: Ana Lopes (test); KEN party: Karim Haddad (test)")
            #expect(party.sides[1].levelReason == "Karim Haddad, test title")

            var f = EventFilter()
            f.channel = "party"
            #expect(try store.events(f).map(\.date) == ["2024-03-02"])
            f.channel = "state"
            #expect(try store.events(f).map(\.date) == ["2024-03-05"])
            f.channel = "mixed"
            #expect(try store.events(f).isEmpty)
            f = EventFilter()
            f.level = "party-leader"
            #expect(try store.events(f).map(\.date) == ["2024-03-02"])
            f.level = "minister"
            #expect(try store.events(f).map(\.date) == ["2024-03-05"])
            f.countries = ["KEN"]
            #expect(try store.events(f).count == 1)

            let browse = try #require(store as? any BrowsableStore)
            let facets = try browse.eventFacets(EventFilter())
            #expect(facets.channels == [FacetCount(value: "party", count: 1), FacetCount(value: "state", count: 1)])
            #expect(facets.levels == [FacetCount(value: "party-leader", count: 1), FacetCount(value: "minister", count: 1),
                                      FacetCount(value: "official", count: 1)])
            var narrowed = EventFilter()
            narrowed.channel = "party"
            let partyFacets = try browse.eventFacets(narrowed)
            #expect(partyFacets.total == 1)
            #expect(partyFacets.types == [FacetCount(value: "MEET", count: 1)])
            #expect(partyFacets.levels.map(\.value) == ["party-leader", "official"])
            #expect(try browse.eventPage(narrowed, order: .newest, after: nil).events.map(\.channel) == ["party"])
        }
    }

    @Test("the contact network keeps only the contacts of a channel when asked", arguments: Backend.available)
    func networkByChannel(_ backend: Backend) throws {
        try BackendSuiteTests.withStore(backend) { store throws in
            for r in Self.releases() { _ = try store.ingest(r.0, r.1) }
            let browse = try #require(store as? any BrowsableStore)
            let all = try browse.network(.people, from: nil, to: nil, limit: 10)
            #expect(all.edges.count == 2)
            let party = try browse.network(.people, from: nil, to: nil, channel: "party", limit: 10)
            #expect(Set(party.nodes.map(\.label)) == ["Ana Lopes", "Karim Haddad"] && party.edges.map(\.events) == [1])
            let state = try browse.network(.countries, from: "2024", to: "2024", channel: "state", limit: 10)
            #expect(state.edges.map { [$0.source, $0.target] } == [["GHA", "KEN"]] && state.edges.map(\.events) == [1])
            #expect(try browse.network(.organizations, from: nil, to: nil, channel: "parliament", limit: 10).edges.isEmpty)
        }
    }

    @Test("a merged event takes in the other's sides, as another report of it would", arguments: Backend.available)
    func mergeJoinsTheSides(_ backend: Backend) throws {
        try BackendSuiteTests.withStore(backend) { store throws in
            for r in Self.releases() { _ = try store.ingest(r.0, r.1) }
            let events = try store.events(EventFilter())
            let party = try #require(events.first { $0.date == "2024-03-02" }), state = try #require(events.first { $0.date == "2024-03-05" })
            _ = try store.correctEvent(EventCorrectionRequest(kind: .merge, event: state.id, other: party.id))
            let merged = try #require(try store.events(EventFilter()).first)
            #expect(merged.id == party.id && merged.sources.count == 3)
            #expect(merged.sides.first { $0.country == "GHA" }?.level == "minister", "\(merged.sides)")
            #expect(merged.channel != nil)
        }
    }

    @Test("an event stored from a document of an older Parley has no channel until the document is ingested again",
          arguments: Backend.available)
    func annotationsWithoutChannels(_ backend: Backend) throws {
        try BackendSuiteTests.withStore(backend) { store throws in
            var (doc, a) = BackendSuiteTests.chinaRussia()
            #expect(a.events[0].channel == nil)
            _ = try store.ingest(doc, a)
            let e = try #require(try store.events(EventFilter()).first)
            #expect(e.channel == nil && e.sides.isEmpty)
            // A later report of the happening brings one.
            (doc, a) = BackendSuiteTests.chinaRussia("tass")
            a.events[0].channel = "state"
            a.events[0].channelReason = "CHN state: Wang Yi; RUS state: Sergey Lavrov"
            a.events[0].sides = [ContactSide(country: "RUS", channel: .state, level: "minister"), ContactSide(country: "CHN", channel: .state, level: "minister")]
            _ = try store.ingest(doc, a)
            let joined = try #require(try store.events(EventFilter()).first)
            #expect(joined.sources.count == 2)
            #expect(joined.channel == "state")
            #expect(joined.sides.map(\.country) == ["CHN", "RUS"])
        }
    }

    @Test func upgradingASQLiteDatabaseMarksItsDocumentsChangedSoTheyAreCodedAgain() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v5-summary-tables")
        let (doc, a) = extracted("gh-talks", "2024-03-02\nNAIROBI, March 1 -- Foreign Minister Karim Haddad of Kenya met with Ghana's Minister of Foreign Affairs Ana Lopes in Nairobi on Friday.")
        let hash = SQLiteEventStore.contentHash(doc)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO document (id, contentHash, text, annotation, ingestedAt) VALUES (?, ?, ?, '{}', '2026-01-01T00:00:00Z')",
                           arguments: [doc.id, hash, doc.text])
        }
        try queue.close()
        let store = try SQLiteEventStore(path: path)
        #expect(try store.ingest(doc, a) == .replaced)
        #expect(try store.events(EventFilter()).first?.channel == "state")
        #expect(try store.ingest(doc, a) == .unchanged)
    }
}

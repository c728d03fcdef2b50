import Foundation
import Hummingbird
import HummingbirdTesting
import ParleyServer
import Testing

// Sources that disagree, through the API and on the event page: two releases give one meeting different days.

/// Releases written for these tests: one meeting told by both sides a day apart, and another meeting.
enum DisagreeingReleases {
    static let accraSide = """
        2026-03-05
        Foreign Minister Lopes receives Kenyan counterpart

        ACCRA, March 4 -- Ghanaian Foreign Minister Ana Lopes held talks with Kenyan Foreign Minister Karim Haddad in Accra.

        The ministers discussed trade between Ghana and Kenya.
        """
    static let nairobiSide = """
        2026-03-06
        Haddad holds talks in Accra

        On March 5, Kenyan Foreign Minister Karim Haddad held talks with Ghanaian Foreign Minister Ana Lopes in Accra.

        Karim Haddad said Kenya is ready to expand trade with Ghana.
        """
    static let envoy = """
        2026-04-10
        Minister receives Ambassador

        ACCRA, April 9 -- Ghanaian Foreign Minister Ana Lopes received Ambassador Kwame Mensah in Accra.
        """
    static let all: [(id: String, text: String)] = [("accra", accraSide), ("nairobi", nairobiSide), ("envoy", envoy)]
}

@Suite struct DisagreementTests {
    let db: TestDatabase
    init() throws { db = try TestDatabase(DisagreeingReleases.all) }

    @Test func disputedEventsListOnlyTheEventWhoseSourcesDisagree() async throws {
        try await db.withClient { client in
            let all = try #require(try await client.get("/api/v1/events").json()["events"] as? [[String: Any]])
            #expect(all.count == 2)
            #expect(all.allSatisfy { $0["disagreements"] == nil })
            let r = try await client.get("/api/v1/events?disputed=true")
            #expect(r.status == .ok)
            let disputed = try #require(try r.json()["events"] as? [[String: Any]])
            #expect(disputed.count == 1)
            #expect((disputed.first?["disagreements"] as? [[String: Any]])?.first?["field"] as? String == "date")
            let none = try #require(try await client.get("/api/v1/events?disputed=false").json()["events"] as? [[String: Any]])
            #expect(none.count == 2)
            #expect(try await client.get("/api/v1/events?disputed=yes").status == .badRequest)
        }
    }

    @Test func eventResourceHasEachSourcesValue() async throws {
        try await db.withClient { client in
            let all = try #require(try await client.get("/api/v1/events").json()["events"] as? [[String: Any]])
            for e in all {
                let id = try #require(e["id"] as? Int)
                let event = try await client.get("/api/v1/events/E\(id)").json()
                let list = try #require(event["disagreements"] as? [[String: Any]])
                if (e["sources"] as? [Any])?.count == 2 {
                    #expect(list.count == 1)
                    let values = try #require(list.first?["values"] as? [[String: Any]])
                    #expect(values.compactMap { $0["documentId"] as? String } == ["accra", "nairobi"])
                    #expect(values.compactMap { $0["value"] as? String } == ["2026-03-04", "2026-03-05"])
                } else {
                    #expect(list.isEmpty)
                }
            }
        }
    }

    @Test func eventPageShowsTheSourcesSideBySide() async throws {
        try await db.withClient { client in
            let all = try #require(try await client.get("/api/v1/events").json()["events"] as? [[String: Any]])
            let joined = try #require(all.first { ($0["sources"] as? [Any])?.count == 2 }?["id"] as? Int)
            let page = try await client.get("/events/E\(joined)").text
            #expect(page.contains("<h2 id=\"disagree-h\">Sources disagree</h2>"))
            #expect(page.contains("<td>date</td><td><a href=\"/documents/accra\">accra</a></td><td>2026-03-04</td>"))
            #expect(page.contains("<td>2026-03-05</td>"))
            let single = try #require(all.first { ($0["sources"] as? [Any])?.count == 1 }?["id"] as? Int)
            #expect(!(try await client.get("/events/E\(single)").text.contains("Sources disagree")))
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import ParleyServer
import Testing

// The JSON API in-process: answers, pagination, and problem+json errors for bad input.

@Suite struct APIRouteTests {
    let db: TestDatabase
    init() throws { db = try TestDatabase() }

    @Test func eventsListsStoredEventsNewestFirst() async throws {
        try await db.withClient { client in
            let r = try await client.get("/api/v1/events")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "application/json")
            let events = try #require(try r.json()["events"] as? [[String: Any]])
            #expect(events.count >= 2)
            let dates = events.compactMap { $0["date"] as? String }
            #expect(dates == dates.sorted(by: >))
        }
    }

    @Test func cursorPagesThroughEveryEventOnce() async throws {
        try await db.withClient { client in
            let all = try #require(try await client.get("/api/v1/events?limit=500").json()["events"] as? [[String: Any]])
            var seen: [Int] = []
            var uri = "/api/v1/events?limit=1"
            for _ in 0..<20 {
                let page = try await client.get(uri).json()
                seen += (page["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
                guard let next = page["nextCursor"] as? String else { break }
                uri = "/api/v1/events?limit=1&cursor=\(next)"
            }
            #expect(seen == all.compactMap { $0["id"] as? Int })
        }
    }

    @Test func oldestOrderReversesTheList() async throws {
        try await db.withClient { client in
            let newest = try await client.get("/api/v1/events").json()["events"] as? [[String: Any]] ?? []
            let oldest = try await client.get("/api/v1/events?order=oldest").json()["events"] as? [[String: Any]] ?? []
            #expect(newest.compactMap { $0["id"] as? Int } == oldest.compactMap { $0["id"] as? Int }.reversed())
        }
    }

    @Test(arguments: ["/api/v1/events?cursor=not-a-cursor!", "/api/v1/events?cursor=eHl6", "/api/v1/events?from=May+2024",
                      "/api/v1/events?to=2024-13", "/api/v1/events?limit=100000", "/api/v1/events?limit=0", "/api/v1/events?limit=ten",
                      "/api/v1/events?type=PARTY", "/api/v1/events?country=Vietnam", "/api/v1/events?order=sideways",
                      "/api/v1/search", "/api/v1/network?kind=cats", "/api/v1/people?limit=-1"])
    func badInputIsA400Problem(uri: String) async throws {
        try await db.withClient { client in
            let r = try await client.get(uri)
            #expect(r.status == .badRequest, "\(uri)")
            #expect(r.headers[.contentType] == "application/problem+json")
            let body = try r.json()
            #expect(body["status"] as? Int == 400)
            #expect((body["detail"] as? String)?.isEmpty == false)
        }
    }

    @Test(arguments: ["/api/v1/events/E999999", "/api/v1/events/abc", "/api/v1/people/P999999", "/api/v1/organizations/O424242",
                      "/api/v1/countries/ZZZ", "/api/v1/documents/no-such-document", "/api/v1/nothing-here"])
    func unknownIdIsA404Problem(uri: String) async throws {
        try await db.withClient { client in
            let r = try await client.get(uri)
            #expect(r.status == .notFound, "\(uri)")
            #expect(r.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func oneEventHasParticipantsRolesAndSources() async throws {
        try await db.withClient { client in
            let first = try #require((try await client.get("/api/v1/events?type=MEET&person=Ana+Lopes").json()["events"] as? [[String: Any]])?.first)
            let id = try #require(first["id"] as? Int)
            let event = try await client.get("/api/v1/events/E\(id)").json()
            let people = try #require(event["participants"] as? [[String: Any]])
            #expect(people.contains { $0["name"] as? String == "Ana Lopes" })
            #expect(people.allSatisfy { $0["role"] is String })
            let source = try #require((event["sources"] as? [[String: Any]])?.first)
            #expect(source["documentId"] is String)
            #expect((source["end"] as? Int ?? 0) > (source["start"] as? Int ?? 0))
        }
    }

    @Test func documentHasPeopleAndEventSpans() async throws {
        try await db.withClient { client in
            let doc = try await client.get("/api/v1/documents/meeting").json()
            let spans = try #require(doc["spans"] as? [[String: Any]])
            let kinds = Set(spans.compactMap { $0["kind"] as? String })
            #expect(kinds.isSuperset(of: ["person", "event", "place"]))
            let text = try #require(doc["text"] as? String)
            let scalars = Array(text.unicodeScalars)
            for s in spans {
                let (a, b) = (s["start"] as? Int ?? -1, s["end"] as? Int ?? -1)
                #expect(a >= 0 && b <= scalars.count && a < b)
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[a..<b])
                #expect(String(piece) == s["text"] as? String)
            }
        }
    }

    @Test func searchReturnsSnippets() async throws {
        try await db.withClient { client in
            let r = try await client.get("/api/v1/search?q=energy")
            #expect(r.status == .ok)
            let hits = try #require(try r.json()["hits"] as? [[String: Any]])
            #expect(hits.first?["documentId"] as? String == "call")
            #expect((hits.first?["snippet"] as? String)?.contains("[energy]") == true)
        }
    }

    @Test func countryPairCountsContactsPerYear() async throws {
        try await db.withClient { client in
            let countries = try #require(try await client.get("/api/v1/countries").json()["countries"] as? [[String: Any]])
            guard countries.count >= 2, let a = countries[0]["code"] as? String, let b = countries[1]["code"] as? String else { return }
            let r = try await client.get("/api/v1/countries/\(a)/\(b)")
            #expect(r.status == .ok)
            #expect(try r.json()["years"] is [Any])
        }
    }

    @Test func noCORSHeadersUnlessConfigured() async throws {
        try await db.withClient { client in
            let r = try await client.get("/api/v1/stats", headers: [.origin: "https://elsewhere.example"])
            #expect(r.headers[.accessControlAllowOrigin] == nil)
        }
        var c = ServerConfigurationFixture.base
        c.corsOrigin = "https://allowed.example"
        try await db.withClient(c) { client in
            let r = try await client.get("/api/v1/stats", headers: [.origin: "https://allowed.example"])
            #expect(r.headers[.accessControlAllowOrigin] == "https://allowed.example")
        }
    }
}

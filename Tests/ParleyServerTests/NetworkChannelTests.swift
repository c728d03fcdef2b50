import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

// The contact network by channel: the API's `channel` parameter and the network page's channel choice.

@Suite struct NetworkChannelTests {
    let db: TestDatabase
    init() throws { db = try TestDatabase() }

    @Test func theNetworkKeepsTheContactsOfTheChosenChannel() async throws {
        try await db.withClient { client in
            let facets = try await client.get("/api/v1/facets").json()["channels"] as? [[String: Any]] ?? []
            let all = try await client.get("/api/v1/network?from=2000&to=2030").json()
            let allEdges = (all["edges"] as? [[String: Any]] ?? []).compactMap { $0["events"] as? Int }.reduce(0, +)
            var sum = 0
            for c in facets.compactMap({ $0["value"] as? String }) {
                let g = try await client.get("/api/v1/network?from=2000&to=2030&channel=\(c)").json()
                sum += (g["edges"] as? [[String: Any]] ?? []).compactMap { $0["events"] as? Int }.reduce(0, +)
            }
            #expect(allEdges > 0 && sum == allEdges, "the channels' links add up to all links: \(sum) of \(allEdges)")
            #expect(try await client.get("/api/v1/network?channel=bogus").status == .badRequest)
            let page = try await client.get("/network?channel=state").text
            #expect(page.contains("state channel") && page.contains(#"<option value="state" selected>"#))
        }
    }
}

import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// Several `parley serve` processes over one PostgreSQL database: what one stores, the others show within their cache
// time. Runs when PARLEY_TEST_POSTGRES_URL names a server (each run in a schema of its own).

private let postgresURL = ProcessInfo.processInfo.environment["PARLEY_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

@Suite(.enabled(if: parleyBinary != nil && postgresURL != nil, "needs the parley binary and PARLEY_TEST_POSTGRES_URL"), .serialized)
struct MultiServerTests {
    static let token = "two-servers-token"
    static let cacheSeconds = 1.0

    /// Adds a release through `server`'s API; 201 when it was stored.
    func upload(_ text: String, id: String, to server: ServerProcess) async throws -> Int {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(server.port)/api/v1/documents?id=\(id)")))
        request.httpMethod = "POST"
        request.setValue("Bearer \(Self.token)", forHTTPHeaderField: "Authorization")
        request.setValue("text/plain", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(text.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// The names of the people `server` finds for `query`.
    func people(_ query: String, on server: ServerProcess) async throws -> [String] {
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: "http://127.0.0.1:\(server.port)/api/v1/people?q=\(query)")))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (json["people"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    /// Seconds until `server` lists a person named like `query`, asking every 0.1 s for at most `limit` seconds.
    func secondsUntilSeen(_ query: String, on server: ServerProcess, limit: Double) async throws -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < limit {
            if try await !people(query, on: server).isEmpty { return Date().timeIntervalSince(start) }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return nil
    }

    @Test(.timeLimit(.minutes(3)))
    func twoServersSeeEachOthersWritesWithinTheirCacheTime() async throws {
        let base = try #require(postgresURL)
        let schema = "parley_two_servers_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let url = base + (base.contains("?") ? "&" : "?") + "schema=" + schema
        let environment = ["PARLEY_TOKEN": Self.token, "PARLEY_CACHE_SECONDS": String(Self.cacheSeconds)]
        // The first server creates the schema; the second opens it.
        let a = try ServerProcess(database: url, environment: environment)
        let b = try ServerProcess(database: url, environment: environment)
        defer {
            _ = a.stop()
            _ = b.stop()
        }
        // Both have answered (and cached) the question before either write.
        #expect(try await people("Asante", on: a).isEmpty)
        #expect(try await people("Asante", on: b).isEmpty)
        #expect(try await people("Wanjiru", on: a).isEmpty)

        let first = "Ghana and Kenya\n\nAccra, 3 March 2025 - Foreign Minister Kwabena Asante met Ambassador Amina Wanjiru of Kenya in Accra on 3 March 2025. They discussed trade.\n"
        #expect(try await upload(first, id: "two-servers-accra", to: a) == 201)
        // The writer's own cache is emptied by the write; the other server sees it once its entry expires.
        #expect(try await !people("Asante", on: a).isEmpty)
        let seenByB = try await secondsUntilSeen("Asante", on: b, limit: Self.cacheSeconds + 5)
        #expect(seenByB != nil, "server B never showed what server A stored")
        #expect((seenByB ?? .infinity) <= Self.cacheSeconds + 1.5)

        let second = "Kenya and Ghana\n\nNairobi, 5 March 2025 - Ambassador Amina Wanjiru of Kenya received Minister Kwame Mensah of Ghana in Nairobi on 5 March 2025.\n"
        #expect(try await upload(second, id: "two-servers-nairobi", to: b) == 201)
        let seenByA = try await secondsUntilSeen("Mensah", on: a, limit: Self.cacheSeconds + 5)
        #expect(seenByA != nil, "server A never showed what server B stored")
        // One person across the two servers' writes: Amina Wanjiru is one entity with both documents.
        #expect(try await people("Wanjiru", on: a).count == 1)
        #expect(try await people("Wanjiru", on: b).count == 1)
    }
}

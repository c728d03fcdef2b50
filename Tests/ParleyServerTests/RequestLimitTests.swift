import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ParleyServer
import Testing

// The limits `parley serve` puts on request heads, over a real socket (the in-process router never sees them).

@Suite struct RequestLimitTests {
    /// `body` with a client of the server as `parley serve` runs it, over the test releases.
    func withLiveServer(_ configuration: ServerConfiguration = ServerConfiguration(),
                        _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let db = try TestDatabase()
        let app = try ParleyServer.application(store: db.store, configuration: configuration, logger: Logger(label: "parley.test"))
        try await app.test(.live, body)
    }

    /// An ordinary request on a new connection (a refused connection is closed by the server).
    func getOnNewConnection(_ client: any TestClientProtocol, _ uri: String) async throws -> TestClient.Response {
        let port = try #require(client.port)
        return try await TestClient.withClient(host: "localhost", port: port) { try await $0.get(uri) }
    }

    @Test func aQueryStringOverTheLimitIsRefusedWith414AndTheServerGoesOnAnswering() async throws {
        try await withLiveServer { client in
            let r = try await client.get("/api/v1/events?q=" + String(repeating: "x", count: 40_000))
            #expect(r.status == .uriTooLong)
            #expect(r.headers[.contentType] == "application/problem+json")
            #expect(try r.json()["status"] as? Int == 414)
            let after = try await getOnNewConnection(client, "/api/v1/events")
            #expect(after.head.status == .ok)
        }
    }

    @Test func aQueryStringUnderTheLimitIsAnswered() async throws {
        try await withLiveServer { client in
            let r = try await client.get("/api/v1/events?country=" + String(repeating: "x", count: 8_000))
            #expect(r.status != .uriTooLong)
            #expect(r.status != .badRequest || r.text.contains("country"))
        }
    }

    @Test func headersOverTheLimitAreRefusedWith431() async throws {
        try await withLiveServer { client in
            var headers = HTTPFields()
            for i in 0..<8 { headers[.init("X-Padding-\(i)")!] = String(repeating: "y", count: 10_000) }
            let r = try await client.get("/api/v1/events", headers: headers)
            #expect(r.status == .requestHeaderFieldsTooLarge)
            let after = try await getOnNewConnection(client, "/api/v1/events")
            #expect(after.head.status == .ok)
        }
    }

    @Test func theLimitsAreConfigurable() async throws {
        var configuration = ServerConfiguration()
        configuration.maxRequestLineBytes = 1024
        try await withLiveServer(configuration) { client in
            let r = try await client.get("/api/v1/events?q=" + String(repeating: "x", count: 2_000))
            #expect(r.status == .uriTooLong)
        }
    }

    @Test func theIdleTimeoutComesFromTheEnvironment() {
        #expect(ServerConfiguration.fromEnvironment(["PARLEY_IDLE_TIMEOUT_SECONDS": "5"]).idleTimeoutSeconds == 5)
        #expect(ServerConfiguration.fromEnvironment([:]).idleTimeoutSeconds == 15)
    }
}

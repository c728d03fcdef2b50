import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

// POST /api/v1/documents: the token, the size limit, and the same idempotent ingest as `parley ingest`.

@Suite struct UploadTests {
    let db: TestDatabase
    init() throws { db = try TestDatabase([]) }

    static let release = """
        2024-09-10
        President Tomas Berg received Foreign Minister Ana Lopes in Oslo on 9 September 2024 to discuss fisheries and shipping.
        """

    func post(_ client: any TestClientProtocol, _ body: String, token: String?, type: String = "text/plain", query: String = "?id=oslo")
        async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: type]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: "/api/v1/documents\(query)", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func writesAreRefusedWhenNoTokenIsConfigured() async throws {
        try await db.withClient { client in
            let r = try await post(client, Self.release, token: "anything")
            #expect(r.status == .forbidden)
            #expect(r.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func missingOrWrongTokenIsA401() async throws {
        try await db.withClient(ServerConfigurationFixture.withToken("s3cret")) { client in
            let status1 = try await post(client, Self.release, token: nil).status
            #expect(status1 == .unauthorized)
            let status2 = try await post(client, Self.release, token: "s3creT").status
            #expect(status2 == .unauthorized)
            let status3 = try await post(client, Self.release, token: "s3cret-and-more").status
            #expect(status3 == .unauthorized)
        }
    }

    @Test func ingestIsIdempotent() async throws {
        try await db.withClient(ServerConfigurationFixture.withToken("s3cret")) { client in
            // Read once before the write, so a cached answer would show the empty database afterwards.
            let before = try await client.get("/api/v1/events").json()["events"] as? [[String: Any]] ?? []
            #expect(before.isEmpty)
            let first = try await post(client, Self.release, token: "s3cret")
            #expect(first.status == .created)
            let docs = try #require(try first.json()["documents"] as? [[String: Any]])
            #expect(docs.first?["outcome"] as? String == "inserted")
            let again = try await post(client, Self.release, token: "s3cret")
            #expect(again.status == .ok)
            #expect((try again.json()["documents"] as? [[String: Any]])?.first?["outcome"] as? String == "unchanged")
            let events = try await client.get("/api/v1/events").json()["events"] as? [[String: Any]] ?? []
            #expect(!events.isEmpty)
        }
    }

    @Test func jsonLinesBatchAddsEveryRecord() async throws {
        let lines = [
            #"{"id": "a1", "text": "2024-03-01\nForeign Minister Ana Lopes met with Ambassador Karim Haddad in Hanoi on 28 February 2024."}"#,
            #"{"id": "a2", "text": "2024-03-05\nPresident Tomas Berg held a telephone conversation with President Nadia Karimova on 4 March 2024."}"#,
        ].joined(separator: "\n")
        try await db.withClient(ServerConfigurationFixture.withToken("s3cret")) { client in
            let r = try await post(client, lines, token: "s3cret", type: "application/x-ndjson", query: "")
            #expect(r.status == .created)
            let docs = try #require(try r.json()["documents"] as? [[String: Any]])
            #expect(docs.compactMap { $0["id"] as? String }.sorted() == ["a1", "a2"])
        }
    }

    @Test func bodyOverTheLimitIsA413() async throws {
        try await db.withClient(ServerConfigurationFixture.withToken("s3cret", maxBody: 1000)) { client in
            let r = try await post(client, String(repeating: "Minister met envoy. ", count: 200), token: "s3cret")
            #expect(r.status == .contentTooLarge)
            #expect(r.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func aMissingAuthorizationHeaderIsTheDeclared401() async throws {
        try await db.withClient(ServerConfigurationFixture.withToken("s3cret")) { client in
            let r = try await post(client, Self.release, token: nil)
            #expect(r.status == .unauthorized)
            #expect(r.headers[.wwwAuthenticate] == "Bearer")
            #expect(r.headers[.contentType] == "application/problem+json")
            let spec = try await client.get("/api/v1/openapi.json").json()
            let post = try #require(((spec["paths"] as? [String: Any])?["/api/v1/documents"] as? [String: Any])?["post"] as? [String: Any])
            #expect(post["security"] != nil)
            let declared = (post["responses"] as? [String: Any])?["401"] as? [String: Any]
            #expect((declared?["headers"] as? [String: Any])?["WWW-Authenticate"] != nil)
        }
    }

    @Test(arguments: ["application/xml", "multipart/form-data", "application/x-www-form-urlencoded", "image/png"])
    func aMediaTypeTheDocumentDoesNotListIsA415(type: String) async throws {
        try await db.withClient(ServerConfigurationFixture.withToken("s3cret")) { client in
            let r = try await post(client, Self.release, token: "s3cret", type: type)
            #expect(r.status == .unsupportedMediaType)
            #expect(r.headers[.contentType] == "application/problem+json")
        }
    }

    @Test(arguments: ["[]", "5", "\"text\"", "{}", #"{"text": 5}"#, #"{"text": ""}"#, #"{"html": "", "text": null}"#, #"{"title": ["a"], "text": "x"}"#, "{"])
    func aJSONBodyThatIsNotARecordIsA400(body: String) async throws {
        try await db.withClient(ServerConfigurationFixture.withToken("s3cret")) { client in
            let r = try await post(client, body, token: "s3cret", type: "application/json")
            #expect(r.status == .badRequest, "\(body)")
            #expect(r.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func aJSONRecordOverSeveralLinesIsOneRecord() async throws {
        let record = """
            {
              "id": "oslo-json",
              "text": "2024-09-10\\nPresident Tomas Berg received Foreign Minister Ana Lopes in Oslo on 9 September 2024.",
              "extra": {"ignored": [1, 2]}
            }
            """
        try await db.withClient(ServerConfigurationFixture.withToken("s3cret")) { client in
            let r = try await post(client, record, token: "s3cret", type: "application/json", query: "")
            #expect(r.status == .created)
            #expect((try r.json()["documents"] as? [[String: Any]])?.first?["id"] as? String == "oslo-json")
        }
    }

    @Test(arguments: [("text/plain", " \n\t "), ("text/plain", "%PDF-1.7 binary"), ("text/html", "<p>x</p>"), ("application/json", #"{"text": "  "}"#)])
    func aWellFormedBodyWithNoReleaseChangesNothing(type: String, body: String) async throws {
        try await db.withClient(ServerConfigurationFixture.withToken("s3cret")) { client in
            let r = try await post(client, body, token: "s3cret", type: type, query: "?id=nothing-readable")
            #expect(r.status == .ok, "\(type) \(body)")
            let json = try r.json()
            #expect((json["documents"] as? [Any])?.isEmpty == true)
            #expect((json["errors"] as? [String])?.isEmpty == false)
            let status = try await client.get("/api/v1/documents/nothing-readable").status
            #expect(status == .notFound)
        }
    }

    @Test func emptyBodyIsA400() async throws {
        try await db.withClient(ServerConfigurationFixture.withToken("s3cret")) { client in
            let status4 = try await post(client, "", token: "s3cret").status
            #expect(status4 == .badRequest)
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

// Review over HTTP: the API's corrections behind the bearer token, and the event page's forms behind a signed-in
// session with its form token.

@Suite struct EventCorrectionAPITests {
    let db: TestDatabase
    init() throws { db = try TestDatabase() }

    static let token = "review-s3cret"

    func post(_ client: any TestClientProtocol, _ uri: String, json: String? = nil, token: String? = EventCorrectionAPITests.token) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// The call of the test releases (one source).
    func callEvent(_ client: any TestClientProtocol) async throws -> Int {
        let events = try await client.get("/api/v1/events?type=CALL").json()["events"] as? [[String: Any]] ?? []
        return try #require(events.first?["id"] as? Int)
    }

    @Test func correctionsNeedTheToken() async throws {
        try await db.withClient { client in
            let id = try await callEvent(client)
            #expect(try await post(client, "/api/v1/events/E\(id)/corrections", json: #"{"kind":"reject"}"#).status == .forbidden)
        }
        try await db.withClient(ServerConfigurationFixture.withToken(Self.token)) { client in
            let id = try await callEvent(client)
            let r = try await post(client, "/api/v1/events/E\(id)/corrections", json: #"{"kind":"reject"}"#, token: "wrong")
            #expect(r.status == .unauthorized && r.headers[.wwwAuthenticate] == "Bearer")
            #expect(try await post(client, "/api/v1/corrections/1/undo", token: nil).status == .unauthorized)
            #expect((try await client.get("/api/v1/corrections").json()["corrections"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func setReviewUndoRoundTrip() async throws {
        try await db.withClient(ServerConfigurationFixture.withToken(Self.token)) { client in
            let id = try await callEvent(client)
            // Read first, so that a cached answer would show the old type afterwards.
            _ = try await client.get("/api/v1/events/E\(id)")
            let made = try await post(client, "/api/v1/events/E\(id)/corrections", json: #"{"kind":"set","type":"MEET","place":"Geneva","note":"met in person"}"#)
            #expect(made.status == .created, "\(made.text)")
            let correction = try made.json()
            #expect(correction["kind"] as? String == "set" && correction["note"] as? String == "met in person" && correction["event"] as? Int == id)
            let event = try await client.get("/api/v1/events/E\(id)").json()
            #expect(event["type"] as? String == "MEET" && event["place"] as? String == "Geneva")
            let review = try await client.get("/api/v1/events/E\(id)/review").json()
            #expect((review["corrections"] as? [[String: Any]])?.count == 1)
            #expect((review["reports"] as? [[String: Any]])?.first?["type"] as? String == "CALL")
            let number = try #require(correction["id"] as? Int)
            let undone = try await post(client, "/api/v1/corrections/\(number)/undo")
            let undoneAt = try undone.json()["undoneAt"] as? String
            #expect(undone.status == .ok && undoneAt != nil)
            let back = try await client.get("/api/v1/events?type=CALL").json()["events"] as? [[String: Any]] ?? []
            #expect(back.count == 1)
            #expect(try await post(client, "/api/v1/corrections/\(number)/undo").status == .conflict)
        }
    }

    @Test func badCorrectionsAreProblems() async throws {
        try await db.withClient(ServerConfigurationFixture.withToken(Self.token)) { client in
            let id = try await callEvent(client)
            let cases: [(String, String, HTTPResponse.Status)] = [
                ("/api/v1/events/E\(id)/corrections", #"{"kind":"dance"}"#, .badRequest),
                ("/api/v1/events/E\(id)/corrections", #"{"kind":"set"}"#, .badRequest),
                ("/api/v1/events/E\(id)/corrections", "not json", .badRequest),
                ("/api/v1/events/E\(id)/corrections", #"{"kind":"merge","into":"E\#(id)"}"#, .conflict),
                ("/api/v1/events/E\(id)/corrections", #"{"kind":"split","source":"call"}"#, .conflict),
                ("/api/v1/events/E\(id)/corrections", #"{"kind":"set","addParticipants":["Nobody Known"]}"#, .notFound),
                ("/api/v1/events/E999999/corrections", #"{"kind":"reject"}"#, .notFound),
                ("/api/v1/corrections/42/undo", "", .notFound),
            ]
            for (uri, body, status) in cases {
                let r = try await post(client, uri, json: body)
                #expect(r.status == status, "\(uri) \(body): \(r.status) \(r.text)")
                #expect(r.headers[.contentType] == "application/problem+json")
            }
            #expect((try await client.get("/api/v1/corrections").json()["corrections"] as? [Any])?.isEmpty == true)
        }
    }

    // MARK: The event page

    func form(_ client: any TestClientProtocol, _ uri: String, _ body: String, cookie: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func formToken(_ page: String) -> String? {
        guard let r = page.range(of: #"name="formToken" value="[0-9a-f]+""#, options: .regularExpression) else { return nil }
        return String(page[r].dropFirst(#"name="formToken" value=""#.count).dropLast())
    }

    @Test func eventPageReviewNeedsSignInAndTheFormToken() async throws {
        try await db.withClient { client in
            let id = try await callEvent(client)
            let page = try await client.get("/events/E\(id)").text
            #expect(!page.contains("Review"), "no review without a token")
            #expect(try await client.get("/review/sign-in").status == .forbidden)
        }
        try await db.withClient(ServerConfigurationFixture.withToken(Self.token)) { client in
            let id = try await callEvent(client)
            let anonymous = try await client.get("/events/E\(id)").text
            #expect(anonymous.contains("Sign in to correct this event") && Self.formToken(anonymous) == nil)
            #expect(try await form(client, "/review/sign-in", "token=wrong&next=/events/E\(id)").status == .unauthorized)
            let signIn = try await form(client, "/review/sign-in", "token=\(Self.token)&next=/events/E\(id)")
            #expect(signIn.status == .seeOther && signIn.headers[.location] == "/events/E\(id)")
            let setCookie = try #require(signIn.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let cookie = String(setCookie.split(separator: ";")[0])
            let page = try await client.get("/events/E\(id)", headers: [.cookie: cookie]).text
            let formToken = try #require(Self.formToken(page), "the signed-in page has the forms")
            #expect(page.contains(#"action="/events/E\#(id)/review""#))
            // Without the form token, or without the session, the form is refused and nothing changes.
            #expect(try await form(client, "/events/E\(id)/review", "kind=set&type=MEET", cookie: cookie).status == .forbidden)
            #expect(try await form(client, "/events/E\(id)/review", "formToken=\(formToken)&kind=set&type=MEET").status == .forbidden)
            let saved = try await form(client, "/events/E\(id)/review", "formToken=\(formToken)&kind=set&type=MEET&note=seen+in+person", cookie: cookie)
            #expect(saved.status == .seeOther && saved.headers[.location] == "/events/E\(id)")
            let after = try await client.get("/events/E\(id)", headers: [.cookie: cookie]).text
            #expect(after.contains("t-MEET") && after.contains("seen in person") && after.contains("/undo"))
            #expect(try await client.get("/api/v1/events/E\(id)").json()["type"] as? String == "MEET")
            #expect(try await form(client, "/review/sign-in", "token=\(Self.token)&next=https://elsewhere.example/").headers[.location] == "/")
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ParleyServer

// The OpenAPI document as a contract the server holds requests to: undeclared methods, parameters outside their
// schemas, required parameters and headers, and the statuses each operation declares.

/// The document's paths with real values in their templates, for requests built from the document itself.
enum SpecPaths {
    static let values = ["id": "1", "code": "VNM", "other": "CHN"]

    static func concrete(_ template: String) -> String {
        var uri = template
        for (name, value) in values { uri = uri.replacingOccurrences(of: "{\(name)}", with: value) }
        return uri
    }
}

@Suite struct UndeclaredMethodTests {
    let db: TestDatabase
    init() throws { db = try TestDatabase() }

    @Test func everyDeclaredPathAnswersOtherMethodsWith405AndAllow() async throws {
        try await db.withClient { client in
            let paths = try #require(try await client.get("/api/v1/openapi.json").json()["paths"] as? [String: [String: Any]])
            let all: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch, .head, .options, .trace]
            var checked = 0
            for (template, item) in paths {
                let declared = Set(item.keys.map { $0.uppercased() })
                for method in all where !declared.contains(method.rawValue) {
                    let r = try await client.execute(uri: SpecPaths.concrete(template), method: method)
                    #expect(r.status == .methodNotAllowed, "\(method) \(template)")
                    #expect(r.headers[.allow] == declared.sorted().joined(separator: ", "), "\(method) \(template)")
                    if method != .head {
                        #expect(r.headers[.contentType] == "application/problem+json", "\(method) \(template)")
                        #expect(try r.json()["status"] as? Int == 405)
                    }
                    checked += 1
                }
            }
            #expect(checked >= 100)
        }
    }

    @Test func pathsOutsideTheDocumentAreStill404() async throws {
        try await db.withClient { client in
            let r = try await client.execute(uri: "/api/v1/nothing-here", method: .trace)
            #expect(r.status == .notFound)
            #expect(r.headers[.allow] == nil)
        }
    }
}

@Suite struct ParameterContractTests {
    let db: TestDatabase
    init() throws { db = try TestDatabase() }

    @Test(arguments: ["/api/v1/events?from=__main__", "/api/v1/events?from=0000", "/api/v1/events?to=2024-02-30x", "/api/v1/facets?country=E",
                      "/api/v1/facets?country=VNM&country=", "/api/v1/people?country=E", "/api/v1/people?limit=", "/api/v1/organizations?limit=%20",
                      "/api/v1/organizations?limit=1.5", "/api/v1/events?type=meet", "/api/v1/events?limit=5&limit=6", "/api/v1/network?from=2024%0A",
                      "/api/v1/network?limit=2001", "/api/v1/search?q=", "/api/v1/events?cursor=abc", "/api/v1/events?cursor=2024-05-03~0",
                      "/api/v1/events?limit=99999999999999999999"])
    func valuesTheSchemaForbidsAre400(uri: String) async throws {
        try await db.withClient { client in
            let r = try await client.get(uri)
            #expect(r.status == .badRequest, "\(uri)")
            #expect(r.headers[.contentType] == "application/problem+json")
            #expect((try r.json()["detail"] as? String)?.contains("parameter") == true, "\(uri)")
        }
    }

    @Test(arguments: ["/api/v1/events?from=0001&to=2024-02-31", "/api/v1/events?person=&org=&place=", "/api/v1/events?cursor=~1",
                      "/api/v1/events?cursor=2024-05-03~42&order=oldest", "/api/v1/people?country=qqq", "/api/v1/search?q=%20",
                      "/api/v1/search?q=Lopes%C2%B4Haddad", "/api/v1/search?q=%C2%A7%C2%B6%C3%89%C2%B4G4%C3%81", "/api/v1/organizations?limit=%2B7",
                      "/api/v1/facets?country=vnm&country=CHN&country=EGY"])
    func valuesTheSchemaAllowsAreAnswered(uri: String) async throws {
        try await db.withClient { client in
            let status = try await client.get(uri).status
            #expect(status == .ok, "\(uri)")
        }
    }

    @Test func aMissingRequiredQueryParameterIsNamed() async throws {
        try await db.withClient { client in
            let r = try await client.get("/api/v1/search?limit=3")
            #expect(r.status == .badRequest)
            #expect((try r.json()["detail"] as? String)?.contains("'q' is required") == true)
        }
    }

    @Test func aPersonFilterNamingNobodyIsTheDeclared404() async throws {
        try await db.withClient { client in
            let spec = try await client.get("/api/v1/openapi.json").json()
            let paths = try #require(spec["paths"] as? [String: [String: [String: Any]]])
            for path in ["/api/v1/events", "/api/v1/facets"] {
                let r = try await client.get(path + "?person=Nobody+Invented")
                #expect(r.status == .notFound, "\(path)")
                #expect(r.headers[.contentType] == "application/problem+json")
                #expect((paths[path]?["get"]?["responses"] as? [String: Any])?["404"] != nil, "\(path) declares its 404")
            }
        }
    }

    @Test func aCursorIsAPositionInEitherOrder() async throws {
        try await db.withClient { client in
            let oldest = try #require(try await client.get("/api/v1/events?order=oldest&limit=500").json()["events"] as? [[String: Any]])
            let first = try await client.get("/api/v1/events?order=oldest&limit=1").json()
            let cursor = try #require(first["nextCursor"] as? String)
            #expect(cursor.contains("~"))
            let rest = try await client.get("/api/v1/events?order=oldest&cursor=\(cursor)&limit=500").json()["events"] as? [[String: Any]] ?? []
            #expect(rest.compactMap { $0["id"] as? Int } == oldest.dropFirst().compactMap { $0["id"] as? Int })
            // The same position read newest first: the events before it, none of them the first.
            let before = try await client.get("/api/v1/events?order=newest&cursor=\(cursor)").json()["events"] as? [[String: Any]] ?? []
            #expect(!before.contains { $0["id"] as? Int == oldest.first?["id"] as? Int })
        }
    }
}

@Suite struct APIContractUnitTests {
    /// A document written for these tests: one path with a required header and a constrained query parameter.
    static let invented = """
        {"openapi": "3.1.0", "paths": {"/api/v1/things/{id}": {"get": {"parameters": [
          {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "X-Thing-Version", "in": "header", "required": true, "schema": {"type": "integer", "minimum": 1, "maximum": 3}},
          {"name": "code", "in": "query", "schema": {"type": "string", "pattern": "^[A-Z]{2}$"}}],
          "responses": {"200": {"description": "OK"}}}},
          "/api/v1/things/new": {"post": {"responses": {"201": {"description": "Created"}}}}}}
        """

    func contract() throws -> APIContract { try APIContract(document: Array(Self.invented.utf8)) }

    @Test func aMissingRequiredHeaderIsA400() throws {
        let c = try contract()
        let (item, path) = try #require(c.match("/api/v1/things/7"))
        let get = try #require(item.operations[.get])
        #expect(path == ["id": "7"])
        #expect(throws: Problem.self) { try c.check(get, query: QueryString(nil), path: path, headers: [:]) }
        let name = try #require(HTTPFields.Element.Name("X-Thing-Version"))
        #expect(throws: Problem.self) { try c.check(get, query: QueryString(nil), path: path, headers: [name: "4"]) }
        #expect(throws: Never.self) { try c.check(get, query: QueryString("code=AB"), path: path, headers: [name: "2"]) }
    }

    @Test func aLiteralSegmentWinsOverAParameter() throws {
        let c = try contract()
        #expect(c.match("/api/v1/things/new")?.0.template == "/api/v1/things/new")
        #expect(c.match("/api/v1/things/new")?.0.allow == "POST")
        #expect(c.match("/api/v1/things")?.0.template == nil)
        #expect(c.match("/api/v1/things/7/")?.0.template == "/api/v1/things/{id}")
    }

    @Test func dollarMeansTheEndOfTheValue() throws {
        let p = try APIContract.Pattern("^[A-Z]{2}$")
        #expect(p.matches("AB"))
        #expect(!p.matches("AB\n"))
        #expect(!p.matches("ABC"))
        #expect(try APIContract.Pattern("[$]").matches("a$b"))
    }

    @Test(arguments: [#"{"type": "string", "format": "date"}"#, #"{"type": "string", "pattern": "^\\d+$"}"#, #"{"type": "number"}"#,
                      #"{"type": "array"}"#])
    func constraintsTheServerWouldNotEnforceAreRefused(schema: String) {
        let doc = #"{"paths": {"/a": {"get": {"parameters": [{"name": "x", "in": "query", "schema": "# + schema + "}]}}}}"
        #expect(throws: APIContract.ContractError.self) { try APIContract(document: Array(doc.utf8)) }
    }

    @Test func theServersDocumentLoads() throws {
        let c = try APIContract(document: try ServerResources.load().openAPI)
        #expect(c.paths.count >= 15)
    }

    /// The cursor pattern of the document and the cursor reader accept the same values.
    @Test func theCursorPatternIsTheCursorReader() throws {
        let spec = try #require(try JSONSerialization.jsonObject(with: Data(try ServerResources.load().openAPI)) as? [String: Any])
        let events = try #require(((spec["paths"] as? [String: Any])?["/api/v1/events"] as? [String: Any])?["get"] as? [String: Any])
        let cursor = try #require((events["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "cursor" })
        let pattern = try APIContract.Pattern(try #require((cursor["schema"] as? [String: Any])?["pattern"] as? String))
        for s in ["~1", "2024~1", "2024-05~12", "2024-05-03~999999999999999999", "~0", "~01", "~", "2024~", "0000~1", "2024-13~1", "~1234567890123456789",
                  "~+1", "~-1", "2024-05-03~1~2", "x~1", "~1\n"] {
            #expect(pattern.matches(s) == ((try? EventCursorCodec.decode(s)) != nil), "\(s)")
        }
    }

    /// The date pattern of the document and the date check of the pages accept the same values.
    @Test func theDatePatternIsTheDateCheck() throws {
        let spec = try #require(try JSONSerialization.jsonObject(with: Data(try ServerResources.load().openAPI)) as? [String: Any])
        let events = try #require(((spec["paths"] as? [String: Any])?["/api/v1/events"] as? [String: Any])?["get"] as? [String: Any])
        let from = try #require((events["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "from" })
        let pattern = try APIContract.Pattern(try #require((from["schema"] as? [String: Any])?["pattern"] as? String))
        for s in ["2024", "2024-05", "2024-05-03", "0001", "0000", "24", "2024-5", "2024-13", "2024-00", "2024-05-32", "2024-05-00", "May 2024",
                  "2024-05-03x", "２０２４", "+2024", "2024-02-31", "9999-12-31", ""] {
            #expect(pattern.matches(s) == DateParameter.isValid(s), "\(s)")
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

// The API checked against its own OpenAPI document: every GET route in the spec answers, and each answer has
// the required properties with the declared types.

/// A small checker of JSON values against the OpenAPI schema subset the document uses: `$ref`, `type`
/// (one or a list), `required`, `properties`, `items` and `enum`.
struct SchemaChecker {
    let spec: [String: Any]

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        var node: Any = spec
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] as Any }
        return node as? [String: Any] ?? [:]
    }

    static func typeName(_ v: Any) -> String {
        switch v {
        case is NSNull: return "null"
        case let n as NSNumber:
            switch String(cString: n.objCType) {
            case "c", "B": return "boolean"
            case "d", "f": return n.doubleValue == n.doubleValue.rounded() ? "integer" : "number"
            default: return "integer"
            }
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "unknown"
        }
    }

    /// Every way `value` breaks `schema`, as "path: problem" lines.
    func errors(_ value: Any, _ rawSchema: [String: Any], path: String = "$") -> [String] {
        let schema = resolve(rawSchema)
        var out: [String] = []
        let actual = Self.typeName(value)
        let allowed: [String] = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if !allowed.isEmpty {
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok { return ["\(path): \(actual) where \(allowed.joined(separator: "|")) is declared"] }
        }
        if let choices = schema["enum"] as? [String], let s = value as? String, !choices.contains(s) { out.append("\(path): '\(s)' not in enum") }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { out.append("\(path): missing required '\(key)'") }
            for (key, sub) in schema["properties"] as? [String: [String: Any]] ?? [:] {
                if let v = object[key] { out += errors(v, sub, path: path + "." + key) }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, v) in array.prefix(20).enumerated() { out += errors(v, items, path: "\(path)[\(i)]") }
        }
        return out
    }
}

@Suite struct OpenAPIConformanceTests {
    let db: TestDatabase
    init() throws { db = try TestDatabase() }

    @Test func everyRouteInTheSpecAnswersAsDeclared() async throws {
        try await db.withClient { client in
            let spec = try await client.get("/api/v1/openapi.json").json()
            #expect((spec["openapi"] as? String)?.hasPrefix("3.") == true)
            let checker = SchemaChecker(spec: spec)
            let paths = try #require(spec["paths"] as? [String: [String: Any]])
            // Real ids to put into the path templates.
            let event = (try await client.get("/api/v1/events").json()["events"] as? [[String: Any]])?.first?["id"] as? Int ?? 1
            let person = (try await client.get("/api/v1/people").json()["people"] as? [[String: Any]])?.first?["id"] as? Int ?? 1
            let org = (try await client.get("/api/v1/organizations").json()["organizations"] as? [[String: Any]])?.first?["id"] as? Int ?? 1
            let codes = (try await client.get("/api/v1/countries").json()["countries"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            let values = ["id": "", "code": codes.first ?? "VNM", "other": codes.dropFirst().first ?? "CHN"]
            var checked = 0
            for (template, item) in paths.sorted(by: { $0.key < $1.key }) {
                guard let get = item["get"] as? [String: Any] else { continue }
                var uri = template
                for (name, value) in values { uri = uri.replacingOccurrences(of: "{\(name)}", with: value) }
                if template.hasPrefix("/api/v1/events/") { uri = template.replacingOccurrences(of: "{id}", with: "E\(event)") }
                if template.hasPrefix("/api/v1/people/") { uri = "/api/v1/people/P\(person)" }
                if template.hasPrefix("/api/v1/organizations/") { uri = "/api/v1/organizations/O\(org)" }
                if template.hasPrefix("/api/v1/documents/") { uri = "/api/v1/documents/meeting" }
                let required = (get["parameters"] as? [[String: Any]] ?? []).filter { $0["in"] as? String == "query" && $0["required"] as? Bool == true }
                if !required.isEmpty {
                    uri += "?" + required.map { "\($0["name"] as? String ?? "")=\($0["example"] as? String ?? "x")" }.joined(separator: "&")
                }
                let r = try await client.get(uri)
                #expect(r.status == .ok, "\(uri)")
                let responses = try #require(get["responses"] as? [String: Any])
                let ok = try #require((((responses["200"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
                let body = try JSONSerialization.jsonObject(with: Data(r.text.utf8))
                let problems = checker.errors(body, ok)
                #expect(problems.isEmpty, "\(uri): \(problems.prefix(5).joined(separator: "; "))")
                checked += 1
            }
            #expect(checked >= 14)
        }
    }

    @Test func problemAnswersMatchTheProblemSchema() async throws {
        try await db.withClient { client in
            let spec = try await client.get("/api/v1/openapi.json").json()
            let checker = SchemaChecker(spec: spec)
            for uri in ["/api/v1/events?limit=0", "/api/v1/events/E0", "/api/v1/countries/QQQ"] {
                let r = try await client.get(uri)
                let body = try JSONSerialization.jsonObject(with: Data(r.text.utf8))
                #expect(checker.errors(body, ["$ref": "#/components/schemas/Problem"]).isEmpty, "\(uri)")
            }
        }
    }

    @Test func everyAnswerIsDeclaredInTheSpec() async throws {
        // Routes the server answers that the spec must list.
        try await db.withClient { client in
            let paths = try #require(try await client.get("/api/v1/openapi.json").json()["paths"] as? [String: Any])
            for p in ["/api/v1/events", "/api/v1/events/{id}", "/api/v1/facets", "/api/v1/people", "/api/v1/people/{id}", "/api/v1/organizations",
                      "/api/v1/organizations/{id}", "/api/v1/countries", "/api/v1/countries/{code}", "/api/v1/countries/{code}/{other}", "/api/v1/search",
                      "/api/v1/documents", "/api/v1/documents/{id}", "/api/v1/network", "/api/v1/stats"] {
                #expect(paths[p] != nil, "\(p)")
            }
        }
    }
}

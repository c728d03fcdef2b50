import Foundation
import Hummingbird

/// The API's OpenAPI document (`openapi.json`) as the server enforces it: the methods each path answers and
/// what each parameter accepts. `APIContractMiddleware` checks every API request against it before a route
/// sees it, so what the document declares and what the server accepts are one and the same.
///
/// Parameter schemas may use `type` (string, integer, array), `enum`, `pattern`, `minLength`, `maxLength`,
/// `minimum`, `maximum`, `minItems`, `maxItems` and `items`; anything else is refused when the document is
/// loaded, so a constraint the server would not enforce cannot be declared.
struct APIContract: Sendable {
    /// One path of the document, such as `/api/v1/countries/{code}/{other}`, and its operations.
    struct PathItem: Sendable {
        var template: String
        var segments: [Segment]
        var operations: [HTTPRequest.Method: Operation]

        /// The `Allow` header of a 405: the declared methods.
        var allow: String { operations.keys.map(\.rawValue).sorted().joined(separator: ", ") }
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    struct Operation: Sendable {
        var parameters: [Parameter]
    }

    struct Parameter: Sendable {
        enum Location: String, Sendable { case query, path, header }
        var name: String
        var location: Location
        var required: Bool
        var description: String
        var schema: ValueSchema
    }

    /// The part of JSON Schema that parameters use.
    struct ValueSchema: Sendable {
        enum Kind: String, Sendable { case string, integer, array }
        var kind: Kind
        var choices: [String]?
        var pattern: Pattern?
        var minLength: Int?
        var maxLength: Int?
        var minimum: Int?
        var maximum: Int?
        var minItems: Int?
        var maxItems: Int?
        /// The schema of an array's items (one element, or none for other kinds).
        var itemSchemas: [ValueSchema] = []
    }

    /// A `pattern` of the document, compiled. JSON Schema patterns are ECMA-262 regular expressions matched
    /// anywhere in the value; the few constructs whose meaning differs in ICU (`\d`, `\w`, `\s`, `\b`) are refused,
    /// and `$` is compiled as "end of input" (ICU's `$` would also match before a final line break).
    struct Pattern: @unchecked Sendable {
        let source: String
        // NSRegularExpression is immutable and safe to share between threads.
        let regex: NSRegularExpression

        init(_ source: String) throws(ContractError) {
            var icu = ""
            var escaped = false
            var inClass = false
            for c in source {
                if escaped {
                    if "dDwWsSbB".contains(c) { throw ContractError("pattern \(source) uses \\\(c), whose meaning differs between ECMA-262 and ICU") }
                    icu.append(c)
                    escaped = false
                    continue
                }
                switch c {
                case "\\": escaped = true; icu.append(c)
                case "[": inClass = true; icu.append(c)
                case "]": inClass = false; icu.append(c)
                case "$" where !inClass: icu += "\\z"
                default: icu.append(c)
                }
            }
            self.source = source
            do { regex = try NSRegularExpression(pattern: icu) } catch { throw ContractError("pattern \(source) does not compile: \(error)") }
        }

        func matches(_ value: String) -> Bool {
            regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
        }
    }

    /// What is wrong with the document, found when it is loaded.
    struct ContractError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = "openapi.json: " + description }
    }

    var paths: [PathItem]

    /// Reads the document (JSON).
    init(document: [UInt8]) throws(ContractError) {
        guard let root = try? JSONSerialization.jsonObject(with: Data(document)) as? [String: Any],
              let paths = root["paths"] as? [String: [String: Any]] else { throw ContractError("not a JSON object with paths") }
        self.paths = try paths.keys.sorted().map { template throws(ContractError) in
            var item = PathItem(template: template, segments: Self.segments(template), operations: [:])
            for (method, value) in paths[template] ?? [:] {
                guard let operation = value as? [String: Any] else { continue }
                guard ["get", "put", "post", "delete", "options", "head", "patch", "trace"].contains(method) else { continue }
                let declared = (operation["parameters"] as? [[String: Any]]) ?? []
                let parameters = try declared.map { p throws(ContractError) in try Self.parameter(p, in: "\(method.uppercased()) \(template)") }
                item.operations[HTTPRequest.Method(rawValue: method.uppercased())!] = Operation(parameters: parameters)
            }
            return item
        }
    }

    static func segments(_ path: String) -> [Segment] {
        path.split(separator: "/").map { s in
            s.hasPrefix("{") && s.hasSuffix("}") ? .parameter(String(s.dropFirst().dropLast())) : .literal(String(s))
        }
    }

    static func parameter(_ p: [String: Any], in operation: String) throws(ContractError) -> Parameter {
        guard let name = p["name"] as? String, let where_ = p["in"] as? String, let location = Parameter.Location(rawValue: where_) else {
            throw ContractError("\(operation): a parameter without a name or with a location other than query, path or header")
        }
        if let style = p["style"] as? String, style != (location == .query ? "form" : "simple") {
            throw ContractError("\(operation): parameter \(name) has style \(style), which the server does not read")
        }
        if p["explode"] as? Bool == false { throw ContractError("\(operation): parameter \(name) has explode false, which the server does not read") }
        let schema = try valueSchema(p["schema"] as? [String: Any] ?? [:], at: "\(operation) parameter \(name)")
        return Parameter(name: name, location: location, required: p["required"] as? Bool ?? (location == .path),
                         description: p["description"] as? String ?? "", schema: schema)
    }

    static let knownKeywords: Set<String> = ["type", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems",
                                             "items", "default", "description", "example", "examples", "title"]

    static func valueSchema(_ s: [String: Any], at place: String) throws(ContractError) -> ValueSchema {
        if let unknown = s.keys.filter({ !knownKeywords.contains($0) }).sorted().first {
            throw ContractError("\(place): the server does not enforce the keyword \(unknown)")
        }
        guard let type = s["type"] as? String, let kind = ValueSchema.Kind(rawValue: type) else {
            throw ContractError("\(place): type must be string, integer or array")
        }
        var v = ValueSchema(kind: kind)
        v.choices = s["enum"] as? [String]
        if let p = s["pattern"] as? String { v.pattern = try Pattern(p) }
        v.minLength = s["minLength"] as? Int
        v.maxLength = s["maxLength"] as? Int
        v.minimum = s["minimum"] as? Int
        v.maximum = s["maximum"] as? Int
        v.minItems = s["minItems"] as? Int
        v.maxItems = s["maxItems"] as? Int
        if kind == .array {
            guard let items = s["items"] as? [String: Any] else { throw ContractError("\(place): an array needs items") }
            let item = try valueSchema(items, at: place + " items")
            guard item.kind != .array else { throw ContractError("\(place): arrays of arrays cannot be sent in a query") }
            v.itemSchemas = [item]
        }
        return v
    }

    /// The declared path a request path falls under, with the values of its path parameters (percent-decoded);
    /// a literal segment wins over a parameter, as in the router. Empty segments are skipped, as the router does.
    func match(_ path: String) -> (PathItem, [String: String])? {
        let parts = path.split(separator: "/")
        var best: (item: PathItem, values: [String: String], literals: Int)?
        for item in paths where item.segments.count == parts.count {
            var values: [String: String] = [:]
            var literals = 0
            var ok = true
            for (segment, part) in zip(item.segments, parts) {
                switch segment {
                case .literal(let l):
                    if l == part { literals += 1 } else { ok = false }
                case .parameter(let name):
                    values[name] = part.removingPercentEncoding ?? String(part)
                }
                if !ok { break }
            }
            if ok, best == nil || literals > best!.literals { best = (item, values, literals) }
        }
        return best.map { ($0.item, $0.values) }
    }

    /// A 400 problem naming the first parameter of the request that the operation does not accept.
    func check(_ operation: Operation, query: QueryString, path: [String: String], headers: HTTPFields) throws(Problem) {
        for p in operation.parameters {
            let values: [String]
            switch p.location {
            case .query: values = query.values(p.name)
            case .path: values = path[p.name].map { [$0] } ?? []
            case .header: values = headers.filter { $0.name.canonicalName == p.name.lowercased() }.map(\.value)
            }
            let label = "\(p.location.rawValue) parameter '\(p.name)'"
            guard !values.isEmpty else {
                if p.required { throw .badRequest("the \(label) is required" + Self.hint(p)) }
                continue
            }
            if p.schema.kind == .array {
                if let n = p.schema.minItems, values.count < n { throw .badRequest("the \(label) is needed at least \(n) times" + Self.hint(p)) }
                if let n = p.schema.maxItems, values.count > n { throw .badRequest("the \(label) may be given at most \(n) times" + Self.hint(p)) }
                for v in values { try Self.check(v, p.schema.itemSchemas[0], label: label, parameter: p) }
            } else {
                guard values.count == 1 else { throw .badRequest("the \(label) is given \(values.count) times; give it once") }
                try Self.check(values[0], p.schema, label: label, parameter: p)
            }
        }
    }

    static func check(_ value: String, _ schema: ValueSchema, label: String, parameter p: Parameter) throws(Problem) {
        let shown = "'\(value.prefix(40))'"
        switch schema.kind {
        case .integer:
            let digits = value.hasPrefix("-") || value.hasPrefix("+") ? value.dropFirst() : Substring(value)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .badRequest("the \(label) must be a whole number, not \(shown)" + hint(p))
            }
            guard let n = Int(value), schema.minimum.map({ n >= $0 }) ?? true, schema.maximum.map({ n <= $0 }) ?? true else {
                throw .badRequest("the \(label) must be a whole number" + range(schema) + ", not \(shown)" + hint(p))
            }
        case .string, .array:
            if let choices = schema.choices, !choices.contains(value) {
                throw .badRequest("the \(label) is one of \(choices.joined(separator: ", ")), not \(shown)")
            }
            let length = value.unicodeScalars.count
            if let n = schema.minLength, length < n { throw .badRequest("the \(label) must be at least \(characters(n)) long" + hint(p)) }
            if let n = schema.maxLength, length > n { throw .badRequest("the \(label) must be at most \(characters(n)) long" + hint(p)) }
            if let pattern = schema.pattern, !pattern.matches(value) {
                throw .badRequest("the \(label) is \(shown), which does not match \(pattern.source)" + hint(p))
            }
        }
    }

    static func characters(_ n: Int) -> String { n == 1 ? "1 character" : "\(n) characters" }

    static func range(_ s: ValueSchema) -> String {
        switch (s.minimum, s.maximum) {
        case let (a?, b?): return " from \(a) to \(b)"
        case let (a?, nil): return " of at least \(a)"
        case let (nil, b?): return " of at most \(b)"
        case (nil, nil): return ""
        }
    }

    static func hint(_ p: Parameter) -> String { p.description.isEmpty ? "" : " (\(p.description))" }
}

/// Holds API requests to the OpenAPI document before any route sees them: a method the document does not
/// declare for a path is a 405 with `Allow`, a parameter it does not accept a 400; both are problem+json.
/// Paths the document does not declare pass through (the router answers them, with a 404 if nothing matches).
struct APIContractMiddleware<Context: RequestContext>: RouterMiddleware {
    let contract: APIContract

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let (item, path) = contract.match(request.uri.path) else { return try await next(request, context) }
        guard let operation = item.operations[request.method] else {
            var response = Problem(status: .methodNotAllowed, detail: "\(item.template) answers \(item.allow), not \(request.method.rawValue)")
                .jsonResponse()
            response.headers[.allow] = item.allow
            return response
        }
        try contract.check(operation, query: QueryString(request.uri.query), path: path, headers: request.headers)
        return try await next(request, context)
    }
}

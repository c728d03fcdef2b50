import Foundation
import Hummingbird
import Mustache

/// Renders HTML pages from the bundled mustache templates. Every value goes through `{{…}}`, which
/// HTML-escapes it; the templates never use triple braces, so no text from a release reaches the page as markup.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init(templates: [String: String]) throws {
        // Every template escapes through `HTMLEscaping` (the pragma renders as nothing).
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        var library = MustacheLibrary()
        for (name, text) in templates { try library.register("{{% CONTENT_TYPE: \(HTMLEscaping.name)}}" + text, named: name) }
        self.library = library
    }

    /// A page from template `name` and its values; `title` names the page in the browser.
    func page(_ name: String, title: String, _ values: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        var context = Self.withoutEmptyStrings(values)
        context["pageTitle"] = title
        let html = library.render(context, withTemplate: name) ?? "<!doctype html><title>Parley</title><p>missing template \(name)</p>"
        return Response(status: status, headers: Self.headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The values with empty strings left out, so that `{{#value}}…{{/value}}` sections skip them (mustache
    /// treats an empty string as present) and `{{value}}` still prints nothing.
    static func withoutEmptyStrings(_ values: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (k, v) in values {
            switch v {
            case let s as String where s.isEmpty: continue
            case let d as [String: Any]: out[k] = withoutEmptyStrings(d)
            case let list as [[String: Any]]: out[k] = list.map(withoutEmptyStrings)
            default: out[k] = v
            }
        }
        return out
    }

    static let headers: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .xContentTypeOptions: "nosniff",
        .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    ]

    func errorPage(_ problem: Problem) -> Response {
        page("error", title: "\(problem.status.code) \(problem.status.reasonPhrase)",
             ["status": problem.status.code, "reason": problem.status.reasonPhrase, "detail": problem.detail], status: problem.status)
    }
}

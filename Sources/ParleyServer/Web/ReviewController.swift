import Foundation
import Hummingbird
import ParleyStore

/// Review in the browser, without JavaScript: signing in with the server's token, and the event page's forms that
/// correct an event or undo a correction. Every form carries the session's form token (`ReviewSessions`); every
/// answer to a form is a redirect to the page to look at next.
struct ReviewController: Sendable {
    let store: any BrowsableStore
    let configuration: ServerConfiguration
    let pages: PageRenderer
    let sessions: ReviewSessions
    let cache: ResponseCache

    func register(on router: Router<BasicRequestContext>) {
        router.get("review/sign-in") { request, _ in signInPage(next: Self.localPath(QueryString(request.uri.query)["next"]), failed: false) }
        router.post("review/sign-in") { request, _ in try await signIn(request) }
        router.post("review/sign-out") { request, _ in
            let form = try await Self.form(request)
            guard sessions.accepts(request.headers, submitted: form["formToken"]) else { throw Self.forbidden }
            sessions.close(request.headers)
            return Self.redirect("/", cookie: ReviewSessions.cookie(nil))
        }
        router.post("events/{id}/review") { request, context in
            let id = try Identifiers.number(try context.parameters.require("id"), prefix: "E", what: "event")
            let form = try await Self.form(request)
            guard sessions.accepts(request.headers, submitted: form["formToken"]) else { throw Self.forbidden }
            let correction = try await Blocking.run { try store.correctEvent(try CorrectionInput(form: form).request(event: id)) }
            cache.invalidate()
            return Self.redirect(correction.event.map { "/events/E\($0)" } ?? "/events")
        }
        router.post("review/corrections/{n}/undo") { request, context in
            let text = try context.parameters.require("n")
            guard let n = Int64(text) else { throw Problem.notFound("no correction '\(text.prefix(40))'") }
            let form = try await Self.form(request)
            guard sessions.accepts(request.headers, submitted: form["formToken"]) else { throw Self.forbidden }
            let correction = try await Blocking.run { try store.undoEventCorrection(n) }
            cache.invalidate()
            return Self.redirect(correction.event.map { "/events/E\($0)" } ?? "/events")
        }
    }

    static let forbidden = Problem(status: .forbidden, detail: "this form needs a signed-in review session: sign in again and resend it")

    func signInPage(next: String, failed: Bool) -> Response {
        pages.page("sign-in", title: "Sign in to review — Parley", [
            "enabled": configuration.token != nil, "next": next, "failed": failed,
        ], status: failed ? .unauthorized : (configuration.token == nil ? .forbidden : .ok))
    }

    func signIn(_ request: Request) async throws -> Response {
        let form = try await Self.form(request)
        let next = Self.localPath(form["next"])
        guard let token = configuration.token else { return signInPage(next: next, failed: false) }
        guard let given = form.values("token").first,
              BearerToken.constantTimeEqual(Array(given.utf8), Array(token.utf8)) else { return signInPage(next: next, failed: true) }
        return Self.redirect(next, cookie: ReviewSessions.cookie(sessions.open().id))
    }

    /// A path on this site to go back to ("/" for anything else: no open redirects).
    static func localPath(_ s: String?) -> String {
        guard let s, s.hasPrefix("/"), !s.hasPrefix("//"), !s.contains("\\") else { return "/" }
        return s
    }

    /// A submitted form's fields.
    static func form(_ request: Request) async throws -> QueryString {
        let body = try await request.body.collect(upTo: 64 << 10)
        return QueryString(String(buffer: body))
    }

    /// 303 See Other, so the browser shows the next page with a GET.
    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers)
    }
}

import Foundation
import Hummingbird

/// The browsers signed in to review events: each has a session (a random id in an HttpOnly, SameSite=Strict cookie)
/// and a per-session form token that every review form carries back, so that another site can neither read nor
/// forge a correction. Sessions live in memory for `lifetime` seconds (a restart signs everyone out).
final class ReviewSessions: @unchecked Sendable {
    static let cookieName = "parley_review"
    let lifetime: TimeInterval
    private let lock = NSLock()
    private var sessions: [String: (formToken: String, expires: Date)] = [:]

    init(lifetime: TimeInterval = 12 * 3600) { self.lifetime = lifetime }

    /// A new session: its id (for the cookie) and its form token.
    func open() -> (id: String, formToken: String) {
        let id = Self.randomHex(), formToken = Self.randomHex()
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        sessions = sessions.filter { $0.value.expires > now }
        sessions[id] = (formToken, now.addingTimeInterval(lifetime))
        return (id, formToken)
    }

    /// The form token of the request's session, if it has a live one.
    func formToken(_ headers: HTTPFields) -> String? {
        guard let id = Self.sessionID(headers) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let s = sessions[id], s.expires > Date() else { return nil }
        return s.formToken
    }

    /// Whether the request is signed in and `submitted` is its session's form token.
    func accepts(_ headers: HTTPFields, submitted: String?) -> Bool {
        guard let expected = formToken(headers), let submitted else { return false }
        return BearerToken.constantTimeEqual(Array(submitted.utf8), Array(expected.utf8))
    }

    func close(_ headers: HTTPFields) {
        guard let id = Self.sessionID(headers) else { return }
        lock.lock()
        sessions[id] = nil
        lock.unlock()
    }

    /// The session id in the request's `Cookie` header.
    static func sessionID(_ headers: HTTPFields) -> String? {
        for header in headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let kv = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if kv.count == 2, kv[0] == cookieName, !kv[1].isEmpty { return String(kv[1]) }
            }
        }
        return nil
    }

    /// The `Set-Cookie` value of a session (an empty value that expires at once signs out).
    static func cookie(_ id: String?) -> String {
        "\(cookieName)=\(id ?? ""); Path=/; HttpOnly; SameSite=Strict" + (id == nil ? "; Max-Age=0" : "")
    }

    static func randomHex() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }
}

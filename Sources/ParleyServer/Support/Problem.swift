import Foundation
import Hummingbird
import ParleyStore

/// An error answered to the client with a status and a message that says what was wrong with the
/// request: `application/problem+json` (RFC 9457) on the API, an HTML page elsewhere.
struct Problem: Error, Sendable {
    var status: HTTPResponse.Status
    var detail: String

    static func badRequest(_ detail: String) -> Problem { Problem(status: .badRequest, detail: detail) }
    static func notFound(_ detail: String) -> Problem { Problem(status: .notFound, detail: detail) }

    /// The problem an error amounts to: the store's "not found" is a 404, its invalid arguments a 400, and
    /// anything unexpected a 500 whose message does not leak internals.
    static func from(_ error: any Error) -> Problem {
        switch error {
        case let p as Problem: return p
        case let e as StoreError:
            switch e {
            case .notFound: return Problem(status: .notFound, detail: e.description)
            case .invalidArgument: return Problem(status: .badRequest, detail: e.description)
            case .conflict: return Problem(status: .conflict, detail: e.description)
            case .unreachable: return Problem(status: .serviceUnavailable, detail: "the database is unreachable")
            default: return Problem(status: .internalServerError, detail: "the database could not answer")
            }
        case let e as any HTTPResponseError:
            if e.status == .contentTooLarge { return Problem(status: .contentTooLarge, detail: "the request body is too large") }
            return Problem(status: e.status, detail: e.status.reasonPhrase)
        default:
            return Problem(status: .internalServerError, detail: "internal error")
        }
    }

    /// The RFC 9457 body.
    struct Body: Encodable {
        var type = "about:blank"
        var title: String
        var status: Int
        var detail: String
    }

    func jsonResponse() -> Response {
        let body = Body(title: status.reasonPhrase, status: status.code, detail: detail)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/problem+json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

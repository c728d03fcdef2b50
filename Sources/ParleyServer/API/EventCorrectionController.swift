import Foundation
import Hummingbird
import ParleyStore

/// The review side of the API: an event's reports and why they are one event (open), the log of corrections
/// (open), and making or undoing a correction (bearer token, as every write).
struct EventCorrectionController: Sendable {
    let store: any BrowsableStore
    let configuration: ServerConfiguration
    let cache: ResponseCache

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("events/{id}/review") { _, context in try await Blocking.run {
            try JSONResponse.make(try store.eventReview(try Identifiers.number(try context.parameters.require("id"), prefix: "E", what: "event")))
        } }
        api.get("corrections") { _, _ in try await Blocking.run { try JSONResponse.make(CorrectionList(corrections: try store.eventCorrections())) } }
        api.post("events/{id}/corrections") { request, context in
            if let refused = BearerToken.refusal(request.headers[.authorization], configuration) { return refused }
            let id = try Identifiers.number(try context.parameters.require("id"), prefix: "E", what: "event")
            let body = try await request.body.collect(upTo: configuration.maxBodyBytes)
            let input: CorrectionInput
            do { input = try JSONDecoder().decode(CorrectionInput.self, from: Data(buffer: body)) } catch {
                throw Problem.badRequest("the body is a JSON object with kind (set, split, merge or reject) and its fields: \(Self.reason(error))")
            }
            let correction = try await Blocking.run { try store.correctEvent(try input.request(event: id)) }
            cache.invalidate()
            return try JSONResponse.make(correction, status: .created)
        }
        api.post("corrections/{n}/undo") { request, context in
            if let refused = BearerToken.refusal(request.headers[.authorization], configuration) { return refused }
            let text = try context.parameters.require("n")
            guard let n = Int64(text), n > 0 else { throw Problem.notFound("no correction '\(text.prefix(40))'") }
            let correction = try await Blocking.run { try store.undoEventCorrection(n) }
            cache.invalidate()
            return try JSONResponse.make(correction)
        }
    }

    /// What was wrong with a JSON body, in a few words.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "\(key.stringValue) is missing"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "\(c.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type"
        default: return "not valid JSON"
        }
    }
}

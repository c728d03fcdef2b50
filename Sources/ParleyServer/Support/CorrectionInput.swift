import Foundation
import Hummingbird
import ParleyStore

/// A correction of an event as the API's JSON body or the event page's form gives it, checked into the store's
/// request: `kind` (set, split, merge, reject), and for each kind what it needs.
struct CorrectionInput: Decodable, Sendable {
    var kind: String
    /// merge: the event kept (E12 or 12).
    var into: String?
    /// split: the document whose reports become an event of their own.
    var source: String?
    var type: String?
    var date: String?
    var place: String?
    var addParticipants: [String]?
    var removeParticipants: [String]?
    var note: String?

    /// The fields of a submitted form (`application/x-www-form-urlencoded`); empty fields count as absent.
    init(form: QueryString) {
        kind = form["kind"] ?? ""
        into = form["into"]
        source = form["source"]
        type = form["type"]
        date = form["date"]
        place = form["place"]
        addParticipants = form["addParticipant"].map { [$0] }
        removeParticipants = form["removeParticipant"].map { [$0] }
        note = form["note"]
    }

    /// The store's request for event `event`, or a 400 saying what is missing or wrong.
    func request(event: Int64) throws -> EventCorrectionRequest {
        guard let k = EventCorrectionKind(rawValue: kind) else {
            throw Problem.badRequest("kind is one of \(EventCorrectionKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(kind.prefix(40))'")
        }
        var r = EventCorrectionRequest(kind: k, event: event, note: note)
        switch k {
        case .merge:
            guard let into, !into.isEmpty else { throw Problem.badRequest("a merge needs into: the event to keep (E12)") }
            r.other = try Identifiers.number(into, prefix: "E", what: "event")
        case .split:
            guard let source, !source.isEmpty else { throw Problem.badRequest("a split needs source: the document whose reports are another event") }
            r.document = source
        case .set:
            let clean: (String?) -> String? = { $0.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
            let changes = EventChanges(type: clean(type), date: clean(date), place: clean(place),
                                       addParticipants: (addParticipants ?? []).compactMap(clean), removeParticipants: (removeParticipants ?? []).compactMap(clean))
            guard !changes.isEmpty else { throw Problem.badRequest("nothing to set: give type, date, place, addParticipants or removeParticipants") }
            r.changes = changes
        case .reject:
            break
        }
        return r
    }
}

/// The log as the API lists it.
struct CorrectionList: Encodable, Sendable {
    var corrections: [EventCorrection]
}

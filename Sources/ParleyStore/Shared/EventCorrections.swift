import Foundation

/// What a person may say about a stored event: two events are one (`merge`), a document's report is another
/// happening (`split`), a field or participant is wrong (`set`), or it is no event at all (`reject`).
public enum EventCorrectionKind: String, Sendable, Codable, CaseIterable {
    case merge, split, set, reject
}

/// One report of an event by name: the document, the event's id inside that document's annotation and its
/// evidence sentence. Corrections point at events through these, never through row ids, so that they find the
/// event again after its documents are ingested anew (an unchanged report keeps its id and sentence; a changed
/// document is matched by the sentence first).
public struct EventSourceKey: Sendable, Codable, Hashable {
    public var documentId: String
    public var localId: String
    public var evidence: String

    public init(documentId: String, localId: String, evidence: String) {
        self.documentId = documentId
        self.localId = localId
        self.evidence = evidence
    }
}

/// The fields a `set` correction gives an event; nil and empty leave a field as the sources have it.
public struct EventChanges: Sendable, Codable, Equatable {
    /// One of `EventType` (MEET, VISIT, CALL, …); the CAMEO and PLOVER codes follow it.
    public var type: String?
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    public var date: String?
    public var place: String?
    /// People by name (or alias); a person must already be stored.
    public var addParticipants: [String] = []
    public var removeParticipants: [String] = []

    public init(type: String? = nil, date: String? = nil, place: String? = nil, addParticipants: [String] = [], removeParticipants: [String] = []) {
        self.type = type
        self.date = date
        self.place = place
        self.addParticipants = addParticipants
        self.removeParticipants = removeParticipants
    }

    public var isEmpty: Bool { type == nil && date == nil && place == nil && addParticipants.isEmpty && removeParticipants.isEmpty }
}

/// A correction as asked for: the event by its current id, and what to do with it.
public struct EventCorrectionRequest: Sendable {
    public var kind: EventCorrectionKind
    /// The event corrected (`merge`: the one merged away).
    public var event: Int64
    /// `merge`: the event kept.
    public var other: Int64?
    /// `split`: the document whose reports become an event of their own.
    public var document: String?
    /// `set`: the new values.
    public var changes: EventChanges?
    public var note: String?

    public init(kind: EventCorrectionKind, event: Int64, other: Int64? = nil, document: String? = nil, changes: EventChanges? = nil, note: String? = nil) {
        self.kind = kind
        self.event = event
        self.other = other
        self.document = document
        self.changes = changes
        self.note = note
    }
}

/// A stored correction of an event, as the log lists it. It is applied again after every ingest that touches
/// one of its documents, until it is undone.
public struct EventCorrection: Sendable, Codable, Equatable {
    /// Its number in the log (`parley event undo N`).
    public var id: Int64
    public var kind: EventCorrectionKind
    /// The reports of the corrected event when the correction was made.
    public var target: [EventSourceKey]
    /// `merge`: the reports of the event kept.
    public var other: [EventSourceKey]?
    /// `split`: the document split off.
    public var document: String?
    public var changes: EventChanges?
    public var note: String?
    /// UTC, ISO 8601.
    public var createdAt: String
    /// When it was undone; nil while it holds.
    public var undoneAt: String?
    /// The event it applies to now (`set`, `split`, `merge`: the event kept); nil when the event is gone (rejected,
    /// or its reports no longer found).
    public var event: Int64?

    /// The documents the correction names.
    public var documents: Set<String> {
        Set(target.map(\.documentId) + (other ?? []).map(\.documentId) + (document.map { [$0] } ?? []))
    }

    /// One line for the log: "3  2026-12-07T14:00:00Z  set E12 type=CALL  (note)".
    public var summary: String {
        var what = kind.rawValue
        if let c = changes {
            var parts: [String] = []
            if let t = c.type { parts.append("type=\(t)") }
            if let d = c.date { parts.append("date=\(d)") }
            if let p = c.place { parts.append("place=\(p)") }
            parts += c.addParticipants.map { "+\($0)" } + c.removeParticipants.map { "-\($0)" }
            what += " " + parts.joined(separator: " ")
        }
        if let d = document { what += " source \(d)" }
        let reports = (target.map(\.documentId) + (other ?? []).map(\.documentId)).uniqued().joined(separator: ", ")
        return what + " [\(reports)]"
    }
}

/// One report of an event, as `parley event ID --why` shows it: what that document says of it.
public struct EventReport: Sendable, Codable, Equatable {
    public var documentId: String
    public var localId: String
    public var type: String
    public var date: String?
    public var place: String?
    public var participants: [String]
    public var evidence: String
}

/// An event with the reasons it is one: its reports, why each report joined the others, and the corrections
/// that hold on it.
public struct EventReview: Sendable, Codable {
    public var event: EventSummary
    public var reports: [EventReport]
    /// One line per report after the first: why it joined (same kind, dates, shared people) or which correction
    /// put it there.
    public var joins: [String]
    public var corrections: [EventCorrection]
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}

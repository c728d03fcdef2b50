import ParleyCore

/// What ingesting one document did.
public enum IngestOutcome: String, Sendable, Codable {
    /// A document the database did not have.
    case inserted
    /// Same id and same content as before: nothing changed.
    case unchanged
    /// Same id, new content: the old facts were replaced.
    case replaced
}

/// Filters of the events query; every field is optional and they combine with AND.
public struct EventFilter: Sendable {
    public var person: String?
    public var organization: String?
    public var countries: [String] = []
    public var type: String?
    public var from: String?
    public var to: String?
    public var place: String?
    /// party, state, parliament, mixed or other.
    public var channel: String?
    /// A level of `levels.tsv`: events with a side at that level.
    public var level: String?
    public var limit: Int = 1000
    /// Only events whose sources disagree (`SourceDisagreements`); each comes with its `disagreements`.
    public var disputed = false
    public init() {}
}

/// The event database behind one protocol, whatever the backend (SQLite by default).
public protocol EventStore: Sendable {
    /// Stores a document and what was extracted from it, atomically; idempotent by content hash.
    func ingest(_ document: Document, _ annotation: DocumentAnnotation) throws -> IngestOutcome
    func ingest(batch: [(Document, DocumentAnnotation)]) throws -> [IngestOutcome]
    /// Ingests prepared documents in one transaction: all of them or none.
    func ingest(prepared: [PreparedDocument]) throws -> [IngestOutcome]
    /// Tells the store that `ingest(prepared:)` will be called with this batch after the batches before it, so that
    /// it may start work of its own for it (PostgreSQL: the search vectors); nothing by default.
    func willIngest(prepared: [PreparedDocument])
    func events(_ filter: EventFilter) throws -> [EventSummary]
    func people(search: String?, country: String?, organization: String?, limit: Int) throws -> [PersonSummary]
    /// A person's profile; the timeline holds the latest `timelineLimit` events (oldest first), `timelineTotal` counts them all.
    func person(_ nameOrID: String, timelineLimit: Int) throws -> PersonProfile
    func search(_ words: String, limit: Int) throws -> [SearchHit]
    func stats() throws -> StoreStats
    func exportAnnotations() throws -> [DocumentAnnotation]
    func merge(_ a: String, into b: String) throws -> PersonSummary
    func split(_ person: String, name: String) throws -> PersonSummary
    /// Records a correction of an event in the log and applies it; it holds across later ingests until undone.
    func correctEvent(_ request: EventCorrectionRequest) throws -> EventCorrection
    /// The log of event corrections, oldest first, each with the event it applies to now.
    func eventCorrections() throws -> [EventCorrection]
    /// Undoes correction `id`: its events are rebuilt from their documents with the corrections still standing.
    func undoEventCorrection(_ id: Int64) throws -> EventCorrection
    /// An event with what each report says and why the reports are one event (`parley event ID --why`).
    func eventReview(_ id: Int64) throws -> EventReview
}

extension EventStore {
    public func willIngest(prepared: [PreparedDocument]) {}

    /// The timeline length a profile shows unless asked otherwise.
    public static var defaultTimelineLimit: Int { 100 }

    /// A person's profile with the latest `defaultTimelineLimit` events of their timeline.
    public func person(_ nameOrID: String) throws -> PersonProfile {
        try person(nameOrID, timelineLimit: Self.defaultTimelineLimit)
    }
}

/// Parley's per-document result in the shape of `shared/corpus/FORMAT.md`, with extra fields:
/// ids, character offsets of every mention and of each event's evidence, CAMEO/PLOVER codes,
/// confidence, and the planned events kept apart from those that happened.
public struct DocumentAnnotation: Codable, Sendable {
    public var id: String
    public var url: String?
    public var site: String?
    public var published: String?
    public var title: String?
    public var dateline: Dateline?
    public var people: [Person]
    public var organizations: [Organization]
    public var events: [Event]
    public var planned: [Event]

    /// The dateline's place and date, when the release opens with one.
    public struct Dateline: Codable, Sendable {
        public var place: String?
        public var date: String?
    }

    /// A place in the text, in Unicode code points (as Python's `str` counts) into the main text.
    public struct Mention: Codable, Sendable {
        public var text: String
        public var start: Int
        public var end: Int
        public var sentence: Int
    }

    /// A person of the story.
    public struct Person: Codable, Sendable {
        public var id: String
        public var name: String
        public var aliases: [String]
        public var titles: [String]
        public var organization: String?
        public var country: String?
        public var entity: String?
        public var mentions: [Mention]
    }

    /// An organization named in the release.
    public struct Organization: Codable, Sendable {
        public var id: String
        public var name: String
        public var aliases: [String]
        public var kind: String
        public var country: String?
        public var mentions: [Mention]
    }

    /// An event, with its evidence and codes.
    public struct Event: Codable, Sendable {
        public var id: String
        public var type: String
        public var date: String?
        public var place: String?
        public var participants: [String]
        public var participantIds: [String]
        public var organizations: [String]
        public var countries: [String]
        public var reported: Bool
        public var evidence: String
        public var evidenceSpan: Mention
        public var otherEvidence: [Mention]
        public var cameo: String?
        public var cameoLabel: String?
        public var plover: String?
        public var ploverMode: String?
        public var confidence: Double
        public var eventId: String?

        enum CodingKeys: String, CodingKey {
            case id, type, date, place, participants, organizations, countries, reported, evidence
            case participantIds = "participant_ids", evidenceSpan = "evidence_span", otherEvidence = "other_evidence"
            case cameo, cameoLabel = "cameo_label", plover, ploverMode = "plover_mode", confidence, eventId = "event_id"
        }
    }
}

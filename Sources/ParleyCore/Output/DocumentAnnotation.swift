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
        /// The role of each participant, in the order of `participants`: host, guest, delegation head, present, participant.
        public var participantRoles: [String]
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
        /// party, state, parliament, mixed or other (`ContactChannel`); nil in annotations written before channels were coded.
        public var channel: String?
        /// Which sides' people or organizations fixed the channel.
        public var channelReason: String?
        /// One per country (and one for people of no known country): its channel and level, and who fixed them.
        public var sides: [ContactSide]?

        enum CodingKeys: String, CodingKey {
            case id, type, date, place, participants, organizations, countries, reported, evidence
            case participantIds = "participant_ids", participantRoles = "participant_roles", evidenceSpan = "evidence_span", otherEvidence = "other_evidence"
            case cameo, cameoLabel = "cameo_label", plover, ploverMode = "plover_mode", confidence, eventId = "event_id"
            case channel, channelReason = "channel_reason", sides
        }

        /// The channel and sides as a profile (nil for annotations written before channels were coded).
        public var contact: ContactProfile? {
            guard let c = channel.flatMap(ContactChannel.init(rawValue:)) else { return nil }
            return ContactProfile(channel: c, reason: channelReason ?? "", sides: sides ?? [])
        }
    }
}

// Missing values are written as `null`, as in the annotation format, rather than left out.
extension DocumentAnnotation {
    enum CodingKeys: String, CodingKey { case id, url, site, published, title, dateline, people, organizations, events, planned }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(url, forKey: .url)
        try c.encode(site, forKey: .site)
        try c.encode(published, forKey: .published)
        try c.encode(title, forKey: .title)
        try c.encode(dateline, forKey: .dateline)
        try c.encode(people, forKey: .people)
        try c.encode(organizations, forKey: .organizations)
        try c.encode(events, forKey: .events)
        try c.encode(planned, forKey: .planned)
    }
}

extension DocumentAnnotation.Person {
    enum CodingKeys: String, CodingKey { case id, name, aliases, titles, organization, country, entity, mentions }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(aliases, forKey: .aliases)
        try c.encode(titles, forKey: .titles)
        try c.encode(organization, forKey: .organization)
        try c.encode(country, forKey: .country)
        try c.encodeIfPresent(entity, forKey: .entity)
        try c.encode(mentions, forKey: .mentions)
    }
}

extension DocumentAnnotation.Organization {
    enum CodingKeys: String, CodingKey { case id, name, aliases, kind, country, mentions }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(aliases, forKey: .aliases)
        try c.encode(kind, forKey: .kind)
        try c.encode(country, forKey: .country)
        try c.encode(mentions, forKey: .mentions)
    }
}

extension DocumentAnnotation.Event {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(date, forKey: .date)
        try c.encode(place, forKey: .place)
        try c.encode(participants, forKey: .participants)
        try c.encode(organizations, forKey: .organizations)
        try c.encode(countries, forKey: .countries)
        try c.encode(reported, forKey: .reported)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(participantIds, forKey: .participantIds)
        try c.encode(participantRoles, forKey: .participantRoles)
        try c.encode(evidenceSpan, forKey: .evidenceSpan)
        try c.encode(otherEvidence, forKey: .otherEvidence)
        try c.encode(cameo, forKey: .cameo)
        try c.encode(cameoLabel, forKey: .cameoLabel)
        try c.encode(plover, forKey: .plover)
        try c.encode(ploverMode, forKey: .ploverMode)
        try c.encode(confidence, forKey: .confidence)
        try c.encodeIfPresent(eventId, forKey: .eventId)
        try c.encodeIfPresent(channel, forKey: .channel)
        try c.encodeIfPresent(channelReason, forKey: .channelReason)
        try c.encodeIfPresent(sides, forKey: .sides)
    }
}

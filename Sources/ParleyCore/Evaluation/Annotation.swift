import Foundation

// Codable model of one annotation file as described in shared/corpus/FORMAT.md and read by
// shared/tools/score.py. Decoding is lenient in the same places the scorer is: a missing or null
// array is empty, null strings are accepted, unknown fields are ignored, and event participants or
// organizations may be plain strings or objects carrying a "name".

/// One document's annotation (gold or predicted) in the FORMAT.md shape, as the scorer reads it.
public struct Annotation: Sendable, Codable, Equatable {
    public var id: String?
    public var url: String?
    public var site: String?
    public var published: String?
    public var title: String?
    public var notes: String?
    public var people: [AnnotatedPerson]
    public var organizations: [AnnotatedOrganization]
    public var events: [AnnotatedEvent]

    public init(
        id: String? = nil,
        url: String? = nil,
        site: String? = nil,
        published: String? = nil,
        title: String? = nil,
        notes: String? = nil,
        people: [AnnotatedPerson] = [],
        organizations: [AnnotatedOrganization] = [],
        events: [AnnotatedEvent] = []
    ) {
        self.id = id
        self.url = url
        self.site = site
        self.published = published
        self.title = title
        self.notes = notes
        self.people = people
        self.organizations = organizations
        self.events = events
    }

    private enum CodingKeys: String, CodingKey {
        case id, url, site, published, title, notes, people, organizations, events
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id)
        url = c.lenientString(.url)
        site = c.lenientString(.site)
        published = c.lenientString(.published)
        title = c.lenientString(.title)
        notes = c.lenientString(.notes)
        people = try c.lenientArray(AnnotatedPerson.self, .people)
        organizations = try c.lenientArray(AnnotatedOrganization.self, .organizations)
        events = try c.lenientArray(AnnotatedEvent.self, .events)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(url, forKey: .url)
        try c.encode(site, forKey: .site)
        try c.encode(published, forKey: .published)
        try c.encode(title, forKey: .title)
        try c.encode(notes, forKey: .notes)
        try c.encode(people, forKey: .people)
        try c.encode(organizations, forKey: .organizations)
        try c.encode(events, forKey: .events)
    }
}

/// A person named in a document: canonical name, in-text aliases, titles, organization and country,
/// plus an optional cross-document `entity` identifier.
public struct AnnotatedPerson: Sendable, Codable, Equatable {
    public var name: String?
    public var aliases: [String]
    public var titles: [String]
    public var organization: String?
    /// ISO 3166-1 alpha-3 code of the side the person represents.
    public var country: String?
    /// Stable cross-document identity; a numeric JSON value is read as its decimal text.
    public var entity: String?

    public init(
        name: String?,
        aliases: [String] = [],
        titles: [String] = [],
        organization: String? = nil,
        country: String? = nil,
        entity: String? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.titles = titles
        self.organization = organization
        self.country = country
        self.entity = entity
    }

    private enum CodingKeys: String, CodingKey {
        case name, aliases, titles, organization, country, entity
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let bare = try? single.decode(String.self) {
            self.init(name: bare)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: c.lenientString(.name),
            aliases: c.lenientStrings(.aliases),
            titles: c.lenientStrings(.titles),
            organization: c.lenientString(.organization),
            country: c.lenientString(.country),
            entity: c.lenientIdentifier(.entity)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(aliases, forKey: .aliases)
        try c.encode(titles, forKey: .titles)
        try c.encode(organization, forKey: .organization)
        try c.encode(country, forKey: .country)
        try c.encodeIfPresent(entity, forKey: .entity)
    }
}

/// An organization named in a document, with its aliases, kind (party, government, …) and country.
public struct AnnotatedOrganization: Sendable, Codable, Equatable {
    public var name: String?
    public var aliases: [String]
    public var kind: String?
    public var country: String?

    public init(name: String?, aliases: [String] = [], kind: String? = nil, country: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.country = country
    }

    private enum CodingKeys: String, CodingKey {
        case name, aliases, kind, country
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let bare = try? single.decode(String.self) {
            self.init(name: bare)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: c.lenientString(.name),
            aliases: c.lenientStrings(.aliases),
            kind: c.lenientString(.kind),
            country: c.lenientString(.country)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(aliases, forKey: .aliases)
        try c.encode(kind, forKey: .kind)
        try c.encode(country, forKey: .country)
    }
}

/// A diplomatic event (MEET, VISIT, CALL, SIGN, MESSAGE, ATTEND, HOST, ANNOUNCE) with its date,
/// place, participants, organizations and countries.
public struct AnnotatedEvent: Sendable, Codable, Equatable {
    public var type: String?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when the text cannot fix it.
    public var date: String?
    public var place: String?
    /// Participant names; entries written as objects are read by their "name" ("" when absent or null).
    public var participants: [String]
    /// Organization names; entries written as objects are read by their "name" ("" when absent or null).
    public var organizations: [String]
    public var countries: [String]
    public var reported: Bool?
    public var evidence: String?
    /// Where the evidence sentence starts (Unicode scalar offset into the text): a gold file's
    /// `evidence_offset`, or a prediction's `evidence_span.start`. Gold files of real releases keep
    /// this instead of the publisher's words.
    public var evidenceOffset: Int?
    public var eventID: String?

    public init(
        type: String?,
        date: String? = nil,
        place: String? = nil,
        participants: [String] = [],
        organizations: [String] = [],
        countries: [String] = [],
        reported: Bool? = nil,
        evidence: String? = nil,
        evidenceOffset: Int? = nil,
        eventID: String? = nil
    ) {
        self.type = type
        self.date = date
        self.place = place
        self.participants = participants
        self.organizations = organizations
        self.countries = countries
        self.reported = reported
        self.evidence = evidence
        self.evidenceOffset = evidenceOffset
        self.eventID = eventID
    }

    private enum CodingKeys: String, CodingKey {
        case type, date, place, participants, organizations, countries, reported, evidence
        case eventID = "event_id", evidenceOffset = "evidence_offset", evidenceSpan = "evidence_span"
    }

    private struct EvidenceSpanStart: Decodable { var start: Int? }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = c.lenientString(.type)
        date = c.lenientString(.date)
        place = c.lenientString(.place)
        participants = c.lenientStrings(.participants)
        organizations = c.lenientStrings(.organizations)
        countries = c.lenientStrings(.countries)
        reported = (try? c.decodeIfPresent(Bool.self, forKey: .reported)) ?? nil
        evidence = c.lenientString(.evidence)
        evidenceOffset = (try? c.decodeIfPresent(Int.self, forKey: .evidenceOffset)) ?? nil
            ?? ((try? c.decodeIfPresent(EvidenceSpanStart.self, forKey: .evidenceSpan)) ?? nil)?.start
        eventID = c.lenientIdentifier(.eventID)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(date, forKey: .date)
        try c.encode(place, forKey: .place)
        try c.encode(participants, forKey: .participants)
        try c.encode(organizations, forKey: .organizations)
        try c.encode(countries, forKey: .countries)
        try c.encodeIfPresent(reported, forKey: .reported)
        try c.encodeIfPresent(evidence, forKey: .evidence)
        try c.encodeIfPresent(evidenceOffset, forKey: .evidenceOffset)
        try c.encodeIfPresent(eventID, forKey: .eventID)
    }
}

// MARK: - Lenient decoding helpers

/// One element of a name list: a string, an object with a "name", or anything else (read as "").
private struct LenientName: Decodable {
    let value: String

    private struct NameKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            value = text
        } else if let object = try? decoder.container(keyedBy: NameKey.self) {
            value = (try? object.decodeIfPresent(String.self, forKey: NameKey(stringValue: "name"))) ?? ""
        } else {
            value = ""
        }
    }
}

extension KeyedDecodingContainer {
    /// The string at `key`, or nil when it is absent, null or not a string.
    fileprivate func lenientString(_ key: Key) -> String? {
        (try? decodeIfPresent(String.self, forKey: key)) ?? nil
    }

    /// An identifier that may be written as a string or as a non-zero integer (0 is false in Python).
    fileprivate func lenientIdentifier(_ key: Key) -> String? {
        if let text = lenientString(key) { return text }
        if let number = (try? decodeIfPresent(Int.self, forKey: key)) ?? nil, number != 0 { return String(number) }
        return nil
    }

    /// A list of names; absent, null or non-array values read as empty.
    fileprivate func lenientStrings(_ key: Key) -> [String] {
        ((try? decodeIfPresent([LenientName].self, forKey: key)) ?? nil)?.map(\.value) ?? []
    }

    /// A list of objects; absent or null reads as empty, malformed entries are an error.
    fileprivate func lenientArray<T: Decodable>(_ type: T.Type, _ key: Key) throws -> [T] {
        if !contains(key) || ((try? decodeNil(forKey: key)) ?? false) { return [] }
        return try decode([T].self, forKey: key)
    }
}

import ParleyCore

/// One event as queries return it: who, what, when, where, and the documents that report it.
public struct EventSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var type: String
    public var date: String?
    public var place: String?
    public var participants: [PersonRef]
    public var organizations: [OrganizationRef]
    public var countries: [String]
    public var cameo: String?
    public var plover: String?
    public var sources: [EventSourceRef]
    /// PLOVER mode (meet, visit, host, phone, third-party), when the type has one.
    public var ploverMode: String? = nil
    /// party, state, parliament, mixed or other; nil for an event stored before channels were coded.
    public var channel: String? = nil
    /// Which sides' people or organizations fixed the channel.
    public var channelReason: String? = nil
    /// One per country (country order; people of no known country first): channel and level, and who fixed them.
    public var sides: [EventSide] = []
    /// The fields the event's sources give differently, with each source's value (`SourceDisagreements`); nil when
    /// not read (lists other than the disputed events), empty when the sources agree.
    public var disagreements: [Disagreement]? = nil
}

/// A person as referred to from an event or a list.
public struct PersonRef: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var country: String?
    public var role: String?
}

/// An organization as referred to from an event.
public struct OrganizationRef: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    /// party, government, legislature, international, company, ngo, media or other.
    public var kind: String? = nil
    public var country: String? = nil
}

/// Where an event is stated: document, sentence, character offsets, the evidence sentence.
public struct EventSourceRef: Sendable, Codable, Equatable {
    public var documentId: String
    public var url: String?
    public var reported: Bool
    public var sentence: Int
    public var start: Int
    public var end: Int
    public var evidence: String
    public var confidence: Double
}

/// A person in a list: name, country, how often seen.
public struct PersonSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var country: String?
    public var aliases: [String]
    public var documents: Int
    public var events: Int
}

/// Everything the database knows about one person.
public struct PersonProfile: Sendable, Codable {
    public var person: PersonSummary
    /// Titles with the date of the document that gave them, oldest first: a career timeline.
    public var titles: [DatedTitle]
    public var organizations: [String]
    /// Why each document's mention was linked to this person.
    public var merges: [MergeReason]
    public var counterparts: [Counterpart]
    /// The latest events of the person, oldest first (as many as the query's timeline limit).
    public var timeline: [EventSummary]
    /// How many events the person has in all.
    public var timelineTotal: Int
}

/// A title as one document gives it.
public struct DatedTitle: Sendable, Codable, Equatable {
    public var title: String
    public var date: String?
    public var documentId: String
}

/// Why a document's person was resolved to an entity.
public struct MergeReason: Sendable, Codable, Equatable {
    public var documentId: String
    public var name: String
    public var reason: String
}

/// Someone a person has met, with how many events.
public struct Counterpart: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var country: String?
    public var events: Int
}

/// A full-text hit with a highlighted snippet.
public struct SearchHit: Sendable, Codable, Equatable {
    public var documentId: String
    public var title: String?
    public var url: String?
    public var snippet: String
}

/// Counts of the database's contents.
public struct StoreStats: Sendable, Codable, Equatable {
    public var documents: Int
    public var people: Int
    public var organizations: Int
    public var events: Int
    public var eventSources: Int
    public var planned: Int
    public var eventsByType: [String: Int]
    public var databaseBytes: Int64?
}

extension EventSummary {
    enum CodingKeys: String, CodingKey {
        case id, type, date, place, participants, organizations, countries, cameo, plover, sources, ploverMode, channel, channelReason, sides
        case disagreements
    }

    /// Reads events written before channels were coded (no `sides`) as well as current ones.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(Int64.self, forKey: .id), type: try c.decode(String.self, forKey: .type),
                  date: try c.decodeIfPresent(String.self, forKey: .date), place: try c.decodeIfPresent(String.self, forKey: .place),
                  participants: try c.decode([PersonRef].self, forKey: .participants),
                  organizations: try c.decode([OrganizationRef].self, forKey: .organizations),
                  countries: try c.decode([String].self, forKey: .countries), cameo: try c.decodeIfPresent(String.self, forKey: .cameo),
                  plover: try c.decodeIfPresent(String.self, forKey: .plover), sources: try c.decode([EventSourceRef].self, forKey: .sources),
                  ploverMode: try c.decodeIfPresent(String.self, forKey: .ploverMode), channel: try c.decodeIfPresent(String.self, forKey: .channel),
                  channelReason: try c.decodeIfPresent(String.self, forKey: .channelReason),
                  sides: try c.decodeIfPresent([EventSide].self, forKey: .sides) ?? [],
                  disagreements: try c.decodeIfPresent([Disagreement].self, forKey: .disagreements))
    }
}

import ParleyCore

/// Which way an events list runs by date.
public enum EventOrder: String, Sendable, Codable, CaseIterable {
    /// Newest first (undated events last).
    case newest
    /// Oldest first (undated events first).
    case oldest
}

/// Where a page of events stops: the date and id of its last event; the next page starts after it.
public struct EventCursor: Sendable, Codable, Equatable {
    public var date: String?
    public var id: Int64
    public init(date: String?, id: Int64) { self.date = date; self.id = id }
}

/// One page of an events list, and where the next page starts (nil on the last page).
public struct EventPage: Sendable, Codable {
    public var events: [EventSummary]
    public var next: EventCursor?
}

/// A value of a facet and how many matching events have it.
public struct FacetCount: Sendable, Codable, Equatable {
    public var value: String
    public var count: Int
}

/// Counts of the events matching a filter by type, country, year, channel and level: what the filters would narrow to.
public struct EventFacets: Sendable, Codable, Equatable {
    public var total: Int
    public var types: [FacetCount]
    public var countries: [FacetCount]
    public var years: [FacetCount]
    /// Events by channel, most first.
    public var channels: [FacetCount] = []
    /// Events with a side at each level, highest level first (an event counts once per level its sides reach).
    public var levels: [FacetCount] = []
}

/// An organization in a list: name, kind, country, how often seen.
public struct OrganizationSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var kind: String
    public var country: String?
    public var aliases: [String]
    public var documents: Int
    public var events: Int
}

/// A person linked to an organization or a country, with how many documents or events show the link.
public struct LinkedPerson: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var country: String?
    public var count: Int
}

/// Everything the database knows about one organization: its people and its latest events.
public struct OrganizationProfile: Sendable, Codable {
    public var organization: OrganizationSummary
    public var people: [LinkedPerson]
    public var events: [EventSummary]
}

/// A country (ISO 3166-1 alpha-3) with the events it takes part in and its people.
public struct CountrySummary: Sendable, Codable, Equatable {
    public var code: String
    public var events: Int
    public var people: Int
}

/// Everything the database knows about one country: partners, people and latest events.
public struct CountryProfile: Sendable, Codable {
    public var country: CountrySummary
    /// Other countries in the same events, most events first.
    public var partners: [FacetCount]
    public var people: [LinkedPerson]
    public var events: [EventSummary]
}

/// How many events of one type two countries had in one year.
public struct YearTypeCount: Sendable, Codable, Equatable {
    public var year: String
    public var type: String
    public var count: Int
}

/// The contacts between two countries: per year and type, and the latest events.
public struct CountryPairSummary: Sendable, Codable {
    public var countries: [String]
    public var total: Int
    public var years: [YearTypeCount]
    public var events: [EventSummary]
}

/// A stored document: its text and metadata, and its annotation stamped with the database's person and
/// event ids, so every recognised span can link to its page.
public struct StoredDocument: Sendable, Codable {
    public var id: String
    public var url: String?
    public var site: String?
    public var title: String?
    public var published: String?
    public var text: String
    public var annotation: DocumentAnnotation
}

/// What the nodes of a contact network are.
public enum NetworkKind: String, Sendable, Codable, CaseIterable {
    case people, organizations, countries
}

/// A node of a contact network: a person ("P12"), an organization ("O3") or a country ("CHN").
public struct NetworkNode: Sendable, Codable, Equatable {
    public var id: String
    public var label: String
    public var events: Int
}

/// Two nodes that took part in the same events, and how many.
public struct NetworkEdge: Sendable, Codable, Equatable {
    public var source: String
    public var target: String
    public var events: Int
}

/// Who met whom over a date range: the strongest links and their nodes.
public struct NetworkGraph: Sendable, Codable {
    public var kind: NetworkKind
    public var nodes: [NetworkNode]
    public var edges: [NetworkEdge]
}

/// The read queries a browser of the database needs beyond `EventStore`'s: pages of events, one event,
/// facets, organizations, countries, country pairs, documents and the contact network.
public protocol BrowsableStore: EventStore {
    /// Events matching `filter` (its `limit` is the page size) in `order`, starting after `cursor`.
    func eventPage(_ filter: EventFilter, order: EventOrder, after cursor: EventCursor?) throws -> EventPage
    /// One event by id; `StoreError.notFound` when there is none.
    func event(id: Int64) throws -> EventSummary
    /// Counts by type, country, year, channel and level of the events matching `filter` (its `limit` is ignored).
    func eventFacets(_ filter: EventFilter) throws -> EventFacets
    func organizations(search: String?, limit: Int) throws -> [OrganizationSummary]
    func organization(id: Int64) throws -> OrganizationProfile
    func countries() throws -> [CountrySummary]
    func country(_ code: String) throws -> CountryProfile
    func countryPair(_ a: String, _ b: String) throws -> CountryPairSummary
    func document(_ id: String) throws -> StoredDocument
    /// The earliest and latest event dates (nil when no event is dated).
    func eventDateRange() throws -> (first: String?, last: String?)
    /// The `limit` strongest links among `kind` nodes in events dated between `from` and `to` (inclusive prefixes).
    /// The contact network of the events between `from` and `to`; with `channel`, only the contacts of that channel.
    func network(_ kind: NetworkKind, from: String?, to: String?, channel: String?, limit: Int) throws -> NetworkGraph
    /// The counts behind a chart (per year and partner, channel or type).
    func chart(_ chart: ContactChart) throws -> ChartTable
}

extension BrowsableStore {
    /// The contact network of every channel.
    public func network(_ kind: NetworkKind, from: String?, to: String?, limit: Int) throws -> NetworkGraph {
        try network(kind, from: from, to: to, channel: nil, limit: limit)
    }
}

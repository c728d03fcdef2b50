/// The kinds of organization in the annotation format.
public enum OrganizationKind: String, Codable, Sendable, CaseIterable {
    case party, government, legislature, international, company, ngo, media, other
}

/// A country of the gazetteer, with the names, short forms, misspellings and adjectives that denote it.
public struct CountryEntry: Sendable {
    public var iso3: String
    public var iso2: String
    public var name: String
    public var variants: [String]
    public var adjectives: [String]
}

/// A capital, city or region with the country it lies in.
public struct PlaceEntry: Sendable {
    public var name: String
    public var country: String?
    public var kind: String
}

/// A known organization: party, ministry, international body, medium.
public struct OrganizationEntry: Sendable {
    public var name: String
    public var kind: OrganizationKind
    public var country: String?
    public var aliases: [String]
    public var founded: Int?
}

/// A title head (`Deputy Chairman`, `Ambassador`) with a rough seniority rank and category.
public struct TitleEntry: Sendable {
    public var title: String
    public var rank: Int
    public var category: String
    /// Heads of state and government: "the heads of the two states" refers to people with these titles.
    public var isHeadOfState: Bool { category == "head-of-state" || category == "royal" }
}

/// A well-known public figure, so that "President X" can be given the country X represents.
public struct KnownPerson: Sendable {
    public var name: String
    public var country: String?
    public var titles: [String]
    public var aliases: [String]
    /// Years in office of the first title, when the gazetteer gives them (`2012-`, `2013-2023`).
    public var years: ClosedRange<Int>? = nil

    /// Reads `2012-`, `2013-2023` or `1999` (an open end runs to 2100).
    static func years(_ field: String?) -> ClosedRange<Int>? {
        guard let f = field?.trimmingSpaces(), !f.isEmpty else { return nil }
        let parts = f.split(separator: "-", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces()) }
        guard let from = parts.first ?? nil else { return nil }
        let to = parts.count > 1 ? (parts[1] ?? 2100) : from
        return from <= to ? from...to : nil
    }
}

/// What a gazetteer phrase denotes.
public enum GazetteerHit: Sendable, Hashable {
    case country(Int)
    case demonym(Int)
    case place(Int)
    case organization(Int)
    case title(Int)
    case honorific
    case person(Int)
}

/// A calendar word: month, weekday or relative day.
public enum CalendarWord: Sendable, Hashable {
    case month(Int)
    case weekday(Int)
    case relativeDay(Int)
}

/// Whether a trigger's context makes the event planned or hypothetical.
public enum Modality: String, Sendable {
    case planned, hypothetical
}

/// The closed set of event types of the annotation format.
public enum EventType: String, Codable, Sendable, CaseIterable {
    case MEET, VISIT, CALL, SIGN, MESSAGE, ATTEND, HOST, ANNOUNCE
}

/// A phrase that states an event of a type, from `event-triggers.tsv`.
public struct EventTrigger: Sendable {
    /// How a trigger constrains what follows it.
    public enum Option: String, Sendable { case none = "", object, presence, host, nominal, planned, firstperson }
    public var type: EventType
    /// Token keys; `*` matches up to three tokens.
    public var pattern: [String]
    public var option: Option
}

/// The CAMEO and PLOVER codes of an event type (or of one of its variants).
public struct EventCode: Sendable, Codable, Hashable {
    public var cameo: String
    public var cameoLabel: String
    public var plover: String
    public var ploverMode: String?
}

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

/// A title head (`Deputy Chairman`, `Ambassador`) with a rough seniority rank, category and the contact level it gives.
public struct TitleEntry: Sendable {
    public var title: String
    public var rank: Int
    public var category: String
    /// The level of a contact side its holder reaches (`levels.tsv`), by context.
    public var level: TitleLevelRule = TitleLevelRule(level: nil)
    /// Heads of state and government: "the heads of the two states" refers to people with these titles.
    public var isHeadOfState: Bool { category == "head-of-state" || category == "royal" }
}

/// The contact level a title gives (the `level` column of `titles.tsv`): a default, and the levels it gives instead
/// when the title names an organization of a kind (`party=party-leader`) or contains a phrase (`political bureau=…`).
public struct TitleLevelRule: Sendable, Equatable {
    /// The level without context; nil for none (`-`).
    public var level: String?
    /// Context (an organization kind or a folded phrase) and the level it gives, tried in order.
    public var contexts: [Context] = []

    public struct Context: Sendable, Equatable {
        public var key: String
        public var level: String?
    }

    public init(level: String?, contexts: [Context] = []) {
        self.level = level
        self.contexts = contexts
    }

    /// Reads `official;party=party-leader;political bureau=party-top-body` (`-` for no level).
    static func parse(_ field: String) -> TitleLevelRule? {
        let parts = field.split(separator: ";").map { String($0).trimmingSpaces() }
        guard let first = parts.first, !first.isEmpty, !first.contains("=") else { return nil }
        var rule = TitleLevelRule(level: first == "-" ? nil : first)
        for part in parts.dropFirst() {
            guard let eq = part.firstIndex(of: "=") else { return nil }
            let key = TextNormalizer.keys(String(part[..<eq])).joined(separator: " ")
            let value = String(part[part.index(after: eq)...]).trimmingSpaces()
            guard !key.isEmpty, !value.isEmpty else { return nil }
            rule.contexts.append(Context(key: key, level: value == "-" ? nil : value))
        }
        return rule
    }

    /// Every level the rule names, for checking them against `levels.tsv`.
    var levels: [String] { ([level] + contexts.map(\.level)).compactMap { $0 } }

    /// The level for a title whose text has the keys `titleKeys` (joined by spaces) and names, or is held in, an
    /// organization of kind `organizationKind`: the first context that applies, else the default.
    public func level(titleKeys: String, organizationKind: OrganizationKind?) -> String? {
        let padded = " " + titleKeys + " "
        for c in contexts {
            if let kind = OrganizationKind(rawValue: c.key) {
                if kind == organizationKind { return c.level }
            } else if padded.contains(" " + c.key + " ") {
                return c.level
            }
        }
        return level
    }
}

/// A level a side of a contact can have (`levels.tsv`), highest first: `rank` 0 is the highest.
public struct ContactLevelEntry: Sendable, Equatable {
    public var name: String
    public var label: String
    public var rank: Int
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
    /// The Goldstein conflict-cooperation score of the CAMEO code.
    public var goldstein: Double? = nil
}

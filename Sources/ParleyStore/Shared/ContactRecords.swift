import ParleyCore

/// One side of a stored event: its country, the channel and level of its people, and who fixed them.
public struct EventSide: Sendable, Codable, Equatable {
    /// ISO 3166-1 alpha-3; nil for people of no known country.
    public var country: String?
    /// party, state, parliament or other; nil when nothing fixes it.
    public var channel: String?
    public var channelReason: String?
    /// A level of `levels.tsv` (head-of-state-or-government … official); nil when no title gives one.
    public var level: String?
    public var levelReason: String?

    public init(country: String?, channel: String?, channelReason: String?, level: String?, levelReason: String?) {
        self.country = country
        self.channel = channel
        self.channelReason = channelReason
        self.level = level
        self.levelReason = levelReason
    }
}

/// How every backend stores an event's channel and sides: the profile a document's event carries, merged with the one
/// already stored when another document reports the same happening (the pure rule of `ContactProfile.merged`), with
/// its sides in country order. A side of no country is stored with the country '' (part of the table's key). Documents
/// stored before channels were coded are listed in `documentRecode` until they are ingested again.
enum ContactRecords {
    /// The profile a document's event brings, in the stored order.
    static func profile(_ e: DocumentAnnotation.Event) -> ContactProfile? {
        e.contact?.sortedByCountry()
    }

    /// The stored profile after a document's event joins it; nil when neither has one.
    static func merged(stored: ContactProfile?, new: ContactProfile?) -> ContactProfile? {
        guard let new else { return stored }
        guard let stored else { return new }
        return stored.merged(with: new, levelRank: Lexicons.bundled.levelRank).sortedByCountry()
    }

    /// A stored profile from its event row and side rows (nil when the event was stored before channels were coded).
    static func profile(channel: String?, reason: String?, sides: [EventSide]) -> ContactProfile? {
        guard let c = channel.flatMap(ContactChannel.init(rawValue:)) else { return nil }
        return ContactProfile(channel: c, reason: reason ?? "", sides: sides.map {
            ContactSide(country: $0.country, channel: $0.channel.flatMap(ContactChannel.init(rawValue:)), channelReason: $0.channelReason,
                        level: $0.level, levelReason: $0.levelReason)
        })
    }

    /// The side rows of a profile.
    static func sides(_ p: ContactProfile) -> [EventSide] {
        p.sides.map { EventSide(country: $0.country, channel: $0.channel?.rawValue, channelReason: $0.channelReason, level: $0.level, levelReason: $0.levelReason) }
    }

    /// The stored country of a side ('' for none) and back.
    static func key(_ country: String?) -> String { country ?? "" }
    static func country(_ key: String?) -> String? { key.flatMap { $0.isEmpty ? nil : $0 } }

    /// The channels a filter or facet takes.
    static let channels = ContactChannel.allCases.map(\.rawValue)

    /// A level facet in the order of `levels.tsv` (highest first), as every backend shows it.
    static func levelFacet(_ counts: [FacetCount]) -> [FacetCount] {
        let rank = Lexicons.bundled.levelRank
        return counts.sorted { (rank[$0.value] ?? Int.max, $0.value) < (rank[$1.value] ?? Int.max, $1.value) }
    }

    /// A channel facet, most events first.
    static func channelFacet(_ counts: [FacetCount]) -> [FacetCount] {
        counts.sorted { ($0.count, $1.value) > ($1.count, $0.value) }
    }

    /// The SQLite schema of channels and sides.
    static let sqliteMigration = """
        ALTER TABLE event ADD COLUMN channel TEXT;
        ALTER TABLE event ADD COLUMN channelReason TEXT;
        CREATE TABLE eventSide (
          eventId INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
          country TEXT NOT NULL,
          channel TEXT,
          channelReason TEXT,
          level TEXT,
          levelReason TEXT,
          PRIMARY KEY (eventId, country)
        );
        CREATE INDEX event_channel ON event(channel);
        CREATE INDEX eventSide_level ON eventSide(level, eventId);
        CREATE TABLE documentRecode (documentId TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE);
        INSERT INTO documentRecode (documentId) SELECT id FROM document;
        """

    /// The PostgreSQL schema of channels and sides: the same tables.
    static let postgresMigration = [
        "ALTER TABLE event ADD COLUMN channel text",
        "ALTER TABLE event ADD COLUMN channelReason text",
        """
        CREATE TABLE eventSide (
          eventId bigint NOT NULL REFERENCES event ON DELETE CASCADE,
          country text COLLATE "C" NOT NULL,
          channel text,
          channelReason text,
          level text,
          levelReason text,
          PRIMARY KEY (eventId, country)
        )
        """,
        "CREATE INDEX event_channel ON event (channel)",
        "CREATE INDEX eventSide_level ON eventSide (level, eventId)",
        "CREATE TABLE documentRecode (documentId text COLLATE \"C\" PRIMARY KEY REFERENCES document ON DELETE CASCADE)",
        "INSERT INTO documentRecode (documentId) SELECT id FROM document",
    ]

    /// The stored content hash of a document, as the ingestors compare it: none ('') for a document stored before
    /// channels were coded (listed in `documentRecode` by the migration), so that ingesting it again replaces it.
    static let storedHashSQL = """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM documentRecode r WHERE r.documentId = document.id) THEN '' ELSE contentHash END
        FROM document WHERE id =
        """
}

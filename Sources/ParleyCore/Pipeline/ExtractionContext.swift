/// The working state of one document as it passes through the pipeline stages: tokens, sentences,
/// gazetteer matches and the people, organizations, dates and events recognised so far.
///
/// Every recognised thing keeps the token range it came from, so results trace back to the text.
public struct ExtractionContext: Sendable {
    public let document: Document
    public let lexicons: Lexicons
    public var tokens: [Token] = []
    public var sentences: [Sentence] = []
    /// Sentence index of every token.
    public var sentenceOfToken: [Int] = []
    /// Gazetteer match covering each token (longest match, left to right), as an index into `matches`.
    public var matchOfToken: [Int?] = []
    public var matches: [PhraseIndex.Match] = []

    /// Layout facts: where the body starts, the title, the dateline.
    public var layout = DocumentLayout()

    public var organizations: [OrganizationRecord] = []
    public var organizationMentions: [OrganizationMention] = []
    /// Acronyms defined in this document (`(IDCPC)`), key → organization record index.
    public var definedAcronyms: [String: Int] = [:]

    public var people: [PersonRecord] = []
    public var personMentions: [PersonMention] = []
    /// Which tokens can be part of a personal name, computed once before people are recognised.
    public var nameWordCandidates: [Bool] = []
    /// Tokens already claimed by a person mention, title phrase or organization phrase.
    public var claimed: [Bool] = []

    public var countryMentions: [CountryMention] = []
    /// Where each country, place and organization mention starts (token index → mention index), for O(1) look-ups.
    public private(set) var countryMentionAt: [Int: Int] = [:]
    public private(set) var placeMentionAt: [Int: Int] = [:]
    public private(set) var organizationMentionAt: [Int: Int] = [:]

    /// Rebuilds the start-token indexes after a stage has added or removed mentions.
    public mutating func indexMentions() {
        countryMentionAt = Self.index(countryMentions.map(\.tokens))
        placeMentionAt = Self.index(placeMentions.map(\.tokens))
        organizationMentionAt = Self.index(organizationMentions.map(\.tokens))
    }

    static func index(_ ranges: [Range<Int>]) -> [Int: Int] {
        var d: [Int: Int] = [:]
        d.reserveCapacity(ranges.count)
        for (n, r) in ranges.enumerated() where d[r.lowerBound] == nil { d[r.lowerBound] = n }
        return d
    }
    public var placeMentions: [PlaceMention] = []
    public var dateMentions: [DateMention] = []

    /// The year that dates without one take when the page has no publication date (e.g. from an anniversary).
    public var inferredYear: Int?
    public var published: PartialDate?
    public var publishedSource: String?

    public var events: [EventRecord] = []
    public var planned: [EventRecord] = []

    public init(document: Document, lexicons: Lexicons) {
        self.document = document
        self.lexicons = lexicons
    }

    /// The text of tokens `range`, as written (spacing preserved).
    public func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return text(TextSpan(tokens[range.lowerBound].span.start, tokens[range.upperBound - 1].span.end))
    }

    /// The text of a byte span.
    public func text(_ span: TextSpan) -> String {
        let u = document.text.utf8
        let a = u.index(u.startIndex, offsetBy: span.start)
        let b = u.index(u.startIndex, offsetBy: span.end)
        return String(document.text[a..<b])
    }

    /// The gazetteer match covering token `i`.
    public func match(at i: Int) -> PhraseIndex.Match? {
        guard i >= 0, i < matchOfToken.count, let m = matchOfToken[i] else { return nil }
        return matches[m]
    }

    /// The reference date that relative expressions resolve against: the dateline's date, else the publication date.
    public var referenceDate: PartialDate? { layout.datelineDate ?? published }

    /// The year to give a month-and-day date that prints none.
    public var defaultYear: Int? { referenceDate?.year ?? inferredYear }
}

/// Where a document's parts are: header lines (page chrome, title, date line), the body, the dateline.
public struct DocumentLayout: Sendable {
    /// Index of the first body sentence; sentences before it are header lines.
    public var bodyStartSentence: Int = 0
    public var title: String?
    public var datelinePlace: String?
    public var datelinePlaceCountry: String?
    public var datelineDate: PartialDate?
    /// Token range of the dateline (excluded from person and event recognition).
    public var datelineTokens: Range<Int>?
    /// Sentences that are page chrome (bylines, share bars) and carry no people or events.
    public var chromeSentences: Set<Int> = []
}

/// An organization recognised in the document.
public struct OrganizationRecord: Sendable {
    public var name: String
    public var aliases: [String] = []
    public var kind: OrganizationKind
    public var country: String?
    /// Index into `Lexicons.organizations` when it is a known organization.
    public var known: Int?
    /// Whether it is a sub-unit named only relative to another ("the Central Office of the Party"): not listed.
    public var isListed: Bool = true
}

/// One place in the text that names an organization.
public struct OrganizationMention: Sendable {
    public var tokens: Range<Int>
    public var organization: Int
}

/// A person recognised in the document, with everything the text says about them.
public struct PersonRecord: Sendable {
    public var name: String { didSet { foldedName = TextNormalizer.fold(name) } }
    /// `name` and `aliases` folded (`TextNormalizer.fold`), kept for comparing later references.
    public private(set) var foldedName: String
    public private(set) var foldedAliases: [String] = []
    /// Token keys of the canonical name, for matching later references.
    public var nameKeys: [String] { didSet { computeSkeletons() } }
    /// Name keys without particles, their spelling skeletons and the skeleton of the joined name (see `NameShape.skeleton`).
    public private(set) var coreKeys: [String] = []
    public private(set) var skeletons: [String] = []
    public private(set) var joinedSkeleton: String = ""
    public var aliases: [String] = [] { didSet { foldedAliases = aliases.map(TextNormalizer.fold) } }
    public var titles: [String] = []
    public var organization: Int?
    public var country: String?
    public var known: Int?
    public var isHeadOfState = false
    /// How the person was first recognised (title, honorific, apposition, known, verb).
    public var evidence: String

    public init(name: String, nameKeys: [String], evidence: String) {
        self.name = name
        self.foldedName = TextNormalizer.fold(name)
        self.nameKeys = nameKeys
        self.evidence = evidence
        computeSkeletons()
    }

    mutating func computeSkeletons() {
        coreKeys = nameKeys.filter { !NameShape.particles.contains($0) }
        if coreKeys.isEmpty { coreKeys = nameKeys }
        skeletons = coreKeys.map(NameShape.skeleton)
        joinedSkeleton = NameShape.skeleton(coreKeys.joined())
    }
}

/// One place in the text that refers to a person.
public struct PersonMention: Sendable {
    public var tokens: Range<Int>
    public var person: Int
    public var sentence: Int
}

/// A country named (or implied by an adjective) in the text.
public struct CountryMention: Sendable {
    public var tokens: Range<Int>
    public var iso3: String
    public var isAdjective: Bool
}

/// A city or region named in the text.
public struct PlaceMention: Sendable {
    public var tokens: Range<Int>
    public var name: String
    public var country: String?
}

/// A date expression found in a sentence, resolved as far as the text allows.
public struct DateMention: Sendable {
    public var tokens: Range<Int>
    public var sentence: Int
    public var date: PartialDate?
    public var expression: DateExpression
    /// The expression is relative (today, on Monday, last year) rather than printed.
    public var isRelative: Bool
}

/// An event as the pipeline builds it.
public struct EventRecord: Sendable {
    public var type: EventType
    public var variant: String?
    public var date: PartialDate?
    public var place: String?
    public var participants: [Int]
    /// Role of each participant in the event, keyed by person: host, guest, delegation head, present, participant.
    public var roles: [Int: String] = [:]
    public var organizations: [Int]
    public var countries: [String]
    public var reported: Bool
    public var sentence: Int
    public var triggerTokens: Range<Int>
    public var confidence: Double
    /// Sentences that also state this happening (after merging).
    public var otherSentences: [Int] = []
    /// A visit to a country or city (not to an institution): a happening apart from the meetings held during it.
    public var isCountryVisit = false
    /// The channel of the contact and the level of each side (`ChannelCoder`).
    public var contact: ContactProfile?
    /// A meeting with the counterpart of one country of a list ("met his Ghanaian and Kenyan counterparts"), whose
    /// counterpart is still to be named.
    public var counterpartCountry: String?
}

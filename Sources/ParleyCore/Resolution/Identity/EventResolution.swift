/// What a document says about a happening, for deciding which stored event it is: its kind, date and the
/// stored people (already resolved) and organizations that take part.
public struct EventMention: Sendable, Equatable {
    public var type: String
    public var date: String?
    public var people: [Int64]
    public var organizations: [Int64]
    /// Whether the document also reports the other of a visit and a meeting with two or more of these people, so
    /// that it tells them apart: the mention is then only an event of its very kind (`ownKindOnly(_:)`).
    public var ownKindOnly = false

    public init(type: String, date: String?, people: [Int64], organizations: [Int64]) {
        self.type = type
        self.date = date
        self.people = people
        self.organizations = organizations
    }
}

/// A stored event a store found for an event mention: its id, kind and date.
public struct EventCandidate: Sendable, Equatable {
    public var id: Int64
    public var type: String
    public var date: String?

    public init(id: Int64, type: String, date: String?) {
        self.id = id
        self.type = type
        self.date = date
    }
}

/// Decides which stored event a document's event reports, the same for every backend. Candidates are the stored
/// events that share at least two of the mention's people (all of them when it is undated; one when it has one)
/// whose date could match (`dateWindow`), else, with no people, the events of all its organizations around the
/// date. A candidate is the happening when it is of the same kind (a MEET and a VISIT are one kind) and the
/// dates are compatible, or, when either is undated, it has the very same two or more people; two ATTENDs that
/// name organizations, none in common, are two gatherings (`attendsAnother`); an event the same document already
/// told apart from the mention is not it (`documentTellsApart`). A dated mention with several such candidates
/// takes the one with most people in common (a dated one before an undated one), and none on a tie.
public struct EventResolver: IdentityResolver {
    /// What the store gives: the candidate ids in the store's order, each read on demand (nil when gone), the
    /// people of a stored event (read only for undated mentions or candidates) and its organizations (read only
    /// for an ATTEND that names some); and what the mention's document already said of stored events (its
    /// earlier mentions, by the event each was decided to be), which the store keeps while it writes the document.
    public struct Evidence {
        public var candidateIDs: [Int64]
        public var candidate: (Int64) throws -> EventCandidate?
        public var peopleOf: (Int64) throws -> Set<Int64>
        public var organizationsOf: (Int64) throws -> Set<Int64>
        public var document: [Int64: [EventMention]]

        public init(candidateIDs: [Int64], candidate: @escaping (Int64) throws -> EventCandidate?,
                    peopleOf: @escaping (Int64) throws -> Set<Int64>,
                    organizationsOf: @escaping (Int64) throws -> Set<Int64>,
                    document: [Int64: [EventMention]] = [:]) {
            self.candidateIDs = candidateIDs
            self.candidate = candidate
            self.peopleOf = peopleOf
            self.organizationsOf = organizationsOf
            self.document = document
        }

        /// Candidates already read, with their kinds and dates.
        public init(candidates: [EventCandidate], peopleOf: @escaping (Int64) throws -> Set<Int64>,
                    organizationsOf: @escaping (Int64) throws -> Set<Int64> = { _ in [] },
                    document: [Int64: [EventMention]] = [:]) {
            let byID = Dictionary(candidates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            self.init(candidateIDs: candidates.map(\.id), candidate: { byID[$0] }, peopleOf: peopleOf,
                      organizationsOf: organizationsOf, document: document)
        }
    }

    public static let newReason = "new event"

    public init() {}

    /// Whether the mention can join any stored event at all: an undated mention joins only an event with the
    /// very same two or more people. A store asks no candidates when this is false.
    public static func seeksCandidates(_ m: EventMention) -> Bool {
        !(m.date == nil && m.people.count < 2)
    }

    /// How many of the mention's people a candidate found through people must share with it.
    public static func sharedPeopleNeeded(_ m: EventMention) -> Int {
        m.date == nil ? m.people.count : min(2, m.people.count)
    }

    public func resolve(_ m: EventMention, _ evidence: Evidence) throws -> IdentityDecision<EventCandidate> {
        guard Self.seeksCandidates(m) else { return .new(reason: Self.newReason) }
        var undated: [EventCandidate] = []
        var compatible: [EventCandidate] = []
        for id in evidence.candidateIDs {
            guard let c = try evidence.candidate(id) else { continue }
            guard Self.sameKind(c.type, m.type), !m.ownKindOnly || c.type == m.type else { continue }
            if Self.documentTellsApart(m, evidence.document[c.id] ?? []) { continue }
            if try Self.attendsAnother(m, c, evidence) { continue }
            // A visitor's trip told alone is not one of the meetings held during it (nor the other way round).
            if c.type != m.type {
                if m.people.count <= 1 { continue }
                if try evidence.peopleOf(c.id).count <= 1 { continue }
            }
            if Self.datesCompatible(c.date, m.date) { compatible.append(c); continue }
            // Undated mentions join only an event with the very same people.
            if c.date == nil || m.date == nil, m.people.count >= 2, try evidence.peopleOf(c.id) == Set(m.people) {
                undated.append(c)
            }
        }
        if compatible.count == 1 && undated.isEmpty { return .same(compatible[0], reason: "same kind, compatible dates") }
        if !compatible.isEmpty { return try Self.closest(m, compatible: compatible, undated: undated, evidence) }
        // The same two leaders talk by phone many times: an undated report joins only when one event qualifies.
        if undated.count == 1 {
            return .same(undated[0], reason: m.date == nil ? "the only event with the very same people" : "undated event with the very same people")
        }
        return .new(reason: undated.isEmpty ? Self.newReason : "undated, several events with the very same people")
    }

    /// Two meetings of one visitor on one day: of a dated mention's candidates, the event whose people overlap the
    /// mention's most, then one of its very kind (a meeting before the visit of the same people), then a dated one
    /// before an undated one with the very same people (whatever order the store gave them in); two equally close
    /// are not told apart, so the mention is neither.
    static func closest(_ m: EventMention, compatible: [EventCandidate], undated: [EventCandidate], _ evidence: Evidence) throws
        -> IdentityDecision<EventCandidate> {
        let mine = Set(m.people)
        var best: [EventCandidate] = [], bestRank = (-1.0, -1, -1)
        for (c, dated) in compatible.map({ ($0, 1) }) + undated.map({ ($0, 0) }) {
            let theirs = try dated == 1 ? evidence.peopleOf(c.id) : mine
            let union = mine.union(theirs).count
            let rank = (union == 0 ? 0 : Double(mine.intersection(theirs).count) / Double(union), c.type == m.type ? 1 : 0, dated)
            if rank > bestRank { best = [c]; bestRank = rank } else if rank == bestRank { best.append(c) }
        }
        guard best.count == 1 else { return .new(reason: "several events as close, none taken") }
        return .same(best[0], reason: bestRank.2 == 1 ? "same kind, compatible dates, most people in common" : "undated event with the very same people")
    }

    /// Whether the mention's document already told the event apart from it: the document's earlier mention of the
    /// event is of another kind (its visit and its meeting), dated where this one is not or the other way round
    /// (an occasion spoken of in passing and the day's one), or names two or more people neither of whose sets is
    /// within the other's (two encounters of one day with different counterparts).
    public static func documentTellsApart(_ m: EventMention, _ earlier: [EventMention]) -> Bool {
        let mine = Set(m.people)
        return earlier.contains { e in
            if e.type != m.type || (e.date == nil) != (m.date == nil) { return true }
            let theirs = Set(e.people)
            return mine.count >= 2 && theirs.count >= 2 && !mine.isSubset(of: theirs) && !theirs.isSubset(of: mine)
        }
    }

    /// A document's mentions, each marked `ownKindOnly` when another of them is the other of a visit and a meeting
    /// with two or more of its people (a release that reports the visit and the talks held during it).
    public static func ownKindOnly(_ mentions: [EventMention]) -> [EventMention] {
        mentions.map { m in
            var m = m
            let mine = Set(m.people)
            m.ownKindOnly = ["MEET", "VISIT"].contains(m.type) && mentions.contains {
                Set([$0.type, m.type]) == ["MEET", "VISIT"] && mine.intersection($0.people).count >= 2
            }
            return m
        }
    }

    /// The order a store resolves a document's events in: its dated events, then its undated ones, each in the
    /// document's order, so what an undated report is told apart from (`documentTellsApart`) does not depend on
    /// where the document mentions it.
    public static func resolutionOrder<Event>(_ events: [Event], date: (Event) -> String?) -> [Event] {
        events.filter { date($0) != nil } + events.filter { date($0) == nil }
    }

    /// An ATTEND is of the gathering it names: one naming organizations none of which a stored ATTEND has is
    /// another gathering (a minister at a summit of one body and at a meeting of another on the same day).
    static func attendsAnother(_ m: EventMention, _ c: EventCandidate, _ evidence: Evidence) throws -> Bool {
        guard m.type == "ATTEND", c.type == "ATTEND", !m.organizations.isEmpty else { return false }
        let theirs = try evidence.organizationsOf(c.id)
        return !theirs.isEmpty && theirs.isDisjoint(with: m.organizations)
    }

    /// A MEET and a VISIT are one kind of happening; other kinds only match themselves.
    public static func sameKind(_ a: String, _ b: String) -> Bool { a == b || (Set([a, b]) == ["MEET", "VISIT"]) }

    /// The kinds a stored event may have to match a mention of `type`.
    public static func kinds(matching type: String) -> [String] {
        type == "MEET" || type == "VISIT" ? ["MEET", "VISIT"] : [type]
    }

    /// Dates equal at the coarser precision, or complete dates at most a day apart.
    public static func datesCompatible(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        if let x = PartialDate(iso: a)?.dayNumber, let y = PartialDate(iso: b)?.dayNumber { return abs(x - y) <= 1 }
        return a.hasPrefix(b) || b.hasPrefix(a)
    }

    /// The range of stored dates that can match `date` (a day either side of a complete date, anything
    /// inside a partial one), and the partial dates that contain it.
    public static func dateWindow(_ date: String?) -> (lo: String, hi: String, year: String, month: String) {
        guard let date, let d = PartialDate(iso: date) else { return ("", "", "", "") }
        let year = String(date.prefix(4))
        let month = date.count >= 7 ? String(date.prefix(7)) : year
        if d.isComplete, let before = d.adding(days: -1), let after = d.adding(days: 1) {
            return (before.description, after.description, year, month)
        }
        return (date, date + "-99", year, month)
    }

    /// The date a joined event keeps: a more precise date from another source wins; nil keeps the stored one.
    public static func replacementDate(stored: String?, new: String?) -> String? {
        guard let new, stored == nil || stored!.count < new.count else { return nil }
        return new
    }
}

/// What a resolver decided about one mention: it is an entity a store already holds (with the candidate and
/// why, as a profile's `--why` shows it), or a new entity (with why no candidate was taken).
public enum IdentityDecision<Candidate> {
    case same(Candidate, reason: String)
    case new(reason: String)

    /// The stored entity the mention is, if any.
    public var match: Candidate? {
        if case .same(let c, _) = self { return c }
        return nil
    }

    /// Why the resolver decided so.
    public var reason: String {
        switch self {
        case .same(_, let reason), .new(let reason): return reason
        }
    }
}

/// One stage of cross-document identity: given a mention and the candidates a store found for it, decides
/// same or new and says why. Implementations are pure; every backend runs the same one, so a rule is written
/// and tested once (`PersonResolver`, `EventResolver`, `OrganizationResolver`).
///
/// A store finds candidates by the keys the resolver asks for and writes the decision; it never decides.
public protocol IdentityResolver: Sendable {
    /// What a document says about the entity (a person, an event, an organization).
    associatedtype Mention
    /// What the store found that the mention may be.
    associatedtype Candidate
    /// What the resolver needs from the store to decide: its candidates, and people's judgements.
    associatedtype Evidence

    func resolve(_ mention: Mention, _ evidence: Evidence) throws -> IdentityDecision<Candidate>
}

/// People's judgements about a name, kept by the store (`parley merge`, `parley split`) and applied again by the
/// resolver at every later ingest: a merge says a name is a given person, a split that it is not.
public struct ManualJudgements: Sendable, Equatable {
    /// The person the name was merged into, when that person still exists (the latest merge wins).
    public var sameAs: Int64?
    /// The people the name was split from: never the same as any of them.
    public var notSameAs: Set<Int64>

    public init(sameAs: Int64? = nil, notSameAs: Set<Int64> = []) {
        self.sameAs = sameAs
        self.notSameAs = notSameAs
    }

    /// No judgement: the machine decides alone.
    public static let none = ManualJudgements()

    /// Whether a split of the name `split` moves a mention named `mention` to the new person: same name, order
    /// and case free.
    public static func splitMoves(mention: String, split: String) -> Bool {
        NameKeys(mention).aliasKey == NameKeys(split).aliasKey
    }

    /// The reason a merge judgement gives.
    public static let mergeReason = "user merge"
    /// The reason a mention moved by a split gives.
    public static let splitReason = "user split"
}

/// What one source (a document) says about a happening that several sources report: the values compared by
/// `SourceDisagreements`.
public struct SourceReport: Sendable, Equatable {
    /// A person the source names as a participant: a key that is the same for the same person in every source
    /// (the store's person id), the name shown, and the titles this source gives them.
    public struct Participant: Sendable, Equatable {
        public var key: String
        public var name: String
        public var titles: [String]
        public init(key: String, name: String, titles: [String] = []) { self.key = key; self.name = name; self.titles = titles }
    }

    public var documentId: String
    public var type: String
    public var date: String?
    public var place: String?
    public var participants: [Participant]

    public init(documentId: String, type: String, date: String?, place: String?, participants: [Participant]) {
        self.documentId = documentId; self.type = type; self.date = date; self.place = place; self.participants = participants
    }
}

/// One field on which the sources of an event disagree, with each source's value.
public struct Disagreement: Sendable, Codable, Equatable {
    /// One source's value of the field.
    public struct Value: Sendable, Codable, Equatable {
        public var documentId: String
        public var value: String
        public init(documentId: String, value: String) { self.documentId = documentId; self.value = value }
    }

    /// date, place, participants, title or type.
    public var field: String
    /// For `title`: the person whose title the sources give differently.
    public var person: String?
    public var values: [Value]

    public init(field: String, person: String? = nil, values: [Value]) { self.field = field; self.person = person; self.values = values }
}

/// Finds the fields on which the sources of one event disagree. Agreement is not a disagreement:
/// - date: two dates disagree unless one is a prefix of the other (`2026-03` agrees with `2026-03-04`);
///   a source without a date disagrees with no one.
/// - place: two places disagree when both are given and differ, ignoring case and diacritics.
/// - participants: a person named by one source and not by another source that names at least two people
///   (a source naming one person may simply leave the others out).
/// - title: the same person (same key) is given titles by two sources none of which agree, two titles agreeing when the
///   words of one are among the words of the other, ignoring case, diacritics, punctuation and `the`/`of`/`and`/`for`
///   ("General Secretary" agrees with "General Secretary of the Central Committee"; "Secretary-General of the ANC"
///   with "secretary general of African National Congress (ANC)"; "Foreign Minister" and "President" disagree).
/// - type: the types differ (the store joins a MEET and a VISIT of the same people on the same days).
/// Each field is listed once, with the value of every source that gives one, in the sources' order.
/// Several reports from one document are one source: the first date and place it gives, all the people it names.
public enum SourceDisagreements {
    public static func find(_ reports: [SourceReport]) -> [Disagreement] {
        let sources = mergedByDocument(reports)
        guard sources.count >= 2 else { return [] }
        var out: [Disagreement] = []

        let dated = sources.filter { $0.date != nil }
        if pairsDisagree(dated.map { $0.date! }, { $0.hasPrefix($1) || $1.hasPrefix($0) }) {
            out.append(Disagreement(field: "date", values: dated.map { .init(documentId: $0.documentId, value: $0.date!) }))
        }

        let placed = sources.filter { !($0.place ?? "").isEmpty }
        if Set(placed.map { TextNormalizer.fold($0.place!) }).count > 1 {
            out.append(Disagreement(field: "place", values: placed.map { .init(documentId: $0.documentId, value: $0.place!) }))
        }

        if participantsDisagree(sources) {
            out.append(Disagreement(field: "participants", values: sources.filter { !$0.participants.isEmpty }.map {
                .init(documentId: $0.documentId, value: $0.participants.map(\.name).joined(separator: ", "))
            }))
        }

        out += titleDisagreements(sources)

        if Set(sources.map(\.type)).count > 1 {
            out.append(Disagreement(field: "type", values: sources.map { .init(documentId: $0.documentId, value: $0.type) }))
        }
        return out
    }

    /// Whether the sources disagree on any field.
    public static func disagree(_ reports: [SourceReport]) -> Bool { !find(reports).isEmpty }

    /// One report per document, in the order documents first appear.
    static func mergedByDocument(_ reports: [SourceReport]) -> [SourceReport] {
        var out: [SourceReport] = []
        var index: [String: Int] = [:]
        for r in reports {
            guard let n = index[r.documentId] else {
                index[r.documentId] = out.count
                out.append(r)
                continue
            }
            if out[n].date == nil { out[n].date = r.date }
            if out[n].place == nil { out[n].place = r.place }
            for p in r.participants where !out[n].participants.contains(where: { $0.key == p.key }) { out[n].participants.append(p) }
        }
        return out
    }

    /// Whether any two of `values` do not `agree`.
    static func pairsDisagree<T>(_ values: [T], _ agree: (T, T) -> Bool) -> Bool {
        for (i, a) in values.enumerated() { for b in values[(i + 1)...] where !agree(a, b) { return true } }
        return false
    }

    static func participantsDisagree(_ sources: [SourceReport]) -> Bool {
        for a in sources {
            for b in sources where b.documentId != a.documentId && Set(b.participants.map(\.key)).count >= 2 {
                let theirs = Set(b.participants.map(\.key))
                if a.participants.contains(where: { !theirs.contains($0.key) }) { return true }
            }
        }
        return false
    }

    /// The words of a title that tell offices apart: folded, split at anything but letters and digits, without
    /// `the`, `of`, `and`, `for`, `a`.
    static func titleWords(_ title: String) -> Set<String> {
        let words = TextNormalizer.fold(title).split { !($0.isLetter || $0.isNumber) }.map(String.init)
        return Set(words).subtracting(["the", "of", "and", "for", "a"])
    }

    static func titleDisagreements(_ sources: [SourceReport]) -> [Disagreement] {
        var order: [String] = []
        var given: [String: [(documentId: String, name: String, titles: [String])]] = [:]
        for s in sources {
            for p in s.participants where !p.titles.isEmpty {
                if given[p.key] == nil { order.append(p.key) }
                given[p.key, default: []].append((s.documentId, p.name, p.titles))
            }
        }
        var out: [Disagreement] = []
        for key in order {
            let all = given[key] ?? []
            let words = all.map { $0.titles.map(titleWords) }
            if pairsDisagree(words, { a, b in a.contains { x in b.contains { y in x.isSubset(of: y) || y.isSubset(of: x) } } }) {
                out.append(Disagreement(field: "title", person: all[0].name,
                                        values: all.map { .init(documentId: $0.documentId, value: $0.titles.joined(separator: "; ")) }))
            }
        }
        return out
    }
}

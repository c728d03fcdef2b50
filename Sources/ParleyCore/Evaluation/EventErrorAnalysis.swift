/// What went wrong with one gold event that found no prediction, or one prediction that found no gold
/// event, under score.py's matching (same type, compatible date, participant Jaccard ≥ 0.5).
public enum EventErrorKind: String, CaseIterable, Codable, Sendable {
    /// The happening was found, with the right type and people, but without a date.
    case missingDate = "missing date"
    /// The happening was found, with the right type and people, on another date.
    case wrongDate = "wrong date"
    /// The happening was found with the right date and people, under another type.
    case wrongType = "wrong type"
    /// The happening was found with the right type and date, but its people and organizations overlap the gold's by less than half.
    case participants = "missing/extra participant"
    /// One predicted event stands for this happening and another one: the extraction merged two happenings.
    case merged = "merged happenings"
    /// A second (third, …) predicted event for a happening already matched: one happening split in several events.
    case split = "split happening"
    /// A predicted event with no gold happening near it (background sentences, planned contacts, wrong reading).
    case spurious = "spurious event"
    /// A gold happening with no prediction near it.
    case missed = "missed event"
}

/// One classified event error, with the events it concerns.
public struct EventError: Sendable, Codable, Equatable {
    public var document: String
    public var kind: EventErrorKind
    public var gold: AnnotatedEvent?
    public var predicted: AnnotatedEvent?
}

/// Sorts the event errors of one document into kinds, so that `parley evaluate` can say which kind of
/// error is the largest and what a change moved.
///
/// Every gold event left unmatched by the scorer is explained once, by the first of these that holds
/// against a leftover prediction (which it then uses up): right type and people but no or another date;
/// right date and people but another type; right type and date with people overlapping by less than
/// half. Else, if a matched prediction would have fitted it, the prediction merged two happenings; else
/// it was missed. Each prediction still left is a split happening when it fits a gold event that is
/// already matched, and spurious otherwise.
public enum EventErrorAnalysis {
    public static func classify(document: String, gold: Annotation, predicted: Annotation, matched: [Int: Int]) -> [EventError] {
        let ptab = AnnotationScorer.personTable(gold)
        let otab = AnnotationScorer.organizationTable(gold)
        let pevents = predicted.events
        let goldSets = gold.events.map { ge in
            Set(ge.participants.map { "p:" + $0 } + ge.organizations.map { "o:" + $0 })
        }
        let predictedSets = pevents.map { pe in
            Set(AnnotationScorer.canon(pe.participants, ptab).map { "p:" + $0.value })
                .union(AnnotationScorer.canon(pe.organizations, otab).map { "o:" + $0.value })
        }
        /// Overlap of people and organizations (countries when the gold names none), as the scorer measures it.
        func overlap(_ g: Int, _ p: Int) -> Double {
            let gs = goldSets[g], ps = predictedSets[p]
            if gs.isEmpty {
                let gc = Set(gold.events[g].countries), pc = Set(pevents[p].countries)
                let common = gc.intersection(pc).count
                return common == 0 ? 0 : Double(common) / Double(gc.union(pc).count)
            }
            let union = gs.union(ps).count
            let j = union > 0 ? Double(gs.intersection(ps).count) / Double(union) : 0
            return j >= 0.5 ? j : (j > 0 ? j / 2 : 0)  // below 0.5: partial, kept below any passing score
        }
        func typeOK(_ g: Int, _ p: Int) -> Bool { AnnotationScorer.typeOK(gold: gold.events[g].type, predicted: pevents[p].type) }
        func dateOK(_ g: Int, _ p: Int) -> Bool { AnnotationScorer.dateOK(gold: gold.events[g].date, predicted: pevents[p].date) }
        func peopleOK(_ g: Int, _ p: Int) -> Bool { overlap(g, p) >= 0.5 }

        var used = Set(matched.values)
        let matchedPredictions = used
        var errors: [EventError] = []
        func best(_ g: Int, among candidates: [Int], where ok: (Int) -> Bool) -> Int? {
            candidates.filter(ok).max { overlap(g, $0) < overlap(g, $1) }
        }
        for g in gold.events.indices where matched[g] == nil {
            let free = pevents.indices.filter { !used.contains($0) }
            var kind: EventErrorKind = .missed
            var pick: Int?
            if let p = best(g, among: free, where: { typeOK(g, $0) && peopleOK(g, $0) && !dateOK(g, $0) }) {
                pick = p
                kind = (pevents[p].date ?? "").isEmpty ? .missingDate : .wrongDate
            } else if let p = best(g, among: free, where: { !typeOK(g, $0) && peopleOK(g, $0) && dateOK(g, $0) }) {
                pick = p
                kind = .wrongType
            } else if let p = best(g, among: free, where: { typeOK(g, $0) && dateOK(g, $0) && overlap(g, $0) > 0 }) {
                pick = p
                kind = .participants
            } else if let p = best(g, among: Array(matchedPredictions), where: { typeOK(g, $0) && peopleOK(g, $0) }) {
                errors.append(EventError(document: document, kind: .merged, gold: gold.events[g], predicted: pevents[p]))
                continue
            } else if let p = free.first(where: { sameSentence(gold.events[g], pevents[$0]) }) {
                // Read from the same sentence but wrong on two counts: the first of type, people, date that fails.
                pick = p
                kind = !typeOK(g, p) ? .wrongType : !peopleOK(g, p) ? .participants
                    : (pevents[p].date ?? "").isEmpty ? .missingDate : .wrongDate
            }
            if let p = pick { used.insert(p) }
            errors.append(EventError(document: document, kind: kind, gold: gold.events[g], predicted: pick.map { pevents[$0] }))
        }
        let matchedGold = Array(matched.keys)
        for p in pevents.indices where !used.contains(p) {
            let twin = matchedGold.first { typeOK($0, p) && peopleOK($0, p) }
            errors.append(EventError(document: document, kind: twin == nil ? .spurious : .split,
                                     gold: twin.map { gold.events[$0] }, predicted: pevents[p]))
        }
        return errors
    }

    /// Whether two events are read from the same sentence: their evidence starts within a few
    /// characters of each other when both say where, else their evidence snippets' first five words agree.
    static func sameSentence(_ a: AnnotatedEvent, _ b: AnnotatedEvent) -> Bool {
        if let x = a.evidenceOffset, let y = b.evidenceOffset { return abs(x - y) <= 3 }
        return sameSentence(a.evidence, b.evidence)
    }

    /// Whether two evidence snippets open the same sentence (their first five words agree).
    static func sameSentence(_ a: String?, _ b: String?) -> Bool {
        func words(_ s: String?) -> [Substring] {
            Array((s ?? "").lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(5))
        }
        let x = words(a), y = words(b)
        guard x.count >= 3, y.count >= 3 else { return false }
        let n = min(x.count, y.count)
        return x.prefix(n) == y.prefix(n)
    }

    /// The table `parley evaluate` prints: errors by kind, largest first, with their share.
    public static func tableLines(_ errors: [EventError]) -> [String] {
        var counts: [EventErrorKind: Int] = [:]
        for e in errors { counts[e.kind, default: 0] += 1 }
        let total = errors.count
        var lines = ["event errors by kind".padding(toLength: 28, withPad: " ", startingAt: 0) + "count  share"]
        for kind in EventErrorKind.allCases.sorted(by: { (counts[$0] ?? 0, $1.rawValue) > (counts[$1] ?? 0, $0.rawValue) }) {
            let n = counts[kind] ?? 0
            let share = total > 0 ? Double(n) / Double(total) * 100 : 0
            lines.append("  " + kind.rawValue.padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(n).leftPadded(5) + "  " + (String(Int(share.rounded())) + "%").leftPadded(5))
        }
        lines.append("  " + "total".padding(toLength: 26, withPad: " ", startingAt: 0) + String(total).leftPadded(5))
        return lines
    }

    /// One line per error, for `--verbose`.
    public static func describe(_ e: EventError) -> String {
        func show(_ x: AnnotatedEvent?) -> String {
            guard let x else { return "-" }
            return "\(x.type ?? "?") \(x.date ?? "null") [\((x.participants + x.organizations).joined(separator: "; "))]"
        }
        return "\(e.document)\t\(e.kind.rawValue)\tgold: \(show(e.gold))\tpredicted: \(show(e.predicted))"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

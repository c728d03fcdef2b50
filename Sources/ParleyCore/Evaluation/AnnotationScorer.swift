import Foundation

// A port of shared/tools/score.py. Every rule mirrors the Python function of the same name:
// norm, alias_table, canon, date_ok, type_ok, f1, match_people, match_orgs, match_events and the
// cross-document identity pairs. Strings are compared by Unicode scalars (as Python compares code
// points), not by Swift's canonical equivalence.

/// Scores predicted annotations against gold annotations exactly as `shared/tools/score.py` does.
public struct AnnotationScorer: Sendable {
    public init() {}

    /// Scores every gold document (in sorted id order); a missing prediction counts as an empty one.
    public func score(gold: [String: Annotation], predicted: [String: Annotation]) -> ScoreReport {
        evaluate(gold: gold, predicted: predicted).report
    }

    /// Scores like `score(gold:predicted:)` and also keeps per-document detail for a verbose mode.
    public func evaluate(gold: [String: Annotation], predicted: [String: Annotation]) -> AnnotationEvaluation {
        let ids = gold.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        var totals = Totals()
        var documents: [DocumentScore] = []
        var eventErrors: [EventError] = []
        var mentions: [(person: ScalarString, document: ScalarString, entity: ScalarString)] = []

        for id in ids {
            let g = gold[id]!
            let prediction = predicted[id]
            if prediction == nil { totals.missing += 1 }
            let p = prediction ?? Annotation()

            let dated = Self.matchEvents(gold: g, predicted: p, useDates: true)
            let undated = Self.matchEvents(gold: g, predicted: p, useDates: false)
            let people = Self.matchPeople(gold: g, predicted: p)
            let orgTP = Self.matchOrganizations(gold: g, predicted: p)

            totals.eventTP += dated.tp
            totals.eventPredicted += p.events.count
            totals.eventGold += g.events.count
            totals.eventUndatedTP += undated.tp
            totals.peopleTP += people.tp
            totals.peoplePredicted += p.people.count
            totals.peopleGold += g.people.count
            totals.orgTP += orgTP
            totals.orgPredicted += p.organizations.count
            totals.orgGold += g.organizations.count

            var goldByName: [ScalarString?: AnnotatedPerson] = [:]
            for person in g.people { goldByName[person.name.map(ScalarString.init)] = person }
            for (goldName, pp) in people.pairs {
                totals.pairs += 1
                let gp = goldByName[ScalarString(goldName)]
                let predictedCountry = (pp.country?.isEmpty ?? true) ? nil : pp.country
                if ScalarString.same(predictedCountry, gp?.country) { totals.countryOK += 1 }
                let goldTitles = Set((gp?.titles ?? []).map { ScalarString(Self.norm($0)) })
                let predictedTitles = Set(pp.titles.map { ScalarString(Self.norm($0)) })
                let titleHit = predictedTitles.contains { pt in
                    !pt.scalars.isEmpty && goldTitles.contains { gt in
                        Self.isSubstring(pt.scalars, of: gt.scalars) || Self.isSubstring(gt.scalars, of: pt.scalars)
                    }
                }
                if goldTitles.isEmpty || titleHit { totals.titleOK += 1 }
                if let entity = pp.entity, !entity.isEmpty {
                    mentions.append((ScalarString(goldName), ScalarString(id), ScalarString(entity)))
                }
            }

            documents.append(DocumentScore(
                id: id,
                matchedEvents: dated.tp,
                goldEvents: g.events.count,
                predictedEvents: p.events.count,
                matchedPeople: people.tp,
                goldPeople: g.people.count,
                predictedPeople: p.people.count,
                missedEvents: dated.misses,
                extraEvents: dated.extras
            ))
            eventErrors += EventErrorAnalysis.classify(document: id, gold: g, predicted: p, matched: dated.pairs)
        }

        let events = Self.f1(tp: totals.eventTP, predicted: totals.eventPredicted, gold: totals.eventGold)
        let undated = Self.f1(tp: totals.eventUndatedTP, predicted: totals.eventPredicted, gold: totals.eventGold)
        let people = Self.f1(tp: totals.peopleTP, predicted: totals.peoplePredicted, gold: totals.peopleGold)
        let orgs = Self.f1(tp: totals.orgTP, predicted: totals.orgPredicted, gold: totals.orgGold)

        // Cross-document identity: every pair of mentions (in order) from different documents.
        var same = 0, different = 0, sameOK = 0, differentBad = 0
        if mentions.count > 1 {
            for a in 0..<(mentions.count - 1) {
                for b in (a + 1)..<mentions.count {
                    let x = mentions[a], y = mentions[b]
                    if x.document == y.document { continue }
                    if x.person == y.person {
                        same += 1
                        if x.entity == y.entity { sameOK += 1 }
                    } else {
                        different += 1
                        if x.entity == y.entity { differentBad += 1 }
                    }
                }
            }
        }

        let r = Self.pythonRound
        let report = ScoreReport(
            docs: ids.count,
            missingPredictions: totals.missing,
            eventP: r(events.p), eventR: r(events.r), eventF1: r(events.f),
            eventF1IgnoringDates: r(undated.f),
            peopleP: r(people.p), peopleR: r(people.r), peopleF1: r(people.f),
            orgP: r(orgs.p), orgR: r(orgs.r), orgF1: r(orgs.f),
            titleAcc: totals.pairs > 0 ? r(Double(totals.titleOK) / Double(totals.pairs)) : nil,
            countryAcc: totals.pairs > 0 ? r(Double(totals.countryOK) / Double(totals.pairs)) : nil,
            xdocSamePairs: same,
            xdocRecall: same > 0 ? r(Double(sameOK) / Double(same)) : nil,
            xdocFalseMerges: differentBad
        )
        return AnnotationEvaluation(report: report, documents: documents, eventErrors: eventErrors)
    }

    /// Reads every `<id>.json` in a directory, keyed by id; files that score.py would treat as
    /// empty are left out, so they count as missing predictions.
    public static func loadAnnotations(in directory: URL) throws -> [String: Annotation] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        var result: [String: Annotation] = [:]
        for name in names where name.hasSuffix(".json") {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            if let annotation = try decodeAnnotation(data) {
                result[String(name.dropLast(5))] = annotation
            }
        }
        return result
    }

    /// Decodes one annotation file; nil when it holds a JSON value Python deems false (`{}`,
    /// `null`, `[]`, `""`, `0`, `false`), which score.py counts as a missing prediction.
    public static func decodeAnnotation(_ data: Data) throws -> Annotation? {
        let decoder = JSONDecoder()
        if try decoder.decode(JSONTruthiness.self, from: data).isFalse { return nil }
        return try decoder.decode(Annotation.self, from: data)
    }

    // MARK: - norm

    /// Tokens dropped anywhere in a name.
    public static let honorifics: Set<String> = [
        "mr", "ms", "mrs", "miss", "dr", "h", "e", "he", "his", "her", "excellency",
        "comrade", "madam", "sir", "prof", "professor",
    ]

    /// Normalises a name like score.py's `norm`: NFKD, combining marks dropped, lowercased,
    /// punctuation turned into spaces, honorific tokens and leading "the" removed.
    public static func norm(_ name: String?) -> String {
        guard let name else { return "" }
        let decomposed = name.decomposedStringWithCompatibilityMapping.unicodeScalars
            .filter { $0.properties.canonicalCombiningClass.rawValue == 0 }
        let lowered = pythonLower(Array(decomposed))
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in lowered {
            if isPythonSpace(scalar) {
                if !current.isEmpty { tokens.append(String(current)); current = String.UnicodeScalarView() }
            } else if isPythonWord(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                // re.sub turns it into a space, which then splits the token.
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        tokens.removeAll { token in honorifics.contains { ScalarString.same($0, token) } }
        while let first = tokens.first, ScalarString.same(first, "the") { tokens.removeFirst() }
        return tokens.joined(separator: " ")
    }

    /// Python's `str.lower()`: full lowercase mapping per code point, with the Final_Sigma rule.
    private static func pythonLower(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        for (i, scalar) in scalars.enumerated() {
            if scalar.value == 0x3A3 {
                out.append(Unicode.Scalar(isFinalSigma(scalars, at: i) ? 0x3C2 : 0x3C3)!)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    private static func isFinalSigma(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var j = i - 1
        while j >= 0, s[j].properties.isCaseIgnorable { j -= 1 }
        var final = j >= 0 && s[j].properties.isCased
        if final && i + 1 < s.count {
            j = i + 1
            while j < s.count, s[j].properties.isCaseIgnorable { j += 1 }
            final = j == s.count || !s[j].properties.isCased
        }
        return final
    }

    /// Python's `\w` in str patterns: letters (L*), anything with a numeric value, and "_".
    private static func isPythonWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// Python's `str.isspace()` / `\s` set of code points.
    private static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    // MARK: - Rules

    /// Normalised surface form -> canonical gold name (first writer wins). A nil value stands for a
    /// gold item without a name, which claims its forms but never matches.
    private static func aliasTable(_ items: [(name: String?, aliases: [String])]) -> [ScalarString: String?] {
        var table: [ScalarString: String?] = [:]
        for item in items {
            for form in [item.name] + item.aliases.map(Optional.some) {
                let n = norm(form)
                if !n.isEmpty, table[ScalarString(n)] == nil { table[ScalarString(n)] = .some(item.name) }
            }
        }
        return table
    }

    static func personTable(_ a: Annotation) -> [ScalarString: String?] {
        aliasTable(a.people.map { ($0.name, $0.aliases) })
    }

    static func organizationTable(_ a: Annotation) -> [ScalarString: String?] {
        aliasTable(a.organizations.map { ($0.name, $0.aliases) })
    }

    /// Canonical gold names for predicted names; unknown ones become "?" + their normalised form.
    static func canon(_ names: [String], _ table: [ScalarString: String?]) -> Set<ScalarString> {
        var out = Set<ScalarString>()
        for name in names {
            let key = norm(name)
            if let entry = table[ScalarString(key)] {
                out.insert(ScalarString(entry ?? "\u{0}None"))
            } else {
                out.insert(ScalarString("?" + key))
            }
        }
        return out
    }

    /// Equal at the gold's precision; a gold without a date matches anything.
    static func dateOK(gold: String?, predicted: String?) -> Bool {
        guard let gold, !gold.isEmpty else { return true }
        guard let predicted, !predicted.isEmpty else { return false }
        let g = Array(gold.unicodeScalars)
        return Array(predicted.unicodeScalars.prefix(g.count)) == g
    }

    /// Same type, with MEET and VISIT counting as the same.
    static func typeOK(gold: String?, predicted: String?) -> Bool {
        ScalarString.same(gold, predicted)
            || (ScalarString.same(gold, "MEET") && ScalarString.same(predicted, "VISIT"))
            || (ScalarString.same(gold, "VISIT") && ScalarString.same(predicted, "MEET"))
    }

    /// Precision, recall and F1 with score.py's conventions for empty sets.
    private static func f1(tp: Int, predicted: Int, gold: Int) -> (p: Double, r: Double, f: Double) {
        let p = predicted > 0 ? Double(tp) / Double(predicted) : (gold == 0 ? 1.0 : 0.0)
        let r = gold > 0 ? Double(tp) / Double(gold) : 1.0
        return (p, r, p + r != 0 ? 2 * p * r / (p + r) : 0.0)
    }

    private static func matchPeople(gold: Annotation, predicted: Annotation) -> (tp: Int, pairs: [(String, AnnotatedPerson)]) {
        let table = personTable(gold)
        var used = Set<ScalarString>(), tp = 0, pairs: [(String, AnnotatedPerson)] = []
        for pp in predicted.people {
            var hit: String?
            for form in [pp.name] + pp.aliases.map(Optional.some) {
                if let entry = table[ScalarString(norm(form))], let g = entry, !g.isEmpty, !used.contains(ScalarString(g)) {
                    hit = g
                    break
                }
            }
            if let hit {
                used.insert(ScalarString(hit))
                tp += 1
                pairs.append((hit, pp))
            }
        }
        return (tp, pairs)
    }

    private static func matchOrganizations(gold: Annotation, predicted: Annotation) -> Int {
        let table = organizationTable(gold)
        var used = Set<ScalarString>(), tp = 0
        for po in predicted.organizations {
            for form in [po.name] + po.aliases.map(Optional.some) {
                if let entry = table[ScalarString(norm(form))], let g = entry, !g.isEmpty, !used.contains(ScalarString(g)) {
                    used.insert(ScalarString(g))
                    tp += 1
                    break
                }
            }
        }
        return tp
    }

    /// Greedy matching in gold order: each gold event takes the unused prediction with the best
    /// Jaccard score (ties keep the first).
    private static func matchEvents(
        gold: Annotation, predicted: Annotation, useDates: Bool
    ) -> (tp: Int, misses: [AnnotatedEvent], extras: [AnnotatedEvent], pairs: [Int: Int]) {
        let ptab = personTable(gold)
        let otab = organizationTable(gold)
        let pevents = predicted.events
        var used = Set<Int>(), tp = 0, misses: [AnnotatedEvent] = [], pairs: [Int: Int] = [:]
        for (gi, ge) in gold.events.enumerated() {
            let gset = Set(ge.participants.map { ScalarString("p:" + $0) } + ge.organizations.map { ScalarString("o:" + $0) })
            var best: Int?, bestJ = -1.0
            for (i, pe) in pevents.enumerated() {
                if used.contains(i) || !typeOK(gold: ge.type, predicted: pe.type) { continue }
                if useDates && !dateOK(gold: ge.date, predicted: pe.date) { continue }
                let pset = Set(canon(pe.participants, ptab).map { ScalarString("p:" + $0.value) })
                    .union(canon(pe.organizations, otab).map { ScalarString("o:" + $0.value) })
                let j: Double
                if !gset.isEmpty {
                    let union = gset.union(pset).count
                    j = union > 0 ? Double(gset.intersection(pset).count) / Double(union) : 0.0
                    if j < 0.5 { continue }
                } else {
                    let gc = Set(ge.countries.map(ScalarString.init)), pc = Set(pe.countries.map(ScalarString.init))
                    let common = gc.intersection(pc).count
                    if common == 0 { continue }
                    j = Double(common) / Double(gc.union(pc).count)
                }
                if j > bestJ { best = i; bestJ = j }
            }
            if let best {
                used.insert(best)
                pairs[gi] = best
                tp += 1
            } else {
                misses.append(ge)
            }
        }
        let extras = pevents.enumerated().filter { !used.contains($0.offset) }.map(\.element)
        return (tp, misses, extras, pairs)
    }

    private static func isSubstring(_ needle: [Unicode.Scalar], of haystack: [Unicode.Scalar]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// Python's `round(x, 3)`: the decimal nearest to the exact binary value, ties to even.
    /// `(x * 1000).rounded() / 1000` is not enough: it gives 0.012 for 1/80, where Python gives 0.013.
    public static func pythonRound(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let t = x * 1000
        let error = (-t).addingProduct(x, 1000)  // x*1000 == t + error exactly
        let floor = t.rounded(.down)
        let fraction = t - floor
        var k = floor
        if fraction > 0.5 {
            k = floor + 1
        } else if fraction == 0.5 {
            if error > 0 {
                k = floor + 1
            } else if error == 0 {
                k = floor.truncatingRemainder(dividingBy: 2) == 0 ? floor : floor + 1
            }
        }
        return k / 1000
    }

    private struct Totals {
        var eventTP = 0, eventPredicted = 0, eventGold = 0, eventUndatedTP = 0
        var peopleTP = 0, peoplePredicted = 0, peopleGold = 0
        var orgTP = 0, orgPredicted = 0, orgGold = 0
        var titleOK = 0, countryOK = 0, pairs = 0, missing = 0
    }
}

/// A string compared and hashed by its Unicode scalars, like a Python `str`.
struct ScalarString: Hashable, Sendable {
    let value: String
    init(_ value: String) { self.value = value }
    var scalars: [Unicode.Scalar] { Array(value.unicodeScalars) }

    static func == (a: ScalarString, b: ScalarString) -> Bool {
        a.value.unicodeScalars.elementsEqual(b.value.unicodeScalars)
    }

    func hash(into hasher: inout Hasher) {
        for byte in value.utf8 { hasher.combine(byte) }
    }

    static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return ScalarString(x) == ScalarString(y)
        default: return false
        }
    }
}

/// Whether a JSON document is a value Python treats as false.
private enum JSONTruthiness: Decodable {
    case falsy, truthy

    var isFalse: Bool { self == .falsy }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            self = object.allKeys.isEmpty ? .falsy : .truthy
        } else if var array = try? decoder.unkeyedContainer() {
            self = (array.count ?? (array.isAtEnd ? 0 : 1)) == 0 ? .falsy : .truthy
            _ = try? array.decodeNil()
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .falsy
            } else if let flag = try? single.decode(Bool.self) {
                self = flag ? .truthy : .falsy
            } else if let number = try? single.decode(Double.self) {
                self = number == 0 ? .falsy : .truthy
            } else if let text = try? single.decode(String.self) {
                self = text.isEmpty ? .falsy : .truthy
            } else {
                self = .truthy
            }
        }
    }
}

/// Per-document counts and the gold events missed and predicted events left over, for a verbose mode.
public struct DocumentScore: Sendable, Codable, Equatable {
    public var id: String
    public var matchedEvents: Int
    public var goldEvents: Int
    public var predictedEvents: Int
    public var matchedPeople: Int
    public var goldPeople: Int
    public var predictedPeople: Int
    public var missedEvents: [AnnotatedEvent]
    public var extraEvents: [AnnotatedEvent]

    /// The lines score.py prints for this document under `--verbose`.
    public func verboseLines() -> [String] {
        var lines = ["== \(id): events \(matchedEvents)/\(goldEvents) gold, \(predictedEvents) predicted; "
            + "people \(matchedPeople)/\(goldPeople) gold, \(predictedPeople) predicted"]
        for event in missedEvents { lines.append("   missed: " + Self.describe(event)) }
        for event in extraEvents { lines.append("   extra:  " + Self.describe(event)) }
        return lines
    }

    private static func describe(_ e: AnnotatedEvent) -> String {
        [e.type ?? "None", e.date ?? "None", pythonRepr(e.participants), pythonRepr(e.organizations)]
            .joined(separator: " ")
    }

    private static func pythonRepr(_ list: [String]) -> String {
        "[" + list.map(pythonRepr).joined(separator: ", ") + "]"
    }

    private static func pythonRepr(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }
}

/// The summary report together with the per-document detail it was computed from.
public struct AnnotationEvaluation: Sendable, Codable, Equatable {
    public var report: ScoreReport
    public var documents: [DocumentScore]
    /// Every event error, classified by kind (see `EventErrorAnalysis`).
    public var eventErrors: [EventError] = []

    /// score.py's `--verbose` text output: per-document lines, then the report lines.
    public func verboseLines() -> [String] {
        documents.flatMap { $0.verboseLines() } + report.formattedLines()
    }
}

/// The figures score.py prints, in its order, rounded to 3 decimals like Python's `round`.
public struct ScoreReport: Sendable, Codable, Equatable {
    public var docs: Int
    public var missingPredictions: Int
    public var eventP: Double
    public var eventR: Double
    public var eventF1: Double
    public var eventF1IgnoringDates: Double
    public var peopleP: Double
    public var peopleR: Double
    public var peopleF1: Double
    public var orgP: Double
    public var orgR: Double
    public var orgF1: Double
    public var titleAcc: Double?
    public var countryAcc: Double?
    public var xdocSamePairs: Int
    public var xdocRecall: Double?
    public var xdocFalseMerges: Int

    public init(
        docs: Int, missingPredictions: Int,
        eventP: Double, eventR: Double, eventF1: Double, eventF1IgnoringDates: Double,
        peopleP: Double, peopleR: Double, peopleF1: Double,
        orgP: Double, orgR: Double, orgF1: Double,
        titleAcc: Double?, countryAcc: Double?,
        xdocSamePairs: Int, xdocRecall: Double?, xdocFalseMerges: Int
    ) {
        self.docs = docs
        self.missingPredictions = missingPredictions
        self.eventP = eventP
        self.eventR = eventR
        self.eventF1 = eventF1
        self.eventF1IgnoringDates = eventF1IgnoringDates
        self.peopleP = peopleP
        self.peopleR = peopleR
        self.peopleF1 = peopleF1
        self.orgP = orgP
        self.orgR = orgR
        self.orgF1 = orgF1
        self.titleAcc = titleAcc
        self.countryAcc = countryAcc
        self.xdocSamePairs = xdocSamePairs
        self.xdocRecall = xdocRecall
        self.xdocFalseMerges = xdocFalseMerges
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case docs
        case missingPredictions = "missing_predictions"
        case eventP = "event_p"
        case eventR = "event_r"
        case eventF1 = "event_f1"
        case eventF1IgnoringDates = "event_f1_ignoring_dates"
        case peopleP = "people_p"
        case peopleR = "people_r"
        case peopleF1 = "people_f1"
        case orgP = "org_p"
        case orgR = "org_r"
        case orgF1 = "org_f1"
        case titleAcc = "title_acc"
        case countryAcc = "country_acc"
        case xdocSamePairs = "xdoc_same_pairs"
        case xdocRecall = "xdoc_recall"
        case xdocFalseMerges = "xdoc_false_merges"
    }

    private enum Value {
        case int(Int)
        case float(Double?)

        /// Python's `str()` of the value: `None`, `3`, `0.667`, `1.0`.
        var python: String {
            switch self {
            case .int(let n): return String(n)
            case .float(nil): return "None"
            case .float(let x?): return x.description
            }
        }

        var json: String {
            if case .float(nil) = self { return "null" }
            return python
        }
    }

    /// Key/value pairs in score.py's output order.
    private var entries: [(CodingKeys, Value)] {
        [
            (.docs, .int(docs)),
            (.missingPredictions, .int(missingPredictions)),
            (.eventP, .float(eventP)),
            (.eventR, .float(eventR)),
            (.eventF1, .float(eventF1)),
            (.eventF1IgnoringDates, .float(eventF1IgnoringDates)),
            (.peopleP, .float(peopleP)),
            (.peopleR, .float(peopleR)),
            (.peopleF1, .float(peopleF1)),
            (.orgP, .float(orgP)),
            (.orgR, .float(orgR)),
            (.orgF1, .float(orgF1)),
            (.titleAcc, .float(titleAcc)),
            (.countryAcc, .float(countryAcc)),
            (.xdocSamePairs, .int(xdocSamePairs)),
            (.xdocRecall, .float(xdocRecall)),
            (.xdocFalseMerges, .int(xdocFalseMerges)),
        ]
    }

    /// score.py's text output, one `key value` line per figure, the key padded to 26 columns.
    public func formattedLines() -> [String] {
        entries.map { key, value in
            let name = key.rawValue
            let padded = name.count < 26 ? name + String(repeating: " ", count: 26 - name.count) : name
            return padded + " " + value.python
        }
    }

    /// score.py's `--json` output (Python `json.dumps` with its default separators).
    public func jsonString() -> String {
        "{" + entries.map { "\"\($0.0.rawValue)\": \($0.1.json)" }.joined(separator: ", ") + "}"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        for (key, value) in entries {
            switch value {
            case .int(let n): try c.encode(n, forKey: key)
            case .float(let x?): try c.encode(x, forKey: key)
            case .float(nil): try c.encodeNil(forKey: key)
            }
        }
    }
}

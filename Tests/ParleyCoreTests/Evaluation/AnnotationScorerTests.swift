import Foundation
import ParleyCore
import Testing

// Tests for the Swift port of shared/tools/score.py: the normalisation, one small gold/prediction
// pair per scoring rule, and agreement with the Python scorer itself when python3 and the script
// are available (CI has shared/ beside the repository).

// MARK: - Fixtures

/// One scoring scenario: gold and predicted documents as JSON text, keyed by document id.
struct ScorerCase: Sendable, CustomTestStringConvertible {
    let name: String
    let gold: [String: String]
    let predicted: [String: String]

    var testDescription: String { name }

    /// Scores the case in memory, reading each file like `AnnotationScorer.loadAnnotations`.
    func evaluate() throws -> AnnotationEvaluation {
        AnnotationScorer().evaluate(gold: try Self.decode(gold), predicted: try Self.decode(predicted))
    }

    func report() throws -> ScoreReport { try evaluate().report }

    private static func decode(_ texts: [String: String]) throws -> [String: Annotation] {
        var result: [String: Annotation] = [:]
        for (id, text) in texts {
            if let annotation = try AnnotationScorer.decodeAnnotation(Data(text.utf8)) { result[id] = annotation }
        }
        return result
    }

    /// Writes the case as GOLD and PRED directories under a fresh temporary folder.
    func write() throws -> (root: URL, gold: URL, predicted: URL) {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("parley-scorer-\(UUID().uuidString)")
        let gold = root.appendingPathComponent("gold"), predicted = root.appendingPathComponent("pred")
        for (dir, texts) in [(gold, self.gold), (predicted, self.predicted)] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for (id, text) in texts {
                try Data(text.utf8).write(to: dir.appendingPathComponent(id + ".json"))
            }
        }
        return (root, gold, predicted)
    }
}

private func json(_ annotation: Annotation) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try! encoder.encode(annotation), as: UTF8.self)
}

private func person(
    _ name: String?, aliases: [String] = [], titles: [String] = [],
    country: String? = nil, entity: String? = nil
) -> AnnotatedPerson {
    AnnotatedPerson(name: name, aliases: aliases, titles: titles, country: country, entity: entity)
}

private func event(
    _ type: String, _ date: String? = nil, people: [String] = [], orgs: [String] = [], countries: [String] = []
) -> AnnotatedEvent {
    AnnotatedEvent(type: type, date: date, participants: people, organizations: orgs, countries: countries)
}

private let twoPeople = [person("Anna Alpha"), person("Boris Beta"), person("Chen Gamma")]

enum ScorerCases {
    static let datePrecision = ScorerCase(
        name: "date precision",
        gold: ["d1": json(Annotation(people: twoPeople, events: [
            event("MEET", "2024-11", people: ["Anna Alpha", "Boris Beta"]),
            event("CALL", "2024-11-13", people: ["Anna Alpha", "Boris Beta"]),
            event("SIGN", nil, people: ["Anna Alpha", "Boris Beta"]),
            event("ATTEND", "2024", people: ["Anna Alpha", "Boris Beta"]),
        ]))],
        predicted: ["d1": json(Annotation(events: [
            event("MEET", "2024-11-13", people: ["Anna Alpha", "Boris Beta"]),  // finer than gold: ok
            event("CALL", "2024-11", people: ["Anna Alpha", "Boris Beta"]),  // coarser than gold: no
            event("SIGN", "2020-01-01", people: ["Anna Alpha", "Boris Beta"]),  // gold has no date: ok
            event("ATTEND", nil, people: ["Anna Alpha", "Boris Beta"]),  // gold dated, prediction not: no
        ]))]
    )

    static let meetVisit = ScorerCase(
        name: "MEET and VISIT are one type",
        gold: ["d1": json(Annotation(people: twoPeople, events: [
            event("MEET", "2024-01-02", people: ["Anna Alpha", "Boris Beta"]),
            event("CALL", "2024-01-03", people: ["Anna Alpha", "Boris Beta"]),
        ]))],
        predicted: ["d1": json(Annotation(events: [
            event("VISIT", "2024-01-02", people: ["Anna Alpha", "Boris Beta"]),
            event("MESSAGE", "2024-01-03", people: ["Anna Alpha", "Boris Beta"]),
        ]))]
    )

    static let jaccard = ScorerCase(
        name: "Jaccard threshold 0.5",
        gold: ["d1": json(Annotation(people: twoPeople, events: [
            event("MEET", people: ["Anna Alpha", "Boris Beta", "Chen Gamma"]),
            event("SIGN", people: ["Anna Alpha", "Boris Beta"]),
            event("CALL", people: ["Anna Alpha", "Boris Beta"]),
        ]))],
        predicted: ["d1": json(Annotation(events: [
            event("MEET", people: ["Anna Alpha"]),  // 1/3
            event("SIGN", people: ["Anna Alpha", "Zed Unknown"]),  // 1/3
            event("CALL", people: ["Anna Alpha"]),  // exactly 1/2
        ]))]
    )

    static let greedy = ScorerCase(
        name: "greedy best Jaccard, ties keep the first",
        gold: ["d1": json(Annotation(people: twoPeople, events: [
            event("MEET", people: ["Anna Alpha", "Boris Beta"]),
            event("CALL", people: ["Anna Alpha", "Boris Beta"]),
        ]))],
        predicted: ["d1": json(Annotation(events: [
            event("MEET", "2024", people: ["Anna Alpha"]),
            event("MEET", "2025", people: ["Anna Alpha", "Boris Beta"]),
            event("CALL", "2026", people: ["Anna Alpha", "Boris Beta"]),
            event("CALL", "2027", people: ["Anna Alpha", "Boris Beta"]),
        ]))]
    )

    static let emptyParticipants = ScorerCase(
        name: "events without gold participants",
        gold: ["d1": json(Annotation(
            organizations: [
                AnnotatedOrganization(name: "Communist Party of China", aliases: ["CPC"]),
                AnnotatedOrganization(name: "New Azerbaijan Party"),
            ],
            events: [
                event("SIGN", countries: ["CHN", "AZE"]),
                event("ATTEND", countries: ["RUS"]),
                event("ANNOUNCE", orgs: ["Communist Party of China", "New Azerbaijan Party"], countries: ["CHN"]),
            ]
        ))],
        predicted: ["d1": json(Annotation(events: [
            event("SIGN", countries: ["AZE"]),  // country overlap is enough
            event("ATTEND", countries: ["USA"]),  // no overlap
            event("ANNOUNCE", orgs: ["the CPC"], countries: ["USA"]),  // orgs decide: 1/2
        ]))]
    )

    static let aliases = ScorerCase(
        name: "alias normalisation",
        gold: ["d1": json(Annotation(
            people: [person("Liu Jianchao", aliases: ["Liu"]), person("José Ramos-Horta")],
            organizations: [
                AnnotatedOrganization(name: "International Department of the CPC Central Committee", aliases: ["IDCPC"]),
                AnnotatedOrganization(name: "New Azerbaijan Party"),
            ],
            events: [event("MEET", people: ["Liu Jianchao", "José Ramos-Horta"], orgs: ["New Azerbaijan Party"])]
        ))],
        predicted: ["d1": json(Annotation(
            people: [
                person("H.E. Mr. Liu Jianchao"), person("Comrade Liu"),  // second one: gold already used
                person("JOSE RAMOS HORTA"), person("Dr. Nobody"),
            ],
            organizations: [
                AnnotatedOrganization(name: "The IDCPC"), AnnotatedOrganization(name: "New-Azerbaijan  Party!"),
                AnnotatedOrganization(name: "Azerbaijan"),
            ],
            events: [event("VISIT", people: ["Mr Liu", "Ramos-Horta"], orgs: ["the New Azerbaijan Party"])]
        ))]
    )

    static let titlesAndCountries = ScorerCase(
        name: "title substring and country accuracy",
        gold: ["d1": #"""
            {"people": [
              {"name": "Anna Alpha", "titles": ["Minister of the International Department"], "country": "CHN"},
              {"name": "Boris Beta", "titles": ["Deputy Chairman"], "country": null},
              {"name": "Chen Gamma", "titles": [], "country": "AZE"},
              {"name": "Dora Delta", "titles": ["President"], "country": ""}
            ], "organizations": [], "events": []}
            """#],
        predicted: ["d1": #"""
            {"people": [
              {"name": "Anna Alpha", "titles": ["minister"], "country": "CHN"},
              {"name": "Boris Beta", "titles": ["Ambassador"], "country": ""},
              {"name": "Chen Gamma", "titles": ["Anything"], "country": "USA"},
              {"name": "Dora Delta", "titles": null, "country": null}
            ]}
            """#]
    )

    static let crossDocument = ScorerCase(
        name: "cross-document identity",
        gold: [
            "d1": json(Annotation(people: [person("Tahir Budagov", aliases: ["Budagov"]), person("Xi Jinping")])),
            "d2": json(Annotation(people: [person("Tahir Budagov"), person("Xi Jinping"), person("Guo Min")])),
            "d3": json(Annotation(people: [person("Tahir Budagov")])),
        ],
        predicted: [
            "d1": json(Annotation(people: [person("Budagov", entity: "E1"), person("Xi Jinping", entity: "E3")])),
            "d2": json(Annotation(people: [
                person("Tahir Budagov", entity: "E1"), person("Xi Jinping", entity: "E1"), person("Guo Min", entity: ""),
            ])),
            "d3": json(Annotation(people: [person("Tahir Budagov", entity: "E2")])),
        ]
    )

    static let missingAndEmpty = ScorerCase(
        name: "missing and empty predictions",
        gold: [
            "a": json(Annotation(people: twoPeople, events: [event("MEET", people: ["Anna Alpha"])])),
            "b": json(Annotation(people: [person("Anna Alpha")])),
            "c": json(Annotation()),
            "d": json(Annotation()),
        ],
        predicted: ["b": "{}", "c": "null", "d": #"{"people": null, "events": null}"#]
    )

    static let lenientShapes = ScorerCase(
        name: "participants as objects, nulls and extra fields",
        gold: ["d1": #"""
            {"people": [{"name": "Anna Alpha", "aliases": ["Alpha", null]}, {"name": "Boris Beta"}],
             "organizations": [{"name": "Party One", "aliases": []}],
             "events": [{"type": "MEET", "date": null, "participants": ["Anna Alpha", "Boris Beta"], "organizations": ["Party One"]},
                        {"type": "CALL", "date": "2024-05", "participants": ["Anna Alpha"]}]}
            """#],
        predicted: ["d1": #"""
            {"id": "d1", "extra": {"x": 1},
             "people": [{"name": null, "aliases": ["Alpha"], "entity": 7, "confidence": 0.9}],
             "events": [{"type": "MEET", "participants": [{"name": "Alpha", "entity": "E1"}, {"name": "Boris Beta"}, null], "organizations": [{"name": "party one"}], "cameo": "042"},
                        {"type": "CALL", "date": "2024-05-31", "participants": [{"entity": "E1"}]}]}
            """#]
    )

    static let nothing = ScorerCase(
        name: "empty gold and prediction",
        gold: ["d1": json(Annotation())],
        predicted: ["d1": json(Annotation())]
    )

    /// 1 of 80 gold events found: recall 0.0125 rounds to 0.013 in Python (not 0.012).
    static let rounding = ScorerCase(
        name: "rounding like Python",
        gold: ["d1": json(Annotation(
            people: twoPeople,
            events: (0..<80).map { _ in event("CALL", people: ["Anna Alpha", "Boris Beta"]) }
        ))],
        predicted: ["d1": json(Annotation(events: [event("CALL", people: ["Anna Alpha", "Boris Beta"])]))]
    )

    static var rules: [ScorerCase] {
        [datePrecision, meetVisit, jaccard, greedy, emptyParticipants, aliases, titlesAndCountries,
         crossDocument, missingAndEmpty, lenientShapes, nothing, rounding]
    }

    // MARK: Seed gold files

    static let seedDirectory: URL? = {
        guard let root = ReferenceScorePy.repositoryRoot else { return nil }
        let dir = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/seeds/gold")
        return FileManager.default.fileExists(atPath: dir.path) ? dir : nil
    }()

    static func seedGold() throws -> [String: Annotation] {
        guard let dir = seedDirectory else { return [:] }
        return try AnnotationScorer.loadAnnotations(in: dir)
    }

    /// The seeds with an event dropped, a person renamed, a date, a title and a country changed,
    /// and entity ids (one of them wrongly shared) added.
    static func perturb(_ gold: [String: Annotation]) -> [String: Annotation] {
        var result: [String: Annotation] = [:]
        for (index, id) in gold.keys.sorted().enumerated() {
            var doc = gold[id]!
            if index == 0 {
                doc.events.removeLast()
                if let i = doc.people.firstIndex(where: { $0.name == "Tahir Budagov" }) {
                    doc.people[i].name = "Tahir Budagow"
                    doc.people[i].aliases = ["Budagow"]
                    doc.events = doc.events.map { e in
                        var e = e
                        e.participants = e.participants.map { $0 == "Tahir Budagov" ? "Tahir Budagow" : $0 }
                        return e
                    }
                }
            } else if !doc.events.isEmpty {
                doc.events[0].date = "2021-06-10"
            }
            if !doc.people.isEmpty {
                doc.people[0].titles = ["Ambassador"]
                doc.people[doc.people.count - 1].country = "XXX"
            }
            for i in doc.people.indices {
                let name = doc.people[i].name ?? ""
                doc.people[i].entity = index > 0 && name == "Ilham Aliyev" ? "E-xi jinping" : "E-" + AnnotationScorer.norm(name)
            }
            result[id] = doc
        }
        return result
    }

    static func seedCases() throws -> [ScorerCase] {
        let gold = try seedGold()
        guard !gold.isEmpty else { return [] }
        let goldTexts = gold.mapValues(json)
        let perturbed = perturb(gold).mapValues(json)
        let lastID = gold.keys.sorted().last!
        var withoutLast = perturbed
        withoutLast[lastID] = nil
        var emptyLast = perturbed
        emptyLast[lastID] = "{}"
        return [
            ScorerCase(name: "seeds, identical", gold: goldTexts, predicted: goldTexts),
            ScorerCase(name: "seeds, perturbed", gold: goldTexts, predicted: perturbed),
            ScorerCase(name: "seeds, one prediction missing", gold: goldTexts, predicted: withoutLast),
            ScorerCase(name: "seeds, one prediction {}", gold: goldTexts, predicted: emptyLast),
        ]
    }
}

// MARK: - Python reference

enum ReferenceScorePy {
    /// The folder holding Package.swift, found by walking up from this file.
    static let repositoryRoot: URL? = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    static let script: URL? = {
        guard let root = repositoryRoot else { return nil }
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/tools/score.py").standardizedFileURL
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    static let python: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    static var isAvailable: Bool { script != nil && python != nil }

    /// Runs python3 with the arguments and returns its standard output.
    static func run(_ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = python!
        process.arguments = arguments
        let output = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonError(message: "python3 \(arguments) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// score.py's output for a case, with extra flags.
    static func score(_ scorerCase: ScorerCase, flags: [String]) throws -> String {
        let dirs = try scorerCase.write()
        defer { try? FileManager.default.removeItem(at: dirs.root) }
        return try run([script!.path, dirs.gold.path, dirs.predicted.path] + flags)
    }

    /// Calls functions of score.py on JSON-encoded arguments read from standard input.
    static func call(_ expression: String, input: String) throws -> String {
        let program = """
            import importlib.util, json, sys
            spec = importlib.util.spec_from_file_location("score", sys.argv[1])
            score = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(score)
            args = json.load(sys.stdin)
            print(json.dumps(\(expression)))
            """
        return try run(["-c", program, script!.path], input: input)
    }

    struct PythonError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

// MARK: - norm

@Suite("norm")
struct AnnotationNormTests {
    @Test(arguments: [
        ("José Ramos-Horta", "jose ramos horta"),
        ("Tahir Budağov", "tahir budagov"),
        ("Ilham Əliyev", "ilham əliyev"),
        ("H.E. Mr. Wang Yi", "wang yi"),
        ("His Excellency Dr. Prof. Ivan Petrov", "ivan petrov"),
        ("Comrade Kim", "kim"),
        ("Madam Sir Miss Mrs Ms Her He E H", ""),
        ("The Communist Party of China", "communist party of china"),
        ("the The THE Hague", "hague"),
        ("Party of the Regions", "party of the regions"),
        ("CPC (Central Committee)", "cpc central committee"),
        ("  Lee_Hsien-Loong\u{00A0}Jr. ", "lee_hsien loong jr"),
        ("ﬁnance Ⅻ ½", "finance xii 1 2"),
        ("ΟΔΟΣ ΟΔΟΣ", "οδος οδος"),
        ("Straße", "straße"),
        ("", ""),
    ])
    func normalises(input: String, expected: String) {
        #expect(Array(AnnotationScorer.norm(input).unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func nilIsEmpty() {
        #expect(AnnotationScorer.norm(nil) == "")
    }

    @Test(.enabled(if: ReferenceScorePy.isAvailable))
    func agreesWithPython() throws {
        let inputs = [
            "José Ramos-Horta", "Tahir Budağov", "H.E. Mr. Wang Yi", "The the Hague", "ﬁnance Ⅻ ½ ²",
            "ΟΔΟΣ Σ ΑΣ.", "İstanbul", "नमस्ते दुनिया", "Nguyễn Phú Trọng", "محمد بن سلمان", "金正恩 委员长",
            "O'Brien — “quoted” & co.", "Ǆemal Ǉubić", "Lee_Hsien-Loong\u{1C}x\u{2028}y", "Mr.Dr.Smith",
            "Ⓐⓑ ㈱ ㍻", "Ελληνικά ΣΟΦΟΣΣ", "Ǉ", "x\u{0345}y", "ﬀ ﬃ", "٣٤ ५६",
        ]
        let input = String(decoding: try JSONEncoder().encode(inputs), as: UTF8.self)
        let python = try JSONDecoder().decode(
            [String].self, from: Data(try ReferenceScorePy.call("[score.norm(s) for s in args]", input: input).utf8))
        let swift = inputs.map(AnnotationScorer.norm)
        #expect(swift.map { Array($0.unicodeScalars) } == python.map { Array($0.unicodeScalars) })
    }
}

// MARK: - Rounding

@Suite("Python rounding")
struct PythonRoundingTests {
    /// (numerator, denominator, Python's round(numerator / denominator, 3)).
    static let vectors: [(Double, Double, Double)] = [
        (1, 80, 0.013), (3, 80, 0.037), (7, 80, 0.087), (9, 80, 0.113),
        (1, 2000, 0.001), (5, 16, 0.312), (1, 16, 0.062), (2, 3, 0.667),
        (1, 1, 1.0), (0, 1, 0.0), (1, 2, 0.5), (3, 2000, 0.002),
    ]

    @Test func roundsLikePython() {
        for (numerator, denominator, expected) in Self.vectors {
            #expect(AnnotationScorer.pythonRound(numerator / denominator) == expected, "\(numerator)/\(denominator)")
        }
    }

    @Test func naiveFormulaDisagrees() {
        let x = 1.0 / 80
        #expect((x * 1000).rounded(.toNearestOrEven) / 1000 == 0.012)
        #expect(AnnotationScorer.pythonRound(x) == 0.013)
    }

    @Test(.enabled(if: ReferenceScorePy.isAvailable))
    func agreesWithPythonOnRatios() throws {
        var values: [Double] = []
        for n in 1...400 { for k in 0...n { values.append(Double(k) / Double(n)) } }
        for k in 0..<2000 { values.append(2.0 * Double(k) / 2000 * 0.7 / (Double(k) / 2000 + 0.7)) }
        let input = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
        let python = try JSONDecoder().decode(
            [Double].self, from: Data(try ReferenceScorePy.call("[round(x, 3) for x in args]", input: input).utf8))
        let swift = values.map(AnnotationScorer.pythonRound)
        let mismatches = zip(values, zip(swift, python)).filter { $0.1.0 != $0.1.1 }
        #expect(python.count == values.count)
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }
}

// MARK: - Rules

@Suite("score.py rules")
struct ScorePyRuleTests {
    @Test func datePrecision() throws {
        let r = try ScorerCases.datePrecision.report()
        #expect((r.eventP, r.eventR, r.eventF1) == (0.5, 0.5, 0.5))
        #expect(r.eventF1IgnoringDates == 1.0)
    }

    @Test func meetMatchesVisit() throws {
        let r = try ScorerCases.meetVisit.report()
        #expect((r.eventP, r.eventR) == (0.5, 0.5))
    }

    @Test func jaccardThreshold() throws {
        let e = try ScorerCases.jaccard.evaluate()
        #expect(e.report.eventR == 0.333)
        #expect(e.documents[0].missedEvents.map(\.type) == ["MEET", "SIGN"])
        #expect(e.documents[0].extraEvents.map(\.type) == ["MEET", "SIGN"])
    }

    @Test func greedyBestAndFirstOnTies() throws {
        let e = try ScorerCases.greedy.evaluate()
        #expect(e.report.eventR == 1.0)
        #expect(e.documents[0].extraEvents.map(\.date) == ["2024", "2027"])
    }

    @Test func emptyParticipantsUseCountries() throws {
        let e = try ScorerCases.emptyParticipants.evaluate()
        #expect(e.documents[0].matchedEvents == 2)
        #expect(e.documents[0].missedEvents.map(\.type) == ["ATTEND"])
    }

    @Test func aliasNormalisation() throws {
        let r = try ScorerCases.aliases.report()
        #expect((r.peopleP, r.peopleR) == (0.5, 1.0))
        #expect((r.orgP, r.orgR) == (0.667, 1.0))
        #expect(r.eventF1 == 1.0)
    }

    @Test func titleSubstringAndCountry() throws {
        let r = try ScorerCases.titlesAndCountries.report()
        #expect(r.titleAcc == 0.5)
        #expect(r.countryAcc == 0.5)
    }

    @Test func crossDocumentIdentity() throws {
        let r = try ScorerCases.crossDocument.report()
        #expect(r.xdocSamePairs == 4)
        #expect(r.xdocRecall == 0.25)
        #expect(r.xdocFalseMerges == 1)
    }

    @Test func missingPredictions() throws {
        let r = try ScorerCases.missingAndEmpty.report()
        #expect(r.docs == 4)
        #expect(r.missingPredictions == 3)  // absent, {} and null; "d" has keys, so it is not missing
        #expect(r.eventR == 0.0 && r.peopleR == 0.0)
        #expect(r.titleAcc == nil && r.xdocRecall == nil)
    }

    @Test func missingKeyInDictionaryCounts() {
        let gold = ["x": Annotation(people: [person("Anna Alpha")])]
        let r = AnnotationScorer().score(gold: gold, predicted: [:])
        #expect(r.missingPredictions == 1 && r.peopleP == 0.0 && r.peopleF1 == 0.0)
    }

    @Test func lenientDecoding() throws {
        let e = try ScorerCases.lenientShapes.evaluate()
        #expect(e.documents[0].matchedPeople == 1)
        #expect(e.documents[0].matchedEvents == 1)  // MEET: {Anna, Boris, Party One} vs {…, ?} = 3/4
        #expect(e.report.eventF1IgnoringDates == 0.5)
        let doc = try #require(try AnnotationScorer.decodeAnnotation(Data(ScorerCases.lenientShapes.predicted["d1"]!.utf8)))
        #expect(doc.people[0].entity == "7")
        #expect(doc.events[0].participants == ["Alpha", "Boris Beta", ""])
        #expect(doc.organizations.isEmpty)
    }

    @Test func emptyEverythingIsPerfect() throws {
        let r = try ScorerCases.nothing.report()
        #expect((r.eventP, r.eventR, r.eventF1, r.peopleF1, r.orgF1) == (1.0, 1.0, 1.0, 1.0, 1.0))
        #expect(r.titleAcc == nil && r.countryAcc == nil)
    }

    @Test func roundingOfReport() throws {
        let r = try ScorerCases.rounding.report()
        #expect((r.eventP, r.eventR, r.eventF1) == (1.0, 0.013, 0.025))
    }

    @Test func textAndJSONOutput() throws {
        let r = try ScorerCases.titlesAndCountries.report()
        let lines = r.formattedLines()
        #expect(lines.count == 17)
        #expect(lines[0] == "docs                       1")
        #expect(lines[5] == "event_f1_ignoring_dates    1.0")
        #expect(lines[12] == "title_acc                  0.5")
        #expect(lines[15] == "xdoc_recall                None")
        #expect(r.jsonString().hasPrefix(#"{"docs": 1, "missing_predictions": 0, "event_p": 1.0, "#))
        #expect(r.jsonString().hasSuffix(#""xdoc_same_pairs": 0, "xdoc_recall": null, "xdoc_false_merges": 0}"#))
        let decoded = try JSONDecoder().decode(ScoreReport.self, from: JSONEncoder().encode(r))
        #expect(decoded == r)
    }

    @Test func seedsScoreThemselvesPerfectly() throws {
        let gold = try ScorerCases.seedGold()
        try #require(!gold.isEmpty)
        let r = AnnotationScorer().score(gold: gold, predicted: gold)
        #expect((r.eventF1, r.peopleF1, r.orgF1, r.titleAcc, r.countryAcc) == (1.0, 1.0, 1.0, 1.0, 1.0))
        let perturbed = AnnotationScorer().score(gold: gold, predicted: ScorerCases.perturb(gold))
        #expect(perturbed.eventR < 1.0 && perturbed.peopleR < 1.0 && perturbed.xdocFalseMerges > 0)
    }
}

// MARK: - Agreement with score.py

@Suite("agreement with score.py", .enabled(if: ReferenceScorePy.isAvailable))
struct ScorePyAgreementTests {
    @Test(arguments: ScorerCases.rules)
    func ruleCase(_ scorerCase: ScorerCase) throws {
        try expectAgreement(scorerCase)
    }

    @Test func seedCases() throws {
        let cases = try ScorerCases.seedCases()
        try #require(cases.count == 4, "seed gold files not found")
        for scorerCase in cases {
            try expectAgreement(scorerCase)
            let verbose = try ReferenceScorePy.score(scorerCase, flags: ["--verbose"])
            #expect(try scorerCase.evaluate().verboseLines() == lines(verbose), "\(scorerCase.name)")
        }
    }

    @Test func loadsDirectoriesLikePython() throws {
        let scorerCase = ScorerCases.missingAndEmpty
        let dirs = try scorerCase.write()
        defer { try? FileManager.default.removeItem(at: dirs.root) }
        let report = AnnotationScorer().score(
            gold: try AnnotationScorer.loadAnnotations(in: dirs.gold),
            predicted: try AnnotationScorer.loadAnnotations(in: dirs.predicted))
        let python = try ReferenceScorePy.run([ReferenceScorePy.script!.path, dirs.gold.path, dirs.predicted.path, "--json"])
        #expect(report.jsonString() == python.trimmingCharacters(in: .newlines))
    }

    private func expectAgreement(_ scorerCase: ScorerCase) throws {
        let report = try scorerCase.report()
        let json = try ReferenceScorePy.score(scorerCase, flags: ["--json"])
        #expect(report.jsonString() == json.trimmingCharacters(in: .newlines), "\(scorerCase.name)")
        let text = try ReferenceScorePy.score(scorerCase, flags: [])
        #expect(report.formattedLines() == lines(text), "\(scorerCase.name)")
    }

    private func lines(_ output: String) -> [String] {
        output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }
}

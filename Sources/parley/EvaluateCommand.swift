import ArgumentParser
import Foundation
import ParleyCore

/// `parley evaluate`: extracts the inputs and scores them against gold annotations, exactly as
/// `shared/tools/score.py` does.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score extraction against gold annotations (precision, recall, F1 for events, people, organizations).",
        discussion: "After the figures, the event errors are counted by kind (missing or wrong date, wrong type, missing/extra participant, merged or split happening, spurious or missed event), largest first.")

    @Option(help: ArgumentHelp("Directory of gold <id>.json files.", valueName: "DIR"))
    var gold: String

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("min-event-f1"), help: "Fail (exit 1) when event F1 is below this.")
    var minEventF1: Double?

    @Option(name: .customLong("min-people-f1"), help: "Fail (exit 1) when people F1 is below this.")
    var minPeopleF1: Double?

    @Flag(help: "Print the report as JSON (the same keys as score.py --json).")
    var json = false

    @Flag(help: "List missed and extra events per document, then every event error with its kind.")
    var verbose = false

    func validate() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gold, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("--gold '\(gold)' is not a directory")
        }
        for v in [minEventF1, minPeopleF1].compactMap({ $0 }) where !(0...1).contains(v) {
            throw ValidationError("F1 thresholds are between 0 and 1")
        }
    }

    func run() throws {
        let goldSet: [String: Annotation]
        do { goldSet = try AnnotationScorer.loadAnnotations(in: URL(fileURLWithPath: gold)) } catch {
            throw ValidationError("cannot read gold annotations in '\(gold)': \(error)")
        }
        let extractor = Extractor(lexicons: try input.lexicons())
        let (items, collectErrors) = InputCollector.collect(input.inputs)
        for e in collectErrors { warn(e.description) }
        var predicted: [String: Annotation] = [:]
        let encoder = JSONEncoder()
        DocumentPipeline(jobs: input.jobs).run(items, progress: Progress(label: "evaluate", total: items.count),
                                               job: { extractor.extract($0) }) { result in
            switch result {
            case .failure(let e): warn(e.description)
            case .success(let a):
                if let data = try? encoder.encode(a), let ann = try? AnnotationScorer.decodeAnnotation(data) { predicted[a.id] = ann }
            }
        }
        let evaluation = AnnotationScorer().evaluate(gold: goldSet, predicted: predicted)
        if verbose {
            for line in evaluation.verboseLines() { print(line) }
            print("")
            for error in evaluation.eventErrors { print(EventErrorAnalysis.describe(error)) }
            print("")
        }
        if json {
            print(evaluation.report.jsonString())
        } else {
            for line in evaluation.report.formattedLines() { print(line) }
            print("")
            for line in EventErrorAnalysis.tableLines(evaluation.eventErrors) { print(line) }
        }
        var failed: [String] = []
        if let m = minEventF1, evaluation.report.eventF1 < m { failed.append("event F1 \(evaluation.report.eventF1) < \(m)") }
        if let m = minPeopleF1, evaluation.report.peopleF1 < m { failed.append("people F1 \(evaluation.report.peopleF1) < \(m)") }
        if !failed.isEmpty {
            warn("below threshold: " + failed.joined(separator: "; "))
            throw ExitCode(1)
        }
    }
}

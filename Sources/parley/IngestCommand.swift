import ArgumentParser
import Foundation
import ParleyCore
import ParleyStore

/// `parley ingest`: extracts releases and stores them in the event database.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extract releases and add them to the event database (idempotent: unchanged documents are skipped).")

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions

    @Option(help: "Documents per transaction.")
    var batch: Int = 200

    func validate() throws {
        guard batch >= 1 && batch <= 100_000 else { throw ValidationError("--batch must be between 1 and 100000") }
    }

    func run() throws {
        let extractor = Extractor(lexicons: try input.lexicons())
        let db = try withStore { try store.open() }
        let (items, collectErrors) = InputCollector.collect(input.inputs)
        var failures = collectErrors.count
        for e in collectErrors { warn(e.description) }
        var counts: [IngestOutcome: Int] = [:]
        var pending: [PreparedDocument] = []
        var storeFailure: Error?
        func flush() {
            guard !pending.isEmpty, storeFailure == nil else { return }
            do {
                for o in try db.ingest(prepared: pending) { counts[o, default: 0] += 1 }
            } catch { storeFailure = error }
            pending.removeAll(keepingCapacity: true)
        }
        DocumentPipeline(jobs: input.jobsBesideWriter).run(items, progress: Progress(label: "ingest", total: items.count),
                                               job: { doc in PreparedDocument(doc, extractor.extract(doc)) }) { result in
            switch result {
            case .failure(let e):
                failures += 1
                warn(e.description)
            case .success(let pair):
                pending.append(pair)
                if pending.count >= batch { flush() }
            }
        }
        flush()
        if let e = storeFailure {
            warn("\(e); documents ingested before this batch are kept")
            throw ExitCode(1)
        }
        let stats = try withStore { try db.stats() }
        FileHandle.standardError.write(Data(("ingest: \(counts[.inserted] ?? 0) new, \(counts[.replaced] ?? 0) replaced, \(counts[.unchanged] ?? 0) unchanged; "
            + "database \(store.location): \(stats.documents) documents, \(stats.people) people, \(stats.events) events"
            + (stats.databaseBytes.map { String(format: ", %.1f MB", Double($0) / 1_048_576) } ?? "") + "\n").utf8))
        if failures > 0 { throw ExitCode(1) }
    }
}

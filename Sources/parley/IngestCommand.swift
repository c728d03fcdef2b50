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
        // The store writes a batch on its own thread while the next batches are extracted.
        let writer = BatchWriter(store: db)
        var pending: [PreparedDocument] = []
        func flush() {
            guard !pending.isEmpty else { return }
            writer.submit(pending)
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
        let (counts, storeFailure) = writer.finish()
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

/// Writes batches of prepared documents to a store on a thread of its own, one at a time and in order, so that
/// extraction goes on while the store writes; after a failure it writes nothing more. Up to `depth` batches wait for
/// the writer (so a slower stretch of extraction or of writing does not stall the other), and the store hears of each
/// batch when it is handed over (`willIngest`).
final class BatchWriter: @unchecked Sendable {
    private let store: any EventStore
    private let queue = DispatchQueue(label: "parley.ingest.writer")
    private let inFlight = DispatchGroup()
    private let slots: DispatchSemaphore
    // Touched only on `queue`, and read by `finish` after the last batch is done.
    private var counts: [IngestOutcome: Int] = [:]
    private var failure: Error?

    init(store: any EventStore, depth: Int = 2) {
        self.store = store
        slots = DispatchSemaphore(value: max(1, depth))
    }

    /// Hands over a batch once fewer than `depth` batches wait or are being stored.
    func submit(_ batch: [PreparedDocument]) {
        slots.wait()
        store.willIngest(prepared: batch)
        queue.async(group: inFlight) { [self] in
            defer { slots.signal() }
            guard failure == nil else { return }
            do {
                for o in try store.ingest(prepared: batch) { counts[o, default: 0] += 1 }
            } catch { failure = error }
        }
    }

    /// Waits for the last batch; what was stored, by outcome, and the error that stopped the writing, if any.
    func finish() -> ([IngestOutcome: Int], Error?) {
        inFlight.wait()
        return queue.sync { (counts, failure) }
    }
}

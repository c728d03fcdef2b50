import ArgumentParser
import Foundation
import ParleyCore
import ParleySources
import ParleyStore

/// One pass over sources for `fetch` and `watch`: harvests them, saves, prints or ingests the new documents,
/// reports failures and progress on standard error, and returns the counts.
struct SourceRun {
    let options: SourceOptions
    let store: (any EventStore)?
    let log: any FetchLog
    let extractor: Extractor?

    struct Counts {
        var documents = 0
        var failures = 0
        var skipped: [SkipReason: Int] = [:]
        var outcomes: [IngestOutcome: Int] = [:]
    }

    /// Opens what the options ask for: the database (with its fetch log) when ingesting or when --db is given,
    /// else the save folder's state file, else a memory that lasts this run only.
    static func open(_ options: SourceOptions, _ storeOptions: StoreOptions) throws -> SourceRun {
        var store: (any EventStore)?
        var log: any FetchLog = TransientFetchLog()
        if let dir = options.saveDir {
            try createOutputDirectory(dir)
        }
        if options.ingest || storeOptions.db != nil {
            let s = try withStore { try storeOptions.open() }
            store = s
            if let sqlite = s as? SQLiteEventStore { log = SQLiteFetchLog(store: sqlite) }
            if let pg = s as? PostgresEventStore { log = PostgresFetchLog(store: pg) }
        } else if let dir = options.saveDir {
            do { log = try FetchStateFile(path: (dir as NSString).appendingPathComponent(FetchStateFile.fileName)) } catch {
                throw ValidationError(error.description)
            }
        }
        let extractor = options.ingest ? Extractor(lexicons: try Lexicons(extraGazetteers: [])) : nil
        return SourceRun(options: options, store: options.ingest ? store : nil, log: log, extractor: extractor)
    }

    func run(_ sources: [String], label: String) async -> Counts {
        let fetcher = PoliteFetcher(policy: options.policy)
        let harvester = SourceHarvester(fetcher: fetcher, log: log, since: options.since.flatMap(PartialDate.init(iso:)), refresh: options.refresh)
        var counts = Counts()
        var pending: [Document] = []
        let status = StatusLine(label: label)
        func handle(_ event: HarvestEvent) {
            switch event {
            case .document(let doc, let bytes, let format):
                counts.documents += 1
                save(doc, bytes: bytes, format: format)
                if store != nil {
                    pending.append(doc)
                    if pending.count >= options.batch { flush(&pending, &counts) }
                } else if options.saveDir == nil {
                    printJSONLine(doc)
                }
            case .failure(let e):
                counts.failures += 1
                status.clear()
                warn(e.description)
            case .skipped(_, let reason):
                counts.skipped[reason, default: 0] += 1
            case .listing(let source, let pages):
                status.clear()
                FileHandle.standardError.write(Data("\(label): \(source): \(pages) listed\n".utf8))
            }
            status.update(counts)
        }
        for source in sources {
            // Local archives are read here, record by record, so a large WARC never runs ahead of the ingest.
            if FileManager.default.fileExists(atPath: source), let kind = try? LocalArchive.kind(of: source),
               [.warc, .warcGzip, .zip, .tar, .tarGzip].contains(kind) {
                LocalArchive().read(source, kind: kind, emit: handle)
            } else {
                for await event in harvester.harvest([source]) { handle(event) }
            }
        }
        flush(&pending, &counts)
        if let file = log as? FetchStateFile {
            do { try file.flush() } catch { warn("cannot write \(file.path): \(error.localizedDescription)") }
        }
        await fetcher.shutdown()
        status.finish(counts, database: store.map { _ in "" })
        return counts
    }

    func flush(_ pending: inout [Document], _ counts: inout Counts) {
        guard let store, let extractor, !pending.isEmpty else { return }
        let docs = pending
        pending.removeAll()
        let pairs = DocumentPipeline(jobs: options.jobs).parallelMap(docs) { ($0, extractor.extract($0)) }
        do {
            for o in try store.ingest(batch: pairs) { counts.outcomes[o, default: 0] += 1 }
        } catch {
            counts.failures += docs.count
            warn("\(error); \(docs.count) documents not stored")
        }
    }

    func save(_ doc: Document, bytes: [UInt8], format: InputFormat) {
        guard let dir = options.saveDir else { return }
        let name = doc.id + (format == .html ? ".html" : ".txt")
        do { try writeAtomically(Data(bytes), to: (dir as NSString).appendingPathComponent(name)) } catch {
            warn("cannot save \(name) in \(dir): \(error.localizedDescription)")
        }
    }

    func printJSONLine(_ doc: Document) {
        struct Line: Encodable { var id: String; var url: String?; var title: String?; var published: String?; var text: String }
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let published = doc.publishedHint?.description ?? doc.dateCandidates.first
        if let d = try? e.encode(Line(id: doc.id, url: doc.url, title: doc.title, published: published, text: doc.text)) {
            FileHandle.standardOutput.write(d + Data("\n".utf8))
        }
    }
}

/// The progress line of `fetch`/`watch` on standard error: rewritten in place on a terminal, every few seconds otherwise.
final class StatusLine {
    let label: String
    let interactive = isatty(2) != 0
    var last = Date()
    var shown = false

    init(label: String) { self.label = label }

    func text(_ c: SourceRun.Counts) -> String {
        var parts = ["\(c.documents) new documents"]
        if c.failures > 0 { parts.append("\(c.failures) failed") }
        for r in [SkipReason.known, .notModified, .unchanged, .older] {
            if let n = c.skipped[r], n > 0 {
                parts.append("\(n) " + ["known": "already fetched", "notModified": "not modified", "unchanged": "unchanged", "older": "older than --since"][r.rawValue]!)
            }
        }
        return "\(label): " + parts.joined(separator: ", ")
    }

    func update(_ c: SourceRun.Counts) {
        let now = Date()
        guard now.timeIntervalSince(last) >= (interactive ? 0.2 : 5) else { return }
        last = now
        if interactive {
            FileHandle.standardError.write(Data(("\r" + text(c)).utf8))
            shown = true
        } else {
            FileHandle.standardError.write(Data((text(c) + "\n").utf8))
        }
    }

    func clear() {
        if interactive && shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); shown = false }
    }

    func finish(_ c: SourceRun.Counts, database: String?) {
        clear()
        var line = text(c)
        if database != nil {
            line += "; ingested \(c.outcomes[.inserted] ?? 0) new, \(c.outcomes[.replaced] ?? 0) replaced, \(c.outcomes[.unchanged] ?? 0) unchanged"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

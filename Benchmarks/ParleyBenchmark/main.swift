// ParleyBenchmark: throughput and memory of Extractor on generated diplomatic releases.
//
// Documents are generated in batches, extracted in parallel with order preserved (as the CLI's
// DocumentPipeline does), JSON-encoded on the same worker threads (as `parley extract` does) and discarded,
// so memory should stay flat however many documents run. See Benchmarks/README.md.

import Dispatch
import Foundation
import ParleyCore
import ParleyStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Options

struct Options: Encodable {
    var documents = 10_000
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var repeats = 1
    var scaling = false
    var compareJobs = false
    var json = false
    var seed: UInt64 = 1
    var batchPerJob = 256
    var resources = GeneratorData.defaultDirectory
    var sample: Int? = nil
    /// Writes the database-mode releases as text files here instead of running (for timing `parley ingest` itself).
    var writeReleases: String? = nil
    var child = false          // internal: one run, its RunStats as JSON on stdout (used by --scaling)
    // Database mode (--ingest, --ingest-scaling).
    var ingest = false
    var ingestScaling = false
    var ingestBatch = 500      // documents per transaction
    var db: String? = nil      // nil: a temporary file, removed at the end
    var sqlProfile = false     // --sql-profile: time per SQL statement, printed after the ingest
    var queries = 200
    var cast = Cast.Settings()

    enum CodingKeys: String, CodingKey {
        case documents, jobs, repeats, scaling, compareJobs, json, seed, batchPerJob, resources, sample, writeReleases
        case ingest, ingestScaling, ingestBatch, db, queries, cast
    }

    static let usage = """
    usage: ParleyBenchmark [options]
      --documents N     documents per run (default 10000)
      --jobs N          worker threads (default: core count)
      --repeat R        runs (default 1)
      --scaling         run 10,000 then 40,000 documents (each in a fresh process) and compare peak RSS
      --compare-jobs    run with --jobs 1 and with the default job count and compare documents/s
      --json            machine-readable output on stdout
      --seed S          generator seed (default 1)
      --batch N         documents per job in a batch (default 256; a batch is N x jobs documents)
      --resources DIR   generator word lists (default: Benchmarks/ParleyBenchmark/Resources)
      --sample I        print generated document I and exit
      --write-releases DIR  write --documents releases of database mode (recurring cast) as DIR/bench-I.txt and exit,
                        for timing `parley ingest DIR` itself

    database mode:
      --ingest          generate, extract and ingest into a SQLite (or --db postgres://…) event database, then time queries
                        (--documents defaults to 100000, --batch to 500 documents per transaction)
      --ingest-scaling  ingest 25,000 then 100,000 documents (each in a fresh process) and compare peak RSS
      --db PATH         database file (default: a temporary file, removed at the end)
      --queries N       runs of each query (default 200; 0: none)
      --cast N          recurring officials per country (default 48)
    """

    static func parse(_ args: [String]) -> Options {
        var o = Options()
        var i = 1
        var documentsGiven = false, batchGiven: Int? = nil
        func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("ParleyBenchmark: \(message)\n\(usage)\n".utf8))
            exit(2)
        }
        func value() -> String {
            i += 1
            guard i < args.count else { fail("\(args[i - 1]) needs a value") }
            return args[i]
        }
        func positive(_ s: String, allowZero: Bool = false) -> Int {
            guard let n = Int(s), n > 0 || (allowZero && n == 0) else { fail("'\(s)' is not a positive number") }
            return n
        }
        while i < args.count {
            let a = args[i]
            switch a {
            case "--documents", "-n": o.documents = positive(value()); documentsGiven = true
            case "--jobs", "-j": o.jobs = positive(value())
            case "--repeat", "-r": o.repeats = positive(value())
            case "--scaling": o.scaling = true
            case "--compare-jobs": o.compareJobs = true
            case "--json": o.json = true
            case "--seed": guard let s = UInt64(value()) else { fail("bad --seed") }; o.seed = s
            case "--batch": batchGiven = positive(value())
            case "--ingest": o.ingest = true
            case "--ingest-scaling": o.ingestScaling = true
            case "--db": o.db = value()
            case "--sql-profile": o.sqlProfile = true
            case "--queries": o.queries = positive(value(), allowZero: true)
            case "--cast": o.cast.perCountry = positive(value())
            case "--resources": o.resources = value()
            case "--sample": o.sample = positive(value(), allowZero: true)
            case "--write-releases": o.writeReleases = value()
            case "--child": o.child = true
            case "-h", "--help": print(usage); exit(0)
            default: fail("unknown option '\(a)'")
            }
            i += 1
        }
        if o.ingest || o.ingestScaling {
            if !documentsGiven { o.documents = 100_000 }
            o.ingestBatch = batchGiven ?? 500
        } else if let b = batchGiven {
            o.batchPerJob = b
        }
        return o
    }
}

// MARK: - Memory and time

enum Memory {
    /// Peak resident set size of this process so far, in MB (getrusage ru_maxrss).
    static func peakRssMB() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024            // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576       // bytes on macOS
        #endif
    }

    /// Current resident set size in MB, from /proc/self/statm (nil where there is no /proc).
    static func currentRssMB() -> Double? {
        guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii) else { return nil }
        let fields = s.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return nil }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// A buffer handed to worker threads that write disjoint slots.
struct SharedBuffer<T>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<T?>
    init(capacity: Int) {
        pointer = .allocate(capacity: capacity)
        pointer.initialize(repeating: nil)
    }
    func free() { pointer.deinitialize(); pointer.deallocate() }
}

/// Runs `body(k)` for k in 0..<count on `jobs` threads, striding like the CLI's DocumentPipeline.
func parallelFor(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> Void) {
    let workers = min(jobs, max(1, count))
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        var k = w
        while k < count { body(k); k += workers }
    }
}

// MARK: - One run

struct RunStats: Codable {
    var documents: Int
    var jobs: Int
    var inputBytes: Int
    var inputMB: Double
    var wordsMin: Int
    var wordsMean: Double
    var wordsMax: Int
    /// Extraction plus JSON encoding: what the CLI spends. Throughput figures use this.
    var wallSeconds: Double
    var extractionSeconds: Double
    var encodingSeconds: Double
    /// Generating the documents (not counted in throughput).
    var generationSeconds: Double
    var documentsPerSecond: Double
    var mbPerSecond: Double
    var events: Int
    var planned: Int
    var people: Int
    var organizations: Int
    var documentsWithEvents: Int
    var jsonBytes: Int
    var peakRssMB: Double
    var currentRssMB: Double?
}

func runOnce(documents: Int, jobs: Int, batchPerJob: Int, generator: ReleaseGenerator, extractor: Extractor) -> RunStats {
    let batchSize = batchPerJob * jobs
    var inputBytes = 0, wordsMin = Int.max, wordsMax = 0, wordsTotal = 0
    var generation = 0.0, extraction = 0.0, encoding = 0.0
    var events = 0, planned = 0, people = 0, organizations = 0, withEvents = 0, jsonBytes = 0

    var start = 0
    while start < documents {
        let count = min(batchSize, documents - start)
        let base = start

        var t0 = now()
        let docs = SharedBuffer<Document>(capacity: count)
        parallelFor(count, jobs: jobs) { k in docs.pointer[k] = generator.document(base + k) }
        for k in 0..<count {
            let text = docs.pointer[k]!.text
            inputBytes += text.utf8.count
            let w = ReleaseWriter.wordCount(text)
            wordsTotal += w
            wordsMin = min(wordsMin, w)
            wordsMax = max(wordsMax, w)
        }
        var t1 = now()
        generation += t1 - t0

        t0 = t1
        // Extraction and JSON encoding both on the worker threads, as `parley extract` does.
        let results = SharedBuffer<DocumentAnnotation>(capacity: count)
        let sizes = SharedBuffer<Int>(capacity: count)
        parallelFor(count, jobs: jobs) { k in
            let a = extractor.extract(docs.pointer[k]!)
            sizes.pointer[k] = AnnotationJSONWriter(pretty: false).data(a).count + 1
            results.pointer[k] = a
        }
        t1 = now()
        extraction += t1 - t0

        t0 = t1
        for k in 0..<count {
            let a = results.pointer[k]!
            jsonBytes += sizes.pointer[k]!
            events += a.events.count
            planned += a.planned.count
            people += a.people.count
            organizations += a.organizations.count
            if !a.events.isEmpty { withEvents += 1 }
        }
        results.free()
        sizes.free()
        docs.free()
        encoding += now() - t0
        start += count
    }
    let current = Memory.currentRssMB()
    let wall = extraction + encoding
    let mb = Double(inputBytes) / 1_048_576
    return RunStats(documents: documents, jobs: jobs, inputBytes: inputBytes, inputMB: mb,
                    wordsMin: wordsMin, wordsMean: Double(wordsTotal) / Double(max(1, documents)), wordsMax: wordsMax,
                    wallSeconds: wall, extractionSeconds: extraction, encodingSeconds: encoding, generationSeconds: generation,
                    documentsPerSecond: Double(documents) / wall, mbPerSecond: mb / wall,
                    events: events, planned: planned, people: people, organizations: organizations,
                    documentsWithEvents: withEvents, jsonBytes: jsonBytes,
                    peakRssMB: max(Memory.peakRssMB(), current ?? 0), currentRssMB: current)
}

// MARK: - Reports

struct ScalingReport: Codable {
    var jobs: Int
    var peakRssMBAt10k: Double
    var peakRssMBAt40k: Double
    var ratio: Double
    var currentRssMBAt10k: Double?
    var currentRssMBAt40k: Double?
    var separateProcesses: Bool
    var run10k: RunStats
    var run40k: RunStats
}

struct CompareJobsReport: Codable {
    var documents: Int
    var documentsPerSecondJobs1: Double
    var defaultJobs: Int
    var documentsPerSecondDefault: Double
    var speedup: Double
    var runJobs1: RunStats
    var runDefault: RunStats
}

struct Report: Encodable {
    var options: Options
    var cores: Int
    var extractorInitSeconds: Double
    var rssAfterInitMB: Double?
    var runs: [RunStats] = []
    var medianDocumentsPerSecond: Double?
    var scaling: ScalingReport?
    var compareJobs: CompareJobsReport?
    var ingest: IngestStats?
    var ingestScaling: IngestScalingReport?
}

func fmt(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

func describe(_ r: RunStats) -> String {
    let rss = r.currentRssMB.map { fmt($0) + " MB" } ?? "n/a"
    return """
      \(r.documents) documents, \(fmt(r.inputMB, 2)) MB input (words/doc \(r.wordsMin)–\(r.wordsMax), mean \(fmt(r.wordsMean, 0))), jobs \(r.jobs)
      wall \(fmt(r.wallSeconds, 2)) s (extraction \(fmt(r.extractionSeconds, 2)) s + JSON encoding \(fmt(r.encodingSeconds, 2)) s; generation \(fmt(r.generationSeconds, 2)) s not counted)
      \(fmt(r.documentsPerSecond, 0)) documents/s, \(fmt(r.mbPerSecond, 2)) MB/s
      found: \(r.events) events (+\(r.planned) planned) in \(r.documentsWithEvents) documents, \(r.people) people, \(r.organizations) organizations; JSON \(fmt(Double(r.jsonBytes) / 1_048_576, 1)) MB
      memory: peak RSS \(fmt(r.peakRssMB)) MB, RSS at end \(rss)
    """
}

enum ChildResult { case unavailable, failed(Int32), ok(RunStats) }

/// Runs this benchmark again in a fresh process, so its peak RSS is that run's alone.
func childRun(documents: Int, options: Options) -> ChildResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/proc/self/exe")
    if !FileManager.default.fileExists(atPath: "/proc/self/exe") {
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    }
    p.arguments = ["--documents", String(documents), "--jobs", String(options.jobs), "--seed", String(options.seed),
                   "--batch", String(options.batchPerJob), "--resources", options.resources, "--child"]
    let pipe = Pipe()
    p.standardOutput = pipe
    do { try p.run() } catch { return .unavailable }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { return .failed(p.terminationStatus) }
    guard let run = try? JSONDecoder().decode(RunStats.self, from: data) else { return .failed(0) }
    return .ok(run)
}

func main() {
    let options = Options.parse(CommandLine.arguments)
    let data: GeneratorData
    do { data = try GeneratorData.load(directory: options.resources) } catch {
        FileHandle.standardError.write(Data("ParleyBenchmark: \(error)\n".utf8))
        exit(1)
    }
    let databaseMode = options.ingest || options.ingestScaling || options.writeReleases != nil
    let generator = ReleaseGenerator(data: data, seed: options.seed, cast: databaseMode ? options.cast : nil)
    if let folder = options.writeReleases {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for i in 0..<options.documents {
                try Data(generator.document(i).text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("bench-\(i).txt"))
            }
        } catch {
            FileHandle.standardError.write(Data("ParleyBenchmark: \(error)\n".utf8))
            exit(1)
        }
        print("wrote \(options.documents) releases to \(folder)")
        return
    }
    if let i = options.sample {
        print("[\(generator.style(i).rawValue) style, \(ReleaseWriter.wordCount(generator.document(i).text)) words]")
        print(generator.document(i).text, terminator: "")
        return
    }
    let t0 = now()
    let extractor = Extractor()
    if options.child && databaseMode {
        let stats = runIngest(options: options, documents: options.documents, generator: generator, extractor: extractor) { _ in }
        if let out = try? JSONEncoder().encode(stats) { FileHandle.standardOutput.write(out) }
        return
    }
    if options.child {
        let stats = runOnce(documents: options.documents, jobs: options.jobs, batchPerJob: options.batchPerJob,
                            generator: generator, extractor: extractor)
        if let out = try? JSONEncoder().encode(stats) { FileHandle.standardOutput.write(out) }
        return
    }
    var report = Report(options: options, cores: ProcessInfo.processInfo.activeProcessorCount,
                        extractorInitSeconds: now() - t0, rssAfterInitMB: Memory.currentRssMB())
    func say(_ s: String) { if !options.json { FileHandle.standardOutput.write(Data((s + "\n").utf8)) } }
    say("ParleyBenchmark: seed \(options.seed), \(report.cores) cores, \(databaseMode ? "\(options.ingestBatch) documents per transaction" : "batch \(options.batchPerJob) x jobs"); Extractor() \(fmt(report.extractorInitSeconds, 2)) s, RSS after init \(report.rssAfterInitMB.map { fmt($0) } ?? "n/a") MB")

    if options.ingest {
        let stats = runIngest(options: options, documents: options.documents, generator: generator, extractor: extractor, say: say)
        report.ingest = stats
        say("ingest:\n" + describeIngest(stats))
    }
    if options.ingestScaling {
        var runs: [IngestStats] = []
        for n in [25_000, 100_000] {
            guard let r = childIngest(documents: n, options: options) else {
                FileHandle.standardError.write(Data("ParleyBenchmark: the \(n)-document ingest failed\n".utf8))
                exit(1)
            }
            say("ingest scaling, \(n) documents:\n" + describeIngest(r))
            runs.append(r)
        }
        let a = runs[0].rss.last!.peakRssMB, b = runs[1].rss.last!.peakRssMB
        report.ingestScaling = IngestScalingReport(peakRssMBAt25k: a, peakRssMBAt100k: b, ratio: b / a, run25k: runs[0], run100k: runs[1])
        say("ingest scaling: peak RSS \(fmt(a)) MB at 25k, \(fmt(b)) MB at 100k, ratio \(fmt(b / a, 2)) (separate processes)")
    }

    let special = options.scaling || options.compareJobs || databaseMode
    if !special {
        for r in 1...options.repeats {
            let stats = runOnce(documents: options.documents, jobs: options.jobs, batchPerJob: options.batchPerJob,
                                generator: generator, extractor: extractor)
            report.runs.append(stats)
            say("run \(r):\n" + describe(stats))
        }
        let rates = report.runs.map(\.documentsPerSecond).sorted()
        report.medianDocumentsPerSecond = rates[rates.count / 2]
        if options.repeats > 1 {
            say("median \(fmt(rates[rates.count / 2], 0)) documents/s (min \(fmt(rates.first!, 0)), max \(fmt(rates.last!, 0)))")
        }
    }

    if options.compareJobs {
        let n = options.documents
        let one = runOnce(documents: n, jobs: 1, batchPerJob: options.batchPerJob, generator: generator, extractor: extractor)
        say("jobs 1:\n" + describe(one))
        let many = runOnce(documents: n, jobs: options.jobs, batchPerJob: options.batchPerJob, generator: generator, extractor: extractor)
        say("jobs \(options.jobs):\n" + describe(many))
        report.compareJobs = CompareJobsReport(documents: n, documentsPerSecondJobs1: one.documentsPerSecond, defaultJobs: options.jobs,
                                               documentsPerSecondDefault: many.documentsPerSecond,
                                               speedup: many.documentsPerSecond / one.documentsPerSecond,
                                               runJobs1: one, runDefault: many)
        say("compare jobs: \(fmt(one.documentsPerSecond, 0)) documents/s with 1 job, \(fmt(many.documentsPerSecond, 0)) with \(options.jobs) (x\(fmt(many.documentsPerSecond / one.documentsPerSecond, 2)))")
    }

    if options.scaling {
        var separate = true
        var runs: [RunStats] = []
        for n in [10_000, 40_000] {
            switch childRun(documents: n, options: options) {
            case .ok(let r): runs.append(r)
            case .failed(let status):
                FileHandle.standardError.write(Data("ParleyBenchmark: the \(n)-document run failed (status \(status))\n".utf8))
                exit(1)
            case .unavailable:
                // No child process: measure in this process, one run after the other.
                separate = false
                runs.append(runOnce(documents: n, jobs: options.jobs, batchPerJob: options.batchPerJob, generator: generator, extractor: extractor))
            }
        }
        let s = runs[0], l = runs[1]
        say("scaling, 10,000 documents:\n" + describe(s))
        say("scaling, 40,000 documents:\n" + describe(l))
        report.scaling = ScalingReport(jobs: options.jobs, peakRssMBAt10k: s.peakRssMB, peakRssMBAt40k: l.peakRssMB,
                                       ratio: l.peakRssMB / s.peakRssMB, currentRssMBAt10k: s.currentRssMB,
                                       currentRssMBAt40k: l.currentRssMB, separateProcesses: separate, run10k: s, run40k: l)
        say("scaling: peak RSS \(fmt(s.peakRssMB)) MB at 10k, \(fmt(l.peakRssMB)) MB at 40k, ratio \(fmt(l.peakRssMB / s.peakRssMB, 2))\(separate ? " (separate processes)" : " (same process)")")
    }

    if options.json {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let out = try? encoder.encode(report) {
            FileHandle.standardOutput.write(out)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }
}

main()

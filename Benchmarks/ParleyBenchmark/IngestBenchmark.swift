// ParleyBenchmark --ingest: end-to-end ingest into the event database (SQLite, or PostgreSQL with --db postgres://…), then query latencies.
//
// Releases come from ReleaseGenerator with a cast of recurring officials (spelling variants, initials,
// twin reports of the same meeting), so person and event resolution have real work. Streaming, batch by
// batch: generate (not counted) → extract on `jobs` threads while the writer thread ingests the previous
// batch in one transaction → next batch. At most three batches are alive, so memory should stay flat.

import Dispatch
import Foundation
import ParleyCore
import ParleyStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct RssPoint: Codable {
    var fraction: Double
    var documents: Int
    var peakRssMB: Double
    var currentRssMB: Double?
}

struct LatencyStats: Codable {
    var name: String
    var runs: Int
    var misses: Int               // queries that found nothing / threw "not found"
    var meanResults: Double
    var p50ms: Double
    var p99ms: Double
    var maxMs: Double
    var meanMs: Double
}

struct IngestStats: Codable {
    var documents: Int
    var jobs: Int
    var batch: Int
    var castSize: Int
    var inputMB: Double
    /// Counted time: extraction of batch k+1 running alongside the ingest of batch k, plus the last ingest.
    var wallSeconds: Double
    /// Time of the parallel extraction phases (each overlapped with an ingest).
    var extractionSeconds: Double
    /// Time the writer thread spent in `ingest(batch:)`.
    var ingestSeconds: Double
    /// CPU time of the writer thread in `ingest(batch:)` (GRDB runs the transaction on the calling thread).
    var ingestCPUSeconds: Double
    /// Documents per second of writer CPU time: the store's own rate, whatever else loads the machine.
    var ingestDocumentsPerCPUSecond: Double
    var generationSeconds: Double
    var documentsPerSecond: Double
    var ingestDocumentsPerSecond: Double
    var inserted: Int
    var unchanged: Int
    var replaced: Int
    var extractedPeople: Int
    var extractedEvents: Int
    var rss: [RssPoint]
    var databaseBytes: Int64
    var walBytes: Int64
    var storedDocuments: Int
    var people: Int
    var organizations: Int
    var events: Int
    var eventSources: Int
    var planned: Int
    var queries: [LatencyStats]
}

/// Counters the writer thread fills while the main thread extracts; read only after the group is joined.
final class WriterState: @unchecked Sendable {
    var seconds = 0.0
    /// CPU time of the writer thread inside `ingest(batch:)`: what the store costs when it has a core to itself.
    var cpuSeconds = 0.0
    var outcomes: [IngestOutcome: Int] = [:]
    var error: Error?
}

struct PairSample { var a: String; var b: String; var year: Int }

/// CPU time of the calling thread, in seconds.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func fileSize(_ path: String) -> Int64 {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
    return sorted[max(0, min(sorted.count - 1, rank))]
}

func runIngest(options: Options, documents: Int, generator: ReleaseGenerator, extractor: Extractor,
               say: (String) -> Void) -> IngestStats {
    let fresh = options.db == nil
    let path = options.db ?? (NSTemporaryDirectory() + "/parley-bench-\(getpid())-\(documents).sqlite")
    let postgres = PostgresLocation.isPostgresURL(path)
    if fresh { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    defer { if fresh { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } } }
    let store: any EventStore
    let profile = options.sqlProfile && !postgres ? StatementProfile() : nil
    do {
        // A postgres:// URL benchmarks the PostgreSQL backend (the database should be empty to start with).
        store = postgres ? try PostgresEventStore(url: path) : try SQLiteEventStore(path: path, profile: profile)
    } catch {
        FileHandle.standardError.write(Data("ParleyBenchmark: \(error)\n".utf8))
        exit(1)
    }

    let batchSize = options.ingestBatch
    let jobs = options.jobs
    let writer = DispatchQueue(label: "parley.bench.writer")
    let state = WriterState()
    var generation = 0.0, extraction = 0.0, wall = 0.0
    var inputBytes = 0, extractedPeople = 0, extractedEvents = 0
    var rss: [RssPoint] = []
    var marks: [Double] = [0.10, 0.50]
    var ingested = 0
    var pairs: [PairSample] = []          // reservoir of country pairs with a year, for the events query
    var sampler = SplitMix64(seed: options.seed ^ 0xBA17)
    var seenPairs = 0

    func checkpoint() {
        while let m = marks.first, Double(ingested) >= m * Double(documents) {
            rss.append(RssPoint(fraction: m, documents: ingested, peakRssMB: Memory.peakRssMB(), currentRssMB: Memory.currentRssMB()))
            marks.removeFirst()
        }
    }

    var previous: [PreparedDocument]? = nil
    var start = 0
    let progressEvery = max(documents / 10, 1)
    var nextProgress = progressEvery
    while start < documents || previous != nil {
        let count = min(batchSize, documents - start)
        let base = start

        // Generation (not counted; the writer is idle).
        var t0 = now()
        let docs = SharedBuffer<Document>(capacity: max(count, 1))
        if count > 0 { parallelFor(count, jobs: jobs) { k in docs.pointer[k] = generator.document(base + k) } }
        generation += now() - t0

        // Ingest of the previous batch on the writer thread, extraction of this one on the workers.
        t0 = now()
        let group = DispatchGroup()
        if let batch = previous {
            writer.async(group: group) {
                let s = now()
                let c = threadCPUSeconds()
                do {
                    for o in try store.ingest(prepared: batch) { state.outcomes[o, default: 0] += 1 }
                } catch { state.error = error }
                state.seconds += now() - s
                state.cpuSeconds += threadCPUSeconds() - c
            }
        }
        var current: [PreparedDocument]? = nil
        if count > 0 {
            // Extraction and the store's preparation (content hash, annotation JSON) on the workers.
            let results = SharedBuffer<PreparedDocument>(capacity: count)
            parallelFor(count, jobs: jobs) { k in results.pointer[k] = PreparedDocument(docs.pointer[k]!, extractor.extract(docs.pointer[k]!)) }
            extraction += now() - t0
            var list: [PreparedDocument] = []
            list.reserveCapacity(count)
            for k in 0..<count { list.append(results.pointer[k]!) }
            results.free()
            current = list
        }
        group.wait()
        wall += now() - t0
        docs.free()
        if let e = state.error {
            FileHandle.standardError.write(Data("ParleyBenchmark: ingest failed: \(e)\n".utf8))
            exit(1)
        }
        if let batch = previous { ingested += batch.count; checkpoint() }

        // Bookkeeping on what was extracted (not counted).
        if let list = current {
            for p in list {
                let d = p.document, a = p.annotation
                inputBytes += d.text.utf8.count
                extractedPeople += a.people.count
                extractedEvents += a.events.count
                for e in a.events where e.countries.count >= 2 {
                    guard let date = e.date, date.count >= 4, let year = Int(date.prefix(4)) else { continue }
                    seenPairs += 1
                    let sample = PairSample(a: e.countries[0], b: e.countries[1], year: year)
                    if pairs.count < 4096 { pairs.append(sample) } else {
                        let k = sampler.int(seenPairs)
                        if k < pairs.count { pairs[k] = sample }
                    }
                }
            }
        }
        previous = current
        start += count
        if ingested >= nextProgress && !options.json && !options.child {
            FileHandle.standardError.write(Data("  \(ingested) documents ingested, \(fmt(Double(ingested) / wall, 0)) documents/s so far\n".utf8))
            nextProgress += progressEvery
        }
    }
    marks = [1.0]
    checkpoint()

    let dbBytes = postgres ? ((try? store.stats().databaseBytes) ?? nil) ?? 0 : fileSize(path)
    let walBytes = postgres ? 0 : fileSize(path + "-wal")
    if let profile {
        let entries = profile.entries
        let total = entries.reduce(0) { $0 + $1.seconds }
        say("SQL time in all \(fmt(total, 2)) s; the costliest statements:")
        for e in entries.prefix(25) {
            let sql = e.sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            say("  \(fmt(e.seconds, 2)) s  \(e.executions)×  \(fmt(e.seconds / Double(max(e.executions, 1)) * 1e6, 1)) µs  \(sql.prefix(150))")
        }
    }
    let stats: StoreStats
    do { stats = try store.stats() } catch {
        FileHandle.standardError.write(Data("ParleyBenchmark: stats failed: \(error)\n".utf8))
        exit(1)
    }

    var queries: [LatencyStats] = []
    if options.queries > 0 {
        queries = runQueries(store: store, generator: generator, pairs: pairs, count: options.queries, seed: options.seed)
    }

    return IngestStats(documents: documents, jobs: jobs, batch: batchSize, castSize: generator.cast?.count ?? 0,
                       inputMB: Double(inputBytes) / 1_048_576, wallSeconds: wall, extractionSeconds: extraction,
                       ingestSeconds: state.seconds, ingestCPUSeconds: state.cpuSeconds,
                       ingestDocumentsPerCPUSecond: Double(documents) / max(state.cpuSeconds, 1e-9), generationSeconds: generation,
                       documentsPerSecond: Double(documents) / wall, ingestDocumentsPerSecond: Double(documents) / state.seconds,
                       inserted: state.outcomes[.inserted] ?? 0, unchanged: state.outcomes[.unchanged] ?? 0,
                       replaced: state.outcomes[.replaced] ?? 0, extractedPeople: extractedPeople, extractedEvents: extractedEvents,
                       rss: rss, databaseBytes: dbBytes, walBytes: walBytes, storedDocuments: stats.documents, people: stats.people,
                       organizations: stats.organizations, events: stats.events, eventSources: stats.eventSources,
                       planned: stats.planned, queries: queries)
}

/// Person profiles, country-pair events over a year, and full-text searches, each `count` times with varied arguments.
func runQueries(store: any EventStore, generator: ReleaseGenerator, pairs: [PairSample], count: Int, seed: UInt64) -> [LatencyStats] {
    var rng = SplitMix64(seed: seed ^ 0x9E77)
    let names = generator.cast?.names() ?? []
    let words = ["cooperation", "trade", "investment", "agreement", "visit", "bilateral", "economic", "relations", "delegation",
                 "energy", "education", "tourism", "security", "agriculture", "health", "infrastructure", "culture", "parliament",
                 "ministry", "minister", "friendship", "partnership", "development", "talks", "support", "exchange"]

    func measure(_ name: String, _ body: (inout SplitMix64) throws -> Int?) -> LatencyStats {
        // A few untimed runs first, so the page cache and statement cache are warm as in a running session.
        for _ in 0..<min(10, count) { _ = try? body(&rng) }
        var times: [Double] = []
        var misses = 0, results = 0
        for _ in 0..<count {
            let t0 = now()
            let n = (try? body(&rng)) ?? nil
            times.append((now() - t0) * 1000)
            if let n, n > 0 { results += n } else { misses += 1 }
        }
        times.sort()
        return LatencyStats(name: name, runs: count, misses: misses, meanResults: Double(results) / Double(max(1, count - misses)),
                            p50ms: percentile(times, 0.50), p99ms: percentile(times, 0.99), maxMs: times.last ?? 0,
                            meanMs: times.reduce(0, +) / Double(max(1, times.count)))
    }

    var out: [LatencyStats] = []
    if !names.isEmpty {
        out.append(measure("person profile") { r in
            let p = try store.person(names[r.int(names.count)].name)
            return p.timeline.count + p.merges.count
        })
    }
    if !pairs.isEmpty {
        out.append(measure("country-pair events, one year") { r in
            let s = pairs[r.int(pairs.count)]
            var f = EventFilter()
            f.countries = r.chance(0.5) ? [s.a, s.b] : [s.b, s.a]
            f.from = "\(s.year)-01-01"
            f.to = "\(s.year)-12-31"
            return try store.events(f).count
        })
    }
    out.append(measure("full-text search") { r in
        let q = r.chance(0.5) ? words[r.int(words.count)] : words[r.int(words.count)] + " " + words[r.int(words.count)]
        return try store.search(q, limit: 20).count
    })
    return out
}

func describeIngest(_ r: IngestStats) -> String {
    var s = """
      \(r.documents) documents (\(fmt(r.inputMB, 1)) MB), jobs \(r.jobs), \(r.batch) documents per transaction, cast of \(r.castSize) officials
      end to end \(fmt(r.documentsPerSecond, 0)) documents/s: \(fmt(r.wallSeconds, 2)) s (extraction \(fmt(r.extractionSeconds, 2)) s, overlapped with ingest; generation \(fmt(r.generationSeconds, 2)) s not counted)
      ingest alone \(fmt(r.ingestDocumentsPerSecond, 0)) documents/s: writer thread busy \(fmt(r.ingestSeconds, 2)) s, of which CPU \(fmt(r.ingestCPUSeconds, 2)) s (\(fmt(r.ingestDocumentsPerCPUSecond, 0)) documents per CPU second)
      outcomes: \(r.inserted) inserted, \(r.unchanged) unchanged, \(r.replaced) replaced; extracted \(r.extractedPeople) person records, \(r.extractedEvents) events
      database: \(r.storedDocuments) documents, \(r.people) people, \(r.organizations) organizations, \(r.events) events, \(r.eventSources) event sources, \(r.planned) planned
      file: \(fmt(Double(r.databaseBytes) / 1_048_576)) MB + WAL \(fmt(Double(r.walBytes) / 1_048_576)) MB = \(fmt(Double(r.databaseBytes + r.walBytes) / 1_048_576)) MB
      memory: \(r.rss.map { "peak RSS \(fmt($0.peakRssMB)) MB at \(Int($0.fraction * 100))% (current \($0.currentRssMB.map { fmt($0) } ?? "n/a"))" }.joined(separator: ", "))
    """
    for q in r.queries {
        s += "\n  query \(q.name): p50 \(fmt(q.p50ms, 2)) ms, p99 \(fmt(q.p99ms, 2)) ms (mean \(fmt(q.meanMs, 2)), max \(fmt(q.maxMs, 2)); \(q.runs) runs, \(q.misses) empty, \(fmt(q.meanResults, 1)) results on average)"
    }
    return s
}

struct IngestScalingReport: Codable {
    var peakRssMBAt25k: Double
    var peakRssMBAt100k: Double
    var ratio: Double
    var run25k: IngestStats
    var run100k: IngestStats
}

/// Runs an ingest in a fresh process so its peak RSS is that run's alone.
func childIngest(documents: Int, options: Options) -> IngestStats? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : CommandLine.arguments[0])
    p.arguments = ["--ingest", "--documents", String(documents), "--jobs", String(options.jobs), "--seed", String(options.seed),
                   "--batch", String(options.ingestBatch), "--resources", options.resources, "--queries", "0",
                   "--cast", String(options.cast.perCountry), "--child"]
    let pipe = Pipe()
    p.standardOutput = pipe
    do { try p.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { return nil }
    return try? JSONDecoder().decode(IngestStats.self, from: data)
}

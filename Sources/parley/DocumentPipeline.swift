import ArgumentParser
import Dispatch
import Foundation
import ParleyCore
import ParleySources

/// Reads inputs and runs a per-document job over them in parallel batches, handing results back in
/// input order, so memory stays flat however many documents there are.
struct DocumentPipeline {
    var jobs: Int
    var batchSize = 64
    let reader = SourceReader()

    /// Calls `job` for each document on worker threads and `emit` for each result (or reading error) in order.
    /// Inputs are read from disk in order; decoding and HTML extraction (per input) and then `job` (per
    /// document) run on `jobs` threads, a batch at a time, so memory stays flat.
    func run<T: Sendable>(_ items: [InputItem], progress: Progress?,
                          job: @escaping @Sendable (Document) -> T,
                          emit: (Result<T, ReadingError>) -> Void) {
        var pending: [(item: InputItem, bytes: Result<[UInt8], ReadingError>)] = []
        var pendingBytes = 0
        let reader = self.reader
        func flush() {
            let inputs = pending
            pending.removeAll(keepingCapacity: true)
            pendingBytes = 0
            // Phase 1: decode and extract main text, one input per task.
            let read = parallelMap(inputs) { entry -> [Result<Document, ReadingError>] in
                switch entry.bytes {
                case .failure(let e): return [.failure(e)]
                case .success(let bytes):
                    if entry.item.archive, let path = entry.item.path {
                        return LocalArchive().documents(path).map { r in
                            r.mapError { ReadingError(origin: $0.record.map { "\(path): \($0)" } ?? $0.source, message: $0.message) }
                        }
                    }
                    let format = entry.item.format ?? InputFormat.sniff(bytes)
                    let id = entry.item.path.map(SourceReader.documentID(forPath:)) ?? "stdin"
                    return reader.read(bytes, origin: entry.item.origin, id: SourceReader.safeID(id), format: format)
                }
            }
            let docs = read.flatMap { $0 }
            // Phase 2: the job, one document per task.
            let results = parallelMap(docs) { r -> Result<T, ReadingError> in r.map(job) }
            for r in results {
                emit(r)
                progress?.advance()
            }
        }
        for item in items {
            let bytes = InputCollector.bytes(of: item, limit: reader.maximumBytes)
            if case .success(let b) = bytes { pendingBytes += b.count }
            pending.append((item, bytes))
            if pending.count >= batchSize * max(1, jobs) || pendingBytes > 64 << 20 { flush() }
        }
        if !pending.isEmpty { flush() }
        progress?.finish()
    }

    /// `transform` applied to every element on `jobs` threads, results in input order.
    func parallelMap<A: Sendable, B>(_ input: [A], _ transform: @escaping @Sendable (A) -> B) -> [B] {
        guard !input.isEmpty else { return [] }
        let out = UnsafeMutableBufferPointer<B?>.allocate(capacity: input.count)
        out.initialize(repeating: nil)
        defer { out.deinitialize(); out.deallocate() }
        let box = UnsafeSendableBuffer(pointer: out)
        let workers = min(jobs, input.count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var k = w
            while k < input.count {
                box.pointer[k] = transform(input[k])
                k += workers
            }
        }
        return out.map { $0! }
    }
}

/// A buffer pointer handed to worker threads that write disjoint slots.
struct UnsafeSendableBuffer<T>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<T>
}

/// Progress on standard error for long runs: count, rate and, when the total is known, ETA.
final class Progress {
    let total: Int
    let label: String
    var done = 0
    let start = Date()
    var lastPrint = Date.distantPast
    let interactive = isatty(2) != 0

    init?(label: String, total: Int) {
        guard total >= 20 else { return nil }
        self.label = label
        self.total = total
    }

    func advance() {
        done += 1
        let now = Date()
        if now.timeIntervalSince(lastPrint) >= (interactive ? 0.2 : 5) {
            lastPrint = now
            report(final: false)
        }
    }

    func finish() { report(final: true) }

    private func report(final: Bool) {
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        var line = "\(label): \(done) documents"
        if total > 0 { line += " of ~\(total) inputs" }
        line += String(format: ", %.0f/s", rate)
        if !final, total > done, rate > 0 { line += String(format: ", ETA %.0fs", Double(total - done) / rate) }
        if final { line += String(format: ", %.1fs", elapsed) }
        FileHandle.standardError.write(Data(((interactive ? "\r" : "") + line + (interactive && !final ? "" : "\n")).utf8))
    }
}

/// Prints a message to standard error.
func warn(_ message: String) {
    FileHandle.standardError.write(Data(("parley: " + message + "\n").utf8))
}

/// Writes `data` to `path` through a temporary file and a rename, so no half-written file is left.
func writeAtomically(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try data.write(to: url, options: .atomic)
}

/// Creates `--output-dir` (and its parents) before any work starts; a failure is a usage error.
func createOutputDirectory(_ dir: String?) throws {
    guard let dir else { return }
    do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
        throw ValidationError("cannot create output directory '\(dir)': \(error.localizedDescription)")
    }
}

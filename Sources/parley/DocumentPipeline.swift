import ArgumentParser
import Dispatch
import Foundation
import ParleyCore

/// Reads inputs and runs a per-document job over them in parallel batches, handing results back in
/// input order, so memory stays flat however many documents there are.
struct DocumentPipeline {
    var jobs: Int
    var batchSize = 64
    let reader = SourceReader()

    /// Calls `job` for each document on worker threads and `emit` for each result (or reading error) in order.
    func run<T: Sendable>(_ items: [InputItem], progress: Progress?,
                          job: @escaping @Sendable (Document) -> T,
                          emit: (Result<T, ReadingError>) -> Void) {
        var pending: [Result<Document, ReadingError>] = []
        func flush() {
            let docs = pending
            pending.removeAll(keepingCapacity: true)
            let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: docs.count)
            results.initialize(repeating: nil)
            defer { results.deinitialize(); results.deallocate() }
            let box = UnsafeSendableBuffer(pointer: results)
            let workers = min(jobs, max(1, docs.count))
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var k = w
                while k < docs.count {
                    if case .success(let d) = docs[k] { box.pointer[k] = job(d) }
                    k += workers
                }
            }
            for (k, r) in docs.enumerated() {
                switch r {
                case .success: emit(.success(results[k]!))
                case .failure(let e): emit(.failure(e))
                }
                progress?.advance()
            }
        }
        for item in items {
            switch InputCollector.bytes(of: item, limit: reader.maximumBytes) {
            case .failure(let e): pending.append(.failure(e))
            case .success(let bytes):
                let format = item.format ?? InputFormat.sniff(bytes)
                let id = item.path.map(SourceReader.documentID(forPath:)) ?? "stdin"
                pending.append(contentsOf: reader.read(bytes, origin: item.origin, id: SourceReader.safeID(id), format: format))
            }
            if pending.count >= batchSize * max(1, jobs) { flush() }
        }
        if !pending.isEmpty { flush() }
        progress?.finish()
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

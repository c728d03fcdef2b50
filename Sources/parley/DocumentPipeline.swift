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
            // Standard input streams as it arrives, whatever it holds (StandardInput.swift).
            if item.path == nil {
                if !pending.isEmpty { flush() }
                streamStandardInput(job: job) { r in
                    emit(r)
                    progress?.advance()
                }
                continue
            }
            // An archive streams too: its documents are handled a batch at a time as its reader hands them over.
            if item.archive, let path = item.path {
                if !pending.isEmpty { flush() }
                streamArchive(path, job: job) { r in
                    emit(r)
                    progress?.advance()
                }
                continue
            }
            // A JSON Lines file streams, record by record, whatever its size.
            if item.format == .jsonl, !item.archive, let path = item.path {
                if !pending.isEmpty { flush() }
                streamJSONL(path, job: job) { r in
                    emit(r)
                    progress?.advance()
                }
                continue
            }
            let bytes = InputCollector.bytes(of: item, limit: reader.maximumBytes)
            if case .success(let b) = bytes { pendingBytes += b.count }
            pending.append((item, bytes))
            if pending.count >= batchSize * max(1, jobs) || pendingBytes > 64 << 20 { flush() }
        }
        if !pending.isEmpty { flush() }
        progress?.finish()
    }

    /// Reads a JSON Lines file in 1 MB chunks and handles its records a batch at a time (reading and
    /// `job` on `jobs` threads), emitting results in line order: memory stays flat in the file's length.
    /// A record longer than `reader.maximumBytes` is skipped with a message naming its line; progress
    /// (records, MB, rate) goes to standard error for files over 16 MB.
    func streamJSONL<T: Sendable>(_ path: String, job: @escaping @Sendable (Document) -> T,
                                  emit: (Result<T, ReadingError>) -> Void) {
        let file: FileChunks
        do { file = try FileChunks(path: path) } catch {
            emit(.failure(ReadingError(origin: path, message: "cannot open the file (permission denied?)")))
            return
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        streamJSONL(file, origin: path, baseID: SourceReader.safeID(SourceReader.documentID(forPath: path)),
                    totalBytes: size, job: job, emit: emit)
    }

    /// JSON Lines from a stream of chunks (a file, standard input) named `origin`, record by record; `totalBytes`
    /// is its length when known (for progress), nil for standard input.
    func streamJSONL<S: ChunkSource, T: Sendable>(_ source: S, origin path: String, baseID: String, totalBytes: Int?,
                                                  job: @escaping @Sendable (Document) -> T,
                                                  emit: (Result<T, ReadingError>) -> Void) {
        var source = source
        let reader = self.reader
        let progress = StreamProgress(path: path, totalBytes: totalBytes)
        var ids = SourceReader.JSONLIdentifiers()
        var batch: [(line: Int, bytes: [UInt8])] = []
        var batchBytes = 0
        var records = 0
        var lineNumber = 0
        var readBytes = 0
        var partial: [UInt8] = []
        var skipping = false
        func flush() {
            let lines = batch
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
            let read = parallelMap(lines) { reader.readJSONLLine($0.bytes[...], origin: path, baseID: baseID, lineNumber: $0.line) }
            let docs = read.compactMap { $0 }.map { ids.check($0) }
            records += docs.count
            for r in parallelMap(docs, { $0.map(job) }) { emit(r) }
            progress.update(records: records, bytes: readBytes)
        }
        func take(_ line: [UInt8]) {
            lineNumber += 1
            batchBytes += line.count
            batch.append((lineNumber, line))
            if batch.count >= batchSize * max(1, jobs) || batchBytes > 32 << 20 { flush() }
        }
        while true {
            let bytes: [UInt8]
            do {
                guard let chunk = try source.nextChunk() else { break }
                bytes = chunk
            } catch {
                emit(.failure(ReadingError(origin: path, line: lineNumber + 1, message: error.message)))
                break
            }
            readBytes += bytes.count
            // Newlines found with memchr over the chunk's bytes (a byte loop here costs more than the parsing).
            let newlines: [Int] = bytes.withUnsafeBufferPointer { buffer in
                var found: [Int] = []
                guard let base = buffer.baseAddress else { return found }
                var offset = 0
                while offset < buffer.count, let hit = memchr(base + offset, 0x0A, buffer.count - offset) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    found.append(at)
                    offset = at + 1
                }
                return found
            }
            var start = 0
            for nl in newlines {
                if skipping {
                    skipping = false
                    lineNumber += 1
                    emit(.failure(ReadingError(origin: path, line: lineNumber, message: "record longer than the \(reader.maximumBytes >> 20) MB limit for one record; skipped")))
                } else if partial.isEmpty {
                    take(Array(bytes[start..<nl]))
                } else {
                    partial.append(contentsOf: bytes[start..<nl])
                    take(partial)
                    partial = []
                }
                start = nl + 1
            }
            if !skipping, start < bytes.count {
                partial.append(contentsOf: bytes[start...])
                if partial.count > reader.maximumBytes { skipping = true; partial = [] }
            }
        }
        if skipping {
            lineNumber += 1
            emit(.failure(ReadingError(origin: path, line: lineNumber, message: "record longer than the \(reader.maximumBytes >> 20) MB limit for one record; skipped")))
        } else if !partial.isEmpty {
            take(partial)
        }
        if !batch.isEmpty { flush() }
        progress.finish(records: records, bytes: readBytes)
        if readBytes == 0 { emit(.failure(ReadingError(origin: path, message: "empty file"))) }
        else if records == 0 && lineNumber > 0 && !ids.sawAny {
            emit(.failure(ReadingError(origin: path, message: "no records (the file holds only blank lines)")))
        }
    }

    /// Reads a WARC, ZIP or tar(.gz) archive record by record and runs `job` over its documents a batch at a
    /// time, emitting results in record order, so a crawl of any length keeps memory flat.
    func streamArchive<T: Sendable>(_ path: String, job: @escaping @Sendable (Document) -> T,
                                    emit: (Result<T, ReadingError>) -> Void) {
        let kind: SourceKind
        do { kind = try LocalArchive.kind(of: path) } catch {
            emit(.failure(ReadingError(origin: error.record.map { "\(path): \($0)" } ?? error.source, message: error.message)))
            return
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let readBytes = ByteCount()
        streamDocuments(origin: path, totalBytes: size, readBytes: readBytes, job: job, emit: emit) { handle in
            LocalArchive().read(path, kind: kind, readBytes: readBytes, emit: handle)
        }
    }

    /// Runs `job` over the documents (and errors) that `read` hands over, a batch at a time on `jobs` threads,
    /// emitting results in the order read; progress (records, MB of `readBytes`, rate) goes to standard error
    /// for inputs over 16 MB.
    func streamDocuments<T: Sendable>(origin: String, totalBytes: Int?, readBytes: ByteCount,
                                      job: @escaping @Sendable (Document) -> T,
                                      emit: (Result<T, ReadingError>) -> Void,
                                      read: ((HarvestEvent) -> Void) -> Void) {
        let progress = StreamProgress(path: origin, totalBytes: totalBytes)
        var records = 0
        // `emit` is only called while `read` runs (from the handler below), so it never actually escapes.
        withoutActuallyEscaping(emit) { emit in
            var batch: [Result<Document, ReadingError>] = []
            func flush() {
                let docs = batch
                batch.removeAll(keepingCapacity: true)
                for r in parallelMap(docs, { $0.map(job) }) { emit(r) }
                progress.update(records: records, bytes: readBytes.value)
            }
            read { event in
                switch event {
                case .document(let d, _, _):
                    batch.append(.success(d))
                    records += 1
                case .failure(let e): batch.append(.failure(ReadingError(origin: e.record.map { "\(origin): \($0)" } ?? e.source, message: e.message)))
                default: return
                }
                if batch.count >= batchSize * max(1, jobs) { flush() }
            }
            flush()
        }
        progress.finish(records: records, bytes: readBytes.value)
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

/// Progress of one long streamed input on standard error: records, megabytes read (of the total, when known),
/// rate. Silent for inputs of 16 MB or less; an input of unknown length (standard input) starts reporting once
/// 16 MB have been read.
final class StreamProgress {
    let path: String
    let totalBytes: Int?
    let start = Date()
    var lastPrint = Date.distantPast
    let interactive = isatty(2) != 0

    init(path: String, totalBytes: Int?) {
        self.path = path
        self.totalBytes = totalBytes
    }

    func isLong(_ bytes: Int) -> Bool { (totalBytes ?? bytes) > 16 << 20 }

    func update(records: Int, bytes: Int) {
        guard isLong(bytes) else { return }
        let now = Date()
        guard now.timeIntervalSince(lastPrint) >= (interactive ? 0.2 : 5) else { return }
        lastPrint = now
        report(records: records, bytes: bytes, final: false)
    }

    func finish(records: Int, bytes: Int) {
        if isLong(bytes) { report(records: records, bytes: bytes, final: true) }
    }

    private func report(records: Int, bytes: Int, final: Bool) {
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let read = String(format: "%.0f", Double(bytes) / 1_048_576) + (totalBytes.map { String(format: " of %.0f", Double($0) / 1_048_576) } ?? "")
        var line = String(format: "%@: %d records, %@ MB, %.0f records/s", path, records, read, Double(records) / elapsed)
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

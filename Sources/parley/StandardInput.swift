import Foundation
import ParleyCore
import ParleySources

extension DocumentPipeline {
    /// Reads standard input as it arrives, telling its format from the first bytes: JSON Lines record by record,
    /// WARC (`.warc`, `.warc.gz`) and tar (`.tar`, `.tar.gz`) archives record by record, so memory stays flat
    /// however long the input; a ZIP, whose directory is at its end, is first copied to a temporary file (in
    /// `$TMPDIR`) and read from there; a single page (text or HTML) is read whole, up to `reader.maximumBytes`.
    func streamStandardInput<T: Sendable>(job: @escaping @Sendable (Document) -> T,
                                          emit: (Result<T, ReadingError>) -> Void) {
        let origin = "stdin"
        var input = FileChunks(handle: FileHandle.standardInput, name: origin)
        var head: [UInt8] = []
        do {
            while head.count < 4096, let chunk = try input.nextChunk() { head += chunk }
        } catch {
            emit(.failure(ReadingError(origin: origin, message: error.message)))
            return
        }
        let stream = PrefixedChunks(head, then: input)
        switch SourceKind.of(path: "", head: head) {
        case .zip:
            streamSpooledZip(stream, job: job, emit: emit)
        case .warc:
            streamArchive(stream, kind: .warc, job: job, emit: emit)
        case .tar:
            streamArchive(stream, kind: .tar, job: job, emit: emit)
        case .tarGzip, .warcGzip:
            // Gzip data: a WARC or a tar once decompressed, told apart by the first decompressed bytes.
            do {
                var gzip = try GzipChunks(stream, name: origin)
                let first = try gzip.nextChunk() ?? []
                let kind: SourceKind = SourceKind.ofGzipContent(first) == .warcGzip ? .warc : .tar
                streamArchive(PrefixedChunks(first, then: gzip), kind: kind, job: job, emit: emit)
            } catch {
                emit(.failure(ReadingError(origin: error.record.map { "\(origin): \($0)" } ?? origin, message: error.message)))
            }
        case .listing, .page:
            if InputFormat.sniff(head) == .jsonl {
                streamJSONL(stream, origin: origin, baseID: origin, totalBytes: nil, job: job, emit: emit)
            } else {
                readOnePage(stream, job: job, emit: emit)
            }
        }
    }

    /// An archive on standard input, record by record.
    func streamArchive<S: ChunkSource, T: Sendable>(_ stream: S, kind: SourceKind, job: @escaping @Sendable (Document) -> T,
                                                    emit: (Result<T, ReadingError>) -> Void) {
        let readBytes = ByteCount()
        streamDocuments(origin: "stdin", totalBytes: nil, readBytes: readBytes, job: job, emit: emit) { handle in
            LocalArchive().read(stream: CountingChunks(stream, count: readBytes), name: "stdin", kind: kind, emit: handle)
        }
    }

    /// A ZIP on standard input: copied to a temporary file (removed at the end), then read entry by entry.
    func streamSpooledZip<S: ChunkSource, T: Sendable>(_ stream: S, job: @escaping @Sendable (Document) -> T,
                                                       emit: (Result<T, ReadingError>) -> Void) {
        let fm = FileManager.default
        let spool = fm.temporaryDirectory.appendingPathComponent("parley-stdin-\(UUID().uuidString).zip").path
        defer { try? fm.removeItem(atPath: spool) }
        guard fm.createFile(atPath: spool, contents: nil, attributes: [.posixPermissions: 0o600]),
              let out = FileHandle(forWritingAtPath: spool) else {
            emit(.failure(ReadingError(origin: "stdin", message: "cannot create a temporary file for the ZIP in \(fm.temporaryDirectory.path) (set TMPDIR to a writable folder)")))
            return
        }
        var stream = stream
        var size = 0
        do {
            while let chunk = try stream.nextChunk() {
                try out.write(contentsOf: chunk)
                size += chunk.count
            }
            try out.close()
        } catch {
            try? out.close()
            let message = (error as? SourceError)?.message ?? "cannot write the temporary copy of the ZIP in \(fm.temporaryDirectory.path): \(error.localizedDescription)"
            emit(.failure(ReadingError(origin: "stdin", message: message)))
            return
        }
        let readBytes = ByteCount()
        streamDocuments(origin: "stdin", totalBytes: size, readBytes: readBytes, job: job, emit: emit) { handle in
            LocalArchive().read(spool, kind: .zip, name: "stdin", readBytes: readBytes, emit: handle)
        }
    }

    /// One text or HTML page on standard input, read whole up to the size limit.
    func readOnePage<S: ChunkSource, T: Sendable>(_ stream: S, job: @escaping @Sendable (Document) -> T,
                                                  emit: (Result<T, ReadingError>) -> Void) {
        var stream = stream
        var bytes: [UInt8] = []
        do {
            while let chunk = try stream.nextChunk() {
                bytes += chunk
                if bytes.count > reader.maximumBytes {
                    emit(.failure(ReadingError(origin: "stdin", message: "input is more than the \(reader.maximumBytes >> 20) MB limit for one page; split it into smaller files")))
                    return
                }
            }
        } catch {
            emit(.failure(ReadingError(origin: "stdin", message: error.message)))
            return
        }
        let docs = reader.read(bytes, origin: "stdin", id: "stdin", format: InputFormat.sniff(bytes))
        for r in parallelMap(docs, { $0.map(job) }) { emit(r) }
    }
}

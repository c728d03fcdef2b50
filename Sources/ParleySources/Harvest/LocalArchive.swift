import Foundation
import ParleyCore

/// Reads a local archive — WARC (`.warc`, `.warc.gz`), ZIP, tar or `.tar.gz` — into documents, record by record,
/// without the network. WARC `response` records of HTML and text pages become documents named by their target
/// URI (as fetched pages are); bundle entries with a `.txt`, `.html` or `.jsonl` name are read as files are.
/// Every bad record is reported as a `.failure` naming the archive and the record; the rest is still read.
public struct LocalArchive: Sendable {
    let builder = PageDocumentBuilder()
    let reader = SourceReader()

    public init() {}

    /// True when the file name says it is an archive this reader takes.
    public static func isArchive(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".warc", ".warc.gz", ".zip", ".tar", ".tar.gz", ".tgz"].contains { lower.hasSuffix($0) }
    }

    /// Reads the archive at `path` of the given kind (one of the archive kinds), calling `emit` for each document or error.
    /// Errors call the archive `name` (the path by default); `readBytes`, when given, counts the archive's bytes as
    /// they are read (compressed bytes of a `.gz`, entry by entry for a ZIP), for progress reports.
    public func read(_ path: String, kind: SourceKind, name: String? = nil, readBytes: ByteCount? = nil,
                     emit: (HarvestEvent) -> Void) {
        let name = name ?? path
        if FileBytes.isEmptyFile(path) {
            emit(.failure(SourceError(source: name, message: "the file is empty (0 bytes), so it holds no archive; check that it was written completely")))
            return
        }
        if kind == .zip {
            var zip = ZipArchiveReader(path: path, name: name)
            zip.wants = { InputFormat(fileName: $0) != nil }
            while let r = zip.next() {
                readBytes?.value = zip.bytesRead
                emitEntry(r, name, emit)
            }
            readBytes?.value = zip.bytesRead
            return
        }
        do throws(SourceError) {
            read(stream: CountingChunks(try FileChunks(path: path), count: readBytes ?? ByteCount()), name: name, kind: kind, emit: emit)
        } catch {
            emit(.failure(error))
        }
    }

    /// Reads a WARC, `.warc.gz`, tar or `.tar.gz` archive from a stream (standard input), record by record.
    /// A ZIP cannot be read this way (its directory is at the end): save it to a file and read that.
    public func read<S: ChunkSource>(stream: S, name: String, kind: SourceKind, emit: (HarvestEvent) -> Void) {
        do throws(SourceError) {
            switch kind {
            case .warc: readWARC(WARCReader(stream, name: name), emit)
            case .warcGzip: readWARC(WARCReader(try GzipChunks(stream, name: name), name: name), emit)
            case .tar: readTar(TarReader(stream, name: name), name, emit)
            case .tarGzip: readTar(TarReader(try GzipChunks(stream, name: name), name: name), name, emit)
            case .zip: throw SourceError(source: name, message: "a ZIP archive is read from a file, not a stream")
            case .listing, .page: throw SourceError(source: name, message: "not an archive")
            }
        } catch {
            emit(.failure(error))
        }
    }

    /// The kind of the archive at `path`, looking at its first bytes when the name does not settle it.
    public static func kind(of path: String) throws(SourceError) -> SourceKind {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SourceError(source: path, message: FileManager.default.fileExists(atPath: path)
                ? "cannot open the file (permission denied?)" : "no such file, and not an http(s) URL")
        }
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        try? handle.close()
        let kind = SourceKind.of(path: path, head: head)
        let lower = path.lowercased()
        if kind == .tarGzip, !lower.hasSuffix(".tar.gz"), !lower.hasSuffix(".tgz") {
            var g = try GzipChunks(try FileChunks(path: path, chunkSize: 4096), name: path)
            return SourceKind.ofGzipContent((try? g.nextChunk()) ?? [])
        }
        return kind
    }

    func readWARC<S: ChunkSource>(_ warc: WARCReader<S>, _ emit: (HarvestEvent) -> Void) {
        var warc = warc
        while let r = warc.next() {
            switch r {
            case .failure(let e): emit(.failure(e))
            case .success(let record):
                guard (200..<300).contains(record.status),
                      FetchableContentTypes.all.contains(record.contentType) || record.contentType.isEmpty else { continue }
                let listed = ListedPage(url: record.targetURI, date: record.date.flatMap(FeedDate.parse))
                switch builder.document(body: record.body, contentType: record.contentType, charset: record.charset,
                                        url: record.targetURI, listed: listed, origin: record.targetURI) {
                case .failure(let e): emit(.failure(SourceError(source: e.source, record: record.label, message: e.message)))
                case .success(let doc):
                    emit(.document(doc, bytes: PageDocumentBuilder.utf8Bytes(record.body, charset: record.charset),
                                   format: record.contentType == "text/plain" ? .text : .html))
                }
            }
        }
    }

    func readTar<S: ChunkSource>(_ tar: TarReader<S>, _ path: String, _ emit: (HarvestEvent) -> Void) {
        var tar = tar
        tar.wants = { InputFormat(fileName: $0) != nil }
        while let r = tar.next() { emitEntry(r, path, emit) }
    }

    /// A .txt/.html/.jsonl file from a bundle, read as ParleyCore reads files; `bundle` nil for a file given directly.
    func emitEntry(_ entry: Result<BundleEntry, SourceError>, _ bundle: String?, _ emit: (HarvestEvent) -> Void) {
        switch entry {
        case .failure(let e): emit(.failure(e))
        case .success(let e):
            let format = InputFormat(fileName: e.path) ?? InputFormat.sniff(e.bytes)
            let origin = bundle.map { "\($0):\(e.path)" } ?? e.path
            let id = SourceReader.safeID(SourceReader.documentID(forPath: e.path))
            for r in reader.read(e.bytes, origin: origin, id: id, format: format) {
                switch r {
                case .success(let doc):
                    emit(.document(doc, bytes: format == .jsonl ? Array(doc.text.utf8) : e.bytes, format: format == .jsonl ? .text : format))
                case .failure(let err):
                    emit(.failure(SourceError(source: bundle ?? e.path, record: bundle == nil ? nil : "entry \(e.path)",
                                              message: err.line.map { "line \($0): \(err.message)" } ?? err.message)))
                }
            }
        }
    }
}

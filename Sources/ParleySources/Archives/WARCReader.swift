import Foundation

/// One record of a WARC file that holds a web page: an HTTP `response` (or a `resource`) with its target URI.
public struct WARCRecord: Sendable {
    /// `WARC-Target-URI`.
    public var targetURI: String
    /// `WARC-Date` (ISO 8601), when given.
    public var date: String?
    /// The HTTP status of a response record (200 when the record is a `resource`).
    public var status: Int
    /// The page's media type, lower case, without parameters (`text/html`).
    public var contentType: String
    /// The `charset` parameter of the page's Content-Type, when given.
    public var charset: String?
    /// The page's bytes (HTTP headers removed, chunked transfer and gzip content encoding undone).
    public var body: [UInt8]
    /// `record N at byte X`, for messages.
    public var label: String
}

/// Reads the records of a WARC file (ISO 28500), plain or gzip-compressed, one at a time without holding
/// the file in memory. Only `response` and `resource` records are returned; request, metadata, warcinfo and
/// other records are skipped. A malformed record yields a `SourceError` naming the record and its byte offset,
/// and reading resumes at the next `WARC/` header line.
public struct WARCReader<Source: ChunkSource> {
    var reader: ByteReader<Source>
    let name: String
    /// Records whose block is larger than this are skipped with an error.
    public var maximumRecordBytes = 64 << 20
    var recordNumber = 0
    var stopped = false

    public init(_ source: Source, name: String) {
        reader = ByteReader(source)
        self.name = name
    }

    /// The next page record, an error for a bad record, or nil at the end of the file.
    public mutating func next() -> Result<WARCRecord, SourceError>? {
        while !stopped {
            do throws(SourceError) {
                if let r = try readRecord() { return r }
            } catch {
                stopped = true
                return .failure(error)
            }
        }
        return nil
    }

    /// One record: nil when it is not a page record (skipped) — the loop in `next` moves on.
    mutating func readRecord() throws(SourceError) -> Result<WARCRecord, SourceError>? {
        // Find the version line, skipping blank lines between records.
        var line: [UInt8]
        var start: Int
        repeat {
            start = reader.offset
            guard let l = try reader.readLine() else {
                stopped = true
                return nil
            }
            line = l
        } while line.isEmpty
        if !line.starts(with: Array("WARC/".utf8)) {
            recordNumber += 1
            try resync()
            return .failure(SourceError(source: name, record: "record \(recordNumber) at byte \(start)",
                                        message: "expected a 'WARC/1.x' header line; skipped to the next record"))
        }
        recordNumber += 1
        let label = "record \(recordNumber) at byte \(start)"
        var fields: [String: String] = [:]
        while let l = try reader.readLine(), !l.isEmpty {
            guard let colon = l.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let key = String(decoding: l[..<colon], as: UTF8.self).lowercased()
            fields[key] = String(decoding: l[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        guard let lengthText = fields["content-length"], let length = Int(lengthText), length >= 0 else {
            try resync()
            return .failure(SourceError(source: name, record: label, message: "no valid Content-Length header; skipped to the next record"))
        }
        let type = fields["warc-type"]?.lowercased() ?? ""
        guard type == "response" || type == "resource" else {
            if try reader.skip(length) < length { throw truncated(label) }
            return nil
        }
        if length > maximumRecordBytes {
            if try reader.skip(length) < length { throw truncated(label) }
            return .failure(SourceError(source: name, record: label, message: "record of \(length >> 20) MB is over the \(maximumRecordBytes >> 20) MB limit; skipped"))
        }
        let block = try reader.read(length)
        if block.count < length { throw truncated(label) }
        var uri = fields["warc-target-uri"] ?? ""
        if uri.hasPrefix("<") && uri.hasSuffix(">") { uri = String(uri.dropFirst().dropLast()) }
        guard !uri.isEmpty else {
            return .failure(SourceError(source: name, record: label, message: "no WARC-Target-URI"))
        }
        if type == "resource" {
            let (media, charset) = HTTPHeaderValues.mediaType(fields["content-type"] ?? "")
            return .success(WARCRecord(targetURI: uri, date: fields["warc-date"], status: 200, contentType: media,
                                       charset: charset, body: block, label: label))
        }
        switch HTTPMessage.parseResponse(block) {
        case .failure(let problem):
            return .failure(SourceError(source: name, record: label, message: "\(uri): \(problem.message)"))
        case .success(let response):
            let (media, charset) = HTTPHeaderValues.mediaType(response.headers["content-type"] ?? "")
            return .success(WARCRecord(targetURI: uri, date: fields["warc-date"], status: response.status, contentType: media,
                                       charset: charset, body: response.body, label: label))
        }
    }

    func truncated(_ label: String) -> SourceError {
        SourceError(source: name, record: label, message: "the file ends inside this record (truncated?)")
    }

    /// Skips lines up to (not including) the next `WARC/` version line.
    mutating func resync() throws(SourceError) {
        while let l = try reader.peekLineStartsWithWARC() {
            if l { return }
            _ = try reader.readLine()
        }
    }
}

extension ByteReader {
    /// Whether the next line starts with `WARC/` (without consuming it); nil at the end.
    mutating func peekLineStartsWithWARC() throws(SourceError) -> Bool? {
        if !(try fill(1)) { return nil }
        _ = try fill(5)
        let available = buffer.count - position
        let n = min(5, available)
        return buffer[position..<(position + n)].elementsEqual(Array("WARC/".utf8).prefix(n)) && n == 5
    }
}

import Foundation

/// Turns the bytes of one input — a plain-text release, an HTML page or a JSON Lines archive — into
/// documents. Bad input (empty, binary, invalid UTF-8, a broken JSONL line) becomes a `ReadingError`
/// naming the input and line, and the other records of the same archive are still read.
public struct SourceReader: Sendable {
    /// Inputs larger than this are refused rather than read into memory.
    public var maximumBytes: Int
    let html = HTMLMainTextExtractor()

    public init(maximumBytes: Int = 64 << 20) { self.maximumBytes = maximumBytes }

    /// The document id for a file: its name without directory and extension.
    public static func documentID(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Reads one input. `origin` names it in errors (the path, or `stdin`).
    public func read(_ bytes: [UInt8], origin: String, id: String, format: InputFormat) -> [Result<Document, ReadingError>] {
        if bytes.count > maximumBytes {
            return [.failure(ReadingError(origin: origin, message: "input is \(bytes.count >> 20) MB, more than the \(maximumBytes >> 20) MB limit; split it into smaller files"))]
        }
        switch format {
        case .text: return [readText(bytes, origin: origin, id: id, url: nil, title: nil, published: nil)]
        case .html: return [readHTML(bytes, origin: origin, id: id, url: nil, title: nil, published: nil)]
        case .jsonl: return readJSONL(bytes, origin: origin, baseID: id)
        }
    }

    func readText(_ bytes: [UInt8], origin: String, id: String, url: String?, title: String?, published: PartialDate?, line: Int? = nil) -> Result<Document, ReadingError> {
        do {
            var text = try TextDecoding.decode(bytes)
            var published = published
            if let (date, rest) = Self.leadingDateField(text) {
                published = published ?? date
                text = rest
            }
            return .success(Document(id: id, url: url, title: title, publishedHint: published, text: text, origin: origin))
        } catch {
            return .failure(ReadingError(origin: origin, line: line, message: error.description))
        }
    }

    func readHTML(_ bytes: [UInt8], origin: String, id: String, url: String?, title: String?, published: PartialDate?, line: Int? = nil) -> Result<Document, ReadingError> {
        do {
            let page = try html.extract(bytes)
            if page.text.trimmingSpaces().isEmpty {
                return .failure(ReadingError(origin: origin, line: line, message: "the HTML page has no main text"))
            }
            var document = Document(id: id, url: url ?? page.canonicalURL, site: page.siteName, title: title ?? page.title,
                                    publishedHint: published, dateCandidates: page.dateCandidates, text: page.text, origin: origin)
            document.lateDateCandidates = page.lateDateCandidates
            return .success(document)
        } catch {
            return .failure(ReadingError(origin: origin, line: line, message: error.description))
        }
    }

    /// A crawl's date field opening a text export — ` date 2024-11-14 ` before the page's first line —
    /// read as the publication date and taken off the text (page text often follows on the same line).
    static func leadingDateField(_ text: String) -> (PartialDate, String)? {
        let u = text.utf8
        var i = u.startIndex
        while i != u.endIndex, u[i] == 0x20 || u[i] == 0x09 || u[i] == 0x0A || u[i] == 0x0D { i = u.index(after: i) }
        let field = Array("date ".utf8)
        guard u.distance(from: i, to: u.endIndex) >= field.count + 10,
              zip(u[i...].prefix(field.count), field).allSatisfy({ $0.0 | 0x20 == $0.1 }) else { return nil }
        let dateStart = u.index(i, offsetBy: field.count)
        let dateEnd = u.index(dateStart, offsetBy: 10)
        guard let date = PartialDate(iso: String(text[dateStart..<dateEnd])), date.isComplete,
              dateEnd == u.endIndex || [0x20, 0x09, 0x0A, 0x0D].contains(u[dateEnd]) else { return nil }
        var rest = dateEnd
        while rest != u.endIndex, u[rest] == 0x20 || u[rest] == 0x09 { rest = u.index(after: rest) }
        return (date, String(text[rest...]))
    }

    /// One record of a JSON Lines archive.
    struct Record {
        var id: String?
        var url: String?
        var title: String?
        var published: String?
        var site: String?
        var text: String?
        var html: String?

        static let keys: Set<String> = ["id", "url", "title", "published", "site", "text", "html"]

        init(_ fields: [String: String]) {
            id = fields["id"]; url = fields["url"]; title = fields["title"]; published = fields["published"]
            site = fields["site"]; text = fields["text"]; html = fields["html"]
        }
    }

    func readJSONL(_ bytes: [UInt8], origin: String, baseID: String) -> [Result<Document, ReadingError>] {
        if bytes.isEmpty { return [.failure(ReadingError(origin: origin, message: "empty file"))] }
        var out: [Result<Document, ReadingError>] = []
        var ids = JSONLIdentifiers()
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            if let r = readJSONLLine(bytes[start..<end], origin: origin, baseID: baseID, lineNumber: lineNumber) {
                out.append(ids.check(r))
            }
            start = end + 1
        }
        if out.isEmpty { out.append(.failure(ReadingError(origin: origin, message: "no records (the file holds only blank lines)"))) }
        return out
    }

    /// Refuses a second record with an id already read from the same archive.
    public struct JSONLIdentifiers: Sendable {
        var seen: Set<String> = []
        /// Whether any line was a record (read or refused), as opposed to blank.
        public private(set) var sawAny = false
        public init() {}
        public mutating func check(_ r: Result<Document, ReadingError>) -> Result<Document, ReadingError> {
            sawAny = true
            guard case .success(let d) = r else { return r }
            if seen.contains(d.id) {
                return .failure(ReadingError(origin: d.origin, line: d.line, message: "duplicate id '\(d.id)' in this archive"))
            }
            seen.insert(d.id)
            return r
        }
    }

    /// One line of a JSON Lines archive (numbered from 1) as a document; nil for a blank line. Duplicate
    /// ids are for the caller to refuse (`JSONLIdentifiers`), since lines may be read in parallel.
    public func readJSONLLine(_ line: ArraySlice<UInt8>, origin: String, baseID: String, lineNumber: Int) -> Result<Document, ReadingError>? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        if String(validating: line, as: UTF8.self) == nil {
            return .failure(ReadingError(origin: origin, line: lineNumber, message: "invalid UTF-8"))
        }
        let record: Record
        do { record = Record(try JSONRecordParser.parse(line, keys: Record.keys)) } catch {
            let reason: String
            switch error {
            case .malformed: reason = "malformed JSON"
            case .wrongType(let key): reason = "wrong type at \(key)"
            }
            return .failure(ReadingError(origin: origin, line: lineNumber, message: "not a JSON object with string fields (\(reason))"))
        }
        var id = record.id?.trimmingSpaces() ?? ""
        if id.isEmpty { id = "\(baseID)-\(lineNumber)" }
        id = Self.safeID(id)
        let published = record.published.flatMap { PartialDate(iso: String($0.prefix(10))) }
        var result: Result<Document, ReadingError>
        if let h = record.html, !h.isEmpty {
            result = readHTML(Array(h.utf8), origin: origin, id: id, url: record.url, title: record.title, published: published, line: lineNumber)
            if case .success(var d) = result { d.site = record.site ?? d.site; result = .success(d) }
        } else if let t = record.text, !t.trimmingSpaces().isEmpty {
            var d = Document(id: id, url: record.url, site: record.site, title: record.title, publishedHint: published,
                             text: t.replacingOccurrences(of: "\r\n", with: "\n"), origin: origin)
            if published == nil, let p = record.published { d.dateCandidates = [p] }
            result = .success(d)
        } else {
            return .failure(ReadingError(origin: origin, line: lineNumber, message: "record '\(id)' has neither a non-empty \"text\" nor \"html\" field"))
        }
        if case .success(var d) = result { d.line = lineNumber; result = .success(d) }
        return result
    }

    /// A record id usable as a file name: path separators and control characters replaced.
    public static func safeID(_ id: String) -> String {
        var s = String(id.unicodeScalars.map { ($0 == "/" || $0 == "\\" || $0.value < 0x20) ? "_" : Character($0) })
        if s.hasPrefix(".") { s = "_" + s.dropFirst() }
        return String(s.prefix(200))
    }

}

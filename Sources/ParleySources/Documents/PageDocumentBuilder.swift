import Foundation
import ParleyCore

/// Turns the bytes of one web page — fetched, or taken from a WARC record — into a `Document`, the same way
/// whatever the route, so that a page fetched live and the same page read from an archive give the same
/// document (same id, same content hash). The charset comes from a byte order mark, else the HTTP header,
/// else the page's `<meta>` tag (read by ParleyCore's HTML reader). What a feed or sitemap says about the page
/// (title, date) is used only when the page itself does not say it.
public struct PageDocumentBuilder: Sendable {
    let reader = SourceReader()

    public init() {}

    /// A document id for a URL: host and path (query kept), without the scheme or a trailing slash, made safe as a file name.
    public static func documentID(forURL url: String) -> String {
        var s = Substring(url)
        if let r = s.range(of: "://") { s = s[r.upperBound...] }
        if let hash = s.firstIndex(of: "#") { s = s[..<hash] }
        while s.hasSuffix("/") { s = s.dropLast() }
        return SourceReader.safeID(String(s))
    }

    /// The page's bytes converted to UTF-8 when the HTTP header names a charset and there is no byte order
    /// mark (a BOM wins); otherwise unchanged, for the HTML reader to follow the `<meta>` charset.
    public static func utf8Bytes(_ body: [UInt8], charset: String?) -> [UInt8] {
        let hasBOM = body.starts(with: [0xEF, 0xBB, 0xBF]) || body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF])
        guard !hasBOM, let charset, let text = try? TextDecoding.decode(body, declaredEncoding: charset) else { return body }
        return Array(text.utf8)
    }

    /// The page as a document, or an error naming `url` (wrong content type, undecodable, no main text).
    public func document(body: [UInt8], contentType: String, charset: String?, url: String,
                         listed: ListedPage? = nil, origin: String? = nil) -> Result<Document, SourceError> {
        let format: InputFormat
        switch contentType {
        case "text/plain": format = .text
        case "": format = InputFormat.sniff(body) == .html ? .html : .text
        case let t where FetchableContentTypes.all.contains(t): format = .html
        default:
            return .failure(SourceError(source: url, message: "content type \(contentType) is not a web page or plain text; skipped (Parley reads HTML and text)"))
        }
        let bytes = Self.utf8Bytes(body, charset: charset)
        let id = Self.documentID(forURL: url)
        // "https://" alone (a damaged WARC record): no host or path to name the document by.
        guard !id.isEmpty else { return .failure(SourceError(source: url.isEmpty ? "(no URL)" : url, message: "the URL names no page (no host or path); skipped")) }
        guard let first = reader.read(bytes, origin: origin ?? url, id: id, format: format).first else {
            return .failure(SourceError(source: url, message: "nothing to read"))
        }
        switch first {
        case .failure(let e): return .failure(SourceError(source: url, message: e.message))
        case .success(var doc):
            doc.url = url
            if doc.title == nil { doc.title = listed?.title }
            if doc.dateCandidates.isEmpty, doc.publishedHint == nil { doc.publishedHint = listed?.date }
            return .success(doc)
        }
    }
}

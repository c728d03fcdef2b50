/// What a local file holds, by extension and, failing that, by its first bytes.
public enum SourceKind: String, Sendable {
    case warc, warcGzip, zip, tar, tarGzip, listing, page

    /// The kind of the file at `path` whose first bytes are `head`.
    public static func of(path: String, head: [UInt8]) -> SourceKind {
        let lower = path.lowercased()
        if lower.hasSuffix(".warc.gz") { return .warcGzip }
        if lower.hasSuffix(".warc") { return .warc }
        if lower.hasSuffix(".zip") { return .zip }
        if lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") { return .tarGzip }
        if lower.hasSuffix(".tar") { return .tar }
        if lower.hasSuffix(".rss") || lower.hasSuffix(".atom") || lower.hasSuffix(".xml") { return .listing }
        if GzipChunks<MemoryChunks>.isGzip(head) { return .tarGzip }   // refined by `ofGzipContent`
        if ZipArchiveReader.isZip(head) { return .zip }
        if head.starts(with: Array("WARC/".utf8)) { return .warc }
        if head.count > 262, head[257..<262].elementsEqual(Array("ustar".utf8)) { return .tar }
        if looksLikeListing(head) { return .listing }
        return .page
    }

    /// For gzip data whose decompressed start is `head`: a WARC, a gzipped feed or sitemap, or a tar.
    public static func ofGzipContent(_ head: [UInt8]) -> SourceKind {
        if head.starts(with: Array("WARC/".utf8)) { return .warcGzip }
        if looksLikeListing(head) { return .listing }
        return .tarGzip
    }

    /// True when bytes look like an XML feed or sitemap rather than a web page.
    public static func looksLikeListing(_ head: [UInt8]) -> Bool {
        let text = String(decoding: head.prefix(2048), as: UTF8.self).lowercased()
        if text.contains("<html") { return false }
        return text.contains("<rss") || text.contains("<feed") || text.contains("<urlset") || text.contains("<sitemapindex") || text.contains("<rdf:rdf")
    }

    /// True for the media types feeds and sitemaps are served with.
    public static func isListingType(_ contentType: String) -> Bool {
        ["application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml"].contains(contentType)
    }
}

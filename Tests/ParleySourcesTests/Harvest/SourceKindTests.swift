import Testing
@testable import ParleySources

@Suite struct SourceKindTests {
    @Test func extensionsDecideFirst() {
        #expect(SourceKind.of(path: "crawl.warc.gz", head: []) == .warcGzip)
        #expect(SourceKind.of(path: "crawl.WARC", head: []) == .warc)
        #expect(SourceKind.of(path: "pages.tgz", head: []) == .tarGzip)
        #expect(SourceKind.of(path: "pages.zip", head: []) == .zip)
        #expect(SourceKind.of(path: "news.rss", head: []) == .listing)
    }

    @Test func contentDecidesForOtherNames() {
        #expect(SourceKind.of(path: "download", head: Array("WARC/1.1\r\n".utf8)) == .warc)
        #expect(SourceKind.of(path: "download", head: [0x50, 0x4B, 0x03, 0x04]) == .zip)
        #expect(SourceKind.of(path: "feed", head: Array("<?xml version=\"1.0\"?><rss version=\"2.0\">".utf8)) == .listing)
        #expect(SourceKind.of(path: "page", head: Array("<html><body>Minister</body></html>".utf8)) == .page)
        #expect(SourceKind.ofGzipContent(Array("<urlset>".utf8)) == .listing)
        #expect(SourceKind.ofGzipContent(Array("WARC/1.0".utf8)) == .warcGzip)
    }
}

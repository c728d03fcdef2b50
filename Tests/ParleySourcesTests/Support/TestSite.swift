import Foundation
import NIOHTTP1
@testable import ParleySources

/// The site the fetching tests serve: a feed of releases (one link broken), pages in several encodings, and the
/// troublesome pages a crawler meets — slow, missing, failing once, redirecting in a loop, huge, a PDF, and a
/// path robots.txt forbids. Feeds and pages answer conditional requests with 304.
enum TestSite {
    static let feedSize = 50
    static let brokenItem = 17

    static func policy() -> FetchPolicy {
        var p = FetchPolicy()
        p.hostInterval = 0
        p.backoff = 0.05
        p.timeout = 1
        p.retries = 2
        p.maximumBytes = 1 << 20
        p.concurrency = 4
        return p
    }

    static func start() async throws -> TestHTTPServer {
        let failures = Counter()
        let base = Box()
        let server = try await TestHTTPServer { request in
            respond(request, base: base.value, failures: failures)
        }
        base.value = server.base
        return server
    }

    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var n = 0
        func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
    }

    final class Box: @unchecked Sendable { var value = "" }

    /// A 200 that honours If-None-Match with a 304.
    static func conditional(_ request: TestHTTPServer.Request, _ reply: TestHTTPServer.Reply) -> TestHTTPServer.Reply {
        let etag = "\"" + SourceHarvester.hash(reply.body) + "\""
        if request.headers.first(name: "If-None-Match") == etag { return TestHTTPServer.Reply(status: .notModified, headers: [("ETag", etag)]) }
        var r = reply
        r.headers.append(("ETag", etag))
        return r
    }

    static func respond(_ request: TestHTTPServer.Request, base: String, failures: Counter) -> TestHTTPServer.Reply {
        let path = request.path
        switch path {
        case "/robots.txt":
            return TestHTTPServer.Reply(headers: [("Content-Type", "text/plain")], body: Array("User-agent: *\nDisallow: /private/\n".utf8))
        case "/feed.xml":
            return conditional(request, TestHTTPServer.Reply(headers: [("Content-Type", "application/rss+xml")],
                                                              body: Array(ReleasePages.rss(base: base, count: feedSize, brokenItem: brokenItem).utf8)))
        case "/sitemap.xml":
            let xml = "<urlset><url><loc>\(base)/news/release-1</loc><lastmod>2025-03-02</lastmod></url>"
                + "<url><loc>\(base)/news/release-40</loc><lastmod>2025-04-10</lastmod></url></urlset>"
            return TestHTTPServer.Reply(headers: [("Content-Type", "application/xml")], body: Array(xml.utf8))
        case "/sitemap.xml.gz":
            let xml = "<urlset><url><loc>\(base)/news/release-2</loc><lastmod>2025-03-03</lastmod></url>"
                + "<url><loc>\(base)/news/release-45</loc><lastmod>2025-04-15</lastmod></url></urlset>"
            return TestHTTPServer.Reply(headers: [("Content-Type", "application/x-gzip")], body: WARCWriter.gzip(Array(xml.utf8)))
        case "/sitemap-index.xml":
            let xml = "<sitemapindex><sitemap><loc>\(base)/sitemap.xml</loc><lastmod>2025-04-10</lastmod></sitemap>"
                + "<sitemap><loc>\(base)/sitemap.xml.gz</loc></sitemap><sitemap><loc>\(base)/old.xml</loc><lastmod>2024-01-01</lastmod></sitemap></sitemapindex>"
            return TestHTTPServer.Reply(headers: [("Content-Type", "application/xml")], body: Array(xml.utf8))
        case "/enc/utf8":
            return .html(encodedPage("Café talks in Zürich"), charset: "utf-8")
        case "/enc/cp1252-header":
            return TestHTTPServer.Reply(headers: [("Content-Type", "text/html; charset=windows-1252")], body: cp1252(encodedPage("Café talks in Zürich – “frank”")))
        case "/enc/latin1-meta":
            let page = encodedPage("Café talks in Zürich").replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">")
            return TestHTTPServer.Reply(headers: [("Content-Type", "text/html")], body: cp1252(page))
        case "/enc/bom":
            return TestHTTPServer.Reply(headers: [("Content-Type", "text/html; charset=windows-1252")], body: [0xEF, 0xBB, 0xBF] + Array(encodedPage("Café talks in Zürich").utf8))
        case "/slow":
            var r = TestHTTPServer.Reply.html(ReleasePages.page(1))
            r.delay = 3
            return r
        case "/flaky":
            if failures.next() == 1 { return TestHTTPServer.Reply(status: .internalServerError, body: Array("try later".utf8)) }
            return .html(ReleasePages.page(2))
        case "/limited":
            if failures.next() == 1 { return TestHTTPServer.Reply(status: .tooManyRequests, headers: [("Retry-After", "1")]) }
            return .html(ReleasePages.page(5))
        case "/dated":
            let stamp = "Tue, 10 Jun 2025 09:00:00 GMT"
            if request.headers.first(name: "If-Modified-Since") == stamp { return TestHTTPServer.Reply(status: .notModified) }
            var r = TestHTTPServer.Reply.html(ReleasePages.page(6))
            r.headers.append(("Last-Modified", stamp))
            return r
        case "/busy":
            return TestHTTPServer.Reply(status: .serviceUnavailable, headers: [("Retry-After", "3600")])
        case "/loop/a":
            return TestHTTPServer.Reply(status: .found, headers: [("Location", "/loop/b")])
        case "/loop/b":
            return TestHTTPServer.Reply(status: .movedPermanently, headers: [("Location", "\(base)/loop/a")])
        case "/moved":
            return TestHTTPServer.Reply(status: .movedPermanently, headers: [("Location", "/news/release-3")])
        case "/huge":
            return .html("<html><body><p>" + String(repeating: "Minister met delegation. ", count: 60_000) + "</p></body></html>")
        case "/report.pdf":
            return TestHTTPServer.Reply(headers: [("Content-Type", "application/pdf")], body: Array("%PDF-1.4\n%âãÏÓ\n".utf8))
        case "/private/minutes":
            return .html(ReleasePages.page(4))
        default:
            if path.hasPrefix("/news/release-"), let n = Int(path.dropFirst("/news/release-".count)), (1...feedSize).contains(n) {
                return conditional(request, .html(ReleasePages.page(n)))
            }
            return TestHTTPServer.Reply(status: .notFound, headers: [("Content-Type", "text/html")], body: Array("<html><body>Not found</body></html>".utf8))
        }
    }

    static func encodedPage(_ headline: String) -> String {
        """
        <html><head><meta charset="utf-8"><title>\(headline)</title></head><body><article><h1>\(headline)</h1>
        <p>Minister Mirela Tovan met with a delegation led by Rafael Quenby in the café of the Foreign Ministry on 3 April 2025.</p>
        <p>The two sides discussed cooperation on culture and education, and agreed to meet again in the autumn.</p>
        </article></body></html>
        """
    }

    /// `text` in windows-1252 (every character used here has a code there).
    static func cp1252(_ text: String) -> [UInt8] {
        let special: [Character: UInt8] = ["–": 0x96, "“": 0x93, "”": 0x94]
        return text.map { c -> UInt8 in
            if let b = special[c] { return b }
            let v = c.unicodeScalars.first!.value
            return v < 256 ? UInt8(v) : UInt8(ascii: "?")
        }
    }
}

import Foundation
import ParleyCore
import Testing
@testable import ParleySources

@Suite(.serialized) struct PoliteFetcherTests {
    func withSite(_ body: (TestHTTPServer, PoliteFetcher) async throws -> Void) async throws {
        let server = try await TestSite.start()
        let fetcher = PoliteFetcher(policy: TestSite.policy())
        do { try await body(server, fetcher) } catch { await fetcher.shutdown(); await server.stop(); throw error }
        await fetcher.shutdown()
        await server.stop()
    }

    func document(_ fetcher: PoliteFetcher, _ url: String) async throws -> Document {
        let r = try await fetcher.fetch(url)
        return try PageDocumentBuilder().document(body: r.body, contentType: r.contentType, charset: r.charset, url: r.url).get()
    }

    @Test func pagesInEveryEncodingBecomeTheSameUTF8Text() async throws {
        try await withSite { server, fetcher in
            for path in ["/enc/utf8", "/enc/cp1252-header", "/enc/latin1-meta", "/enc/bom"] {
                let doc = try await document(fetcher, server.base + path)
                #expect(doc.text.contains("in the café of the Foreign Ministry"), "\(path)")
                #expect(doc.title?.hasPrefix("Café talks in Zürich") == true, "\(path): \(doc.title ?? "nil")")
            }
            let quoted = try await document(fetcher, server.base + "/enc/cp1252-header")
            #expect(quoted.title == "Café talks in Zürich – “frank”")
        }
    }

    @Test func slowPageTimesOut() async throws {
        try await withSite { server, fetcher in
            do { _ = try await fetcher.fetch(server.base + "/slow"); Issue.record("should time out") } catch let error as SourceError {
                #expect(error.message.contains("timed out"))
            }
        }
    }

    @Test func missingPageReturnsItsStatus() async throws {
        try await withSite { server, fetcher in
            let r = try await fetcher.fetch(server.base + "/nowhere")
            #expect(r.status == 404)
        }
    }

    @Test func serverErrorIsRetried() async throws {
        try await withSite { server, fetcher in
            let r = try await fetcher.fetch(server.base + "/flaky")
            #expect(r.status == 200)
            #expect(server.paths.filter { $0 == "/flaky" }.count == 2)
        }
    }

    @Test func retryAfterIsHonoured() async throws {
        try await withSite { server, fetcher in
            let start = Date()
            let r = try await fetcher.fetch(server.base + "/limited")
            #expect(r.status == 200)
            #expect(Date().timeIntervalSince(start) >= 0.9)
        }
    }

    @Test func tooLongRetryAfterGivesUpAtOnce() async throws {
        try await withSite { server, fetcher in
            let r = try await fetcher.fetch(server.base + "/busy")
            #expect(r.status == 503)
            #expect(server.paths.filter { $0 == "/busy" }.count == 1)
        }
    }

    @Test func redirectIsFollowedAndLoopDetected() async throws {
        try await withSite { server, fetcher in
            let moved = try await fetcher.fetch(server.base + "/moved")
            #expect(moved.url == server.base + "/news/release-3")
            #expect(moved.requestedURL == server.base + "/moved")
            do { _ = try await fetcher.fetch(server.base + "/loop/a"); Issue.record("should detect the loop") } catch let error as SourceError {
                #expect(error.message.contains("redirect loop"))
            }
        }
    }

    @Test func hugePageIsRefused() async throws {
        try await withSite { server, fetcher in
            do { _ = try await fetcher.fetch(server.base + "/huge"); Issue.record("should refuse") } catch let error as SourceError {
                #expect(error.message.contains("byte limit"))
            }
        }
    }

    @Test func pdfIsRefusedByContentType() async throws {
        try await withSite { server, fetcher in
            let r = try await fetcher.fetch(server.base + "/report.pdf")
            let result = PageDocumentBuilder().document(body: r.body, contentType: r.contentType, charset: r.charset, url: r.url)
            guard case .failure(let e) = result else { Issue.record("a PDF should be refused"); return }
            #expect(e.message.contains("application/pdf"))
        }
    }

    @Test func robotsTxtForbiddenPathIsNotFetched() async throws {
        try await withSite { server, fetcher in
            do { _ = try await fetcher.fetch(server.base + "/private/minutes"); Issue.record("robots.txt should forbid it") } catch let error as SourceError {
                #expect(error.message.contains("robots.txt"))
            }
            #expect(!server.paths.contains("/private/minutes"))
            _ = try await fetcher.fetch(server.base + "/news/release-5")
            #expect(server.paths.filter { $0 == "/robots.txt" }.count == 1)
        }
    }

    @Test func unknownSchemeIsAClearError() async throws {
        try await withSite { _, fetcher in
            do { _ = try await fetcher.fetch("ftp://example.test/release.txt"); Issue.record("should refuse") } catch let error as SourceError {
                #expect(error.description == "ftp://example.test/release.txt: unsupported URL scheme 'ftp'; only http and https URLs can be fetched")
            }
        }
    }

    @Test func unreachableServerIsRetriedThenReported() async throws {
        var policy = TestSite.policy()
        policy.retries = 1   // the client itself keeps reconnecting until the timeout, so each attempt takes a second
        let fetcher = PoliteFetcher(policy: policy)
        do { _ = try await fetcher.fetch("http://127.0.0.1:1/news"); Issue.record("nothing listens on port 1") } catch {
            #expect(error.description.hasPrefix("http://127.0.0.1:1/news: cannot fetch"))
        }
        await fetcher.shutdown()
    }

    @Test func userAgentIsDescriptive() async throws {
        try await withSite { server, fetcher in
            _ = try await fetcher.fetch(server.base + "/news/release-1")
            #expect(fetcher.policy.userAgent.hasPrefix("Parley/"))
            #expect(fetcher.policy.robotsToken == "Parley")
        }
    }
}

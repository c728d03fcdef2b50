import Foundation
import Testing

// End-to-end tests of `parley fetch` and `parley watch` on local archives (no network).

@Suite struct SourcesCLITests {
    /// A folder with a WARC of two releases (and a request record, which is skipped); removed at the end.
    final class Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-sources-cli-\(UUID().uuidString)")
        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            var warc = ""
            for n in 1...2 {
                let page = """
                <html><head><title>Minister meets visiting delegation \(n)</title></head><body><article><h1>Minister meets visiting delegation \(n)</h1>
                <p>On 12 May 2025, Minister of Foreign Affairs Teodor Malik met with a delegation led by Hana Petrakis, State Secretary \
                for Foreign Affairs, at the Ministry. They discussed trade and cultural cooperation (release \(n)).</p></article></body></html>
                """
                let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
                warc += "WARC/1.1\r\nWARC-Type: request\r\nWARC-Target-URI: http://mfa.test/news/\(n)\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n"
                warc += "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://mfa.test/news/\(n)\r\nWARC-Date: 2025-05-12T10:00:00Z\r\n"
                    + "Content-Type: application/http; msgtype=response\r\nContent-Length: \(http.utf8.count)\r\n\r\n" + http + "\r\n\r\n"
            }
            try Data(warc.utf8).write(to: root.appendingPathComponent("crawl.warc"))
            try Data("# feeds to watch\n\(path("crawl.warc"))\n".utf8).write(to: root.appendingPathComponent("sources.txt"))
        }
        deinit { try? FileManager.default.removeItem(at: root) }
        func path(_ name: String) -> String { root.appendingPathComponent(name).path }
    }

    @Test func fetchIngestsAWARCAndASecondRunChangesNothing() throws {
        let w = try Workspace()
        let first = try runParley(["fetch", w.path("crawl.warc"), "--ingest", "--db", w.path("db.sqlite")])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("fetch: 2 new documents; ingested 2 new"), "\(first.stderr)")
        let second = try runParley(["fetch", w.path("crawl.warc"), "--ingest", "--db", w.path("db.sqlite")])
        #expect(second.stderr.contains("ingested 0 new, 0 replaced, 2 unchanged"), "\(second.stderr)")
    }

    @Test func fetchWithoutDatabasePrintsJSONLines() throws {
        let w = try Workspace()
        let run = try runParley(["fetch", w.path("crawl.warc")])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("\"url\":\"http://mfa.test/news/1\"") == true)
    }

    @Test func unknownSchemeIsReportedAndTheRestProcessed() throws {
        let w = try Workspace()
        let run = try runParley(["fetch", "gopher://mfa.test/news", w.path("crawl.warc"), "--save-dir", w.path("saved")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("gopher://mfa.test/news: unsupported URL scheme 'gopher'"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: w.path("saved/mfa.test_news_1.html")))
    }

    @Test func watchOncePollsTheListedSources() throws {
        let w = try Workspace()
        let run = try runParley(["watch", w.path("sources.txt"), "--once", "--db", w.path("db.sqlite")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("watch: 2 new documents; ingested 2 new"), "\(run.stderr)")
    }

    @Test func badIntervalIsAUsageError() throws {
        let w = try Workspace()
        let run = try runParley(["watch", w.path("sources.txt"), "--every", "soon"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--every must be like 30m, 1h or 1d"))
    }

    @Test func extractAndIngestReadArchivesToo() throws {
        let w = try Workspace()
        let extract = try runParley(["extract", w.path("crawl.warc")])
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(extract.stdout.split(separator: "\n").count == 2)
        let ingest = try runParley(["ingest", w.path("crawl.warc"), "--db", w.path("db.sqlite")])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("ingest: 2 new"), "\(ingest.stderr)")
    }
}

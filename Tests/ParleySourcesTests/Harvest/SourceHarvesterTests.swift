import Foundation
import ParleyCore
import ParleyStore
import Testing
@testable import ParleySources

@Suite(.serialized) struct SourceHarvesterTests {
    struct Outcome {
        var documents: [Document] = []
        var failures: [SourceError] = []
        var skipped: [SkipReason: Int] = [:]
    }

    func run(_ harvester: SourceHarvester, _ sources: [String]) async -> Outcome {
        var o = Outcome()
        for await e in harvester.harvest(sources) {
            switch e {
            case .document(let d, _, _): o.documents.append(d)
            case .failure(let f): o.failures.append(f)
            case .skipped(_, let r): o.skipped[r, default: 0] += 1
            case .listing: break
            }
        }
        return o
    }

    @Test func feedOfFiftyWithOneBrokenGivesFortyNineThenNothingNew() async throws {
        let server = try await TestSite.start()
        let fetcher = PoliteFetcher(policy: TestSite.policy())
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parley-harvest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteEventStore(path: dir.appendingPathComponent("db.sqlite").path)
        let log = SQLiteFetchLog(store: store)

        let first = await run(SourceHarvester(fetcher: fetcher, log: log), [server.base + "/feed.xml"])
        #expect(first.documents.count == 49)
        #expect(first.failures.count == 1)
        #expect(first.failures.first?.description == "\(server.base)/news/missing-\(TestSite.brokenItem): HTTP 404")
        let doc = try #require(first.documents.first { $0.url == server.base + "/news/release-7" })
        #expect(doc.title == ReleasePages.title(7))
        #expect(doc.id == "127.0.0.1:\(server.port)_news_release-7")

        let extractor = Extractor()
        let outcomes = try store.ingest(batch: first.documents.map { ($0, extractor.extract($0)) })
        #expect(outcomes.filter { $0 == .inserted }.count == 49)

        // Second run: the feed answers 304, nothing else is requested.
        let before = server.paths.count
        let second = await run(SourceHarvester(fetcher: fetcher, log: log), [server.base + "/feed.xml"])
        #expect(second.documents.isEmpty)
        #expect(second.skipped[.notModified] == 1)
        #expect(Array(server.paths[before...]) == ["/feed.xml"])

        // Even when the feed is fetched again in full, known pages are not.
        let third = await run(SourceHarvester(fetcher: fetcher, log: log), [server.base + "/sitemap.xml"])
        #expect(third.documents.isEmpty)
        #expect(third.skipped[.known] == 2)

        // A WARC of the same pages gives the same documents.
        var warc: [UInt8] = []
        for d in first.documents {
            let path = String(d.url!.dropFirst(server.base.count))
            let n = Int(path.dropFirst("/news/release-".count))!
            warc += ArchiveWriters.gzip(ArchiveWriters.warcResponse(uri: d.url!, body: Array(ReleasePages.page(n).utf8)))
        }
        let warcPath = dir.appendingPathComponent("crawl.warc.gz").path
        try Data(warc).write(to: URL(fileURLWithPath: warcPath))
        let fromWARC = await run(SourceHarvester(fetcher: nil, log: TransientFetchLog()), [warcPath])
        #expect(fromWARC.failures.isEmpty)
        #expect(fromWARC.documents.map(SQLiteEventStore.contentHash) == first.documents.map(SQLiteEventStore.contentHash))
        let again = try store.ingest(batch: fromWARC.documents.map { ($0, extractor.extract($0)) })
        #expect(again.allSatisfy { $0 == .unchanged })

        await fetcher.shutdown()
        await server.stop()
    }

    @Test func sitemapSinceSkipsOlderPages() async throws {
        let server = try await TestSite.start()
        let fetcher = PoliteFetcher(policy: TestSite.policy())
        let o = await run(SourceHarvester(fetcher: fetcher, log: TransientFetchLog(), since: PartialDate(year: 2025, month: 4, day: 1)),
                          [server.base + "/sitemap.xml"])
        #expect(o.documents.map(\.url) == [server.base + "/news/release-40"])
        #expect(o.skipped[.older] == 1)
        await fetcher.shutdown()
        await server.stop()
    }

    @Test func sitemapIndexWithAGzippedSitemap() async throws {
        let server = try await TestSite.start()
        let fetcher = PoliteFetcher(policy: TestSite.policy())
        let o = await run(SourceHarvester(fetcher: fetcher, log: TransientFetchLog(), since: PartialDate(year: 2025, month: 4, day: 1)),
                          [server.base + "/sitemap-index.xml"])
        #expect(Set(o.documents.compactMap(\.url)) == [server.base + "/news/release-40", server.base + "/news/release-45"])
        #expect(o.skipped[.older] == 3)   // old.xml by its lastmod, then release-1 and release-2
        #expect(!server.paths.contains("/old.xml"))
        #expect(o.failures.isEmpty)
        await fetcher.shutdown()
        await server.stop()
    }

    @Test func bundlesAndLocalFeedsAreRead() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bundles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = BundleReaderTests.files
        let tgz = dir.appendingPathComponent("b.tar.gz").path, zip = dir.appendingPathComponent("b.zip").path
        try Data(ArchiveWriters.gzip(ArchiveWriters.tar(files))).write(to: URL(fileURLWithPath: tgz))
        try Data(ArchiveWriters.zip(files)).write(to: URL(fileURLWithPath: zip))
        let o = await run(SourceHarvester(fetcher: nil, log: TransientFetchLog()), [tgz, zip, dir.appendingPathComponent("absent.warc").path])
        #expect(o.documents.map(\.id) == ["one", "two", "one", "two"])
        #expect(o.documents[0].origin == tgz + ":releases/one.txt")
        #expect(o.failures.count == 1)
    }

    @Test func brokenArchiveRecordsAreReportedAndTheRestRead() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parley-warc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = Array("WARC/1.1\r\nWARC-Type: response\r\n\r\n".utf8)
        let pdf = ArchiveWriters.warcResponse(uri: "http://mfa.test/r.pdf", contentType: "application/pdf", body: Array("%PDF-1.4".utf8))
        let good = ArchiveWriters.warcResponse(uri: "http://mfa.test/news/release-9", body: Array(ReleasePages.page(9).utf8))
        let path = dir.appendingPathComponent("mixed.warc").path
        try Data(bad + pdf + good).write(to: URL(fileURLWithPath: path))
        let o = await run(SourceHarvester(fetcher: nil, log: TransientFetchLog()), [path])
        #expect(o.documents.map(\.url) == ["http://mfa.test/news/release-9"])
        #expect(o.failures.map(\.description) == ["\(path): record 1 at byte 0: no valid Content-Length header; skipped to the next record"])
    }

    @Test func restartedRunFetchesOnlyWhatIsLeft() async throws {
        let server = try await TestSite.start()
        let fetcher = PoliteFetcher(policy: TestSite.policy())
        let log = TransientFetchLog()
        for n in 1...25 {
            try log.save(FetchRecord(url: "\(server.base)/news/release-\(n)", status: 200, fetchedAt: "2025-06-01T00:00:00Z"))
        }
        let o = await run(SourceHarvester(fetcher: fetcher, log: log), [server.base + "/feed.xml"])
        #expect(o.documents.count == 25)          // releases 26...50 (17, remembered above, is the broken link)
        #expect(o.skipped[.known] == 24)
        #expect(!server.paths.contains("/news/release-3"))
        await fetcher.shutdown()
        await server.stop()
    }

    @Test func stateFileMemoryMakesTheSecondRunConditional() async throws {
        let server = try await TestSite.start()
        let fetcher = PoliteFetcher(policy: TestSite.policy())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let state = try FetchStateFile(path: path)
        let first = await run(SourceHarvester(fetcher: fetcher, log: state), [server.base + "/dated"])
        #expect(first.documents.count == 1)
        try state.flush()
        let second = await run(SourceHarvester(fetcher: fetcher, log: try FetchStateFile(path: path)), [server.base + "/dated"])
        #expect(second.documents.isEmpty)
        #expect(second.skipped[.notModified] == 1)
        await fetcher.shutdown()
        await server.stop()
    }
}

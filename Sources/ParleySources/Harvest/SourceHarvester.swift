import Foundation
import ParleyCore
import ParleyStore

/// Reads sources — URLs of pages, feeds and sitemaps, and local feed, sitemap, WARC, ZIP and tar files —
/// into documents, fetching politely through a `PoliteFetcher` and remembering what was fetched in a `FetchLog`
/// so that a second run fetches nothing it already has. Results arrive as a stream of `HarvestEvent`s.
public final class SourceHarvester: Sendable {
    public let fetcher: PoliteFetcher?
    public let log: any FetchLog
    /// Pages dated before this (feed or sitemap date) are skipped.
    public let since: PartialDate?
    /// Fetch known pages again (conditionally) instead of skipping them.
    public let refresh: Bool
    let builder = PageDocumentBuilder()
    let archives = LocalArchive()

    public init(fetcher: PoliteFetcher?, log: any FetchLog, since: PartialDate? = nil, refresh: Bool = false) {
        self.fetcher = fetcher
        self.log = log
        self.since = since
        self.refresh = refresh
    }

    /// Harvests every source; the stream ends when all are done. The stream buffers what its reader has not
    /// taken yet: for very large local archives call `LocalArchive.read` directly, which hands over one record at a time.
    public func harvest(_ sources: [String]) -> AsyncStream<HarvestEvent> {
        AsyncStream { continuation in
            let task = Task {
                for source in sources {
                    await self.harvest(source, continuation)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    func harvest(_ source: String, _ out: AsyncStream<HarvestEvent>.Continuation) async {
        if let scheme = URL(string: source)?.scheme?.lowercased(), scheme.count > 1, !FileManager.default.fileExists(atPath: source) {
            if scheme == "file" {
                await harvestFile(URL(string: source)!.path, out)
            } else {
                await harvestURL(source, out)
            }
        } else {
            await harvestFile(source, out)
        }
    }

    // MARK: - URLs

    /// A URL given on the command line: a feed or sitemap is listed and its pages fetched; a page is fetched.
    func harvestURL(_ url: String, _ out: AsyncStream<HarvestEvent>.Continuation) async {
        guard let fetcher else { out.yield(.failure(SourceError(source: url, message: "fetching is turned off"))); return }
        let previous = try? log.record(for: url)
        let response: FetchResponse
        do {
            response = try await fetcher.fetch(url, validators: previous.map { Validators(etag: $0.etag, lastModified: $0.lastModified) })
        } catch {
            remember(url, status: 0, previous: previous)
            out.yield(.failure(error))
            return
        }
        if response.notModified {
            remember(url, status: previous?.status ?? 200, previous: previous, response: response)
            out.yield(.skipped(url: url, reason: .notModified))
            return
        }
        guard response.succeeded else {
            remember(url, status: response.status, previous: previous)
            out.yield(.failure(SourceError(source: url, message: "HTTP \(response.status)")))
            return
        }
        var head = Array(response.body.prefix(2048))
        if GzipChunks<MemoryChunks>.isGzip(head), var gzip = try? GzipChunks(MemoryChunks(Array(response.body.prefix(8192))), name: url) {
            head = ((try? gzip.nextChunk()) ?? nil) ?? []
        }
        if SourceKind.isListingType(response.contentType) || SourceKind.looksLikeListing(head) {
            let hash = Self.hash(response.body)
            await harvestListing(response.body, source: url, base: response.url, depth: 0, out)
            remember(url, status: response.status, previous: previous, response: response, hash: hash)
        } else {
            emitPage(response, listed: nil, previous: previous, out)
        }
    }

    /// Fetches one listed page unless it is known (fetch memory) or older than `since`.
    func harvestPage(_ page: ListedPage, _ out: AsyncStream<HarvestEvent>.Continuation) async {
        if let since, let date = page.date, date < since {
            out.yield(.skipped(url: page.url, reason: .older))
            return
        }
        let previous = try? log.record(for: page.url)
        if let previous, previous.succeeded, !refresh {
            out.yield(.skipped(url: page.url, reason: .known))
            return
        }
        guard let fetcher else { return }
        do {
            let response = try await fetcher.fetch(page.url, validators: previous.map { Validators(etag: $0.etag, lastModified: $0.lastModified) })
            if response.notModified {
                remember(page.url, status: 200, previous: previous, response: response)
                out.yield(.skipped(url: page.url, reason: .notModified))
            } else if !response.succeeded {
                remember(page.url, status: response.status, previous: previous)
                out.yield(.failure(SourceError(source: page.url, message: "HTTP \(response.status)")))
            } else {
                emitPage(response, listed: page, previous: previous, out)
            }
        } catch {
            remember(page.url, status: 0, previous: previous)
            out.yield(.failure(error))
        }
    }

    func emitPage(_ response: FetchResponse, listed: ListedPage?, previous: FetchRecord?, _ out: AsyncStream<HarvestEvent>.Continuation) {
        let url = response.requestedURL
        let hash = Self.hash(response.body)
        remember(url, status: response.status, previous: previous, response: response, hash: hash)
        if let previous, previous.contentHash == hash {
            out.yield(.skipped(url: url, reason: .unchanged))
            return
        }
        emitDocument(body: response.body, contentType: response.contentType, charset: response.charset, url: response.url,
                     listed: listed, origin: url, out)
    }

    func emitDocument(body: [UInt8], contentType: String, charset: String?, url: String, listed: ListedPage?, origin: String,
                      _ out: AsyncStream<HarvestEvent>.Continuation) {
        switch builder.document(body: body, contentType: contentType, charset: charset, url: url, listed: listed, origin: origin) {
        case .failure(let e): out.yield(.failure(e))
        case .success(let doc):
            let bytes = PageDocumentBuilder.utf8Bytes(body, charset: charset)
            out.yield(.document(doc, bytes: bytes, format: contentType == "text/plain" ? .text : .html))
        }
    }

    // MARK: - Listings

    /// A feed, sitemap or sitemap index: its pages fetched, at most `concurrency` at a time.
    func harvestListing(_ bytes: [UInt8], source: String, base: String?, depth: Int, _ out: AsyncStream<HarvestEvent>.Continuation) async {
        let listing: SourceListing
        do throws(SourceError) {
            // Sitemaps are often served gzipped (sitemap.xml.gz).
            let xml = GzipChunks<MemoryChunks>.isGzip(bytes) ? try GzipChunks.inflateAll(bytes, name: source, limit: 64 << 20) : bytes
            listing = try SourceListing.read(xml, source: source, base: base)
        } catch {
            out.yield(.failure(error))
            return
        }
        switch listing {
        case .feed(_, let items), .sitemap(let items):
            var pages: [ListedPage] = []
            for item in items {
                switch item {
                case .success(let p): pages.append(p)
                case .failure(let e): out.yield(.failure(e))
                }
            }
            out.yield(.listing(source: source, pages: pages.count))
            let width = max(1, (fetcher?.policy.concurrency ?? 1) * 2)
            await withTaskGroup(of: Void.self) { group in
                var next = 0
                while next < pages.count && next < width {
                    let p = pages[next]; next += 1
                    group.addTask { await self.harvestPage(p, out) }
                }
                while await group.next() != nil, next < pages.count {
                    let p = pages[next]; next += 1
                    group.addTask { await self.harvestPage(p, out) }
                }
            }
        case .sitemapIndex(let maps):
            out.yield(.listing(source: source, pages: maps.count))
            guard depth < 3 else {
                out.yield(.failure(SourceError(source: source, message: "sitemap indexes nested more than 3 deep; the deeper ones are skipped")))
                return
            }
            for map in maps {
                if let since, let date = map.date, date < since {
                    out.yield(.skipped(url: map.url, reason: .older))
                    continue
                }
                guard let fetcher else { continue }
                do {
                    let r = try await fetcher.fetch(map.url)
                    guard r.succeeded else { out.yield(.failure(SourceError(source: map.url, message: "HTTP \(r.status)"))); continue }
                    await harvestListing(r.body, source: map.url, base: r.url, depth: depth + 1, out)
                } catch {
                    out.yield(.failure(error))
                }
            }
        }
    }

    // MARK: - Files

    func harvestFile(_ path: String, _ out: AsyncStream<HarvestEvent>.Continuation) async {
        do throws(SourceError) {
            let kind = try LocalArchive.kind(of: path)
            switch kind {
            case .listing:
                await harvestListing(try FileBytes.read(path), source: path, base: nil, depth: 0, out)
            case .page:
                archives.emitEntry(.success(BundleEntry(path: path, bytes: try FileBytes.read(path))), nil) { out.yield($0) }
            default:
                archives.read(path, kind: kind) { out.yield($0) }
            }
        } catch {
            out.yield(.failure(error))
        }
    }

    // MARK: - Memory

    func remember(_ url: String, status: Int, previous: FetchRecord?, response: FetchResponse? = nil, hash: String? = nil) {
        let record = FetchRecord(url: url, status: status, etag: response?.etag ?? previous?.etag,
                                 lastModified: response?.lastModified ?? previous?.lastModified,
                                 contentHash: hash ?? previous?.contentHash, fetchedAt: Self.now())
        try? log.save(record)
    }

    /// FNV-1a 64 of the body, in hex.
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h ^= UInt64(b); h = h &* 0x100000001b3 }
        return String(h, radix: 16)
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        return f.string(from: Date())
    }
}

// SourcesBenchmark: pages/s fetched from a local HTTP server (through ParleySources' polite fetcher, a feed
// listing every page) and documents/s read back from a .warc.gz of the same pages. See Benchmarks/README.md.

import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import ParleySources
import ParleyStore

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let v = Int(arguments[i + 1]), v > 0 else { return fallback }
    return v
}
let pageCount = option("--pages", 2000)
let concurrency = option("--concurrency", 8)
let warcCopies = option("--warc-copies", 10)

/// Release page `n`, invented for the benchmark, about 2.5 KB of HTML.
func page(_ n: Int) -> [UInt8] {
    let day = n % 28 + 1
    return Array("""
    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Foreign Minister receives visiting delegation (\(n))</title>
    <meta property="article:published_time" content="2025-05-\(day < 10 ? "0" : "")\(day)"></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/contact">Contact</a></nav><article><h1>Foreign Minister receives visiting delegation (\(n))</h1>
    <p>On \(day) May 2025, Foreign Minister Aldren Vesk met with a parliamentary delegation led by Ingrid Solvay, Deputy Speaker of \
    the National Assembly, who is visiting at the invitation of the Ministry (item \(n)).</p>
    <p>The two sides reviewed cooperation in trade, energy and education, and agreed to prepare the next session of the joint \
    commission before the end of the year. They also exchanged views on regional questions of common interest.</p>
    <p>Minister Vesk said that regular contacts between the two parliaments and governments had helped to solve practical \
    questions quickly, and thanked the delegation for its constructive approach.</p>
    <p>Deputy Speaker Solvay invited the Minister to visit her country at a convenient time; the invitation was accepted with thanks.</p>
    </article><footer>Ministry of Foreign Affairs. Press Office.</footer></body></html>
    """.utf8)
}

/// Serves /feed.xml (every page) and /news/N; everything else is 404 (so robots.txt allows all).
final class PageServer: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    static var feed: [UInt8] = []
    static var pages: [[UInt8]] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let head) = unwrapInboundIn(data) else { return }
        var status = HTTPResponseStatus.ok
        var type = "text/html; charset=utf-8"
        let body: [UInt8]
        if head.uri == "/feed.xml" {
            body = Self.feed
            type = "application/rss+xml"
        } else if head.uri.hasPrefix("/news/"), let n = Int(head.uri.dropFirst(6)), n < Self.pages.count {
            body = Self.pages[n]
        } else {
            status = .notFound
            body = []
        }
        let headers = HTTPHeaders([("Content-Type", type), ("Content-Length", "\(body.count)")])
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}

func seconds(since start: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
let channel = try ServerBootstrap(group: group)
    .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
    .childChannelInitializer { ch in ch.pipeline.configureHTTPServerPipeline().flatMap { ch.pipeline.addHandler(PageServer()) } }
    .bind(host: "127.0.0.1", port: 0).wait()
let base = "http://127.0.0.1:\(channel.localAddress!.port!)"
PageServer.pages = (0..<pageCount).map(page)
PageServer.feed = Array(("<rss version=\"2.0\"><channel><title>Benchmark</title>"
    + (0..<pageCount).map { "<item><title>Release \($0)</title><link>\(base)/news/\($0)</link></item>" }.joined()
    + "</channel></rss>").utf8)

// 1. Fetch: feed + every page, robots.txt checked, no per-host delay, `concurrency` requests in flight.
var policy = FetchPolicy()
policy.hostInterval = 0
policy.concurrency = concurrency
let fetcher = PoliteFetcher(policy: policy)
let harvester = SourceHarvester(fetcher: fetcher, log: TransientFetchLog())
let fetchStart = DispatchTime.now()
var fetched = 0, failed = 0
for await event in harvester.harvest([base + "/feed.xml"]) {
    switch event {
    case .document: fetched += 1
    case .failure(let e): failed += 1; FileHandle.standardError.write(Data("\(e)\n".utf8))
    default: break
    }
}
let fetchSeconds = seconds(since: fetchStart)
await fetcher.shutdown()
try await channel.close()
try await group.shutdownGracefully()

// 2. WARC: the same pages, `warcCopies` times over, one gzip member per record, read back into documents.
let warcPath = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(getpid()).warc.gz").path
var warc: [UInt8] = []
for copy in 0..<warcCopies {
    for (n, p) in PageServer.pages.enumerated() {
        warc += WARCWriter.gzip(WARCWriter.responseRecord(uri: "http://mfa.test/\(copy)/news/\(n)", date: "2025-06-01T08:00:00Z",
                                                          contentType: "text/html; charset=utf-8", body: p))
    }
}
try Data(warc).write(to: URL(fileURLWithPath: warcPath))
defer { try? FileManager.default.removeItem(atPath: warcPath) }
let warcStart = DispatchTime.now()
var fromWARC = 0
for await event in SourceHarvester(fetcher: nil, log: TransientFetchLog()).harvest([warcPath]) {
    if case .document = event { fromWARC += 1 }
}
let warcSeconds = seconds(since: warcStart)

print("SourcesBenchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores")
print(String(format: "fetch: %d pages (+ feed, robots.txt) in %.2f s = %.0f pages/s, %d failed, concurrency %d",
             fetched, fetchSeconds, Double(fetched) / fetchSeconds, failed, concurrency))
print(String(format: "warc:  %d documents from %.1f MB .warc.gz in %.2f s = %.0f documents/s (gunzip + WARC + HTML main text)",
             fromWARC, Double(warc.count) / 1_048_576, warcSeconds, Double(fromWARC) / warcSeconds))

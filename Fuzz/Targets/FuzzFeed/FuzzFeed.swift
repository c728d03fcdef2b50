import FuzzArchiveSupport
import FuzzSupport
import ParleySources

/// Reads arbitrary bytes as an RSS/Atom feed, sitemap or sitemap index, as `parley fetch` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        switch try SourceListing.read(fuzzBytes(data, size), source: "fuzz.xml", base: "https://mfa.example/news/") {
        case .feed(_, let items), .sitemap(let items):
            for item in items { if case .success(let page) = item { precondition(!page.url.isEmpty) } }
        case .sitemapIndex(let pages):
            for page in pages { precondition(!page.url.isEmpty) }
        }
    } catch {
        _ = error.description
    }
    return 0
}

/// The process entry point (SwiftPM links `main` to it): libFuzzer's driver over `fuzz`.
@_cdecl("FuzzFeed_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}

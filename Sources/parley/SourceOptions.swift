import ArgumentParser
import Foundation
import ParleyCore
import ParleySources

/// Options shared by `parley fetch` and `parley watch`: where documents go and how politely to fetch.
struct SourceOptions: ParsableArguments {
    @Flag(help: "Extract the documents and add them to the event database (--db).")
    var ingest = false

    @Option(help: ArgumentHelp("Save each new page (as UTF-8 .html/.txt) in this folder; without a database the fetch memory is kept there too.", valueName: "DIR"))
    var saveDir: String?

    @Option(help: ArgumentHelp("Skip feed items and sitemap pages dated before this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Flag(help: "Fetch pages fetched before again (conditionally), instead of skipping them.")
    var refresh = false

    @Option(help: "Requests in flight at once, over all hosts.")
    var concurrency = 4

    @Option(help: ArgumentHelp("Seconds between two requests to the same host (robots.txt Crawl-delay raises it).", valueName: "SECONDS"))
    var hostInterval: Double = 1

    @Option(help: ArgumentHelp("Seconds to wait for a server before giving up.", valueName: "SECONDS"))
    var timeout: Double = 30

    @Option(help: "Retries after 429, 5xx and connection errors (exponential backoff).")
    var retries = 3

    @Option(help: ArgumentHelp("Largest page read, in bytes.", valueName: "BYTES"))
    var maxBytes = 16 << 20

    @Option(help: "Documents per database transaction.")
    var batch = 50

    @Option(help: "Documents extracted in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let since, PartialDate(iso: since) == nil { throw ValidationError("--since must be a date like 2025-06-01, not '\(since)'") }
        guard concurrency >= 1 && concurrency <= 64 else { throw ValidationError("--concurrency must be between 1 and 64") }
        guard hostInterval >= 0 && hostInterval <= 3600 else { throw ValidationError("--host-interval must be between 0 and 3600 seconds") }
        guard timeout > 0 && timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
        guard retries >= 0 && retries <= 10 else { throw ValidationError("--retries must be between 0 and 10") }
        guard maxBytes >= 1024 else { throw ValidationError("--max-bytes must be at least 1024") }
        guard batch >= 1 && batch <= 10_000 else { throw ValidationError("--batch must be between 1 and 10000") }
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
    }

    var policy: FetchPolicy {
        var p = FetchPolicy()
        p.concurrency = concurrency
        p.hostInterval = hostInterval
        p.timeout = timeout
        p.retries = retries
        p.maximumBytes = maxBytes
        p.backoff = min(1, timeout / 4)
        return p
    }
}

import ArgumentParser
import Foundation

/// `parley fetch`: reads pages, feeds, sitemaps and archives into documents — printed as JSON Lines, saved, or ingested.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch pages, RSS/Atom feeds and sitemaps (URLs or files) and read WARC, ZIP and tar.gz archives.",
        discussion: """
            Fetching is polite: robots.txt is obeyed, requests to a host are spaced out, and what was fetched is \
            remembered (in the database with --ingest or --db, else in the --save-dir folder) so a second run fetches \
            only what is new. Without --ingest or --save-dir the documents are printed as JSON Lines, which \
            `parley ingest` and `parley extract` read.
            """)

    @Argument(help: ArgumentHelp("URLs of pages, feeds or sitemaps; files: feeds, sitemaps, .warc, .warc.gz, .zip, .tar.gz.", valueName: "URL|FEED|SITEMAP|FILE"))
    var sources: [String]

    @OptionGroup var options: SourceOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if sources.isEmpty { throw ValidationError("give at least one URL, feed, sitemap or archive") }
    }

    func run() async throws {
        let run = try SourceRun.open(options, store)
        let counts = await run.run(sources, label: "fetch")
        if counts.failures > 0 { throw ExitCode(1) }
    }
}

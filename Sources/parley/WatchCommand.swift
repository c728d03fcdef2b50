import ArgumentParser
import Foundation

/// `parley watch`: polls the feeds and sitemaps listed in a file and ingests what is new, for ever (or `--once`).
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Poll the feeds and sitemaps listed in a file and ingest new items; resumes where it stopped after a restart.",
        discussion: "SOURCES.txt holds one URL or file per line; blank lines and lines starting with # are ignored. "
            + "What was fetched is remembered in the database, so a restarted watch fetches only what is new.")

    @Argument(help: ArgumentHelp("A file listing feeds and sitemaps, one per line.", valueName: "SOURCES.txt"))
    var sourcesFile: String

    @Option(help: ArgumentHelp("Time between polls: a number with s, m, h or d (30m, 1h, 1d).", valueName: "INTERVAL"))
    var every = "1h"

    @Flag(help: "Poll once and stop.")
    var once = false

    @OptionGroup var options: SourceOptions
    @OptionGroup var store: StoreOptions

    /// Seconds in an interval like "90s", "30m", "1h", "1d" (a bare number is seconds).
    static func seconds(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        if let last = text.last, let unit = units[last], let n = Double(text.dropLast()), n > 0 { return n * unit }
        if let n = Double(text), n > 0 { return n }
        return nil
    }

    func validate() throws {
        guard Self.seconds(every) != nil else { throw ValidationError("--every must be like 30m, 1h or 1d, not '\(every)'") }
        guard FileManager.default.isReadableFile(atPath: sourcesFile) else { throw ValidationError("cannot read '\(sourcesFile)'") }
    }

    func sources() throws -> [String] {
        guard let data = FileManager.default.contents(atPath: sourcesFile) else { throw ValidationError("cannot read '\(sourcesFile)'") }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    func run() async throws {
        var opts = options
        if !opts.ingest && opts.saveDir == nil { opts.ingest = true }
        let run = try SourceRun.open(opts, store)
        let interval = Self.seconds(every)!
        while true {
            let list = try sources()   // re-read each time: sources can be added while watching
            if list.isEmpty { warn("\(sourcesFile) lists no sources") }
            _ = await run.run(list, label: "watch")
            if once { break }
            FileHandle.standardError.write(Data("watch: next poll in \(every)\n".utf8))
            try await Task.sleep(nanoseconds: UInt64(interval * 1e9))
        }
    }
}

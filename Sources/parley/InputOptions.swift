import ArgumentParser
import Foundation
import ParleyCore

/// Options shared by every command that reads releases.
struct InputOptions: ParsableArguments {
    @Argument(help: "Release files (.txt, .html, .htm, .jsonl), archives (.warc, .warc.gz, .zip, .tar.gz) or directories (read recursively). '-' or nothing reads standard input: a page, JSON Lines, or a WARC or tar(.gz) archive, streamed record by record; a ZIP is first copied to a temporary file in $TMPDIR (its directory is at its end).")
    var inputs: [String] = []

    @Option(name: .customLong("gazetteer"), help: ArgumentHelp("A TSV file of extra people, organizations, places, countries or titles (first column says which).", valueName: "FILE"))
    var gazetteers: [String] = []

    @Option(name: .customLong("jobs"), help: "Documents processed in parallel (default: the number of cores; for ingest, one less, the database writer has one).")
    var jobsOption: Int?

    /// Extraction threads.
    var jobs: Int { jobsOption ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Extraction threads beside a busy database writer thread.
    var jobsBesideWriter: Int { jobsOption ?? max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }

    func validate() throws {
        guard jobsOption.map({ $0 >= 1 && $0 <= 256 }) ?? true else { throw ValidationError("--jobs must be between 1 and 256") }
        for g in gazetteers where !FileManager.default.isReadableFile(atPath: g) {
            throw ValidationError("cannot read gazetteer file '\(g)'")
        }
        for i in inputs where i != "-" {
            var isDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: i, isDirectory: &isDir) {
                throw ValidationError("no such file or directory: '\(i)'")
            }
        }
        if inputs.isEmpty && isatty(0) != 0 {
            throw ValidationError("no input: give release files or directories, or pipe a release into standard input")
        }
    }

    /// The lexicons with the user's gazetteers added.
    func lexicons() throws -> Lexicons {
        var extra: [(name: String, text: String)] = []
        for g in gazetteers {
            guard let data = FileManager.default.contents(atPath: g), let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("gazetteer '\(g)' is not readable UTF-8 text")
            }
            extra.append((g, text))
        }
        do { return try Lexicons(extraGazetteers: extra) } catch { throw ValidationError("gazetteer: \(error)") }
    }
}

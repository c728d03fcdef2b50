import ArgumentParser
import Foundation
import ParleyCore

/// `parley text`: the main text the reader keeps of each input, so reading can be checked on its own.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print (or write) the main text Parley reads from each input.")

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write one <id>.txt per document into this directory.", valueName: "DIR"))
    var outputDir: String?

    func run() throws {
        try createOutputDirectory(outputDir)
        let (items, collectErrors) = InputCollector.collect(input.inputs)
        var failures = collectErrors.count
        for e in collectErrors { warn(e.description) }
        let progress = Progress(label: "text", total: items.count)
        let out = FileHandle.standardOutput
        var first = true
        DocumentPipeline(jobs: input.jobs).run(items, progress: progress, job: { $0 }) { result in
            switch result {
            case .failure(let e):
                failures += 1
                warn(e.description)
            case .success(let d):
                if let dir = outputDir {
                    do { try writeAtomically(Data((d.text + "\n").utf8), to: dir + "/" + d.id + ".txt") } catch {
                        failures += 1
                        warn("\(d.id): cannot write: \(error.localizedDescription)")
                    }
                } else {
                    if !first { out.write(Data("\n".utf8)) }
                    first = false
                    if items.count > 1 { out.write(Data("==> \(d.id) <==\n".utf8)) }
                    out.write(Data((d.text + "\n").utf8))
                }
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

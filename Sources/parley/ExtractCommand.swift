import ArgumentParser
import Foundation
import ParleyCore

/// `parley extract`: people, organizations and events of each release, as JSON.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract people, organizations and dated events from releases.",
        discussion: "Writes one <id>.json per document with --output-dir (id = the JSONL id or the file name without extension), otherwise JSON Lines on standard output.")

    /// Output formats of `extract`.
    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl, table }

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write one <id>.json per document into this directory.", valueName: "DIR"))
    var outputDir: String?

    @Option(help: "Output format on standard output: jsonl (default), json (one pretty array) or table.")
    var format: Format = .jsonl

    func validate() throws {
        if let dir = outputDir {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), !isDir.boolValue {
                throw ValidationError("--output-dir '\(dir)' exists and is not a directory")
            }
        }
    }

    func run() throws {
        let lexicons = try input.lexicons()
        let extractor = Extractor(lexicons: lexicons)
        try createOutputDirectory(outputDir)
        let (items, collectErrors) = InputCollector.collect(input.inputs)
        var failures = collectErrors.count
        for e in collectErrors { warn(e.description) }
        let progress = Progress(label: "extract", total: items.count)
        var written = 0
        var seenIDs: Set<String> = []
        var jsonArrayOpen = false
        let out = FileHandle.standardOutput
        let format = self.format
        let toFiles = outputDir != nil
        // Extraction and rendering both run on the worker threads; only writing is sequential.
        let render: @Sendable (Document) -> (id: String, data: Data) = { doc in
            let a = extractor.extract(doc)
            switch (toFiles, format) {
            case (true, _), (false, .json):
                return (a.id, Data(AnnotationJSONWriter(pretty: true).data(a)))
            case (false, .jsonl):
                var bytes = AnnotationJSONWriter(pretty: false).data(a)
                bytes.append(0x0A)
                return (a.id, Data(bytes))
            case (false, .table):
                return (a.id, Data(TableRenderer.render(a).utf8))
            }
        }
        DocumentPipeline(jobs: input.jobs).run(items, progress: progress, job: render) { result in
            switch result {
            case .failure(let e):
                failures += 1
                warn(e.description)
            case .success(let (id, data)):
                if let dir = outputDir {
                    if seenIDs.contains(id) { warn("\(id): another document has the same id; its \(id).json is replaced") }
                    seenIDs.insert(id)
                    do {
                        try writeAtomically(data, to: dir + "/" + id + ".json")
                        written += 1
                    } catch {
                        failures += 1
                        warn("\(id): cannot write \(dir)/\(id).json: \(error.localizedDescription)")
                    }
                    return
                }
                if format == .json {
                    out.write(Data((jsonArrayOpen ? ",\n" : "[\n").utf8))
                    jsonArrayOpen = true
                }
                out.write(data)
                written += 1
            }
        }
        if format == .json && outputDir == nil { out.write(Data((jsonArrayOpen ? "\n]\n" : "[]\n").utf8)) }
        if failures > 0 {
            warn("\(failures) input\(failures == 1 ? "" : "s") failed, \(written) document\(written == 1 ? "" : "s") extracted")
            throw ExitCode(1)
        }
    }
}

/// Renders an annotation as aligned text for people reading a terminal.
enum TableRenderer {
    static func render(_ a: DocumentAnnotation) -> String {
        var s = "== \(a.id)"
        if let t = a.title { s += ": \(t)" }
        s += "\n   published \(a.published ?? "-")"
        if let d = a.dateline { s += "   dateline \(d.place ?? "-") \(d.date ?? "")" }
        s += "\n"
        if !a.people.isEmpty {
            s += "   PEOPLE\n"
            for p in a.people {
                s += "   " + pad(p.name, 26) + pad(p.country ?? "-", 5) + (p.titles.first ?? "") + (p.organization.map { " — \($0)" } ?? "") + "\n"
            }
        }
        if !a.events.isEmpty {
            s += "   EVENTS\n"
            for e in a.events {
                s += "   " + pad(e.type, 9) + pad(e.date ?? "-", 12) + pad(e.place ?? "-", 12)
                s += (e.participants.isEmpty ? e.organizations : e.participants).joined(separator: ", ")
                s += e.reported ? "  (reported)" : ""
                s += "\n"
            }
        }
        if !a.planned.isEmpty {
            s += "   PLANNED\n"
            for e in a.planned { s += "   " + pad(e.type, 9) + pad(e.date ?? "-", 12) + e.participants.joined(separator: ", ") + "\n" }
        }
        return s + "\n"
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? String(s.prefix(n - 1)) + " " : s + String(repeating: " ", count: n - s.count)
    }
}

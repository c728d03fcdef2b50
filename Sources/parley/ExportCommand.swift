import ArgumentParser
import Foundation
import ParleyCore
import ParleyStore

/// `parley export`: the database in the shapes other tools read.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export events (CSV, one row per dyad; PLOVER JSON Lines; ICEWS tab-separated columns), the contact network (GEXF, GraphML) or per-document annotations (JSON with entity and event ids).")

    /// What to export.
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, gexf, graphml, annotations, plover, icews }

    @OptionGroup var store: StoreOptions
    @Option(help: "csv, gexf, graphml, annotations, plover (PLOVER JSON Lines) or icews (ICEWS columns, tab-separated).") var format: Format
    @Option(help: "Network nodes: people, organizations or countries.") var nodes: String = "people"
    @Option(help: "Only events of this channel: party, state, parliament, mixed or other (not for annotations).") var channel: String?
    @Option(help: "Only events with a side at this level: \(Lexicons.bundled.contactLevels.map(\.name).joined(separator: ", ")) (not for annotations).")
    var level: String?
    @Option(name: .customLong("output-dir"), help: ArgumentHelp("For annotations: write one <id>.json per document here.", valueName: "DIR"))
    var outputDir: String?

    func validate() throws {
        if format == .annotations && outputDir == nil { throw ValidationError("--format annotations needs --output-dir") }
        if Exporter.NodeKind(rawValue: nodes) == nil { throw ValidationError("--nodes is people, organizations or countries") }
        if format == .annotations && (channel != nil || level != nil) {
            throw ValidationError("--channel and --level choose events; --format annotations exports whole documents")
        }
        if let c = channel, ContactChannel(rawValue: c.lowercased()) == nil {
            throw ValidationError("unknown channel '\(c)': one of \(ContactChannel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let l = level, Lexicons.bundled.levelRank[l.lowercased()] == nil {
            throw ValidationError("unknown level '\(l)': one of \(Lexicons.bundled.contactLevels.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        let db = try withStore { try store.open(readOnly: true) }
        if format == .annotations {
            try createOutputDirectory(outputDir)
            let all = try withStore { try db.exportAnnotations() }
            for a in all { try writeAtomically(Data(AnnotationJSONWriter(pretty: true).data(a)), to: outputDir! + "/" + a.id + ".json") }
            warn("exported \(all.count) annotations to \(outputDir!)")
            return
        }
        var filter = EventFilter()
        filter.limit = 10_000_000
        filter.channel = channel?.lowercased(); filter.level = level?.lowercased()
        let events = try withStore { try db.events(filter) }
        let exporter = Exporter()
        let kind = Exporter.NodeKind(rawValue: nodes)!
        let text: String
        switch format {
        case .csv: text = exporter.dyadCSV(events)
        case .gexf: text = exporter.gexf(events, nodes: kind)
        case .graphml: text = exporter.graphML(events, nodes: kind)
        case .plover:
            let (lines, skipped) = exporter.plover(events)
            text = lines
            if skipped > 0 { warn("left out \(skipped) undated event\(skipped == 1 ? "" : "s") (PLOVER records need a date)") }
        case .icews:
            let (rows, skipped) = exporter.icews(events)
            text = rows
            if skipped > 0 { warn("left out \(skipped) event\(skipped == 1 ? "" : "s") without a complete date or two sides (ICEWS rows need both)") }
        case .annotations: return
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

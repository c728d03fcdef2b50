import ArgumentParser
import Foundation
import ParleyCore
import ParleyStore

/// `parley event`: one event with its sources and evidence (`--why`: how its reports were joined), and the
/// corrections people make to events (merge, split, set, reject), their log and undo.
struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "Show an event, or correct it (merge, split, set, reject; corrections, undo).",
        subcommands: [EventShowCommand.self, EventMergeCommand.self, EventSplitCommand.self, EventSetCommand.self, EventRejectCommand.self,
                      EventCorrectionsCommand.self, EventUndoCommand.self],
        defaultSubcommand: EventShowCommand.self)
}

/// An event id as users write it: `E12` or `12`.
struct EventID: ExpressibleByArgument {
    var value: Int64
    init?(argument: String) {
        let s = argument.hasPrefix("E") || argument.hasPrefix("e") ? String(argument.dropFirst()) : argument
        guard let n = Int64(s), n > 0 else { return nil }
        value = n
    }
}

/// `parley event ID [--why]`.
struct EventShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an event: its sources and their evidence.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The event (E12 or 12).") var id: EventID
    @Flag(help: "What each source says of the event and why the sources were joined, with the corrections that hold on it.") var why = false
    @Option(help: "table or json.") var format: QueryFormat = .table

    func run() throws {
        let review = try withStore { try store.open(readOnly: true).eventReview(id.value) }
        if format == .json { printJSON(review); return }
        let e = review.event
        print("E\(e.id)  \(e.date ?? "undated")  \(e.type)  \(e.place ?? "-")  channel \(e.channel ?? "-")")
        if !e.participants.isEmpty { print("  participants: " + e.participants.map { "\($0.name) (P\($0.id)\($0.country.map { ", " + $0 } ?? ""))" }.joined(separator: "; ")) }
        if !e.organizations.isEmpty { print("  organizations: " + e.organizations.map(\.name).joined(separator: "; ")) }
        if !e.countries.isEmpty { print("  countries: " + e.countries.joined(separator: ", ")) }
        if let c = e.cameo { print("  CAMEO \(c)  PLOVER \(e.plover ?? "-")\(e.ploverMode.map { " (\($0))" } ?? "")") }
        print("  sources:")
        for s in e.sources { print("    \(s.documentId) sentence \(s.sentence + 1): \"\(s.evidence)\"") }
        for d in e.disagreements ?? [] {
            print("  sources disagree on \(d.field)\(d.person.map { " of " + $0 } ?? ""): " + d.values.map { "\($0.value) (\($0.documentId))" }.joined(separator: " / "))
        }
        guard why else { return }
        print("  what each source says:")
        for r in review.reports {
            print("    \(r.documentId) (\(r.localId)): \(r.type) \(r.date ?? "undated")\(r.place.map { " in " + $0 } ?? "") — " + r.participants.joined(separator: ", "))
        }
        print(review.joins.isEmpty ? "  one source: nothing was joined" : "  why the sources are one event:")
        for j in review.joins { print("    " + j) }
        if !review.corrections.isEmpty {
            print("  corrections:")
            for c in review.corrections { print("    " + EventCorrectionsCommand.line(c)) }
        }
    }
}

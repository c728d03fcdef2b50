import ArgumentParser
import Foundation
import ParleyCore
import ParleyStore

/// What every correction command takes besides its arguments.
struct CorrectionOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Option(help: "Why: kept in the correction log.") var note: String?

    /// Records the correction and prints it.
    func record(_ request: EventCorrectionRequest) throws {
        var r = request
        r.note = note
        let c = try withStore { try store.open().correctEvent(r) }
        print(EventCorrectionsCommand.line(c))
    }
}

/// `parley event merge A B`.
struct EventMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Merge event A into event B (one happening); kept across ingests.")
    @OptionGroup var options: CorrectionOptions
    @Argument(help: "The event merged away (E12).") var a: EventID
    @Argument(help: "The event kept (E13).") var b: EventID

    func run() throws { try options.record(EventCorrectionRequest(kind: .merge, event: a.value, other: b.value)) }
}

/// `parley event split ID --source DOC`.
struct EventSplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "split", abstract: "Make a document's reports of an event an event of their own; kept across ingests.")
    @OptionGroup var options: CorrectionOptions
    @Argument(help: "The event (E12).") var id: EventID
    @Option(help: "The document (its id) whose reports are another happening.") var source: String

    func run() throws { try options.record(EventCorrectionRequest(kind: .split, event: id.value, document: source)) }
}

/// `parley event set ID [--type T] [--date D] [--place P] [--add-participant PERSON] [--remove-participant PERSON]`.
struct EventSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Correct an event's type, date, place or participants; kept across ingests.")
    @OptionGroup var options: CorrectionOptions
    @Argument(help: "The event (E12).") var id: EventID
    @Option(help: "Event type (\(EventType.allCases.map(\.rawValue).joined(separator: ", "))).") var type: String?
    @Option(help: "Date (YYYY, YYYY-MM or YYYY-MM-DD).") var date: String?
    @Option(help: "Place name.") var place: String?
    @Option(help: "A stored person (name or P12) who took part; repeat for several.") var addParticipant: [String] = []
    @Option(help: "A participant (name or P12) who did not take part; repeat for several.") var removeParticipant: [String] = []

    func validate() throws {
        if type == nil && date == nil && place == nil && addParticipant.isEmpty && removeParticipant.isEmpty {
            throw ValidationError("nothing to set: give --type, --date, --place, --add-participant or --remove-participant")
        }
        if let t = type, EventType(rawValue: t.uppercased()) == nil {
            throw ValidationError("unknown event type '\(t)': one of \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let d = date, d.count > 10 || PartialDate(iso: d) == nil { throw ValidationError("--date is YYYY, YYYY-MM or YYYY-MM-DD, not '\(d)'") }
    }

    func run() throws {
        let changes = EventChanges(type: type?.uppercased(), date: date, place: place, addParticipants: addParticipant, removeParticipants: removeParticipant)
        try options.record(EventCorrectionRequest(kind: .set, event: id.value, changes: changes))
    }
}

/// `parley event reject ID`.
struct EventRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Say an event is no event; kept across ingests.")
    @OptionGroup var options: CorrectionOptions
    @Argument(help: "The event (E12).") var id: EventID

    func run() throws { try options.record(EventCorrectionRequest(kind: .reject, event: id.value)) }
}

/// `parley event corrections`: the log.
struct EventCorrectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "corrections", abstract: "List the corrections of events, oldest first.")
    @OptionGroup var store: StoreOptions
    @Option(help: "table or json.") var format: QueryFormat = .table

    func run() throws {
        let log = try withStore { try store.open(readOnly: true).eventCorrections() }
        if format == .json { printJSON(log); return }
        if log.isEmpty { print("no corrections of events") }
        for c in log { print(Self.line(c)) }
    }

    /// "3  2026-12-07T14:00:00Z  set type=CALL [doc-a] -> E12  (note)", with "undone …" for an undone one.
    static func line(_ c: EventCorrection) -> String {
        let state = c.undoneAt.map { "undone \($0)" } ?? (c.event.map { "-> E\($0)" } ?? (c.kind == .reject ? "rejected" : "event not found"))
        return "\(c.id)  \(c.createdAt)  \(c.summary)  \(state)" + (c.note.map { "  (\($0))" } ?? "")
    }
}

/// `parley event undo N`.
struct EventUndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Undo correction N of the log: its events are rebuilt from their sources.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The correction's number (parley event corrections).") var number: Int64

    func run() throws {
        let c = try withStore { try store.open().undoEventCorrection(number) }
        print(EventCorrectionsCommand.line(c))
    }
}

import ArgumentParser

/// The `parley` command-line tool: turns diplomatic releases into people, organizations and events.
@main
struct ParleyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Turn diplomatic press releases into structured, source-backed event data.",
        subcommands: [ExtractCommand.self, TextCommand.self, EvaluateCommand.self, IngestCommand.self, EventsCommand.self,
                      PeopleCommand.self, PersonCommand.self, SearchCommand.self, StatsCommand.self, ExportCommand.self,
                      MergeCommand.self, SplitCommand.self, EventCommand.self, FetchCommand.self, WatchCommand.self, ServeCommand.self]
    )
}

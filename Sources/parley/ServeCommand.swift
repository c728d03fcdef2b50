import ArgumentParser
import Foundation
import Logging
import ParleyServer
import ParleyStore

/// `parley serve`: the JSON API and the web pages over the event database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the event database: web pages at /, the JSON API at /api/v1 (writes need PARLEY_TOKEN).")

    @OptionGroup var store: StoreOptions
    @Option(help: "The address to listen on (loopback unless told otherwise).") var host: String = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one).") var port: Int = 8080
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.") var logLevel: String = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level '\(logLevel)'") }
    }

    func run() async throws {
        let db = try withStore { try store.open() }
        guard let browsable = db as? any BrowsableStore else {
            warn("the database \(store.location) cannot be browsed")
            throw ExitCode(1)
        }
        var configuration = ServerConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
        configuration.host = host
        configuration.port = port
        var logger = Logger(label: "parley.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let app = try ParleyServer.application(store: browsable, configuration: configuration, logger: logger) { port in
            FileHandle.standardError.write(Data("parley: serving \(store.location) at http://\(host):\(port)/ (API at /api/v1)\n".utf8))
        }
        try await app.runService()
    }
}

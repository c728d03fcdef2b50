import ArgumentParser
import Foundation
import ParleyStore

/// Where the event database is: `--db PATH` or `--db postgres://user@host:port/database`, else `$PARLEY_DB`,
/// else `parley.sqlite` here.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The SQLite database file or a postgres://user@host:port/database URL (default: $PARLEY_DB or ./parley.sqlite).",
                                                     valueName: "PATH|URL"))
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["PARLEY_DB"] ?? "parley.sqlite" }

    /// The database as messages name it: the path, or the URL without its password.
    var location: String { PostgresLocation.isPostgresURL(path) ? PostgresLocation.redacted(path) : path }

    func validate() throws {
        if PostgresLocation.isPostgresURL(path) {
            do { _ = try PostgresLocation(url: path) } catch { throw ValidationError(error.description) }
        }
    }

    /// Opens the database, choosing the backend by the URL scheme: PostgreSQL for postgres:// URLs, else SQLite.
    func open(readOnly: Bool = false) throws -> any EventStore {
        if PostgresLocation.isPostgresURL(path) { return try PostgresEventStore(url: path, readOnly: readOnly) }
        return try SQLiteEventStore(path: path, readOnly: readOnly)
    }
}

/// Output formats of the query commands.
enum QueryFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

/// Runs a store operation, turning its errors into a one-line message and exit status 1.
func withStore<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as StoreError {
        warn(e.description)
        throw ExitCode(1)
    }
}

/// Prints values as JSON (pretty, sorted keys).
func printJSON<T: Encodable>(_ value: T) {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    if let d = try? e.encode(value) { FileHandle.standardOutput.write(d); print() }
}

/// A CSV field, quoted when needed.
func csv(_ s: String?) -> String {
    guard let s else { return "" }
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) { return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    return s
}

import Foundation
import PostgresNIO

/// The PostgreSQL store's one connection, used synchronously: each query is sent through postgres-nio and the
/// calling thread waits for its rows. Waiting on the query's `EventLoopFuture` needs only postgres-nio's own
/// event-loop threads, never Swift's cooperative pool, so a caller blocking here (a test, a command, a server
/// handler) cannot starve the work it waits for.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    let location: PostgresLocation

    /// Opens a connection; any failure to reach or log in to the server is `StoreError.unreachable`.
    static func connect(_ location: PostgresLocation) throws(StoreError) -> PostgresSession {
        var logger = Logger(label: "parley.postgres")
        logger.logLevel = .critical
        do {
            let tls: PostgresConnection.Configuration.TLS
            switch location.sslMode {
            case "require": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case "prefer": tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            default: tls = .disable
            }
            var configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                                 password: location.password, database: location.database, tls: tls)
            configuration.options.connectTimeout = .seconds(10)
            let connection = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration,
                                                            id: 1, logger: logger).wait()
            return PostgresSession(connection: connection, logger: logger, location: location)
        } catch {
            throw .unreachable(location: location.description, reason: reason(error))
        }
    }

    /// Closes the connection without waiting; the connection lives until the close has completed.
    func close() {
        let connection = self.connection
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    // MARK: Queries

    /// Runs a query and returns all its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        do {
            return try connection.query(query, logger: logger).wait().rows
        } catch {
            throw translate(error)
        }
    }

    func execute(_ query: PostgresQuery) throws {
        try rows(query)
    }

    /// The first column of the first row, if any row.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? {
        guard let row = try rows(query).first else { return nil }
        return try column(row, T.self)
    }

    /// The first column of every row.
    func values<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> [T] {
        try rows(query).map { try column($0, T.self) }
    }

    /// Whether the query returns a row.
    func exists(_ query: PostgresQuery) throws -> Bool {
        try !rows(query).isEmpty
    }

    /// A row's first column.
    func column<T: PostgresDecodable>(_ row: PostgresRow, _ type: T.Type) throws -> T {
        do { return try row.decode(T.self) } catch { throw translate(error) }
    }

    func decode<each Column: PostgresDecodable>(_ row: PostgresRow, _ type: (repeat each Column).Type) throws -> (repeat each Column) {
        do { return try row.decode(type) } catch { throw translate(error) }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    // MARK: Errors

    /// A postgres-nio error as the store's typed error, naming the database (never its password).
    func translate(_ error: any Error) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? PSQLError {
            switch e.code {
            case .server:
                let state = e.serverInfo?[.sqlState]
                if state == "25006" { return .readOnly(path: location.description) }
                var message = e.serverInfo?[.message] ?? "server error"
                if let detail = e.serverInfo?[.detail] { message += " (\(detail))" }
                return .underlying(path: location.description, message: message)
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return .unreachable(location: location.description, reason: Self.reason(e))
            default:
                return .underlying(path: location.description, message: String(reflecting: e))
            }
        }
        return .underlying(path: location.description, message: String(reflecting: error))
    }

    /// A short reason for a failed connection: the server's message, else the socket error.
    static func reason(_ error: any Error) -> String {
        guard let e = error as? PSQLError else { return "\(error)" }
        if let message = e.serverInfo?[.message] { return message }
        if let underlying = e.underlying {
            let text = "\(underlying)"
            if text.localizedCaseInsensitiveContains("refused") { return "connection refused" }
            if text.localizedCaseInsensitiveContains("timeout") || text.localizedCaseInsensitiveContains("timed out") { return "connection timed out" }
            return text
        }
        switch e.code {
        case .serverClosedConnection: return "the server closed the connection"
        case .clientClosedConnection: return "the connection was closed"
        default: return "\(e.code)"
        }
    }
}

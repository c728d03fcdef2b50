import NIOCore
import PostgresNIO

/// A column of text values, some of them NULL, bound as one `text[]` parameter: multi-row statements send each
/// column as an array and read the rows back with `unnest`, so a whole batch of rows costs one round trip.
/// (postgres-nio's own arrays take no NULL elements.)
struct TextColumn: PostgresThrowingDynamicTypeEncodable {
    var values: [String?] = []

    init(_ values: [String?] = []) { self.values = values }

    var psqlType: PostgresDataType { .textArray }
    var psqlFormat: PostgresFormat { .binary }

    mutating func append(_ value: String?) { values.append(value) }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) throws {
        BinaryArray.encode(values, elementType: PostgresDataType.text.rawValue, into: &buffer) { value, buffer in
            buffer.writeInteger(Int32(value.utf8.count))
            buffer.writeString(value)
        }
    }
}

extension PostgresSession {
    /// Sends one statement whose parameters `$1…$n` are the given columns (arrays of equal length) without waiting for
    /// its answer (nil, and nothing sent, for no rows). Statements on one connection run in the order sent, so writes
    /// that need no answer go one after another with no wait of the caller between them; `wait(_:)` then throws the
    /// first failure.
    func send(_ sql: String, rows: Int, _ columns: [any PostgresThrowingDynamicTypeEncodable]) throws -> EventLoopFuture<PostgresQueryResult>? {
        guard rows > 0 else { return nil }
        return connection.query(PostgresQuery(unsafeSQL: sql, binds: try bindings(columns)), logger: logger)
    }

    /// Waits for statements sent with `send`, in order, throwing the first failure.
    func wait(_ sent: [EventLoopFuture<PostgresQueryResult>]) throws {
        for statement in sent {
            do { _ = try statement.wait() } catch { throw translate(error) }
        }
    }

    /// Runs one query with the given parameters and returns its rows.
    @discardableResult
    func rows(_ sql: String, _ parameters: [any PostgresThrowingDynamicTypeEncodable]) throws -> [PostgresRow] {
        try rows(PostgresQuery(unsafeSQL: sql, binds: try bindings(parameters)))
    }

    func bindings(_ parameters: [any PostgresThrowingDynamicTypeEncodable]) throws -> PostgresBindings {
        var binds = PostgresBindings(capacity: parameters.count)
        do {
            for p in parameters { try binds.append(p) }
        } catch {
            throw translate(error)
        }
        return binds
    }
}

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
    /// Runs one statement whose parameters `$1…$n` are the given columns (arrays of equal length); does nothing for
    /// no rows.
    func run(_ sql: String, rows: Int, _ columns: [any PostgresThrowingDynamicTypeEncodable]) throws {
        guard rows > 0 else { return }
        try self.rows(sql, columns)
    }

    /// Runs one query with the given parameters and returns its rows.
    @discardableResult
    func rows(_ sql: String, _ parameters: [any PostgresThrowingDynamicTypeEncodable]) throws -> [PostgresRow] {
        var binds = PostgresBindings(capacity: parameters.count)
        do {
            for p in parameters { try binds.append(p) }
        } catch {
            throw translate(error)
        }
        return try rows(PostgresQuery(unsafeSQL: sql, binds: binds))
    }
}

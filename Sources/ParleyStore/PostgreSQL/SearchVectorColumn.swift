import NIOCore
import PostgresNIO

/// A column of `tsvector` values in PostgreSQL's binary form, some of them NULL, bound as one `tsvector[]` parameter.
struct SearchVectorColumn: PostgresThrowingDynamicTypeEncodable {
    var values: [ByteBuffer?]

    var psqlType: PostgresDataType { PostgresDataType(3643) }
    var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) throws {
        BinaryArray.encode(values, elementType: 3614, into: &buffer) { value, buffer in
            buffer.writeInteger(Int32(value.readableBytes))
            var copy = value
            buffer.writeBuffer(&copy)
        }
    }
}

import NIOCore

/// PostgreSQL's binary form of a one-dimensional array whose elements may be NULL.
enum BinaryArray {
    /// Dimensions, has-nulls flag, element type, then length and lower bound, then each element (`element` writes a
    /// present one with its length; a NULL is length -1).
    static func encode<T>(_ values: [T?], elementType: UInt32, into buffer: inout ByteBuffer, element: (T, inout ByteBuffer) -> Void) {
        buffer.writeInteger(values.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(1, as: Int32.self)
        buffer.writeInteger(elementType)
        guard !values.isEmpty else { return }
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(1, as: Int32.self)
        for value in values {
            if let value { element(value, &buffer) } else { buffer.writeInteger(-1, as: Int32.self) }
        }
    }
}

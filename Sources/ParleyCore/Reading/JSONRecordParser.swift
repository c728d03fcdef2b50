/// Reads one JSON Lines record — a JSON object — into the string fields Parley knows, straight from
/// its UTF-8 bytes. Foundation's JSONDecoder took a fifth of the time of reading a crawl of web pages
/// (decoding every field into a generic tree first); this reads each known string once and skips the rest.
///
/// Follows RFC 8259: any whitespace between tokens, escapes including `\uXXXX` surrogate pairs, and
/// values of other fields of any type (skipped). A known field must be a string or `null`.
struct JSONRecordParser {
    enum Failure: Error, Equatable {
        /// Not JSON, or not an object.
        case malformed
        /// A known field holds something other than a string or null.
        case wrongType(String)
    }

    /// The object's string fields among `keys` (absent or null ones are missing from the result).
    static func parse(_ bytes: ArraySlice<UInt8>, keys: Set<String>) throws(Failure) -> [String: String] {
        var p = Cursor(bytes: bytes)
        var fields: [String: String] = [:]
        p.skipSpace()
        guard p.take(0x7B) else { throw .malformed }          // {
        p.skipSpace()
        if p.take(0x7D) { return try p.end(fields) }           // {}
        while true {
            p.skipSpace()
            guard p.peek == 0x22 else { throw .malformed }
            let key = try p.string()
            p.skipSpace()
            guard p.take(0x3A) else { throw .malformed }       // :
            p.skipSpace()
            if keys.contains(key) {
                if p.peek == 0x22 { fields[key] = try p.string() }
                else if p.literal("null") { fields[key] = nil }
                else { throw .wrongType(key) }
            } else {
                try p.skipValue(depth: 0)
            }
            p.skipSpace()
            if p.take(0x2C) { continue }                        // ,
            guard p.take(0x7D) else { throw .malformed }       // }
            return try p.end(fields)
        }
    }

    struct Cursor {
        let bytes: ArraySlice<UInt8>
        var i: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            i = bytes.startIndex
        }

        var peek: UInt8? { i < bytes.endIndex ? bytes[i] : nil }

        mutating func take(_ b: UInt8) -> Bool {
            guard i < bytes.endIndex, bytes[i] == b else { return false }
            i += 1
            return true
        }

        mutating func skipSpace() {
            while i < bytes.endIndex, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard bytes.endIndex - i >= n else { return false }
            let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
            for k in 0..<n where bytes[i + k] != w[k] { return false }
            i += n
            return true
        }

        func end(_ fields: [String: String]) throws(Failure) -> [String: String] {
            var c = self
            c.skipSpace()
            guard c.i == bytes.endIndex else { throw .malformed }
            return fields
        }

        /// A string starting at the opening quote; escapes decoded.
        mutating func string() throws(Failure) -> String {
            i += 1
            var out: [UInt8] = []
            var run = i
            while i < bytes.endIndex {
                let b = bytes[i]
                if b == 0x22 {
                    out.append(contentsOf: bytes[run..<i])
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { throw .malformed }
                if b != 0x5C { i += 1; continue }
                out.append(contentsOf: bytes[run..<i])
                i += 1
                guard i < bytes.endIndex else { throw .malformed }
                switch bytes[i] {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x2F: out.append(0x2F)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var scalar = try hex4(at: i + 1)
                    i += 4
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A high surrogate needs its low half: "\ud83d\ude00".
                        guard i + 6 < bytes.endIndex, bytes[i + 1] == 0x5C, bytes[i + 2] == 0x75 else { throw .malformed }
                        let low = try hex4(at: i + 3)
                        guard (0xDC00...0xDFFF).contains(low) else { throw .malformed }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw .malformed
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw .malformed }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw .malformed
                }
                i += 1
                run = i
            }
            throw .malformed
        }

        func hex4(at k: Int) throws(Failure) -> UInt32 {
            guard bytes.endIndex - k >= 4 else { throw .malformed }
            var v: UInt32 = 0
            for j in k..<(k + 4) {
                let b = bytes[j]
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x41...0x46: d = UInt32(b - 0x41 + 10)
                case 0x61...0x66: d = UInt32(b - 0x61 + 10)
                default: throw .malformed
                }
                v = v << 4 | d
            }
            return v
        }

        /// Skips any value: a string, number, literal, array or object (nested at most 512 deep).
        mutating func skipValue(depth: Int) throws(Failure) {
            guard depth < 512, let b = peek else { throw .malformed }
            switch b {
            case 0x22: _ = try string()
            case 0x7B, 0x5B:
                let close: UInt8 = b == 0x7B ? 0x7D : 0x5D
                i += 1
                skipSpace()
                if take(close) { return }
                while true {
                    skipSpace()
                    if b == 0x7B {
                        guard peek == 0x22 else { throw .malformed }
                        _ = try string()
                        skipSpace()
                        guard take(0x3A) else { throw .malformed }
                        skipSpace()
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if take(0x2C) { continue }
                    guard take(close) else { throw .malformed }
                    return
                }
            default:
                if literal("true") || literal("false") || literal("null") { return }
                // A number: sign, digits, fraction, exponent.
                let start = i
                while i < bytes.endIndex, [0x2B, 0x2D, 0x2E, 0x45, 0x65].contains(bytes[i]) || (0x30...0x39).contains(bytes[i]) { i += 1 }
                guard i > start else { throw .malformed }
            }
        }
    }
}

/// Why a byte buffer could not be turned into text.
public enum TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Zero bytes, or nothing but whitespace.
    case empty
    /// The bytes look like a binary file: a known magic number (PDF, PNG, ZIP, …),
    /// NUL bytes, or a high share of control bytes in the first 4 KB.
    case binary
    /// The bytes are not valid UTF-8; `byteOffset` is the first offending byte.
    case invalidUTF8(byteOffset: Int)
    /// The declared encoding is not one this decoder knows.
    case unsupportedEncoding(String)

    public var description: String {
        switch self {
        case .empty: return "empty or whitespace-only input"
        case .binary: return "binary data, not text"
        case .invalidUTF8(let offset): return "invalid UTF-8 at byte \(offset)"
        case .unsupportedEncoding(let name): return "unsupported encoding \"\(name)\""
        }
    }
}

/// Turns raw bytes into a Swift String.
public enum TextDecoding {
    /// Decodes `bytes` as text.
    ///
    /// Strips a UTF-8 BOM and decodes UTF-16 with a BOM. With `declaredEncoding`
    /// (e.g. "windows-1252", "iso-8859-1", "latin1", "utf-8", "cp1252") converts
    /// from it; the Latin-1 and ASCII labels are read as windows-1252, as browsers do.
    /// Otherwise the bytes must be valid UTF-8. CRLF and lone CR become LF.
    public static func decode(_ bytes: [UInt8], declaredEncoding: String? = nil) throws(TextDecodingError) -> String {
        if bytes.isEmpty { throw .empty }
        if let utf16 = utf16ByteOrder(ofBOMIn: bytes) {
            return try decodeUTF16(bytes, from: 2, bigEndian: utf16)
        }
        if looksBinary(bytes) { throw .binary }
        let start = hasUTF8BOM(bytes) ? 3 : 0
        if isWhitespaceOnly(bytes, from: start) { throw .empty }

        let encoding: KnownEncoding
        if let declared = declaredEncoding {
            guard let known = KnownEncoding(label: declared) else { throw .unsupportedEncoding(declared) }
            encoding = known
        } else {
            encoding = .utf8
        }
        switch encoding {
        case .utf8:
            if let offset = firstInvalidUTF8Offset(bytes, from: start) { throw .invalidUTF8(byteOffset: offset) }
            return makeString(utf8: bytes, from: start)
        case .windows1252:
            return decodeWindows1252(bytes, from: start)
        case .utf16LE:
            return try decodeUTF16(bytes, from: 0, bigEndian: false)
        case .utf16BE:
            return try decodeUTF16(bytes, from: 0, bigEndian: true)
        }
    }

    // MARK: - Encodings

    /// The encodings this decoder converts from.
    enum KnownEncoding: Equatable, Sendable {
        case utf8, windows1252, utf16LE, utf16BE

        /// Maps an encoding label (case and surrounding quotes/spaces ignored) to an encoding.
        init?(label: String) {
            var cleaned = ""
            for scalar in label.unicodeScalars where !(scalar == " " || scalar == "\"" || scalar == "'" || scalar == "\t") {
                cleaned.unicodeScalars.append(scalar)
            }
            switch cleaned.lowercased() {
            case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
                self = .utf8
            case "windows-1252", "cp1252", "x-cp1252", "win-1252", "windows1252",
                 "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-ir-100", "latin1", "latin-1", "l1",
                 "cp819", "ibm819", "us-ascii", "ascii", "ansi_x3.4-1968":
                self = .windows1252
            case "utf-16le", "utf16le", "utf-16", "utf16", "unicode":
                self = .utf16LE
            case "utf-16be", "utf16be":
                self = .utf16BE
            default:
                return nil
            }
        }

        /// The name libxml2 uses for this encoding.
        var libxmlName: String {
            switch self {
            case .utf8: return "UTF-8"
            case .windows1252: return "windows-1252"
            case .utf16LE: return "UTF-16LE"
            case .utf16BE: return "UTF-16BE"
            }
        }
    }

    // MARK: - Sniffing helpers (shared with the HTML reader)

    /// `true` for a UTF-8 byte order mark at the start.
    static func hasUTF8BOM(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// `true` when big-endian, `false` when little-endian, `nil` when there is no UTF-16 BOM.
    static func utf16ByteOrder(ofBOMIn bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return false }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return true }
        return nil
    }

    /// `true` when nothing from `start` on is other than ASCII whitespace.
    static func isWhitespaceOnly(_ bytes: [UInt8], from start: Int) -> Bool {
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B: i += 1
            default: return false
            }
        }
        return true
    }

    /// Known binary magic numbers, NUL bytes, or more than 10% control bytes in the first 4 KB.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        for magic in binaryMagicNumbers where bytes.count >= magic.count {
            var same = true
            for k in 0..<magic.count where bytes[k] != magic[k] { same = false; break }
            if same { return true }
        }
        let limit = min(bytes.count, 4096)
        var controls = 0
        for i in 0..<limit {
            let b = bytes[i]
            if b == 0 { return true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x0B { controls += 1 }
            else if b == 0x7F { controls += 1 }
        }
        return controls * 10 > limit
    }

    /// File signatures that never start a text file.
    private static let binaryMagicNumbers: [[UInt8]] = [
        [0x25, 0x50, 0x44, 0x46, 0x2D],             // %PDF-
        [0x89, 0x50, 0x4E, 0x47],                   // PNG
        [0x50, 0x4B, 0x03, 0x04],                   // ZIP, DOCX, EPUB
        [0x47, 0x49, 0x46, 0x38],                   // GIF8
        [0xFF, 0xD8, 0xFF],                         // JPEG
        [0x1F, 0x8B],                               // gzip
        [0x7F, 0x45, 0x4C, 0x46],                   // ELF
        [0xD0, 0xCF, 0x11, 0xE0],                   // OLE (old .doc/.xls)
        [0x52, 0x61, 0x72, 0x21],                   // RAR
        [0x37, 0x7A, 0xBC, 0xAF],                   // 7z
    ]

    /// Offset of the first byte of the first ill-formed UTF-8 sequence, or `nil` when valid.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buf -> Int? in
            let n = buf.count
            var i = start
            while i < n {
                // Fast path: eight ASCII bytes at a time.
                if i + 8 <= n {
                    let word = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                }
                let b0 = buf[i]
                if b0 < 0x80 { i += 1; continue }
                var need = 0
                var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                switch b0 {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; lo = 0xA0
                case 0xE1...0xEC, 0xEE, 0xEF: need = 2
                case 0xED: need = 2; hi = 0x9F
                case 0xF0: need = 3; lo = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; hi = 0x8F
                default: return i
                }
                if i + need >= n { return i }  // truncated sequence
                let b1 = buf[i + 1]
                if b1 < lo || b1 > hi { return i }
                var k = 2
                while k <= need {
                    let b = buf[i + k]
                    if b < 0x80 || b > 0xBF { return i }
                    k += 1
                }
                i += need + 1
            }
            return nil
        }
    }

    /// Builds a String from valid UTF-8, normalising CRLF/CR to LF.
    static func makeString(utf8 bytes: [UInt8], from start: Int) -> String {
        var hasCR = false
        var i = start
        while i < bytes.count { if bytes[i] == 0x0D { hasCR = true; break }; i += 1 }
        if !hasCR {
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self) }
        }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count - start)
        appendNormalisingNewlines(bytes, from: start, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendNormalisingNewlines(_ bytes: [UInt8], from start: Int, to out: inout [UInt8]) {
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
    }

    /// Unicode scalars for windows-1252 bytes 0x80–0x9F (undefined bytes map to the C1 control of the same value).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Decodes windows-1252 bytes, normalising CRLF/CR to LF.
    static func decodeWindows1252(_ bytes: [UInt8], from start: Int) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count - start) + (bytes.count - start) / 8)
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0D {
                    out.append(0x0A)
                    if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                } else {
                    out.append(b)
                }
            } else {
                let scalar = b < 0xA0 ? windows1252High[Int(b) - 0x80] : UInt32(b)
                appendUTF8(scalar, to: &out)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Decodes UTF-16 code units starting at `start`; unpaired surrogates become U+FFFD.
    private static func decodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool) throws(TextDecodingError) -> String {
        var units = [UInt16]()
        units.reserveCapacity((bytes.count - start) / 2)
        var i = start
        var previousCR = false
        while i + 1 < bytes.count {
            let unit = bigEndian
                ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
                : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
            i += 2
            if unit == 0x0D { units.append(0x0A); previousCR = true; continue }
            if unit == 0x0A && previousCR { previousCR = false; continue }
            previousCR = false
            units.append(unit)
        }
        let text = String(decoding: units, as: UTF16.self)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw .empty }
        return text
    }
}

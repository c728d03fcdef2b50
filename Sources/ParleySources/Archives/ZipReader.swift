import CZlib

/// Reads the files of a ZIP archive held in memory through its central directory (stored and deflate
/// entries). A damaged entry yields an error naming it and the other entries are still read.
public struct ZipReader {
    let bytes: [UInt8]
    let name: String
    var entries: [(path: String, method: Int, compressed: Int, size: Int, localOffset: Int)] = []
    var index = 0
    var directoryError: SourceError?
    /// Entries larger than this are skipped with an error.
    public var maximumEntryBytes = 64 << 20
    /// Only entries for which this returns true are decompressed.
    public var wants: (String) -> Bool = { _ in true }

    public init(_ bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
        do throws(SourceError) { try readDirectory() } catch { directoryError = error }
    }

    /// True when `bytes` start with a ZIP local file header.
    public static func isZip(_ bytes: some Collection<UInt8>) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

    mutating func readDirectory() throws(SourceError) {
        var end = -1
        var i = bytes.count - 22
        while i >= max(0, bytes.count - 22 - 65535) {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { end = i; break }
            i -= 1
        }
        guard end >= 0 else { throw SourceError(source: name, message: "not a ZIP archive, or truncated (no end of central directory)") }
        let count = u16(end + 10)
        var p = u32(end + 16)
        if count == 0xFFFF || p == 0xFFFF_FFFF { throw SourceError(source: name, message: "ZIP64 archives are not supported; unpack it first") }
        for n in 0..<count {
            guard p + 46 <= bytes.count, u32(p) == 0x0201_4B50 else {
                throw SourceError(source: name, record: "central directory entry \(n + 1)", message: "damaged central directory")
            }
            let nameLength = u16(p + 28), extra = u16(p + 30), comment = u16(p + 32)
            guard p + 46 + nameLength <= bytes.count else { throw SourceError(source: name, record: "central directory entry \(n + 1)", message: "damaged central directory") }
            let path = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            entries.append((path, u16(p + 10), u32(p + 20), u32(p + 24), u32(p + 42)))
            p += 46 + nameLength + extra + comment
        }
    }

    /// The next wanted file, an error, or nil at the end.
    public mutating func next() -> Result<BundleEntry, SourceError>? {
        if let e = directoryError { directoryError = nil; index = entries.count; return .failure(e) }
        while index < entries.count {
            let e = entries[index]
            index += 1
            if e.path.hasSuffix("/") || !wants(e.path) { continue }
            let label = "entry \(e.path)"
            if e.size > maximumEntryBytes {
                return .failure(SourceError(source: name, record: label, message: "\(e.size >> 20) MB is over the \(maximumEntryBytes >> 20) MB limit; skipped"))
            }
            let h = e.localOffset
            guard h + 30 <= bytes.count, u32(h) == 0x0403_4B50 else {
                return .failure(SourceError(source: name, record: label, message: "damaged local header"))
            }
            let start = h + 30 + u16(h + 26) + u16(h + 28)
            guard start + e.compressed <= bytes.count else {
                return .failure(SourceError(source: name, record: label, message: "the archive ends inside this entry (truncated?)"))
            }
            let data = Array(bytes[start..<(start + e.compressed)])
            switch e.method {
            case 0: return .success(BundleEntry(path: e.path, bytes: data))
            case 8:
                guard let out = Self.inflateRaw(data, size: e.size) else {
                    return .failure(SourceError(source: name, record: label, message: "corrupt deflate data"))
                }
                return .success(BundleEntry(path: e.path, bytes: out))
            default:
                return .failure(SourceError(source: name, record: label, message: "compression method \(e.method) is not supported (only stored and deflate)"))
            }
        }
        return nil
    }

    static func inflateRaw(_ data: [UInt8], size: Int) -> [UInt8]? {
        if size == 0 || data.isEmpty { return size == 0 ? [] : nil }
        guard let inflater = Inflater(windowBits: -15) else { return nil }
        var input = data
        var output = [UInt8](repeating: 0, count: max(size, 1))
        let (status, _, produced) = input.withUnsafeMutableBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in
                inflater.inflate(i.baseAddress!, i.count, o.baseAddress!, o.count)
            }
        }
        guard status == Z_STREAM_END || (status == Z_OK && produced == size) else { return nil }
        return Array(output[0..<produced])
    }
}

/// Reads the regular files of a tar archive (ustar, GNU long names, pax `path`) one at a time from a stream,
/// so a `.tar.gz` is never held in memory whole. A bad header yields an error naming its byte offset and ends
/// the archive (tar has no way to find the next header).
public struct TarReader<Source: ChunkSource> {
    var reader: ByteReader<Source>
    let name: String
    var done = false
    /// Entries larger than this are skipped with an error.
    public var maximumEntryBytes = 64 << 20
    /// Only entries for which this returns true are read into memory; the others are skipped.
    public var wants: (String) -> Bool = { _ in true }

    public init(_ source: Source, name: String) {
        reader = ByteReader(source)
        self.name = name
    }

    /// The next wanted regular file, an error, or nil at the end.
    public mutating func next() -> Result<BundleEntry, SourceError>? {
        var longName: String?
        while !done {
            do throws(SourceError) {
                let at = reader.offset
                let header = try reader.read(512)
                if header.isEmpty { done = true; return nil }
                if header.count < 512 { done = true; return .failure(SourceError(source: name, record: "header at byte \(at)", message: "the archive ends inside a header (truncated?)")) }
                if header.allSatisfy({ $0 == 0 }) { done = true; return nil }
                guard Self.checksumMatches(header) else {
                    done = true
                    return .failure(SourceError(source: name, record: "header at byte \(at)", message: "not a valid tar header (bad checksum); the rest of the archive is skipped"))
                }
                guard let size = Self.octal(header[124..<136]) else {
                    done = true
                    return .failure(SourceError(source: name, record: "header at byte \(at)", message: "bad size field"))
                }
                let padded = (size + 511) / 512 * 512
                let type = header[156]
                let hadLongName = longName != nil
                var path = longName ?? Self.string(header[0..<100])
                longName = nil
                if !hadLongName, header[257..<262].elementsEqual(Array("ustar".utf8)) {
                    let prefix = Self.string(header[345..<500])
                    if !prefix.isEmpty { path = prefix + "/" + path }
                }
                switch type {
                case UInt8(ascii: "L"), UInt8(ascii: "x"):
                    let data = try reader.read(size)
                    if data.count < size { throw truncated(path) }
                    try reader.skip(padded - size)
                    longName = type == UInt8(ascii: "L") ? Self.string(data[...]) : Self.paxPath(data)
                    continue
                case 0, UInt8(ascii: "0"), UInt8(ascii: "7"):
                    if !wants(path) || size > maximumEntryBytes {
                        if try reader.skip(padded) < padded { throw truncated(path) }
                        if size > maximumEntryBytes {
                            return .failure(SourceError(source: name, record: "entry \(path)", message: "\(size >> 20) MB is over the \(maximumEntryBytes >> 20) MB limit; skipped"))
                        }
                        continue
                    }
                    let data = try reader.read(size)
                    if data.count < size { throw truncated(path) }
                    try reader.skip(padded - size)
                    return .success(BundleEntry(path: path, bytes: data))
                default:
                    if try reader.skip(padded) < padded { throw truncated(path) }
                }
            } catch {
                done = true
                return .failure(error)
            }
        }
        return nil
    }

    func truncated(_ path: String) -> SourceError {
        SourceError(source: name, record: "entry \(path)", message: "the archive ends inside this entry (truncated?)")
    }

    static func string(_ field: ArraySlice<UInt8>) -> String {
        let end = field.firstIndex(of: 0) ?? field.endIndex
        return String(decoding: field[field.startIndex..<end], as: UTF8.self)
    }

    static func octal(_ field: ArraySlice<UInt8>) -> Int? {
        var value = 0
        var seen = false
        for b in field {
            if b == 0 || b == 0x20 { if seen { break } else { continue } }
            guard b >= 0x30 && b <= 0x37 else { return nil }
            value = value * 8 + Int(b - 0x30)
            seen = true
        }
        return value
    }

    static func checksumMatches(_ header: [UInt8]) -> Bool {
        guard let stored = octal(header[148..<156]) else { return false }
        var sum = 0
        for (i, b) in header.enumerated() { sum += (148..<156).contains(i) ? 0x20 : Int(b) }
        return sum == stored
    }

    /// The `path` record of a pax extended header (`NN path=value\n` lines).
    static func paxPath(_ data: [UInt8]) -> String? {
        for line in data.split(separator: 0x0A) {
            guard let space = line.firstIndex(of: 0x20) else { continue }
            let record = line[(space + 1)...]
            if record.starts(with: Array("path=".utf8)) { return String(decoding: record.dropFirst(5), as: UTF8.self) }
        }
        return nil
    }
}

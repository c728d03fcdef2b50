import CParleyZlib
import Foundation

/// The central directory of a ZIP file read record by record, in step with ZIPFoundation's listing, for what
/// ZIPFoundation keeps internal: where each entry's data starts. With it a deflate entry is inflated by zlib
/// from exactly its compressed bytes (`ZipEntryData.inflate`). ZIPFoundation's own inflate on Linux reads on
/// until the deflate stream says it ends, and at the end of the file it loops for ever (a hang found by
/// FuzzZip: one damaged deflate stream).
struct ZipCentralDirectory {
    /// One central directory record: what is needed to find and check an entry's data.
    struct Record: Equatable {
        var method: UInt16
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
    }

    let handle: FileHandle
    let fileSize: UInt64
    /// The file offset of the next record.
    var offset: UInt64

    /// The central directory of the ZIP file `handle` reads, starting at `offset` (from the end record).
    init(handle: FileHandle, fileSize: UInt64, start offset: UInt64) {
        self.handle = handle
        self.fileSize = fileSize
        self.offset = offset
    }

    /// The next record, or nil when there is none or it is damaged.
    mutating func next() -> Record? {
        guard let head = read(46, at: offset), u32(head, 0) == 0x0201_4B50 else { return nil }
        let nameLength = Int(u16(head, 28)), extraLength = Int(u16(head, 30)), commentLength = Int(u16(head, 32))
        var record = Record(method: UInt16(u16(head, 10)), compressedSize: u32(head, 20), uncompressedSize: u32(head, 24),
                            localHeaderOffset: u32(head, 42))
        let full: UInt64 = 0xFFFF_FFFF
        if record.uncompressedSize == full || record.compressedSize == full || record.localHeaderOffset == full {
            // ZIP64: the extended information extra field (ID 1) holds, in this order, each value that is full.
            guard let extra = read(extraLength, at: offset + 46 + UInt64(nameLength)) else { return nil }
            var at = 0
            while at + 4 <= extra.count {
                let id = u16(extra, at), size = Int(u16(extra, at + 2))
                guard at + 4 + size <= extra.count else { return nil }
                if id == 1 {
                    var field = at + 4
                    func take(_ value: inout UInt64) -> Bool {
                        guard value == full else { return true }
                        guard field + 8 <= at + 4 + size else { return false }
                        value = u64(extra, field)
                        field += 8
                        return true
                    }
                    guard take(&record.uncompressedSize), take(&record.compressedSize), take(&record.localHeaderOffset) else { return nil }
                    break
                }
                at += 4 + size
            }
        }
        offset += 46 + UInt64(nameLength + extraLength + commentLength)
        return record
    }

    /// Where the data of `record` starts (after its local header), or nil when the local header is not there.
    func dataStart(of record: Record) -> UInt64? {
        guard let local = read(30, at: record.localHeaderOffset), u32(local, 0) == 0x0403_4B50 else { return nil }
        return record.localHeaderOffset + 30 + u16(local, 26) + u16(local, 28)
    }

    func read(_ count: Int, at position: UInt64) -> [UInt8]? {
        guard position <= fileSize, UInt64(count) <= fileSize - position else { return nil }
        if count == 0 { return [] }
        guard (try? handle.seek(toOffset: position)) != nil,
              let data = try? handle.read(upToCount: count), data.count == count else { return nil }
        return [UInt8](data)
    }
}

/// Little-endian fields of ZIP records.
fileprivate func u16(_ b: [UInt8], _ at: Int) -> UInt64 { UInt64(b[at]) | UInt64(b[at + 1]) << 8 }
fileprivate func u32(_ b: [UInt8], _ at: Int) -> UInt64 { u16(b, at) | u16(b, at + 2) << 16 }
fileprivate func u64(_ b: [UInt8], _ at: Int) -> UInt64 { u32(b, at) | u32(b, at + 4) << 32 }

/// Inflating one deflate entry of a ZIP file from its compressed bytes.
enum ZipEntryData {
    enum Failure: Error, Equatable {
        /// The compressed data runs past the end of the file.
        case truncated
        /// More than the limit once decompressed.
        case tooLarge
        /// Not a deflate stream, or one that ends before its end marker.
        case corrupt(String)
    }

    /// The `compressedSize` bytes at `start` of `handle`'s file inflated (raw deflate), at most `limit` bytes
    /// of output. Reads the input a megabyte at a time; stops at the stream's end marker, and fails when the
    /// input is used up before it.
    static func inflate(_ handle: FileHandle, fileSize: UInt64, start: UInt64, compressedSize: UInt64,
                        expectedSize: Int, limit: Int) -> Result<[UInt8], Failure> {
        guard start <= fileSize, compressedSize <= fileSize - start else { return .failure(.truncated) }
        guard let inflater = Inflater(windowBits: -15) else { return .failure(.corrupt("cannot start the decompressor")) }
        guard (try? handle.seek(toOffset: start)) != nil else { return .failure(.truncated) }
        var out: [UInt8] = []
        out.reserveCapacity(min(expectedSize, limit))
        var buffer = [UInt8](repeating: 0, count: max(4096, min(64 << 10, expectedSize + 64)))
        var remaining = compressedSize
        var status = Z_OK
        while remaining > 0, status != Z_STREAM_END {
            guard let data = try? handle.read(upToCount: Int(min(remaining, 1 << 20))), !data.isEmpty else { return .failure(.truncated) }
            var input = [UInt8](data)
            remaining -= UInt64(input.count)
            var position = 0
            while true {
                let at = position, size = buffer.count
                let (s, used, produced) = input.withUnsafeMutableBufferPointer { i in
                    buffer.withUnsafeMutableBufferPointer { o in
                        inflater.inflate(i.baseAddress! + at, i.count - at, o.baseAddress!, size)
                    }
                }
                status = s
                position += used
                if out.count + produced > limit { return .failure(.tooLarge) }
                out.append(contentsOf: buffer[0..<produced])
                if status == Z_STREAM_END { break }
                if status != Z_OK && status != Z_BUF_ERROR { return .failure(.corrupt(inflater.message ?? "zlib error \(status)")) }
                // Go on while there is input left or the output buffer was filled (zlib may hold more).
                if position >= input.count && produced < size { break }
                if used == 0 && produced == 0 { break }
            }
        }
        guard status == Z_STREAM_END else { return .failure(.corrupt("the deflate stream ends before its end marker")) }
        return .success(out)
    }
}

import CParleyZlib
import Foundation
import ZIPFoundation

/// Reads the files of a ZIP archive on disk one entry at a time through ZIPFoundation (stored and deflate
/// entries, ZIP64 included), so memory holds one entry, never the archive. A damaged entry yields an error
/// naming it and the other entries are still read; a damaged central directory ends the archive with an error.
/// Deflate entries are inflated by zlib from their compressed bytes, which `ZipCentralDirectory` finds.
public struct ZipArchiveReader {
    let name: String
    var archive: Archive?
    var entries: AnyIterator<Entry>?
    /// The central directory read in step with `entries`, for where each entry's data starts.
    var directory: ZipCentralDirectory?
    var failure: SourceError?
    /// How many entries the end of central directory record announces.
    var announced = 0
    var seen = 0
    /// About how many bytes of the file the entries handed over or skipped so far take (for progress reports);
    /// the file's size once the last entry is read.
    public private(set) var bytesRead = 0
    var fileSize = 0
    /// Entries larger than this are skipped with an error.
    public var maximumEntryBytes = 64 << 20
    /// Only entries for which this returns true are decompressed.
    public var wants: (String) -> Bool = { _ in true }

    /// Opens the ZIP file at `path`; `name` (the path by default) is what errors call it.
    public init(path: String, name: String? = nil) {
        self.name = name ?? path
        guard FileManager.default.isReadableFile(atPath: path) else {
            failure = SourceError(source: self.name, message: "cannot open the file (missing or permission denied)")
            return
        }
        do {
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            self.archive = archive
            entries = archive.makeIterator()
            fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let end = Self.endRecord(path: path)
            announced = end?.entries ?? 0
            if let end, let handle = FileHandle(forReadingAtPath: path) {
                directory = ZipCentralDirectory(handle: handle, fileSize: UInt64(fileSize), start: end.directoryStart)
            }
        } catch {
            failure = SourceError(source: self.name, message: "not a ZIP archive, or truncated (no end of central directory)")
        }
    }

    /// True when `bytes` start with a ZIP local file header.
    public static func isZip(_ bytes: some Collection<UInt8>) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The next wanted file, an error, or nil at the end.
    public mutating func next() -> Result<BundleEntry, SourceError>? {
        if let f = failure { failure = nil; return .failure(f) }
        guard let archive, let iterator = entries else { return nil }
        while true {
            guard let entry = iterator.next() else {
                entries = nil
                guard seen < announced else { bytesRead = fileSize; return nil }
                return .failure(SourceError(source: name, record: "central directory entry \(seen + 1)",
                                            message: "damaged central directory or local header, or an encrypted entry (not supported); the last \(announced - seen) of \(announced) entries are skipped"))
            }
            seen += 1
            let record = directory?.next()
            if record == nil { directory = nil }  // out of step from here on
            let path = entry.path
            // The data, its local header and its central directory record (each with the name).
            bytesRead += Int(clamping: entry.compressedSize) + 30 + 46 + 2 * path.utf8.count
            guard entry.type == .file, !path.hasSuffix("/"), wants(path) else { continue }
            return read(entry, path, record, from: archive)
        }
    }

    struct TooLarge: Error {}

    func read(_ entry: Entry, _ path: String, _ record: ZipCentralDirectory.Record?, from archive: Archive) -> Result<BundleEntry, SourceError> {
        let label = "entry \(path)", limit = maximumEntryBytes
        func failure(_ message: String) -> Result<BundleEntry, SourceError> {
            .failure(SourceError(source: name, record: label, message: message))
        }
        if entry.uncompressedSize > UInt64(limit) {
            return failure("\(entry.uncompressedSize >> 20) MB is over the \(limit >> 20) MB limit; skipped")
        }
        var bytes: [UInt8] = []
        if entry.isCompressed {
            guard let record, let directory, record.compressedSize == entry.compressedSize,
                  let start = directory.dataStart(of: record) else {
                return failure("damaged local header or central directory record; skipped")
            }
            guard record.method == 8 else { return failure("its compression method is not supported (only stored and deflate)") }
            switch ZipEntryData.inflate(directory.handle, fileSize: UInt64(fileSize), start: start, compressedSize: record.compressedSize,
                                        expectedSize: Int(clamping: entry.uncompressedSize), limit: limit) {
            case .success(let b): bytes = b
            case .failure(.tooLarge): return failure("more than the \(limit >> 20) MB limit once decompressed; skipped")
            case .failure(.truncated): return failure("its compressed data runs past the end of the file (truncated?)")
            case .failure(.corrupt(let why)): return failure("corrupt compressed data (\(why))")
            }
            return checked(bytes, entry, path, failure)
        }
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            // Stored entries (ZIPFoundation reads exactly their size). Buffers sized to the entry (releases are
            // small) and the CRC-32 taken by zlib once at the end:
            // both cost less than ZIPFoundation's 64 KB buffers and its own CRC-32 loop.
            let buffer = max(4096, min(64 << 10, Int(entry.uncompressedSize) + 64))
            _ = try archive.extract(entry, bufferSize: buffer, skipCRC32: true) { chunk in
                guard bytes.count + chunk.count <= limit else { throw TooLarge() }
                bytes.append(contentsOf: chunk)
            }
            return checked(bytes, entry, path, failure)
        } catch is TooLarge {
            return failure("more than the \(limit >> 20) MB limit once decompressed; skipped")
        } catch Archive.ArchiveError.invalidCompressionMethod {
            return failure("its compression method is not supported (only stored and deflate)")
        } catch {
            return failure("corrupt compressed data (\(error))")
        }
    }

    /// `bytes` as the entry, when their CRC-32 and size match the central directory's.
    func checked(_ bytes: [UInt8], _ entry: Entry, _ path: String,
                 _ failure: (String) -> Result<BundleEntry, SourceError>) -> Result<BundleEntry, SourceError> {
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        // A data descriptor ZIPFoundation could not find leaves the expected checksum 0: nothing to compare.
        if entry.checksum != 0, crc != entry.checksum || bytes.count != Int(entry.uncompressedSize) {
            return failure("damaged entry (its CRC-32 or size does not match the central directory)")
        }
        return .success(BundleEntry(path: path, bytes: bytes))
    }

    /// The entry count the end of central directory record (or its ZIP64 form) states, to tell a complete
    /// listing from one cut short by a damaged central directory.
    static func announcedEntries(path: String) -> Int? { endRecord(path: path)?.entries }

    /// The entry count and the offset of the central directory that the end of central directory record (or
    /// its ZIP64 form) states.
    static func endRecord(path: String) -> (entries: Int, directoryStart: UInt64)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= 22 else { return nil }
        let tailStart = size - min(size, 22 + 65_535)
        try? handle.seek(toOffset: tailStart)
        guard let tail = try? handle.readToEnd().map([UInt8].init) else { return nil }
        func u16(_ b: [UInt8], _ at: Int) -> UInt64 { UInt64(b[at]) | UInt64(b[at + 1]) << 8 }
        func u32(_ b: [UInt8], _ at: Int) -> UInt64 { u16(b, at) | u16(b, at + 2) << 16 }
        func u64(_ b: [UInt8], _ at: Int) -> UInt64 { u32(b, at) | u32(b, at + 4) << 32 }
        guard let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
            tail[$0] == 0x50 && tail[$0 + 1] == 0x4B && tail[$0 + 2] == 0x05 && tail[$0 + 3] == 0x06
        }) else { return nil }
        let count = u16(tail, end + 10), start = u32(tail, end + 16)
        guard count == 0xFFFF || start == 0xFFFF_FFFF, end >= 20, u32(tail, end - 20) == 0x0706_4B50 else {
            return (Int(count), start)
        }
        // ZIP64: the locator before the record points at the ZIP64 end of central directory record.
        let record = u64(tail, end - 20 + 8)
        try? handle.seek(toOffset: record)
        guard let zip64 = try? handle.read(upToCount: 56).map([UInt8].init), zip64.count == 56,
              u32(zip64, 0) == 0x0606_4B50 else { return nil }
        return (Int(clamping: u64(zip64, 32)), u64(zip64, 48))
    }
}

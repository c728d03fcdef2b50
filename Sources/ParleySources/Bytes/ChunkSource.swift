import Foundation

/// A stream of byte chunks (a file read piece by piece, a buffer, a decompressor), so large archives are
/// read without holding them in memory.
public protocol ChunkSource {
    /// The next chunk, or nil at the end. Chunks are never empty.
    mutating func nextChunk() throws(SourceError) -> [UInt8]?
}

/// A file read in fixed-size chunks.
public struct FileChunks: ChunkSource {
    let handle: FileHandle
    let path: String
    let chunkSize: Int

    /// Opens `path` for reading; throws a `SourceError` naming it when it cannot be opened.
    public init(path: String, chunkSize: Int = 1 << 20) throws(SourceError) {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw SourceError(source: path, message: "cannot open the file (missing or permission denied)")
        }
        handle = h
        self.path = path
        self.chunkSize = chunkSize
    }

    public mutating func nextChunk() throws(SourceError) -> [UInt8]? {
        do {
            guard let d = try handle.read(upToCount: chunkSize), !d.isEmpty else { try? handle.close(); return nil }
            return [UInt8](d)
        } catch {
            throw SourceError(source: path, message: "cannot read the file: \(error.localizedDescription)")
        }
    }
}

/// An in-memory buffer handed out as one chunk.
public struct MemoryChunks: ChunkSource {
    var bytes: [UInt8]?

    public init(_ bytes: [UInt8]) { self.bytes = bytes.isEmpty ? nil : bytes }

    public mutating func nextChunk() throws(SourceError) -> [UInt8]? {
        defer { bytes = nil }
        return bytes
    }
}

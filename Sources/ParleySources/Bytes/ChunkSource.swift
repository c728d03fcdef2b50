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
    var finished = false

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
        if finished { return nil }
        do {
            guard let d = try handle.read(upToCount: chunkSize), !d.isEmpty else {
                finished = true
                try? handle.close()
                return nil
            }
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

extension FileChunks {
    /// Reads an open handle (standard input, a pipe); `name` is what errors call it.
    public init(handle: FileHandle, name: String, chunkSize: Int = 1 << 20) {
        self.handle = handle
        path = name
        self.chunkSize = chunkSize
    }
}

/// Bytes already read (the head of standard input, looked at to tell its format) handed out before the rest
/// of the stream they came from.
public struct PrefixedChunks<Rest: ChunkSource>: ChunkSource {
    var head: [UInt8]?
    var rest: Rest

    public init(_ head: [UInt8], then rest: Rest) {
        self.head = head.isEmpty ? nil : head
        self.rest = rest
    }

    public mutating func nextChunk() throws(SourceError) -> [UInt8]? {
        if let h = head { head = nil; return h }
        return try rest.nextChunk()
    }
}

/// A running count of bytes, shared between a reader and whoever reports its progress.
public final class ByteCount: @unchecked Sendable {
    public var value = 0
    public init() {}
}

/// Another chunk source whose bytes are counted as they pass, for progress reports.
public struct CountingChunks<Inner: ChunkSource>: ChunkSource {
    var inner: Inner
    let count: ByteCount

    public init(_ inner: Inner, count: ByteCount) {
        self.inner = inner
        self.count = count
    }

    public mutating func nextChunk() throws(SourceError) -> [UInt8]? {
        let chunk = try inner.nextChunk()
        count.value += chunk?.count ?? 0
        return chunk
    }
}

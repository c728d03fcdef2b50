import CParleyZlib

/// Decompresses a gzip stream read from another `ChunkSource`, member after member (a `.warc.gz` is many
/// gzip members concatenated, one per record). A truncated or corrupt stream throws a `SourceError` naming
/// the source and the compressed byte offset; the chunks handed out before it stay valid.
public struct GzipChunks<Inner: ChunkSource>: ChunkSource {
    var inner: Inner
    let inflater: Inflater
    let name: String
    var input: [UInt8] = []
    var inputPosition = 0
    var innerDone = false
    var inMember = false
    var finished = false
    /// Compressed bytes consumed before the current input chunk.
    var consumedBefore = 0

    public init(_ inner: Inner, name: String) throws(SourceError) {
        self.inner = inner
        self.name = name
        guard let i = Inflater(windowBits: 16 + 15) else { throw SourceError(source: name, message: "cannot start the gzip decompressor") }
        inflater = i
    }

    /// True when `bytes` start with the gzip magic number.
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0x1F, 0x8B])
    }

    public mutating func nextChunk() throws(SourceError) -> [UInt8]? {
        if finished { return nil }
        var output = [UInt8](repeating: 0, count: 256 << 10)
        while true {
            if inputPosition >= input.count {
                let pulled = innerDone ? false : try pull()
                if !pulled {
                    finished = true
                    if inMember {
                        throw SourceError(source: name, record: "byte \(consumedBefore + inputPosition)",
                                          message: "the gzip data ends early (truncated file?); records before this point were read")
                    }
                    return nil
                }
            }
            if !inMember {
                // Between members: skip zero padding some writers leave at the end; anything else must be a new member.
                while inputPosition < input.count, input[inputPosition] == 0 { inputPosition += 1 }
                if inputPosition >= input.count { continue }
                inMember = true
            }
            let position = inputPosition, count = input.count, inflater = self.inflater
            let (status, used, produced) = input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    inflater.inflate(inBuf.baseAddress! + position, count - position, outBuf.baseAddress!, outBuf.count)
                }
            }
            inputPosition += used
            if status == Z_STREAM_END {
                inMember = false
                inflater.reset()
            } else if status != Z_OK && status != Z_BUF_ERROR {
                finished = true
                throw SourceError(source: name, record: "byte \(consumedBefore + inputPosition)",
                                  message: "corrupt gzip data (\(inflater.message ?? "zlib error \(status)")); records before this point were read")
            }
            if produced > 0 { return Array(output[0..<produced]) }
        }
    }

    mutating func pull() throws(SourceError) -> Bool {
        guard let chunk = try inner.nextChunk() else { innerDone = true; return false }
        consumedBefore += input.count
        input = chunk
        inputPosition = 0
        return true
    }
}

extension GzipChunks where Inner == MemoryChunks {
    /// Decompresses a whole in-memory gzip buffer, refusing output larger than `limit` bytes.
    static func inflateAll(_ bytes: [UInt8], name: String, limit: Int = 64 << 20) throws(SourceError) -> [UInt8] {
        var g = try GzipChunks(MemoryChunks(bytes), name: name)
        var out: [UInt8] = []
        while let c = try g.nextChunk() {
            out.append(contentsOf: c)
            if out.count > limit { throw SourceError(source: name, message: "more than \(limit >> 20) MB once decompressed; not read") }
        }
        return out
    }
}

/// A zlib inflate stream at a stable address (zlib keeps a pointer to it).
final class Inflater {
    let stream: UnsafeMutablePointer<z_stream>

    /// `windowBits` 16+15 reads gzip, -15 raw deflate (ZIP entries).
    init?(windowBits: Int32) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = ZLIB_VERSION.withCString { inflateInit2_(stream, windowBits, $0, Int32(MemoryLayout<z_stream>.size)) }
        if status != Z_OK { stream.deallocate(); return nil }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    func reset() { inflateReset(stream) }

    var message: String? { stream.pointee.msg.map { String(cString: $0) } }

    /// Inflates from `input` into `output`; returns zlib's status and the bytes used and produced.
    func inflate(_ input: UnsafeMutablePointer<UInt8>, _ inputCount: Int, _ output: UnsafeMutablePointer<UInt8>, _ outputCount: Int) -> (Int32, Int, Int) {
        stream.pointee.next_in = input
        stream.pointee.avail_in = uInt(inputCount)
        stream.pointee.next_out = output
        stream.pointee.avail_out = uInt(outputCount)
        let status = CParleyZlib.inflate(stream, Z_NO_FLUSH)
        return (status, inputCount - Int(stream.pointee.avail_in), outputCount - Int(stream.pointee.avail_out))
    }
}

/// Reads lines and counted blocks from a `ChunkSource`, keeping only the unread part of the current chunk.
/// Used by the WARC and tar readers. `offset` is the position in the (decompressed) stream.
public struct ByteReader<Source: ChunkSource> {
    var source: Source
    var buffer: [UInt8] = []
    var position = 0
    var exhausted = false
    /// Bytes consumed so far.
    public private(set) var offset = 0

    public init(_ source: Source) { self.source = source }

    /// Makes at least `count` unread bytes available if the stream has them; false at the end.
    mutating func fill(_ count: Int) throws(SourceError) -> Bool {
        while buffer.count - position < count {
            if exhausted { return false }
            guard let chunk = try source.nextChunk() else { exhausted = true; return false }
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            buffer.append(contentsOf: chunk)
        }
        return true
    }

    /// True when no bytes remain.
    public mutating func atEnd() throws(SourceError) -> Bool { try !fill(1) }

    /// The next line without its LF (and CR), or nil at the end of the stream. Lines longer than
    /// `limit` are cut there (the rest is read as the next line).
    public mutating func readLine(limit: Int = 1 << 16) throws(SourceError) -> [UInt8]? {
        var scanned = 0
        while true {
            let available = buffer.count - position
            if let nl = buffer[(position + scanned)...].firstIndex(of: 0x0A) {
                var end = nl
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[position..<end])
                offset += nl + 1 - position
                position = nl + 1
                return line
            }
            scanned = available
            let more = available < limit ? try fill(available + 1) : false
            if !more {
                if available == 0 { return nil }
                let take = min(available, limit)
                let line = Array(buffer[position..<(position + take)])
                position += take
                offset += take
                return line
            }
        }
    }

    /// Exactly `count` bytes, or fewer when the stream ends first.
    public mutating func read(_ count: Int) throws(SourceError) -> [UInt8] {
        _ = try fill(count)
        let take = min(count, buffer.count - position)
        let out = Array(buffer[position..<(position + take)])
        position += take
        offset += take
        return out
    }

    /// Skips `count` bytes without keeping them; returns how many were skipped.
    @discardableResult
    public mutating func skip(_ count: Int) throws(SourceError) -> Int {
        var left = count
        while left > 0 {
            if buffer.count - position == 0, !(try fill(1)) { break }
            let take = min(left, buffer.count - position)
            position += take
            offset += take
            left -= take
        }
        return count - left
    }
}

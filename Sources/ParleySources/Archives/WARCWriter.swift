import CParleyZlib
import Foundation

/// Writes WARC 1.1 `response` records, each as its own gzip member (the usual `.warc.gz` layout), so that pages
/// can be archived and read back by `WARCReader`.
public enum WARCWriter {
    /// One response record for a page fetched from `uri` on `date` (ISO 8601) with the given Content-Type.
    public static func responseRecord(uri: String, date: String, status: Int = 200, contentType: String, body: [UInt8]) -> [UInt8] {
        let http = Array("HTTP/1.1 \(status) OK\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        return record(type: "response", uri: uri, date: date, block: http, blockType: "application/http; msgtype=response")
    }

    /// A record of any type with the given block.
    public static func record(type: String, uri: String, date: String, block: [UInt8], blockType: String) -> [UInt8] {
        let header = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: \(date)\r\n"
            + "WARC-Record-ID: <urn:uuid:\(UUID().uuidString.lowercased())>\r\nContent-Type: \(blockType)\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// `bytes` as one gzip member.
    public static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { deflateEnd(stream); stream.deallocate() }
        _ = ZLIB_VERSION.withCString { deflateInit2_(stream, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY, $0, Int32(MemoryLayout<z_stream>.size)) }
        var input = bytes
        var out = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(bytes.count))) + 64)
        let produced: Int = input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                stream.pointee.next_in = i.baseAddress
                stream.pointee.avail_in = uInt(i.count)
                stream.pointee.next_out = o.baseAddress
                stream.pointee.avail_out = uInt(o.count)
                _ = deflate(stream, Z_FINISH)
                return o.count - Int(stream.pointee.avail_out)
            }
        }
        return Array(out[0..<produced])
    }
}

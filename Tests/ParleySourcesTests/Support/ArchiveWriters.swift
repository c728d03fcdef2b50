import CParleyZlib
import Foundation
@testable import ParleySources

/// Writers for the archive formats the readers are tested on: tar and ZIP here; gzip and WARC through `WARCWriter`.
enum ArchiveWriters {
    static func gzip(_ bytes: [UInt8]) -> [UInt8] { WARCWriter.gzip(bytes) }

    static func warcResponse(uri: String, date: String = "2025-06-01T08:00:00Z", contentType: String = "text/html; charset=utf-8", body: [UInt8]) -> [UInt8] {
        WARCWriter.responseRecord(uri: uri, date: date, contentType: contentType, body: body)
    }

    static func warcRecord(type: String, uri: String, date: String = "2025-06-01T08:00:00Z", block: [UInt8], blockType: String) -> [UInt8] {
        WARCWriter.record(type: type, uri: uri, date: date, block: block, blockType: blockType)
    }

    /// A ustar archive of regular files.
    static func tar(_ files: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        for (name, data) in files {
            var h = [UInt8](repeating: 0, count: 512)
            func put(_ s: String, _ at: Int) { for (i, b) in s.utf8.enumerated() { h[at + i] = b } }
            put(name, 0)
            put("0000644\0", 100); put("0000000\0", 108); put("0000000\0", 116)
            let size = String(data.count, radix: 8)
            put(String(repeating: "0", count: 11 - size.count) + size + "\0", 124)
            put("00000000000\0", 136)
            h[156] = UInt8(ascii: "0")
            put("ustar\0", 257); put("00", 263)
            for i in 148..<156 { h[i] = 0x20 }
            let sum = h.reduce(0) { $0 + Int($1) }
            let s = String(sum, radix: 8)
            put(String(repeating: "0", count: 6 - s.count) + s + "\0 ", 148)
            out += h + data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
        }
        return out + [UInt8](repeating: 0, count: 1024)
    }

    /// A ZIP archive of stored (or, with `deflate`, deflated) entries. With `zip64` every size, offset and count is
    /// written in ZIP64 fields, the classic ones holding their 0xFFFF… markers, as in archives over 4 GB or 65,535 entries.
    /// `stream`, when given, replaces the entry's compressed data (given the entry's path and its deflated bytes).
    static func zip(_ files: [(String, [UInt8])], deflate: Bool = false, zip64: Bool = false,
                    stream: (String, [UInt8]) -> [UInt8] = { $1 }) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16(v >> 16 & 0xFFFF) }
        func u64(_ v: Int) -> [UInt8] { u32(v & 0xFFFF_FFFF) + u32(v >> 32 & 0xFFFF_FFFF) }
        let version = zip64 ? 45 : 20, method = deflate ? 8 : 0, full = 0xFFFF_FFFF
        for (name, data) in files {
            let crc = data.withUnsafeBufferPointer { Int(crc32(0, $0.baseAddress, uInt($0.count))) }
            let body = stream(name, deflate ? rawDeflate(data) : data)
            let offset = out.count
            let n = Array(name.utf8)
            let sizes = zip64 ? u32(full) + u32(full) : u32(body.count) + u32(data.count)
            let localExtra = zip64 ? u16(1) + u16(16) + u64(data.count) + u64(body.count) : []
            out += u32(0x0403_4B50) + u16(version) + u16(0) + u16(method) + u16(0) + u16(0) + u32(crc) + sizes
                + u16(n.count) + u16(localExtra.count) + n + localExtra + body
            // The first entry's offset, 0, stays in the classic field (as real writers leave every offset under 4 GB).
            let offsetIn64 = zip64 && offset > 0
            let centralExtra = zip64 ? u16(1) + u16(offsetIn64 ? 24 : 16) + u64(data.count) + u64(body.count) + (offsetIn64 ? u64(offset) : []) : []
            central += u32(0x0201_4B50) + u16(version) + u16(version) + u16(0) + u16(method) + u16(0) + u16(0) + u32(crc) + sizes
                + u16(n.count) + u16(centralExtra.count) + u16(0) + u16(0) + u16(0) + u32(0) + u32(offsetIn64 ? full : offset) + n + centralExtra
        }
        let start = out.count
        out += central
        if zip64 {
            let record = out.count
            out += u32(0x0606_4B50) + u64(44) + u16(45) + u16(45) + u32(0) + u32(0)
                + u64(files.count) + u64(files.count) + u64(central.count) + u64(start)
            out += u32(0x0706_4B50) + u32(0) + u64(record) + u32(1)
            out += u32(0x0605_4B50) + u16(0) + u16(0) + u16(0xFFFF) + u16(0xFFFF) + u32(full) + u32(full) + u16(0)
        } else {
            out += u32(0x0605_4B50) + u16(0) + u16(0) + u16(files.count) + u16(files.count) + u32(central.count) + u32(start) + u16(0)
        }
        return out
    }

    /// `bytes` as a raw deflate stream (no zlib or gzip wrapper), as ZIP stores them.
    static func rawDeflate(_ bytes: [UInt8]) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { deflateEnd(stream); stream.deallocate() }
        _ = ZLIB_VERSION.withCString { deflateInit2_(stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, $0, Int32(MemoryLayout<z_stream>.size)) }
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

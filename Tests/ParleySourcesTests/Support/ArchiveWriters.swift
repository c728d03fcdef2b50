import CZlib
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

    /// A ZIP archive with stored (uncompressed) entries.
    static func zip(_ files: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16(v >> 16 & 0xFFFF) }
        for (name, data) in files {
            let crc = data.withUnsafeBufferPointer { Int(crc32(0, $0.baseAddress, uInt($0.count))) }
            let offset = out.count
            let n = Array(name.utf8)
            out += u32(0x0403_4B50) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc) + u32(data.count) + u32(data.count) + u16(n.count) + u16(0) + n + data
            central += u32(0x0201_4B50) + u16(20) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc) + u32(data.count) + u32(data.count)
                + u16(n.count) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset) + n
        }
        let start = out.count
        out += central
        out += u32(0x0605_4B50) + u16(0) + u16(0) + u16(files.count) + u16(files.count) + u32(central.count) + u32(start) + u16(0)
        return out
    }
}

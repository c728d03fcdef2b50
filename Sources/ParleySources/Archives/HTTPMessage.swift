/// An HTTP response as stored in a WARC `response` record: status, headers (names lower case) and body.
struct HTTPMessage {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    /// Why a record's block is not a readable HTTP response.
    struct Problem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Splits a raw HTTP response; undoes chunked transfer coding and gzip content coding.
    static func parseResponse(_ bytes: [UInt8]) -> Result<HTTPMessage, Problem> {
        var i = 0
        func line() -> ArraySlice<UInt8>? {
            guard i < bytes.count else { return nil }
            var end = i
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var stop = end
            if stop > i, bytes[stop - 1] == 0x0D { stop -= 1 }
            let l = bytes[i..<stop]
            i = min(end + 1, bytes.count)
            return l
        }
        guard let statusLine = line(), statusLine.starts(with: Array("HTTP/".utf8)) else {
            return .failure(Problem("the record does not hold an HTTP response (no 'HTTP/' status line)"))
        }
        let parts = statusLine.split(separator: 0x20, maxSplits: 2)
        guard parts.count >= 2, let status = Int(String(decoding: parts[1], as: UTF8.self)) else {
            return .failure(Problem("malformed HTTP status line"))
        }
        var headers: [String: String] = [:]
        while let l = line(), !l.isEmpty {
            guard let colon = l.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let key = String(decoding: l[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: l[(colon + 1)...], as: UTF8.self).trimmingSpacesAndTabs()
            headers[key] = headers[key].map { $0 + ", " + value } ?? value
        }
        var body = Array(bytes[i...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            guard let unchunked = dechunk(body) else { return .failure(Problem("malformed chunked transfer coding")) }
            body = unchunked
        }
        if let coding = headers["content-encoding"]?.lowercased(), coding.contains("gzip") {
            do { body = try GzipChunks.inflateAll(body, name: "content") } catch {
                return .failure(Problem("cannot decompress the gzip-encoded body (\(error.message))"))
            }
        }
        return .success(HTTPMessage(status: status, headers: headers, body: body))
    }

    static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            var end = i
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            guard end < bytes.count else { return nil }
            let sizeText = String(decoding: bytes[i..<end], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingSpacesAndTabs(), radix: 16) else { return nil }
            i = end + 1
            if size == 0 { return out }
            guard i + size <= bytes.count else { return nil }
            out.append(contentsOf: bytes[i..<(i + size)])
            i += size
            if i < bytes.count, bytes[i] == 0x0D { i += 1 }
            if i < bytes.count, bytes[i] == 0x0A { i += 1 }
        }
        return out
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpacesAndTabs() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

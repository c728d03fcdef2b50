import Hummingbird

/// Checks the `Authorization: Bearer …` header of write requests against the configured token, comparing
/// in constant time so the answer's timing does not reveal how much of a guess was right.
enum BearerToken {
    /// The answer to a write whose `Authorization` header is not the configured token: 403 when writes are off
    /// (no token), 401 with `WWW-Authenticate` otherwise; nil when the write may go ahead.
    static func refusal(_ header: String?, _ configuration: ServerConfiguration) -> Response? {
        guard let token = configuration.token else {
            return Problem(status: .forbidden, detail: "writes are disabled: start the server with PARLEY_TOKEN set to allow them").jsonResponse()
        }
        guard matches(header: header, token: token) else {
            var r = Problem(status: .unauthorized, detail: "a valid 'Authorization: Bearer <token>' header is required").jsonResponse()
            r.headers[.wwwAuthenticate] = "Bearer"
            return r
        }
        return nil
    }

    static func matches(header: String?, token: String) -> Bool {
        guard let header, header.hasPrefix("Bearer ") else { return false }
        return constantTimeEqual(Array(header.dropFirst(7).utf8), Array(token.utf8))
    }

    /// Whether two byte strings are equal, in time that depends only on their lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var diff = UInt8(truncatingIfNeeded: a.count ^ b.count)
        let n = max(a.count, b.count)
        for i in 0..<n {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            diff |= x ^ y
        }
        return diff == 0
    }
}

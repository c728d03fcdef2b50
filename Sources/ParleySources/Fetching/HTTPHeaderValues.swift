import Foundation

/// Reads the values of HTTP headers Parley cares about: Content-Type, Retry-After, dates.
public enum HTTPHeaderValues {
    /// The media type (lower case, no parameters) and the `charset` parameter of a Content-Type value.
    public static func mediaType(_ value: String) -> (String, String?) {
        let parts = value.split(separator: ";")
        let media = parts.first.map { String($0).trimmingSpacesAndTabs().lowercased() } ?? ""
        var charset: String?
        for p in parts.dropFirst() {
            let kv = p.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                charset = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            }
        }
        return (media, charset)
    }

    /// Seconds to wait from a Retry-After value (delta seconds or an HTTP date), if it parses.
    public static func retryAfter(_ value: String, now: Date = Date()) -> TimeInterval? {
        let v = value.trimmingSpacesAndTabs()
        if let s = Int(v) { return TimeInterval(max(0, s)) }
        if let d = httpDate(v) { return max(0, d.timeIntervalSince(now)) }
        return nil
    }

    /// Parses an RFC 1123 / RFC 822 date (`Tue, 10 Jun 2025 09:00:00 GMT`, `+0000` offsets, with or without weekday).
    public static func httpDate(_ value: String) -> Date? {
        let v = value.trimmingSpacesAndTabs()
        lock.lock()
        defer { lock.unlock() }
        for f in formatters { if let d = f.date(from: v) { return d } }
        return nil
    }

    static let lock = NSLock()

    static let formatters: [DateFormatter] = [
        "EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z",
        "dd MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy", "dd MMM yyyy",
    ].map { pattern in
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = pattern
        return f
    }
}

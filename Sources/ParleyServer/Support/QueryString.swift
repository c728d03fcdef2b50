import Foundation

/// A request's query string as HTML forms send it (`+` for spaces, percent escapes), keeping repeated keys.
struct QueryString: Sendable {
    private(set) var pairs: [(String, String)] = []

    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let plus = s.replacingOccurrences(of: "+", with: " ")
                return plus.removingPercentEncoding ?? plus
            }
            pairs.append((decode(kv[0]), kv.count > 1 ? decode(kv[1]) : ""))
        }
    }

    /// The first non-empty value of `key`, trimmed.
    subscript(_ key: String) -> String? {
        for (k, v) in pairs where k == key {
            let t = v.trimmingCharacters(in: .whitespacesAndNewlines)
            if !t.isEmpty { return t }
        }
        return nil
    }

    /// Every value of `key` as sent (decoded, not trimmed, empty ones included).
    func values(_ key: String) -> [String] {
        pairs.filter { $0.0 == key }.map(\.1)
    }

    /// Every non-empty value of `key`.
    func all(_ key: String) -> [String] {
        pairs.filter { $0.0 == key }.map { $0.1.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// This query with `key` set to `value` (or removed when nil), as a URL query string.
    func setting(_ key: String, _ value: String?) -> String {
        var out = pairs.filter { $0.0 != key && !$0.1.isEmpty }
        if let value { out.append((key, value)) }
        return QueryString.encode(out)
    }

    static func encode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }
}

/// The ids in URLs: `E12`/`12` for events, `P3`/`3` for people, `O5`/`5` for organizations.
enum Identifiers {
    /// The number of an id with an optional letter prefix, or a 404 naming what was asked for.
    static func number(_ text: String, prefix: Character, what: String) throws(Problem) -> Int64 {
        var s = Substring(text)
        if let f = s.first, f.uppercased() == String(prefix) { s = s.dropFirst() }
        guard let n = Int64(s), n > 0 else { throw .notFound("no \(what) '\(text.prefix(40))'") }
        return n
    }

    /// An ISO 3166-1 alpha-3 code, upper case, or a 404.
    static func country(_ text: String) throws(Problem) -> String {
        guard text.count == 3, text.allSatisfy({ $0.isASCII && $0.isLetter }) else { throw .notFound("no country '\(text.prefix(40))'") }
        return text.uppercased()
    }
}

/// A parsed tab-separated data file: comment lines (`#`) and blank lines skipped, each row split on tabs.
public struct TSVTable: Sendable {
    /// One data row with the line it came from, for error messages.
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
        /// The field at `index`, trimmed, or nil when missing or empty.
        public subscript(_ index: Int) -> String? {
            guard index < fields.count else { return nil }
            let f = fields[index].trimmingSpaces()
            return f.isEmpty ? nil : f
        }
        /// The `|`-separated list in field `index`.
        public func list(_ index: Int) -> [String] {
            guard let f = self[index] else { return [] }
            return f.split(separator: "|").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        }
    }

    public var name: String
    public var rows: [Row]

    /// Parses `text`; `name` names the file in errors. Rows with fewer than `minimumColumns` fields are an error.
    public init(name: String, text: String, minimumColumns: Int = 1) throws(LexiconError) {
        self.name = name
        var rows: [Row] = []
        var lineNumber = 0
        let unified = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        for rawLine in unified.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.first == "#" { continue }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.count < minimumColumns {
                throw LexiconError.malformedRow(file: name, line: lineNumber,
                                                reason: "expected \(minimumColumns) tab-separated columns, found \(fields.count)")
            }
            rows.append(Row(line: lineNumber, fields: fields))
        }
        self.rows = rows
    }
}

/// Why a data file (bundled or user-supplied) could not be loaded.
public enum LexiconError: Error, CustomStringConvertible, Sendable {
    case missingResource(String)
    case malformedRow(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .missingResource(let name): return "data file \(name) is missing from the ParleyCore resources"
        case .malformedRow(let file, let line, let reason): return "\(file):\(line): \(reason)"
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" || f == "\u{00A0}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" || l == "\u{00A0}" { s = s.dropLast() }
        return String(s)
    }
}

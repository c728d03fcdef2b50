/// The kinds of input Parley reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case text, html, jsonl

    /// The format a file name's extension stands for (`.txt`, `.html`/`.htm`, `.jsonl`), or nil.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        guard let dot = lower.lastIndex(of: ".") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "txt", "text": self = .text
        case "html", "htm", "xhtml": self = .html
        case "jsonl", "ndjson": self = .jsonl
        default: return nil
        }
    }

    /// Guesses the format of unnamed input (standard input) from its first bytes.
    public static func sniff(_ bytes: [UInt8]) -> InputFormat {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < bytes.count else { return .text }
        if bytes[i] == UInt8(ascii: "{") { return .jsonl }
        if bytes[i] == UInt8(ascii: "<") { return .html }
        return .text
    }
}

/// Why an input (or one record of it) could not be read; the message names the input and the line.
public struct ReadingError: Error, CustomStringConvertible, Sendable {
    public var origin: String
    public var line: Int?
    public var message: String

    public init(origin: String, line: Int? = nil, message: String) {
        self.origin = origin
        self.line = line
        self.message = message
    }

    public var description: String {
        if let l = line { return "\(origin): line \(l): \(message)" }
        return "\(origin): \(message)"
    }
}

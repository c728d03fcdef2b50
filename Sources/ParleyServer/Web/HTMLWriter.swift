/// HTML built in Swift for the long repeated parts of pages (tables of events), where a template's lookups would
/// cost the most: markup comes only from string literals (`StaticString`), and every other value is escaped by
/// `HTMLEscaping` as it is written.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Markup: a literal written in the source, never a value.
    mutating func markup(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A value, escaped (safe inside elements and double-quoted attributes).
    mutating func text(_ value: String) {
        bytes.append(contentsOf: HTMLEscaping.escape(value).utf8)
    }

    mutating func text(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
    mutating func text(_ value: Int64) { bytes.append(contentsOf: String(value).utf8) }

    /// What was written, for a template's triple-brace `{{{…HTML}}}` slot.
    var html: TrustedHTML { TrustedHTML(html: String(decoding: bytes, as: UTF8.self)) }
}

/// HTML that `HTMLWriter` built (every value in it escaped). Templates show it with triple braces, under a key
/// ending in `HTML`; nothing else is ever shown unescaped.
struct TrustedHTML: CustomStringConvertible, Sendable {
    let html: String
    var description: String { html }
}

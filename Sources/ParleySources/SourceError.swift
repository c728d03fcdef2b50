/// Why a source (a feed, sitemap, archive, URL) or one record of it could not be read or fetched.
/// The message names the source and, when there is one, the record, and says what went wrong.
public struct SourceError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file path or URL of the source.
    public var source: String
    /// The record within the source (`record 3 at byte 1024`, `item 7`, `entry docs/a.html`), if any.
    public var record: String?
    /// What went wrong, and what to do when there is something to do.
    public var message: String

    public init(source: String, record: String? = nil, message: String) {
        self.source = source
        self.record = record
        self.message = message
    }

    public var description: String {
        if let record { return "\(source): \(record): \(message)" }
        return "\(source): \(message)"
    }
}

import ParleyCore

/// What harvesting reports, one event at a time, in the order things finish.
public enum HarvestEvent: Sendable {
    /// A new or changed document, with the page's bytes as UTF-8 (for `--save-dir`) and their format.
    case document(Document, bytes: [UInt8], format: InputFormat)
    /// A source or a record of it that could not be read or fetched; the rest goes on.
    case failure(SourceError)
    /// Something left alone, and why (already fetched, not modified, older than --since).
    case skipped(url: String, reason: SkipReason)
    /// A listing read: how many pages it lists.
    case listing(source: String, pages: Int)
}

/// Why a page was not fetched or not passed on.
public enum SkipReason: String, Sendable {
    /// Fetched successfully before (fetch memory).
    case known
    /// The server answered 304 to a conditional request.
    case notModified
    /// Fetched again, but the same bytes as last time.
    case unchanged
    /// Older than `--since`.
    case older
}

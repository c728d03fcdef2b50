/// What Parley remembers about one fetched URL, so that nothing is fetched twice and later fetches are
/// conditional (ETag / Last-Modified).
public struct FetchRecord: Sendable, Codable, Equatable {
    /// The URL as requested (before redirects).
    public var url: String
    /// The HTTP status of the last fetch (200, 304 is never stored: the record is kept; 404, …; 0 for a network error).
    public var status: Int
    /// The `ETag` response header, for `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` response header, for `If-Modified-Since`.
    public var lastModified: String?
    /// A hash of the body last read, to tell a changed page from a re-served one.
    public var contentHash: String?
    /// When it was fetched (ISO 8601, UTC).
    public var fetchedAt: String

    public init(url: String, status: Int, etag: String? = nil, lastModified: String? = nil, contentHash: String? = nil, fetchedAt: String) {
        self.url = url
        self.status = status
        self.etag = etag
        self.lastModified = lastModified
        self.contentHash = contentHash
        self.fetchedAt = fetchedAt
    }

    /// True when the last fetch got the page (a 2xx status).
    public var succeeded: Bool { (200..<300).contains(status) }
}

/// The memory of fetched URLs: in the event database when there is one (`SQLiteFetchLog`,
/// `PostgresFetchLog`), else in a state file next to the saved pages.
public protocol FetchLog: Sendable {
    /// The record of `url`, or nil when it was never fetched.
    func record(for url: String) throws -> FetchRecord?
    /// Adds or replaces the record of `record.url`.
    func save(_ record: FetchRecord) throws
}

/// The fetch-log table, shared by both backends' migrations ("v3-fetch-log").
enum FetchLogSchema {}

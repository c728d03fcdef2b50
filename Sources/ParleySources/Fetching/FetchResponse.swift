/// A finished HTTP exchange: the final URL after redirects, the status, the headers Parley uses, the body.
public struct FetchResponse: Sendable {
    /// The URL asked for.
    public var requestedURL: String
    /// The URL the body came from (after redirects).
    public var url: String
    public var status: Int
    /// Media type, lower case, without parameters ("" when the server sent none).
    public var contentType: String
    /// The Content-Type header's charset parameter.
    public var charset: String?
    public var etag: String?
    public var lastModified: String?
    public var body: [UInt8]
    /// The Location header (redirects).
    public var location: String?
    /// Seconds the server asked to wait (Retry-After).
    public var retryAfter: Double?

    /// True for a 304 answer to a conditional request: the copy from last time is still current.
    public var notModified: Bool { status == 304 }
    public var succeeded: Bool { (200..<300).contains(status) }
}

/// The validators of an earlier fetch, sent so that an unchanged resource answers 304.
public struct Validators: Sendable {
    public var etag: String?
    public var lastModified: String?
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// How politely and how far Parley fetches: identification, limits, retries and pacing.
public struct FetchPolicy: Sendable {
    /// Sent as User-Agent; its first word (before "/") is the token robots.txt groups are matched against.
    public var userAgent = "Parley/0.1 (+https://github.com/parley-events/parley; diplomatic press release reader)"
    /// Seconds to connect, and the longest wait for response bytes.
    public var timeout: Double = 30
    /// Bodies larger than this are refused.
    public var maximumBytes = 16 << 20
    /// Redirects followed before giving up.
    public var maximumRedirects = 5
    /// Retries after a 429, a 5xx or a connection error.
    public var retries = 3
    /// First retry wait in seconds; doubled each retry.
    public var backoff: Double = 1
    /// The longest wait honoured (a longer Retry-After gives up on the page instead).
    public var maximumRetryWait: Double = 60
    /// Seconds between two requests to the same host (raised to the host's robots.txt Crawl-delay).
    public var hostInterval: Double = 1
    /// Requests in flight at once, over all hosts.
    public var concurrency = 4
    /// Whether robots.txt is read and obeyed.
    public var obeyRobots = true

    public init() {}

    /// The robots.txt product token: the User-Agent up to its first "/".
    public var robotsToken: String { String(userAgent.prefix { $0 != "/" && $0 != " " }) }
}

/// How `parley serve` runs: where it listens, who may write, how large a request may be, and which
/// origin (if any) may call the API from another site.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback unless told otherwise.
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// The bearer token write endpoints require; nil refuses every write.
    public var token: String?
    /// The largest request body accepted, in bytes (a larger one is a 413).
    public var maxBodyBytes: Int = 8 << 20
    /// The one origin allowed to call the API cross-site; nil sends no CORS headers at all.
    public var corsOrigin: String?
    /// How long a GET answer may be served again from memory, in seconds (0: never). Writes through the API
    /// empty the cache; writes by other processes show after at most this long.
    public var cacheSeconds: Double = 2
    /// The most items one API page may hold.
    public var maxPageSize: Int = 500
    /// The longest request target (path and query) accepted, in bytes; a longer one is a 414. Also the
    /// longest single header.
    public var maxRequestLineBytes: Int = 16 << 10
    /// The most bytes of request target and headers together; more is a 431.
    public var maxHeaderBytes: Int = 64 << 10
    /// Seconds a connection may go without sending a complete request part (an idle keep-alive connection,
    /// or headers trickling in) before it is closed.
    public var idleTimeoutSeconds: Double = 15

    public init() {}

    /// The configuration from the environment: `PARLEY_TOKEN`, `PARLEY_CORS_ORIGIN`, `PARLEY_MAX_BODY_BYTES`,
    /// `PARLEY_CACHE_SECONDS`, `PARLEY_IDLE_TIMEOUT_SECONDS`.
    public static func fromEnvironment(_ env: [String: String]) -> ServerConfiguration {
        var c = ServerConfiguration()
        if let t = env["PARLEY_TOKEN"], !t.isEmpty { c.token = t }
        if let o = env["PARLEY_CORS_ORIGIN"], !o.isEmpty { c.corsOrigin = o }
        if let b = env["PARLEY_MAX_BODY_BYTES"].flatMap(Int.init), b > 0 { c.maxBodyBytes = b }
        if let t = env["PARLEY_CACHE_SECONDS"].flatMap(Double.init), t >= 0 { c.cacheSeconds = t }
        if let t = env["PARLEY_IDLE_TIMEOUT_SECONDS"].flatMap(Double.init), t > 0 { c.idleTimeoutSeconds = t }
        return c
    }
}

import Foundation
import Hummingbird

/// A short-lived cache of whole GET answers (status, headers, body) keyed by path and query: a page or API
/// answer asked for many times in a second is computed once. Entries live `ttl` seconds; every write through
/// the API empties the cache at once, so only writes by other processes (`parley ingest`) can be seen late,
/// and then by at most `ttl`. A `ttl` of zero turns it off.
final class ResponseCache: @unchecked Sendable {
    struct Entry {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        var expires: UInt64
    }

    let ttl: Double
    let capacity: Int
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var generation = 0

    init(ttl: Double, capacity: Int = 2000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func lookup(_ key: String) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let e = entries[key] else { return nil }
        if e.expires < Self.now() { entries[key] = nil; return nil }
        return e
    }

    /// The current generation, to pass back to `store` so an answer computed before a write is not kept after it.
    func currentGeneration() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return generation
    }

    func store(_ key: String, _ entry: Entry, generation g: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard g == generation else { return }
        if entries.count >= capacity {
            let now = Self.now()
            entries = entries.filter { $0.value.expires >= now }
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        }
        entries[key] = entry
    }

    /// Forgets every answer (after a write).
    func invalidate() {
        lock.lock()
        defer { lock.unlock() }
        generation += 1
        entries.removeAll(keepingCapacity: true)
    }
}

/// Answers repeated GET requests from a `ResponseCache` and fills it with successful answers.
struct ResponseCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let cache: ResponseCache

    /// Collects a response body into one buffer.
    final class Sink: @unchecked Sendable {
        var buffer = ByteBuffer()
    }
    struct Collector: ResponseBodyWriter {
        let sink: Sink
        mutating func write(_ buffer: ByteBuffer) async throws {
            var b = buffer
            sink.buffer.writeBuffer(&b)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard cache.ttl > 0, request.method == .get else { return try await next(request, context) }
        let key = request.uri.description
        if let e = cache.lookup(key) {
            return Response(status: e.status, headers: e.headers, body: .init(byteBuffer: e.body))
        }
        let generation = cache.currentGeneration()
        let response = try await next(request, context)
        guard response.status == .ok else { return response }
        let sink = Sink()
        try await response.body.write(Collector(sink: sink))
        let expires = ResponseCache.now() + UInt64(cache.ttl * 1_000_000_000)
        cache.store(key, .init(status: response.status, headers: response.headers, body: sink.buffer, expires: expires), generation: generation)
        return Response(status: response.status, headers: response.headers, body: .init(byteBuffer: sink.buffer))
    }
}

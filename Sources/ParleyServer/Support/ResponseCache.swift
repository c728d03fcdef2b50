import Foundation
import Hummingbird

/// A short-lived cache of whole GET answers (status, headers, body) keyed by path and query: a page or API
/// answer asked for many times in a second is computed once. An entry is fresh for `ttl` seconds; after that,
/// one request recomputes it while the others are still answered from the old entry (for at most
/// `staleSeconds`), so a slow aggregate page never makes every reader wait. When there is no entry at all, the
/// first request computes the answer and the others asking for it meanwhile wait for that one answer instead
/// of each computing it again (many clients asking at once for a slow page would otherwise take every
/// worker thread, and the server would stop answering anyone else). Every write through the API
/// empties the cache at once, so only writes by other processes (`parley ingest`) can be seen late. A `ttl`
/// of zero turns it off.
final class ResponseCache: @unchecked Sendable {
    struct Entry {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        var expires: UInt64
        /// Until when the entry may still be served while one request recomputes it.
        var staleUntil: UInt64 = 0
    }

    /// What a lookup found.
    enum Lookup {
        case fresh(Entry)
        /// An old entry to answer with; another request is already recomputing it.
        case stale(Entry)
        /// Nothing usable: this request computes the answer (and, if it was stale, is the one refreshing it).
        case miss
        /// Nothing usable, and another request is computing the answer: `wait` for it.
        case inFlight
    }

    let ttl: Double
    let staleSeconds: Double
    let capacity: Int
    private var refreshing: Set<String> = []
    /// Requests waiting for an answer another request is computing, by key.
    private var waiters: [String: [CheckedContinuation<Entry?, Never>]] = [:]
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var generation = 0

    init(ttl: Double, staleSeconds: Double = 60, capacity: Int = 2000) {
        self.ttl = ttl
        self.staleSeconds = staleSeconds
        self.capacity = capacity
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func lookup(_ key: String) -> Entry? {
        if case .fresh(let e) = find(key) { return e }
        return nil
    }

    /// A fresh entry; else a stale one when another request is refreshing it; else, when another request is
    /// computing the answer, in flight; else a miss, after which the caller computes the answer (which is then
    /// the caller's to `store` or `release`).
    func find(_ key: String) -> Lookup {
        lock.lock()
        defer { lock.unlock() }
        let now = Self.now()
        if let e = entries[key] {
            if now <= e.expires { return .fresh(e) }
            if now <= e.staleUntil {
                if refreshing.contains(key) { return .stale(e) }
                refreshing.insert(key)
                return .miss
            }
            entries[key] = nil
        }
        if refreshing.contains(key) { return .inFlight }
        refreshing.insert(key)
        return .miss
    }

    /// The answer another request is computing for `key`, once it is stored; nil when that request failed,
    /// its answer was not cacheable, or a write came first (the caller then computes its own answer).
    func wait(_ key: String) async -> Entry? {
        await withCheckedContinuation { (c: CheckedContinuation<Entry?, Never>) in
            lock.lock()
            if refreshing.contains(key) {
                waiters[key, default: []].append(c)
                lock.unlock()
            } else {
                let e = entries[key]
                lock.unlock()
                c.resume(returning: e)
            }
        }
    }

    /// Gives up a computation this request took on (it failed or was not cacheable).
    func release(_ key: String) {
        lock.lock()
        refreshing.remove(key)
        let waiting = waiters.removeValue(forKey: key) ?? []
        lock.unlock()
        for w in waiting { w.resume(returning: nil) }
    }

    /// The current generation, to pass back to `store` so an answer computed before a write is not kept after it.
    func currentGeneration() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return generation
    }

    func store(_ key: String, _ entry: Entry, generation g: Int) {
        lock.lock()
        refreshing.remove(key)
        let waiting = waiters.removeValue(forKey: key) ?? []
        let kept = g == generation
        if kept {
            if entries.count >= capacity {
                let now = Self.now()
                entries = entries.filter { $0.value.staleUntil >= now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = entry
        }
        lock.unlock()
        for w in waiting { w.resume(returning: kept ? entry : nil) }
    }

    /// Forgets every answer (after a write).
    func invalidate() {
        lock.lock()
        generation += 1
        entries.removeAll(keepingCapacity: true)
        refreshing.removeAll()
        let waiting = waiters.values.flatMap { $0 }
        waiters.removeAll()
        lock.unlock()
        for w in waiting { w.resume(returning: nil) }
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
        // A signed-in reviewer's pages carry their session's form token: never cached, never answered from the cache.
        guard cache.ttl > 0, request.method == .get, ReviewSessions.sessionID(request.headers) == nil else { return try await next(request, context) }
        let key = request.uri.description
        switch cache.find(key) {
        case .fresh(let e), .stale(let e):
            return Response(status: e.status, headers: e.headers, body: .init(byteBuffer: e.body))
        case .inFlight:
            if let e = await cache.wait(key) {
                return Response(status: e.status, headers: e.headers, body: .init(byteBuffer: e.body))
            }
            return try await next(request, context)  // the other request's answer was not kept: compute this one
        case .miss:
            break
        }
        let generation = cache.currentGeneration()
        let response: Response
        do { response = try await next(request, context) } catch {
            cache.release(key)
            throw error
        }
        guard response.status == .ok else {
            cache.release(key)
            return response
        }
        let sink = Sink()
        do { try await response.body.write(Collector(sink: sink)) } catch {
            cache.release(key)
            throw error
        }
        let now = ResponseCache.now()
        let expires = now + UInt64(cache.ttl * 1_000_000_000)
        let staleUntil = expires + UInt64(cache.staleSeconds * 1_000_000_000)
        cache.store(key, .init(status: response.status, headers: response.headers, body: sink.buffer, expires: expires, staleUntil: staleUntil),
                    generation: generation)
        return Response(status: response.status, headers: response.headers, body: .init(byteBuffer: sink.buffer))
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches URLs over HTTP(S) the way a well-behaved crawler does: robots.txt obeyed (read once per host),
/// requests to a host spaced out, a global cap on requests in flight, a descriptive User-Agent, timeouts,
/// retries with exponential backoff on 429 and 5xx (Retry-After honoured, bounded), redirects followed up to
/// a limit with loops detected, conditional requests, and a size limit on bodies.
public final class PoliteFetcher: Sendable {
    public let policy: FetchPolicy
    let client: HTTPClient
    let pacer = HostPacer()
    let gate: ConcurrencyGate
    let robots = RobotsCache()

    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
        var config = HTTPClient.Configuration()
        config.redirectConfiguration = .disallow
        config.timeout = .init(connect: .milliseconds(Int64(policy.timeout * 1000)), read: .milliseconds(Int64(policy.timeout * 1000)))
        config.decompression = .enabled(limit: .size(policy.maximumBytes))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
        gate = ConcurrencyGate(limit: policy.concurrency)
    }

    /// Closes the connections; call once when done.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Fetches `url`, following redirects. Any final status is returned (the caller decides what a 404 means);
    /// a refused scheme, a robots.txt ban, a redirect loop, a timeout, a network error or an oversized body throws.
    public func fetch(_ url: String, validators: Validators? = nil) async throws(SourceError) -> FetchResponse {
        var current = url
        var seen: Set<String> = [url]
        for _ in 0...policy.maximumRedirects {
            let target = try Self.check(current, source: url)
            if policy.obeyRobots, !(try await allowedByRobots(target, source: url)) {
                throw SourceError(source: url, message: current == url ? "robots.txt of \(target.host ?? "") forbids this path; not fetched"
                                  : "redirected to \(current), which robots.txt forbids; not fetched")
            }
            var response = try await fetchWithRetries(target, validators: current == url ? validators : nil, source: url)
            response.requestedURL = url
            guard [301, 302, 303, 307, 308].contains(response.status) else { return response }
            guard let location = response.location, let next = URL(string: location, relativeTo: target)?.absoluteURL.absoluteString else {
                throw SourceError(source: url, message: "HTTP \(response.status) redirect without a usable Location header")
            }
            if seen.contains(next) { throw SourceError(source: url, message: "redirect loop (\(current) → \(next))") }
            seen.insert(next)
            current = next
        }
        throw SourceError(source: url, message: "more than \(policy.maximumRedirects) redirects; gave up at \(current)")
    }

    /// The URL parsed, with an http or https scheme and a host, or a clear error.
    static func check(_ url: String, source: String) throws(SourceError) -> URL {
        guard let u = URL(string: url), let scheme = u.scheme?.lowercased() else {
            throw SourceError(source: source, message: "not a URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw SourceError(source: source, message: "unsupported URL scheme '\(scheme)'; only http and https URLs can be fetched")
        }
        guard let host = u.host, !host.isEmpty else { throw SourceError(source: source, message: "the URL has no host") }
        return u
    }

    static func hostKey(_ u: URL) -> String {
        "\(u.scheme?.lowercased() ?? "http")://\(u.host?.lowercased() ?? "")" + (u.port.map { ":\($0)" } ?? "")
    }

    func allowedByRobots(_ u: URL, source: String) async throws(SourceError) -> Bool {
        let key = Self.hostKey(u)
        let rules = await robots.rules(for: key) { [self] in
            guard var robotsURL = URL(string: key + "/robots.txt") else { return .allowAll }
            do {
                // Up to five redirects (RFC 9309); 4xx means no rules; 5xx after retries means stay away.
                for _ in 0..<5 {
                    let r = try await fetchWithRetries(robotsURL, validators: nil, source: robotsURL.absoluteString)
                    if [301, 302, 303, 307, 308].contains(r.status), let location = r.location,
                       let next = URL(string: location, relativeTo: robotsURL)?.absoluteURL {
                        robotsURL = next
                        continue
                    }
                    if r.status >= 500 { return .disallowAll }
                    guard r.succeeded else { return .allowAll }
                    return RobotsRules(String(decoding: r.body, as: UTF8.self), agent: policy.robotsToken)
                }
                return .allowAll
            } catch {
                // The host cannot be reached at all: the page's own fetch fails the same way and says why.
                return .allowAll
            }
        }
        var path = u.path.isEmpty ? "/" : u.path
        if let q = u.query { path += "?" + q }
        return rules.allows(path)
    }

    func fetchWithRetries(_ u: URL, validators: Validators?, source: String) async throws(SourceError) -> FetchResponse {
        var attempt = 0
        while true {
            let key = Self.hostKey(u)
            let delay = max(policy.hostInterval, await robots.cached(key)?.crawlDelay ?? 0)
            await pacer.wait(host: key, interval: delay)
            await gate.acquire()
            let result: Result<FetchResponse, AttemptFailure>
            do throws(AttemptFailure) { result = .success(try await once(u, validators: validators, source: source)) } catch { result = .failure(error) }
            await gate.release()
            let retryable: Bool
            var wait = policy.backoff * pow(2, Double(attempt))
            switch result {
            case .success(let r):
                retryable = r.status == 429 || (500...599).contains(r.status)
                if retryable, let after = r.retryAfter {
                    if after > policy.maximumRetryWait {
                        return r
                    }
                    wait = after
                }
                if !retryable { return r }
            case .failure(let e):
                retryable = e.retryable
                if !retryable { throw e.error }
            }
            if attempt >= policy.retries {
                switch result {
                case .success(let r): return r
                case .failure(let e): throw e.error
                }
            }
            attempt += 1
            try? await Task.sleep(nanoseconds: UInt64(min(wait, policy.maximumRetryWait) * 1e9))
        }
    }

    /// Why one attempt failed, and whether trying again may help (connection errors: yes; timeouts, oversized bodies: no).
    struct AttemptFailure: Error {
        var error: SourceError
        var retryable: Bool
    }

    func once(_ u: URL, validators: Validators?, source: String) async throws(AttemptFailure) -> FetchResponse {
        do { return try await attempt(u, validators: validators, source: source) } catch let e as SourceError {
            throw AttemptFailure(error: e, retryable: false)
        } catch let e as HTTPClientError where e == .readTimeout || e == .deadlineExceeded || e == .connectTimeout {
            throw AttemptFailure(error: SourceError(source: source, message: "timed out after \(policy.timeout) s (\(u.absoluteString))"), retryable: false)
        } catch {
            if "\(error)".contains("decompressionLimit") {
                throw AttemptFailure(error: SourceError(source: source, message: "the body is larger than the \(policy.maximumBytes) byte limit once decompressed; not read"),
                                     retryable: false)
            }
            throw AttemptFailure(error: SourceError(source: source, message: "cannot fetch \(u.absoluteString): \(error)"), retryable: true)
        }
    }

    /// One request; throws `SourceError` for a refused body, the client's errors otherwise.
    func attempt(_ u: URL, validators: Validators?, source: String) async throws -> FetchResponse {
        var request = HTTPClientRequest(url: u.absoluteString)
        request.headers.add(name: "User-Agent", value: policy.userAgent)
        request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
        if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lm = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: lm) }
        let response = try await client.execute(request, timeout: .milliseconds(Int64(policy.timeout * 1000)))
        let status = Int(response.status.code)
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > policy.maximumBytes {
            throw SourceError(source: source, message: "the body is \(length) bytes, larger than the \(policy.maximumBytes) byte limit; not read")
        }
        var body: [UInt8] = []
        for try await chunk in response.body {
            body.append(contentsOf: chunk.readableBytesView)
            if body.count > policy.maximumBytes {
                throw SourceError(source: source, message: "the body is larger than the \(policy.maximumBytes) byte limit; not read")
            }
        }
        let (media, charset) = HTTPHeaderValues.mediaType(response.headers.first(name: "Content-Type") ?? "")
        var r = FetchResponse(requestedURL: source, url: u.absoluteString, status: status, contentType: media, charset: charset,
                              etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"), body: body)
        r.location = response.headers.first(name: "Location")
        r.retryAfter = response.headers.first(name: "Retry-After").flatMap { HTTPHeaderValues.retryAfter($0) }
        return r
    }
}

import Foundation
import Hummingbird
import Mustache
import ParleyStore
import Testing
@testable import ParleyServer

// Small pieces of the server on their own: cursors, dates, the token check, text highlighting.

@Suite struct CursorCodecTests {
    @Test func roundTrips() throws {
        for c in [EventCursor(date: "2024-05-03", id: 42), EventCursor(date: nil, id: 7), EventCursor(date: "2024", id: 1)] {
            #expect(try EventCursorCodec.decode(EventCursorCodec.encode(c)) == c)
        }
    }

    @Test(arguments: ["", "%%%", "djF8bmV3ZXN0fDIwMjR8eA", "aGVsbG8", String(repeating: "A", count: 400), "~", "~0", "~01", "2024~", "2024-13~5",
                      "2024~5~6", "~1234567890123456789", "~-5", "~+5", "2024-05-03 ~5"])
    func malformedIsA400(text: String) {
        #expect(throws: Problem.self) { try EventCursorCodec.decode(text) }
    }
}

@Suite struct DateParameterTests {
    @Test(arguments: ["2024", "2024-05", "2024-05-03"]) func valid(date: String) { #expect(DateParameter.isValid(date)) }
    @Test(arguments: ["24", "2024-5", "2024-13", "2024-05-32", "May 2024", "2024-05-03x", "２０２４"]) func invalid(date: String) {
        #expect(!DateParameter.isValid(date))
    }
}

@Suite struct BearerTokenTests {
    @Test func matchesOnlyTheExactToken() {
        #expect(BearerToken.matches(header: "Bearer abc", token: "abc"))
        #expect(!BearerToken.matches(header: "Bearer abd", token: "abc"))
        #expect(!BearerToken.matches(header: "Bearer ab", token: "abc"))
        #expect(!BearerToken.matches(header: "Bearer abcd", token: "abc"))
        #expect(!BearerToken.matches(header: "abc", token: "abc"))
        #expect(!BearerToken.matches(header: nil, token: "abc"))
    }
}

@Suite struct TextHighlighterTests {
    @Test func piecesCoverTheTextAndMarkSpans() {
        let text = "Ana Lopes met Karim Haddad in Hanoi."
        let spans = [DocumentSpan(kind: "event", start: 0, end: 36, text: text, ref: "E1"),
                     DocumentSpan(kind: "person", start: 0, end: 9, text: "Ana Lopes", ref: "P1"),
                     DocumentSpan(kind: "place", start: 30, end: 35, text: "Hanoi", ref: "Hanoi")]
        let pieces = TextHighlighter.pieces(text, spans: spans)
        #expect(pieces.map(\.text).joined() == text)
        #expect(pieces.first { $0.text == "Ana Lopes" }?.entity?.kind == "person")
        #expect(pieces.first { $0.text == "Hanoi" }?.entity?.kind == "place")
        #expect(pieces.allSatisfy { $0.event == "E1" })
    }

    @Test func offsetsCountUnicodeScalars() {
        let text = "Café talks: José Ruiz met 王毅."
        let spans = [DocumentSpan(kind: "person", start: 12, end: 21, text: "José Ruiz", ref: nil)]
        #expect(TextHighlighter.pieces(text, spans: spans).first { $0.entity != nil }?.text == "José Ruiz")
    }
}

@Suite struct ResponseCacheTests {
    @Test func entriesExpireAndWritesEmptyTheCache() async throws {
        let cache = ResponseCache(ttl: 0.05)
        let entry = ResponseCache.Entry(status: .ok, headers: [:], body: ByteBuffer(string: "x"), expires: ResponseCache.now() + 50_000_000)
        cache.store("/a", entry, generation: cache.currentGeneration())
        #expect(cache.lookup("/a") != nil)
        cache.invalidate()
        #expect(cache.lookup("/a") == nil)
        let stale = cache.currentGeneration()
        cache.invalidate()
        cache.store("/b", entry, generation: stale)
        #expect(cache.lookup("/b") == nil, "an answer computed before a write is not kept")
        cache.store("/c", entry, generation: cache.currentGeneration())
        try await Task.sleep(nanoseconds: 80_000_000)
        #expect(cache.lookup("/c") == nil)
    }
}

@Suite struct EventsJSONWriterTests {
    /// An event with text that needs escaping, built through its decoder (the store's types have no public initialisers).
    static func sample(_ evidence: String) throws -> EventSummary {
        let object: [String: Any] = [
            "id": 7, "type": "MEET", "place": "Hanoi \"old\" quarter", "countries": ["EGY", "VNM"],
            "organizations": [["id": 3, "name": "Ministry/Office \"A\""], ["id": 4, "name": "Party", "kind": "party", "country": "VNM"]],
            "cameo": "040", "plover": "CONSULT", "ploverMode": "meet", "channel": "mixed", "channelReason": "EGY state: \"x\"; VNM party: y",
            "sides": [["country": "EGY", "channel": "state", "channelReason": "Karim\u{1}Haddad, Embassy", "level": "ambassador", "levelReason": "z"],
                      ["channel": "party"], ["country": "VNM", "level": "minister"]],
            "participants": [["id": 1, "name": "Ana \\ Lopes", "country": "VNM", "role": "host"], ["id": 2, "name": "Karim\u{1}Haddad"]],
            "sources": [
                ["documentId": "d1", "reported": false, "sentence": 2, "start": 10, "end": 99, "evidence": evidence, "confidence": 0.85],
                ["documentId": "d2", "url": "https://example.org/a?b=1", "reported": true, "sentence": 0, "start": 0, "end": 5, "evidence": "x",
                 "confidence": 1],
            ],
        ]
        return try JSONDecoder().decode(EventSummary.self, from: JSONSerialization.data(withJSONObject: object))
    }

    @Test func writesWhatJSONEncoderWrites() throws {
        let page = APIController.EventsPage(events: [try Self.sample("Line one\nline \"two\"\t— Café 王毅 <b>&"), try Self.sample("")],
                                            nextCursor: "abc", order: "newest", limit: 2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = try JSONSerialization.jsonObject(with: encoder.encode(page)) as? NSDictionary
        let written = try JSONSerialization.jsonObject(with: Data(EventsJSONWriter.page(page))) as? NSDictionary
        #expect(expected != nil && written == expected)
        var last = page
        last.nextCursor = nil
        let a = try JSONSerialization.jsonObject(with: encoder.encode(last)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(EventsJSONWriter.page(last))) as? NSDictionary
        #expect(a == b)
    }
}

@Suite struct StaleWhileRevalidateTests {
    @Test func oneRequestRefreshesWhileOthersGetTheOldAnswer() throws {
        let cache = ResponseCache(ttl: 0.01, staleSeconds: 60)
        let now = ResponseCache.now()
        let entry = ResponseCache.Entry(status: .ok, headers: [:], body: ByteBuffer(string: "old"), expires: now, staleUntil: now + 60_000_000_000)
        cache.store("/a", entry, generation: cache.currentGeneration())
        Thread.sleep(forTimeInterval: 0.02)
        guard case .miss = cache.find("/a") else { Issue.record("the first request after expiry refreshes"); return }
        guard case .stale = cache.find("/a") else { Issue.record("others get the old answer meanwhile"); return }
        cache.release("/a")
        guard case .miss = cache.find("/a") else { Issue.record("a failed refresh lets the next request try"); return }
    }
}

/// Found by Scripts/hostile-load.py: clients asking at once for a slow page nobody had asked for lately each
/// computed it, took every worker thread, and the server stopped answering anyone else.
@Suite struct SingleFlightTests {
    static func entry(_ body: String) -> ResponseCache.Entry {
        ResponseCache.Entry(status: .ok, headers: [:], body: ByteBuffer(string: body), expires: ResponseCache.now() + 60_000_000_000,
                            staleUntil: ResponseCache.now() + 120_000_000_000)
    }

    @Test func othersWaitForTheOneAnswerBeingComputed() async throws {
        let cache = ResponseCache(ttl: 60)
        guard case .miss = cache.find("/slow") else { Issue.record("the first request computes"); return }
        guard case .inFlight = cache.find("/slow") else { Issue.record("the second one waits"); return }
        async let waited = cache.wait("/slow")
        try await Task.sleep(nanoseconds: 20_000_000)
        cache.store("/slow", Self.entry("page"), generation: cache.currentGeneration())
        let got = await waited
        #expect(got.map { String(buffer: $0.body) } == "page")
    }

    @Test func aFailedComputationLetsTheWaitersComputeTheirOwn() async throws {
        let cache = ResponseCache(ttl: 60)
        _ = cache.find("/slow")
        async let waited = cache.wait("/slow")
        try await Task.sleep(nanoseconds: 20_000_000)
        cache.release("/slow")
        #expect(await waited == nil)
        guard case .miss = cache.find("/slow") else { Issue.record("the next request computes again"); return }
    }

    @Test func aWriteWakesTheWaitersWithNothing() async throws {
        let cache = ResponseCache(ttl: 60)
        let generation = cache.currentGeneration()
        _ = cache.find("/slow")
        async let waited = cache.wait("/slow")
        try await Task.sleep(nanoseconds: 20_000_000)
        cache.invalidate()
        #expect(await waited == nil)
        cache.store("/slow", Self.entry("old"), generation: generation)
        #expect(cache.lookup("/slow") == nil, "an answer computed before the write is not kept")
    }

    @Test func waitingAfterTheAnswerWasStoredGetsIt() async {
        let cache = ResponseCache(ttl: 60)
        _ = cache.find("/slow")
        cache.store("/slow", Self.entry("page"), generation: cache.currentGeneration())
        #expect(await cache.wait("/slow").map { String(buffer: $0.body) } == "page")
    }
}

@Suite struct HTMLEscapingTests {
    /// The same escaping as swift-mustache's own HTML content type, which it replaces in the templates.
    @Test(arguments: ["", "plain text", "<script>alert(\"x\")</script>", "Tom & Jerry's <b>", "王毅 — Café “quoted” é\u{301}", "a>b<c&d\"e'f"])
    func escapesAsSwiftMustacheDoes(_ text: String) throws {
        let reference = try MustacheTemplate(string: "{{x}}").render(["x": text])
        #expect(HTMLEscaping.escape(text) == reference)
    }
}

@Suite struct TrustedHTMLTests {
    /// Triple braces show a value unescaped: the templates use them only for `…HTML` keys, which hold `TrustedHTML`.
    @Test func templatesShowOnlyTrustedHTMLUnescaped() throws {
        let templates = try ServerResources.load().templates
        #expect(!templates.isEmpty)
        for (name, text) in templates {
            var rest = Substring(text)
            while let open = rest.range(of: "{{{") {
                let close = try #require(rest.range(of: "}}}", range: open.upperBound..<rest.endIndex), "\(name)")
                let key = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                #expect(key.hasSuffix("HTML"), "\(name): {{{\(key)}}}")
                rest = rest[close.upperBound...]
            }
            #expect(!text.contains("{{&"), "\(name)")
        }
    }

    @Test func eventTablesEscapeWhatReleasesSay() throws {
        let object: [String: Any] = [
            "id": 7, "type": "MEET\"><script>", "date": "2024-05-01", "place": "<img src=x onerror=alert(1)>",
            "organizations": [], "countries": ["<b>"],
            "participants": [["id": 1, "name": "Ana <i>Lopes</i>", "role": "host\" onmouseover=\"x"]],
            "sources": [],
        ]
        let e = try JSONDecoder().decode(EventSummary.self, from: JSONSerialization.data(withJSONObject: object))
        let html = EventTableHTML.table([e]).html
        #expect(!html.contains("<img") && !html.contains("<script>") && !html.contains("<i>") && !html.contains("<b>"))
        #expect(!html.contains("\" onmouseover"))
        #expect(html.contains("Ana &lt;i&gt;Lopes&lt;/i&gt;"))
        #expect(html.contains("href=\"/events/E7\""))
    }
}

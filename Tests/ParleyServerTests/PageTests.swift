import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

// The HTML pages in-process: every page answers with a title, release text is escaped, static files are
// served from their one folder only.

@Suite struct PageTests {
    let db: TestDatabase
    init() throws { db = try TestDatabase() }

    func title(_ html: String) -> String? {
        guard let a = html.range(of: "<title>"), let b = html.range(of: "</title>", range: a.upperBound..<html.endIndex) else { return nil }
        return String(html[a.upperBound..<b.lowerBound])
    }

    @Test func everyPageAnswersWithATitle() async throws {
        try await db.withClient { client in
            let event = try #require((try await client.get("/api/v1/events?type=MEET").json()["events"] as? [[String: Any]])?.first?["id"] as? Int)
            let person = try #require((try await client.get("/api/v1/people?q=lopes").json()["people"] as? [[String: Any]])?.first?["id"] as? Int)
            let countries = try await client.get("/api/v1/countries").json()["countries"] as? [[String: Any]] ?? []
            let country = countries.first?["code"] as? String ?? "VNM"
            var uris = ["/", "/events", "/events?type=MEET&country=\(country)", "/events/E\(event)", "/people", "/people?q=lopes",
                        "/people/P\(person)", "/organizations", "/countries", "/countries/\(country)", "/network", "/network?kind=countries",
                        "/documents/meeting", "/search?q=trade", "/search"]
            if countries.count >= 2, let b = countries[1]["code"] as? String { uris.append("/countries/\(country)/\(b)") }
            for uri in uris {
                let r = try await client.get(uri)
                #expect(r.status == .ok, "\(uri)")
                #expect(r.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                #expect(title(r.text)?.contains("Parley") == true, "\(uri)")
            }
        }
    }

    @Test func organizationsOfAnEventLinkToTheirPages() async throws {
        try await db.withClient { client in
            let events = try await client.get("/api/v1/events?limit=500").json()["events"] as? [[String: Any]] ?? []
            let withOrg = try #require(events.first { !(($0["organizations"] as? [[String: Any]]) ?? []).isEmpty })
            let org = try #require((withOrg["organizations"] as? [[String: Any]])?.first)
            let id = try #require(org["id"] as? Int)
            let page = try await client.get("/events/E\(withOrg["id"] as? Int ?? 0)").text
            #expect(page.contains("href=\"/organizations/O\(id)\""))
            let profile = try await client.get("/organizations/O\(id)")
            #expect(profile.status == .ok)
            #expect(profile.text.contains(((org["name"] as? String) ?? "?").replacingOccurrences(of: "'", with: "&#39;")))
        }
    }

    @Test func markupInAReleaseIsShownAsText() async throws {
        try await db.withClient { client in
            for uri in ["/documents/hostile", "/search?q=talks", "/search?q=%3Cscript%3E", "/", "/events?limit=500"] {
                let html = try await client.get(uri).text
                #expect(!html.contains("<script>alert"), "\(uri)")
                #expect(!html.contains("<img src=x"), "\(uri)")
            }
            let doc = try await client.get("/documents/hostile").text
            #expect(doc.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
            #expect(doc.contains("&lt;img src=x onerror=alert(1)&gt;"))
            let events = try await client.get("/api/v1/events?limit=500").json()["events"] as? [[String: Any]] ?? []
            for e in events {
                let page = try await client.get("/events/E\(e["id"] as? Int ?? 0)").text
                #expect(!page.contains("<img src=x"))
            }
        }
    }

    @Test func searchTermsAreEscapedInThePage() async throws {
        try await db.withClient { client in
            let html = try await client.get("/search?q=%22%3E%3Cb%3Ebold").text
            #expect(!html.contains("\"><b>bold"))
            #expect(html.contains("&quot;&gt;&lt;b&gt;bold"))
        }
    }

    @Test func pagesSendAContentSecurityPolicy() async throws {
        try await db.withClient { client in
            let r = try await client.get("/")
            #expect(r.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        }
    }

    @Test func staticFilesAreServed() async throws {
        try await db.withClient { client in
            let css = try await client.get("/static/parley.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let status1 = try await client.get("/static/network.js").status
            #expect(status1 == .ok)
        }
    }

    @Test(arguments: ["/static/../Package.swift", "/static/..%2F..%2FPackage.swift", "/static/%2e%2e/openapi.json", "/static/..",
                      "/static/templates%2Fhome.mustache", "/static/../../../../etc/passwd", "/static/.%2e/.%2e/etc/passwd"])
    func pathTraversalIsRefused(uri: String) async throws {
        try await db.withClient { client in
            let r = try await client.get(uri)
            #expect(r.status == .notFound, "\(uri)")
            #expect(!r.text.contains("root:"))
            #expect(!r.text.contains("PackageDescription"))
        }
    }

    @Test func unknownPageIsAn404Page() async throws {
        try await db.withClient { client in
            let r = try await client.get("/events/E99999")
            #expect(r.status == .notFound)
            #expect(r.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func badFilterOnThePageIsA400Page() async throws {
        try await db.withClient { client in
            let r = try await client.get("/events?from=yesterday")
            #expect(r.status == .badRequest)
            #expect(r.text.contains("from must be a date"))
        }
    }

    @Test func csvDownloadHasTheShownEvents() async throws {
        try await db.withClient { client in
            let json = try await client.get("/api/v1/events?limit=2").json()["events"] as? [[String: Any]] ?? []
            let csv = try await client.get("/events.csv?limit=2")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.count == json.count + 1)
        }
    }
}

import ParleyCore
import Testing
@testable import ParleySources

@Suite struct SourceListingTests {
    @Test func rssItemsBecomePagesWithTitleAndDate() throws {
        let feed = ReleasePages.rss(base: "http://example.test", count: 3)
        guard case .feed(let title, let items) = try SourceListing.read(Array(feed.utf8), source: "news.rss") else { Issue.record("not a feed"); return }
        #expect(title == "Ministry news")
        let pages = items.compactMap { try? $0.get() }
        #expect(pages.count == 3)
        #expect(pages[0].url == "http://example.test/news/release-1")
        #expect(pages[0].title == ReleasePages.title(1))
        #expect(pages[0].date == PartialDate(year: 2025, month: 3, day: 1))
    }

    @Test func atomEntriesUseAlternateLinkAndResolveRelativeOnes() throws {
        let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Embassy news</title>
        <entry><title>Ambassador pays a courtesy call</title><link rel="self" href="/api/1"/><link href="/news/call"/>
        <published>2025-05-14T09:30:00+02:00</published></entry>
        <entry><title>No link here</title></entry>
        </feed>
        """
        guard case .feed(_, let items) = try SourceListing.read(Array(atom.utf8), source: "embassy.atom", base: "https://embassy.test/feed") else {
            Issue.record("not a feed"); return
        }
        #expect(try items[0].get() == ListedPage(url: "https://embassy.test/news/call", title: "Ambassador pays a courtesy call",
                                                  date: PartialDate(year: 2025, month: 5, day: 14)))
        guard case .failure(let e) = items[1] else { Issue.record("the entry without a link should fail"); return }
        #expect(e.description.contains("embassy.atom: entry 2"))
    }

    @Test func malformedFeedNamesTheSource() {
        #expect(throws: SourceError.self) { try SourceListing.read(Array("<rss><channel><item></channel>".utf8), source: "broken.rss") }
        do { _ = try SourceListing.read(Array("<rss><channel><item></channel>".utf8), source: "broken.rss") } catch {
            #expect(error.description.hasPrefix("broken.rss: not well-formed XML"))
        }
    }

    @Test func sitemapEntriesCarryLastmod() throws {
        let xml = """
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://mfa.test/a</loc><lastmod>2025-01-05</lastmod></url>
        <url><loc>https://mfa.test/b</loc></url></urlset>
        """
        guard case .sitemap(let pages) = try SourceListing.read(Array(xml.utf8), source: "sitemap.xml") else { Issue.record("not a sitemap"); return }
        #expect(try pages[0].get().date == PartialDate(year: 2025, month: 1, day: 5))
        #expect(try pages[1].get().date == nil)
    }

    @Test func sitemapIndexListsSitemaps() throws {
        let xml = "<sitemapindex><sitemap><loc>https://mfa.test/s1.xml</loc><lastmod>2024-12-01</lastmod></sitemap></sitemapindex>"
        guard case .sitemapIndex(let maps) = try SourceListing.read(Array(xml.utf8), source: "index.xml") else { Issue.record("not an index"); return }
        #expect(maps.map(\.url) == ["https://mfa.test/s1.xml"])
    }

    @Test func otherXMLIsRefusedByName() {
        do { _ = try SourceListing.read(Array("<html><body/></html>".utf8), source: "page.xml"); Issue.record("should throw") } catch {
            #expect(error.message.contains("neither an RSS/Atom feed nor a sitemap"))
        }
    }

    @Test func feedDatesInBothNotations() {
        #expect(FeedDate.parse("Tue, 10 Jun 2025 23:30:00 -0500") == PartialDate(year: 2025, month: 6, day: 10))
        #expect(FeedDate.parse("2025-06-10T09:00:00Z") == PartialDate(year: 2025, month: 6, day: 10))
        #expect(FeedDate.parse("yesterday") == nil)
    }
}

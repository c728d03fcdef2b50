import CLibXML2
import Foundation
import ParleyCore

/// One page a feed or sitemap points to, with what the listing says about it.
public struct ListedPage: Sendable, Equatable {
    /// The page's absolute URL.
    public var url: String
    /// The item's title (feeds).
    public var title: String?
    /// The item's date (feed pubDate/published/updated, sitemap lastmod), as a calendar day when it parses.
    public var date: PartialDate?
}

/// What an XML source turned out to be once read.
public enum SourceListing: Sendable {
    /// An RSS 2.0 / RSS 1.0 / Atom feed: its items, each a page or an error naming the item.
    case feed(title: String?, items: [Result<ListedPage, SourceError>])
    /// A sitemap `urlset`.
    case sitemap([Result<ListedPage, SourceError>])
    /// A sitemap index: the URLs of further sitemaps, with their lastmod.
    case sitemapIndex([ListedPage])

    /// Reads a feed, sitemap or sitemap index. `base` resolves relative links (the URL it was fetched from).
    public static func read(_ bytes: [UInt8], source: String, base: String? = nil) throws(SourceError) -> SourceListing {
        let tree = try XMLTree(bytes, source: source)
        guard let root = tree.root else { throw SourceError(source: source, message: "empty XML document") }
        let baseURL = base.flatMap { URL(string: $0) }
        switch XMLTree.localName(root) {
        case "rss":
            guard let channel = XMLTree.children(root, named: "channel").first else {
                throw SourceError(source: source, message: "RSS feed without a <channel>")
            }
            return .feed(title: XMLTree.childText(channel, "title"),
                         items: XMLTree.children(channel, named: "item").enumerated().map { rssItem($1, number: $0 + 1, source: source, base: baseURL) })
        case "RDF":
            let title = XMLTree.children(root, named: "channel").first.flatMap { XMLTree.childText($0, "title") }
            return .feed(title: title, items: XMLTree.children(root, named: "item").enumerated().map { rssItem($1, number: $0 + 1, source: source, base: baseURL) })
        case "feed":
            return .feed(title: XMLTree.childText(root, "title"),
                         items: XMLTree.children(root, named: "entry").enumerated().map { atomEntry($1, number: $0 + 1, source: source, base: baseURL) })
        case "urlset":
            return .sitemap(XMLTree.children(root, named: "url").enumerated().map { n, node in
                guard let loc = XMLTree.childText(node, "loc"), let url = resolve(loc, base: baseURL) else {
                    return .failure(SourceError(source: source, record: "url \(n + 1)", message: "no valid <loc>"))
                }
                return .success(ListedPage(url: url, date: XMLTree.childText(node, "lastmod").flatMap(FeedDate.parse)))
            })
        case "sitemapindex":
            return .sitemapIndex(XMLTree.children(root, named: "sitemap").compactMap { node in
                guard let loc = XMLTree.childText(node, "loc"), let url = resolve(loc, base: baseURL) else { return nil }
                return ListedPage(url: url, date: XMLTree.childText(node, "lastmod").flatMap(FeedDate.parse))
            })
        case let other:
            throw SourceError(source: source, message: "XML with root <\(other)> is neither an RSS/Atom feed nor a sitemap")
        }
    }

    static func rssItem(_ item: xmlNodePtr, number: Int, source: String, base: URL?) -> Result<ListedPage, SourceError> {
        let title = XMLTree.childText(item, "title")
        var link = XMLTree.childText(item, "link")
        if link == nil, let guid = XMLTree.children(item, named: "guid").first,
           XMLTree.attribute(guid, "isPermaLink") != "false" {
            link = XMLTree.text(guid)
        }
        guard let link, let url = resolve(link, base: base) else {
            return .failure(SourceError(source: source, record: "item \(number)" + (title.map { " (\"\($0)\")" } ?? ""),
                                        message: "no valid <link>"))
        }
        let date = (XMLTree.childText(item, "pubDate") ?? XMLTree.childText(item, "date")).flatMap(FeedDate.parse)
        return .success(ListedPage(url: url, title: title, date: date))
    }

    static func atomEntry(_ entry: xmlNodePtr, number: Int, source: String, base: URL?) -> Result<ListedPage, SourceError> {
        let title = XMLTree.childText(entry, "title")
        let links = XMLTree.children(entry, named: "link")
        let chosen = links.first { (XMLTree.attribute($0, "rel") ?? "alternate") == "alternate" } ?? links.first
        guard let href = chosen.flatMap({ XMLTree.attribute($0, "href") }), let url = resolve(href, base: base) else {
            return .failure(SourceError(source: source, record: "entry \(number)" + (title.map { " (\"\($0)\")" } ?? ""),
                                        message: "no valid <link href>"))
        }
        let date = (XMLTree.childText(entry, "published") ?? XMLTree.childText(entry, "updated")).flatMap(FeedDate.parse)
        return .success(ListedPage(url: url, title: title, date: date))
    }

    /// An absolute http(s) URL for `link`, resolved against `base` when relative.
    static func resolve(_ link: String, base: URL?) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let u = URL(string: trimmed, relativeTo: base)?.absoluteURL, u.scheme != nil else { return nil }
        return u.absoluteString
    }
}

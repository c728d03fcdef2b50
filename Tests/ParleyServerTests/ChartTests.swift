import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import HummingbirdTesting
import Testing

// The charts of the country, country-pair and organization pages: well-formed SVG with a title and description,
// segments whose counts are the table's, and CSV/JSON downloads of the same table.

/// The `data-count` of each bar segment of an SVG, and whether it parsed as XML with a title and a desc.
private final class SVGReader: NSObject, XMLParserDelegate {
    var segments: [(year: String, series: String, count: Int)] = []
    var elements: Set<String> = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.insert(name)
        if name == "rect", let n = attributes["data-count"].flatMap(Int.init) { segments.append((attributes["data-year"] ?? "", attributes["data-series"] ?? "", n)) }
    }
    static func read(_ svg: String) -> SVGReader? {
        let r = SVGReader()
        let p = XMLParser(data: Data(svg.utf8))
        p.delegate = r
        return p.parse() ? r : nil
    }
}

@Suite struct ChartTests {
    let db: TestDatabase
    init() throws { db = try TestDatabase() }

    /// The page's SVG charts.
    static func svgs(_ page: String) -> [String] {
        var out: [String] = []
        var rest = page[...]
        while let start = rest.range(of: "<svg class=\"chart\" xmlns"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    func check(_ client: any TestClientProtocol, page: String, download: String) async throws {
        let html = try await client.get(page).text
        // The chart's SVG ids start with its name (pages with two charts tell them apart so).
        let name = String(download.split(separator: "&")[0].dropFirst("chart=".count))
        let svg = try #require(Self.svgs(html).first { $0.contains("aria-labelledby=\"\(name)-t") }, "\(page) has no \(name) chart")
        let reader = try #require(SVGReader.read(svg), "\(page): the chart is not well-formed XML")
        #expect(reader.elements.isSuperset(of: ["title", "desc", "pattern"]), "\(page): \(reader.elements)")
        let json = try await client.get("/chart.json?" + download).json()
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(!cells.isEmpty)
        // Every segment is a cell of the table, and every cell a segment.
        let table = cells.map { ("\($0["year"] as? String ?? "")", $0["series"] as? String ?? "", $0["count"] as? Int ?? -1) }
        #expect(reader.segments.map { "\($0.year)|\($0.series)|\($0.count)" }.sorted()
                == table.map { "\($0.0.isEmpty ? "undated" : $0.0)|\($0.1)|\($0.2)" }.sorted(), "\(page)")
        for (_, series, count) in table { #expect(html.contains("<td>\(count)</td>") && html.contains(">\(series)</th>")) }
        let csv = try await client.get("/chart.csv?" + download)
        #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
        let lines = csv.text.split(separator: "\n")
        #expect(lines.first == "year,series,count" && lines.count == cells.count + 1)
        #expect(html.contains("/chart.csv?" + download.replacingOccurrences(of: "&", with: "&amp;")))
    }

    @Test func countryPairAndOrganizationChartsMatchTheirTables() async throws {
        try await db.withClient { client in
            let countries = (try await client.get("/api/v1/countries").json()["countries"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            let code = try #require(countries.first)
            try await check(client, page: "/countries/\(code)", download: "chart=country-partners&country=\(code)")
            let partner = try #require((try await client.get("/api/v1/countries/\(code)").json()["partners"] as? [[String: Any]])?.first?["value"] as? String)
            try await check(client, page: "/countries/\(code)/\(partner)", download: "chart=pair-channels&country=\(code)&other=\(partner)")
            try await check(client, page: "/countries/\(code)/\(partner)", download: "chart=pair-types&country=\(code)&other=\(partner)")
            let orgs = try await client.get("/api/v1/organizations").json()["organizations"] as? [[String: Any]] ?? []
            for o in orgs.compactMap({ $0["id"] as? Int }) {
                let table = try await client.get("/chart.json?chart=organization-partners&organization=O\(o)").json()
                if !((table["cells"] as? [Any]) ?? []).isEmpty {
                    try await check(client, page: "/organizations/O\(o)", download: "chart=organization-partners&organization=O\(o)")
                    break
                }
            }
        }
    }

    @Test func aBadChartIsA400() async throws {
        try await db.withClient { client in
            let pie = try await client.get("/chart.csv?chart=pie").status
            let missing = try await client.get("/chart.json?chart=country-partners").status
            let badCode = try await client.get("/chart.json?chart=pair-types&country=GHA&other=12").status
            #expect(pie == .badRequest && missing == .badRequest && badCode == .notFound)
        }
    }
}

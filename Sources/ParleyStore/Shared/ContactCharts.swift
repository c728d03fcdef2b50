import Foundation

/// What a chart counts: a country's contacts per year by partner country, a pair of countries' contacts per year by
/// channel or by type, or an organization's contacts per year by partner country.
public enum ContactChart: Sendable, Equatable {
    case countryPartners(String)
    case pairChannels(String, String)
    case pairTypes(String, String)
    case organizationPartners(Int64)

    /// Its name in URLs (`/chart.csv?chart=country-partners&country=GHA`).
    public var name: String {
        switch self {
        case .countryPartners: return "country-partners"
        case .pairChannels: return "pair-channels"
        case .pairTypes: return "pair-types"
        case .organizationPartners: return "organization-partners"
        }
    }
}

/// The table behind a chart: a count per year (`""` for undated events) and series (a partner, channel or type), the
/// series in the chart's order (largest first; the smaller partners gathered as "other").
public struct ChartTable: Sendable, Codable, Equatable {
    public struct Cell: Sendable, Codable, Equatable {
        public var year: String
        public var series: String
        public var count: Int
    }
    /// What the chart shows, as its title says it.
    public var title: String
    /// Years, oldest first ("" last: undated).
    public var years: [String]
    public var series: [String]
    /// Non-zero cells, by year then series order.
    public var cells: [Cell]

    public func count(year: String, series s: String) -> Int { cells.first { $0.year == year && $0.series == s }?.count ?? 0 }
    public func total(year: String) -> Int { cells.filter { $0.year == year }.reduce(0) { $0 + $1.count } }

    /// One row per year and series with its count (the CSV download).
    public var csv: String {
        var out = "year,series,count\n"
        for c in cells { out += "\(c.year),\(Self.csvField(c.series)),\(c.count)\n" }
        return out
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

/// The one policy behind every chart, the same for both backends: the SQL that counts events per year and series
/// (standard SQL both read), and how the rows become a `ChartTable`.
enum ContactCharts {
    /// Partners kept by name; the others are summed as "other".
    static let mainPartners = 5

    /// The query (year, series, count) and its arguments.
    static func query(_ chart: ContactChart) -> (sql: String, arguments: [CorrectionValue]) {
        let year = "coalesce(substr(e.date, 1, 4), '')"
        switch chart {
        // A country's partners and a pair's types from the kept counts (`eventTally`: a pair's events under both
        // orders of its countries, a country's own under partner ''); channels and organizations counted over events.
        case .countryPartners(let c):
            return ("""
                SELECT year, country, CAST(sum(n) AS bigint) FROM eventTally WHERE partner = ? AND country <> ''
                GROUP BY year, country HAVING sum(n) > 0
                """, [.text(c)])
        case .pairChannels(let a, let b):
            return ("""
                SELECT \(year), coalesce(e.channel, 'not coded'), count(*) FROM eventCountry a JOIN eventCountry b ON b.eventId = a.eventId
                JOIN event e ON e.id = a.eventId WHERE a.country = ? AND b.country = ? GROUP BY 1, 2
                """, [.text(a), .text(b)])
        case .pairTypes(let a, let b):
            return ("""
                SELECT year, type, CAST(sum(n) AS bigint) FROM eventTally WHERE country = ? AND partner = ? GROUP BY year, type HAVING sum(n) > 0
                """, [.text(a), .text(a == b ? "" : b)])
        case .organizationPartners(let o):
            return ("""
                SELECT \(year), c.country, count(*) FROM eventOrganization a JOIN organization o ON o.id = a.organizationId
                JOIN eventCountry c ON c.eventId = a.eventId JOIN event e ON e.id = a.eventId
                WHERE a.organizationId = ? AND (o.country IS NULL OR c.country <> o.country) GROUP BY 1, 2
                """, [.int(o)])
        }
    }

    /// The chart's table from its rows (year, series, count as text).
    static func table(_ chart: ContactChart, rows: [[String?]]) -> ChartTable {
        var counts: [String: [String: Int]] = [:]
        for r in rows where r.count >= 3 {
            guard let series = r[1], let n = r[2].flatMap({ Int($0) }) else { continue }
            counts[r[0] ?? "", default: [:]][series, default: 0] += n
        }
        var totals: [String: Int] = [:]
        for (_, bySeries) in counts { for (s, n) in bySeries { totals[s, default: 0] += n } }
        var series = totals.keys.sorted { (totals[$0]!, $1) > (totals[$1]!, $0) }
        let groupsPartners: Bool
        switch chart {
        case .countryPartners, .organizationPartners: groupsPartners = true
        default: groupsPartners = false
        }
        if groupsPartners && series.count > mainPartners + 1 {
            let kept = Set(series.prefix(mainPartners))
            for (y, bySeries) in counts {
                var merged: [String: Int] = [:]
                for (s, n) in bySeries { merged[kept.contains(s) ? s : "other", default: 0] += n }
                counts[y] = merged
            }
            series = Array(series.prefix(mainPartners)) + ["other"]
        }
        let years = counts.keys.filter { !$0.isEmpty }.sorted() + (counts[""] != nil ? [""] : [])
        let cells = years.flatMap { y in series.compactMap { s in counts[y]?[s].map { ChartTable.Cell(year: y, series: s, count: $0) } } }
        return ChartTable(title: title(chart), years: years, series: series, cells: cells)
    }

    static func title(_ chart: ContactChart) -> String {
        switch chart {
        case .countryPartners(let c): return "Contacts of \(c) per year, by partner country"
        case .pairChannels(let a, let b): return "Contacts between \(a) and \(b) per year, by channel"
        case .pairTypes(let a, let b): return "Contacts between \(a) and \(b) per year, by type"
        case .organizationPartners(let o): return "Contacts of organization O\(o) per year, by partner country"
        }
    }

    static func chart(_ chart: ContactChart, rows: any EventCorrectionRows) throws -> ChartTable {
        let q = query(chart)
        return table(chart, rows: try rows.texts(q.sql, q.arguments))
    }
}

extension SQLiteEventStore {
    /// The table behind a chart.
    public func chart(_ chart: ContactChart) throws -> ChartTable {
        try read { db in try ContactCharts.chart(chart, rows: SQLiteCorrectionRows(db: db)) }
    }
}

extension PostgresEventStore {
    /// The table behind a chart, computed once per database revision (an organization's is counted over its events).
    public func chart(_ chart: ContactChart) throws -> ChartTable {
        try read { s in
            try charts.value("\(chart)", revision: try revision(s)) { try ContactCharts.chart(chart, rows: PostgresCorrectionRows(s: s)) }
        }
    }
}

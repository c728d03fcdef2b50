/// The one policy of both backends for what the kept counts (`eventTally`, see `SummaryTables` and
/// `PostgresSummaryTables`) answer on the browse pages: an events list's facets when no filter needs the events
/// themselves, and the network of countries over whole years. The SQL is standard SQL both backends read, run through
/// `EventCorrectionRows`; what the counts cannot answer each backend counts over its rows.
enum BrowseTallies {
    /// Whether `value` is a whole year ("2024"), which `eventTally` can filter on.
    static func isYear(_ value: String) -> Bool { value.utf8.count == 4 && value.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }

    /// The filter's countries (upper-cased, distinct, in code order) when `eventTally` can answer its facets: no
    /// person, organization, place, channel, level or dispute, at most two countries, whole years. Nil otherwise.
    static func talliedCountries(_ f: EventFilter) -> [String]? {
        let countries = Array(Set(f.countries.map { $0.uppercased() })).sorted()
        let tallied = f.person == nil && f.organization == nil && f.place == nil && f.channel == nil && f.level == nil && !f.disputed
            && countries.count <= 2 && [f.from, f.to].allSatisfy { $0.map(isYear) ?? true }
        return tallied ? countries : nil
    }

    /// Rows of (value, count) as facet counts.
    static func counts(_ rows: any EventCorrectionRows, _ sql: String, _ arguments: [CorrectionValue]) throws -> [FacetCount] {
        try rows.texts(sql, arguments).compactMap { r in
            guard r.count >= 2, let value = r[0], let n = r[1].flatMap({ Int($0) }) else { return nil }
            return FacetCount(value: value, count: n)
        }
    }

    /// Total, types, years and countries of every event, one country's or a pair's (`countries` from
    /// `talliedCountries`), narrowed by type and whole years; a pair's countries come from `pairCountries` (counted over
    /// its events). Channels and levels are left empty.
    static func facets(_ f: EventFilter, _ countries: [String], rows: any EventCorrectionRows,
                       pairCountries: () throws -> [FacetCount]) throws -> EventFacets {
        var clauses: [String] = []
        var narrowing: [CorrectionValue] = []
        if let t = f.type { clauses.append("type = ?"); narrowing.append(.text(t.uppercased())) }
        if let from = f.from { clauses.append("year >= ?"); narrowing.append(.text(from)) }
        if let to = f.to { clauses.append("year <= ? AND year <> ''"); narrowing.append(.text(to)) }
        let narrowed = clauses.map { " AND " + $0 }.joined()
        let key: [CorrectionValue] = [.text(countries.first ?? ""), .text(countries.count > 1 ? countries[1] : "")]
        let sum = "CAST(sum(n) AS bigint)"
        let scope = "FROM eventTally WHERE country = ? AND partner = ?\(narrowed)"
        let types = try counts(rows, "SELECT type, \(sum) AS s \(scope) GROUP BY type HAVING sum(n) > 0 ORDER BY s DESC, type", key + narrowing)
        let total = types.reduce(0) { $0 + $1.count }
        let years = try counts(rows, "SELECT year, \(sum) AS s \(scope) AND year <> '' GROUP BY year HAVING sum(n) > 0 ORDER BY year DESC",
                               key + narrowing)
        var byCountry: [FacetCount]
        switch countries.count {
        case 0:
            byCountry = try counts(rows, """
                SELECT country, \(sum) AS s FROM eventTally WHERE partner = '' AND country <> ''\(narrowed)
                GROUP BY country HAVING sum(n) > 0 ORDER BY s DESC, country LIMIT 40
                """, narrowing)
        case 1:
            // Every event of the country has it, and its partners as often as they share its events (the pairs are
            // counted both ways: the rows whose partner it is).
            byCountry = try counts(rows, """
                SELECT country, \(sum) AS s FROM eventTally WHERE partner = ? AND country <> ''\(narrowed)
                GROUP BY country HAVING sum(n) > 0 ORDER BY s DESC, country LIMIT 40
                """, [.text(countries[0])] + narrowing)
            if total > 0 { byCountry.append(FacetCount(value: countries[0], count: total)) }
        default:
            byCountry = try pairCountries()
        }
        byCountry.sort { ($0.count, $1.value) > ($1.count, $0.value) }
        return EventFacets(total: total, types: types, countries: Array(byCountry.prefix(40)), years: years)
    }

    /// Whether the network can come from `eventTally`'s pairs: countries, every channel, whole years.
    static func talliesNetwork(_ kind: NetworkKind, from: String?, to: String?, channel: String?) -> Bool {
        kind == .countries && channel == nil && [from, to].allSatisfy { $0.map(isYear) ?? true }
    }

    /// The network of countries over whole years, from `eventTally`'s pairs (strongest first, ties in code order).
    static func countryNetwork(rows: any EventCorrectionRows, from: String?, to: String?, limit: Int) throws -> NetworkGraph {
        var clauses = ["partner <> ''", "country < partner"]
        var arguments: [CorrectionValue] = []
        if let from { clauses.append("year >= ?"); arguments.append(.text(from)) }
        if let to { clauses.append("year <= ? AND year <> ''"); arguments.append(.text(to)) }
        arguments.append(.int(Int64(limit)))
        let found = try rows.texts("""
            SELECT country, partner, CAST(sum(n) AS bigint) AS s FROM eventTally WHERE \(clauses.joined(separator: " AND "))
            GROUP BY country, partner HAVING sum(n) > 0 ORDER BY s DESC, country, partner LIMIT ?
            """, arguments)
        var weight: [String: Int] = [:]
        let edges = found.compactMap { r -> NetworkEdge? in
            guard r.count >= 3, let s = r[0], let t = r[1], let n = r[2].flatMap({ Int($0) }) else { return nil }
            weight[s, default: 0] += n
            weight[t, default: 0] += n
            return NetworkEdge(source: s, target: t, events: n)
        }
        return NetworkGraph(kind: .countries, nodes: weight.keys.sorted().map { NetworkNode(id: $0, label: $0, events: weight[$0] ?? 0) }, edges: edges)
    }
}

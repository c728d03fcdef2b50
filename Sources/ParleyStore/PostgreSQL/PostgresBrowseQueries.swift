import Foundation
import ParleyCore
import PostgresNIO

/// `BrowsableStore`'s queries for PostgreSQL, answering as `SQLiteBrowseQueries` does; SQL through bound
/// parameters only.
struct PostgresBrowseQueries {
    let s: PostgresSession
    var queries: PostgresQueries { PostgresQueries(s: s) }

    /// Bound parameters collected while a query's text is built.
    struct Binder {
        var binds = PostgresBindings()
        mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
    }

    /// The rows that list the filter's events, as SQLite's `Queries.eventFilter` chooses them: a pair's rows of
    /// `eventPair`, a country's rows (each carrying its event's date, indexed newest first), a person's (dated, sorted:
    /// a person has hundreds of events, not thousands), else `event` itself; with the date and id columns to order and
    /// page by, and the other filters as clauses.
    func eventFilter(_ f: EventFilter, _ b: inout Binder) throws -> (source: String, date: String, id: String, clauses: [String]) {
        var clauses: [String] = []
        var source = "event", date = "event.date", id = "event.id"
        var countries = Array(Set(f.countries.map { $0.uppercased() })).sorted()
        var person: Int64? = try f.person.map { try queries.personID($0) }
        if countries.count >= 2 {
            source = "eventPair d JOIN event ON event.id = d.eventId"
            clauses.append("d.country = \(b.bind(countries[0])) AND d.partner = \(b.bind(countries[1]))")
            countries.removeFirst(2)
        } else if let first = countries.first {
            source = "eventCountry d JOIN event ON event.id = d.eventId"
            clauses.append("d.country = \(b.bind(first))")
            countries.removeFirst()
        } else if let p = person {
            source = "eventParticipant d JOIN event ON event.id = d.eventId"
            clauses.append("d.personId = \(b.bind(p))")
            person = nil
        }
        if source != "event" { (date, id) = ("d.date", "d.eventId") }
        if let p = person {
            clauses.append("EXISTS (SELECT 1 FROM eventParticipant x WHERE x.eventId = event.id AND x.personId = \(b.bind(p)))")
        }
        for c in countries {
            clauses.append("EXISTS (SELECT 1 FROM eventCountry x WHERE x.eventId = event.id AND x.country = \(b.bind(c)))")
        }
        if let o = f.organization {
            clauses.append("""
                event.id IN (SELECT eventId FROM eventOrganization WHERE organizationId IN
                  (SELECT organizationId FROM organizationAlias WHERE aliasKey = \(b.bind(OrganizationResolver.key(o)))))
                """)
        }
        if let t = f.type { clauses.append("event.type = \(b.bind(t.uppercased()))") }
        if let from = f.from { clauses.append("\(date) >= \(b.bind(from))") }
        // Dates are ISO 8601 of 4, 7 or 10 characters: every date that starts with `to` sorts before `to` + "~".
        if let to = f.to { clauses.append("\(date) <= \(b.bind(to + "~"))") }
        if let place = f.place { clauses.append("lower(event.place) = lower(\(b.bind(place)))") }
        if let channel = f.channel { clauses.append("event.channel = \(b.bind(channel.lowercased()))") }
        if let level = f.level {
            clauses.append("EXISTS (SELECT 1 FROM eventSide x WHERE x.eventId = event.id AND x.level = \(b.bind(level.lowercased())))")
        }
        if f.disputed { clauses.append(EventDisagreements.multiSourceSQL) }
        return (source, date, id, clauses)
    }

    func eventPage(_ f: EventFilter, order: EventOrder, after cursor: EventCursor?) throws -> EventPage {
        guard f.disputed else { return try candidatePage(f, order: order, after: cursor) }
        return try EventDisagreements.disputedPage(limit: f.limit, after: cursor, candidates: { try candidatePage(f, order: order, after: $0) },
                                                   reports: { try queries.sourceReports(ids: $0) })
    }

    /// A page of the events the filter's SQL finds (for `disputed`, those several documents report), read in the
    /// page's order from the (…, date DESC NULLS LAST, id DESC) index of its rows.
    func candidatePage(_ f: EventFilter, order: EventOrder, after cursor: EventCursor?) throws -> EventPage {
        var b = Binder()
        let (source, date, id, filters) = try eventFilter(f, &b)
        var clauses = filters
        if let c = cursor {
            switch (order, c.date) {
            case (.newest, let d?):
                let (x, y, i) = (b.bind(d), b.bind(d), b.bind(c.id))
                clauses.append("(\(date) < \(x) OR (\(date) = \(y) AND \(id) < \(i)) OR \(date) IS NULL)")
            case (.newest, nil):
                clauses.append("(\(date) IS NULL AND \(id) < \(b.bind(c.id)))")
            case (.oldest, let d?):
                let (x, y, i) = (b.bind(d), b.bind(d), b.bind(c.id))
                clauses.append("(\(date) > \(x) OR (\(date) = \(y) AND \(id) > \(i)))")
            case (.oldest, nil):
                clauses.append("((\(date) IS NULL AND \(id) > \(b.bind(c.id))) OR \(date) IS NOT NULL)")
            }
        }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let orderSQL = order == .newest ? "\(date) DESC NULLS LAST, \(id) DESC" : "\(date) ASC NULLS FIRST, \(id) ASC"
        let limit = b.bind(f.limit + 1)
        let rows = try s.rows(PostgresQuery(unsafeSQL: "SELECT \(id), \(date) FROM \(source) \(whereSQL) ORDER BY \(orderSQL) LIMIT \(limit)",
                                            binds: b.binds)).map { try s.decode($0, (Int64, String?).self) }
        let page = rows.prefix(f.limit)
        let events = try queries.eventSummaries(ids: page.map(\.0))
        let next = rows.count > f.limit ? page.last.map { EventCursor(date: $0.1, id: $0.0) } : nil
        return EventPage(events: events, next: next)
    }

    func event(id: Int64) throws -> EventSummary {
        guard var e = try queries.eventSummaries(ids: [id]).first else { throw StoreError.notFound(what: "event \(id)") }
        e.disagreements = SourceDisagreements.find(try queries.sourceReports(ids: [id])[id] ?? [])
        return e
    }

    /// The facets as SQLite's: from `eventTally` where it can answer (`BrowseTallies`), else counted over the
    /// matching events' rows; channels and levels always counted.
    func facets(_ f: EventFilter) throws -> EventFacets {
        let rows = PostgresCorrectionRows(s: s)
        var facets = try BrowseTallies.talliedCountries(f).map { try BrowseTallies.facets(f, $0, rows: rows, pairCountries: { try countedCountries(f) }) }
            ?? countedFacets(f)
        (facets.channels, facets.levels) = try contactFacets(f)
        return facets
    }

    /// `SELECT value, count … FROM` the filter's rows (with `join` and `extra`) as facet counts.
    func counted(_ f: EventFilter, _ select: String, join: String = "", extra: String? = nil, group: String) throws -> [FacetCount] {
        var b = Binder()
        let (source, _, _, clauses) = try eventFilter(f, &b)
        let all = clauses + (extra.map { [$0] } ?? [])
        let sql = "SELECT \(select) FROM \(source)\(join) \(all.isEmpty ? "" : "WHERE " + all.joined(separator: " AND ")) \(group)"
        return try s.rows(PostgresQuery(unsafeSQL: sql, binds: b.binds)).map {
            let (v, n) = try s.decode($0, (String, Int).self)
            return FacetCount(value: v, count: n)
        }
    }

    func countedCountries(_ f: EventFilter) throws -> [FacetCount] {
        try counted(f, "c.country, count(*) AS n", join: " JOIN eventCountry c ON c.eventId = event.id",
                    group: "GROUP BY c.country ORDER BY n DESC, c.country LIMIT 40")
    }

    /// Facets counted over the matching events (a person, an organization, a place, a date inside a year).
    func countedFacets(_ f: EventFilter) throws -> EventFacets {
        let types = try counted(f, "event.type, count(*) AS n", group: "GROUP BY event.type ORDER BY n DESC, event.type")
        let years = try counted(f, "left(event.date, 4) AS year, count(*) AS n", extra: "event.date IS NOT NULL", group: "GROUP BY year ORDER BY year DESC")
        return EventFacets(total: types.reduce(0) { $0 + $1.count }, types: types, countries: try countedCountries(f), years: years)
    }

    /// Channel and level counts of the matching events.
    func contactFacets(_ f: EventFilter) throws -> (channels: [FacetCount], levels: [FacetCount]) {
        let channels = try counted(f, "event.channel, count(*) AS n", extra: "event.channel IS NOT NULL", group: "GROUP BY event.channel")
        let levels = try counted(f, "x.level, count(DISTINCT event.id) AS n", join: " JOIN eventSide x ON x.eventId = event.id",
                                 extra: "x.level IS NOT NULL", group: "GROUP BY x.level")
        return (ContactRecords.channelFacet(channels), ContactRecords.levelFacet(levels))
    }

    func organizations(search: String?, limit: Int) throws -> [OrganizationSummary] {
        var b = Binder()
        var sql = "SELECT id, name, kind, country, documentCount, eventCount FROM organization"
        if let text = search?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            let p = b.bind(pattern)
            sql += " WHERE id IN (SELECT organizationId FROM organizationAlias WHERE alias ILIKE \(p)) OR name ILIKE \(p)"
        }
        // The counts kept with the organization (`PostgresSummaryTables`), through the (eventCount, documentCount, name) index.
        sql += " ORDER BY eventCount DESC, documentCount DESC, name LIMIT \(b.bind(Int64(limit)))"
        return try s.rows(PostgresQuery(unsafeSQL: sql, binds: b.binds)).map {
            let (id, name, kind, country, documents, events) = try s.decode($0, (Int64, String, String, String?, Int, Int).self)
            return OrganizationSummary(id: id, name: name, kind: kind, country: country, aliases: [], documents: documents, events: events)
        }
    }

    func organization(id: Int64) throws -> OrganizationProfile {
        guard let row = try s.rows("SELECT id, name, kind, country, documentCount, eventCount FROM organization WHERE id = \(id)").first else {
            throw StoreError.notFound(what: "organization \(id)")
        }
        let (_, name, kind, country, docs, eventCount) = try s.decode(row, (Int64, String, String, String?, Int, Int).self)
        let aliases = try s.values("SELECT alias FROM organizationAlias WHERE organizationId = \(id) ORDER BY alias", as: String.self)
            .filter { $0 != name }
        // People who speak for the organization (by one of its names) in a document that names it: the mentions of
        // the organization's documents, read by document.
        let people = try s.rows("""
            SELECT person.id, person.name, person.country, t.n FROM (
              SELECT p.personId, count(*) AS n FROM organizationMention m JOIN personMention p ON p.documentId = m.documentId
              WHERE m.organizationId = \(id) AND p.organization IN (SELECT alias FROM organizationAlias WHERE organizationId = \(id) UNION SELECT \(name))
              GROUP BY p.personId) t
            JOIN person ON person.id = t.personId ORDER BY t.n DESC, person.name LIMIT 50
            """).map {
            let (pid, pname, pcountry, n) = try s.decode($0, (Int64, String, String?, Int).self)
            return LinkedPerson(id: pid, name: pname, country: pcountry, count: n)
        }
        let ids = try s.values("""
            SELECT eventId FROM eventOrganization WHERE organizationId = \(id) ORDER BY date DESC NULLS LAST, eventId DESC LIMIT 50
            """, as: Int64.self)
        let summary = OrganizationSummary(id: id, name: name, kind: kind, country: country, aliases: aliases, documents: docs, events: eventCount)
        return OrganizationProfile(organization: summary, people: people, events: try queries.eventSummaries(ids: ids))
    }

    func countries() throws -> [CountrySummary] {
        var events: [String: Int] = [:], people: [String: Int] = [:]
        for r in try s.rows("SELECT country, sum(n)::bigint FROM eventTally WHERE partner = '' AND country <> '' GROUP BY country HAVING sum(n) > 0") {
            let (c, n) = try s.decode(r, (String, Int).self)
            events[c] = n
        }
        for r in try s.rows("SELECT country, count(*) FROM person WHERE country IS NOT NULL GROUP BY country") {
            let (c, n) = try s.decode(r, (String, Int).self)
            people[c] = n
        }
        return Set(events.keys).union(people.keys).map { CountrySummary(code: $0, events: events[$0] ?? 0, people: people[$0] ?? 0) }
            .sorted { ($0.events, $1.code) > ($1.events, $0.code) }
    }

    func country(_ code: String) throws -> CountryProfile {
        let c = code.uppercased()
        let events = try s.value("SELECT coalesce(sum(n), 0)::bigint FROM eventTally WHERE country = \(c) AND partner = ''", as: Int.self) ?? 0
        let peopleCount = try s.value("SELECT count(*) FROM person WHERE country = \(c)", as: Int.self) ?? 0
        if events == 0 && peopleCount == 0 { throw StoreError.notFound(what: "country \(c)") }
        let partners = try s.rows("""
            SELECT country, sum(n)::bigint AS s FROM eventTally WHERE partner = \(c) AND country <> '' GROUP BY country HAVING sum(n) > 0
            ORDER BY s DESC, country LIMIT 50
            """).map {
            let (v, n) = try s.decode($0, (String, Int).self)
            return FacetCount(value: v, count: n)
        }
        let people = try s.rows("""
            SELECT person.id, person.name, person.country,
              (SELECT count(*) FROM eventParticipant WHERE eventParticipant.personId = person.id) AS n
            FROM person WHERE person.country = \(c) ORDER BY n DESC, person.name LIMIT 50
            """).map {
            let (pid, pname, pcountry, n) = try s.decode($0, (Int64, String, String?, Int).self)
            return LinkedPerson(id: pid, name: pname, country: pcountry, count: n)
        }
        var f = EventFilter()
        f.countries = [c]
        f.limit = 20
        let latest = try eventPage(f, order: .newest, after: nil).events
        return CountryProfile(country: CountrySummary(code: c, events: events, people: peopleCount), partners: partners, people: people, events: latest)
    }

    func countryPair(_ a: String, _ b: String) throws -> CountryPairSummary {
        let (x, y) = (a.uppercased(), b.uppercased())
        // A country paired with itself: its own events.
        let partner = x == y ? "" : y
        let years = try s.rows("""
            SELECT year, type, sum(n)::bigint AS s FROM eventTally WHERE country = \(x) AND partner = \(partner)
            GROUP BY year, type HAVING sum(n) > 0 ORDER BY year, type
            """).map {
            let (year, type, n) = try s.decode($0, (String, String, Int).self)
            return YearTypeCount(year: year, type: type, count: n)
        }
        var f = EventFilter()
        f.countries = [x, y]
        f.limit = 50
        let latest = try eventPage(f, order: .newest, after: nil).events
        return CountryPairSummary(countries: [x, y], total: years.reduce(0) { $0 + $1.count }, years: years, events: latest)
    }

    func document(_ id: String) throws -> StoredDocument {
        guard let row = try s.rows("SELECT id, url, site, title, published, text, annotation FROM document WHERE id = \(id)").first else {
            throw StoreError.notFound(what: "document '\(id)'")
        }
        let (docID, url, site, title, published, text, json) = try s.decode(row, (String, String?, String?, String?, String?, String, String).self)
        var annotation: DocumentAnnotation
        do { annotation = try JSONDecoder().decode(DocumentAnnotation.self, from: Data(json.utf8)) } catch {
            throw StoreError.underlying(path: s.location.description, message: "document \(id): stored annotation does not decode (\(error))")
        }
        var entity: [String: Int64] = [:], eventOf: [String: Int64] = [:]
        for r in try s.rows("SELECT localId, personId FROM personMention WHERE documentId = \(id)") {
            let (local, person) = try s.decode(r, (String, Int64).self)
            entity[local] = person
        }
        for r in try s.rows("SELECT localId, eventId FROM eventSource WHERE documentId = \(id)") {
            let (local, event) = try s.decode(r, (String, Int64).self)
            eventOf[local] = event
        }
        Queries.stamp(&annotation, entity: entity, eventOf: eventOf)
        return StoredDocument(id: docID, url: url, site: site, title: title, published: published, text: text, annotation: annotation)
    }

    func network(_ kind: NetworkKind, from: String?, to: String?, channel: String? = nil, limit: Int) throws -> NetworkGraph {
        if BrowseTallies.talliesNetwork(kind, from: from, to: to, channel: channel) {
            return try BrowseTallies.countryNetwork(rows: PostgresCorrectionRows(s: s), from: from, to: to, limit: limit)
        }
        var b = Binder()
        var dated = ""
        if let channel { dated += " AND event.channel = \(b.bind(channel))" }
        if let from { dated += " AND event.date >= \(b.bind(from))" }
        // Every date that starts with `to` sorts before `to` + "~".
        if let to { dated += " AND event.date <= \(b.bind(to + "~"))" }
        let (table, column): (String, String)
        switch kind {
        case .people: (table, column) = ("eventParticipant", "personId")
        case .organizations: (table, column) = ("eventOrganization", "organizationId")
        case .countries: (table, column) = ("eventCountry", "country")
        }
        let limitSQL = b.bind(limit)
        // Within a date range, the range's events first (through the date index), then their rows.
        let rows = try s.rows(PostgresQuery(unsafeSQL: """
            SELECT a.\(column)::text, b.\(column)::text, count(*) AS n FROM event JOIN \(table) a ON a.eventId = event.id
            JOIN \(table) b ON b.eventId = event.id AND a.\(column) < b.\(column)
            WHERE true\(dated) GROUP BY a.\(column), b.\(column) ORDER BY n DESC, 1, 2 LIMIT \(limitSQL)
            """, binds: b.binds)).map { try s.decode($0, (String, String, Int).self) }
        let prefix = kind == .people ? "P" : kind == .organizations ? "O" : ""
        var edges: [NetworkEdge] = []
        var weight: [String: Int] = [:]
        var ids: Set<Int64> = []
        for (x, y, n) in rows {
            edges.append(NetworkEdge(source: prefix + x, target: prefix + y, events: n))
            weight[prefix + x, default: 0] += n
            weight[prefix + y, default: 0] += n
            if let i = Int64(x) { ids.insert(i) }
            if let i = Int64(y) { ids.insert(i) }
        }
        var label: [String: String] = [:]
        if kind != .countries && !ids.isEmpty {
            let nameTable = kind == .people ? "person" : "organization"
            var nb = Binder()
            let list = nb.bind(Array(ids))
            for r in try s.rows(PostgresQuery(unsafeSQL: "SELECT id, name FROM \(nameTable) WHERE id = ANY(\(list))", binds: nb.binds)) {
                let (id, name) = try s.decode(r, (Int64, String).self)
                label[prefix + String(id)] = name
            }
        }
        let nodes = weight.keys.sorted().map { NetworkNode(id: $0, label: label[$0] ?? $0, events: weight[$0] ?? 0) }
        return NetworkGraph(kind: kind, nodes: nodes, edges: edges)
    }
}

extension PostgresEventStore: BrowsableStore {
    public func eventPage(_ filter: EventFilter, order: EventOrder, after cursor: EventCursor?) throws -> EventPage {
        try read { try PostgresBrowseQueries(s: $0).eventPage(filter, order: order, after: cursor) }
    }
    public func event(id: Int64) throws -> EventSummary { try read { try PostgresBrowseQueries(s: $0).event(id: id) } }
    /// Facets are counted over the matching events where the kept counts cannot answer (channels and levels always),
    /// so they are computed once per database revision.
    public func eventFacets(_ filter: EventFilter) throws -> EventFacets {
        try read { s in
            try facets.value(Self.key(filter), revision: try revision(s)) { try PostgresBrowseQueries(s: s).facets(filter) }
        }
    }

    /// The database's revision as `s` sees it (see `PostgresSummaryTables.browseMigration`).
    func revision(_ s: PostgresSession) throws -> Int64 {
        try s.value(PostgresQuery(unsafeSQL: PostgresSummaryTables.current), as: Int64.self) ?? 0
    }

    /// A filter as a memo key (its limit aside: facets ignore it).
    static func key(_ f: EventFilter) -> String {
        ([f.person, f.organization, f.type, f.from, f.to, f.place, f.channel, f.level].map { $0 ?? "\u{1}" } + f.countries + [String(f.disputed)])
            .joined(separator: "\u{1F}")
    }
    public func organizations(search: String?, limit: Int) throws -> [OrganizationSummary] {
        try read { try PostgresBrowseQueries(s: $0).organizations(search: search, limit: limit) }
    }
    /// A large organization's people are counted over thousands of mentions, so a profile is computed once per
    /// database revision (as SQLite's).
    public func organization(id: Int64) throws -> OrganizationProfile {
        try read { s in
            try organizations.value(String(id), revision: try revision(s)) { try PostgresBrowseQueries(s: s).organization(id: id) }
        }
    }
    public func countries() throws -> [CountrySummary] { try read { try PostgresBrowseQueries(s: $0).countries() } }
    /// A country's people are ranked by their events, so a profile is computed once per database revision.
    public func country(_ code: String) throws -> CountryProfile {
        try read { s in
            try countryProfiles.value(code.uppercased(), revision: try revision(s)) { try PostgresBrowseQueries(s: s).country(code) }
        }
    }
    public func countryPair(_ a: String, _ b: String) throws -> CountryPairSummary {
        try read { try PostgresBrowseQueries(s: $0).countryPair(a, b) }
    }
    public func document(_ id: String) throws -> StoredDocument { try read { try PostgresBrowseQueries(s: $0).document(id) } }
    public func eventDateRange() throws -> (first: String?, last: String?) {
        try read { s in
            // Both ends of the date index (undated events last).
            let first = try s.value("SELECT date FROM event WHERE date IS NOT NULL ORDER BY date ASC NULLS FIRST, id ASC LIMIT 1", as: String.self)
            let last = try s.value("SELECT date FROM event WHERE date IS NOT NULL ORDER BY date DESC NULLS LAST, id DESC LIMIT 1", as: String.self)
            return (first, last)
        }
    }
    /// A network is counted over every event of its date range, so it is computed once per database revision (as SQLite's).
    public func network(_ kind: NetworkKind, from: String?, to: String?, channel: String?, limit: Int) throws -> NetworkGraph {
        try read { s in
            try networks.value("\(kind.rawValue) \(from ?? "") \(to ?? "") \(channel ?? "") \(limit)", revision: try revision(s)) {
                try PostgresBrowseQueries(s: s).network(kind, from: from, to: to, channel: channel, limit: limit)
            }
        }
    }
}

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

    func filterClauses(_ f: EventFilter, _ b: inout Binder) throws -> [String] {
        var clauses: [String] = []
        if let p = f.person {
            clauses.append("event.id IN (SELECT eventId FROM eventParticipant WHERE personId = \(b.bind(try queries.personID(p))))")
        }
        if let o = f.organization {
            clauses.append("""
                event.id IN (SELECT eventId FROM eventOrganization WHERE organizationId IN
                  (SELECT organizationId FROM organizationAlias WHERE aliasKey = \(b.bind(OrganizationResolver.key(o)))))
                """)
        }
        for c in f.countries {
            clauses.append("event.id IN (SELECT eventId FROM eventCountry WHERE country = \(b.bind(c.uppercased())))")
        }
        if let t = f.type { clauses.append("event.type = \(b.bind(t.uppercased()))") }
        if let from = f.from { clauses.append("event.date >= \(b.bind(from))") }
        if let to = f.to { clauses.append("left(event.date, \(b.bind(to.count))::integer) <= \(b.bind(to))") }
        if let place = f.place { clauses.append("lower(event.place) = lower(\(b.bind(place)))") }
        if let channel = f.channel { clauses.append("event.channel = \(b.bind(channel.lowercased()))") }
        if let level = f.level { clauses.append("event.id IN (SELECT eventId FROM eventSide WHERE level = \(b.bind(level.lowercased())))") }
        if f.disputed { clauses.append(EventDisagreements.multiSourceSQL) }
        return clauses
    }

    func eventPage(_ f: EventFilter, order: EventOrder, after cursor: EventCursor?) throws -> EventPage {
        guard f.disputed else { return try candidatePage(f, order: order, after: cursor) }
        return try EventDisagreements.disputedPage(limit: f.limit, after: cursor, candidates: { try candidatePage(f, order: order, after: $0) },
                                                   reports: { try queries.sourceReports(ids: $0) })
    }

    /// A page of the events the filter's SQL finds (for `disputed`, those several documents report).
    func candidatePage(_ f: EventFilter, order: EventOrder, after cursor: EventCursor?) throws -> EventPage {
        var b = Binder()
        var clauses = try filterClauses(f, &b)
        if let c = cursor {
            switch (order, c.date) {
            case (.newest, let d?):
                let (x, y, i) = (b.bind(d), b.bind(d), b.bind(c.id))
                clauses.append("(event.date < \(x) OR (event.date = \(y) AND event.id < \(i)) OR event.date IS NULL)")
            case (.newest, nil):
                clauses.append("(event.date IS NULL AND event.id < \(b.bind(c.id)))")
            case (.oldest, let d?):
                let (x, y, i) = (b.bind(d), b.bind(d), b.bind(c.id))
                clauses.append("(event.date > \(x) OR (event.date = \(y) AND event.id > \(i)))")
            case (.oldest, nil):
                clauses.append("((event.date IS NULL AND event.id > \(b.bind(c.id))) OR event.date IS NOT NULL)")
            }
        }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let orderSQL = order == .newest ? "event.date DESC NULLS LAST, event.id DESC" : "event.date ASC NULLS FIRST, event.id ASC"
        let limit = b.bind(f.limit + 1)
        let rows = try s.rows(PostgresQuery(unsafeSQL: "SELECT event.id, event.date FROM event \(whereSQL) ORDER BY \(orderSQL) LIMIT \(limit)",
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

    func facets(_ f: EventFilter) throws -> EventFacets {
        var b = Binder()
        let clauses = try filterClauses(f, &b)
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        func counts(_ sql: String) throws -> [FacetCount] {
            try s.rows(PostgresQuery(unsafeSQL: sql, binds: b.binds)).map {
                let (v, n) = try s.decode($0, (String, Int).self)
                return FacetCount(value: v, count: n)
            }
        }
        let total = try s.value(PostgresQuery(unsafeSQL: "SELECT count(*) FROM event \(whereSQL)", binds: b.binds), as: Int.self) ?? 0
        let types = try counts("SELECT type, count(*) AS n FROM event \(whereSQL) GROUP BY type ORDER BY n DESC, type")
        // Unfiltered, every row of eventCountry counts: no need to look up its events.
        let countryScope = whereSQL.isEmpty ? "" : "WHERE eventId IN (SELECT event.id FROM event \(whereSQL))"
        let countries = try counts("""
            SELECT country, count(*) AS n FROM eventCountry \(countryScope)
            GROUP BY country ORDER BY n DESC, country LIMIT 40
            """)
        let years = try counts("""
            SELECT left(date, 4) AS year, count(*) AS n FROM event \(whereSQL.isEmpty ? "WHERE" : whereSQL + " AND") date IS NOT NULL
            GROUP BY year ORDER BY year DESC
            """)
        let channels = try counts("""
            SELECT channel, count(*) AS n FROM event \(whereSQL.isEmpty ? "WHERE" : whereSQL + " AND") channel IS NOT NULL GROUP BY channel
            """)
        let levels = try counts("""
            SELECT level, count(DISTINCT eventId) AS n FROM eventSide WHERE level IS NOT NULL
            \(whereSQL.isEmpty ? "" : "AND eventId IN (SELECT event.id FROM event \(whereSQL))") GROUP BY level
            """)
        return EventFacets(total: total, types: types, countries: countries, years: years,
                           channels: ContactRecords.channelFacet(channels), levels: ContactRecords.levelFacet(levels))
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
        let people = try s.rows("""
            SELECT person.id, person.name, person.country, count(*) AS n FROM personMention JOIN person ON person.id = personMention.personId
            WHERE personMention.documentId IN (SELECT documentId FROM organizationMention WHERE organizationId = \(id))
              AND (personMention.organization IN (SELECT alias FROM organizationAlias WHERE organizationId = \(id)) OR personMention.organization = \(name))
            GROUP BY person.id ORDER BY n DESC, person.name LIMIT 50
            """).map {
            let (pid, pname, pcountry, n) = try s.decode($0, (Int64, String, String?, Int).self)
            return LinkedPerson(id: pid, name: pname, country: pcountry, count: n)
        }
        let ids = try s.values("""
            SELECT event.id FROM event JOIN eventOrganization ON eventOrganization.eventId = event.id
            WHERE organizationId = \(id) ORDER BY event.date DESC NULLS LAST, event.id DESC LIMIT 50
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
            SELECT person.id, person.name, person.country, count(eventParticipant.eventId) AS n FROM person
            LEFT JOIN eventParticipant ON eventParticipant.personId = person.id
            WHERE person.country = \(c) GROUP BY person.id ORDER BY n DESC, person.name LIMIT 50
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
        let years = try s.rows("""
            SELECT year, type, sum(n)::bigint AS s FROM eventTally WHERE country = \(x) AND partner = \(y)
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
        var b = Binder()
        var dated = ""
        if let channel { dated += " AND event.channel = \(b.bind(channel))" }
        if let from { dated += " AND event.date >= \(b.bind(from))" }
        if let to { dated += " AND left(event.date, \(b.bind(to.count))::integer) <= \(b.bind(to))" }
        let (table, column): (String, String)
        switch kind {
        case .people: (table, column) = ("eventParticipant", "personId")
        case .organizations: (table, column) = ("eventOrganization", "organizationId")
        case .countries: (table, column) = ("eventCountry", "country")
        }
        let limitSQL = b.bind(limit)
        let rows = try s.rows(PostgresQuery(unsafeSQL: """
            SELECT a.\(column)::text, b.\(column)::text, count(*) AS n FROM \(table) a JOIN \(table) b ON a.eventId = b.eventId AND a.\(column) < b.\(column)
            JOIN event ON event.id = a.eventId WHERE true\(dated) GROUP BY a.\(column), b.\(column) ORDER BY n DESC, 1, 2 LIMIT \(limitSQL)
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
    public func eventFacets(_ filter: EventFilter) throws -> EventFacets { try read { try PostgresBrowseQueries(s: $0).facets(filter) } }
    public func organizations(search: String?, limit: Int) throws -> [OrganizationSummary] {
        try read { try PostgresBrowseQueries(s: $0).organizations(search: search, limit: limit) }
    }
    public func organization(id: Int64) throws -> OrganizationProfile { try read { try PostgresBrowseQueries(s: $0).organization(id: id) } }
    public func countries() throws -> [CountrySummary] { try read { try PostgresBrowseQueries(s: $0).countries() } }
    public func country(_ code: String) throws -> CountryProfile { try read { try PostgresBrowseQueries(s: $0).country(code) } }
    public func countryPair(_ a: String, _ b: String) throws -> CountryPairSummary {
        try read { try PostgresBrowseQueries(s: $0).countryPair(a, b) }
    }
    public func document(_ id: String) throws -> StoredDocument { try read { try PostgresBrowseQueries(s: $0).document(id) } }
    public func eventDateRange() throws -> (first: String?, last: String?) {
        try read { s in
            guard let row = try s.rows("SELECT min(date), max(date) FROM event").first else { return (nil, nil) }
            let (first, last) = try s.decode(row, (String?, String?).self)
            return (first, last)
        }
    }
    public func network(_ kind: NetworkKind, from: String?, to: String?, channel: String?, limit: Int) throws -> NetworkGraph {
        try read { try PostgresBrowseQueries(s: $0).network(kind, from: from, to: to, channel: channel, limit: limit) }
    }
}

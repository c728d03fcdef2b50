import Foundation
import GRDB
import ParleyCore

/// `BrowsableStore`'s queries for SQLite: SQL through bound parameters only, events read back through
/// `Queries.eventSummaries` so every list shows events the same way. Counts come from the tables the triggers keep
/// (`SummaryTables`) wherever they can answer; lists of events are read in date order straight from the index of the
/// country, person or organization that narrows them.
enum SQLiteBrowseQueries {
    static func arguments(_ args: [any DatabaseValueConvertible]) -> StatementArguments {
        StatementArguments(args.map { $0.databaseValue })
    }

    static func eventPage(_ db: Database, _ f: EventFilter, order: EventOrder, after cursor: EventCursor?) throws -> EventPage {
        guard f.disputed else { return try candidatePage(db, f, order: order, after: cursor) }
        return try EventDisagreements.disputedPage(limit: f.limit, after: cursor, candidates: { try candidatePage(db, f, order: order, after: $0) },
                                                   reports: { try Queries.sourceReports(db, ids: $0) })
    }

    /// A page of the events the filter's SQL finds (for `disputed`, those several documents report).
    static func candidatePage(_ db: Database, _ f: EventFilter, order: EventOrder, after cursor: EventCursor?) throws -> EventPage {
        var (source, dateColumn, clauses, args) = try Queries.eventFilter(db, f)
        // Driven by a country's or a person's (…, date, eventId) index, the rows come in the page's order.
        let idColumn = source == "event" ? "event.id" : "d.eventId"
        if let c = cursor {
            switch (order, c.date) {
            case (.newest, let d?):
                clauses.append("(\(dateColumn) < ? OR (\(dateColumn) = ? AND \(idColumn) < ?) OR \(dateColumn) IS NULL)")
                args += [d, d, c.id]
            case (.newest, nil):
                clauses.append("(\(dateColumn) IS NULL AND \(idColumn) < ?)")
                args.append(c.id)
            case (.oldest, let d?):
                clauses.append("(\(dateColumn) > ? OR (\(dateColumn) = ? AND \(idColumn) > ?))")
                args += [d, d, c.id]
            case (.oldest, nil):
                clauses.append("((\(dateColumn) IS NULL AND \(idColumn) > ?) OR \(dateColumn) IS NOT NULL)")
                args.append(c.id)
            }
        }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let orderSQL = order == .newest ? "\(dateColumn) DESC, \(idColumn) DESC" : "\(dateColumn) ASC, \(idColumn) ASC"
        args.append(f.limit + 1)
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT \(idColumn), \(dateColumn) FROM \(source) \(whereSQL) ORDER BY \(orderSQL) LIMIT ?"),
                                    arguments: arguments(args))
        let page = rows.prefix(f.limit)
        let events = try Queries.eventSummaries(db, ids: page.map { $0[0] })
        let next = rows.count > f.limit ? page.last.map { EventCursor(date: $0[1], id: $0[0]) } : nil
        return EventPage(events: events, next: next)
    }

    static func event(_ db: Database, id: Int64) throws -> EventSummary {
        guard var e = try Queries.eventSummaries(db, ids: [id]).first else { throw StoreError.notFound(what: "event \(id)") }
        e.disagreements = SourceDisagreements.find(try Queries.sourceReports(db, ids: [id])[id] ?? [])
        return e
    }

    static func facets(_ db: Database, _ f: EventFilter) throws -> EventFacets {
        var facets = try BrowseTallies.talliedCountries(f).map { try tallyFacets(db, f, $0) } ?? countedFacets(db, f)
        (facets.channels, facets.levels) = try contactFacets(db, f)
        return facets
    }

    /// Channel and level counts of the matching events.
    static func contactFacets(_ db: Database, _ f: EventFilter) throws -> (channels: [FacetCount], levels: [FacetCount]) {
        func counts(_ sql: String, _ a: StatementArguments) throws -> [FacetCount] {
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: a).map { FacetCount(value: $0[0], count: $0[1]) }
        }
        let c = try matched(db, f, extra: "event.channel IS NOT NULL")
        let channels = try counts("SELECT event.channel, count(*) AS n \(c.sql) GROUP BY event.channel", c.args)
        let l = try matched(db, f, join: " JOIN eventSide s ON s.eventId = event.id", extra: "s.level IS NOT NULL")
        let levels = try counts("SELECT s.level, count(DISTINCT event.id) AS n \(l.sql) GROUP BY s.level", l.args)
        return (ContactRecords.channelFacet(channels), ContactRecords.levelFacet(levels))
    }

    /// Facets from `eventTally` (`BrowseTallies`): every event, one country's or a pair's, narrowed by type and whole years.
    static func tallyFacets(_ db: Database, _ f: EventFilter, _ countries: [String]) throws -> EventFacets {
        try BrowseTallies.facets(f, countries, rows: SQLiteCorrectionRows(db: db), pairCountries: { try countedCountries(db, f) })
    }

    /// The matching events' rows, read through the index of the country or person that narrows them.
    static func matched(_ db: Database, _ f: EventFilter, join: String = "", extra: String? = nil)
        throws -> (sql: String, args: StatementArguments) {
        let (source, _, clauses, args) = try Queries.eventFilter(db, f)
        let all = clauses + (extra.map { [$0] } ?? [])
        return ("FROM \(source)\(join) \(all.isEmpty ? "" : "WHERE " + all.joined(separator: " AND "))", arguments(args))
    }

    static func countedCountries(_ db: Database, _ f: EventFilter) throws -> [FacetCount] {
        let m = try matched(db, f, join: " JOIN eventCountry c ON c.eventId = event.id")
        return try Row.fetchAll(db.cachedStatement(sql: "SELECT c.country, count(*) AS n \(m.sql) GROUP BY c.country ORDER BY n DESC, c.country LIMIT 40"),
                                arguments: m.args).map { FacetCount(value: $0[0], count: $0[1]) }
    }

    /// Facets counted over the matching events (a person, an organization, a place, a date inside a year).
    static func countedFacets(_ db: Database, _ f: EventFilter) throws -> EventFacets {
        let m = try matched(db, f)
        func counts(_ sql: String, _ a: StatementArguments) throws -> [FacetCount] {
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: a).map { FacetCount(value: $0[0], count: $0[1]) }
        }
        let types = try counts("SELECT event.type, count(*) AS n \(m.sql) GROUP BY event.type ORDER BY n DESC, event.type", m.args)
        let dated = try matched(db, f, extra: "event.date IS NOT NULL")
        let years = try counts("SELECT substr(event.date, 1, 4) AS year, count(*) AS n \(dated.sql) GROUP BY year ORDER BY year DESC", dated.args)
        return EventFacets(total: types.reduce(0) { $0 + $1.count }, types: types, countries: try countedCountries(db, f), years: years)
    }

    static func organizations(_ db: Database, search: String?, limit: Int) throws -> [OrganizationSummary] {
        var sql = "SELECT id, name, kind, country, documentCount, eventCount FROM organization"
        var args: [any DatabaseValueConvertible] = []
        if let s = search?.trimmingCharacters(in: .whitespaces), !s.isEmpty {
            sql += " WHERE id IN (SELECT organizationId FROM organizationAlias WHERE alias LIKE ? ESCAPE '\\') OR name LIKE ? ESCAPE '\\'"
            let pattern = "%" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            args += [pattern, pattern]
        }
        args.append(limit)
        return try Row.fetchAll(db.cachedStatement(sql: sql + " ORDER BY eventCount DESC, documentCount DESC, name LIMIT ?"),
                                arguments: arguments(args)).map {
            OrganizationSummary(id: $0[0], name: $0[1], kind: $0[2], country: $0[3], aliases: [], documents: $0[4], events: $0[5])
        }
    }

    static func organization(_ db: Database, id: Int64) throws -> OrganizationProfile {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name, kind, country, documentCount, eventCount FROM organization WHERE id = ?"),
                                       arguments: [id]) else {
            throw StoreError.notFound(what: "organization \(id)")
        }
        let name: String = r[1]
        let aliases = try String.fetchAll(db.cachedStatement(sql: "SELECT alias FROM organizationAlias WHERE organizationId = ? ORDER BY alias"),
                                          arguments: [id]).filter { $0 != name }
        // People who speak for the organization (by one of its names) in a document that names it: the mentions of
        // the organization's documents, read by document.
        let people = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT person.id, person.name, person.country, t.n FROM (
              SELECT p.personId, count(*) AS n FROM organizationMention m CROSS JOIN personMention p ON p.documentId = m.documentId
              WHERE m.organizationId = ?1 AND p.organization IN (SELECT alias FROM organizationAlias WHERE organizationId = ?1 UNION SELECT ?2)
              GROUP BY p.personId) t
            JOIN person ON person.id = t.personId ORDER BY t.n DESC, person.name LIMIT 50
            """), arguments: [id, name]).map { LinkedPerson(id: $0[0], name: $0[1], country: $0[2], count: $0[3]) }
        let ids = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT eventId FROM eventOrganization WHERE organizationId = ? ORDER BY date DESC, eventId DESC LIMIT 50
            """), arguments: [id])
        let summary = OrganizationSummary(id: id, name: name, kind: r[2], country: r[3], aliases: aliases, documents: r[4], events: r[5])
        return OrganizationProfile(organization: summary, people: people, events: try Queries.eventSummaries(db, ids: ids))
    }

    static func countries(_ db: Database) throws -> [CountrySummary] {
        var events: [String: Int] = [:], people: [String: Int] = [:]
        for r in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT country, sum(n) FROM eventTally WHERE partner = '' AND country != '' GROUP BY country HAVING sum(n) > 0
            """)) { events[r[0]] = r[1] }
        for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT country, count(*) FROM person WHERE country IS NOT NULL GROUP BY country")) {
            people[r[0]] = r[1]
        }
        return Set(events.keys).union(people.keys).map { CountrySummary(code: $0, events: events[$0] ?? 0, people: people[$0] ?? 0) }
            .sorted { ($0.events, $1.code) > ($1.events, $0.code) }
    }

    static func country(_ db: Database, _ code: String) throws -> CountryProfile {
        let c = code.uppercased()
        let events = try Int.fetchOne(db.cachedStatement(sql: "SELECT sum(n) FROM eventTally WHERE country = ? AND partner = ''"), arguments: [c]) ?? 0
        let peopleCount = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM person WHERE country = ?"), arguments: [c]) ?? 0
        if events == 0 && peopleCount == 0 { throw StoreError.notFound(what: "country \(c)") }
        let partners = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT country, sum(n) AS s FROM eventTally WHERE partner = ? AND country != '' GROUP BY country HAVING s > 0
            ORDER BY s DESC, country LIMIT 50
            """), arguments: [c]).map { FacetCount(value: $0[0], count: $0[1]) }
        let people = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT person.id, person.name, person.country,
              (SELECT count(*) FROM eventParticipant WHERE eventParticipant.personId = person.id) AS n
            FROM person WHERE person.country = ? ORDER BY n DESC, person.name LIMIT 50
            """), arguments: [c]).map { LinkedPerson(id: $0[0], name: $0[1], country: $0[2], count: $0[3]) }
        var f = EventFilter()
        f.countries = [c]
        f.limit = 20
        let latest = try eventPage(db, f, order: .newest, after: nil).events
        return CountryProfile(country: CountrySummary(code: c, events: events, people: peopleCount), partners: partners, people: people, events: latest)
    }

    static func countryPair(_ db: Database, _ a: String, _ b: String) throws -> CountryPairSummary {
        let (x, y) = (a.uppercased(), b.uppercased())
        // A country paired with itself: its own events.
        let years = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT year, type, sum(n) AS s FROM eventTally WHERE country = ? AND partner = ?
            GROUP BY year, type HAVING s > 0 ORDER BY year, type
            """), arguments: [x, x == y ? "" : y]).map { YearTypeCount(year: $0[0], type: $0[1], count: $0[2]) }
        var f = EventFilter()
        f.countries = [x, y]
        f.limit = 50
        let latest = try eventPage(db, f, order: .newest, after: nil).events
        return CountryPairSummary(countries: [x, y], total: years.reduce(0) { $0 + $1.count }, years: years, events: latest)
    }

    static func document(_ db: Database, _ id: String) throws -> StoredDocument {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, url, site, title, published, text, annotation FROM document WHERE id = ?"),
                                       arguments: [id]) else {
            throw StoreError.notFound(what: "document '\(id)'")
        }
        var annotation: DocumentAnnotation
        do { annotation = try JSONDecoder().decode(DocumentAnnotation.self, from: Data((r["annotation"] as String).utf8)) } catch {
            throw StoreError.underlying(path: "document \(id)", message: "stored annotation does not decode (\(error))")
        }
        var entity: [String: Int64] = [:], eventOf: [String: Int64] = [:]
        for m in try Row.fetchAll(db.cachedStatement(sql: "SELECT localId, personId FROM personMention WHERE documentId = ?"), arguments: [id]) {
            entity[m[0]] = m[1]
        }
        for m in try Row.fetchAll(db.cachedStatement(sql: "SELECT localId, eventId FROM eventSource WHERE documentId = ?"), arguments: [id]) {
            eventOf[m[0]] = m[1]
        }
        Queries.stamp(&annotation, entity: entity, eventOf: eventOf)
        return StoredDocument(id: r["id"], url: r["url"], site: r["site"], title: r["title"], published: r["published"], text: r["text"],
                              annotation: annotation)
    }

    static func network(_ db: Database, _ kind: NetworkKind, from: String?, to: String?, channel: String? = nil, limit: Int) throws -> NetworkGraph {
        if BrowseTallies.talliesNetwork(kind, from: from, to: to, channel: channel) {
            return try BrowseTallies.countryNetwork(rows: SQLiteCorrectionRows(db: db), from: from, to: to, limit: limit)
        }
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let from { clauses.append("event.date >= ?"); args.append(from) }
        // Every date that starts with `to` sorts before `to` + "~".
        if let to { clauses.append("event.date <= ?"); args.append(to + "~") }
        if let channel { clauses.append("event.channel = ?"); args.append(channel) }
        let dated = clauses.isEmpty ? "" : " AND " + clauses.joined(separator: " AND ")
        // Within a date range, the range's events first (through the date index), then their rows.
        let join = clauses.isEmpty ? "JOIN" : "CROSS JOIN"
        let (table, column, names): (String, String, String)
        switch kind {
        case .people: (table, column, names) = ("eventParticipant", "personId", "SELECT id, name FROM person WHERE id IN")
        case .organizations: (table, column, names) = ("eventOrganization", "organizationId", "SELECT id, name FROM organization WHERE id IN")
        case .countries: (table, column, names) = ("eventCountry", "country", "")
        }
        args.append(limit)
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.\(column), b.\(column), count(*) AS n FROM event \(join) \(table) a ON a.eventId = event.id
            JOIN \(table) b ON b.eventId = event.id AND a.\(column) < b.\(column)
            WHERE 1 = 1\(dated) GROUP BY a.\(column), b.\(column) ORDER BY n DESC LIMIT ?
            """), arguments: arguments(args))
        func key(_ v: DatabaseValue) -> String {
            switch kind {
            case .people: return "P" + String(Int64.fromDatabaseValue(v) ?? 0)
            case .organizations: return "O" + String(Int64.fromDatabaseValue(v) ?? 0)
            case .countries: return String.fromDatabaseValue(v) ?? ""
            }
        }
        var edges: [NetworkEdge] = []
        var weight: [String: Int] = [:]
        var raw: [String: DatabaseValue] = [:]
        for r in rows {
            let (s, t, n): (DatabaseValue, DatabaseValue, Int) = (r[0], r[1], r[2])
            edges.append(NetworkEdge(source: key(s), target: key(t), events: n))
            weight[key(s), default: 0] += n
            weight[key(t), default: 0] += n
            raw[key(s)] = s
            raw[key(t)] = t
        }
        var label: [String: String] = [:]
        if !names.isEmpty && !raw.isEmpty {
            let ids = Array(raw.values)
            let marks = ids.map { _ in "?" }.joined(separator: ",")
            for r in try Row.fetchAll(db, sql: "\(names) (\(marks))", arguments: StatementArguments(ids)) {
                label[key(r[0])] = r[1]
            }
        }
        let nodes = weight.keys.sorted().map { NetworkNode(id: $0, label: label[$0] ?? $0, events: weight[$0] ?? 0) }
        return NetworkGraph(kind: kind, nodes: nodes, edges: edges)
    }
}

extension SQLiteEventStore: BrowsableStore {
    public func eventPage(_ filter: EventFilter, order: EventOrder, after cursor: EventCursor?) throws -> EventPage {
        try read { try SQLiteBrowseQueries.eventPage($0, filter, order: order, after: cursor) }
    }
    public func event(id: Int64) throws -> EventSummary { try read { try SQLiteBrowseQueries.event($0, id: id) } }
    public func eventFacets(_ filter: EventFilter) throws -> EventFacets { try read { try SQLiteBrowseQueries.facets($0, filter) } }
    public func organizations(search: String?, limit: Int) throws -> [OrganizationSummary] {
        try read { try SQLiteBrowseQueries.organizations($0, search: search, limit: limit) }
    }
    /// A large organization's people are counted over thousands of mentions, so a profile is computed once per
    /// database revision.
    public func organization(id: Int64) throws -> OrganizationProfile {
        try read { db in
            try organizations.value(String(id), revision: try revision(db)) { try SQLiteBrowseQueries.organization(db, id: id) }
        }
    }
    public func countries() throws -> [CountrySummary] { try read { try SQLiteBrowseQueries.countries($0) } }
    public func country(_ code: String) throws -> CountryProfile { try read { try SQLiteBrowseQueries.country($0, code) } }
    public func countryPair(_ a: String, _ b: String) throws -> CountryPairSummary { try read { try SQLiteBrowseQueries.countryPair($0, a, b) } }
    public func document(_ id: String) throws -> StoredDocument { try read { try SQLiteBrowseQueries.document($0, id) } }
    public func eventDateRange() throws -> (first: String?, last: String?) {
        try read { db in
            // Seeks in the date index (min() would first walk past the undated events).
            let first = try String.fetchOne(db.cachedStatement(sql: "SELECT date FROM event WHERE date IS NOT NULL ORDER BY date LIMIT 1"))
            let last = try String.fetchOne(db.cachedStatement(sql: "SELECT date FROM event WHERE date IS NOT NULL ORDER BY date DESC LIMIT 1"))
            return (first, last)
        }
    }
    /// A network is counted over every event of its date range, so it is computed once per database revision.
    public func network(_ kind: NetworkKind, from: String?, to: String?, channel: String?, limit: Int) throws -> NetworkGraph {
        try read { db in
            try networks.value("\(kind.rawValue) \(from ?? "") \(to ?? "") \(channel ?? "") \(limit)", revision: try revision(db)) {
                try SQLiteBrowseQueries.network(db, kind, from: from, to: to, channel: channel, limit: limit)
            }
        }
    }
}

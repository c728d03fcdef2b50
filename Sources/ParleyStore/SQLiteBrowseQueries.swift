import Foundation
import GRDB
import ParleyCore

/// `BrowsableStore`'s queries for SQLite: SQL through bound parameters only, events read back through
/// `Queries.eventSummaries` so every list shows events the same way.
enum SQLiteBrowseQueries {
    /// The WHERE clauses (on `event` alone) and their arguments for a filter: `Queries.eventFilter`'s.
    static func filterClauses(_ db: Database, _ f: EventFilter) throws -> (clauses: [String], args: [any DatabaseValueConvertible]) {
        let filter = try Queries.eventFilter(db, f, driven: false)
        return (filter.clauses, filter.args)
    }

    static func arguments(_ args: [any DatabaseValueConvertible]) -> StatementArguments {
        StatementArguments(args.map { $0.databaseValue })
    }

    static func eventPage(_ db: Database, _ f: EventFilter, order: EventOrder, after cursor: EventCursor?) throws -> EventPage {
        var (clauses, args) = try filterClauses(db, f)
        if let c = cursor {
            switch (order, c.date) {
            case (.newest, let d?):
                clauses.append("(event.date < ? OR (event.date = ? AND event.id < ?) OR event.date IS NULL)")
                args += [d, d, c.id]
            case (.newest, nil):
                clauses.append("(event.date IS NULL AND event.id < ?)")
                args.append(c.id)
            case (.oldest, let d?):
                clauses.append("(event.date > ? OR (event.date = ? AND event.id > ?))")
                args += [d, d, c.id]
            case (.oldest, nil):
                clauses.append("((event.date IS NULL AND event.id > ?) OR event.date IS NOT NULL)")
                args.append(c.id)
            }
        }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let orderSQL = order == .newest ? "event.date DESC, event.id DESC" : "event.date ASC, event.id ASC"
        args.append(f.limit + 1)
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT event.id, event.date FROM event \(whereSQL) ORDER BY \(orderSQL) LIMIT ?"),
                                    arguments: arguments(args))
        let page = rows.prefix(f.limit)
        let events = try Queries.eventSummaries(db, ids: page.map { $0["id"] })
        let next = rows.count > f.limit ? page.last.map { EventCursor(date: $0["date"], id: $0["id"]) } : nil
        return EventPage(events: events, next: next)
    }

    static func event(_ db: Database, id: Int64) throws -> EventSummary {
        guard let e = try Queries.eventSummaries(db, ids: [id]).first else { throw StoreError.notFound(what: "event \(id)") }
        return e
    }

    static func facets(_ db: Database, _ f: EventFilter) throws -> EventFacets {
        let (clauses, args) = try filterClauses(db, f)
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let a = arguments(args)
        func counts(_ sql: String) throws -> [FacetCount] {
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: a).map { FacetCount(value: $0[0], count: $0[1]) }
        }
        let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM event \(whereSQL)"), arguments: a) ?? 0
        let types = try counts("SELECT type, count(*) AS n FROM event \(whereSQL) GROUP BY type ORDER BY n DESC, type")
        // Unfiltered, every row of eventCountry counts: no need to look up its events.
        let countryScope = whereSQL.isEmpty ? "" : "WHERE eventId IN (SELECT event.id FROM event \(whereSQL))"
        let countries = try counts("""
            SELECT country, count(*) AS n FROM eventCountry \(countryScope)
            GROUP BY country ORDER BY n DESC, country LIMIT 40
            """)
        let years = try counts("""
            SELECT substr(date, 1, 4) AS year, count(*) AS n FROM event \(whereSQL.isEmpty ? "WHERE" : whereSQL + " AND") date IS NOT NULL
            GROUP BY year ORDER BY year DESC
            """)
        return EventFacets(total: total, types: types, countries: countries, years: years)
    }

    static func organizations(_ db: Database, search: String?, limit: Int) throws -> [OrganizationSummary] {
        var sql = "SELECT id, name, kind, country FROM organization"
        var args: [any DatabaseValueConvertible] = []
        if let s = search?.trimmingCharacters(in: .whitespaces), !s.isEmpty {
            sql += " WHERE id IN (SELECT organizationId FROM organizationAlias WHERE alias LIKE ? ESCAPE '\\') OR name LIKE ? ESCAPE '\\'"
            let pattern = "%" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            args += [pattern, pattern]
        }
        let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments(args))
        var docs: [Int64: Int] = [:], events: [Int64: Int] = [:]
        for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT organizationId, count(*) FROM organizationMention GROUP BY organizationId")) {
            docs[r[0]] = r[1]
        }
        for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT organizationId, count(*) FROM eventOrganization GROUP BY organizationId")) {
            events[r[0]] = r[1]
        }
        let list = rows.map { r -> OrganizationSummary in
            let id: Int64 = r["id"]
            return OrganizationSummary(id: id, name: r["name"], kind: r["kind"], country: r["country"], aliases: [],
                                       documents: docs[id] ?? 0, events: events[id] ?? 0)
        }
        return Array(list.sorted { ($0.events, $0.documents, $1.name) > ($1.events, $1.documents, $0.name) }.prefix(limit))
    }

    static func organization(_ db: Database, id: Int64) throws -> OrganizationProfile {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name, kind, country FROM organization WHERE id = ?"), arguments: [id]) else {
            throw StoreError.notFound(what: "organization \(id)")
        }
        let name: String = r["name"]
        let aliases = try String.fetchAll(db.cachedStatement(sql: "SELECT alias FROM organizationAlias WHERE organizationId = ? ORDER BY alias"),
                                          arguments: [id]).filter { $0 != name }
        let docs = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM organizationMention WHERE organizationId = ?"), arguments: [id]) ?? 0
        let eventCount = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM eventOrganization WHERE organizationId = ?"), arguments: [id]) ?? 0
        let people = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT person.id, person.name, person.country, count(*) AS n FROM personMention JOIN person ON person.id = personMention.personId
            WHERE personMention.documentId IN (SELECT documentId FROM organizationMention WHERE organizationId = ?)
              AND (personMention.organization IN (SELECT alias FROM organizationAlias WHERE organizationId = ?) OR personMention.organization = ?)
            GROUP BY person.id ORDER BY n DESC, person.name LIMIT 50
            """), arguments: [id, id, name]).map { LinkedPerson(id: $0[0], name: $0[1], country: $0[2], count: $0[3]) }
        let ids = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT event.id FROM event JOIN eventOrganization ON eventOrganization.eventId = event.id
            WHERE organizationId = ? ORDER BY event.date DESC, event.id DESC LIMIT 50
            """), arguments: [id])
        let summary = OrganizationSummary(id: id, name: name, kind: r["kind"], country: r["country"], aliases: aliases,
                                          documents: docs, events: eventCount)
        return OrganizationProfile(organization: summary, people: people, events: try Queries.eventSummaries(db, ids: ids))
    }

    static func countries(_ db: Database) throws -> [CountrySummary] {
        var events: [String: Int] = [:], people: [String: Int] = [:]
        for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT country, count(*) FROM eventCountry GROUP BY country")) { events[r[0]] = r[1] }
        for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT country, count(*) FROM person WHERE country IS NOT NULL GROUP BY country")) {
            people[r[0]] = r[1]
        }
        return Set(events.keys).union(people.keys).map { CountrySummary(code: $0, events: events[$0] ?? 0, people: people[$0] ?? 0) }
            .sorted { ($0.events, $1.code) > ($1.events, $0.code) }
    }

    static func country(_ db: Database, _ code: String) throws -> CountryProfile {
        let c = code.uppercased()
        let events = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM eventCountry WHERE country = ?"), arguments: [c]) ?? 0
        let peopleCount = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM person WHERE country = ?"), arguments: [c]) ?? 0
        if events == 0 && peopleCount == 0 { throw StoreError.notFound(what: "country \(c)") }
        let partners = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT b.country, count(*) AS n FROM eventCountry a JOIN eventCountry b ON a.eventId = b.eventId AND b.country != a.country
            WHERE a.country = ? GROUP BY b.country ORDER BY n DESC, b.country LIMIT 50
            """), arguments: [c]).map { FacetCount(value: $0[0], count: $0[1]) }
        let people = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT person.id, person.name, person.country, count(eventParticipant.eventId) AS n FROM person
            LEFT JOIN eventParticipant ON eventParticipant.personId = person.id
            WHERE person.country = ? GROUP BY person.id ORDER BY n DESC, person.name LIMIT 50
            """), arguments: [c]).map { LinkedPerson(id: $0[0], name: $0[1], country: $0[2], count: $0[3]) }
        var f = EventFilter()
        f.countries = [c]
        f.limit = 20
        let latest = try eventPage(db, f, order: .newest, after: nil).events
        return CountryProfile(country: CountrySummary(code: c, events: events, people: peopleCount), partners: partners, people: people, events: latest)
    }

    static func countryPair(_ db: Database, _ a: String, _ b: String) throws -> CountryPairSummary {
        let (x, y) = (a.uppercased(), b.uppercased())
        let years = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT coalesce(substr(date, 1, 4), '') AS year, type, count(*) AS n FROM event WHERE id IN
              (SELECT p.eventId FROM eventCountry p JOIN eventCountry q ON p.eventId = q.eventId WHERE p.country = ? AND q.country = ?)
            GROUP BY year, type ORDER BY year, type
            """), arguments: [x, y]).map { YearTypeCount(year: $0[0], type: $0[1], count: $0[2]) }
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

    static func network(_ db: Database, _ kind: NetworkKind, from: String?, to: String?, limit: Int) throws -> NetworkGraph {
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let from { clauses.append("event.date >= ?"); args.append(from) }
        if let to { clauses.append("substr(event.date, 1, ?) <= ?"); args += [to.count, to] }
        let dated = clauses.isEmpty ? "" : " AND " + clauses.joined(separator: " AND ")
        let (table, column, names): (String, String, String)
        switch kind {
        case .people: (table, column, names) = ("eventParticipant", "personId", "SELECT id, name FROM person WHERE id IN")
        case .organizations: (table, column, names) = ("eventOrganization", "organizationId", "SELECT id, name FROM organization WHERE id IN")
        case .countries: (table, column, names) = ("eventCountry", "country", "")
        }
        args.append(limit)
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.\(column), b.\(column), count(*) AS n FROM event JOIN \(table) a ON a.eventId = event.id
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
    public func organization(id: Int64) throws -> OrganizationProfile { try read { try SQLiteBrowseQueries.organization($0, id: id) } }
    public func countries() throws -> [CountrySummary] { try read { try SQLiteBrowseQueries.countries($0) } }
    public func country(_ code: String) throws -> CountryProfile { try read { try SQLiteBrowseQueries.country($0, code) } }
    public func countryPair(_ a: String, _ b: String) throws -> CountryPairSummary { try read { try SQLiteBrowseQueries.countryPair($0, a, b) } }
    public func document(_ id: String) throws -> StoredDocument { try read { try SQLiteBrowseQueries.document($0, id) } }
    public func eventDateRange() throws -> (first: String?, last: String?) {
        try read { db in
            let first = try String.fetchOne(db.cachedStatement(sql: "SELECT min(date) FROM event"))
            let last = try String.fetchOne(db.cachedStatement(sql: "SELECT max(date) FROM event"))
            return (first, last)
        }
    }
    public func network(_ kind: NetworkKind, from: String?, to: String?, limit: Int) throws -> NetworkGraph {
        try read { try SQLiteBrowseQueries.network($0, kind, from: from, to: to, limit: limit) }
    }
}

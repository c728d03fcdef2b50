import Foundation
import ParleyCore
import PostgresNIO

/// The read side of the PostgreSQL store, answering as `Queries` does for SQLite (and building its answers
/// with the same shared pieces); SQL through bound parameters only. Event summaries are read in a few set
/// queries per chunk of ids rather than a few per event, since every query is a round trip to the server.
struct PostgresQueries {
    let s: PostgresSession

    /// A person's id from an id ("42", "P42") or a name or alias.
    func personID(_ nameOrID: String) throws -> Int64 {
        if let id = Queries.personNumber(nameOrID), try s.exists("SELECT 1 FROM person WHERE id = \(id)") { return id }
        let key = NameKeys(nameOrID).aliasKey
        if let id = try s.value("""
            SELECT personAlias.personId FROM personAlias JOIN personMention ON personMention.personId = personAlias.personId
            WHERE aliasKey = \(key) GROUP BY personAlias.personId ORDER BY count(*) DESC, personAlias.personId LIMIT 1
            """, as: Int64.self) { return id }
        throw StoreError.notFound(what: "person '\(nameOrID)'")
    }

    func summary(_ id: Int64) throws -> PersonSummary {
        guard let row = try s.rows("SELECT id, name, country FROM person WHERE id = \(id)").first else {
            throw StoreError.notFound(what: "person \(id)")
        }
        let (_, name, country) = try s.decode(row, (Int64, String, String?).self)
        let aliases = try s.values("SELECT alias FROM personAlias WHERE personId = \(id) ORDER BY alias", as: String.self)
        let docs = try s.value("SELECT count(DISTINCT documentId) FROM personMention WHERE personId = \(id)", as: Int.self) ?? 0
        let events = try s.value("SELECT count(*) FROM eventParticipant WHERE personId = \(id)", as: Int.self) ?? 0
        return PersonSummary(id: id, name: name, country: country, aliases: aliases.filter { $0 != name }, documents: docs, events: events)
    }

    func eventSummaries(ids: [Int64]) throws -> [EventSummary] {
        var out: [EventSummary] = []
        out.reserveCapacity(ids.count)
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + 1000, ids.count)])
            out += try eventSummaryChunk(chunk)
            start += 1000
        }
        return out
    }

    private func eventSummaryChunk(_ ids: [Int64]) throws -> [EventSummary] {
        var people: [Int64: [PersonRef]] = [:]
        for row in try s.rows("""
            SELECT eventParticipant.eventId, person.id, person.name, person.country, eventParticipant.role FROM eventParticipant
            JOIN person ON person.id = eventParticipant.personId WHERE eventId = ANY(\(ids)) ORDER BY eventParticipant.eventId, eventParticipant.seq
            """) {
            let (event, id, name, country, role) = try s.decode(row, (Int64, Int64, String, String?, String).self)
            people[event, default: []].append(PersonRef(id: id, name: name, country: country, role: role))
        }
        var orgs: [Int64: [OrganizationRef]] = [:]
        for row in try s.rows("""
            SELECT eventId, organization.id, organization.name, organization.kind, organization.country FROM eventOrganization
            JOIN organization ON organization.id = organizationId WHERE eventId = ANY(\(ids)) ORDER BY eventId, organizationId
            """) {
            let (event, id, name, kind, country) = try s.decode(row, (Int64, Int64, String, String, String?).self)
            orgs[event, default: []].append(OrganizationRef(id: id, name: name, kind: kind, country: country))
        }
        var countries: [Int64: [String]] = [:]
        for row in try s.rows("SELECT eventId, country FROM eventCountry WHERE eventId = ANY(\(ids)) ORDER BY eventId, country") {
            let (event, country) = try s.decode(row, (Int64, String).self)
            countries[event, default: []].append(country)
        }
        var sources: [Int64: [EventSourceRef]] = [:]
        for row in try s.rows("""
            SELECT eventSource.eventId, eventSource.documentId, document.url, reported, sentence, start, "end", evidence, confidence
            FROM eventSource JOIN document ON document.id = documentId WHERE eventId = ANY(\(ids)) ORDER BY eventSource.eventId, documentId
            """) {
            let (event, doc, url, reported, sentence, start, end, evidence, confidence) =
                try s.decode(row, (Int64, String, String?, Bool, Int, Int, Int, String, Double).self)
            sources[event, default: []].append(EventSourceRef(documentId: doc, url: url, reported: reported, sentence: sentence,
                                                              start: start, end: end, evidence: evidence, confidence: confidence))
        }
        var sides: [Int64: [EventSide]] = [:]
        for row in try s.rows("""
            SELECT eventId, country, channel, channelReason, level, levelReason FROM eventSide WHERE eventId = ANY(\(ids)) ORDER BY eventId, country
            """) {
            let (event, country, channel, channelReason, level, levelReason) = try s.decode(row, (Int64, String, String?, String?, String?, String?).self)
            sides[event, default: []].append(EventSide(country: ContactRecords.country(country), channel: channel, channelReason: channelReason,
                                                       level: level, levelReason: levelReason))
        }
        var events: [Int64: EventSummary] = [:]
        for row in try s.rows("SELECT id, type, date, place, cameo, plover, ploverMode, channel, channelReason FROM event WHERE id = ANY(\(ids))") {
            let (id, type, date, place, cameo, plover, ploverMode, channel, channelReason) =
                try s.decode(row, (Int64, String, String?, String?, String?, String?, String?, String?, String?).self)
            events[id] = EventSummary(id: id, type: type, date: date, place: place, participants: people[id] ?? [],
                                      organizations: orgs[id] ?? [], countries: countries[id] ?? [], cameo: cameo, plover: plover,
                                      sources: sources[id] ?? [], ploverMode: ploverMode, channel: channel, channelReason: channelReason,
                                      sides: sides[id] ?? [])
        }
        return ids.compactMap { events[$0] }
    }

    func events(_ f: EventFilter) throws -> [EventSummary] {
        var clauses: [String] = []
        var binds = PostgresBindings()
        func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if let p = f.person {
            clauses.append("id IN (SELECT eventId FROM eventParticipant WHERE personId = \(bind(try personID(p))))")
        }
        if let o = f.organization {
            clauses.append("""
                id IN (SELECT eventId FROM eventOrganization WHERE organizationId IN
                  (SELECT organizationId FROM organizationAlias WHERE aliasKey = \(bind(OrganizationResolver.key(o)))))
                """)
        }
        for c in f.countries {
            clauses.append("id IN (SELECT eventId FROM eventCountry WHERE country = \(bind(c.uppercased())))")
        }
        if let t = f.type { clauses.append("type = \(bind(t.uppercased()))") }
        if let from = f.from { clauses.append("date >= \(bind(from))") }
        // Dates are ISO 8601 of 4, 7 or 10 characters in byte order: every date that starts with `to` sorts before `to` + "~".
        if let to = f.to { clauses.append("date <= \(bind(to + "~"))") }
        if let place = f.place { clauses.append("lower(place) = lower(\(bind(place)))") }
        if let channel = f.channel { clauses.append("channel = \(bind(channel.lowercased()))") }
        if let level = f.level { clauses.append("id IN (SELECT eventId FROM eventSide WHERE level = \(bind(level.lowercased())))") }
        if f.disputed { clauses.append(EventDisagreements.multiSourceSQL) }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        // Disputed: every event several documents report is a candidate; the first `limit` that disagree are kept.
        let limit = f.disputed ? "ALL" : bind(f.limit)
        var ids = try s.values(PostgresQuery(unsafeSQL: "SELECT id FROM event \(whereSQL) ORDER BY date DESC NULLS LAST, id LIMIT \(limit)",
                                             binds: binds), as: Int64.self)
        guard f.disputed else { return try eventSummaries(ids: ids) }
        ids = try EventDisagreements.disputed(ids, limit: f.limit) { try sourceReports(ids: $0) }
        var events = try eventSummaries(ids: ids)
        EventDisagreements.attach(&events, try sourceReports(ids: ids))
        return events
    }

    /// What each source of the events that several documents report says of them (`EventDisagreements`).
    func sourceReports(ids: [Int64]) throws -> [Int64: [SourceReport]] {
        guard !ids.isEmpty else { return [:] }
        var rows: [EventDisagreements.SourceRow] = []
        for row in try s.rows("SELECT eventId, documentId, localId FROM eventSource WHERE eventId = ANY(\(ids)) ORDER BY eventId, documentId, localId") {
            let (event, doc, local) = try s.decode(row, (Int64, String, String).self)
            rows.append(.init(eventId: event, documentId: doc, localId: local))
        }
        rows = EventDisagreements.multiSource(rows)
        let docs = Array(Set(rows.map(\.documentId))).sorted()
        guard !docs.isEmpty else { return [:] }
        var annotations: [String: DocumentAnnotation] = [:]
        for row in try s.rows("SELECT id, annotation FROM document WHERE id = ANY(\(docs))") {
            let (doc, json) = try s.decode(row, (String, String).self)
            annotations[doc] = try EventDisagreements.annotation(json, of: doc)
        }
        var people: [String: [String: EventDisagreements.ResolvedMention]] = [:]
        for row in try s.rows("""
            SELECT documentId, localId, personId, person.name FROM personMention JOIN person ON person.id = personId WHERE documentId = ANY(\(docs))
            """) {
            let (doc, local, person, name) = try s.decode(row, (String, String, Int64, String).self)
            people[doc, default: [:]][local] = .init(personId: person, name: name)
        }
        return EventDisagreements.reports(rows, annotations: annotations, people: people)
    }

    func people(search: String?, country: String?, organization: String?, limit: Int) throws -> [PersonSummary] {
        var clauses: [String] = []
        var binds = PostgresBindings()
        func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if let text = search, !text.isEmpty {
            // Every word of the search is a prefix of a word of the name (as SQLite's FTS5 prefix query).
            guard let query = Self.prefixQuery(text) else { return [] }
            clauses.append("id IN (SELECT personId FROM personAlias WHERE search @@ to_tsquery('simple', \(bind(query))))")
        }
        if let c = country { clauses.append("country = \(bind(c.uppercased()))") }
        if let o = organization {
            clauses.append("id IN (SELECT personId FROM personMention WHERE lower(organization) = lower(\(bind(o))))")
        }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let limitSQL = bind(limit)
        let ids = try s.values(PostgresQuery(unsafeSQL: "SELECT id FROM person \(whereSQL) ORDER BY name, id LIMIT \(limitSQL)", binds: binds),
                               as: Int64.self)
        return try ids.map { try summary($0) }
    }

    /// A `to_tsquery` text matching names that have every word of `text` as a word prefix, or nil when it has no words.
    static func prefixQuery(_ text: String) -> String? {
        var words: [String] = []
        var word = ""
        for ch in TextNormalizer.fold(text) {
            if ch.isLetter || ch.isNumber { word.append(ch) } else if !word.isEmpty { words.append(word); word = "" }
        }
        if !word.isEmpty { words.append(word) }
        return words.isEmpty ? nil : words.map { $0 + ":*" }.joined(separator: " & ")
    }

    func profile(_ nameOrID: String, timelineLimit: Int) throws -> PersonProfile {
        let id = try personID(nameOrID)
        let mentions = try s.rows("""
            SELECT documentId, name, titles, organization, date, reason FROM personMention WHERE personId = \(id)
            ORDER BY date NULLS FIRST, documentId
            """).map { row in
            let (doc, name, titles, organization, date, reason) = try s.decode(row, (String, String, String, String?, String?, String).self)
            return Queries.StoredMention(documentId: doc, name: name, titles: titles, organization: organization, date: date, reason: reason)
        }
        let counterparts = try s.rows("""
            SELECT person.id, person.name, person.country, count(*) AS n FROM eventParticipant a
            JOIN eventParticipant b ON a.eventId = b.eventId AND b.personId != a.personId
            JOIN person ON person.id = b.personId WHERE a.personId = \(id) GROUP BY person.id ORDER BY n DESC, person.name LIMIT 50
            """).map { row in
            let (cid, name, country, n) = try s.decode(row, (Int64, String, String?, Int).self)
            return Counterpart(id: cid, name: name, country: country, events: n)
        }
        let eventIDs = try s.values("""
            SELECT event.id FROM event JOIN eventParticipant ON eventParticipant.eventId = event.id
            WHERE personId = \(id) ORDER BY event.date DESC NULLS LAST, event.id DESC LIMIT \(max(0, timelineLimit))
            """, as: Int64.self)
        let person = try summary(id)
        return Queries.profile(person: person, mentions: mentions, counterparts: counterparts,
                               timeline: try eventSummaries(ids: eventIDs.reversed()), timelineTotal: person.events)
    }

    /// Documents matching every word (English stemming), newest first, each with a snippet of the text around
    /// the matches, the matched words in brackets and `…` where the snippet cuts the text.
    func search(_ words: String, limit: Int) throws -> [SearchHit] {
        guard !words.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        return try s.rows("""
            SELECT document.id, document.title, document.url, document.text,
              ts_headline('english', document.text, q, 'StartSel=[, StopSel=], MinWords=5, MaxWords=12, MaxFragments=1')
            FROM document, plainto_tsquery('english', \(words)) AS q
            WHERE document.search @@ q ORDER BY document.seq DESC LIMIT \(limit)
            """).map { row in
            let (id, title, url, text, headline) = try s.decode(row, (String, String?, String?, String, String).self)
            return SearchHit(documentId: id, title: title, url: url, snippet: Self.snippet(headline, of: text))
        }
    }

    /// Marks with `…` the ends where a headline is not the start or the end of the text (compared on letters and
    /// digits only, since the headline may leave out punctuation at its ends).
    static func snippet(_ headline: String, of text: String) -> String {
        func words(_ s: String) -> String { String(s.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init)) }
        let plain = words(headline.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: ""))
        let body = words(text)
        var out = headline.trimmingCharacters(in: .whitespacesAndNewlines)
        if plain.isEmpty { return out }
        if !body.hasPrefix(plain) { out = "…" + out }
        if !body.hasSuffix(plain) { out += "…" }
        return out
    }

    func stats() throws -> StoreStats {
        // Counts kept by the transactions that change them (`PostgresSummaryTables`), not counted over whole tables.
        var rows: [String: Int] = [:]
        for row in try s.rows("SELECT tableName, n FROM rowCount") {
            let (table, n) = try s.decode(row, (String, Int).self)
            rows[table] = n
        }
        func count(_ table: String) throws -> Int { rows[table] ?? 0 }
        var byType: [String: Int] = [:]
        for row in try s.rows("SELECT type, sum(n)::bigint FROM eventTally WHERE country = '' AND partner = '' GROUP BY type HAVING sum(n) > 0") {
            let (type, n) = try s.decode(row, (String, Int).self)
            byType[type] = n
        }
        // The size of Parley's own tables with their indexes and TOAST data (the database may hold other things).
        let bytes = try s.value("""
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r'
            """, as: Int64.self)
        return StoreStats(documents: try count("document"), people: try count("person"), organizations: try count("organization"),
                          events: try count("event"), eventSources: try count("eventSource"), planned: try count("plannedEvent"),
                          eventsByType: byType, databaseBytes: bytes)
    }

    /// Every document's annotation with stable cross-document ids: `entity` on people, `event_id` on events.
    func annotations() throws -> [DocumentAnnotation] {
        var entity: [String: [String: Int64]] = [:]
        for row in try s.rows("SELECT documentId, localId, personId FROM personMention") {
            let (doc, local, person) = try s.decode(row, (String, String, Int64).self)
            entity[doc, default: [:]][local] = person
        }
        var eventOf: [String: [String: Int64]] = [:]
        for row in try s.rows("SELECT documentId, localId, eventId FROM eventSource") {
            let (doc, local, event) = try s.decode(row, (String, String, Int64).self)
            eventOf[doc, default: [:]][local] = event
        }
        let decoder = JSONDecoder()
        return try s.rows("SELECT id, annotation FROM document ORDER BY id").map { row in
            let (id, json) = try s.decode(row, (String, String).self)
            var a: DocumentAnnotation
            do { a = try decoder.decode(DocumentAnnotation.self, from: Data(json.utf8)) } catch {
                throw StoreError.underlying(path: s.location.description, message: "document \(id): stored annotation does not decode (\(error))")
            }
            Queries.stamp(&a, entity: entity[id] ?? [:], eventOf: eventOf[id] ?? [:])
            return a
        }
    }
}

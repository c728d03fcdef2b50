import Foundation
import GRDB
import ParleyCore

/// The read side of the SQLite store: SQL through bound parameters only.
enum Queries {
    /// A person's id from an id ("42", "P42") or a name or alias.
    static func personID(_ db: Database, _ nameOrID: String) throws -> Int64 {
        if let id = personNumber(nameOrID), try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM person WHERE id = ?"), arguments: [id]) == true { return id }
        let key = NameKeys(nameOrID).aliasKey
        if let id = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT personAlias.personId FROM personAlias JOIN personMention ON personMention.personId = personAlias.personId
            WHERE aliasKey = ? GROUP BY personAlias.personId ORDER BY count(*) DESC LIMIT 1
            """), arguments: [key]) { return id }
        throw StoreError.notFound(what: "person '\(nameOrID)'")
    }

    /// The number in a person id as users write it ("42", "P42"), or nil for a name.
    static func personNumber(_ nameOrID: String) -> Int64? {
        var s = nameOrID.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("P") || s.hasPrefix("p"), Int64(s.dropFirst()) != nil { s = String(s.dropFirst()) }
        return Int64(s)
    }

    static func summary(_ db: Database, _ id: Int64) throws -> PersonSummary {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name, country FROM person WHERE id = ?"), arguments: [id]) else {
            throw StoreError.notFound(what: "person \(id)")
        }
        let aliases = try String.fetchAll(db.cachedStatement(sql: "SELECT alias FROM personAlias WHERE personId = ? ORDER BY alias"), arguments: [id])
        let docs = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(DISTINCT documentId) FROM personMention WHERE personId = ?"), arguments: [id]) ?? 0
        let events = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM eventParticipant WHERE personId = ?"), arguments: [id]) ?? 0
        let name: String = row["name"]
        return PersonSummary(id: id, name: name, country: row["country"], aliases: aliases.filter { $0 != name }, documents: docs, events: events)
    }

    /// The ids as one bound value for `IN (SELECT value FROM json_each(?))`: the statements stay the same, and are
    /// prepared once per connection, whatever the number of ids.
    static func idList(_ ids: [Int64]) -> String {
        var s = "["
        for (n, id) in ids.enumerated() {
            if n > 0 { s += "," }
            s += String(id)
        }
        return s + "]"
    }

    static func eventSummaries(_ db: Database, ids: [Int64]) throws -> [EventSummary] {
        // A few set queries for all the events instead of several queries per event, read through SQLite's C
        // interface (the events lists' hot path).
        guard !ids.isEmpty else { return [] }
        let list = idList(ids)
        let of = "(SELECT value FROM json_each(?))"
        var events: [Int64: EventSummary] = [:]
        try FastStatement(db, "SELECT id, type, date, place, cameo, plover, ploverMode, channel, channelReason FROM event WHERE id IN \(of)").forEach(list) { r in
            let id = r.int64(0)
            events[id] = EventSummary(id: id, type: r.text(1) ?? "", date: r.text(2), place: r.text(3), participants: [], organizations: [],
                                      countries: [], cameo: r.text(4), plover: r.text(5), sources: [], ploverMode: r.text(6),
                                      channel: r.text(7), channelReason: r.text(8))
        }
        try FastStatement(db, """
            SELECT eventId, country, channel, channelReason, level, levelReason FROM eventSide WHERE eventId IN \(of) ORDER BY eventId, country
            """).forEach(list) { r in
            events[r.int64(0)]?.sides.append(EventSide(country: ContactRecords.country(r.text(1)), channel: r.text(2), channelReason: r.text(3),
                                                       level: r.text(4), levelReason: r.text(5)))
        }
        try FastStatement(db, """
            SELECT eventParticipant.eventId, person.id, person.name, person.country, eventParticipant.role FROM eventParticipant
            JOIN person ON person.id = eventParticipant.personId WHERE eventId IN \(of) ORDER BY eventParticipant.rowid
            """).forEach(list) { r in
            events[r.int64(0)]?.participants.append(PersonRef(id: r.int64(1), name: r.text(2) ?? "", country: r.text(3), role: r.text(4)))
        }
        try FastStatement(db, """
            SELECT eventId, organization.id, organization.name, organization.kind, organization.country FROM eventOrganization
            JOIN organization ON organization.id = organizationId WHERE eventId IN \(of) ORDER BY eventId, organizationId
            """).forEach(list) { r in
            events[r.int64(0)]?.organizations.append(OrganizationRef(id: r.int64(1), name: r.text(2) ?? "", kind: r.text(3), country: r.text(4)))
        }
        try FastStatement(db, "SELECT eventId, country FROM eventCountry WHERE eventId IN \(of) ORDER BY eventId, country").forEach(list) { r in
            if let c = r.text(1) { events[r.int64(0)]?.countries.append(c) }
        }
        try FastStatement(db, """
            SELECT eventSource.eventId, documentId, document.url, reported, sentence, start, "end", evidence, confidence
            FROM eventSource JOIN document ON document.id = documentId WHERE eventId IN \(of) ORDER BY documentId
            """).forEach(list) { r in
            events[r.int64(0)]?.sources.append(EventSourceRef(
                documentId: r.text(1) ?? "", url: r.text(2), reported: r.int64(3) != 0, sentence: Int(r.int64(4)), start: Int(r.int64(5)),
                end: Int(r.int64(6)), evidence: r.text(7) ?? "", confidence: r.double(8)))
        }
        return ids.compactMap { events[$0] }
    }

    /// The SQL of an events filter: the rows to read (`source`, where `event` is the event), the column holding the
    /// event's date there, and the WHERE clauses with their arguments. Two countries drive the query through their
    /// pair's (country, partner, date, eventId) index, else one country or a person through theirs, so that the
    /// rows come in date order and a date range is an index range; every other filter is a check on the rows found.
    static func eventFilter(_ db: Database, _ f: EventFilter)
        throws -> (source: String, dateColumn: String, clauses: [String], args: [any DatabaseValueConvertible]) {
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = []
        var source = "event"
        var dateColumn = "event.date"
        var countries = Array(Set(f.countries.map { $0.uppercased() })).sorted()
        var personID: Int64? = try f.person.map { try Self.personID(db, $0) }
        if countries.count >= 2 {
            // Two countries: their pair's rows, in code order.
            source = "eventPair d JOIN event ON event.id = d.eventId"
            dateColumn = "d.date"
            clauses.append("d.country = ? AND d.partner = ?"); args += [countries[0], countries[1]]
            countries.removeFirst(2)
        } else if let first = countries.first {
            source = "eventCountry d JOIN event ON event.id = d.eventId"
            dateColumn = "d.date"
            clauses.append("d.country = ?"); args.append(first)
            countries.removeFirst()
        } else if let p = personID {
            source = "eventParticipant d JOIN event ON event.id = d.eventId"
            dateColumn = "d.date"
            clauses.append("d.personId = ?"); args.append(p)
            personID = nil
        }
        if let p = personID {
            clauses.append("EXISTS (SELECT 1 FROM eventParticipant x WHERE x.eventId = event.id AND x.personId = ?)")
            args.append(p)
        }
        for c in countries {
            clauses.append("EXISTS (SELECT 1 FROM eventCountry x WHERE x.eventId = event.id AND x.country = ?)")
            args.append(c)
        }
        if let o = f.organization {
            clauses.append("""
                event.id IN (SELECT eventId FROM eventOrganization WHERE organizationId IN
                  (SELECT organizationId FROM organizationAlias WHERE aliasKey = ?))
                """)
            args.append(OrganizationResolver.key(o))
        }
        if let t = f.type { clauses.append("event.type = ?"); args.append(t.uppercased()) }
        if let from = f.from { clauses.append("\(dateColumn) >= ?"); args.append(from) }
        // Dates are ISO 8601 of 4, 7 or 10 characters: every date that starts with `to` sorts before `to` + "~".
        if let to = f.to { clauses.append("\(dateColumn) <= ?"); args.append(to + "~") }
        if let place = f.place { clauses.append("event.place = ? COLLATE NOCASE"); args.append(place) }
        if let channel = f.channel { clauses.append("event.channel = ?"); args.append(channel.lowercased()) }
        if let level = f.level {
            clauses.append("EXISTS (SELECT 1 FROM eventSide x WHERE x.eventId = event.id AND x.level = ?)")
            args.append(level.lowercased())
        }
        if f.disputed { clauses.append(EventDisagreements.multiSourceSQL) }
        return (source, dateColumn, clauses, args)
    }

    static func events(_ db: Database, _ f: EventFilter) throws -> [EventSummary] {
        var (source, dateColumn, clauses, args) = try eventFilter(db, f)
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        // Disputed: every event several documents report is a candidate (-1: no limit); the first `limit` that disagree are kept.
        args.append(f.disputed ? -1 : f.limit)
        var ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT event.id FROM \(source) \(whereSQL) ORDER BY \(dateColumn) DESC, event.id LIMIT ?"),
                                     arguments: StatementArguments(args.map { $0.databaseValue }))
        guard f.disputed else { return try eventSummaries(db, ids: ids) }
        ids = try EventDisagreements.disputed(ids, limit: f.limit) { try sourceReports(db, ids: $0) }
        var events = try eventSummaries(db, ids: ids)
        EventDisagreements.attach(&events, try sourceReports(db, ids: ids))
        return events
    }

    /// What each source of the events that several documents report says of them (`EventDisagreements`).
    static func sourceReports(_ db: Database, ids: [Int64]) throws -> [Int64: [SourceReport]] {
        guard !ids.isEmpty else { return [:] }
        var rows: [EventDisagreements.SourceRow] = []
        try FastStatement(db, """
            SELECT eventId, documentId, localId FROM eventSource WHERE eventId IN (SELECT value FROM json_each(?)) ORDER BY eventId, documentId, localId
            """).forEach(idList(ids)) { r in
            rows.append(.init(eventId: r.int64(0), documentId: r.text(1) ?? "", localId: r.text(2) ?? ""))
        }
        rows = EventDisagreements.multiSource(rows)
        var annotations: [String: DocumentAnnotation] = [:]
        var people: [String: [String: EventDisagreements.ResolvedMention]] = [:]
        for doc in Set(rows.map(\.documentId)) {
            if let json = try String.fetchOne(db.cachedStatement(sql: "SELECT annotation FROM document WHERE id = ?"), arguments: [doc]) {
                annotations[doc] = try EventDisagreements.annotation(json, of: doc)
            }
            for r in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT localId, personId, person.name FROM personMention JOIN person ON person.id = personId WHERE documentId = ?
                """), arguments: [doc]) {
                people[doc, default: [:]][r[0]] = .init(personId: r[1], name: r[2])
            }
        }
        return EventDisagreements.reports(rows, annotations: annotations, people: people)
    }

    static func people(_ db: Database, search: String?, country: String?, organization: String?, limit: Int) throws -> [PersonSummary] {
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let s = search, !s.isEmpty {
            // Words only (GRDB quotes each token): a search of punctuation alone ("\"", "*", "-") names nobody.
            if let pattern = FTS5Pattern(matchingAllPrefixesIn: s) {
                clauses.append("id IN (SELECT personId FROM personAlias WHERE rowid IN (SELECT rowid FROM personSearch WHERE personSearch MATCH ?))")
                args.append(pattern.rawPattern)
            } else {
                clauses.append("0")
            }
        }
        if let c = country { clauses.append("country = ?"); args.append(c.uppercased()) }
        if let o = organization {
            clauses.append("id IN (SELECT personId FROM personMention WHERE organization = ? COLLATE NOCASE)")
            args.append(o)
        }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        args.append(limit)
        let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM person \(whereSQL) ORDER BY name LIMIT ?"), arguments: StatementArguments(args.map { $0.databaseValue }))
        return try ids.map { try summary(db, $0) }
    }

    static func profile(_ db: Database, _ nameOrID: String, timelineLimit: Int) throws -> PersonProfile {
        let id = try personID(db, nameOrID)
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT documentId, name, titles, organization, date, reason FROM personMention WHERE personId = ? ORDER BY date, documentId
            """), arguments: [id])
        let mentions = rows.map {
            StoredMention(documentId: $0["documentId"], name: $0["name"], titles: $0["titles"], organization: $0["organization"],
                          date: $0["date"], reason: $0["reason"])
        }
        let counterparts = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT person.id, person.name, person.country, count(*) AS n FROM eventParticipant a
            JOIN eventParticipant b ON a.eventId = b.eventId AND b.personId != a.personId
            JOIN person ON person.id = b.personId WHERE a.personId = ? GROUP BY person.id ORDER BY n DESC, person.name LIMIT 50
            """), arguments: [id]).map { Counterpart(id: $0["id"], name: $0["name"], country: $0["country"], events: $0["n"]) }
        // The latest events straight from the (personId, date, eventId) index, then oldest first.
        let eventIDs = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT eventId FROM eventParticipant WHERE personId = ? ORDER BY date DESC, eventId DESC LIMIT ?
            """), arguments: [id, max(0, timelineLimit)])
        let person = try summary(db, id)
        return profile(person: person, mentions: mentions, counterparts: counterparts,
                       timeline: try eventSummaries(db, ids: eventIDs.reversed()), timelineTotal: person.events)
    }

    /// One stored person mention (a `personMention` row), as a profile reads it.
    struct StoredMention {
        var documentId: String
        var name: String
        /// Titles joined by U+001F.
        var titles: String
        var organization: String?
        var date: String?
        var reason: String
    }

    /// A profile from a person's mentions in date order: titles first seen, organizations, and why each mention is theirs.
    static func profile(person: PersonSummary, mentions: [StoredMention], counterparts: [Counterpart], timeline: [EventSummary],
                        timelineTotal: Int) -> PersonProfile {
        var titles: [DatedTitle] = []
        var orgs: [String] = []
        var merges: [MergeReason] = []
        for r in mentions {
            for t in r.titles.split(separator: "\u{1F}").map(String.init) where !titles.contains(where: { $0.title == t }) {
                titles.append(DatedTitle(title: t, date: r.date, documentId: r.documentId))
            }
            if let o = r.organization, !orgs.contains(o) { orgs.append(o) }
            merges.append(MergeReason(documentId: r.documentId, name: r.name, reason: r.reason))
        }
        return PersonProfile(person: person, titles: titles, organizations: orgs, merges: merges, counterparts: counterparts,
                             timeline: timeline, timelineTotal: timelineTotal)
    }

    static func search(_ db: Database, _ words: String, limit: Int) throws -> [SearchHit] {
        guard let pattern = try documentSearchPattern(db, words) else { return [] }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT document.id, document.title, document.url, snippet(documentSearch, 1, '[', ']', '…', 12) AS snip
            FROM documentSearch JOIN document ON document.rowid = documentSearch.rowid
            WHERE documentSearch MATCH ? ORDER BY documentSearch.rowid DESC LIMIT ?
            """), arguments: [pattern, limit]).map {
            SearchHit(documentId: $0["id"], title: $0["title"], url: $0["url"], snippet: $0["snip"])
        }
    }

    /// Every word of `words` as the document index splits text, each quoted as one term. The index keeps no word
    /// positions, so a term the index's tokenizer would split again (GRDB's ASCII tokenizer keeps `´`, `§` and the like
    /// inside words; unicode61 does not) would be a phrase query, which FTS5 refuses; nil when there is no word.
    static func documentSearchPattern(_ db: Database, _ words: String) throws -> String? {
        let tokens = try db.makeTokenizer(.unicode61()).tokenize(query: words).filter { !$0.flags.contains(.colocated) }.map(\.token)
        guard !tokens.isEmpty else { return nil }
        return tokens.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }

    /// Counts from the tables the triggers keep (`SummaryTables`), not from the tables themselves.
    static func stats(_ db: Database) throws -> StoreStats {
        var rows: [String: Int] = [:]
        for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT tableName, n FROM rowCount")) { rows[r[0]] = r[1] }
        var byType: [String: Int] = [:]
        for r in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT type, sum(n) FROM eventTally WHERE country = '' AND partner = '' GROUP BY type HAVING sum(n) > 0
            """)) { byType[r[0]] = r[1] }
        return StoreStats(documents: rows["document"] ?? 0, people: rows["person"] ?? 0, organizations: rows["organization"] ?? 0,
                          events: byType.values.reduce(0, +), eventSources: rows["eventSource"] ?? 0, planned: rows["plannedEvent"] ?? 0,
                          eventsByType: byType, databaseBytes: nil)
    }

    /// Every document's annotation with stable cross-document ids: `entity` on people, `event_id` on events.
    static func annotations(_ db: Database) throws -> [DocumentAnnotation] {
        let decoder = JSONDecoder()
        var out: [DocumentAnnotation] = []
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, annotation FROM document ORDER BY id")) {
            let docID: String = row["id"]
            var a = try decoder.decode(DocumentAnnotation.self, from: Data((row["annotation"] as String).utf8))
            var entity: [String: Int64] = [:]
            for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT localId, personId FROM personMention WHERE documentId = ?"), arguments: [docID]) {
                entity[r["localId"]] = r["personId"]
            }
            var eventOf: [String: Int64] = [:]
            for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT localId, eventId FROM eventSource WHERE documentId = ?"), arguments: [docID]) {
                eventOf[r["localId"]] = r["eventId"]
            }
            stamp(&a, entity: entity, eventOf: eventOf)
            out.append(a)
        }
        return out
    }

    /// Sets the cross-document ids on a stored annotation: `P<id>` on each person, `E<id>` on each event.
    static func stamp(_ a: inout DocumentAnnotation, entity: [String: Int64], eventOf: [String: Int64]) {
        for k in a.people.indices { a.people[k].entity = entity[a.people[k].id].map { "P\($0)" } }
        for k in a.events.indices { a.events[k].eventId = eventOf[a.events[k].id].map { "E\($0)" } }
    }
}

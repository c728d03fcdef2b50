import Foundation
import ParleyCore

/// The one policy for people's corrections of events, the same for every backend (`EventCorrectionRows`): checks
/// and records a correction, applies it, applies the standing ones again after an ingest, undoes one, and explains
/// why an event's reports are one event. As for people, the store keeps judgements: a correction names its events
/// by their reports (`EventSourceKey`), so re-ingesting the same or a changed document finds them again.
struct EventCorrector {
    let rows: any EventCorrectionRows

    // MARK: Recording

    /// Checks the request against the stored events, stores it in the log and applies it.
    func record(_ request: EventCorrectionRequest) throws -> EventCorrection {
        try requireEvent(request.event)
        let target = try keys(of: request.event)
        var c = EventCorrection(id: 0, kind: request.kind, target: target, other: nil, document: nil, changes: nil,
                                note: request.note.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 },
                                createdAt: IngestRecords.now(), undoneAt: nil, event: nil)
        switch request.kind {
        case .merge:
            guard let other = request.other else { throw StoreError.invalidArgument("merge needs the event to keep") }
            try requireEvent(other)
            guard other != request.event else { throw StoreError.conflict("E\(other) and E\(request.event) are the same event") }
            c.other = try keys(of: other)
        case .split:
            guard let doc = request.document else { throw StoreError.invalidArgument("split needs the document (--source) to take out") }
            guard target.contains(where: { $0.documentId == doc }) else {
                throw StoreError.notFound(what: "a report of event E\(request.event) in document '\(doc)' (its documents: \(target.map(\.documentId).uniqued().joined(separator: ", ")))")
            }
            guard target.contains(where: { $0.documentId != doc }) else {
                throw StoreError.conflict("event E\(request.event) has no report from another document: nothing to split '\(doc)' from")
            }
            c.document = doc
        case .set:
            guard var changes = request.changes, !changes.isEmpty else {
                throw StoreError.invalidArgument("nothing to set: give a type, date, place, or a participant to add or remove")
            }
            if let t = changes.type {
                guard let type = EventType(rawValue: t.uppercased()) else {
                    throw StoreError.invalidArgument("unknown event type '\(t)': one of \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                changes.type = type.rawValue
            }
            if let d = changes.date, PartialDate(iso: d) == nil || d.count > 10 {
                throw StoreError.invalidArgument("dates are YYYY, YYYY-MM or YYYY-MM-DD, not '\(d)'")
            }
            if let p = changes.place { changes.place = p.trimmingCharacters(in: .whitespaces).isEmpty ? nil : p.trimmingCharacters(in: .whitespaces) }
            let current = Set(try rows.ints("SELECT personId FROM eventParticipant WHERE eventId = ?", [.int(request.event)]))
            changes.addParticipants = try changes.addParticipants.map { name in
                guard let p = try person(name) else { throw StoreError.notFound(what: "person '\(name)' (a participant to add must be stored already)") }
                return p.name
            }
            changes.removeParticipants = try changes.removeParticipants.map { name in
                guard let p = try person(name), current.contains(p.id) else {
                    throw StoreError.notFound(what: "participant '\(name)' of event E\(request.event)")
                }
                return p.name
            }
            c.changes = changes
        case .reject:
            break
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json<T: Encodable>(_ v: T?) throws -> String? { try v.map { String(decoding: try encoder.encode($0), as: UTF8.self) } }
        c.id = try rows.ints("""
            INSERT INTO eventCorrection (kind, target, other, document, changes, note, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [.text(c.kind.rawValue), .text(try json(c.target)), .text(try json(c.other)), .text(c.document), .text(try json(c.changes)),
                  .text(c.note), .text(c.createdAt)]).first ?? 0
        try apply(c)
        try rows.finish()
        c.event = try currentEvent(of: c)
        return c
    }

    /// Marks correction `id` undone and rebuilds what it changed: its documents are ingested again and the
    /// corrections still standing on them applied again.
    func undo(_ id: Int64) throws -> EventCorrection {
        guard var c = try corrections(withEvents: false).first(where: { $0.id == id }) else {
            throw StoreError.notFound(what: "event correction \(id) (parley event corrections lists them)")
        }
        guard c.undoneAt == nil else { throw StoreError.conflict("event correction \(id) was already undone at \(c.undoneAt!)") }
        c.undoneAt = IngestRecords.now()
        try rows.run("UPDATE eventCorrection SET undoneAt = ? WHERE id = ?", [.text(c.undoneAt), .int(id)])
        var documents = c.documents
        for keys in [c.target, c.other ?? []] {
            if let e = try currentEvent(keys) { documents.formUnion(try self.keys(of: e).map(\.documentId)) }
        }
        try rows.ingestAgain(documents.sorted())
        try replay(touching: documents)
        c.event = try currentEvent(of: c)
        return c
    }

    /// Applies again, in the order they were made, the standing corrections that name one of `documents` (all of
    /// them when nil): after an ingest replaced or added those documents.
    func replay(touching documents: Set<String>?) throws {
        let standing = try corrections(withEvents: false).filter { $0.undoneAt == nil }
        guard !standing.isEmpty else { return }
        for c in standing where documents.map({ !c.documents.isDisjoint(with: $0) }) ?? true { try apply(c) }
        try rows.finish()
    }

    /// The log, oldest first; with `withEvents`, each with the event it applies to now.
    func corrections(withEvents: Bool = true) throws -> [EventCorrection] {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ s: String?, _ type: T.Type) -> T? { s.flatMap { try? decoder.decode(T.self, from: Data($0.utf8)) } }
        return try rows.texts("SELECT id, kind, target, other, document, changes, note, createdAt, undoneAt FROM eventCorrection ORDER BY id", [])
            .compactMap { r in
                guard let id = r[0].flatMap({ Int64($0) }), let kind = r[1].flatMap(EventCorrectionKind.init(rawValue:)) else { return nil }
                var c = EventCorrection(id: id, kind: kind, target: decode(r[2], [EventSourceKey].self) ?? [], other: decode(r[3], [EventSourceKey].self),
                                        document: r[4], changes: decode(r[5], EventChanges.self), note: r[6], createdAt: r[7] ?? "", undoneAt: r[8],
                                        event: nil)
                if withEvents && c.undoneAt == nil { c.event = try currentEvent(of: c) }
                return c
            }
    }

    // MARK: Applying

    /// Applies one correction to the events as they are now; false when its events are not (or no longer) there.
    @discardableResult
    func apply(_ c: EventCorrection) throws -> Bool {
        switch c.kind {
        case .reject:
            guard let e = try currentEvent(c.target) else { return false }
            try rows.run("DELETE FROM event WHERE id = ?", [.int(e)])
        case .set:
            guard let e = try currentEvent(c.target), let changes = c.changes else { return false }
            try set(e, changes)
        case .merge:
            guard let a = try currentEvent(c.target), let b = try currentEvent(c.other ?? []), a != b else { return false }
            try merge(a, into: b)
        case .split:
            guard let doc = c.document, let e = try currentEvent(c.target.filter { $0.documentId != doc }) else { return false }
            return try split(e, document: doc)
        }
        return true
    }

    func set(_ e: Int64, _ changes: EventChanges) throws {
        if let t = changes.type, let type = EventType(rawValue: t) {
            let code = Lexicons.bundled.code(for: type, variant: nil)
            try rows.run("UPDATE event SET type = ?, cameo = ?, plover = ?, ploverMode = ? WHERE id = ?",
                         [.text(t), .text(code?.cameo), .text(code?.plover), .text(code?.ploverMode), .int(e)])
        }
        if let d = changes.date { try rows.run("UPDATE event SET date = ? WHERE id = ?", [.text(d), .int(e)]) }
        if let p = changes.place { try rows.run("UPDATE event SET place = ? WHERE id = ?", [.text(p), .int(e)]) }
        for name in changes.addParticipants {
            guard let p = try person(name) else { continue }
            try rows.addParticipant(e, p.id, role: "participant")
            if let country = p.country { try rows.addCountry(e, country) }
        }
        for name in changes.removeParticipants {
            guard let p = try person(name) else { continue }
            try rows.run("DELETE FROM eventParticipant WHERE eventId = ? AND personId = ?", [.int(e), .int(p.id)])
        }
    }

    /// Moves event `a`'s reports, people, organizations and countries to event `b` and deletes `a`; `b` takes the
    /// more precise date, and its channel and sides take in `a`'s as another report's would.
    func merge(_ a: Int64, into b: Int64) throws {
        try rows.joinContact(b, try rows.contact(a))
        for r in try rows.texts("SELECT personId, role FROM eventParticipant WHERE eventId = ?", [.int(a)]) {
            if let p = r[0].flatMap({ Int64($0) }) { try rows.addParticipant(b, p, role: r[1] ?? "participant") }
        }
        for o in try rows.ints("SELECT organizationId FROM eventOrganization WHERE eventId = ?", [.int(a)]) { try rows.addOrganization(b, o) }
        for r in try rows.texts("SELECT country FROM eventCountry WHERE eventId = ?", [.int(a)]) {
            if let c = r[0] { try rows.addCountry(b, c) }
        }
        let dateA = try rows.text("SELECT date FROM event WHERE id = ?", [.int(a)])
        let dateB = try rows.text("SELECT date FROM event WHERE id = ?", [.int(b)])
        if let d = dateA, dateB == nil || dateB!.count < d.count {
            try rows.run("UPDATE event SET date = ? WHERE id = ?", [.text(d), .int(b)])
        }
        try rows.run("UPDATE eventSource SET eventId = ? WHERE eventId = ?", [.int(b), .int(a)])
        try rows.run("DELETE FROM event WHERE id = ?", [.int(a)])
    }

    /// Makes `document`'s reports of event `e` an event of their own, with what that document says of it; `e` keeps
    /// the people, organizations and countries its other reports give. False when there is nothing to split.
    func split(_ e: Int64, document: String) throws -> Bool {
        let all = try keys(of: e)
        let moving = all.filter { $0.documentId == document }, staying = all.filter { $0.documentId != document }
        guard !moving.isEmpty, !staying.isEmpty, let annotation = try rows.annotation(document),
              let first = annotation.events.first(where: { $0.id == moving[0].localId }) else { return false }
        let n = try rows.createEvent(first)
        try rows.run("UPDATE eventSource SET eventId = ? WHERE eventId = ? AND documentId = ?", [.int(n), .int(e), .text(document)])
        let moved = try links(moving)
        for (p, role) in moved.people { try rows.addParticipant(n, p, role: role) }
        for o in moved.organizations { try rows.addOrganization(n, o) }
        for c in moved.countries { try rows.addCountry(n, c) }
        let kept = try links(staying)
        let keptPeople = Set(kept.people.map(\.0))
        for (p, _) in moved.people where !keptPeople.contains(p) {
            try rows.run("DELETE FROM eventParticipant WHERE eventId = ? AND personId = ?", [.int(e), .int(p)])
        }
        for o in moved.organizations where !kept.organizations.contains(o) {
            try rows.run("DELETE FROM eventOrganization WHERE eventId = ? AND organizationId = ?", [.int(e), .int(o)])
        }
        for c in moved.countries where !kept.countries.contains(c) {
            try rows.run("DELETE FROM eventCountry WHERE eventId = ? AND country = ?", [.int(e), .text(c)])
        }
        return true
    }

    /// The people (with roles), organizations and countries that reports give an event, from their documents'
    /// stored annotations.
    func links(_ reports: [EventSourceKey]) throws -> (people: [(Int64, String)], organizations: [Int64], countries: [String]) {
        var people: [(Int64, String)] = [], organizations: [Int64] = [], countries: [String] = []
        for (doc, keys) in Dictionary(grouping: reports, by: \.documentId) {
            guard let a = try rows.annotation(doc) else { continue }
            var personOf: [String: Int64] = [:]
            for r in try rows.texts("SELECT localId, personId FROM personMention WHERE documentId = ?", [.text(doc)]) {
                if let local = r[0], let id = r[1].flatMap({ Int64($0) }) { personOf[local] = id }
            }
            for k in keys {
                guard let event = a.events.first(where: { $0.id == k.localId }) else { continue }
                for (p, role) in IngestRecords.participants(event, personOf) where !people.contains(where: { $0.0 == p }) { people.append((p, role)) }
                for name in event.organizations {
                    if let o = try rows.ints("SELECT organizationId FROM organizationAlias WHERE aliasKey = ?", [.text(OrganizationResolver.key(name))]).first,
                       !organizations.contains(o) { organizations.append(o) }
                }
                for c in event.countries where !countries.contains(c) { countries.append(c) }
            }
        }
        return (people, organizations, countries)
    }

    // MARK: Finding

    /// An event's reports, in document order.
    func keys(of event: Int64) throws -> [EventSourceKey] {
        try rows.texts("SELECT documentId, localId, evidence FROM eventSource WHERE eventId = ? ORDER BY documentId, localId", [.int(event)]).map {
            EventSourceKey(documentId: $0[0] ?? "", localId: $0[1] ?? "", evidence: $0[2] ?? "")
        }
    }

    /// The event that holds one of these reports now: the same report (document, id and sentence) first, then the
    /// same sentence of the same document (a changed document may number its events anew).
    func currentEvent(_ keys: [EventSourceKey]) throws -> Int64? {
        for k in keys {
            if let e = try rows.ints("SELECT eventId FROM eventSource WHERE documentId = ? AND localId = ? AND evidence = ?",
                                     [.text(k.documentId), .text(k.localId), .text(k.evidence)]).first { return e }
        }
        for k in keys {
            if let e = try rows.ints("SELECT eventId FROM eventSource WHERE documentId = ? AND evidence = ? ORDER BY localId",
                                     [.text(k.documentId), .text(k.evidence)]).first { return e }
        }
        return nil
    }

    /// The event a standing correction applies to now (the kept one for a merge; none for a rejection).
    func currentEvent(of c: EventCorrection) throws -> Int64? {
        switch c.kind {
        case .reject: return try currentEvent(c.target)
        case .set: return try currentEvent(c.target)
        case .merge: return try currentEvent(c.other ?? [])
        case .split: return try currentEvent(c.target.filter { $0.documentId != c.document })
        }
    }

    func requireEvent(_ id: Int64) throws {
        guard try rows.text("SELECT type FROM event WHERE id = ?", [.int(id)]) != nil else { throw StoreError.notFound(what: "event E\(id)") }
    }

    /// A stored person by id (`P12`) or by a name or alias (the one most often mentioned).
    func person(_ nameOrID: String) throws -> (id: Int64, name: String, country: String?)? {
        func row(_ id: Int64) throws -> (Int64, String, String?)? {
            try rows.texts("SELECT name, country FROM person WHERE id = ?", [.int(id)]).first.map { (id, $0[0] ?? "", $0[1]) }
        }
        if let id = Queries.personNumber(nameOrID), let p = try row(id) { return p }
        let id = try rows.ints("""
            SELECT personAlias.personId FROM personAlias JOIN personMention ON personMention.personId = personAlias.personId
            WHERE aliasKey = ? GROUP BY personAlias.personId ORDER BY count(*) DESC LIMIT 1
            """, [.text(NameKeys(nameOrID).aliasKey)]).first
        return try id.flatMap(row)
    }

    // MARK: Explaining

    /// What each report of `event` says, why the later ones joined the first, and the corrections that hold on it.
    func review(_ event: EventSummary) throws -> EventReview {
        let reportKeys = try keys(of: event.id)
        var reports: [EventReport] = []
        var peopleOf: [[Int64]] = []
        for k in reportKeys {
            guard let a = try rows.annotation(k.documentId), let e = a.events.first(where: { $0.id == k.localId }) else { continue }
            reports.append(EventReport(documentId: k.documentId, localId: k.localId, type: e.type, date: e.date, place: e.place,
                                       participants: e.participants, evidence: e.evidence))
            peopleOf.append(try links([k]).people.map(\.0))
        }
        let standing = try corrections().filter { $0.undoneAt == nil && $0.event == event.id }
        let names = Dictionary(event.participants.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var joins: [String] = []
        for i in reports.indices.dropFirst() {
            let r = reports[i]
            let by = "\(r.documentId) (\(r.localId))"
            if let j = reports.indices.prefix(i).first(where: { j in
                EventResolver.sameKind(reports[j].type, r.type) && (EventResolver.datesCompatible(reports[j].date, r.date)
                    || (reports[j].date == nil || r.date == nil) && Set(peopleOf[j]) == Set(peopleOf[i]) && peopleOf[i].count >= 2)
            }) {
                let o = reports[j]
                let kind = o.type == r.type ? "same kind (\(r.type))" : "same kind (\(o.type) and \(r.type))"
                let dates = EventResolver.datesCompatible(o.date, r.date) ? "dates \(o.date ?? "-") and \(r.date ?? "-") are compatible" : "undated, with the very same people"
                let shared = Set(peopleOf[j]).intersection(peopleOf[i]).compactMap { names[$0] }.sorted()
                joins.append("\(by) joined \(o.documentId) (\(o.localId)): \(kind), \(dates)"
                             + (shared.isEmpty ? "" : ", shared people: " + shared.joined(separator: ", ")))
            } else if let c = standing.first(where: { $0.kind == .merge && $0.target.contains { $0.documentId == r.documentId } }) {
                joins.append("\(by) was merged in by correction \(c.id)\(c.note.map { " (\($0))" } ?? "")")
            } else {
                joins.append("\(by) joined through a report of another document (same kind, compatible dates, shared people)")
            }
        }
        return EventReview(event: event, reports: reports, joins: joins, corrections: standing)
    }
}

extension EventCorrector {
    /// The log table: `target` and `other` hold the reports (`[EventSourceKey]`) and `changes` the new values
    /// (`EventChanges`) as JSON.
    static let sqliteMigration = """
        CREATE TABLE eventCorrection (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL,
          target TEXT NOT NULL,
          other TEXT,
          document TEXT,
          changes TEXT,
          note TEXT,
          createdAt TEXT NOT NULL,
          undoneAt TEXT
        )
        """

    static let postgresMigration = [
        """
        CREATE TABLE eventCorrection (
          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          kind text NOT NULL,
          target text NOT NULL,
          other text,
          document text,
          changes text,
          note text,
          createdAt text NOT NULL,
          undoneAt text
        )
        """,
    ]
}

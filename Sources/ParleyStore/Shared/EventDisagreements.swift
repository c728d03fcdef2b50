import Foundation
import ParleyCore

/// What the sources of stored events say, side by side, for every backend: each backend reads its `eventSource` rows,
/// the sources' stored annotations and the people their mentions resolved to; this builds the `SourceReport`s from
/// them, and `SourceDisagreements` decides. Nothing is stored: the values are read back from the annotations.
enum EventDisagreements {
    /// One `eventSource` row: the document's local event joined into a stored event.
    struct SourceRow: Sendable {
        var eventId: Int64
        var documentId: String
        var localId: String
    }

    /// A document's person mention resolved to a stored person.
    struct ResolvedMention: Sendable {
        var personId: Int64
        var name: String
    }

    /// The rows of the events that more than one document reports (only they can disagree), in one order for every
    /// backend: event, document, then the document's events in their order (E2 before E10).
    static func multiSource(_ rows: [SourceRow]) -> [SourceRow] {
        var documents: [Int64: Set<String>] = [:]
        for r in rows { documents[r.eventId, default: []].insert(r.documentId) }
        return rows.filter { (documents[$0.eventId]?.count ?? 0) >= 2 }.sorted(by: precedes)
    }

    static func precedes(_ a: SourceRow, _ b: SourceRow) -> Bool {
        if a.eventId != b.eventId { return a.eventId < b.eventId }
        if a.documentId != b.documentId { return a.documentId.utf8.lexicographicallyPrecedes(b.documentId.utf8) }
        if a.localId.utf8.count != b.localId.utf8.count { return a.localId.utf8.count < b.localId.utf8.count }
        return a.localId.utf8.lexicographicallyPrecedes(b.localId.utf8)
    }

    /// Each event's reports, one per row, in the rows' order; people are keyed by the stored person they resolved to.
    static func reports(_ rows: [SourceRow], annotations: [String: DocumentAnnotation],
                        people: [String: [String: ResolvedMention]]) -> [Int64: [SourceReport]] {
        var out: [Int64: [SourceReport]] = [:]
        var eventsOf: [String: [String: DocumentAnnotation.Event]] = [:]
        var peopleOf: [String: [String: DocumentAnnotation.Person]] = [:]
        for (doc, a) in annotations {
            eventsOf[doc] = Dictionary(a.events.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
            peopleOf[doc] = Dictionary(a.people.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        }
        for r in rows {
            guard let e = eventsOf[r.documentId]?[r.localId] else { continue }
            let resolved = people[r.documentId] ?? [:]
            var participants: [SourceReport.Participant] = []
            for local in e.participantIds {
                guard let m = resolved[local], !participants.contains(where: { $0.key == String(m.personId) }) else { continue }
                participants.append(.init(key: String(m.personId), name: m.name, titles: peopleOf[r.documentId]?[local]?.titles ?? []))
            }
            out[r.eventId, default: []].append(SourceReport(documentId: r.documentId, type: e.type, date: e.date, place: e.place,
                                                            participants: participants))
        }
        return out
    }

    /// Decodes a stored annotation; `StoreError.underlying` names the document when it does not decode.
    static func annotation(_ json: String, of document: String) throws -> DocumentAnnotation {
        do { return try JSONDecoder().decode(DocumentAnnotation.self, from: Data(json.utf8)) } catch {
            throw StoreError.underlying(path: "document \(document)", message: "stored annotation does not decode (\(error))")
        }
    }

    /// Sets `disagreements` on each event from its reports (empty when its sources agree).
    static func attach(_ events: inout [EventSummary], _ reports: [Int64: [SourceReport]]) {
        for n in events.indices { events[n].disagreements = SourceDisagreements.find(reports[events[n].id] ?? []) }
    }

    /// The ids (in their order, at most `limit`) of the events whose sources disagree, read `chunk` events at a time
    /// (a chunk's annotations are all in memory at once) until `limit` are found.
    static func disputed(_ ids: [Int64], limit: Int, chunk: Int = 500, reports: ([Int64]) throws -> [Int64: [SourceReport]]) throws -> [Int64] {
        var out: [Int64] = []
        var start = 0
        while start < ids.count && out.count < limit {
            let part = Array(ids[start..<min(start + chunk, ids.count)])
            let r = try reports(part)
            out += part.filter { SourceDisagreements.disagree(r[$0] ?? []) }
            start += chunk
        }
        return Array(out.prefix(limit))
    }

    /// A page of disputed events: pages of `candidates` (events reported by several documents, in the page order)
    /// until `limit` of them disagree or none is left; the next page starts after the last one kept.
    static func disputedPage(limit: Int, after cursor: EventCursor?, candidates: (EventCursor?) throws -> EventPage,
                             reports: ([Int64]) throws -> [Int64: [SourceReport]]) throws -> EventPage {
        var out: [EventSummary] = []
        var cursor = cursor
        while true {
            let page = try candidates(cursor)
            let r = try reports(page.events.map(\.id))
            for (n, var e) in page.events.enumerated() {
                let found = SourceDisagreements.find(r[e.id] ?? [])
                guard !found.isEmpty else { continue }
                e.disagreements = found
                out.append(e)
                if out.count == limit {
                    let more = n < page.events.count - 1 || page.next != nil
                    return EventPage(events: out, next: more ? EventCursor(date: e.date, id: e.id) : nil)
                }
            }
            guard let next = page.next else { return EventPage(events: out, next: nil) }
            cursor = next
        }
    }

    /// The SQL condition (the same for both backends) that keeps the events more than one document reports.
    static let multiSourceSQL = """
        EXISTS (SELECT 1 FROM eventSource a JOIN eventSource b ON b.eventId = a.eventId AND b.documentId <> a.documentId WHERE a.eventId = event.id)
        """
}

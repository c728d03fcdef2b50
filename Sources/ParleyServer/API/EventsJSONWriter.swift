import ParleyStore
import ParleyCore

/// Writes a page of events as JSON straight into bytes: the same document `JSONEncoder` makes of
/// `APIController.EventsPage` (sorted keys, absent values left out), several times faster, since the events
/// list is the API's busiest answer.
struct EventsJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 16_384) { bytes.reserveCapacity(capacity) }

    static func page(_ page: APIController.EventsPage) -> [UInt8] {
        var w = EventsJSONWriter(capacity: 1024 + page.events.count * 700)
        w.raw("{\"events\":[")
        for (i, e) in page.events.enumerated() {
            if i > 0 { w.raw(",") }
            w.event(e)
        }
        w.raw("],\"limit\":")
        w.int(page.limit)
        if let next = page.nextCursor {
            w.raw(",\"nextCursor\":")
            w.string(next)
        }
        w.raw(",\"order\":")
        w.string(page.order)
        w.raw("}")
        return w.bytes
    }

    mutating func event(_ e: EventSummary) {
        raw("{")
        var first = true
        func key(_ k: String, _ w: inout EventsJSONWriter) {
            if !first { w.raw(",") }
            first = false
            w.string(k)
            w.raw(":")
        }
        if let c = e.cameo { key("cameo", &self); string(c) }
        key("countries", &self); strings(e.countries)
        if let d = e.date { key("date", &self); string(d) }
        key("id", &self); int(e.id)
        key("organizations", &self)
        raw("[")
        for (i, o) in e.organizations.enumerated() {
            if i > 0 { raw(",") }
            raw("{\"id\":"); int(o.id)
            raw(",\"name\":"); string(o.name)
            raw("}")
        }
        raw("]")
        key("participants", &self)
        raw("[")
        for (i, p) in e.participants.enumerated() {
            if i > 0 { raw(",") }
            raw("{")
            if let c = p.country { raw("\"country\":"); string(c); raw(",") }
            raw("\"id\":"); int(p.id)
            raw(",\"name\":"); string(p.name)
            if let r = p.role { raw(",\"role\":"); string(r) }
            raw("}")
        }
        raw("]")
        if let p = e.place { key("place", &self); string(p) }
        if let p = e.plover { key("plover", &self); string(p) }
        key("sources", &self)
        raw("[")
        for (i, s) in e.sources.enumerated() {
            if i > 0 { raw(",") }
            raw("{\"confidence\":"); double(s.confidence)
            raw(",\"documentId\":"); string(s.documentId)
            raw(",\"end\":"); int(s.end)
            raw(",\"evidence\":"); string(s.evidence)
            raw(",\"reported\":"); raw(s.reported ? "true" : "false")
            raw(",\"sentence\":"); int(s.sentence)
            raw(",\"start\":"); int(s.start)
            if let u = s.url { raw(",\"url\":"); string(u) }
            raw("}")
        }
        raw("]")
        key("type", &self); string(e.type)
        raw("}")
    }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ n: some BinaryInteger) { bytes.append(contentsOf: String(n).utf8) }

    mutating func double(_ d: Double) {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 { int(Int64(d)) } else if d.isFinite { bytes.append(contentsOf: "\(d)".utf8) } else { raw("null") }
    }

    mutating func strings(_ list: [String]) {
        raw("[")
        for (i, s) in list.enumerated() {
            if i > 0 { raw(",") }
            string(s)
        }
        raw("]")
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8.
    mutating func string(_ s: String) {
        JSONString.append(s, to: &bytes)
    }
}

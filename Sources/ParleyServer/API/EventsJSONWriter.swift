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
        w.raw("{\"events\":")
        w.array(page.events) { w, e in w.event(e) }
        w.raw(",\"limit\":")
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
        if let c = e.channel { key("channel", &self); string(c) }
        if let r = e.channelReason { key("channelReason", &self); string(r) }
        key("countries", &self); strings(e.countries)
        if let d = e.date { key("date", &self); string(d) }
        if let list = e.disagreements {
            key("disagreements", &self)
            array(list) { w, d in
                w.raw("{\"field\":"); w.string(d.field)
                if let p = d.person { w.raw(",\"person\":"); w.string(p) }
                w.raw(",\"values\":")
                w.array(d.values) { w, v in
                    w.raw("{\"documentId\":"); w.string(v.documentId)
                    w.raw(",\"value\":"); w.string(v.value)
                    w.raw("}")
                }
                w.raw("}")
            }
        }
        key("id", &self); int(e.id)
        key("organizations", &self)
        array(e.organizations) { w, o in
            w.raw("{")
            if let c = o.country { w.raw("\"country\":"); w.string(c); w.raw(",") }
            w.raw("\"id\":"); w.int(o.id)
            if let k = o.kind { w.raw(",\"kind\":"); w.string(k) }
            w.raw(",\"name\":"); w.string(o.name)
            w.raw("}")
        }
        key("participants", &self)
        array(e.participants) { w, p in
            w.raw("{")
            if let c = p.country { w.raw("\"country\":"); w.string(c); w.raw(",") }
            w.raw("\"id\":"); w.int(p.id)
            w.raw(",\"name\":"); w.string(p.name)
            if let r = p.role { w.raw(",\"role\":"); w.string(r) }
            w.raw("}")
        }
        if let p = e.place { key("place", &self); string(p) }
        if let p = e.plover { key("plover", &self); string(p) }
        if let m = e.ploverMode { key("ploverMode", &self); string(m) }
        key("sides", &self)
        array(e.sides) { w, s in
            var first = true
            func field(_ k: StaticString, _ v: String?, _ w: inout EventsJSONWriter) {
                guard let v else { return }
                if !first { w.raw(",") }
                first = false
                w.raw(k); w.string(v)
            }
            w.raw("{")
            field("\"channel\":", s.channel, &w)
            field("\"channelReason\":", s.channelReason, &w)
            field("\"country\":", s.country, &w)
            field("\"level\":", s.level, &w)
            field("\"levelReason\":", s.levelReason, &w)
            w.raw("}")
        }
        key("sources", &self)
        array(e.sources) { w, s in
            w.raw("{\"confidence\":"); w.double(s.confidence)
            w.raw(",\"documentId\":"); w.string(s.documentId)
            w.raw(",\"end\":"); w.int(s.end)
            w.raw(",\"evidence\":"); w.string(s.evidence)
            w.raw(",\"reported\":"); w.raw(s.reported ? "true" : "false")
            w.raw(",\"sentence\":"); w.int(s.sentence)
            w.raw(",\"start\":"); w.int(s.start)
            if let u = s.url { w.raw(",\"url\":"); w.string(u) }
            w.raw("}")
        }
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

    mutating func strings(_ list: [String]) { array(list) { w, s in w.string(s) } }

    /// A JSON array of `items`, each written by `item`.
    mutating func array<T>(_ items: [T], _ item: (inout EventsJSONWriter, T) -> Void) {
        raw("[")
        for (i, x) in items.enumerated() {
            if i > 0 { raw(",") }
            item(&self, x)
        }
        raw("]")
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8.
    mutating func string(_ s: String) {
        JSONString.append(s, to: &bytes)
    }
}

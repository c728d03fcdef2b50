/// Writes `DocumentAnnotation`s as JSON bytes, keys in sorted order, compact (one line, for JSON Lines) or
/// indented. It produces the same document `JSONEncoder` with `.sortedKeys` would, several times faster,
/// which matters when extraction runs at thousands of releases a second.
public struct AnnotationJSONWriter: Sendable {
    public var pretty: Bool
    public init(pretty: Bool) { self.pretty = pretty }

    public func data(_ a: DocumentAnnotation) -> [UInt8] {
        let w = Writer(pretty: pretty)
        w.out.reserveCapacity(4096)
        w.object {
            w.field("dateline") {
                if let d = a.dateline {
                    w.object {
                        w.field("date") { w.string(d.date) }
                        w.field("place") { w.string(d.place) }
                    }
                } else { w.null() }
            }
            w.field("events") { w.array(a.events) { event(w, $0) } }
            w.field("id") { w.string(a.id) }
            w.field("organizations") {
                w.array(a.organizations) { o in
                    w.object {
                        w.field("aliases") { w.strings(o.aliases) }
                        w.field("country") { w.string(o.country) }
                        w.field("id") { w.string(o.id) }
                        w.field("kind") { w.string(o.kind) }
                        w.field("mentions") { w.array(o.mentions) { mention(w, $0) } }
                        w.field("name") { w.string(o.name) }
                    }
                }
            }
            w.field("people") {
                w.array(a.people) { p in
                    w.object {
                        w.field("aliases") { w.strings(p.aliases) }
                        w.field("country") { w.string(p.country) }
                        if let e = p.entity { w.field("entity") { w.string(e) } }
                        w.field("id") { w.string(p.id) }
                        w.field("mentions") { w.array(p.mentions) { mention(w, $0) } }
                        w.field("name") { w.string(p.name) }
                        w.field("organization") { w.string(p.organization) }
                        w.field("titles") { w.strings(p.titles) }
                    }
                }
            }
            w.field("planned") { w.array(a.planned) { event(w, $0) } }
            w.field("published") { w.string(a.published) }
            w.field("site") { w.string(a.site) }
            w.field("title") { w.string(a.title) }
            w.field("url") { w.string(a.url) }
        }
        return w.out
    }

    private func mention(_ w: Writer, _ m: DocumentAnnotation.Mention) {
        w.object {
            w.field("end") { w.int(m.end) }
            w.field("sentence") { w.int(m.sentence) }
            w.field("start") { w.int(m.start) }
            w.field("text") { w.string(m.text) }
        }
    }

    private func event(_ w: Writer, _ e: DocumentAnnotation.Event) {
        w.object {
            w.field("cameo") { w.string(e.cameo) }
            w.field("cameo_label") { w.string(e.cameoLabel) }
            if let c = e.channel { w.field("channel") { w.string(c) } }
            if let r = e.channelReason { w.field("channel_reason") { w.string(r) } }
            w.field("confidence") { w.raw(String(e.confidence)) }
            w.field("countries") { w.strings(e.countries) }
            w.field("date") { w.string(e.date) }
            if let id = e.eventId { w.field("event_id") { w.string(id) } }
            w.field("evidence") { w.string(e.evidence) }
            w.field("evidence_span") { mention(w, e.evidenceSpan) }
            w.field("id") { w.string(e.id) }
            w.field("organizations") { w.strings(e.organizations) }
            w.field("other_evidence") { w.array(e.otherEvidence) { mention(w, $0) } }
            w.field("participant_ids") { w.strings(e.participantIds) }
            w.field("participant_roles") { w.strings(e.participantRoles) }
            w.field("participants") { w.strings(e.participants) }
            w.field("place") { w.string(e.place) }
            w.field("plover") { w.string(e.plover) }
            w.field("plover_mode") { w.string(e.ploverMode) }
            w.field("reported") { w.raw(e.reported ? "true" : "false") }
            if let sides = e.sides { w.field("sides") { w.array(sides) { side(w, $0) } } }
            w.field("type") { w.string(e.type) }
        }
    }

    private func side(_ w: Writer, _ s: ContactSide) {
        w.object {
            w.field("channel") { w.string(s.channel?.rawValue) }
            w.field("channel_reason") { w.string(s.channelReason) }
            w.field("country") { w.string(s.country) }
            w.field("level") { w.string(s.level) }
            w.field("level_reason") { w.string(s.levelReason) }
        }
    }

    /// A minimal JSON byte writer that tracks commas and indentation.
    final class Writer {
        var out: [UInt8] = []
        let pretty: Bool
        var depth = 0
        var first = true

        init(pretty: Bool) { self.pretty = pretty }

        func newline() {
            guard pretty else { return }
            out.append(0x0A)
            for _ in 0..<(depth * 2) { out.append(0x20) }
        }

        func separator() {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            newline()
        }

        func object(_ body: () -> Void) {
            out.append(UInt8(ascii: "{"))
            depth += 1
            first = true
            body()
            depth -= 1
            if !first { newline() }
            out.append(UInt8(ascii: "}"))
            first = false
        }

        func field(_ key: String, _ value: () -> Void) {
            separator()
            string(key)
            out.append(UInt8(ascii: ":"))
            if pretty { out.append(0x20) }
            value()
            first = false
        }

        func array<T>(_ items: [T], _ element: (T) -> Void) {
            out.append(UInt8(ascii: "["))
            if items.isEmpty { out.append(UInt8(ascii: "]")); first = false; return }
            depth += 1
            first = true
            for item in items {
                separator()
                element(item)
                first = false
            }
            depth -= 1
            newline()
            out.append(UInt8(ascii: "]"))
            first = false
        }

        func strings(_ items: [String]) {
            out.append(UInt8(ascii: "["))
            if items.isEmpty { out.append(UInt8(ascii: "]")); first = false; return }
            depth += 1
            first = true
            for s in items { separator(); string(s); first = false }
            depth -= 1
            newline()
            out.append(UInt8(ascii: "]"))
            first = false
        }

        func null() { out.append(contentsOf: "null".utf8); first = false }
        func raw(_ s: String) { out.append(contentsOf: s.utf8); first = false }
        func int(_ v: Int) { out.append(contentsOf: String(v).utf8); first = false }

        func string(_ value: String?) {
            guard let value else { null(); return }
            JSONString.append(value, to: &out)
            first = false
        }
    }
}

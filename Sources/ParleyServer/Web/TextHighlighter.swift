import ParleyStore

/// Cuts a document's text into pieces at every span boundary, so a template can wrap each piece in the
/// marks of the spans it lies in (event evidence, a person, an organization, a place, a date) while every
/// piece of text is still escaped as text.
enum TextHighlighter {
    /// One piece of the text and what it belongs to.
    struct Piece {
        var text: String
        var event: String?
        var entity: DocumentSpan?
        var highlighted: Bool
    }

    /// `spans` over `text` (offsets in Unicode scalars); `highlight` is a scalar range to mark as cited.
    static func pieces(_ text: String, spans: [DocumentSpan], highlight: Range<Int>? = nil) -> [Piece] {
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        var cuts: Set<Int> = [0, n]
        let valid = spans.filter { $0.start >= 0 && $0.end <= n && $0.start < $0.end }
        for s in valid { cuts.insert(s.start); cuts.insert(s.end) }
        if let h = highlight, h.lowerBound >= 0, h.upperBound <= n { cuts.insert(h.lowerBound); cuts.insert(h.upperBound) }
        let events = valid.filter { $0.kind == "event" }
        // Smaller entity spans win over larger ones that contain them (a date inside a place name is rare; a
        // person inside an organization's name is not).
        let entities = valid.filter { $0.kind != "event" }.sorted { ($0.end - $0.start) < ($1.end - $1.start) }
        let sorted = cuts.sorted()
        var out: [Piece] = []
        for k in 0..<(sorted.count - 1) {
            let a = sorted[k], b = sorted[k + 1]
            guard a < b else { continue }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[a..<b])
            let event = events.first { $0.start <= a && b <= $0.end }
            let entity = entities.first { $0.start <= a && b <= $0.end }
            let lit = highlight.map { $0.lowerBound <= a && b <= $0.upperBound } ?? false
            out.append(Piece(text: String(s), event: event.map { $0.ref ?? "" }, entity: entity, highlighted: lit))
        }
        return out
    }

    /// The pieces as template values: text, CSS class, link and a description for screen readers.
    static func values(_ pieces: [Piece]) -> [[String: Any]] {
        var anchored = false
        return pieces.map { p in
            var classes: [String] = []
            var v: [String: Any] = ["text": p.text]
            if p.highlighted && !anchored { v["anchor"] = true; anchored = true }
            if p.event != nil { classes.append("ev") }
            if p.highlighted { classes.append("cited") }
            if let e = p.entity {
                classes.append("hl-" + e.kind)
                v["kind"] = e.kind
                switch e.kind {
                case "person": if let r = e.ref { v["href"] = "/people/" + r }
                case "organization": if let r = e.ref { v["href"] = "/organizations?q=" + ViewModels.urlEncoded(r) }
                default: break
                }
                v["tip"] = e.kind + (e.ref.map { ": " + $0 } ?? "")
            } else if let ev = p.event, !ev.isEmpty {
                v["tip"] = "event " + ev
            }
            v["cls"] = classes.joined(separator: " ")
            return v
        }
    }
}

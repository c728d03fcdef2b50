import ParleyCore
import ParleyStore

/// A stored document with every recognised span: people, organizations and event evidence from the stored
/// annotation, places and dates from running the extractor's analysis again over the stored text. Offsets
/// are in Unicode scalars, as the annotation's are.
struct DocumentView: Encodable, Sendable {
    var id: String
    var url: String?
    var site: String?
    var title: String?
    var published: String?
    var text: String
    var spans: [DocumentSpan]
    var annotation: DocumentAnnotation
}

/// One recognised stretch of a document's text.
struct DocumentSpan: Encodable, Sendable, Equatable {
    /// person, organization, place, date or event.
    var kind: String
    var start: Int
    var end: Int
    var text: String
    /// What the span refers to: a person ("P3"), an event ("E7"), an organization's or place's name, an ISO date.
    var ref: String?
}

enum DocumentSpans {
    static let extractor = Extractor()

    static func view(of doc: StoredDocument) -> DocumentView {
        DocumentView(id: doc.id, url: doc.url, site: doc.site, title: doc.title, published: doc.published, text: doc.text,
                     spans: spans(of: doc), annotation: doc.annotation)
    }

    static func spans(of doc: StoredDocument) -> [DocumentSpan] {
        let a = doc.annotation
        var out: [DocumentSpan] = []
        for p in a.people {
            for m in p.mentions { out.append(DocumentSpan(kind: "person", start: m.start, end: m.end, text: m.text, ref: p.entity)) }
        }
        for o in a.organizations {
            for m in o.mentions { out.append(DocumentSpan(kind: "organization", start: m.start, end: m.end, text: m.text, ref: o.name)) }
        }
        for e in a.events {
            let s = e.evidenceSpan
            out.append(DocumentSpan(kind: "event", start: s.start, end: s.end, text: s.text, ref: e.eventId))
        }
        out += placesAndDates(doc)
        return out.sorted { ($0.start, $1.end) < ($1.start, $0.end) }
    }

    /// Places and dates found by the extractor's analysis, with byte offsets turned into scalar offsets.
    static func placesAndDates(_ doc: StoredDocument) -> [DocumentSpan] {
        let context = extractor.analyze(Document(id: doc.id, url: doc.url, title: doc.title, text: doc.text, origin: doc.id))
        let tokens = context.tokens
        let utf8 = Array(doc.text.utf8)
        // For each byte offset, the number of scalars that start before it: a scalar offset wherever a scalar starts.
        var scalarAt = [Int](repeating: 0, count: utf8.count + 1)
        var n = 0
        for (i, b) in utf8.enumerated() {
            scalarAt[i] = n
            if b & 0xC0 != 0x80 { n += 1 }
        }
        scalarAt[utf8.count] = n
        func span(_ range: Range<Int>, kind: String, ref: String?) -> DocumentSpan? {
            guard !range.isEmpty, range.upperBound <= tokens.count else { return nil }
            let b0 = tokens[range.lowerBound].span.start, b1 = tokens[range.upperBound - 1].span.end
            guard b0 < b1, b1 <= utf8.count else { return nil }
            let piece = String(decoding: utf8[b0..<b1], as: UTF8.self)
            return DocumentSpan(kind: kind, start: scalarAt[b0], end: scalarAt[b1], text: piece, ref: ref)
        }
        var out: [DocumentSpan] = []
        for p in context.placeMentions { if let s = span(p.tokens, kind: "place", ref: p.name) { out.append(s) } }
        for d in context.dateMentions { if let s = span(d.tokens, kind: "date", ref: d.date?.description) { out.append(s) } }
        return out
    }
}

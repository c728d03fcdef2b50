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
        let text = doc.text
        var scalarAt: [Int: Int] = [:]
        func scalars(_ byte: Int) -> Int {
            if let s = scalarAt[byte] { return s }
            let utf8 = text.utf8
            let idx = utf8.index(utf8.startIndex, offsetBy: min(byte, utf8.count))
            let n = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: idx)
            scalarAt[byte] = n
            return n
        }
        func span(_ range: Range<Int>, kind: String, ref: String?) -> DocumentSpan? {
            guard !range.isEmpty, range.upperBound <= tokens.count else { return nil }
            let b0 = tokens[range.lowerBound].span.start, b1 = tokens[range.upperBound - 1].span.end
            guard b0 < b1, b1 <= text.utf8.count else { return nil }
            let piece = String(decoding: Array(text.utf8)[b0..<b1], as: UTF8.self)
            return DocumentSpan(kind: kind, start: scalars(b0), end: scalars(b1), text: piece, ref: ref)
        }
        var out: [DocumentSpan] = []
        for p in context.placeMentions { if let s = span(p.tokens, kind: "place", ref: p.name) { out.append(s) } }
        for d in context.dateMentions { if let s = span(d.tokens, kind: "date", ref: d.date?.description) { out.append(s) } }
        return out
    }
}

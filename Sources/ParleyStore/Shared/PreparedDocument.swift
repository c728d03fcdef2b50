import ParleyCore

/// A document and its annotation with what storing them needs computed beforehand: the content hash and the
/// annotation as JSON. Preparing is pure, so it runs on the extraction threads and the single writer only writes.
public struct PreparedDocument: Sendable {
    public let document: Document
    public let annotation: DocumentAnnotation
    /// `SQLiteEventStore.contentHash(document)`: what makes a second ingest of the same content a no-op.
    public let contentHash: String
    /// The annotation in the one-line JSON of FORMAT.md, as the store keeps it for exports.
    public let annotationJSON: String

    public init(_ document: Document, _ annotation: DocumentAnnotation) {
        self.document = document
        self.annotation = annotation
        contentHash = SQLiteEventStore.contentHash(document)
        annotationJSON = String(decoding: AnnotationJSONWriter(pretty: false).data(annotation), as: UTF8.self)
    }
}

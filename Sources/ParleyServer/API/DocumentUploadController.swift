import Foundation
import Hummingbird
import ParleyCore
import ParleyStore

/// `POST /api/v1/documents`: adds releases over HTTP through the same extraction and idempotent ingest as
/// `parley ingest`. Plain text, HTML, one JSON record or a JSON Lines batch; a bearer token is required and
/// the body size is limited.
struct DocumentUploadController: Sendable {
    let store: any BrowsableStore
    let configuration: ServerConfiguration
    let extractor: Extractor
    let cache: ResponseCache

    /// What happened to each document of the request.
    struct Result: Encodable {
        var documents: [Outcome]
        var errors: [String]
    }
    struct Outcome: Encodable {
        var id: String
        var outcome: String
        var events: Int
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("api/v1/documents") { request, context in try await upload(request, context: context) }
    }

    func upload(_ request: Request, context: BasicRequestContext) async throws -> Response {
        if let refused = BearerToken.refusal(request.headers[.authorization], configuration) { return refused }
        let declaredFormat: InputFormat?
        if let type = request.headers[.contentType] {
            guard let f = Self.format(mediaType: Self.mediaType(type)) else {
                throw Problem(status: .unsupportedMediaType,
                              detail: "a release is sent as text/plain, text/html, application/json or JSON Lines (application/x-ndjson), not \(type.prefix(60))")
            }
            declaredFormat = f
        } else {
            declaredFormat = nil
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maxBodyBytes {
            throw Problem(status: .contentTooLarge, detail: "the request body is larger than \(configuration.maxBodyBytes) bytes")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: configuration.maxBodyBytes) } catch {
            throw Problem(status: .contentTooLarge, detail: "the request body is larger than \(configuration.maxBodyBytes) bytes")
        }
        var bytes = Array(buffer.readableBytesView)
        guard !bytes.isEmpty else { throw Problem.badRequest("the request body is empty: send a release as text, HTML, JSON or JSON Lines") }
        if let type = request.headers[.contentType], Self.mediaType(type) == "application/json" { bytes = try Self.jsonRecordLine(bytes) }
        let q = QueryString(request.uri.query)
        let format = declaredFormat ?? InputFormat.sniff(bytes)
        let id = SourceReader.safeID(q["id"] ?? "upload-" + Self.hash(bytes))
        let reader = SourceReader(maximumBytes: configuration.maxBodyBytes)
        var errors: [String] = []
        var pairs: [(Document, DocumentAnnotation)] = []
        for r in reader.read(bytes, origin: "request body", id: id, format: format) {
            switch r {
            case .success(let doc): pairs.append((doc, extractor.extract(doc)))
            case .failure(let e): errors.append(e.description)
            }
        }
        // A well-formed body may still hold nothing that reads as a release (binary data, blank text, a page without
        // main text): like a bad line of a batch, that is reported in `errors`, and nothing changes.
        let batch = pairs
        let outcomes = batch.isEmpty ? [] : try await Blocking.run { [store] in try store.ingest(batch: batch) }
        if !batch.isEmpty { cache.invalidate() }
        let result = Result(documents: zip(pairs, outcomes).map { Outcome(id: $0.0.0.id, outcome: $0.1.rawValue, events: $0.0.1.events.count) },
                            errors: errors)
        return try JSONResponse.make(result, status: outcomes.contains(.inserted) || outcomes.contains(.replaced) ? .created : .ok)
    }

    /// The media type of a Content-Type header, lower case, without parameters.
    static func mediaType(_ contentType: String) -> String {
        contentType.split(separator: ";", omittingEmptySubsequences: false).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// The format a media type names, or nil for one that is not a release (a 415).
    static func format(mediaType: String) -> InputFormat? {
        switch mediaType {
        case "text/plain": return .text
        case "text/html": return .html
        case "application/json", "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines": return .jsonl
        default: return nil
        }
    }

    /// The fields of a JSON record, as the document's `IngestRecord` declares them.
    static let recordFields = ["id", "url", "title", "published", "site", "text", "html"]

    /// An `application/json` body checked against `IngestRecord` (a 400 says how it differs) and put on one line, so
    /// that a record written over several lines reads as the one JSON Lines record it is.
    static func jsonRecordLine(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            throw .badRequest("the body is not JSON: send one record such as {\"id\": \"…\", \"text\": \"…\"}")
        }
        guard let record = value as? [String: Any] else { throw .badRequest("the body is JSON but not an object: send one record with a text or html field") }
        for key in recordFields {
            if let v = record[key], !(v is String), !(v is NSNull) { throw .badRequest("the record's \(key) must be a string or null") }
        }
        guard (record["text"] as? String).map({ !$0.isEmpty }) == true || (record["html"] as? String).map({ !$0.isEmpty }) == true else {
            throw .badRequest("the record needs a non-empty text or html string")
        }
        guard let line = try? JSONSerialization.data(withJSONObject: record) else { throw .badRequest("the record cannot be read") }
        return Array(line)
    }

    /// A short FNV-1a hash of the body, so the same body posted twice gets the same id.
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h ^= UInt64(b); h = h &* 0x100000001b3 }
        return String(h, radix: 16)
    }
}

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
        guard let token = configuration.token else {
            throw Problem(status: .forbidden, detail: "writes are disabled: start the server with PARLEY_TOKEN set to allow them")
        }
        guard BearerToken.matches(header: request.headers[.authorization], token: token) else {
            var r = Problem(status: .unauthorized, detail: "a valid 'Authorization: Bearer <token>' header is required").jsonResponse()
            r.headers[.wwwAuthenticate] = "Bearer"
            return r
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maxBodyBytes {
            throw Problem(status: .contentTooLarge, detail: "the request body is larger than \(configuration.maxBodyBytes) bytes")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: configuration.maxBodyBytes) } catch {
            throw Problem(status: .contentTooLarge, detail: "the request body is larger than \(configuration.maxBodyBytes) bytes")
        }
        let bytes = Array(buffer.readableBytesView)
        guard !bytes.isEmpty else { throw Problem.badRequest("the request body is empty: send a release as text, HTML, JSON or JSON Lines") }
        let q = QueryString(request.uri.query)
        let format = Self.format(contentType: request.headers[.contentType], bytes: bytes)
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
        guard !pairs.isEmpty else { throw Problem.badRequest("no document could be read: " + errors.joined(separator: "; ")) }
        let batch = pairs
        let outcomes = try await Blocking.run { [store] in try store.ingest(batch: batch) }
        cache.invalidate()
        let result = Result(documents: zip(pairs, outcomes).map { Outcome(id: $0.0.0.id, outcome: $0.1.rawValue, events: $0.0.1.events.count) },
                            errors: errors)
        return try JSONResponse.make(result, status: outcomes.contains(.inserted) || outcomes.contains(.replaced) ? .created : .ok)
    }

    /// The format a Content-Type names, else the one the first bytes suggest.
    static func format(contentType: String?, bytes: [UInt8]) -> InputFormat {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "text/plain": return .text
        case "text/html", "application/xhtml+xml": return .html
        case "application/json", "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines": return .jsonl
        default: return InputFormat.sniff(bytes)
        }
    }

    /// A short FNV-1a hash of the body, so the same body posted twice gets the same id.
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h ^= UInt64(b); h = h &* 0x100000001b3 }
        return String(h, radix: 16)
    }
}

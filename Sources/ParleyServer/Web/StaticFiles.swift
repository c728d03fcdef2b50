import Hummingbird

/// Serves `/static/NAME` from the bundled static folder only: a name is looked up among the files read at
/// start, so `..`, slashes or encoded separators can never reach another file.
struct StaticFiles: Sendable {
    let files: [String: [UInt8]]

    static func contentType(_ name: String) -> String {
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".svg") { return "image/svg+xml" }
        if name.hasSuffix(".json") { return "application/json" }
        return "application/octet-stream"
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("static/{name}") { _, context in
            let name = try context.parameters.require("name")
            guard !name.contains("/"), !name.contains("\\"), !name.contains(".."), let bytes = files[name] else {
                throw Problem.notFound("no static file '\(name.prefix(60))'")
            }
            return Response(status: .ok,
                            headers: [.contentType: Self.contentType(name), .cacheControl: "public, max-age=3600", .xContentTypeOptions: "nosniff"],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}

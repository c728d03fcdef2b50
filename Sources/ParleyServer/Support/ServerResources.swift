import Foundation

/// The server's bundled files, read once at start: page templates, static assets (CSS, JavaScript) and the
/// OpenAPI document.
struct ServerResources: Sendable {
    /// Template name (file name without `.mustache`) → template text.
    var templates: [String: String]
    /// Static file name → bytes; only these names are ever served.
    var staticFiles: [String: [UInt8]]
    var openAPI: [UInt8]

    /// Errors reading the bundle: the server cannot start without its files.
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "the server's resource \(path) is missing from the bundle" }
    }

    static func load() throws -> ServerResources {
        // The copied folder sits in the bundle's resource folder or is that folder, depending on the platform.
        let candidates = [Bundle.module.resourceURL?.appendingPathComponent("Resources"), Bundle.module.resourceURL,
                          Bundle.module.bundleURL.appendingPathComponent("Resources")].compactMap { $0 }
        guard let root = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("openapi.json").path) }) else {
            throw Missing(path: Bundle.module.bundleURL.path + "/Resources")
        }
        return try load(from: root)
    }

    static func load(from root: URL) throws -> ServerResources {
        let fm = FileManager.default
        func files(_ folder: String) throws -> [String: [UInt8]] {
            let dir = root.appendingPathComponent(folder)
            guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { throw Missing(path: dir.path) }
            var out: [String: [UInt8]] = [:]
            for name in names where !name.hasPrefix(".") {
                out[name] = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
            }
            return out
        }
        var templates: [String: String] = [:]
        for (name, bytes) in try files("templates") where name.hasSuffix(".mustache") {
            templates[String(name.dropLast(".mustache".count))] = String(decoding: bytes, as: UTF8.self)
        }
        let openAPIURL = root.appendingPathComponent("openapi.json")
        guard let openAPI = try? Data(contentsOf: openAPIURL) else { throw Missing(path: openAPIURL.path) }
        return ServerResources(templates: templates, staticFiles: try files("static"), openAPI: Array(openAPI))
    }
}

import Foundation

/// Where a PostgreSQL event database is, parsed from `postgres://user[:password]@host[:port]/database[?schema=NAME&sslmode=MODE]`.
/// `schema` keeps Parley's tables in a schema of their own (created when missing); `sslmode` is `disable` (the
/// default), `prefer` or `require`.
public struct PostgresLocation: Sendable, Equatable {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var schema: String?
    public var sslMode: String

    /// Whether `--db` names a PostgreSQL server rather than a SQLite file.
    public static func isPostgresURL(_ s: String) -> Bool {
        s.hasPrefix("postgres://") || s.hasPrefix("postgresql://")
    }

    public init(url: String) throws(StoreError) {
        guard Self.isPostgresURL(url), let c = URLComponents(string: url) else {
            throw .invalidArgument("\(Self.redacted(url)): not a PostgreSQL URL; write postgres://user@host:port/database")
        }
        user = c.user?.removingPercentEncoding ?? c.user ?? "postgres"
        if user.isEmpty { user = "postgres" }
        password = c.password?.removingPercentEncoding ?? c.password
        host = c.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = c.port ?? 5432
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        sslMode = "disable"
        for item in c.queryItems ?? [] {
            switch item.name {
            case "schema", "search_path":
                guard let v = item.value, Self.isPlainIdentifier(v) else {
                    throw .invalidArgument("\(Self.redacted(url)): schema must be lowercase letters, digits and underscores, starting with a letter or underscore")
                }
                schema = v
            case "sslmode":
                guard let v = item.value, ["disable", "prefer", "require"].contains(v) else {
                    throw .invalidArgument("\(Self.redacted(url)): sslmode is disable, prefer or require")
                }
                sslMode = v
            default:
                throw .invalidArgument("\(Self.redacted(url)): unknown URL parameter '\(item.name)'; Parley knows schema and sslmode")
            }
        }
    }

    /// The URL without the password, for messages.
    public var description: String {
        var s = "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
        var items: [String] = []
        if let schema { items.append("schema=\(schema)") }
        if sslMode != "disable" { items.append("sslmode=\(sslMode)") }
        if !items.isEmpty { s += "?" + items.joined(separator: "&") }
        return s
    }

    /// A URL with any password removed, also when it does not parse.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        let userInfo = rest[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<schemeEnd.upperBound]) + userInfo[..<colon] + rest[at...]
    }

    static func isPlainIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, s.utf8.count <= 63 else { return false }
        let letters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz_")
        let rest = letters.union(CharacterSet(charactersIn: "0123456789"))
        return letters.contains(first) && s.unicodeScalars.allSatisfy { rest.contains($0) }
    }
}

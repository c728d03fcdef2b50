/// Why the event database could not be opened, read or written; each message says what to do.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case missingFolder(path: String, folder: String)
    case notADatabase(path: String)
    case newerSchema(path: String)
    /// Written by an older Parley and not writable here, so its schema cannot be brought up to date.
    case olderSchema(path: String)
    case readOnly(path: String)
    case unreachable(location: String, reason: String)
    case notFound(what: String)
    case invalidArgument(String)
    /// The request is well formed but does not fit what is stored (a correction already undone, an event merged with itself).
    case conflict(String)
    case underlying(path: String, message: String)

    public var description: String {
        switch self {
        case .missingFolder(let path, let folder):
            return "\(path): the folder \(folder) does not exist; create it or choose another --db path"
        case .notADatabase(let path):
            return "\(path): not a Parley database (the file is not SQLite or is damaged); choose another --db path or restore a backup"
        case .newerSchema(let path):
            return "\(path): written by a newer version of Parley (unknown schema migrations); upgrade parley to read it"
        case .olderSchema(let path):
            return "\(path): written by an older version of Parley and not writable, so it cannot be upgraded; copy it somewhere writable and run any parley command on it once"
        case .readOnly(let path):
            return "\(path): the database is read-only; check the file's permissions or copy it somewhere writable"
        case .unreachable(let location, let reason):
            return "\(location): cannot reach the database (\(reason)); check that the server is running and the URL is right"
        case .notFound(let what):
            return "\(what) is not in the database"
        case .invalidArgument(let message), .conflict(let message):
            return message
        case .underlying(let path, let message):
            return "\(path): \(message)"
        }
    }
}

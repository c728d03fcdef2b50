import ParleyCore
import ParleyStore

/// The events filters of a request (API or page), checked: the CLI's filters plus order, page size and cursor.
struct EventQuery: Sendable {
    static let types = ["MEET", "VISIT", "CALL", "SIGN", "MESSAGE", "ATTEND", "HOST", "ANNOUNCE"]
    /// The levels of a contact side, highest first (`levels.tsv`).
    static let levels = Lexicons.bundled.contactLevels.map(\.name)

    var filter = EventFilter()
    var order: EventOrder = .newest
    var cursor: EventCursor?

    /// Reads `person`, `org`, `country` (repeatable), `type`, `channel`, `level`, `disputed`, `from`, `to`, `place`, `order`, `limit` and `cursor`;
    /// anything malformed is a 400 that names the parameter.
    init(_ q: QueryString, defaultLimit: Int, maxLimit: Int) throws(Problem) {
        filter.person = q["person"]
        filter.organization = q["org"]
        filter.place = q["place"]
        for c in q.all("country") {
            guard c.count == 3, c.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw .badRequest("country takes ISO 3166-1 alpha-3 codes such as CHN, not '\(c.prefix(40))'")
            }
            filter.countries.append(c.uppercased())
        }
        if let t = q["type"] {
            guard Self.types.contains(t.uppercased()) else {
                throw .badRequest("unknown event type '\(t.prefix(40))': one of \(Self.types.joined(separator: ", "))")
            }
            filter.type = t.uppercased()
        }
        filter.channel = try Self.channel(q["channel"])
        if let l = q["level"] {
            guard Self.levels.contains(l.lowercased()) else {
                throw .badRequest("unknown level '\(l.prefix(40))': one of \(Self.levels.joined(separator: ", "))")
            }
            filter.level = l.lowercased()
        }
        if let d = q["disputed"] {
            guard d == "true" || d == "false" else { throw .badRequest("disputed is true or false, not '\(d.prefix(40))'") }
            filter.disputed = d == "true"
        }
        filter.from = try DateParameter.check(q["from"], name: "from")
        filter.to = try DateParameter.check(q["to"], name: "to")
        if let o = q["order"] {
            guard let order = EventOrder(rawValue: o) else { throw .badRequest("order is newest or oldest, not '\(o.prefix(40))'") }
            self.order = order
        }
        filter.limit = try Self.limit(q["limit"], default: defaultLimit, max: maxLimit)
        if let c = q["cursor"] { cursor = try EventCursorCodec.decode(c) }
    }

    /// A page size from a `limit` parameter: 1 to `max`, else a 400.
    /// A `channel` parameter checked (party, state, parliament, mixed or other; any case), or a 400 naming the choices.
    static func channel(_ value: String?) throws(Problem) -> String? {
        guard let c = value else { return nil }
        guard let channel = ContactChannel(rawValue: c.lowercased()) else {
            throw .badRequest("unknown channel '\(c.prefix(40))': one of \(ContactChannel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return channel.rawValue
    }

    static func limit(_ text: String?, default value: Int, max: Int) throws(Problem) -> Int {
        guard let text else { return value }
        guard let n = Int(text), (1...max).contains(n) else { throw .badRequest("limit must be a whole number from 1 to \(max), not '\(text.prefix(40))'") }
        return n
    }
}

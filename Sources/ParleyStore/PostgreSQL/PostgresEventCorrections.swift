import ParleyCore
import PostgresNIO

/// `EventCorrectionRows` over one PostgreSQL transaction: the shared SQL with its `?` numbered (`$1`, `$2`, …) and
/// every column read back as text.
struct PostgresCorrectionRows: EventCorrectionRows {
    let s: PostgresSession

    static func query(_ sql: String, _ arguments: [CorrectionValue]) -> PostgresQuery {
        var numbered = "", n = 0
        for ch in sql {
            if ch == "?" { n += 1; numbered += "$\(n)" } else { numbered.append(ch) }
        }
        var binds = PostgresBindings()
        for a in arguments {
            switch a {
            case .text(let t?): binds.append(PostgresRowEdits.storable(t))
            case .int(let i?): binds.append(i)
            case .text(nil), .int(nil): binds.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: numbered, binds: binds)
    }

    func texts(_ sql: String, _ arguments: [CorrectionValue]) throws -> [[String?]] {
        try s.rows(Self.query(sql, arguments)).map { row in
            try row.map { cell -> String? in
                guard cell.bytes != nil else { return nil }
                do {
                    switch cell.dataType {
                    case .int2, .int4, .int8: return String(try cell.decode(Int64.self))
                    case .bool: return String(try cell.decode(Bool.self))
                    case .float4, .float8: return String(try cell.decode(Double.self))
                    default: return try cell.decode(String.self)
                    }
                } catch { throw s.translate(error) }
            }
        }
    }

    func run(_ sql: String, _ arguments: [CorrectionValue]) throws { try s.execute(Self.query(sql, arguments)) }

    func createEvent(_ event: DocumentAnnotation.Event) throws -> Int64 { try PostgresRowEdits(s: s).createEvent(event) }

    func joinContact(_ event: Int64, _ profile: ContactProfile?) throws { try PostgresRowEdits(s: s).joinContact(event, profile) }

    func addParticipant(_ event: Int64, _ person: Int64, role: String) throws {
        try s.execute("INSERT INTO eventParticipant (eventId, personId, role, date) SELECT \(event), \(person), \(role), date FROM event WHERE id = \(event) ON CONFLICT DO NOTHING")
    }

    func addCountry(_ event: Int64, _ country: String) throws {
        try s.execute("INSERT INTO eventCountry (eventId, country, date) SELECT \(event), \(country), date FROM event WHERE id = \(event) ON CONFLICT DO NOTHING")
    }

    func addOrganization(_ event: Int64, _ organization: Int64) throws {
        try s.execute("INSERT INTO eventOrganization (eventId, organizationId, date) SELECT \(event), \(organization), date FROM event WHERE id = \(event) ON CONFLICT DO NOTHING")
    }

    func ingestAgain(_ documents: [String]) throws {
        let stored = try documents.compactMap { try storedDocument($0) }
        for d in stored { try PostgresRowEdits(s: s).removeDocument(d.document.annotation.id) }
        for d in stored {
            _ = try PostgresBatchIngestor(s: s).ingest([d.document])
            try s.execute("UPDATE document SET contentHash = \(d.contentHash), ingestedAt = \(d.ingestedAt) WHERE id = \(d.document.annotation.id)")
        }
    }

    func finish() throws {}
}

extension PostgresEventStore {
    public func correctEvent(_ request: EventCorrectionRequest) throws -> EventCorrection {
        try write { s in try EventCorrector(rows: PostgresCorrectionRows(s: s)).record(request) }
    }

    public func eventCorrections() throws -> [EventCorrection] {
        try read { s in try EventCorrector(rows: PostgresCorrectionRows(s: s)).corrections() }
    }

    public func undoEventCorrection(_ id: Int64) throws -> EventCorrection {
        try write { s in try EventCorrector(rows: PostgresCorrectionRows(s: s)).undo(id) }
    }

    public func eventReview(_ id: Int64) throws -> EventReview {
        let event = try self.event(id: id)
        return try read { s in try EventCorrector(rows: PostgresCorrectionRows(s: s)).review(event) }
    }
}

import GRDB
import ParleyCore

/// `EventCorrectionRows` over one SQLite write (or read) transaction: link rows carry their event's date, and what new
/// events and links add to the summary tables is gathered and written at the end (`SummaryDeltas`).
struct SQLiteCorrectionRows: EventCorrectionRows {
    let db: Database
    let summaries = SummaryDeltas()

    static func arguments(_ values: [CorrectionValue]) -> StatementArguments {
        StatementArguments(values.map { v -> (any DatabaseValueConvertible)? in
            switch v {
            case .text(let s): return s
            case .int(let i): return i
            }
        })
    }

    func texts(_ sql: String, _ arguments: [CorrectionValue]) throws -> [[String?]] {
        try Row.fetchAll(db, sql: sql, arguments: Self.arguments(arguments)).map { row in
            (0..<row.count).map { i -> String? in
                switch (row[i] as DatabaseValue).storage {
                case .null: return nil
                case .int64(let n): return String(n)
                case .double(let d): return String(d)
                case .string(let s): return s
                case .blob(let b): return String(decoding: b, as: UTF8.self)
                }
            }
        }
    }

    func run(_ sql: String, _ arguments: [CorrectionValue]) throws {
        try db.execute(sql: sql, arguments: Self.arguments(arguments))
    }

    func eventRow(_ event: Int64) throws -> (date: String?, type: String)? {
        try Row.fetchOne(db, sql: "SELECT date, type FROM event WHERE id = ?", arguments: [event]).map { ($0["date"], $0["type"]) }
    }

    func createEvent(_ event: DocumentAnnotation.Event) throws -> Int64 {
        let id = try SQLiteIngestor(db: db).createEvent(event)
        summaries.add(country: "", partner: "", date: event.date, type: event.type)
        return id
    }

    func joinContact(_ event: Int64, _ profile: ContactProfile?) throws { try SQLiteIngestor(db: db).joinContact(event, profile) }

    func addParticipant(_ event: Int64, _ person: Int64, role: String) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO eventParticipant (eventId, personId, role, date) SELECT id, ?, ?, date FROM event WHERE id = ?",
                       arguments: [person, role, event])
    }

    func addCountry(_ event: Int64, _ country: String) throws {
        guard let row = try eventRow(event) else { return }
        let others = try String.fetchAll(db, sql: "SELECT country FROM eventCountry WHERE eventId = ?", arguments: [event])
        try db.execute(sql: "INSERT OR IGNORE INTO eventCountry (eventId, country, date) VALUES (?, ?, ?)", arguments: [event, country, row.date])
        if db.changesCount > 0 { summaries.addCountry(country, of: event, to: others, date: row.date, type: row.type) }
    }

    func addOrganization(_ event: Int64, _ organization: Int64) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO eventOrganization (eventId, organizationId, date) SELECT id, ?, date FROM event WHERE id = ?",
                       arguments: [organization, event])
        if db.changesCount > 0 { summaries.organizationEvents[organization, default: 0] += 1 }
    }

    func ingestAgain(_ documents: [String]) throws {
        let stored = try documents.compactMap { try storedDocument($0) }
        let ingestor = SQLiteIngestor(db: db)
        for s in stored { try ingestor.removeDocument(s.document.annotation.id) }
        for s in stored {
            _ = try ingestor.ingest(s.document)
            try db.execute(sql: "UPDATE document SET contentHash = ?, ingestedAt = ? WHERE id = ?",
                           arguments: [s.contentHash, s.ingestedAt, s.document.annotation.id])
        }
        try ingestor.summaries.flush(db)
    }

    func finish() throws { try summaries.flush(db) }
}

extension SQLiteEventStore {
    public func correctEvent(_ request: EventCorrectionRequest) throws -> EventCorrection {
        try write { db in try EventCorrector(rows: SQLiteCorrectionRows(db: db)).record(request) }
    }

    public func eventCorrections() throws -> [EventCorrection] {
        try read { db in try EventCorrector(rows: SQLiteCorrectionRows(db: db)).corrections() }
    }

    public func undoEventCorrection(_ id: Int64) throws -> EventCorrection {
        defer { forgetPeople() }
        return try write { db in try EventCorrector(rows: SQLiteCorrectionRows(db: db)).undo(id) }
    }

    public func eventReview(_ id: Int64) throws -> EventReview {
        let event = try self.event(id: id)
        return try read { db in try EventCorrector(rows: SQLiteCorrectionRows(db: db)).review(event) }
    }
}

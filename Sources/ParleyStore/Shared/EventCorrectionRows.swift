import ParleyCore

/// A value bound to a `?` of the SQL `EventCorrector` runs.
enum CorrectionValue: Sendable {
    case text(String?)
    case int(Int64?)
}

/// What `EventCorrector` needs of a backend inside one write transaction: SQL that both SQLite and PostgreSQL read
/// alike (`?` placeholders, every column read back as text), and the few writes each backend does its own way (the
/// SQLite link rows carry their event's date and feed the summary tables; ingesting again goes through the backend's
/// ingestor).
protocol EventCorrectionRows {
    /// The rows of a query, every column as text (nil for NULL).
    func texts(_ sql: String, _ arguments: [CorrectionValue]) throws -> [[String?]]
    func run(_ sql: String, _ arguments: [CorrectionValue]) throws
    /// A new event as a document's annotation states it (its row and sides, as the ingest writes them); returns its id.
    func createEvent(_ event: DocumentAnnotation.Event) throws -> Int64
    /// Merges a channel profile into an event's, as when another report of it is ingested (`ContactRecords.merged`).
    func joinContact(_ event: Int64, _ profile: ContactProfile?) throws
    /// Links, each ignored when already there.
    func addParticipant(_ event: Int64, _ person: Int64, role: String) throws
    func addCountry(_ event: Int64, _ country: String) throws
    func addOrganization(_ event: Int64, _ organization: Int64) throws
    /// Removes the documents and ingests them again from their stored text and annotation (content hash and
    /// ingest time kept): the events they report are joined anew, as without corrections.
    func ingestAgain(_ documents: [String]) throws
    /// Ends the corrections of this transaction (writes what the summary tables gathered).
    func finish() throws
}

extension EventCorrectionRows {
    func text(_ sql: String, _ arguments: [CorrectionValue]) throws -> String? {
        try texts(sql, arguments).first?.first ?? nil
    }

    func ints(_ sql: String, _ arguments: [CorrectionValue]) throws -> [Int64] {
        try texts(sql, arguments).compactMap { $0.first.flatMap { $0 }.flatMap { Int64($0) } }
    }

    /// The stored document ready to ingest again (its text, metadata and annotation), with its content hash and
    /// ingest time.
    func storedDocument(_ id: String) throws -> (document: PreparedDocument, contentHash: String, ingestedAt: String)? {
        guard let row = try texts("SELECT url, site, title, text, origin, annotation, contentHash, ingestedAt FROM document WHERE id = ?",
                                  [.text(id)]).first,
              let text = row[3], let json = row[5] else { return nil }
        let annotation = try EventDisagreements.annotation(json, of: id)
        let document = Document(id: id, url: row[0], site: row[1], title: row[2], text: text, origin: row[4] ?? id)
        return (PreparedDocument(document, annotation), row[6] ?? "", row[7] ?? IngestRecords.now())
    }

    /// An event's stored channel profile (its channel and sides), nil when none was coded.
    func contact(_ event: Int64) throws -> ContactProfile? {
        guard let row = try texts("SELECT channel, channelReason FROM event WHERE id = ?", [.int(event)]).first else { return nil }
        let sides = try texts("SELECT country, channel, channelReason, level, levelReason FROM eventSide WHERE eventId = ? ORDER BY country", [.int(event)]).map {
            EventSide(country: ContactRecords.country($0[0]), channel: $0[1], channelReason: $0[2], level: $0[3], levelReason: $0[4])
        }
        return ContactRecords.profile(channel: row[0], reason: row[1], sides: sides)
    }

    /// A stored document's annotation.
    func annotation(_ id: String) throws -> DocumentAnnotation? {
        try text("SELECT annotation FROM document WHERE id = ?", [.text(id)]).map { try EventDisagreements.annotation($0, of: id) }
    }
}

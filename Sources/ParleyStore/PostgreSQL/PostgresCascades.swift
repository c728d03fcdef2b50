/// What deleting a document, an event, a person or an organization takes with it in PostgreSQL: the rows that refer
/// to it, deleted once per statement by triggers over the deleted rows (in place of foreign keys, whose per-row checks
/// cost bulk inserts more than the inserts themselves). Every delete the store makes goes through these.
enum PostgresCascades {
    /// Parent table, its key column, and the child tables (with their referring column) that go with a deleted row.
    static let cascades: [(parent: String, key: String, children: [(table: String, column: String)])] = [
        ("document", "id", [("personMention", "documentId"), ("organizationMention", "documentId"), ("eventSource", "documentId"),
                            ("plannedEvent", "documentId"), ("documentRecode", "documentId")]),
        ("event", "id", [("eventParticipant", "eventId"), ("eventOrganization", "eventId"), ("eventCountry", "eventId"),
                         ("eventSource", "eventId"), ("eventSide", "eventId")]),
        ("person", "id", [("personAlias", "personId"), ("personMention", "personId"), ("eventParticipant", "personId")]),
        ("organization", "id", [("organizationAlias", "organizationId"), ("organizationMention", "organizationId"),
                                ("eventOrganization", "organizationId")]),
    ]

    static var migration: [String] {
        var statements = [
            // Every foreign key of the schema (the tables above are the only ones that have any).
            """
            DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT c.conrelid::regclass AS t, c.conname FROM pg_constraint c
                       WHERE c.contype = 'f' AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
              LOOP EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.t, r.conname); END LOOP;
            END $$
            """,
            """
            DO $$ BEGIN
              ALTER TABLE document ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN annotation SET COMPRESSION lz4,
                ALTER COLUMN search SET COMPRESSION lz4;
            EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
            END $$
            """,
        ]
        for c in cascades {
            let deletes = c.children.map { "DELETE FROM \($0.table) WHERE \($0.column) IN (SELECT \(c.key) FROM deleted_rows);" }
            statements.append("""
                CREATE FUNCTION parley_\(c.parent)_deleted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
                BEGIN
                  \(deletes.joined(separator: "\n  "))
                  RETURN NULL;
                END $$
                """)
            statements.append("""
                CREATE TRIGGER \(c.parent)_cascade AFTER DELETE ON \(c.parent) REFERENCING OLD TABLE AS deleted_rows
                FOR EACH STATEMENT EXECUTE FUNCTION parley_\(c.parent)_deleted()
                """)
        }
        // Child rows are found through their tables' keys and indexes (organizations, never deleted, excepted).
        return statements
    }
}

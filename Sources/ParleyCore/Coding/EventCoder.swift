/// Codes each event in CAMEO and PLOVER through `event-codes.tsv`.
public struct EventCoder: Sendable {
    let lexicons: Lexicons
    public init(lexicons: Lexicons) { self.lexicons = lexicons }

    /// The code of an event type and variant (`MESSAGE` + `condolence` → CAMEO 018).
    public func code(_ type: EventType, variant: String?) -> EventCode? {
        lexicons.code(for: type, variant: variant)
    }
}

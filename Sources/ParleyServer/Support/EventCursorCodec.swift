import Foundation
import ParleyStore

/// Writes and reads the `cursor` of event lists: the position of the last event of a page, its date and id as
/// `2024-05-03~42` (`~42` for an undated event). A position means the same in either order, so the next page
/// is the events after it in the order asked for; the API's document describes the form with a pattern.
enum EventCursorCodec {
    static func encode(_ cursor: EventCursor) -> String {
        "\(cursor.date ?? "")~\(cursor.id)"
    }

    /// The cursor in `text`, or a 400 problem that says why it is not one.
    static func decode(_ text: String) throws(Problem) -> EventCursor {
        let parts = text.split(separator: "~", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].isEmpty || DateParameter.isValid(String(parts[0])),
              (1...18).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), parts[1].first != "0",
              let id = Int64(parts[1]) else {
            throw .badRequest("malformed cursor '\(text.prefix(60))': pass back the nextCursor of a previous page")
        }
        return EventCursor(date: parts[0].isEmpty ? nil : String(parts[0]), id: id)
    }
}

import Foundation
import ParleyStore

/// Writes and reads the opaque `cursor` of the events API: base64url of the order, the last event's date
/// and its id, so a page can be resumed but a cursor cannot be mistaken for another order's.
enum EventCursorCodec {
    static func encode(_ cursor: EventCursor, order: EventOrder) -> String {
        let raw = "v1|\(order.rawValue)|\(cursor.date ?? "")|\(cursor.id)"
        return Data(raw.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The cursor in `text`, or a 400 problem that says why it is not one.
    static func decode(_ text: String, order: EventOrder) throws(Problem) -> EventCursor {
        var b64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard text.count <= 200, let data = Data(base64Encoded: b64), let raw = String(data: data, encoding: .utf8) else {
            throw .badRequest("malformed cursor '\(text.prefix(60))': pass back the nextCursor of a previous page")
        }
        let parts = raw.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "v1", let id = Int64(parts[3]), EventOrder(rawValue: parts[1]) != nil,
              parts[2].isEmpty || DateParameter.isValid(parts[2]) else {
            throw .badRequest("malformed cursor '\(text.prefix(60))': pass back the nextCursor of a previous page")
        }
        guard parts[1] == order.rawValue else {
            throw .badRequest("the cursor belongs to order=\(parts[1]), not order=\(order.rawValue)")
        }
        return EventCursor(date: parts[2].isEmpty ? nil : parts[2], id: id)
    }
}

import Foundation
import ParleyCore

/// Reads the dates feeds and sitemaps use — RFC 822 (`Tue, 10 Jun 2025 09:00:00 +0000`, RSS) and ISO 8601
/// (`2025-06-10`, `2025-06-10T09:00:00Z`, Atom and sitemaps) — as a calendar day.
public enum FeedDate {
    public static func parse(_ text: String) -> PartialDate? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.count >= 10, let d = PartialDate(iso: String(t.prefix(10))) { return d }
        if t.count == 7 || t.count == 4, let d = PartialDate(iso: t) { return d }
        // RFC 822: [weekday,] day month year [time zone] — the day as written, whatever the zone.
        let tokens = t.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard let dayIndex = tokens.firstIndex(where: { Int($0) != nil }), dayIndex + 2 < tokens.count,
              let day = Int(tokens[dayIndex]), let year = Int(tokens[dayIndex + 2]),
              let month = months.firstIndex(of: String(tokens[dayIndex + 1].lowercased().prefix(3))) else { return nil }
        guard PartialDate.isValid(year: year, month: month + 1, day: day) else { return nil }
        return PartialDate(year: year, month: month + 1, day: day)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}

/// A calendar date known to the year, the month or the day, as releases fix it (`2024`, `2024-07`, `2024-07-05`).
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard let first = parts.first, first.count == 4, let y = Int(first) else { return nil }
        var m: Int?
        var d: Int?
        if parts.count > 1 { guard let v = Int(parts[1]), (1...12).contains(v) else { return nil }; m = v }
        if parts.count > 2 { guard let v = Int(parts[2].prefix(2)), (1...31).contains(v) else { return nil }; d = v }
        self.init(year: y, month: m, day: d)
    }

    public var isComplete: Bool { day != nil }

    public var description: String {
        var s = String(year)
        if let m = month {
            s += m < 10 ? "-0\(m)" : "-\(m)"
            if let d = day { s += d < 10 ? "-0\(d)" : "-\(d)" }
        }
        return s
    }

    /// Days since 1970-01-01 for a complete date (proleptic Gregorian), used for comparisons and weekday arithmetic.
    public var dayNumber: Int? {
        guard let m = month, let d = day else { return nil }
        return PartialDate.daysFromCivil(year, m, d)
    }

    /// The complete date `days` after this one (negative for before); nil when this date is partial.
    public func adding(days: Int) -> PartialDate? {
        guard let n = dayNumber else { return nil }
        let (y, m, d) = PartialDate.civilFromDays(n + days)
        return PartialDate(year: y, month: m, day: d)
    }

    /// Weekday with 0 = Monday … 6 = Sunday.
    public var weekday: Int? {
        guard let n = dayNumber else { return nil }
        return ((n % 7) + 7 + 3) % 7
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// Whether `day` exists in `month` of `year`.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// The time zone a page's language tells (`de` → Central European Time): a timestamp the page gives in UTC
/// (`2023-11-01T23:01:00Z`) falls on the next day of its readers' calendar when late enough.
struct PageTimeZone: Sendable, Equatable {
    /// Hours ahead of UTC in winter.
    var hours: Int
    /// Whether the zone keeps European summer time (one hour more from the last Sunday of March to the last
    /// Sunday of October).
    var europeanSummerTime: Bool

    /// The local day (`YYYY-MM-DD`) of a UTC timestamp (`…THH:MM…Z` or `+00:00`), or nil for any other string.
    func localDay(ofUTCTimestamp value: String) -> String? {
        let b = Array(value.utf8)
        guard b.count >= 17, b[10] == 0x54 || b[10] == 0x20, b[13] == 0x3A else { return nil }
        guard b.last == 0x5A || value.hasSuffix("+00:00") || value.hasSuffix("+0000") else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }; v = v * 10 + Int(b[i] - 0x30) }
            return v
        }
        guard let hour = digits(11..<13), let date = PartialDate(iso: String(decoding: b[0..<10], as: UTF8.self)), date.isComplete else { return nil }
        var offset = hours
        if europeanSummerTime, Self.isEuropeanSummer(date) { offset += 1 }
        let shift = hour + offset >= 24 ? 1 : (hour + offset < 0 ? -1 : 0)
        return date.adding(days: shift)?.description
    }

    /// Whether a day lies in European summer time (the switching days count as summer).
    static func isEuropeanSummer(_ date: PartialDate) -> Bool {
        guard let m = date.month, let d = date.day else { return false }
        func lastSunday(_ month: Int) -> Int {
            let weekday = PartialDate(year: date.year, month: month, day: 31).weekday ?? 6
            return 31 - (weekday + 1) % 7
        }
        switch m {
        case 4...9: return true
        case 3: return d >= lastSunday(3)
        case 10: return d < lastSunday(10)
        default: return false
        }
    }
}

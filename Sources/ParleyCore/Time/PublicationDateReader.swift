/// Finds a document's publication date: metadata first (archive record, page meta tags), then a
/// date line in the page header (`2024.11.14 / Source:`, `( 2017.05.25 )`, `Published on Saturday,
/// 15 February 2020`), then the URL (`/201912/`, `/2024-10/22/`, `20120612`).
///
/// Header lines are read before the body so that chrome showing today's date further down cannot win.
public struct PublicationDateReader: Sendable {
    let parser: DateExpressionParser
    /// For free-standing page strings: other languages' month names, in any case.
    let pageParser: DateExpressionParser
    public init(lexicons: Lexicons) {
        parser = DateExpressionParser(lexicons: lexicons)
        pageParser = DateExpressionParser(calendar: lexicons.pageCalendar, pageStrings: true, joiners: lexicons.pageDateJoiners)
    }

    /// The first complete printed date in a free-standing string (a meta tag value or a date line).
    public func date(inString s: String) -> PartialDate? {
        // ISO timestamps: 2024-11-14T08:00:00+08:00
        let trimmed = s.trimmingSpaces()
        if trimmed.utf8.count >= 10, let d = PartialDate(iso: String(trimmed.prefix(10))), d.isComplete { return d }
        let tokens = Tokenizer().tokenize(s)
        for (_, e) in pageParser.expressions(in: tokens, range: 0..<tokens.count) {
            if let y = e.year, let m = e.month, let d = e.day { return PartialDate(year: y, month: m, day: d) }
        }
        return nil
    }

    /// A complete date printed at the opening of the body's first sentence (a dateline such as
    /// `ACCRA 3 May 2024 –`, `Accra, Friday May 3, 2024`, `3 May, 2024On …`).
    public func date(opening tokens: [Token], range: Range<Int>) -> PartialDate? {
        let window = range.lowerBound..<min(range.upperBound, range.lowerBound + 14)
        for (r, e) in parser.expressions(in: tokens, range: window) where r.lowerBound < range.lowerBound + 8 {
            if let y = e.year, let m = e.month, let d = e.day { return PartialDate(year: y, month: m, day: d) }
        }
        return nil
    }

    /// A date encoded in a URL path: `/2024-10/22/`, `/201912/`, `/20120612`, `/2019/08/02/`.
    public func date(inURL url: String) -> PartialDate? {
        let bytes = Array(url.utf8)
        var runs: [(start: Int, digits: [Int])] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                let s = i
                var digits: [Int] = []
                while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { digits.append(Int(bytes[i] - 0x30)); i += 1 }
                runs.append((s, digits))
            } else { i += 1 }
        }
        func value(_ d: ArraySlice<Int>) -> Int { d.reduce(0) { $0 * 10 + $1 } }
        for (k, run) in runs.enumerated() {
            let d = run.digits
            if d.count == 8 {
                let y = value(d[0..<4]), m = value(d[4..<6]), day = value(d[6..<8])
                if DateExpressionParser.isYear(y), PartialDate.isValid(year: y, month: m, day: day) { return PartialDate(year: y, month: m, day: day) }
            }
            if d.count == 6 {
                let y = value(d[0..<4]), m = value(d[4..<6])
                if DateExpressionParser.isYear(y), (1...12).contains(m) {
                    if k + 1 < runs.count, runs[k + 1].digits.count == 2 {
                        let day = value(runs[k + 1].digits[0...])
                        if PartialDate.isValid(year: y, month: m, day: day) { return PartialDate(year: y, month: m, day: day) }
                    }
                    return PartialDate(year: y, month: m)
                }
            }
            if d.count == 4, DateExpressionParser.isYear(value(d[0...])), k + 1 < runs.count, (1...2).contains(runs[k + 1].digits.count) {
                let y = value(d[0...]), m = value(runs[k + 1].digits[0...])
                guard (1...12).contains(m) else { continue }
                if k + 2 < runs.count, (1...2).contains(runs[k + 2].digits.count) {
                    let day = value(runs[k + 2].digits[0...])
                    if PartialDate.isValid(year: y, month: m, day: day) { return PartialDate(year: y, month: m, day: day) }
                }
                return PartialDate(year: y, month: m)
            }
        }
        return nil
    }
}

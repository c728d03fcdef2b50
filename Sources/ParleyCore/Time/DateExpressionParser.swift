/// A date expression as written, before it is resolved against the document's reference date.
public struct DateExpression: Sendable, Equatable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    public var weekday: Int?
    /// Days from the reference date (`today` = 0, `yesterday` = -1).
    public var relativeDays: Int?
    /// Years from the reference year (`this year` = 0, `last year` = -1).
    public var relativeYears: Int?
    /// Months from the reference month (`this month` = 0, `last month` = -1).
    public var relativeMonths: Int?
    /// Weeks from the reference week (`this week` = 0, `last week` = -1): resolved to the month (or year) the week lies in.
    public var relativeWeeks: Int?

    public var isRelative: Bool { relativeDays != nil || weekday != nil || relativeYears != nil || relativeMonths != nil || relativeWeeks != nil }
}

/// Finds date expressions in a run of tokens: printed dates in their many forms (`2024.11.14`,
/// `November 13th`, `13 November 2024`, `July 04, 2020`, `in July this year`) and relative ones
/// (`today`, `on Monday`, `last year`).
public struct DateExpressionParser: Sendable {
    let calendar: [String: CalendarWord]
    let calendarPrefilter: KeyPrefilter

    /// Month names in lower case count too ("30 septembre 2018"), and a day may carry a dot ("5. April 2017").
    let pageStrings: Bool

    public init(lexicons: Lexicons) {
        self.init(calendar: lexicons.calendar, pageStrings: false)
    }

    /// Words between day, month and year in page strings ("17 de marzo de 2020").
    let joiners: Set<String>

    /// A parser for the date strings of web pages: `calendar` with other languages' months, any case, and
    /// the `joiners` of their dates.
    public init(calendar: [String: CalendarWord], pageStrings: Bool, joiners: Set<String> = []) {
        self.calendar = calendar
        self.calendarPrefilter = KeyPrefilter(calendar.keys)
        self.pageStrings = pageStrings
        self.joiners = joiners
    }

    /// Whether a lower-case word may open a date expression.
    private func opensInLowerCase(_ t: Token) -> Bool {
        if Self.openersPrefilter.mayContain(t.key), Self.lowercaseOpeners.contains(t.key) { return true }
        guard pageStrings, calendarPrefilter.mayContain(t.key), case .month? = calendar[t.key] else { return false }
        return true
    }

    /// All date expressions in `range`, left to right, without overlaps.
    public func expressions(in tokens: [Token], range: Range<Int>) -> [(range: Range<Int>, expression: DateExpression)] {
        var out: [(Range<Int>, DateExpression)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            // Only capitalised words, numbers and a few lower-case words open a date expression.
            let flags = tokens[i].flags, kind = tokens[i].kind
            if kind == .punctuation || (kind == .word && !flags.contains(.capitalized) && !opensInLowerCase(tokens[i])) {
                i += 1
                continue
            }
            if let (r, e) = parse(tokens, at: i, end: range.upperBound) {
                out.append((r, e))
                i = r.upperBound
            } else {
                i += 1
            }
        }
        return out
    }

    static let lowercaseOpeners: Set<String> = ["today", "yesterday", "tomorrow", "tonight", "this", "last", "next"]
    static let openersPrefilter = KeyPrefilter(lowercaseOpeners)

    static func number(_ t: Token) -> Int? {
        guard t.kind == .number else { return nil }
        var value = 0
        var digits = 0
        for b in t.key.utf8 {
            if b >= 0x30 && b <= 0x39 { value = value * 10 + Int(b - 0x30); digits += 1; if digits > 4 { return nil } } else { break }
        }
        let suffix = t.key.dropFirst(digits)
        guard suffix.isEmpty || ["st", "nd", "rd", "th"].contains(suffix) else { return nil }
        return digits == 0 ? nil : value
    }

    static func plainNumber(_ t: Token) -> Int? {
        guard t.kind == .number, t.key.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), t.key.utf8.count <= 4 else { return nil }
        return Int(t.key)
    }

    static func isYear(_ v: Int?) -> Bool { v.map { (1900...2100).contains($0) } ?? false }

    /// A year where one is expected: a plain four-digit number, or one glued to what follows it on
    /// pages that drop a space — a time (`202409:15` is 2024 then 09:15) or a word (`2024On`).
    static func yearNumber(_ tokens: [Token], _ k: Int, end: Int) -> Int? {
        guard k < end else { return nil }
        let t = tokens[k]
        if let y = plainNumber(t) { return isYear(y) ? y : nil }
        guard t.kind == .number else { return nil }
        let bytes = Array(t.text.utf8)
        guard bytes.count > 4, bytes[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let y = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard isYear(y) else { return nil }
        let rest = bytes[4...]
        if rest.count == 2, rest.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), k + 1 < end, tokens[k + 1].key == ":", tokens[k + 1].isAttached {
            return y
        }
        if let first = rest.first, first >= 0x41 && first <= 0x5A { return y }
        return nil
    }

    private func month(_ t: Token) -> Int? {
        guard t.kind == .word, t.isCapitalized || pageStrings, calendarPrefilter.mayContain(t.key), case .month(let m)? = calendar[t.key] else { return nil }
        // "may" in lower case is a verb; "Mar"/"Sat"/"Sun" only when capitalised (in a release's text).
        return m
    }

    private func parse(_ tokens: [Token], at i: Int, end: Int) -> (Range<Int>, DateExpression)? {
        guard i < end, i < tokens.count else { return nil }
        let t = tokens[i]
        // Most tokens are lower-case words that open no date expression: reject them before any look-up.
        if t.kind == .word, !t.isCapitalized, !opensInLowerCase(t) { return nil }
        if t.kind == .punctuation { return nil }
        func tok(_ k: Int) -> Token? { k < end ? tokens[k] : nil }
        func skipDot(_ k: Int) -> Int { (tok(k)?.key == ".") && tok(k)!.isAttached ? k + 1 : k }

        // Numeric forms: 2024.11.14, 2024-11-14, 2024/11/14, 14.11.2024, 14/11/2024
        if let a = Self.plainNumber(t), let s1 = tok(i + 1), s1.isAttached, [".", "-", "/"].contains(s1.key),
           let bt = tok(i + 2), bt.isAttached, let b = Self.plainNumber(bt),
           let s2 = tok(i + 3), s2.isAttached, s2.key == s1.key, let ct = tok(i + 4), ct.isAttached, let c = Self.plainNumber(ct) {
            if Self.isYear(a), PartialDate.isValid(year: a, month: b, day: c) {
                return (i..<(i + 5), DateExpression(year: a, month: b, day: c))
            }
            if Self.isYear(c), PartialDate.isValid(year: c, month: b, day: a) {
                return (i..<(i + 5), DateExpression(year: c, month: b, day: a))
            }
            // 05/21/2024: month first, when the day-first reading is impossible.
            if Self.isYear(c), s1.key == "/", PartialDate.isValid(year: c, month: a, day: b) {
                return (i..<(i + 5), DateExpression(year: c, month: a, day: b))
            }
        }
        // Weekday, optionally followed by a printed date: "Saturday, 15 February 2020", "on Monday"
        if t.kind == .word, t.isCapitalized, calendarPrefilter.mayContain(t.key), case .weekday(let w)? = calendar[t.key],
           t.key.count > 4 || (tok(i + 1).map { $0.key == "." || $0.key == "," || $0.kind == .number } ?? false) {
            var k = skipDot(i + 1)
            if tok(k)?.key == "," { k += 1 }
            if let (r, e) = parse(tokens, at: k, end: end), e.month != nil, e.day != nil {
                return (i..<r.upperBound, e)
            }
            return (i..<skipDot(i + 1), DateExpression(weekday: w))
        }
        // Month-first: "November 13th", "July 04, 2020", "Nov. 13, 2024", "June 2"
        if let m = month(t) {
            var k = skipDot(i + 1)
            if let dt = tok(k), let d = Self.number(dt), (1...31).contains(d), !Self.isYear(d) {
                k += 1
                // a range "June 2-3": keep the first day
                if tok(k)?.key == "-", let nt = tok(k + 1), Self.number(nt) != nil, nt.isAttached { k += 2 }
                var year: Int?
                // "July 04, 2020", "July 4 2020", "May 10/2024", "May 25/ 2024"
                if tok(k)?.key == "," || tok(k)?.key == "/", let y = Self.yearNumber(tokens, k + 1, end: end) { year = y; k += 2 }
                else if let y = Self.yearNumber(tokens, k, end: end) { year = y; k += 1 }
                return (i..<k, DateExpression(year: year, month: m, day: d))
            }
            if let y = Self.yearNumber(tokens, k, end: end) {
                return (i..<(k + 1), DateExpression(year: y, month: m))
            }
            // "in July this year", "in March last year", bare "in July"
            if tok(k)?.key == "this" || tok(k)?.key == "last" || tok(k)?.key == "next", tok(k + 1)?.key == "year" {
                let rel = tok(k)!.key == "this" ? 0 : (tok(k)!.key == "last" ? -1 : 1)
                return (i..<(k + 2), DateExpression(month: m, relativeYears: rel))
            }
            if i > 0, ["in", "of", "since", "until", "early", "late", "mid", "during", "end", "last", "this"].contains(tokens[i - 1].key) || tokens[i - 1].key == "-" {
                return (i..<k, DateExpression(month: m))
            }
            return nil
        }
        // Day-first: "13 November 2024", "15th of February", "4th June"
        if let d = Self.number(t), (1...31).contains(d), !Self.isYear(d) {
            var k = i + 1
            if tok(k)?.key == "of" || tok(k).map({ joiners.contains($0.key) }) == true { k += 1 }
            if pageStrings { k = skipDot(k) }   // "5. April 2017"

            // "29-Oct-2024": day, month and year joined by hyphens.
            let hyphenated = tok(k)?.key == "-" && tok(k)!.isAttached && tok(k + 1).map { $0.isAttached && month($0) != nil } ?? false
            if hyphenated { k += 1 }
            if let mt = tok(k), let m = month(mt) {
                k = skipDot(k + 1)
                var year: Int?
                if hyphenated {
                    if tok(k)?.key == "-", tok(k)!.isAttached, let y = Self.yearNumber(tokens, k + 1, end: end) { year = y; k += 2 }
                } else if tok(k)?.key == "," || tok(k).map({ joiners.contains($0.key) }) == true, let y = Self.yearNumber(tokens, k + 1, end: end) { year = y; k += 2 }
                else if let y = Self.yearNumber(tokens, k, end: end) { year = y; k += 1 }
                return (i..<k, DateExpression(year: year, month: m, day: d))
            }
            return nil
        }
        // "in 2019"
        if let y = Self.plainNumber(t), Self.isYear(y), i > 0, ["in", "since", "of", "early", "late"].contains(tokens[i - 1].key),
           !(tok(i + 1)?.key == "-" ) {
            return (i..<(i + 1), DateExpression(year: y))
        }
        if t.kind == .word, calendarPrefilter.mayContain(t.key), case .relativeDay(let n)? = calendar[t.key] {
            return (i..<(i + 1), DateExpression(relativeDays: n))
        }
        // "this year", "last year", "last month", "earlier this month"
        if t.key == "this" || t.key == "last" || t.key == "next", let u = tok(i + 1) {
            let rel = t.key == "this" ? 0 : (t.key == "last" ? -1 : 1)
            if u.key == "year" { return (i..<(i + 2), DateExpression(relativeYears: rel)) }
            if u.key == "month" { return (i..<(i + 2), DateExpression(relativeMonths: rel)) }
            if u.key == "week" { return (i..<(i + 2), DateExpression(relativeWeeks: rel)) }
        }
        return nil
    }

    /// Resolves an expression against the reference date (dateline or publication date) or, failing
    /// that, a year known some other way. Dates without a year are taken to be in the past of the
    /// reference unless `future` is set.
    public static func resolve(_ e: DateExpression, reference: PartialDate?, defaultYear: Int?, future: Bool = false) -> PartialDate? {
        if let rd = e.relativeDays {
            guard let ref = reference, ref.isComplete else { return nil }
            return ref.adding(days: rd)
        }
        if let w = e.weekday {
            guard let ref = reference, let rw = ref.weekday else { return nil }
            var delta = rw - w
            if future { delta = (w - rw + 7) % 7; return ref.adding(days: delta) }
            if delta < 0 { delta += 7 }
            return ref.adding(days: -delta)
        }
        if let m = e.month {
            var year = e.year
            if year == nil {
                if let ry = e.relativeYears { year = (reference?.year ?? defaultYear).map { $0 + ry } }
                else { year = reference?.year ?? defaultYear }
            }
            guard var y = year else { return nil }
            if let d = e.day {
                guard PartialDate.isValid(year: y, month: m, day: d) else { return nil }
                var date = PartialDate(year: y, month: m, day: d)
                if e.year == nil, e.relativeYears == nil, let ref = reference, let rn = ref.dayNumber, let dn = date.dayNumber {
                    if !future && dn > rn + 7 { y -= 1; date = PartialDate(year: y, month: m, day: d) }
                    if future && dn < rn - 7 { y += 1; date = PartialDate(year: y, month: m, day: d) }
                }
                return date
            }
            // A month without a year lies in the past of the reference ("in December", written in March).
            if e.year == nil, e.relativeYears == nil, let ref = reference, let rm = ref.month {
                if !future && m > rm { y -= 1 }
                if future && m < rm { y += 1 }
            }
            return PartialDate(year: y, month: m)
        }
        if let ry = e.relativeYears {
            guard let y = reference?.year ?? defaultYear else { return nil }
            return PartialDate(year: y + ry)
        }
        if let rm = e.relativeMonths {
            guard let ref = reference, let m = ref.month else { return nil }
            var mm = m + rm
            var y = ref.year
            if mm < 1 { mm += 12; y -= 1 }
            if mm > 12 { mm -= 12; y += 1 }
            return PartialDate(year: y, month: mm)
        }
        if let rw = e.relativeWeeks {
            guard let ref = reference, let wd = ref.weekday, let monday = ref.adding(days: -wd + 7 * rw),
                  let sunday = monday.adding(days: 6) else { return nil }
            if monday.year == sunday.year && monday.month == sunday.month { return PartialDate(year: monday.year, month: monday.month) }
            return monday.year == sunday.year ? PartialDate(year: monday.year) : nil
        }
        if let y = e.year { return PartialDate(year: y) }
        return nil
    }
}

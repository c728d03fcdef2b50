/// Checks of the partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) that filters take.
enum DateParameter {
    static func isValid(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year >= 1 else { return false }
        if parts.count >= 2 { guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return false } }
        if parts.count == 3 { guard parts[2].count == 2, let d = Int(parts[2]), (1...31).contains(d) else { return false } }
        return s.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
    }

    /// `value` when it is a valid date, else a 400 naming the parameter.
    static func check(_ value: String?, name: String) throws(Problem) -> String? {
        guard let value else { return nil }
        guard isValid(value) else { throw .badRequest("\(name) must be a date YYYY, YYYY-MM or YYYY-MM-DD, not '\(value.prefix(40))'") }
        return value
    }
}

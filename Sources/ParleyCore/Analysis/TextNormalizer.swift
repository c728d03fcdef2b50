import Foundation

/// Folds names and phrases to the keys lexicons are indexed by: lower case, no diacritics, plain apostrophes.
public enum TextNormalizer {
    /// Lower-cases and removes diacritics (`Đặng` → `dang`, `Türkiye` → `turkiye`), maps `’` to `'`.
    public static func fold(_ s: String) -> String {
        var ascii = true
        for b in s.utf8 where b >= 0x80 { ascii = false; break }
        if ascii { return s.lowercased() }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x2019, 0x2018, 0x02BC, 0x0060: out.append("'"); continue
            case 0x0110, 0x0111: out.append("d"); continue
            case 0x0131: out.append("i"); continue
            case 0x00D8, 0x00F8: out.append("o"); continue
            case 0x0141, 0x0142: out.append("l"); continue
            case 0x00DF: out.append(contentsOf: "ss".unicodeScalars); continue
            case 0x00C6, 0x00E6: out.append(contentsOf: "ae".unicodeScalars); continue
            case 0x2010...0x2015: out.append("-"); continue
            default: break
            }
            if scalar.value < 0x80 {
                out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                continue
            }
            for d in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
                if d.properties.generalCategory == .nonspacingMark { continue }
                out.append(contentsOf: d.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// Splits a phrase the way the tokenizer would and returns the keys of its tokens.
    public static func keys(_ phrase: String) -> [String] {
        Tokenizer().tokenize(phrase).map(\.key)
    }
}

/// The keys under which a person's names are stored and looked up across documents: order- and
/// case-free (`XI Jinping` = `Xi Jinping`, `Hayashi Yoshimasa` = `Yoshimasa Hayashi`), by spelling
/// skeleton (`Sergey`/`Sergei`, `Ahmadov`/`Akhmedov`) and by surname with initial (`T. Budagov`).
public struct NameKeys: Sendable, Equatable {
    public var aliasKey: String
    public var skeletonKey: String
    public var surnameKey: String
    public var initial: String
    /// Whether the form is an initial followed by a surname ("T. Budagov").
    public var isInitialForm: Bool
    public var tokenCount: Int
    /// The name's words of two letters or more, in printed order (`words` without initials).
    public var fullWords: [String]
    /// The surname keys of the last word spelled another way (`surnameVariants`), and of a hyphenated surname's
    /// two parts joined.
    public var surnameVariantKeys: [String]
    /// The skeleton keys of the name with a leading Muhammad added, as "Muhammad", "Mohammed", … and "Md" give
    /// them, or of the name without its own ("Muhammad Shehbaz Sharif" → "Shehbaz Sharif"), with
    /// `muhammadInitial`; none for a name of fewer than two words (three with its Muhammad).
    public var muhammadSkeletonKeys: [String]
    public var muhammadInitial: String

    /// The skeletons of the forms of Muhammad (`NameShape.skeleton` of "Muhammad", "Mohammed", …, "Md", "Mohd").
    static let muhammadSkeletons: Set<String> = ["mhmd", "md", "mhd"]

    static let honorifics: Set<String> = ["mr", "ms", "mrs", "miss", "dr", "h", "e", "he", "his", "her", "excellency", "comrade",
                                          "madam", "sir", "prof", "professor", "cde", "hon", "rt", "mme", "u", "daw", "sheikh", "sheikha",
                                          "shaikh", "dame", "lord"]

    public init(_ name: String) {
        let tokens = Self.words(name)
        tokenCount = tokens.count
        aliasKey = tokens.sorted().joined(separator: " ")
        let full = tokens.filter { $0.count > 1 }
        fullWords = full
        let skeletons = full.map(NameShape.skeleton)
        skeletonKey = skeletons.sorted().joined(separator: " ")
        surnameKey = skeletons.last ?? ""
        initial = tokens.first.map { String($0.prefix(1)) } ?? ""
        isInitialForm = Self.isInitialForm(tokens, fullWords: full)
        surnameVariantKeys = full.last.map(Self.surnameVariants(ofWord:)) ?? []
        // A hyphenated surname is printed joined too ("Amir-Abdollahian"/"Amirabdollahian").
        if full.count >= 3, name.contains("-") {
            let joined = NameShape.skeleton(full[full.count - 2] + full[full.count - 1])
            if joined != surnameKey && !surnameVariantKeys.contains(joined) { surnameVariantKeys.append(joined) }
        }
        muhammadSkeletonKeys = []
        muhammadInitial = "m"
        if full.count >= 2 && !Self.muhammadSkeletons.contains(skeletons[0]) {
            muhammadSkeletonKeys = ["mhmd", "md"].map { (skeletons + [$0]).sorted().joined(separator: " ") }
        } else if full.count >= 3 {
            muhammadSkeletonKeys = [skeletons.dropFirst().sorted().joined(separator: " ")]
            muhammadInitial = String(full[1].prefix(1))
        }
    }

    /// A name's `aliasKey` alone.
    static func aliasKey(_ name: String) -> String { words(name).sorted().joined(separator: " ") }

    /// Whether a name's `words` (and its `fullWords` among them) are an initial followed by a surname ("T. Budagov").
    static func isInitialForm(_ words: [String], fullWords: [String]) -> Bool {
        words.count >= 2 && words[0].count == 1 && fullWords.count == 1
    }

    /// A name's words as keys see them: folded, split at anything not a letter or digit ("Al-Sabah" is two words),
    /// without honorifics.
    public static func words(_ name: String) -> [String] {
        // Scalars, not Characters: this runs for every name form of every ingested person.
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        for u in TextNormalizer.fold(name).unicodeScalars {
            let isWordScalar = u.isASCII
                ? ((u.value >= 0x61 && u.value <= 0x7A) || (u.value >= 0x30 && u.value <= 0x39) || (u.value >= 0x41 && u.value <= 0x5A))
                : (u.properties.isAlphabetic || u.properties.numericType != nil)
            if isWordScalar { word.append(u) } else if !word.isEmpty { tokens.append(String(word)); word = String.UnicodeScalarView() }
        }
        if !word.isEmpty { tokens.append(String(word)) }
        return tokens.filter { !honorifics.contains($0) }
    }

    /// The surname keys of spellings of a name's last word that transliterate one letter of another script two
    /// ways: Greek μπ as `mp` or `mb` ("Koutsoumpas"/"Koutsoumbas"), a hard `c` or `k` after the first letter
    /// ("Loucaides"/"Loukaides"). The name's own `surnameKey` is not among them.
    public static func surnameVariants(_ name: String) -> [String] { NameKeys(name).surnameVariantKeys }

    /// `surnameVariants` of a name's last word, as `words` gives it.
    static func surnameVariants(ofWord last: String) -> [String] {
        // Most surnames have none of the letters.
        let letters: Set<UInt8> = [UInt8(ascii: "c"), UInt8(ascii: "k"), UInt8(ascii: "m")]
        guard last.utf8.dropFirst().contains(where: letters.contains) else { return [] }
        let own = NameShape.skeleton(last)
        var out: [String] = []
        for variant in [last.replacingOccurrences(of: "mp", with: "mb"), last.replacingOccurrences(of: "mb", with: "mp"),
                        hardC(last), String(last.prefix(1)) + last.dropFirst().replacingOccurrences(of: "k", with: "c")] {
            let key = NameShape.skeleton(variant)
            if key != own && !out.contains(key) { out.append(key) }
        }
        return out
    }

    /// A word with each `c` after its first letter sounded `k` (not before e, i, y or h) written `k`.
    static func hardC(_ word: String) -> String {
        let letters = Array(word)
        var out = ""
        for (i, ch) in letters.enumerated() {
            guard i > 0 else { out.append(ch); continue }
            let next = i + 1 < letters.count ? letters[i + 1] : " "
            out.append(ch == "c" && !"eiyh".contains(next) ? "k" : ch)
        }
        return out
    }
}

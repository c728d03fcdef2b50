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

    static let honorifics: Set<String> = ["mr", "ms", "mrs", "miss", "dr", "h", "e", "he", "his", "her", "excellency", "comrade",
                                          "madam", "sir", "prof", "professor", "cde", "hon", "rt", "mme", "u", "daw", "sheikh", "sheikha",
                                          "shaikh", "dame", "lord"]

    public init(_ name: String) {
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
        tokens = tokens.filter { !Self.honorifics.contains($0) }
        tokenCount = tokens.count
        aliasKey = tokens.sorted().joined(separator: " ")
        let full = tokens.filter { $0.count > 1 }
        skeletonKey = full.map(NameShape.skeleton).sorted().joined(separator: " ")
        surnameKey = full.last.map(NameShape.skeleton) ?? ""
        initial = tokens.first.map { String($0.prefix(1)) } ?? ""
        isInitialForm = tokens.count >= 2 && tokens[0].count == 1 && full.count == 1
    }
}

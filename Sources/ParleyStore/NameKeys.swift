import ParleyCore

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
                                          "madam", "sir", "prof", "professor", "cde", "hon", "rt", "mme", "u", "daw"]

    public init(_ name: String) {
        var tokens: [String] = []
        var word = ""
        for ch in TextNormalizer.fold(name) {
            if ch.isLetter || ch.isNumber { word.append(ch) } else if !word.isEmpty { tokens.append(word); word = "" }
        }
        if !word.isEmpty { tokens.append(word) }
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

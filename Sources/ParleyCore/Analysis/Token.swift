/// One token of a document: a word, number or punctuation mark with its UTF-8 span and a normalised key.
public struct Token: Sendable {
    /// The kinds of token the tokenizer emits.
    public enum Kind: UInt8, Sendable { case word, number, punctuation }

    /// Layout and shape facts about a token, computed once by the tokenizer.
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// First letter is upper case.
        public static let capitalized = Flags(rawValue: 1 << 0)
        /// Every letter is upper case (and there are at least two).
        public static let allCaps = Flags(rawValue: 1 << 1)
        /// No white space between this token and the previous one.
        public static let attached = Flags(rawValue: 1 << 2)
        /// A line break precedes the token.
        public static let newlineBefore = Flags(rawValue: 1 << 3)
        /// An empty line (paragraph break) precedes the token.
        public static let blankLineBefore = Flags(rawValue: 1 << 4)
        /// A single upper-case letter (an initial when a full stop follows).
        public static let singleLetter = Flags(rawValue: 1 << 5)
    }

    public var span: TextSpan
    /// The token as written.
    public var text: String
    /// Lower-cased, diacritics folded, typographic apostrophes and dashes made plain: what lexicons are keyed by.
    public var key: String
    public var kind: Kind
    public var flags: Flags
    /// The key's id in the lexicons' `Vocabulary` (`Vocabulary.unknown` when no lexicon uses it or ids were not assigned).
    public var id: Int32 = Vocabulary.unknown
    /// The word lists the key belongs to (empty when ids were not assigned).
    public var classes: WordClass = []

    public var isCapitalized: Bool { flags.contains(.capitalized) }
    public var isAllCaps: Bool { flags.contains(.allCaps) }
    public var isAttached: Bool { flags.contains(.attached) }
    public var isWord: Bool { kind == .word }
    public var isPunctuation: Bool { kind == .punctuation }
}

/// A sentence: a contiguous range of tokens and the text it covers.
public struct Sentence: Sendable {
    public var index: Int
    public var tokenRange: Range<Int>
    public var span: TextSpan
    /// The paragraph the sentence belongs to (paragraphs are separated by line breaks).
    public var paragraph: Int
}

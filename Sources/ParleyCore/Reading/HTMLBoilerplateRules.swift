import Foundation

/// What a tag does for the main-text extractor (from the `tag` rows of html-boilerplate.tsv).
enum HTMLTagRole: UInt8, Sendable {
    case inline = 0, drop, script, softDrop, tentativeDrop, pageSection, block, paragraph, heading, list, item,
         table, row, cell, lineBreak, anchor, article, main, time, title, meta, headLink, html, head, body

    init?(ruleName: String) {
        switch ruleName {
        case "drop": self = .drop
        case "script": self = .script
        case "soft-drop": self = .softDrop
        case "aside": self = .tentativeDrop
        case "page-section": self = .pageSection
        case "block": self = .block
        case "paragraph": self = .paragraph
        case "heading": self = .heading
        case "list": self = .list
        case "item": self = .item
        case "table": self = .table
        case "row": self = .row
        case "cell": self = .cell
        case "break": self = .lineBreak
        case "anchor": self = .anchor
        case "article": self = .article
        case "main": self = .main
        case "time": self = .time
        case "title": self = .title
        case "meta": self = .meta
        case "head-link": self = .headLink
        case "html": self = .html
        case "head": self = .head
        case "body": self = .body
        default: return nil
        }
    }

    /// Its start and end separate words even without whitespace around it.
    var separatesWords: Bool {
        isBlockLike || self == .lineBreak || self == .item || self == .cell || self == .row
    }

    /// Starts and ends a paragraph in the output text.
    var isBlockLike: Bool {
        switch self {
        case .block, .paragraph, .heading, .list, .table, .article, .main, .softDrop, .tentativeDrop, .pageSection, .body: return true
        default: return false
        }
    }
}

/// A small open-addressing table from short byte strings (class/id words and names) to flag values.
struct ByteKeyTable: Sendable {
    private var slots: [Int32]
    private var keyBytes: [UInt8] = []
    private var keyStart: [Int32] = []
    private var keyLength: [Int32] = []
    private var values: [UInt32] = []
    private let mask: Int

    /// Builds the table; values of repeated keys are OR-ed together. Keys are stored lowercased.
    init(_ entries: [([UInt8], UInt32)]) {
        var size = 16
        while size < entries.count * 4 { size <<= 1 }
        mask = size - 1
        slots = Array(repeating: -1, count: size)
        for (key, value) in entries {
            let lower = key.map(htmlLowercasedByte)
            let found = lower.withUnsafeBufferPointer { find($0.baseAddress!, $0.count) }
            if found >= 0 { values[found] |= value; continue }
            var slot = lower.withUnsafeBufferPointer { Int(ByteKeyTable.hash($0.baseAddress!, $0.count)) & mask }
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(values.count)
            keyStart.append(Int32(keyBytes.count))
            keyLength.append(Int32(lower.count))
            keyBytes.append(contentsOf: lower)
            values.append(value)
        }
    }

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for i in 0..<n { h = (h ^ UInt32(p[i])) &* 16_777_619 }
        return h
    }

    private func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var slot = Int(ByteKeyTable.hash(p, n)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return -1 }
            if Int(keyLength[entry]) == n {
                let start = Int(keyStart[entry])
                var same = true
                for i in 0..<n where keyBytes[start + i] != p[i] { same = false; break }
                if same { return entry }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The value stored for the `n` (already lowercase) bytes at `p`, or 0.
    @inline(__always)
    func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        let entry = find(p, n)
        return entry < 0 ? 0 : values[entry]
    }
}

/// Tag name → role, keyed by the first eight bytes of the name packed in a UInt64 (plus a check of
/// the rest for longer names such as "blockquote").
struct TagRoleTable: Sendable {
    private var keys: [UInt64]
    private var lengths: [UInt8]
    private var roles: [HTMLTagRole]
    private var tails: [[UInt8]]
    private static let slotBits = 9

    init(_ entries: [([UInt8], HTMLTagRole)]) {
        let size = 1 << TagRoleTable.slotBits
        keys = Array(repeating: 0, count: size)
        lengths = Array(repeating: 0, count: size)
        roles = Array(repeating: .inline, count: size)
        tails = Array(repeating: [], count: size)
        for (name, role) in entries where !name.isEmpty && name.count < 64 {
            let lower = name.map(htmlLowercasedByte)
            var key: UInt64 = 0
            for (k, b) in lower.prefix(8).enumerated() { key |= UInt64(b) << (8 * UInt64(k)) }
            var slot = TagRoleTable.slot(key)
            while lengths[slot] != 0 && !(keys[slot] == key && Int(lengths[slot]) == lower.count) {
                slot = (slot + 1) & (size - 1)
            }
            keys[slot] = key
            lengths[slot] = UInt8(lower.count)
            roles[slot] = role
            tails[slot] = Array(lower.dropFirst(8))
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    @inline(__always)
    func role(of name: UnsafePointer<UInt8>) -> HTMLTagRole {
        var key: UInt64 = 0
        var n = 0
        while n < 8 {
            let b = name[n]
            if b == 0 { break }
            key |= UInt64(b) << UInt64(8 * n)
            n += 1
        }
        if n == 8 { while name[n] != 0 { n += 1; if n >= 64 { return .inline } } }
        var slot = TagRoleTable.slot(key)
        let mask = keys.count - 1
        while true {
            let length = Int(lengths[slot])
            if length == 0 { return .inline }
            if keys[slot] == key && length == n {
                if n <= 8 { return roles[slot] }
                let tail = tails[slot]
                var same = true
                for k in 0..<tail.count where name[8 + k] != tail[k] { same = false; break }
                if same { return roles[slot] }
            }
            slot = (slot + 1) & mask
        }
    }
}

@inline(__always)
func htmlLowercasedByte(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

/// The boilerplate rules of the HTML reader, loaded once from html-boilerplate.tsv.
struct HTMLBoilerplateRules: Sendable {
    /// Flags that a class/id/role token can carry.
    struct TokenFlags {
        static let chrome: UInt32 = 1
        static let date: UInt32 = 2
        static let negator: UInt32 = 4
        /// The element holds the article's lead ("article__intro", "entry-excerpt", "teaser-text").
        static let lead: UInt32 = 8
        static let contentShift: UInt32 = 4   // strength 1…3 stored in bits 4–5
        static let contentMask: UInt32 = 0x30
    }

    let tagRoles: TagRoleTable
    let words: ByteKeyTable
    let names: ByteKeyTable
    let chromeWordPrefixes: [[UInt8]]
    let chromeWordSuffixes: [[UInt8]]
    let chromeNamePrefixes: [[UInt8]]
    let chromeNameContains: [[UInt8]]
    let dateWordPrefixes: [[UInt8]]
    /// Lowercased date meta names with their rank (0 = most reliable).
    let dateMetaRank: [String: Int]
    /// Date meta names that say only "date" (`date`, `dc.date`): a date printed in the article goes before them.
    let genericDateMetas: Set<String>
    /// Time zones by page language (`de`, `es-es`), lower case.
    let pageTimeZones: [String: PageTimeZone]
    /// Metas read only when nothing else dates the page (modification and upload times).
    let dateMetaLate: Set<String>
    /// JSON keys (quoted) whose string value is a date in any script, read only when nothing else dates the page.
    let dateScriptKeys: [[UInt8]]
    let chromeLines: Set<String>
    let chromeLineWords: Set<String>
    let chromePrefixes: [String]
    /// Lines starting with these (lower case) are chrome anywhere in the text ("Read more: …", "Lea también: …").
    let chromeInlinePrefixes: [String]
    /// Headings that open a page's comment section or its list of other articles (lower case, letters only): the text ends before them.
    let commentHeadings: Set<String>
    /// Characters that end a finished sentence or quotation ("." "?" "”" ")"); a short last line that ends otherwise
    /// ("Follow us on", "Newsletter", "Contact:") is left-over page chrome.
    let sentenceEnds: Set<Character>
    /// Words opening a printed date that say it is the publication's ("Published", "Publié le"), lower case.
    let publicationLabels: [String]
    let chromePhrases: [String]
    let dateWords: Set<String>
    /// Separators between title and site name as UTF-8, with spaces around those that need them.
    let titleSeparatorBytes: [[UInt8]]

    /// The rules from the package resource.
    static let shared: HTMLBoilerplateRules = {
        guard let url = Bundle.module.url(forResource: "html-boilerplate", withExtension: "tsv", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url) else {
            preconditionFailure("ParleyCore resource Resources/html-boilerplate.tsv is missing")
        }
        return HTMLBoilerplateRules(tsv: String(decoding: data, as: UTF8.self))
    }()

    /// Parses the rules from the text of html-boilerplate.tsv; unknown kinds and malformed rows are skipped.
    init(tsv: String) {
        var tagEntries: [([UInt8], UInt32)] = []
        var wordEntries: [([UInt8], UInt32)] = []
        var nameEntries: [([UInt8], UInt32)] = []
        var wordPrefixes: [[UInt8]] = [], wordSuffixes: [[UInt8]] = []
        var namePrefixes: [[UInt8]] = [], nameContains: [[UInt8]] = []
        var datePrefixes: [[UInt8]] = []
        var metaRank: [String: Int] = [:]
        var lateMetas: Set<String> = []
        var genericMetas: Set<String> = []
        var timeZones: [String: PageTimeZone] = [:]
        var scriptKeys: [[UInt8]] = []
        var ends: Set<Character> = []
        var lines = Set<String>(), lineWords = Set<String>(), prefixes: [String] = [], phrases: [String] = [], dateWords = Set<String>()
        var inlinePrefixes: [String] = []
        var commentHeads = Set<String>()
        var pubLabels: [String] = []
        var separators: [(String, Bool)] = []

        for rawLine in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cols.count >= 2, !cols[1].isEmpty else { continue }
            let kind = cols[0]
            let value = cols[1].lowercased()
            let bytes = Array(value.utf8)
            let arg = cols.count > 2 ? cols[2] : ""
            switch kind {
            case "tag":
                if let role = HTMLTagRole(ruleName: arg) { tagEntries.append((bytes, UInt32(role.rawValue))) }
            case "chrome":
                let squashed = HTMLBoilerplateRules.squash(bytes)
                switch arg {
                case "word": wordEntries.append((bytes, TokenFlags.chrome))
                case "wprefix": wordPrefixes.append(bytes); wordEntries.append((bytes, TokenFlags.chrome))
                case "wsuffix": wordSuffixes.append(bytes); wordEntries.append((bytes, TokenFlags.chrome))
                case "name": nameEntries.append((squashed, TokenFlags.chrome))
                case "nprefix": namePrefixes.append(squashed)
                case "contains": nameContains.append(squashed)
                default: break
                }
            case "negator":
                wordEntries.append((bytes, TokenFlags.negator))
            case "lead":
                wordEntries.append((bytes, TokenFlags.lead))
            case "content":
                let strength = UInt32(max(1, min(3, Int(cols.count > 3 ? cols[3] : "1") ?? 1)))
                let flag = strength << TokenFlags.contentShift
                if arg == "name" { nameEntries.append((HTMLBoilerplateRules.squash(bytes), flag)) }
                else { wordEntries.append((bytes, flag)) }
            case "date":
                wordEntries.append((bytes, TokenFlags.date))
                if arg == "wprefix" { datePrefixes.append(bytes) }
            case "date-meta":
                if metaRank[value] == nil { metaRank[value] = metaRank.count }
                if arg == "generic" { genericMetas.insert(value) }
            case "page-time-zone":
                if let hours = Int(arg) { timeZones[value] = PageTimeZone(hours: hours, europeanSummerTime: cols.count > 3 && cols[3] == "eu-summer") }
            case "date-meta-late":
                lateMetas.insert(value)
            case "date-script-key":
                scriptKeys.append(Array("\"\(value)\"".utf8))
            case "chrome-line":
                lines.insert(value)
            case "chrome-line-word":
                lineWords.insert(value)
            case "publication-label":
                pubLabels.append(value)
            case "comment-heading":
                commentHeads.insert(value)
            case "sentence-end":
                ends.formUnion(cols[1])
            case "chrome-inline-prefix":
                inlinePrefixes.append(value)
            case "chrome-prefix":
                prefixes.append(value)
            case "chrome-phrase":
                phrases.append(value)
            case "date-word":
                dateWords.insert(value)
            case "title-separator":
                separators.append((cols[1], arg != "bare"))
            default:
                continue
            }
        }
        tagRoles = TagRoleTable(tagEntries.compactMap { entry in
            HTMLTagRole(rawValue: UInt8(entry.1)).map { (entry.0, $0) }
        })
        words = ByteKeyTable(wordEntries)
        names = ByteKeyTable(nameEntries)
        chromeWordPrefixes = wordPrefixes
        chromeWordSuffixes = wordSuffixes
        chromeNamePrefixes = namePrefixes
        chromeNameContains = nameContains
        dateWordPrefixes = datePrefixes
        dateMetaRank = metaRank
        dateMetaLate = lateMetas
        genericDateMetas = genericMetas
        pageTimeZones = timeZones
        dateScriptKeys = scriptKeys
        chromeLines = lines
        chromeLineWords = lineWords
        chromePrefixes = prefixes
        chromeInlinePrefixes = inlinePrefixes
        commentHeadings = commentHeads
        sentenceEnds = ends
        publicationLabels = pubLabels
        chromePhrases = phrases
        self.dateWords = dateWords
        titleSeparatorBytes = separators.map { Array(($0.1 ? " \($0.0) " : $0.0).utf8) }
    }

    /// The time zone a page's language (`de-DE`, `it`) tells: the whole tag's, else its language's.
    func timeZone(language: String?) -> PageTimeZone? {
        guard let tag = language?.lowercased().replacingOccurrences(of: "_", with: "-"), !tag.isEmpty else { return nil }
        return pageTimeZones[tag] ?? tag.split(separator: "-").first.flatMap { pageTimeZones[String($0)] }
    }

    /// Lowercase ASCII letters and digits only: "Article-Body" → "articlebody".
    static func squash(_ bytes: [UInt8]) -> [UInt8] {
        bytes.compactMap { b in
            let l = htmlLowercasedByte(b)
            return ((l >= 0x61 && l <= 0x7A) || (l >= 0x30 && l <= 0x39) || l >= 0x80) ? l : nil
        }
    }

    /// The role of the tag named by the NUL-terminated, lowercase `name`.
    @inline(__always)
    func role(ofTag name: UnsafePointer<UInt8>) -> HTMLTagRole {
        tagRoles.role(of: name)
    }

    // MARK: - Class / id / role tokens

    /// Classifies the value of a class, id, role or aria-label attribute (NUL-terminated).
    /// Returns `TokenFlags` bits: chrome, date, lead, and the content strength.
    func classify(attributeValue value: UnsafePointer<UInt8>) -> UInt32 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer -> UInt32 in
            let name = buffer.baseAddress!
            var result: UInt32 = 0
            var nameLength = 0          // squashed bytes of the current class name
            var wordStart = 0           // start of the current word inside `name`
            var negated = false         // the previous word was a negator
            var lastWasLower = false
            var lastWasDigit = false
            var i = 0

            func endWord() {
                let length = nameLength - wordStart
                guard length > 0 else { return }
                let p = UnsafePointer(name + wordStart)
                let flags = words.lookup(p, length)
                var chrome = flags & TokenFlags.chrome != 0
                if !chrome {
                    for prefix in chromeWordPrefixes where prefix.count < length {
                        if HTMLBoilerplateRules.hasPrefix(p, length, prefix) { chrome = true; break }
                    }
                }
                if !chrome {
                    for suffix in chromeWordSuffixes where suffix.count < length {
                        if HTMLBoilerplateRules.hasPrefix(p + (length - suffix.count), suffix.count, suffix) { chrome = true; break }
                    }
                }
                if chrome && !negated { result |= TokenFlags.chrome }
                result |= flags & (TokenFlags.date | TokenFlags.lead | TokenFlags.contentMask)
                if flags & TokenFlags.date == 0 {
                    for prefix in dateWordPrefixes where prefix.count < length {
                        if HTMLBoilerplateRules.hasPrefix(p, length, prefix) { result |= TokenFlags.date; break }
                    }
                }
                negated = flags & TokenFlags.negator != 0
                wordStart = nameLength
            }

            func endName() {
                endWord()
                if nameLength > 0 && nameLength < 96 {
                    let p = UnsafePointer(name)
                    let flags = names.lookup(p, nameLength)
                    result |= flags & (TokenFlags.chrome | TokenFlags.contentMask)
                    if flags & TokenFlags.chrome == 0 {
                        for prefix in chromeNamePrefixes where prefix.count <= nameLength {
                            if HTMLBoilerplateRules.hasPrefix(p, nameLength, prefix) { result |= TokenFlags.chrome; break }
                        }
                        for needle in chromeNameContains where needle.count <= nameLength {
                            if HTMLBoilerplateRules.contains(p, nameLength, needle) { result |= TokenFlags.chrome; break }
                        }
                    }
                }
                nameLength = 0
                wordStart = 0
                negated = false
                lastWasLower = false
                lastWasDigit = false
            }

            while true {
                let b = value[i]
                if b == 0 { break }
                i += 1
                let isUpper = b >= 0x41 && b <= 0x5A
                let isLower = b >= 0x61 && b <= 0x7A
                let isDigit = b >= 0x30 && b <= 0x39
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                    endName()
                } else if isUpper || isLower || isDigit || b >= 0x80 {
                    // camelCase hump or letter/digit change starts a new word
                    if (isUpper && lastWasLower) || (isDigit != lastWasDigit && nameLength > wordStart) { endWord() }
                    if nameLength < 95 {
                        name[nameLength] = isUpper ? b | 0x20 : b
                        nameLength += 1
                    }
                    lastWasLower = isLower
                    lastWasDigit = isDigit
                } else {
                    endWord()   // '-', '_', ':', '.' and the like split words but not class names
                    lastWasLower = false
                    lastWasDigit = false
                }
            }
            endName()
            // A chrome token wins over a content token on the same element.
            if result & TokenFlags.chrome != 0 { result &= ~TokenFlags.contentMask }
            return result
        }
    }

    @inline(__always)
    static func hasPrefix(_ p: UnsafePointer<UInt8>, _ n: Int, _ prefix: [UInt8]) -> Bool {
        if prefix.count > n { return false }
        for k in 0..<prefix.count where p[k] != prefix[k] { return false }
        return true
    }

    static func contains(_ p: UnsafePointer<UInt8>, _ n: Int, _ needle: [UInt8]) -> Bool {
        let m = needle.count
        if m > n { return false }
        let first = needle[0]
        var i = 0
        while i + m <= n {
            if p[i] == first {
                var same = true
                for k in 1..<m where p[i + k] != needle[k] { same = false; break }
                if same { return true }
            }
            i += 1
        }
        return false
    }
}

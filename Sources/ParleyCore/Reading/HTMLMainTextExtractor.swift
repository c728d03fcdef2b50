import CLibXML2

/// What the HTML reader keeps of a page.
public struct HTMLPage: Sendable, Equatable {
    /// og:title, else the h1 of the main content, else `<title>` without its " - Site Name" part.
    public var title: String?
    /// The main text: paragraphs and headings of the article body separated by "\n\n";
    /// list items and table rows are single lines (cells joined by " | "). No title line, no page chrome.
    public var text: String
    /// Raw date strings, most reliable first: date metas and JSON-LD, then `<time>` elements,
    /// then short texts of elements whose class/id says date/time/publish. Not parsed.
    public var dateCandidates: [String]
    /// Weaker date strings, for a page without `dateCandidates`: dropped date elements, modification
    /// and upload times, dates in scripts, short texts with digits anywhere (see `lateDateStrings`).
    public var lateDateCandidates: [String] = []
    /// `<link rel=canonical>` or og:url.
    public var canonicalURL: String?
    /// og:site_name.
    public var siteName: String?
    /// `<html lang>`.
    public var language: String?

    public init(title: String? = nil, text: String, dateCandidates: [String] = [],
                canonicalURL: String? = nil, siteName: String? = nil, language: String? = nil) {
        self.title = title
        self.text = text
        self.dateCandidates = dateCandidates
        self.canonicalURL = canonicalURL
        self.siteName = siteName
        self.language = language
    }
}

/// Extracts the main text, title and date hints of an HTML page.
///
/// Parses with libxml2's forgiving HTML parser, then makes one statistics pass over the tree
/// (text length, link density, punctuation, class/id tokens from html-boilerplate.tsv) and
/// one pass over the chosen container to write the text.
public struct HTMLMainTextExtractor: Sendable {
    private let rules: HTMLBoilerplateRules

    public init() {
        rules = HTMLBoilerplateRules.shared
    }

    /// Where the article's lead is looked for when the container lacks it, in order: its class, then the meta description
    /// (which a page's headline often repeats).
    private static let leadFinders: [any HTMLLeadFinder] = [MarkedLeadFinder(), DescribedLeadFinder()]

    /// Bytes under which a container's text is checked against the page's kept paragraphs.
    private static let shortText = 250

    private static let libxmlReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Reads the page in `bytes`. Throws `.empty` for blank input and `.binary` for non-text
    /// bytes; malformed HTML never throws (libxml2 recovers, and a page without text yields "").
    public func extract(_ bytes: [UInt8]) throws(TextDecodingError) -> HTMLPage {
        if bytes.isEmpty { throw .empty }
        let utf16Order = TextDecoding.utf16ByteOrder(ofBOMIn: bytes)
        if utf16Order == nil {
            if TextDecoding.looksBinary(bytes) { throw .binary }
            if TextDecoding.isWhitespaceOnly(bytes, from: TextDecoding.hasUTF8BOM(bytes) ? 3 : 0) { throw .empty }
        }
        _ = HTMLMainTextExtractor.libxmlReady
        LibXMLErrors.silenceOnThisThread()

        var input = bytes
        let encoding: String
        if let bigEndian = utf16Order {
            encoding = bigEndian ? "UTF-16BE" : "UTF-16LE"
        } else {
            encoding = HTMLMainTextExtractor.chooseEncoding(for: &input)
        }

        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed: htmlDocPtr? = input.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(clamping: buffer.count), nil, encoding, options)
            }
        }
        guard let doc = parsed else { return HTMLPage(text: "") }
        defer { xmlFreeDoc(doc) }

        var page = analyse(doc, relaxed: false)
        if page.text.isEmpty {
            let relaxed = analyse(doc, relaxed: true)
            if !relaxed.text.isEmpty { return relaxed }
            // No container held the text: the page's own paragraphs, wherever they sit.
            let harvest = HTMLTreeAnalysis.paragraphHarvest(doc)
            if !harvest.isEmpty { page.text = String(decoding: harvest, as: UTF8.self) }
        }
        return page
    }

    // MARK: - Encoding

    /// The encoding to hand libxml2: the `<meta>` charset of the first 2 KB, else UTF-8 when the
    /// bytes are valid UTF-8, else windows-1252. A page that says UTF-8 but has stray bytes gets
    /// those bytes replaced by U+FFFD so libxml2 does not switch encodings half way. A page that
    /// declares a legacy charset but is valid UTF-8 with non-ASCII characters (HTML that was already
    /// converted, e.g. from a JSON Lines archive) is read as UTF-8.
    static func chooseEncoding(for input: inout [UInt8]) -> String {
        let start = TextDecoding.hasUTF8BOM(input) ? 3 : 0
        let declared = sniffCharset(input)
        var known = declared.flatMap(TextDecoding.KnownEncoding.init(label:))
        if known == .utf16LE || known == .utf16BE { known = .utf8 }   // a UTF-16 label in ASCII bytes is wrong
        let firstBad = TextDecoding.firstInvalidUTF8Offset(input, from: start)
        if let declared, known != .utf8 {
            if firstBad == nil && input.contains(where: { $0 >= 0x80 }) { return "UTF-8" }
            return known?.libxmlName ?? libxmlAlias(declared)
        }
        guard let firstBad else { return "UTF-8" }
        if declared == nil { return "windows-1252" }
        input = repairUTF8(input, firstBad: firstBad)
        return "UTF-8"
    }

    /// Names libxml2 (through iconv) knows better under another label.
    private static func libxmlAlias(_ label: String) -> String {
        switch label.lowercased() {
        case "gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese": return "GB18030"
        case "big5", "big5-hkscs", "x-x-big5": return "BIG5-HKSCS"
        case "shift-jis", "sjis", "ms_kanji", "x-sjis": return "SHIFT_JIS"
        default: return label
        }
    }

    /// Replaces each ill-formed UTF-8 sequence start with U+FFFD.
    private static func repairUTF8(_ bytes: [UInt8], firstBad: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        var from = 0
        var bad: Int? = firstBad
        while let b = bad {
            out.append(contentsOf: bytes[from..<b])
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            from = b + 1
            bad = TextDecoding.firstInvalidUTF8Offset(bytes, from: from)
        }
        out.append(contentsOf: bytes[from...])
        return out
    }

    /// The charset of a `<meta charset>` or `<meta http-equiv content="…; charset=…">` in the first 2 KB.
    static func sniffCharset(_ bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, 2048)
        var i = 0
        while i + 6 < limit {
            guard bytes[i] == 0x3C,
                  htmlLowercasedByte(bytes[i + 1]) == 0x6D, htmlLowercasedByte(bytes[i + 2]) == 0x65,
                  htmlLowercasedByte(bytes[i + 3]) == 0x74, htmlLowercasedByte(bytes[i + 4]) == 0x61,
                  isSpaceOrSlash(bytes[i + 5]) else { i += 1; continue }
            var j = i + 5
            var content: [UInt8]?
            while j < limit && bytes[j] != 0x3E {
                while j < limit && isSpaceOrSlash(bytes[j]) { j += 1 }
                let nameStart = j
                while j < limit && bytes[j] != 0x3D && bytes[j] != 0x3E && !isSpaceOrSlash(bytes[j]) { j += 1 }
                let name = bytes[nameStart..<j].map(htmlLowercasedByte)
                while j < limit && bytes[j] == 0x20 { j += 1 }
                var value: [UInt8] = []
                if j < limit && bytes[j] == 0x3D {
                    j += 1
                    while j < limit && bytes[j] == 0x20 { j += 1 }
                    if j < limit && (bytes[j] == 0x22 || bytes[j] == 0x27) {
                        let quote = bytes[j]
                        j += 1
                        let valueStart = j
                        while j < limit && bytes[j] != quote { j += 1 }
                        value = Array(bytes[valueStart..<j])
                        if j < limit { j += 1 }
                    } else {
                        let valueStart = j
                        while j < limit && bytes[j] != 0x3E && !isSpaceOrSlash(bytes[j]) { j += 1 }
                        value = Array(bytes[valueStart..<j])
                    }
                } else if name.isEmpty {
                    j += 1
                }
                if name == Array("charset".utf8), !value.isEmpty {
                    return String(decoding: value, as: UTF8.self).htmlTrimmed
                }
                if name == Array("content".utf8) { content = value }
            }
            if let content, let label = charsetParameter(in: content) { return label }
            i = j
        }
        return nil
    }

    private static func isSpaceOrSlash(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x2F
    }

    /// The value after "charset=" in a Content-Type value.
    private static func charsetParameter(in content: [UInt8]) -> String? {
        let lower = content.map(htmlLowercasedByte)
        let key = Array("charset".utf8)
        guard lower.count > key.count else { return nil }
        for start in 0...(lower.count - key.count) where Array(lower[start..<start + key.count]) == key {
            var k = start + key.count
            while k < lower.count && lower[k] == 0x20 { k += 1 }
            guard k < lower.count, lower[k] == 0x3D else { continue }
            k += 1
            while k < lower.count && (lower[k] == 0x20 || lower[k] == 0x22 || lower[k] == 0x27) { k += 1 }
            let valueStart = k
            while k < lower.count && lower[k] != 0x3B && lower[k] != 0x20 && lower[k] != 0x22 && lower[k] != 0x27 { k += 1 }
            if k > valueStart { return String(decoding: content[valueStart..<k], as: UTF8.self) }
        }
        return nil
    }

    // MARK: - Assembly

    private func analyse(_ doc: htmlDocPtr, relaxed: Bool) -> HTMLPage {
        var analysis = HTMLTreeAnalysis(rules: rules, relaxed: relaxed)
        analysis.gather(document: doc)

        let head = analysis.head
        var page = HTMLPage(text: "", canonicalURL: head.canonical ?? head.ogURL, siteName: head.siteName, language: head.language)
        guard let selection = analysis.select() else {
            page.title = head.ogTitle.map { stripSiteName($0, siteName: head.siteName, headings: [], onlyKnownSite: true) }
                ?? head.title.map { stripSiteName($0, siteName: head.siteName, headings: [], onlyKnownSite: false) }
            page.dateCandidates = dateCandidates(analysis, container: nil)
            if !page.dateCandidates.contains(where: Self.mentionsYear) { page.lateDateCandidates = analysis.lateDateStrings(doc) }
            return page
        }
        page.title = title(analysis, container: selection.container)
        let titleBytes = page.title.map { Array($0.utf8) }
        let raw = analysis.mainText(roots: selection.roots, container: selection.container, title: titleBytes)
        var trimmed: [String] = []
        let kept = trimChromeLines(raw, title: titleBytes, removed: &trimmed)
        page.text = String(decoding: kept, as: UTF8.self)
        if !page.text.isEmpty, let lead = Self.leadFinders.lazy.compactMap({ $0.lead(in: analysis, container: selection.container, text: page.text) }).first {
            page.text = lead + "\n\n" + page.text
        }
        // A container with a line or two while the page's kept paragraphs sit in blocks of their own (a layout grid):
        // the paragraphs are the text.
        if page.text.utf8.count < Self.shortText {
            let kept = trimChromeLines(analysis.keptParagraphText(), title: titleBytes)
            if kept.count >= 2 * page.text.utf8.count + 100 { page.text = String(decoding: kept, as: UTF8.self) }
        }
        page.dateCandidates = dateCandidates(analysis, container: selection.container)
        // A bare date line trimmed from the article's edge ("July 14, 2023") is the page's own date.
        for line in trimmed where line.utf8.count <= 60 && line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) && !page.dateCandidates.contains(line) {
            page.dateCandidates.append(line)
        }
        if !page.dateCandidates.contains(where: Self.mentionsYear) { page.lateDateCandidates = analysis.lateDateStrings(doc) }
        return page
    }

    private func title(_ analysis: HTMLTreeAnalysis, container: Int) -> String? {
        let head = analysis.head
        if let og = head.ogTitle {
            return stripSiteName(og, siteName: head.siteName, headings: [], onlyKnownSite: true)
        }
        let infos = analysis.infos
        let parent = Int(infos[container].parent)
        let context = analysis.articleContext(of: container)
        var inParent: Int?
        var headingTexts: [String] = []
        for h in analysis.headingsOne {
            let i = Int(h)
            guard infos[i].flags & HTMLNodeFlag.underDrop == 0 else { continue }
            if analysis.isInside(i, container), let text = HTMLTreeAnalysis.collapsedText(of: infos[i].node, limit: 600) {
                return text
            }
            if inParent == nil, (parent >= 0 && analysis.isInside(i, parent)) || (context.map { analysis.isInside(i, $0) } ?? false) {
                inParent = i
            }
        }
        if let i = inParent, let text = HTMLTreeAnalysis.collapsedText(of: infos[i].node, limit: 600) { return text }
        for h in analysis.headingsOne {
            if let text = HTMLTreeAnalysis.collapsedText(of: infos[Int(h)].node, limit: 600) { headingTexts.append(text) }
        }
        if let title = head.title {
            return stripSiteName(title, siteName: head.siteName, headings: headingTexts, onlyKnownSite: false)
        }
        return head.twitterTitle
    }

    /// Removes the site-name part of a title ("Talks held - Ministry of X" → "Talks held").
    /// With `onlyKnownSite`, only a part equal to `siteName` is removed.
    func stripSiteName(_ raw: String, siteName: String?, headings: [String], onlyKnownSite: Bool) -> String {
        let bytes = Array(raw.utf8)
        // Split at every separator of html-boilerplate.tsv, remembering where each part starts and ends.
        var parts: [Range<Int>] = []
        var partStart = 0
        var i = 0
        scan: while i < bytes.count {
            for separator in rules.titleSeparatorBytes {
                if i + separator.count <= bytes.count && bytes[i..<i + separator.count].elementsEqual(separator) {
                    parts.append(partStart..<i)
                    i += separator.count
                    partStart = i
                    continue scan
                }
            }
            i += 1
        }
        parts.append(partStart..<bytes.count)
        let texts = parts.map { String(decoding: bytes[$0], as: UTF8.self).htmlTrimmed }
        let kept = parts.indices.filter { !texts[$0].isEmpty }
        guard kept.count > 1 else { return raw }
        let fold: (String) -> String = { $0.lowercased() }
        // Leading parts first..last, with the original separators between them.
        func span(_ first: Int, _ last: Int) -> String {
            String(decoding: bytes[parts[kept[first]].lowerBound..<parts[kept[last]].upperBound], as: UTF8.self).htmlTrimmed
        }
        if let site = siteName.map(fold), !site.isEmpty {
            if fold(texts[kept.last!]) == site { return span(0, kept.count - 2) }
            if fold(texts[kept.first!]) == site { return span(1, kept.count - 1) }
        }
        if onlyKnownSite { return raw }
        for heading in headings {
            if let match = kept.first(where: { fold(texts[$0]) == fold(heading) }) { return texts[match] }
        }
        return span(0, kept.count - 2)
    }

    static let dateLabels = ["date", "published", "posted", "release date", "issued", "updated"]

    private func dateCandidates(_ analysis: HTMLTreeAnalysis, container: Int?) -> [String] {
        var result: [String] = []
        // A UTC timestamp is read as the day of the page's readers, when its language tells their time zone.
        let zone = rules.timeZone(language: analysis.head.language)
        func add(_ value: String?) {
            guard var value = value?.htmlTrimmed, !value.isEmpty else { return }
            if let local = zone?.localDay(ofUTCTimestamp: value) { value = local }
            guard !result.contains(value) else { return }
            result.append(value)
        }
        let metaDates = analysis.head.metaDates.sorted(by: { ($0.rank, $0.order) < ($1.rank, $1.order) })
        let infos = analysis.infos
        let context = container.flatMap { analysis.articleContext(of: $0) }
        let parent = container.map { Int(infos[$0].parent) } ?? -1
        var ranked: [(rank: Int, kind: Int, order: Int, value: String)] = []
        for (order, candidate) in analysis.dateNodes.enumerated() {
            let i = Int(candidate.index)
            let info = infos[i]
            let dropped = info.flags & HTMLNodeFlag.underDrop != 0
            let rank: Int
            if let container, analysis.isInside(i, container) { rank = 0 }
            else if let context, analysis.isInside(i, context) { rank = 1 }
            else if dropped { continue }
            else if parent >= 0 && analysis.isInside(i, parent) { rank = 1 }
            else { rank = 2 }
            if info.role == .time {
                if let value = candidate.datetime ?? HTMLTreeAnalysis.collapsedText(of: info.node, limit: 120) {
                    ranked.append((rank, 0, order, value))
                }
            } else if let value = HTMLTreeAnalysis.collapsedText(of: info.node, limit: 200),
                      value.utf8.count <= 120, value.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                ranked.append((rank, 1, order, value))
            }
        }
        // A short line beside the article body ("<p class=rightalign>July 14, 2023</p>" next to the body's
        // container) often carries the page's date without saying so in its class.
        if let container, parent >= 0 {
            for order in 0..<infos.count where order != container {
                let info = infos[order]
                guard info.textLength >= 6, info.textLength <= 60, info.linkLength == 0 else { continue }
                // Anywhere on the page: a short labelled date ("Date : 2024-06-05", "Posted on …").
                if let value = HTMLTreeAnalysis.collapsedText(of: info.node, limit: 80) {
                    let lower = value.lowercased()
                    if Self.dateLabels.contains(where: { lower.hasPrefix($0) }), value.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                        ranked.append((2, 2, order, value))
                        continue
                    }
                }
                guard Int(info.parent) == parent, info.textLength <= 40, info.flags & HTMLNodeFlag.underDrop == 0 else { continue }
                if let value = HTMLTreeAnalysis.collapsedText(of: info.node, limit: 60), value.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                    ranked.append((2, 2, order, value))
                }
            }
        }
        ranked.sort { ($0.rank, $0.kind, $0.order) < ($1.rank, $1.kind, $1.order) }
        // A meta that says only "date" is often the last edit's: when no better meta comes before it, a dated line
        // printed in the article goes first.
        if metaDates.first?.generic == true {
            for item in ranked where item.rank <= 1 && Self.mentionsYear(item.value) { add(item.value) }
        }
        for meta in metaDates { add(meta.value) }
        for item in ranked { add(item.value) }
        // "Publié le 29 juin 2019" printed in the article says when it was published more surely than a meta
        // tag that a later edit or the CMS rewrote, or a `<time datetime>` the CMS set.
        if let k = result.firstIndex(where: { v in
            let lower = v.lowercased()
            return rules.publicationLabels.contains { lower.hasPrefix($0) } && Self.mentionsYear(v)
        }), k > 0 {
            result.insert(result.remove(at: k), at: 0)
        }
        return result
    }

    /// Whether a date string holds a year (four digits starting 19 or 20): one without ("3 hours ago",
    /// "Monday 14:05") cannot date the page, and weaker candidates are gathered.
    static func mentionsYear(_ s: String) -> Bool {
        var run = 0
        var first: UInt8 = 0, second: UInt8 = 0
        for b in s.utf8 {
            if b >= 0x30 && b <= 0x39 {
                if run == 0 { first = b } else if run == 1 { second = b }
                run += 1
                if run == 4, (first == 0x31 && second == 0x39) || (first == 0x32 && second == 0x30) { return true }
            } else { run = 0 }
        }
        return false
    }

    // MARK: - Chrome lines at the edges

    /// Drops chrome lines ("Share:", "Print | Close", "Editor: X", a bare date) from the start and end,
    /// and a leading line that repeats the title.
    func trimChromeLines(_ text: [UInt8], title: [UInt8]?) -> ArraySlice<UInt8> {
        var ignored: [String] = []
        return trimChromeLines(text, title: title, removed: &ignored)
    }

    /// The same, collecting the removed lines.
    func trimChromeLines(_ text: [UInt8], title: [UInt8]?, removed removedLines: inout [String]) -> ArraySlice<UInt8> {
        var start = 0
        var end = text.count
        var removed = 0
        while start < end && removed < 12 {
            if text[start] == 0x0A { start += 1; continue }
            var lineEnd = start
            while lineEnd < end && text[lineEnd] != 0x0A { lineEnd += 1 }
            let isTitle = title.map { HTMLTreeAnalysis.looselyEqual(Array(text[start..<lineEnd]), $0) } ?? false
            guard isTitle || isChromeLine(text[start..<lineEnd]) else { break }
            if !isTitle { removedLines.append(String(decoding: text[start..<lineEnd], as: UTF8.self)) }
            start = lineEnd
            removed += 1
        }
        removed = 0
        while end > start && removed < 12 {
            if text[end - 1] == 0x0A { end -= 1; continue }
            var lineStart = end
            while lineStart > start && text[lineStart - 1] != 0x0A { lineStart -= 1 }
            guard isChromeLine(text[lineStart..<end]) else { break }
            removedLines.append(String(decoding: text[lineStart..<end], as: UTF8.self))
            end = lineStart
            removed += 1
        }
        while start < end && text[start] == 0x0A { start += 1 }
        while end > start && text[end - 1] == 0x0A { end -= 1 }
        return dropUnfinishedTail(dropInlineChrome(text[start..<end], removed: &removedLines))
    }

    /// Drops up to five short lines (at most 60 characters) at the end of the text that do not end a sentence
    /// (no `sentence-end` character last: "Follow us on", "Contact:", "More from the site"): what is left of the
    /// page's chrome after the article. The first line is always kept, and so is a line with a year among them
    /// ("Published 16.08.2019"): it dates the page.
    func dropUnfinishedTail(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard !rules.sentenceEnds.isEmpty else { return text }
        var end = text.endIndex
        var dropped = 0
        var dated: [ArraySlice<UInt8>] = []
        while dropped < 5 {
            var lineStart = end
            while lineStart > text.startIndex && text[lineStart - 1] != 0x0A { lineStart -= 1 }
            guard lineStart > text.startIndex, end - lineStart <= 240 else { break }
            let line = String(decoding: text[lineStart..<end], as: UTF8.self)
            guard line.count <= 60, let last = line.last(where: { !$0.isWhitespace }), !rules.sentenceEnds.contains(last) else { break }
            if Self.mentionsYear(line) { dated.append(text[lineStart..<end]) } else { dropped += 1 }
            end = lineStart
            while end > text.startIndex && text[end - 1] == 0x0A { end -= 1 }
        }
        guard dropped > 0 else { return text }
        guard !dated.isEmpty else { return text[text.startIndex..<end] }
        var out = Array(text[text.startIndex..<end])
        for line in dated.reversed() { out.append(contentsOf: [0x0A, 0x0A]); out.append(contentsOf: line) }
        return out[...]
    }

    /// Takes out lines anywhere in the text that open with a `chrome-inline-prefix` ("Read more: …") and
    /// are at most 200 bytes long, with the blank line after them.
    func dropInlineChrome(_ text: ArraySlice<UInt8>, removed removedLines: inout [String]) -> ArraySlice<UInt8> {
        var text = text
        // A comment section's or related articles' heading after the first third of the text ("3 Kommentare",
        // "Leave a Reply", "Mehr zum Thema"): the article ends there.
        if !rules.commentHeadings.isEmpty, text.count > 300 {
            var i = text.startIndex + text.count / 3
            while i < text.endIndex && text[i] != 0x0A { i += 1 }
            while i < text.endIndex {
                i += 1
                var lineEnd = i
                while lineEnd < text.endIndex && text[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd - i > 0 && lineEnd - i <= 40 {
                    let key = String(String.UnicodeScalarView(String(decoding: text[i..<lineEnd], as: UTF8.self).lowercased()
                        .unicodeScalars.filter { $0.properties.isAlphabetic || $0 == " " })).trimmingSpaces()
                    if rules.commentHeadings.contains(key) {
                        removedLines.append(String(decoding: text[i...], as: UTF8.self))
                        var end = i
                        while end > text.startIndex && text[end - 1] == 0x0A { end -= 1 }
                        text = text[text.startIndex..<end]
                        break
                    }
                }
                i = lineEnd
            }
        }
        guard !rules.chromeInlinePrefixes.isEmpty else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var changed = false
        var i = text.startIndex
        while i < text.endIndex {
            var lineEnd = i
            while lineEnd < text.endIndex && text[lineEnd] != 0x0A { lineEnd += 1 }
            let line = text[i..<lineEnd]
            var isChrome = false
            if line.count <= 200, let first = line.first, first != 0x20 {
                let lower = String(decoding: line.prefix(40), as: UTF8.self).lowercased()
                isChrome = rules.chromeInlinePrefixes.contains { lower.hasPrefix($0) }
            }
            if isChrome {
                changed = true
                removedLines.append(String(decoding: line, as: UTF8.self))
                i = lineEnd
                while i < text.endIndex && text[i] == 0x0A { i += 1 }
                continue
            }
            out.append(contentsOf: line)
            if lineEnd < text.endIndex { out.append(0x0A) }
            i = lineEnd + 1
        }
        guard changed else { return text }
        while out.last == 0x0A { out.removeLast() }
        return out[...]
    }

    func isChromeLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count <= 240 else { return false }
        let line = String(decoding: bytes, as: UTF8.self)
        if !rules.chromePhrases.isEmpty {
            let lower = line.lowercased()
            if rules.chromePhrases.contains(where: { lower.contains($0) }) { return true }
        }
        guard bytes.count <= 160 else { return false }
        // Words: runs of letters or of digits, lowercased.
        var words: [String] = []
        var word = ""
        var wordIsDigits = false
        for scalar in line.lowercased().unicodeScalars {
            let isDigit = scalar.properties.numericType != nil && scalar.isASCII
            let isLetter = scalar.properties.isAlphabetic
            if isDigit || isLetter {
                if !word.isEmpty && isDigit != wordIsDigits { words.append(word); word = "" }
                word.unicodeScalars.append(scalar)
                wordIsDigits = isDigit
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        if words.isEmpty { return true }
        if rules.chromeLines.contains(words.joined(separator: " ")) { return true }
        if words.count <= 8 && words.allSatisfy({ rules.chromeLineWords.contains($0) }) { return true }
        if bytes.count <= 120 {
            let lower = line.lowercased().drop { " ([【〔<«\"'".contains($0) }
            for prefix in rules.chromePrefixes where lower.hasPrefix(prefix) {
                let needsBoundary = prefix.last.map { $0.isLetter } ?? false
                if needsBoundary, let next = lower.dropFirst(prefix.count).first, next.isLetter || next.isNumber { continue }
                return true
            }
        }
        if bytes.count <= 60, words.contains(where: { $0.first?.isNumber ?? false }),
           words.allSatisfy({ ($0.first?.isNumber ?? false) || rules.dateWords.contains($0) }) {
            return true
        }
        return false
    }
}

extension String {
    /// Without leading and trailing whitespace (the HTML reader's trim).
    var htmlTrimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}


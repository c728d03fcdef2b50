import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

typealias HTMLNodePointer = UnsafeMutablePointer<xmlNode>

/// Per-element statistics gathered in the first pass, in document order.
struct HTMLNodeInfo {
    var node: HTMLNodePointer
    var parent: Int32
    var role: HTMLTagRole
    var strength: UInt8
    var flags: UInt16
    /// Non-space bytes of kept text in the subtree.
    var textLength: Int32 = 0
    /// Part of `textLength` inside links.
    var linkLength: Int32 = 0
    /// Commas and full stops in the subtree.
    var punctuation: Int32 = 0
    /// Non-space bytes of text whose nearest indexed element is this one.
    var directText: Int32 = 0
    /// Non-space bytes inside paragraph-like descendants.
    var paragraphText: Int32 = 0
    /// Paragraph score given by children (full) and grandchildren (half).
    var score: Float = 0

    init(node: HTMLNodePointer, parent: Int32, role: HTMLTagRole, strength: UInt8, flags: UInt16) {
        self.node = node
        self.parent = parent
        self.role = role
        self.strength = strength
        self.flags = flags
    }

    var contentLength: Int32 { textLength - linkLength }
    var linkDensity: Float { textLength > 0 ? Float(linkLength) / Float(textLength) : 0 }
}

enum HTMLNodeFlag {
    static let tentativeDrop: UInt16 = 1 << 0
    static let dropped: UInt16 = 1 << 1
    static let underDrop: UInt16 = 1 << 2
    static let inArticle: UInt16 = 1 << 4
    static let dateClass: UInt16 = 1 << 5
    static let hasMarker: UInt16 = 1 << 6
    static let dateMeta: UInt16 = 1 << 7
    static let headingOne: UInt16 = 1 << 8
    static let articleContext: UInt16 = 1 << 9
}

/// What the first pass left in an element's `_private` field.
enum HTMLNodeMark {
    /// An inline element without an info record (also: not visited).
    static let transparent = 0
    /// An `<a>` without an info record.
    static let transparentLink = 1
    /// Skipped with its subtree (script, style, nav, hidden…).
    static let skipped = 2
    /// Info records are at `_private - firstIndex`.
    static let firstIndex = 3
}

/// What the head (and stray meta tags) told about the page.
struct HTMLHeadData {
    var title: String?
    var ogTitle: String?
    var twitterTitle: String?
    var siteName: String?
    var ogURL: String?
    var canonical: String?
    /// `<meta name=description>` or og:description: often the article's lead, printed above its body.
    var description: String?
    var language: String?
    /// Dates from metas, itemprop=datePublished and JSON-LD, with their html-boilerplate.tsv rank; `generic` for
    /// a meta that says only "date".
    var metaDates: [(rank: Int, order: Int, value: String, generic: Bool)] = []
    /// Modification and upload times (`date-meta-late` metas), for pages nothing else dates.
    var lateDates: [String] = []
}

/// Owns the buffer of node infos; freed with the last copy of the analysis.
final class HTMLNodeStorage {
    var base: UnsafeMutablePointer<HTMLNodeInfo>
    init(capacity: Int) { base = .allocate(capacity: capacity) }
    deinit { base.deallocate() }   // HTMLNodeInfo is a trivial type: nothing to deinitialize
}

/// A read-only view of the node infos.
struct HTMLNodeTable {
    let base: UnsafeMutablePointer<HTMLNodeInfo>
    let count: Int
    @inline(__always) subscript(i: Int) -> HTMLNodeInfo { base[i] }
}

/// One pass over the libxml2 tree that gathers statistics, then container selection and text assembly.
struct HTMLTreeAnalysis {
    let rules: HTMLBoilerplateRules
    /// When set, class/id chrome tokens are ignored (used when the strict pass found no text).
    let relaxed: Bool

    private let storage: HTMLNodeStorage
    private var base: UnsafeMutablePointer<HTMLNodeInfo>
    private var capacity: Int
    private(set) var count = 0
    var head = HTMLHeadData()
    var markers: [Int32] = []
    var dateNodes: [(index: Int32, datetime: String?)] = []
    var headingsOne: [Int32] = []
    /// Elements whose class says they hold the article's lead, in document order.
    var leadCandidates: [Int32] = []
    private var classCache = ClassificationCache()
    /// Traversal state of the first pass: the nearest element with an info record, and how many `<a>` we are in.
    private var currentIndex = -1
    private var linkDepth = 0

    init(rules: HTMLBoilerplateRules, relaxed: Bool) {
        self.rules = rules
        self.relaxed = relaxed
        capacity = 512
        storage = HTMLNodeStorage(capacity: capacity)
        base = storage.base
    }

    /// The info records, in document order (parents before children).
    var infos: HTMLNodeTable { HTMLNodeTable(base: base, count: count) }

    private mutating func append(_ info: HTMLNodeInfo) -> Int {
        if count == capacity {
            let grown = UnsafeMutablePointer<HTMLNodeInfo>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            storage.base = grown
            capacity *= 2
        }
        (base + count).initialize(to: info)
        count += 1
        return count - 1
    }

    // MARK: - Pass 1: statistics

    /// Walks the whole document once, depth first, without recursion.
    mutating func gather(document doc: UnsafeMutablePointer<xmlDoc>) {
        currentIndex = -1
        linkDepth = 0
        var current: HTMLNodePointer? = doc.pointee.children
        while let node = current {
            var descended = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                if enter(node) {
                    if let child = node.pointee.children { current = child; continue }
                    descended = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                countText(node)
            default:
                break
            }
            if descended { leave(node) }
            var walker = node
            current = nil
            while true {
                if let next = walker.pointee.next { current = next; break }
                guard let up = walker.pointee.parent, up.pointee.type == XML_ELEMENT_NODE else { break }
                leave(up)
                walker = up
            }
        }
        finishFlags()
    }

    @inline(__always)
    static func mark(of node: HTMLNodePointer) -> Int {
        Int(bitPattern: node.pointee._private)
    }

    @inline(__always)
    static func index(of node: HTMLNodePointer) -> Int? {
        let mark = Int(bitPattern: node.pointee._private)
        return mark >= HTMLNodeMark.firstIndex ? mark - HTMLNodeMark.firstIndex : nil
    }

    @inline(__always)
    private static func setMark(_ node: HTMLNodePointer, _ mark: Int) {
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: mark)
    }

    /// Pre-order visit of an element. Returns whether to descend into it.
    private mutating func enter(_ node: HTMLNodePointer) -> Bool {
        let name = node.pointee.name!
        let role = rules.role(ofTag: name)
        switch role {
        case .drop: HTMLTreeAnalysis.setMark(node, HTMLNodeMark.skipped); return false
        case .script: readScript(node); HTMLTreeAnalysis.setMark(node, HTMLNodeMark.skipped); return false
        case .title:
            // Read the title, but still visit children: an unclosed <title> swallows the metas after it.
            if head.title == nil { head.title = HTMLTreeAnalysis.collapsedText(of: node, limit: 2000) }
        case .meta: readMeta(node); HTMLTreeAnalysis.setMark(node, HTMLNodeMark.skipped); return false
        case .headLink: readLink(node); HTMLTreeAnalysis.setMark(node, HTMLNodeMark.skipped); return false
        default: break
        }

        var tokens: UInt32 = 0
        var hidden = false
        var articleBody = false
        var datetime: String?
        var attr = node.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            let name = a.pointee.name!
            let value = a.pointee.children?.pointee.content
            switch name[0] {
            case 0x63: // c
                if let v = value, htmlCStringEquals(name, "class") { tokens |= classify(v) }
            case 0x69: // i
                if let v = value {
                    if htmlCStringEquals(name, "id") { tokens |= classify(v) }
                    else if htmlCStringEquals(name, "itemprop") {
                        if htmlCStringEqualsIgnoringCase(v, "articlebody") { articleBody = true }
                        else if htmlCStringEqualsIgnoringCase(v, "datepublished") {
                            // <abbr itemprop=datePublished title="2017-09-09T10:52:00+02:00">10:52</abbr>: the title.
                            if let date = HTMLTreeAnalysis.attributeString(node, "content") ?? HTMLTreeAnalysis.attributeString(node, "datetime")
                                ?? HTMLTreeAnalysis.attributeString(node, "title") {
                                head.metaDates.append((rank: rules.dateMetaRank["datepublished"] ?? 0, order: head.metaDates.count, value: date, generic: false))
                            }
                        }
                    }
                }
            case 0x72: // r
                if let v = value, htmlCStringEquals(name, "role") { tokens |= classify(v) }
            case 0x61: // a
                if htmlCStringEquals(name, "aria-hidden") {
                    if let v = value, htmlCStringEqualsIgnoringCase(v, "true") { hidden = true }
                } else if let v = value, htmlCStringEquals(name, "aria-label") {
                    tokens |= classify(v) & HTMLBoilerplateRules.TokenFlags.chrome
                }
            case 0x68: // h
                if htmlCStringEquals(name, "hidden") { hidden = true }
            case 0x73: // s
                if let v = value, htmlCStringEquals(name, "style"), styleHidesElement(v) { hidden = true }
            case 0x6C: // l
                if role == .html, let v = value, htmlCStringEquals(name, "lang"), head.language == nil {
                    head.language = HTMLTreeAnalysis.trimmedString(v)
                }
            case 0x64: // d
                if role == .time, let v = value, htmlCStringEquals(name, "datetime") { datetime = HTMLTreeAnalysis.trimmedString(v) }
            default:
                break
            }
        }
        let structural = role == .html || role == .body || role == .head
        if hidden && !structural { HTMLTreeAnalysis.setMark(node, HTMLNodeMark.skipped); return false }

        // Inline elements whose attributes say nothing get no record: their text counts for the nearest record.
        if (role == .inline || role == .anchor) && tokens == 0 && !articleBody {
            if role == .anchor {
                linkDepth += 1
                HTMLTreeAnalysis.setMark(node, HTMLNodeMark.transparentLink)
            } else {
                HTMLTreeAnalysis.setMark(node, HTMLNodeMark.transparent)
            }
            return true
        }

        let parentIndex = currentIndex
        var flags: UInt16 = 0
        if parentIndex >= 0 {
            flags = base[parentIndex].flags & (HTMLNodeFlag.underDrop | HTMLNodeFlag.inArticle)
        }
        var strength = UInt8((tokens & HTMLBoilerplateRules.TokenFlags.contentMask) >> HTMLBoilerplateRules.TokenFlags.contentShift)
        switch role {
        case .article: strength = max(strength, 2)
        case .main: strength = max(strength, 1)
        case .html, .body, .head: strength = 0
        default: break
        }
        if articleBody { strength = 3 }
        let chrome = !relaxed && tokens & HTMLBoilerplateRules.TokenFlags.chrome != 0
            && !structural && role != .article && role != .main && !articleBody
        if chrome || role == .softDrop || role == .tentativeDrop || role == .head || role == .title || (role == .pageSection && flags & HTMLNodeFlag.inArticle == 0) {
            flags |= HTMLNodeFlag.tentativeDrop | HTMLNodeFlag.underDrop
        }
        if role == .anchor { linkDepth += 1 }
        if (strength >= 2 || role == .main) && flags & HTMLNodeFlag.underDrop == 0 {
            flags |= HTMLNodeFlag.inArticle | HTMLNodeFlag.articleContext
        }
        if tokens & HTMLBoilerplateRules.TokenFlags.date != 0 && !structural { flags |= HTMLNodeFlag.dateClass }
        if role == .heading && name[1] == 0x31 { flags |= HTMLNodeFlag.headingOne }

        let index = append(HTMLNodeInfo(node: node, parent: Int32(parentIndex), role: role, strength: strength, flags: flags))
        HTMLTreeAnalysis.setMark(node, index + HTMLNodeMark.firstIndex)
        currentIndex = index

        if strength > 0 { markers.append(Int32(index)) }
        if role == .time || flags & HTMLNodeFlag.dateClass != 0 { dateNodes.append((Int32(index), datetime)) }
        if flags & HTMLNodeFlag.headingOne != 0 { headingsOne.append(Int32(index)) }
        if tokens & HTMLBoilerplateRules.TokenFlags.lead != 0 && !structural { leadCandidates.append(Int32(index)) }
        return true
    }

    /// Post-order visit: scores paragraphs, settles tentative drops and hands the totals to the parent.
    private mutating func leave(_ node: HTMLNodePointer) {
        let mark = HTMLTreeAnalysis.mark(of: node)
        if mark < HTMLNodeMark.firstIndex {
            if mark == HTMLNodeMark.transparentLink { linkDepth -= 1 }
            return
        }
        let index = mark - HTMLNodeMark.firstIndex
        var info = base[index]
        let parent = Int(info.parent)
        currentIndex = parent
        if info.role == .anchor { linkDepth -= 1 }

        let paragraphLike = info.role == .paragraph
            || ((info.role == .block || info.role == .cell || info.role == .item) && info.directText >= 25)
        if paragraphLike && info.contentLength >= 25 {
            info.paragraphText += info.contentLength
            let score = 1 + Float(info.punctuation) + min(Float(info.textLength) / 100, 3)
            if parent >= 0 {
                base[parent].score += score
                let grandparent = Int(base[parent].parent)
                if grandparent >= 0 { base[grandparent].score += score / 2 }
            }
        }
        if info.strength >= 2 && info.contentLength >= 400 { info.flags |= HTMLNodeFlag.hasMarker }
        if info.flags & HTMLNodeFlag.tentativeDrop != 0 {
            // A chrome word on a block that holds the prose ("entry themeform share" inside the article, or
            // 2,000 bytes of paragraphs with few links anywhere) names a feature of the block, not the block: kept.
            let proseOfTheArticle = (info.flags & HTMLNodeFlag.inArticle != 0 && info.paragraphText >= 800 && info.linkLength * 4 < info.textLength
                || info.paragraphText >= 2000 && info.linkLength * 10 < info.textLength) && [.block, .softDrop].contains(info.role)
            let rescued = info.role != .head && info.role != .title && (info.flags & HTMLNodeFlag.hasMarker != 0
                || (info.role == .softDrop && info.paragraphText >= 200) || proseOfTheArticle)
            info.flags &= ~HTMLNodeFlag.tentativeDrop
            if !rescued { info.flags |= HTMLNodeFlag.dropped }
        }
        if info.flags & HTMLNodeFlag.dateClass != 0 && info.textLength <= 100 {
            info.flags |= HTMLNodeFlag.dateMeta
        }
        base[index] = info
        guard parent >= 0, info.flags & HTMLNodeFlag.dropped == 0 else { return }
        base[parent].textLength += info.textLength
        base[parent].linkLength += info.linkLength
        base[parent].punctuation += info.punctuation
        base[parent].paragraphText += info.paragraphText
        base[parent].flags |= info.flags & HTMLNodeFlag.hasMarker
    }

    /// Adds a text node's non-space bytes and punctuation to the nearest element with a record.
    private mutating func countText(_ node: HTMLNodePointer) {
        guard currentIndex >= 0, let content = node.pointee.content else { return }
        var length = 0
        var punctuation = 0
        // Most text nodes between tags are a few bytes of whitespace: settle those without strlen.
        var short = 0
        while short < 16 {
            let b = content[short]
            if b == 0 { break }
            if b > 0x20 { length = 1; break }
            short += 1
        }
        if length == 0 && short < 16 { return }
        length = 0
        let count = strlen(content)
        let raw = UnsafeRawPointer(content)
        var i = 0
        // Eight bytes at a time: count bytes above 0x20, and bytes equal to ',' or '.'.
        while i + 8 <= count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let visible = (((w & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5F5F_5F5F_5F5F_5F5F) | w) & 0x8080_8080_8080_8080
            length &+= visible.nonzeroBitCount
            if visible != 0 {
                let commas = w ^ 0x2C2C_2C2C_2C2C_2C2C
                let stops = w ^ 0x2E2E_2E2E_2E2E_2E2E
                let commaNonZero = (((commas & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | commas) & 0x8080_8080_8080_8080
                let stopNonZero = (((stops & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | stops) & 0x8080_8080_8080_8080
                punctuation &+= 16 - commaNonZero.nonzeroBitCount - stopNonZero.nonzeroBitCount
            }
            i += 8
        }
        while i < count {
            let b = content[i]
            if b > 0x20 {
                length += 1
                if b == 0x2C || b == 0x2E { punctuation += 1 }
            }
            i += 1
        }
        if length == 0 { return }
        let visible = Int32(truncatingIfNeeded: length)
        let target = base + currentIndex
        target.pointee.textLength += visible
        target.pointee.directText += visible
        target.pointee.punctuation += Int32(truncatingIfNeeded: punctuation)
        if linkDepth > 0 { target.pointee.linkLength += visible }
    }

    /// Recomputes the inherited flags once every drop is settled (parents come before children).
    private mutating func finishFlags() {
        for i in 0..<count {
            var flags = base[i].flags & ~(HTMLNodeFlag.underDrop | HTMLNodeFlag.inArticle)
            let parent = Int(base[i].parent)
            if parent >= 0 { flags |= base[parent].flags & (HTMLNodeFlag.underDrop | HTMLNodeFlag.inArticle) }
            if flags & HTMLNodeFlag.dropped != 0 { flags |= HTMLNodeFlag.underDrop }
            if flags & HTMLNodeFlag.articleContext != 0 && flags & HTMLNodeFlag.underDrop == 0 { flags |= HTMLNodeFlag.inArticle }
            base[i].flags = flags
        }
    }

    /// Classifies a class/id/role value, memoised per document by a 64-bit hash of the value.
    private mutating func classify(_ value: UnsafePointer<UInt8>) -> UInt32 {
        let length = strlen(value)
        let raw = UnsafeRawPointer(value)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
        var i = 0
        while i + 8 <= length {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            i += 8
        }
        var tail: UInt64 = 0
        while i < length { tail = tail << 8 | UInt64(value[i]); i += 1 }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 29
        if let cached = classCache.value(for: hash) { return cached }
        let result = rules.classify(attributeValue: value)
        classCache.insert(result, for: hash)
        return result
    }

    // MARK: - Head data

    private mutating func readMeta(_ node: HTMLNodePointer) {
        guard let content = HTMLTreeAnalysis.attributeString(node, "content") else { return }
        guard let key = (HTMLTreeAnalysis.attributeString(node, "property")
                         ?? HTMLTreeAnalysis.attributeString(node, "name")
                         ?? HTMLTreeAnalysis.attributeString(node, "itemprop"))?.lowercased() else { return }
        switch key {
        case "og:title": if head.ogTitle == nil { head.ogTitle = content }
        case "twitter:title": if head.twitterTitle == nil { head.twitterTitle = content }
        case "og:site_name": if head.siteName == nil { head.siteName = content }
        case "og:url": if head.ogURL == nil { head.ogURL = content }
        case "description", "og:description": if head.description == nil { head.description = content }
        default:
            if let rank = rules.dateMetaRank[key] {
                head.metaDates.append((rank: rank, order: head.metaDates.count, value: content, generic: rules.genericDateMetas.contains(key)))
            } else if rules.dateMetaLate.contains(key) {
                head.lateDates.append(content)
            }
        }
    }

    private mutating func readLink(_ node: HTMLNodePointer) {
        guard head.canonical == nil, let rel = HTMLTreeAnalysis.attributeString(node, "rel") else { return }
        let isCanonical = rel.lowercased().split(separator: " ").contains("canonical")
        if isCanonical, let href = HTMLTreeAnalysis.attributeString(node, "href") { head.canonical = href }
    }

    /// Reads `"datePublished": "…"` out of a JSON-LD block with a byte scan (ranked like a datePublished meta).
    private mutating func readScript(_ node: HTMLNodePointer) {
        guard let type = HTMLTreeAnalysis.attributeString(node, "type"), type.lowercased().contains("ld+json") else { return }
        var child = node.pointee.children
        while let c = child {
            child = c.pointee.next
            guard let content = c.pointee.content else { continue }
            for value in HTMLTreeAnalysis.jsonStrings(UnsafePointer(content), keys: [Self.datePublishedKey], maximumLength: 100) {
                head.metaDates.append((rank: rules.dateMetaRank["datepublished"] ?? Int.max, order: head.metaDates.count, value: value, generic: false))
            }
        }
    }

    static let datePublishedKey: [UInt8] = Array("\"datepublished\"".utf8)

    // MARK: - Selection

    /// The chosen main container, and the elements whose text is written (the container and content siblings).
    struct Selection {
        var container: Int
        var roots: [Int]
    }

    /// Picks the main content container: a marked article body when there is a substantial one, else the best paragraph score.
    func select() -> Selection? {
        guard count > 0 else { return nil }
        let infos = self.infos
        var maxMarker: Int32 = 0
        for m in markers where infos[Int(m)].flags & HTMLNodeFlag.underDrop == 0 {
            maxMarker = max(maxMarker, infos[Int(m)].contentLength)
        }
        var best: Int?
        var bestScore: Float = 0
        for i in 0..<infos.count {
            let info = infos[i]
            guard info.score > 0, info.flags & HTMLNodeFlag.underDrop == 0 else { continue }
            let score = info.score * (1 - info.linkDensity)
            if score > bestScore { bestScore = score; best = i }
        }

        var marker: Int?
        let floor = max(Int32(50), maxMarker / 4)
        for tier in stride(from: UInt8(3), through: 1, by: -1) where marker == nil {
            var bestLength: Int32 = -1
            for m in markers {
                let info = infos[Int(m)]
                guard info.strength == tier, info.flags & HTMLNodeFlag.underDrop == 0 else { continue }
                // A marked article body that holds the best paragraphs is the article however much text a weak
                // marker elsewhere ("main" around the comments) holds.
                let holdsBest = tier == 3 && info.contentLength >= 400 && best.map { isInside($0, Int(m)) } == true
                guard info.contentLength >= floor || holdsBest else { continue }
                if info.contentLength > bestLength { bestLength = info.contentLength; marker = Int(m) }
            }
        }

        if let m = marker {
            if let b = best, !isInside(b, m), !isInside(m, b), infos[b].contentLength > 2 * infos[m].contentLength {
                return Selection(container: b, roots: withSiblings(b, scored: true, topScore: bestScore))
            }
            var roots = withSiblings(m, scored: false, topScore: bestScore)
            roots = withSplitParts(of: m, roots: roots)
            return Selection(container: m, roots: roots)
        }
        if let b = best { return Selection(container: b, roots: withSiblings(b, scored: true, topScore: bestScore)) }
        var body = 0
        for i in 0..<count where infos[i].role == .body { body = i; break }
        return Selection(container: body, roots: [body])
    }

    /// The roots plus the other parts of a marked article body split into several blocks of the same class
    /// ("article-text" between pictures and advertisements), near the container: inside its ancestor `levels` up.
    private func withSplitParts(of container: Int, roots: [Int], levels: Int = 3) -> [Int] {
        guard let mine = HTMLTreeAnalysis.attributeString(infos[container].node, "class") else { return roots }
        var scope = container
        for _ in 0..<levels where infos[scope].parent >= 0 { scope = Int(infos[scope].parent) }
        var parts: [Int] = []
        for m in markers {
            let i = Int(m)
            guard i != container, i > scope, infos[i].strength == infos[container].strength,
                  infos[i].flags & HTMLNodeFlag.underDrop == 0, infos[i].linkDensity < 0.25,
                  isInside(i, scope), !isInside(i, container), !isInside(container, i),
                  !roots.contains(where: { isInside(i, $0) }), !parts.contains(where: { isInside(i, $0) }),
                  HTMLTreeAnalysis.attributeString(infos[i].node, "class") == mine else { continue }
            parts.append(i)
        }
        return parts.isEmpty ? roots : (roots + parts).sorted()
    }

    /// The container plus sibling elements that are clearly content, in document order.
    private func withSiblings(_ container: Int, scored: Bool, topScore: Float) -> [Int] {
        guard let parentNode = infos[container].node.pointee.parent, parentNode.pointee.type == XML_ELEMENT_NODE else { return [container] }
        var roots: [Int] = []
        let containerClass = HTMLTreeAnalysis.attributeString(infos[container].node, "class")
        // A short heading after a root is read when the next sibling with text is read too (a section heading
        // between the body's paragraphs).
        var heading: Int?
        var sibling = parentNode.pointee.children
        while let s = sibling {
            sibling = s.pointee.next
            guard s.pointee.type == XML_ELEMENT_NODE, let i = HTMLTreeAnalysis.index(of: s) else { continue }
            let info = infos[i]
            if i != container && info.flags & (HTMLNodeFlag.dropped | HTMLNodeFlag.dateMeta) != 0 { continue }
            if isRoot(i, container: container, containerClass: containerClass, scored: scored, topScore: topScore) {
                if let h = heading { roots.append(h) }
                roots.append(i)
                heading = nil
            } else if info.role == .heading && !roots.isEmpty && info.textLength <= 200 && info.linkDensity < 0.5 {
                heading = i
            } else if info.textLength > 0 {
                heading = nil
            }
        }
        return roots
    }

    /// Whether sibling `i` of the container is read with it: the container, a paragraph of 80 bytes, a block that
    /// scores well, an `<article>` after an `<article>`, or an element of the container's tag and class.
    private func isRoot(_ i: Int, container: Int, containerClass: String?, scored: Bool, topScore: Float) -> Bool {
        if i == container { return true }
        let info = infos[i]
        guard info.linkDensity < 0.25 else { return false }
        if info.role == .paragraph && info.contentLength >= 80 { return true }
        if scored && info.score * (1 - info.linkDensity) >= max(10, topScore * 0.2) { return true }
        // A page built of several <article> content elements in a row (a CMS's text blocks) reads them all.
        if infos[container].role == .article && info.role == .article && info.contentLength >= 100 { return true }
        // The next of a run of text blocks of the container's tag and class.
        guard info.role == infos[container].role, info.contentLength >= 50, let containerClass else { return false }
        return HTMLTreeAnalysis.attributeString(info.node, "class") == containerClass
    }

    /// `true` when element `i` is `ancestor` or lies inside it.
    func isInside(_ i: Int, _ ancestor: Int) -> Bool {
        var k = i
        while k > ancestor { k = Int(infos[k].parent) }
        return k == ancestor
    }

    /// The nearest article-context element at or above `i`.
    func articleContext(of i: Int) -> Int? {
        var k = i
        while k >= 0 {
            if infos[k].flags & HTMLNodeFlag.articleContext != 0 && infos[k].flags & HTMLNodeFlag.underDrop == 0 { return k }
            k = Int(infos[k].parent)
        }
        return nil
    }

    // MARK: - Text assembly

    /// Writes the main text of `roots`, skipping dropped, link-heavy and date-only elements and title headings.
    func mainText(roots: [Int], container: Int, title: [UInt8]?) -> [UInt8] {
        var writer = HTMLTextWriter()
        writer.out.reserveCapacity(Int(infos[container].textLength) + Int(infos[container].textLength) / 4 + 64)
        for root in roots { write(root: root, container: container, title: title, into: &writer) }
        return writer.out
    }

    private func write(root: Int, container: Int, title: [UInt8]?, into writer: inout HTMLTextWriter) {
        let rootNode = infos[root].node
        var current: HTMLNodePointer? = rootNode
        while let node = current {
            var descend = false
            if node.pointee.type == XML_ELEMENT_NODE {
                let mark = HTMLTreeAnalysis.mark(of: node)
                if mark == HTMLNodeMark.transparent || mark == HTMLNodeMark.transparentLink {
                    descend = true
                } else if mark >= HTMLNodeMark.firstIndex, case let i = mark - HTMLNodeMark.firstIndex,
                          keep(i, container: container, title: title, writer: writer) {
                    descend = true
                    switch infos[i].role {
                    case .item, .row: writer.requestBreak(1)
                    case .cell: writer.startCell()
                    case .lineBreak: writer.lineBreakTag()
                    case let role where role.isBlockLike: writer.requestBreak(2)
                    default: break
                    }
                }
            } else if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
                if let content = node.pointee.content { writer.append(UnsafePointer(content)) }
            }
            if descend, let child = node.pointee.children { current = child; continue }
            if descend { closeElement(node, writer: &writer) }
            if node == rootNode { break }
            var walker = node
            current = nil
            while true {
                if let next = walker.pointee.next { current = next; break }
                guard let up = walker.pointee.parent else { break }
                closeElement(up, writer: &writer)
                if up == rootNode { break }
                walker = up
            }
        }
    }

    private func closeElement(_ node: HTMLNodePointer, writer: inout HTMLTextWriter) {
        guard let i = HTMLTreeAnalysis.index(of: node) else { return }
        switch infos[i].role {
        case .item, .row: writer.requestBreak(1)
        case let role where role.isBlockLike: writer.requestBreak(2)
        default: break
        }
    }

    private func keep(_ i: Int, container: Int, title: [UInt8]?, writer: HTMLTextWriter) -> Bool {
        let info = infos[i]
        if info.flags & (HTMLNodeFlag.dropped | HTMLNodeFlag.dateMeta) != 0 { return false }
        if i == container { return true }
        switch info.role {
        case .list, .block, .table, .article, .main, .pageSection, .softDrop, .tentativeDrop:
            if info.textLength > 0 && info.linkLength * 2 > info.textLength { return false }
        case .paragraph:
            if info.textLength > 0 && info.linkLength * 10 > info.textLength * 9 { return false }
        case .heading:
            if info.flags & HTMLNodeFlag.headingOne != 0 && writer.out.isEmpty { return false }
            if let title, !title.isEmpty {
                var text: [UInt8] = []
                HTMLTreeAnalysis.appendCollapsedText(of: info.node, to: &text, limit: title.count + 8)
                if HTMLTreeAnalysis.looselyEqual(text, title) { return false }
            }
        default:
            break
        }
        return true
    }

    /// Date strings for a page nothing else dates, in document order: the texts, `datetime` and `title`
    /// of elements whose class says date or time (kept or not), then short texts with digits anywhere in
    /// the body, and dates given under `date-script-key` keys in any script. Not parsed; at most `limit`.
    func lateDateStrings(_ doc: UnsafeMutablePointer<xmlDoc>, limit: Int = 300) -> [String] {
        var marked: [String] = []
        for (index, datetime) in dateNodes {
            let node = infos[Int(index)].node
            if let d = datetime { marked.append(d) }
            if let t = HTMLTreeAnalysis.attributeString(node, "title"), t.utf8.count <= 60, t.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { marked.append(t) }
            if let t = HTMLTreeAnalysis.collapsedText(of: node, limit: 200), t.utf8.count <= 120, t.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { marked.append(t) }
        }
        var texts: [String] = []
        var scripts: [String] = []
        guard let root = xmlDocGetRootElement(doc) else { return marked }
        var current: HTMLNodePointer? = root
        while let n = current, texts.count < limit {
            var descend = true
            if n.pointee.type == XML_ELEMENT_NODE {
                let role = rules.role(ofTag: n.pointee.name)
                if role == .script {
                    descend = false
                    var child = n.pointee.children
                    while let c = child, scripts.count < 20 {
                        child = c.pointee.next
                        if let content = c.pointee.content { scripts += HTMLTreeAnalysis.jsonStrings(UnsafePointer(content), keys: rules.dateScriptKeys) }
                    }
                } else if role == .drop || role == .title || role == .meta { descend = false }
            } else if n.pointee.type == XML_TEXT_NODE, let content = n.pointee.content {
                var bytes = 0
                var digits = false
                var p = UnsafePointer(content)
                while p.pointee != 0 && bytes <= 120 { if p.pointee >= 0x30 && p.pointee <= 0x39 { digits = true }; bytes += 1; p += 1 }
                if digits, bytes <= 120, let t = HTMLTreeAnalysis.trimmedString(UnsafePointer(content)), t.utf8.count >= 6 { texts.append(t) }
                descend = false
            } else { descend = false }
            if descend, let child = n.pointee.children { current = child; continue }
            var walker = n
            current = nil
            while true {
                if let next = walker.pointee.next { current = next; break }
                guard let up = walker.pointee.parent, up != root else { break }
                walker = up
            }
        }
        return marked + head.lateDates + scripts + texts
    }

    /// The string values of the given quoted JSON keys (lower case; matched in any case) in a script
    /// (`"uploadDate": "2019-10-19T07:49"`).
    static func jsonStrings(_ text: UnsafePointer<UInt8>, keys: [[UInt8]], maximumLength: Int = 60) -> [String] {
        var found: [String] = []
        var p = text
        while p.pointee != 0 {
            if p.pointee == 0x22, let key = keys.first(where: { startsWithIgnoringCase(p, $0) }) {
                var q = p + key.count
                while q.pointee == 0x20 || q.pointee == 0x09 || q.pointee == 0x0A || q.pointee == 0x0D { q += 1 }
                if q.pointee == 0x3A {
                    q += 1
                    while q.pointee == 0x20 || q.pointee == 0x09 || q.pointee == 0x0A || q.pointee == 0x0D { q += 1 }
                    if q.pointee == 0x22 {
                        q += 1
                        let start = q
                        while q.pointee != 0 && q.pointee != 0x22 && q - start < maximumLength { q += 1 }
                        if q.pointee == 0x22 && q > start { found.append(String(decoding: UnsafeBufferPointer(start: start, count: q - start), as: UTF8.self)) }
                    }
                }
                p = q
                if p.pointee == 0 { break }
            }
            p += 1
        }
        return found
    }

    /// Every kept paragraph-like element of the page (a paragraph, or a block, item or cell with 25 bytes of its own
    /// text; not under a drop; 40 bytes or more; links under half its text), outermost only, in document order.
    func keptParagraphText() -> [UInt8] {
        var out: [UInt8] = []
        var taken = -1
        for i in 0..<count {
            let info = base[i]
            // Pre-order: an element inside the one taken last has a parent at or after it.
            if taken >= 0 && Int(info.parent) >= taken { continue }
            taken = -1
            let paragraphLike = info.role == .paragraph
                || ((info.role == .block || info.role == .cell || info.role == .item) && info.directText >= 25)
            guard paragraphLike, info.flags & HTMLNodeFlag.underDrop == 0, info.textLength >= 40,
                  info.linkLength * 2 < info.textLength else { continue }
            if !out.isEmpty { out.append(contentsOf: [0x0A, 0x0A]) }
            HTMLTreeAnalysis.appendCollapsedText(of: info.node, to: &out, limit: out.count + 20_000)
            taken = i
        }
        return out
    }

    /// The last resort when no container holds the text: every paragraph of the page (outside scripts
    /// and dropped tags) of 40 bytes or more whose links are less than half its text, in document order.
    static func paragraphHarvest(_ doc: UnsafeMutablePointer<xmlDoc>) -> [UInt8] {
        let rules = HTMLBoilerplateRules.shared
        var out: [UInt8] = []
        guard let root = xmlDocGetRootElement(doc) else { return out }
        var current: HTMLNodePointer? = root
        while let n = current {
            var descend = true
            if n.pointee.type == XML_ELEMENT_NODE {
                let role = rules.role(ofTag: n.pointee.name)
                if role == .drop || role == .script || role == .meta || role == .head || role == .title { descend = false }
                else if role == .paragraph {
                    descend = false
                    var text: [UInt8] = []
                    appendCollapsedText(of: n, to: &text, limit: 20_000)
                    if text.count >= 40, linkTextLength(n) * 2 < text.count {
                        if !out.isEmpty { out.append(contentsOf: [0x0A, 0x0A]) }
                        out.append(contentsOf: text)
                    }
                }
            } else { descend = false }
            if descend, let child = n.pointee.children { current = child; continue }
            var walker = n
            current = nil
            while true {
                if let next = walker.pointee.next { current = next; break }
                guard let up = walker.pointee.parent, up != root else { break }
                walker = up
            }
        }
        return out
    }

    /// Bytes of collapsed text inside the links of a subtree.
    static func linkTextLength(_ node: HTMLNodePointer) -> Int {
        var total = 0
        var current: HTMLNodePointer? = node.pointee.children
        while let n = current {
            if n.pointee.type == XML_ELEMENT_NODE, htmlCStringEqualsIgnoringCase(n.pointee.name, "a") {
                var text: [UInt8] = []
                appendCollapsedText(of: n, to: &text, limit: 20_000)
                total += text.count
            } else if n.pointee.type == XML_ELEMENT_NODE, let child = n.pointee.children {
                current = child
                continue
            }
            var walker = n
            current = nil
            while true {
                if let next = walker.pointee.next { current = next; break }
                guard let up = walker.pointee.parent, up != node else { break }
                walker = up
            }
        }
        return total
    }

    // MARK: - Byte helpers

    /// Text of a subtree with whitespace collapsed, at most `limit` bytes; block elements and
    /// line breaks count as spaces.
    static func appendCollapsedText(of node: HTMLNodePointer, to out: inout [UInt8], limit: Int) {
        let rules = HTMLBoilerplateRules.shared
        var writer = HTMLTextWriter()
        var current: HTMLNodePointer? = node.pointee.children
        while let n = current, writer.out.count < limit {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE, let content = n.pointee.content {
                writer.append(UnsafePointer(content))
            } else if n.pointee.type == XML_ELEMENT_NODE {
                let role = rules.role(ofTag: n.pointee.name)
                if role.separatesWords { writer.requestSpace() }
                if role != .drop && role != .script, let child = n.pointee.children {
                    current = child
                    continue
                }
            }
            var walker = n
            current = nil
            while true {
                if walker.pointee.type == XML_ELEMENT_NODE, rules.role(ofTag: walker.pointee.name).separatesWords {
                    writer.requestSpace()
                }
                if let next = walker.pointee.next { current = next; break }
                guard let up = walker.pointee.parent, up != node else { break }
                walker = up
            }
        }
        if writer.out.count > limit { writer.out.removeSubrange(limit...) }
        out.append(contentsOf: writer.out)
    }

    static func collapsedText(of node: HTMLNodePointer, limit: Int) -> String? {
        var bytes: [UInt8] = []
        appendCollapsedText(of: node, to: &bytes, limit: limit)
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// An attribute value with whitespace collapsed and trimmed; `nil` when absent or blank.
    static func attributeString(_ node: HTMLNodePointer, _ name: StaticString) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if htmlCStringEquals(a.pointee.name, name) {
                guard let v = a.pointee.children?.pointee.content else { return nil }
                return trimmedString(v)
            }
            attr = a.pointee.next
        }
        return nil
    }

    static func trimmedString(_ value: UnsafePointer<UInt8>) -> String? {
        var writer = HTMLTextWriter()
        writer.append(value)
        return writer.out.isEmpty ? nil : String(decoding: writer.out, as: UTF8.self)
    }

    static func startsWith(_ p: UnsafePointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        for k in 0..<bytes.count where p[k] != bytes[k] { return false }
        return true
    }

    /// `startsWith` for lower-case `bytes`, ignoring the case of ASCII letters in `p`.
    static func startsWithIgnoringCase(_ p: UnsafePointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        for k in 0..<bytes.count {
            let b = p[k] >= 0x41 && p[k] <= 0x5A ? p[k] | 0x20 : p[k]
            if b != bytes[k] { return false }
        }
        return true
    }

    /// Equal after ASCII lowercasing and ignoring everything that is not a letter or digit.
    static func looselyEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var i = 0, j = 0
        while true {
            while i < a.count && !isWordByte(a[i]) { i += 1 }
            while j < b.count && !isWordByte(b[j]) { j += 1 }
            if i == a.count || j == b.count { return i == a.count && j == b.count }
            if htmlLowercasedByte(a[i]) != htmlLowercasedByte(b[j]) { return false }
            i += 1; j += 1
        }
    }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }

    /// `true` for `display: none` in a style attribute.
    private func styleHidesElement(_ value: UnsafePointer<UInt8>) -> Bool {
        let display: [UInt8] = Array("display".utf8)
        var p = value
        while p.pointee != 0 {
            if htmlLowercasedByte(p.pointee) == 0x64 {
                var same = true
                for k in 0..<display.count where htmlLowercasedByte(p[k]) != display[k] { same = false; break }
                if same {
                    var q = p + display.count
                    while q.pointee == 0x20 { q += 1 }
                    if q.pointee == 0x3A {
                        q += 1
                        while q.pointee == 0x20 { q += 1 }
                        if htmlLowercasedByte(q[0]) == 0x6E && htmlLowercasedByte(q[1]) == 0x6F
                            && htmlLowercasedByte(q[2]) == 0x6E && htmlLowercasedByte(q[3]) == 0x65 { return true }
                    }
                    return false
                }
            }
            p += 1
        }
        return false
    }
}

/// `true` when the NUL-terminated `p` equals `s` exactly.
@inline(__always)
func htmlCStringEquals(_ p: UnsafePointer<UInt8>, _ s: StaticString) -> Bool {
    let q = s.utf8Start
    let n = s.utf8CodeUnitCount
    for k in 0..<n where p[k] != q[k] { return false }
    return p[n] == 0
}

/// `true` when the NUL-terminated `p` equals lowercase `s` ignoring ASCII case and surrounding spaces.
func htmlCStringEqualsIgnoringCase(_ p: UnsafePointer<UInt8>, _ s: StaticString) -> Bool {
    var p = p
    while p.pointee == 0x20 { p += 1 }
    let q = s.utf8Start
    let n = s.utf8CodeUnitCount
    for k in 0..<n where htmlLowercasedByte(p[k]) != q[k] { return false }
    var r = p + n
    while r.pointee == 0x20 { r += 1 }
    return r.pointee == 0
}

/// Per-document memo of class/id classifications, keyed by a 64-bit hash of the attribute value.
struct ClassificationCache {
    private var keys = [UInt64](repeating: 0, count: 512)
    private var values = [UInt32](repeating: 0, count: 512)
    private var count = 0

    func value(for hash: UInt64) -> UInt32? {
        let key = hash | 1
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key >> 7) & mask
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ value: UInt32, for hash: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = hash | 1
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key >> 7) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [UInt32](repeating: 0, count: oldKeys.count * 2)
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { insert(v, for: k) }
    }
}

/// Builds output text from text-node bytes: collapses whitespace, turns no-break and other
/// Unicode spaces into spaces, and places line, paragraph and table-cell breaks lazily.
struct HTMLTextWriter {
    var out: [UInt8] = []
    private var pendingBreak = 0
    private var pendingSpace = false
    private var pendingCell = false
    private var lineHasText = false
    private var breakFromBR = false

    /// Asks for a line (1) or paragraph (2) break before the next text.
    @inline(__always)
    mutating func requestBreak(_ level: Int) {
        if level > pendingBreak { pendingBreak = level }
        pendingCell = false
        breakFromBR = false
    }

    /// A `<br>`: a line break, or a paragraph break when it follows another `<br>` with no text between.
    mutating func lineBreakTag() {
        if pendingBreak >= 1 && breakFromBR { pendingBreak = 2 } else { requestBreak(1) }
        breakFromBR = true
    }

    /// Asks for a space before the next text (ignored at the start).
    @inline(__always)
    mutating func requestSpace() { pendingSpace = true }

    /// A table cell starts: separate it from text already on the same line.
    mutating func startCell() {
        if lineHasText && pendingBreak == 0 { pendingCell = true }
    }

    @inline(__always)
    private mutating func flushPending() {
        if !out.isEmpty {
            if pendingBreak == 2 { out.append(0x0A); out.append(0x0A); lineHasText = false }
            else if pendingBreak == 1 { out.append(0x0A); lineHasText = false }
            else if pendingCell { out.append(0x20); out.append(0x7C); out.append(0x20) }
            else if pendingSpace { out.append(0x20) }
        }
        pendingBreak = 0
        pendingSpace = false
        pendingCell = false
        breakFromBR = false
        lineHasText = true
    }

    /// Appends the NUL-terminated UTF-8 text at `text`.
    mutating func append(_ text: UnsafePointer<UInt8>) {
        var p = text
        while true {
            let b = p.pointee
            if b == 0 { return }
            if b <= 0x20 {
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C { pendingSpace = true }
                p += 1
                continue
            }
            if b == 0xC2 {
                if p[1] == 0xA0 { pendingSpace = true; p += 2; continue }
                if p[1] == 0xAD { p += 2; continue }                       // soft hyphen
            } else if b == 0xE2 && p[1] == 0x80 {
                let c = p[2]
                if c >= 0x80 && c <= 0x8A || c == 0xAF { pendingSpace = true; p += 3; continue }   // en/em/thin spaces
                if c >= 0x8B && c <= 0x8D { p += 3; continue }                                     // zero-width
            } else if b == 0xE3 && p[1] == 0x80 && p[2] == 0x80 {
                pendingSpace = true; p += 3; continue                                              // ideographic space
            } else if b == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
                p += 3; continue                                                                   // stray BOM
            }
            flushPending()
            // Copy the run of ordinary bytes (single spaces included) that starts here in one go.
            var q = p + 1
            while true {
                let c = q.pointee
                if c > 0x20 && c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF { q += 1; continue }
                if c == 0x20 {
                    let d = q[1]
                    if d > 0x20 && d != 0xC2 && d != 0xE2 && d != 0xE3 && d != 0xEF { q += 2; continue }
                }
                break
            }
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: q - p))
            p = q
        }
    }
}

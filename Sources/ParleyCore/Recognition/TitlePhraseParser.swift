/// Parses a title phrase — `Ambassador of China to Azerbaijan`, `Deputy Chairman of New Azerbaijan
/// Party and Head of the Central Administration of Azerbaijan`, `Chinese Vice Premier`,
/// `Minister of the International Department of the CPC Central Committee (IDCPC)` — into the titles
/// it states, the organization and the country it gives its holder.
public struct TitlePhrase: Sendable {
    public var range: Range<Int>
    public var titles: [String]
    public var organization: Int?
    public var country: String?
    public var isHeadOfState: Bool
}

/// Finds title phrases at a token position (see `TitlePhrase`).
public struct TitlePhraseParser: Sendable {
    static let complementWords: Set<String> = ["of", "to", "for", "at", "in", "on"]

    /// The title entry of a title gazetteer hit starting at `i` (capitalised unless `anyCase`).
    static func titleMatch(_ c: ExtractionContext, at i: Int, end: Int, anyCase: Bool) -> (Range<Int>, Int)? {
        let m: PhraseIndex.Match?
        if let g = c.match(at: i), g.range.lowerBound == i { m = g }
        else if anyCase { m = c.lexicons.index.longestMatch(in: c.tokens, at: i, limit: end, anyCase: true) }
        else { m = nil }
        guard let match = m, match.range.upperBound <= end else { return nil }
        for h in match.hits { if case .title(let t) = h { return (match.range, t) } }
        return nil
    }

    static func orgMention(_ c: ExtractionContext, at i: Int) -> OrganizationMention? {
        c.organizationMentionAt[i].map { c.organizationMentions[$0] }
    }

    static func countryAt(_ c: ExtractionContext, _ i: Int) -> CountryMention? {
        c.countryMentionAt[i].map { c.countryMentions[$0] }
    }

    /// Parses a title phrase beginning at `start` (which may be a country adjective such as `Chinese`).
    static func parse(_ c: ExtractionContext, at start: Int, end: Int, anyCase: Bool = false) -> TitlePhrase? {
        var i = start
        var country: String?
        var org: Int?
        var headOfState = false
        if let cm = countryAt(c, i), cm.isAdjective || c.tokens[cm.tokens.upperBound < end ? cm.tokens.upperBound : i].isCapitalized {
            country = cm.iso3
            i = cm.tokens.upperBound
        } else if let cm = countryAt(c, i), !cm.isAdjective, cm.tokens.upperBound + 1 < end, c.tokens[cm.tokens.upperBound].key == "'s",
                  titleMatch(c, at: cm.tokens.upperBound + 1, end: end, anyCase: anyCase) != nil {
            // "Kuwait's Crown Prince", "Saudi Arabia's Foreign Minister"
            country = cm.iso3
            i = cm.tokens.upperBound + 1
        }
        guard i < end, let (first, firstTitle) = titleMatch(c, at: i, end: end, anyCase: anyCase) else { return nil }
        let titleStart = i
        var pieces: [Range<Int>] = []
        var pieceStart = i
        i = first.upperBound
        headOfState = c.lexicons.titles[firstTitle].isHeadOfState
        var rank = c.lexicons.titles[firstTitle].rank
        var hadComplement = false
        _ = rank
        loop: while i < end {
            let t = c.tokens[i]
            // Consecutive title words: "Foreign Minister", "Vice Chairman".
            if let (r, ti) = titleMatch(c, at: i, end: end, anyCase: anyCase) {
                // "Minister of Foreign Affairs Prince Faisal", "Chief of Police Brigadier General X", "Prime Minister Prime
                // Minister": a royal or military rank after the office's complement, right before the name, or the same
                // title again, is the holder's rank or a repetition, not part of the office.
                if hadComplement && ["royal", "military"].contains(c.lexicons.titles[ti].category)
                    && NameShape.span(c, at: r.upperBound, end: end) != nil || r.lowerBound == first.upperBound && c.text(r) == c.text(first) { break loop }
                i = r.upperBound
                headOfState = headOfState || c.lexicons.titles[ti].isHeadOfState
                rank = min(rank, c.lexicons.titles[ti].rank)
                continue
            }
            if complementWords.contains(t.key), i + 1 < end {
                // "the visit of the President of Kenya to Ghana": only an envoy's office goes "to" a country.
                if t.key == "to", !PersonCountryInference.isDiplomatTitle(c.text(titleStart..<i)) { break loop }
                var k = i + 1
                if c.tokens[k].key == "the", k + 1 < end { k += 1 }
                if let om = orgMention(c, at: k) ?? orgMention(c, at: i + 1) {
                    org = org ?? om.organization
                    country = country ?? c.organizations[om.organization].country
                    i = om.tokens.upperBound
                    // (IDCPC)
                    if i + 2 < end, c.tokens[i].key == "(", c.tokens[i + 2].key == ")" { i += 3 }
                    hadComplement = true; continue
                }
                if let cm = countryAt(c, k) {
                    // "Ambassador to Ruritania", "Special Envoy on Ruritania": the country the office deals with, not the holder's.
                    if !["to", "in", "on", "for"].contains(t.key) { country = country ?? cm.iso3 }
                    i = cm.tokens.upperBound
                    hadComplement = true; continue
                }
                if let p = c.placeMentionAt[k].map({ c.placeMentions[$0] }) {
                    i = p.tokens.upperBound
                    hadComplement = true; continue
                }
                // Words that cannot start a name: "of Foreign Affairs", "for Asian Affairs".
                var j = k
                // An honorific ("Sheikh", "Dato'") opens the holder's name, not a portfolio word.
                func isOrgWord(_ x: Int) -> Bool {
                    let w = c.tokens[x]
                    return w.kind == .word && w.isCapitalized && !w.classes.isDisjoint(with: [.nonName, .orgHead])
                        && titleMatch(c, at: x, end: end, anyCase: false) == nil
                        && !(c.match(at: x).map { m in m.range.lowerBound == x && m.hits.contains(.honorific) } ?? false)
                }
                while j < end {
                    if isOrgWord(j) { j += 1; continue }
                    // "International Co-operation"
                    if j > k, c.tokens[j].isCapitalized, NameShape.isHyphenatedCommonWord(c, j), j + 3 <= end { j += 3; continue }
                    if j > k, ["and", "of", "for", "the"].contains(c.tokens[j].key), j + 1 < end, isOrgWord(j + 1) { j += 1; continue }
                    break
                }
                if j > k { i = j; hadComplement = true; continue }
                // "Minister of Commerce Wang Wentao": one portfolio word before a two-word name.
                var run = k
                while run < end, c.tokens[run].kind == .word, c.tokens[run].isCapitalized, !c.claimed[run] { run += 1 }
                if run - k >= 3, titleMatch(c, at: k, end: end, anyCase: false) == nil { i = k + 1; continue }
                break loop
            }
            // "and Head of …", "- Head of …"
            if t.key == "and" || t.key == "-" || t.key == "&", i + 1 < end {
                var k = i + 1
                if let cm = countryAt(c, k), cm.isAdjective { k = cm.tokens.upperBound }
                if titleMatch(c, at: k, end: end, anyCase: anyCase) != nil {
                    if t.key == "and" { pieces.append(pieceStart..<i); pieceStart = k }
                    i = k
                    hadComplement = false
                    continue
                }
            }
            break
        }
        pieces.append(pieceStart..<i)
        var titles: [String] = []
        for p in pieces where !p.isEmpty {
            var text = c.text(p)
            // Drop an acronym defined at the end ("… Central Committee (IDCPC)"); one inside the name as printed stays
            // ("… Communist Party of China (CPC) Central Committee").
            text = text.trimmingSpaces()
            while text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
                var before = text[..<open]
                while before.last == " " { before = before.dropLast() }
                text = String(before)
            }
            text = text.trimmingSpaces()
            while let last = text.last, last == "," || last == "-" || last == " " { text.removeLast() }
            if !text.isEmpty { titles.append(text) }
        }
        // A lone rank word without complement ("Member") is too weak to be a title.
        guard !titles.isEmpty else { return nil }
        _ = titleStart
        return TitlePhrase(range: start..<i, titles: titles, organization: org, country: country, isHeadOfState: headOfState)
    }
}

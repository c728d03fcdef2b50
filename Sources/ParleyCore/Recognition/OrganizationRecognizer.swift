/// Recognises organizations: known ones from the gazetteer (with their acronyms), compositional names
/// built around a head word (`International Department of the CPC Central Committee`, `Ministry of
/// Foreign Affairs of Viet Nam`, `Embassy of China in Azerbaijan`), acronyms defined inline
/// (`... Committee (IDCPC)`), and "the Party" as a reference to the party last named.
public struct OrganizationRecognizer: PipelineStage {
    public let name = "organizations"
    static let connectors: Set<String> = ["of", "for", "on", "and", "the", "in", "with", "&", "to"]
    static let genericWords: Set<String> = ["central", "national", "general", "main", "international", "foreign", "external",
                                            "federal", "state", "supreme", "standing", "permanent", "political", "executive",
                                            "new", "joint", "special", "high", "higher", "local", "regional", "provincial", "municipal"]
    public init() {}

    public func run(_ context: inout ExtractionContext) {
        for s in context.sentences where !context.layout.chromeSentences.contains(s.index) {
            var i = s.tokenRange.lowerBound
            let end = s.tokenRange.upperBound
            while i < end {
                // Organization names and titles start with a capital, a number or "the".
                if !context.tokens[i].flags.contains(.capitalized), context.tokens[i].kind != .number, context.tokens[i].key != "the" {
                    i += 1
                    continue
                }
                if let title = titleRange(context, at: i, end: end) {
                    i = title.upperBound
                    continue
                }
                if let r = phrase(context, at: i, end: end),
                   s.index >= context.layout.bodyStartSentence || isKnownExactly(context, r) {
                    let org = record(context: &context, range: r)
                    context.organizationMentions.append(OrganizationMention(tokens: r, organization: org))
                    i = r.upperBound
                    i = defineAcronym(context: &context, after: i, end: end, org: org, phrase: r)
                    context.indexMentions()
                    continue
                }
                i += 1
            }
        }
        // Acronyms defined inline, used later on their own.
        if !context.definedAcronyms.isEmpty {
            let covered = Set(context.organizationMentions.flatMap { Array($0.tokens) })
            for (k, t) in context.tokens.enumerated() where t.isAllCaps && !covered.contains(k) {
                if let org = context.definedAcronyms[t.key] {
                    context.organizationMentions.append(OrganizationMention(tokens: k..<(k + 1), organization: org))
                }
            }
            context.organizationMentions.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        }
        // Party organs named only inside a member's title ("member of the Political Bureau of the CPC Central
        // Committee") describe an office, not a body acting in the story.
        for o in context.organizations.indices where Self.isPartyOrgan(context.organizations[o].name) {
            let mentions = context.organizationMentions.filter { $0.organization == o }
            if !mentions.isEmpty, mentions.allSatisfy({ m in
                let k = m.tokens.lowerBound
                return k >= 1 && context.tokens[k - 1].key == "of" || k >= 2 && context.tokens[k - 1].key == "the" && context.tokens[k - 2].key == "of"
            }) {
                context.organizations[o].isListed = false
            }
        }
        context.indexMentions()
    }

    static let organPrefixes: [String] = ["central committee", "political bureau", "politburo", "polit bureau", "standing committee of the political bureau",
                                          "secretariat of the", "presidium", "cc of"]

    /// Whether an organization's name is that of a party organ (its central committee, political bureau, secretariat).
    static func isPartyOrgan(_ name: String) -> Bool {
        let key = TextNormalizer.fold(name)
        return organPrefixes.contains { key.hasPrefix($0) } || key.hasSuffix(" politburo") || key.hasSuffix(" central committee")
            && !key.contains("department")
    }

    func isKnownExactly(_ c: ExtractionContext, _ r: Range<Int>) -> Bool {
        guard let m = c.match(at: r.lowerBound), m.range == r else { return false }
        return knownOrganization(m) != nil
    }

    func titleRange(_ c: ExtractionContext, at i: Int, end: Int) -> Range<Int>? {
        guard let m = c.match(at: i), m.range.lowerBound == i, m.hits.contains(where: { if case .title = $0 { return true }; return false }),
              !m.hits.contains(where: { if case .organization = $0 { return true }; return false }) else { return nil }
        return m.range
    }

    /// Length of an organization head word starting at `i` (`Party`, `News Agency`), or 0.
    func headLength(_ c: ExtractionContext, at i: Int, end: Int) -> Int {
        let t = c.tokens[i]
        guard t.kind == .word, t.isCapitalized, !t.classes.isDisjoint(with: [.orgHead, .orgHeadFirst]) else { return 0 }
        if i + 1 < end, c.tokens[i + 1].isCapitalized, t.classes.contains(.orgHeadFirst),
           c.lexicons.orgHeads[t.key + " " + c.tokens[i + 1].key] != nil { return 2 }
        return t.classes.contains(.orgHead) ? 1 : 0
    }

    func knownOrganization(_ m: PhraseIndex.Match) -> Int? {
        for h in m.hits { if case .organization(let o) = h { return o } }
        return nil
    }

    func isPlaceOrCountry(_ m: PhraseIndex.Match) -> Bool {
        m.hits.contains { switch $0 { case .country, .demonym, .place: return true; default: return false } }
    }

    /// The organization phrase starting at `i`, if one does.
    func phrase(_ c: ExtractionContext, at start: Int, end: Int) -> Range<Int>? {
        let tokens = c.tokens
        var i = start
        if tokens[i].key == "the" { i += 1 }
        // "This Congress", "Our embassy": a demonstrative or possessive names a body only by reference.
        else if tokens[i].classes.contains(.determiner) { return nil }
        // "A Mission of the Socialist International": an article opening a sentence is not part of the name.
        else if ["a", "an"].contains(tokens[i].key), i + 1 < end, tokens[i + 1].isCapitalized { i += 1 }
        // "According to the Ministry …", "During the Session …": a sentence's opening word is not part of a name
        // (the body, if any, is found from the next capitalised word on).
        else if Self.isLeadIn(c, tokens[i]) { return nil }
        // "Heads of Mission", "Members of the European Parliament": office holders in the plural are not the body.
        if i + 1 < end, tokens[i].classes.contains(.pluralHolder), tokens[i + 1].key == "of" { return nil }
        // "Session of the … Commission", "5th Meeting of …", "IV Meeting of …", "Third UN …": the gathering and its
        // ordinal are not part of the body's name.
        while i + 1 < end, tokens[i].kind == .number || tokens[i].classes.contains(.gathering) || tokens[i].key == "round"
                || Self.isOrdinal(tokens[i]) && numbersAGatheringOrBody(c, at: i + 1) {
            // "Council of Europe", "Assembly of Experts": a known body whose name opens with a gathering word.
            if let m = c.match(at: i), m.range.lowerBound == i, knownOrganization(m) != nil { break }
            if tokens[i + 1].key == "of" { i += 2; if i < end, tokens[i].key == "the" { i += 1 }; break }
            if Self.isOrdinal(tokens[i]) { i += 1 } else { break }
        }
        guard i < end, tokens[i].isCapitalized || tokens[i].kind == .number else { return nil }
        let first = i
        var j = i
        var ownHead = false          // a head word outside any known organization
        var knownInside: Range<Int>? = nil
        var lastGoodEnd: Int? = nil
        var lastWasHead = false
        var brokeOnName = false
        var qualifierStart: Int?
        while j < end {
            let t = tokens[j]
            if let m = c.match(at: j), m.range.lowerBound == j {
                if knownOrganization(m) != nil {
                    if knownInside == nil { knownInside = m.range }
                    j = m.range.upperBound; lastGoodEnd = j; lastWasHead = true; continue
                }
                if isPlaceOrCountry(m) {
                    j = m.range.upperBound
                    if ownHead { lastGoodEnd = j }
                    lastWasHead = ownHead   // "… of the Republic of Kazakhstan Maulen Ashimbayev" ends at the country
                    continue
                }
                // "Patrice Lumumba International Solidarity Association": a body named after a known person opens with the name.
                if j == first, m.hits.contains(where: { if case .person = $0 { return true }; return false }),
                   (m.range.upperBound..<min(end, m.range.upperBound + 4)).first(where: { !tokens[$0].isCapitalized })
                       .map({ k in (m.range.upperBound..<k).contains { headLength(c, at: $0, end: end) > 0 } })
                       ?? (m.range.upperBound..<min(end, m.range.upperBound + 4)).contains { headLength(c, at: $0, end: end) > 0 } {
                    j = m.range.upperBound; lastWasHead = false; continue
                }
                // Titles, honorifics and known people end the phrase.
                if headLength(c, at: j, end: end) == 0 { break }
            }
            let h = headLength(c, at: j, end: end)
            if h > 0 {
                j += h; ownHead = true; lastGoodEnd = j; lastWasHead = true; continue
            }
            // "Communist Party of U.S.A.": a dotted abbreviation goes on the name as one word.
            if t.kind == .word, t.text.utf8.count == 1, t.isCapitalized, j + 2 < end, tokens[j + 1].key == ".", tokens[j + 1].isAttached,
               tokens[j + 2].isAttached, tokens[j + 2].kind == .word, tokens[j + 2].text.utf8.count == 1, !c.claimed[j] {
                var k = j
                while k + 1 < end, tokens[k].kind == .word, tokens[k].text.utf8.count == 1, tokens[k + 1].key == ".", tokens[k + 1].isAttached,
                      k == j || tokens[k].isAttached { k += 2 }
                j = k
                if ownHead || knownInside != nil { lastGoodEnd = j }
                lastWasHead = false
                continue
            }
            // "Ministry of Foreign Affairs O. Ruiz": a single capital and a full stop not followed by another
            // single letter is a person's initial, not part of the name.
            if t.kind == .word, t.text.utf8.count == 1, t.isCapitalized, j > first, j + 1 < end, tokens[j + 1].key == ".",
               !(j + 2 < end && tokens[j + 2].kind == .word && tokens[j + 2].text.utf8.count == 1) {
                break
            }
            // "Revolutionary Communist Party of Britain (Marxist-Leninist)": a bracketed qualifier of capitalised
            // words ends a name (an acronym in brackets defines one instead).
            if t.key == "(", lastGoodEnd == j, let close = (j + 1..<min(end, j + 7)).first(where: { tokens[$0].key == ")" }), close > j + 1,
               (j + 1..<close).allSatisfy({ tokens[$0].isCapitalized && tokens[$0].kind == .word || tokens[$0].key == "-" }),
               !(j + 1..<close).contains(where: { tokens[$0].kind == .word && tokens[$0].isAllCaps }),
               c.match(at: j + 1) == nil {
                qualifierStart = j
                j = close + 1; lastGoodEnd = j
                break
            }
            if t.kind == .word && (t.isCapitalized || t.isAllCaps) {
                if t.classes.contains(.calendar) || c.claimed[j] { break }
                if lastWasHead {
                    // "Party Central Committee" continues; "Committee Liu Jianchao" does not.
                    var k = j
                    var found = false
                    // "ANC Women's League": a possessive inside the name is no break.
                    while k < min(end, j + 4), tokens[k].isCapitalized || (k > j && tokens[k].key == "'s" && tokens[k].isAttached) {
                        if headLength(c, at: k, end: end) > 0 { found = true; break }
                        k += 1
                    }
                    if !found { brokeOnName = true; break }
                }
                j += 1; lastWasHead = false; continue
            }
            if t.kind == .number, j > first, tokens[j - 1].isCapitalized { j += 1; continue }
            if t.key == "in", !(j > 0 && ["embassy", "consulate", "mission", "office", "delegation"].contains(tokens[j - 1].key)
                                 || j > 2 && ["embassy", "consulate", "mission"].contains(tokens[j - 3].key)) {
                // "Ruritanian Residents Union in Ghana": a body of one country's people in another keeps the country in its name
                // when its head word ends right before it.
                if lastWasHead, j + 1 < end, let m = c.match(at: j + 1), m.range.lowerBound == j + 1,
                   m.hits.contains(where: { if case .country = $0 { return true }; return false }),
                   m.range.upperBound >= end || !tokens[m.range.upperBound].isCapitalized {
                    j = m.range.upperBound; lastGoodEnd = j; lastWasHead = false
                    break
                }
                break
            }
            if t.key == "and", j + 1 < end, tokens[j + 1].key == "the" { break }
            // "Government of Maldives and Government of Japan", "the Foreign Ministry and Chongqing Municipality":
            // a complete name, "and", then another body's head word: two organizations.
            if t.key == "and", lastGoodEnd == j, j + 1 < end, startsAnotherBody(c, at: j + 1, end: end) { break }
            if t.classes.contains(.orgConnector), j + 1 < end {
                let n = tokens[j + 1]
                if n.isCapitalized || (n.key == "the" && j + 2 < end && tokens[j + 2].isCapitalized) { j += 1; lastWasHead = false; continue }
            }
            if (t.key == "-" || t.key == "'s") && t.isAttached && j + 1 < end && tokens[j + 1].isAttached && tokens[j + 1].isCapitalized { j += 1; continue }
            if t.key == "'s" && t.isAttached { j += 1; continue }
            // "International Department of the Communist Party of China (CPC) Central Committee": an acronym in
            // brackets inside a name that goes on.
            if t.key == "(", j + 3 < end, tokens[j + 1].isAllCaps, tokens[j + 2].key == ")", tokens[j + 3].isCapitalized,
               headLength(c, at: j + 3, end: end) > 0 || (j + 4 < end && headLength(c, at: j + 4, end: end) > 0) {
                j += 3; lastWasHead = false; continue
            }
            break
        }
        guard ownHead || knownInside != nil else { return nil }
        // "Lena Novak of the Ruritanian Labour Party": two or three plain capitalised words before "of"
        // are a person's name, and the organization starts after it.
        if let of = (first..<j).first(where: { tokens[$0].key == "of" }), (2...3).contains(of - first),
           (first..<of).allSatisfy({ k in tokens[k].kind == .word && tokens[k].isCapitalized && !tokens[k].isAllCaps
               && headLength(c, at: k, end: end) == 0 && !tokens[k].classes.contains(.orgGeneric) && c.match(at: k) == nil }) {
            return phrase(c, at: of + 1, end: end)
        }
        // "(Counsellor for) Cultural and Academic Affairs of the Kenyan Embassy": a portfolio of capitalised words
        // joined by "and", with no head word of its own before "of", is no part of the body after it.
        if let of = (first..<j).first(where: { tokens[$0].key == "of" }), of - first >= 3,
           (first..<of).contains(where: { tokens[$0].key == "and" || tokens[$0].key == "&" }),
           (first..<of).allSatisfy({ k in ["and", "&", ","].contains(tokens[k].key) || tokens[k].kind == .word && tokens[k].isCapitalized
               && !tokens[k].isAllCaps && headLength(c, at: k, end: end) == 0 && c.match(at: k) == nil }) {
            return phrase(c, at: of + 1, end: end)
        }
        var stop = brokeOnName ? (lastGoodEnd ?? j) : max(j, lastGoodEnd ?? j)
        while stop > first, tokens[stop - 1].classes.contains(.orgConnector) || tokens[stop - 1].key == "'s" || tokens[stop - 1].key == "-" { stop -= 1 }
        guard stop > first else { return nil }
        if !ownHead, let k = knownInside {
            // "Communist Party of Britain (Marxist-Leninist)": a qualifier makes another body of a known name.
            if let q = qualifierStart, q == k.upperBound { return first..<stop }
            // "Revolutionary Communist Party of Britain": a capitalised word of its own before a known name is another body.
            let lead = first..<k.lowerBound
            let sentenceStart = c.sentences[c.sentenceOfToken[first]].tokenRange.lowerBound
            if (1...2).contains(lead.count), first > sentenceStart, k.upperBound == stop || k.upperBound == qualifierStart, lead.allSatisfy({ t in
                tokens[t].kind == .word && tokens[t].isCapitalized && !tokens[t].isAllCaps && c.match(at: t) == nil
                    && tokens[t].classes.isDisjoint(with: [.orgGeneric, .headlineVerb])
            }) {
                return first..<stop
            }
            return k
        }
        // Heads only inside a known organization: "Delegation of New Azerbaijan Party" is that party.
        if let k = knownInside, !hasOwnHead(c, first..<stop, excluding: k) { return k }
        // Generic words only (a sub-unit named without its own identity) still form a phrase; record() decides.
        return first..<stop
    }

    /// Whether a body's own name starts at `k`: a head word, or a place or country and then a head word
    /// within two words ("Chongqing Municipality", "Japanese Government").
    func startsAnotherBody(_ c: ExtractionContext, at k: Int, end: Int) -> Bool {
        if headLength(c, at: k, end: end) > 0 { return true }
        var next = k
        if let m = c.match(at: k), m.range.lowerBound == k, isPlaceOrCountry(m) { next = m.range.upperBound }
        else if c.tokens[k].isCapitalized { next = k + 1 } else { return false }
        return (next..<min(end, next + 2)).contains { headLength(c, at: $0, end: end) > 0 && c.tokens[$0].isCapitalized }
    }

    static let determiners: Set<String> = ["this", "that", "these", "those", "our", "your", "their", "its", "his", "her"]
    static let partyOrgans: Set<String> = ["committee", "central committee", "bureau", "political bureau", "politburo", "secretariat", "presidium", "board"]
    static let governmentHeads: Set<String> = ["ministry", "embassy", "presidency", "consulate", "high commission", "foreign office"]

    static let organWords: Set<String> = ["central", "committee", "political", "polit", "bureau", "politburo", "secretariat",
                                          "presidium", "standing", "executive", "national", "of", "the", "cc", "c", ".", "board", "directors"]

    /// The party a phrase made of party organs names: what is left when the organ words are taken off both ends.
    static func partyInsideOrgans(_ tokens: [Token], _ r: Range<Int>) -> Range<Int>? {
        var a = r.lowerBound, b = r.upperBound
        while a < b, organWords.contains(tokens[a].key) { a += 1 }
        while b > a, organWords.contains(tokens[b - 1].key) || tokens[b - 1].key == "'s" { b -= 1 }
        guard a < b, a..<b != r, tokens[a].isCapitalized || tokens[a].isAllCaps else { return nil }
        return a..<b
    }

    /// The head words of a phrase that are not inside a known organization's name.
    func ownHeadKeys(_ c: ExtractionContext, _ r: Range<Int>) -> [String] {
        var out: [String] = []
        var i = r.lowerBound
        while i < r.upperBound {
            if let m = c.match(at: i), m.range.lowerBound == i, knownOrganization(m) != nil { i = m.range.upperBound; continue }
            let h = headLength(c, at: i, end: r.upperBound)
            if h > 0 {
                let prev = i > r.lowerBound ? c.tokens[i - 1].key : ""
                var key = h == 2 ? c.tokens[i].key + " " + c.tokens[i + 1].key : c.tokens[i].key
                if key == "committee", prev == "central" { key = "central committee" }
                if key == "bureau", prev == "political" { key = "political bureau" }
                out.append(key)
                i += h
                continue
            }
            i += 1
        }
        return out
    }

    func hasOwnHead(_ c: ExtractionContext, _ r: Range<Int>, excluding k: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            if k.contains(i) { i = k.upperBound; continue }
            // "(Secretary of) Organization of the Workers' Party of Ruritania": a portfolio of the party, not another body.
            if ["organization", "organisation"].contains(c.tokens[i].key), i + 1 < r.upperBound, c.tokens[i + 1].key == "of",
               k.lowerBound == i + 2 || (k.lowerBound == i + 3 && c.tokens[i + 2].key == "the") { i += 1; continue }
            // "A Mission of the Socialist International": a party's or an international body's mission is that body acting.
            if ["mission", "missions"].contains(c.tokens[i].key), i + 1 < r.upperBound, c.tokens[i + 1].key == "of",
               k.lowerBound == i + 2 || (k.lowerBound == i + 3 && c.tokens[i + 2].key == "the"),
               let m = c.match(at: k.lowerBound), let known = knownOrganization(m),
               [.party, .international].contains(c.lexicons.organizations[known].kind) { i += 1; continue }
            // "the Presidency of G20": the term of office of an international body's chair is that body.
            if ["presidency", "chairmanship"].contains(c.tokens[i].key), i + 1 < r.upperBound, c.tokens[i + 1].key == "of",
               k.lowerBound == i + 2 || (k.lowerBound == i + 3 && c.tokens[i + 2].key == "the"),
               let m = c.match(at: k.lowerBound), let known = knownOrganization(m),
               c.lexicons.organizations[known].kind == .international { i += 1; continue }
            if headLength(c, at: i, end: r.upperBound) > 0 { return true }
            i += 1
        }
        return false
    }

    /// The gazetteer organization whose acronym is `acronym` and whose full name is written inside the phrase `r`
    /// (without being the whole phrase).
    func knownBody(_ c: ExtractionContext, inside r: Range<Int>, withAcronym acronym: String) -> Int? {
        let acronymKey = TextNormalizer.keys(acronym).joined(separator: " ")
        guard let o = c.lexicons.organizationByKey[acronymKey] else { return nil }
        let entry = c.lexicons.organizations[o]
        guard entry.aliases.contains(acronym) || entry.name == acronym else { return nil }
        let phraseKey = " " + c.tokens[r].map(\.key).joined(separator: " ") + " "
        for form in [entry.name] + entry.aliases where form.count > acronym.count {
            let formKey = TextNormalizer.keys(form).joined(separator: " ")
            if phraseKey != " " + formKey + " ", phraseKey.contains(" " + formKey + " ") { return o }
        }
        return nil
    }

    static let pluralHolders: Set<String> = ["heads", "members", "ministers", "ambassadors", "representatives", "secretaries",
                                             "directors", "chairmen", "chairpersons", "leaders", "officials", "deputies", "envoys", "chiefs"]

    static let wholeBodyOrgans: [String] = ["central committee", "standing committee"]
    static let committeeBytes: [UInt8] = Array("ommittee".utf8)

    /// The gazetteer body whose central committee (or standing committee) the gazetteer entry `o` is: "Central
    /// Committee of the Workers' Party of Ruritania", "Ruritanian Assembly Standing Committee".
    static func parentBody(_ lex: Lexicons, of o: Int) -> Int? {
        // Both organs end in "committee": most names are rejected by a byte search before they are tokenized.
        guard PersonCountryInference.bytes(Array(lex.organizations[o].name.utf8), contain: committeeBytes) else { return nil }
        let key = TextNormalizer.keys(lex.organizations[o].name).joined(separator: " ")
        var rest: String?
        for organ in wholeBodyOrgans {
            if key.hasPrefix(organ + " of the ") { rest = String(key.dropFirst(organ.count + 8)) }
            else if key.hasPrefix(organ + " of ") { rest = String(key.dropFirst(organ.count + 4)) }
            else if key.hasSuffix(" " + organ) { rest = String(key.dropLast(organ.count + 1)) }
            if rest != nil { break }
        }
        guard let r = rest, let parent = lex.organizationByKey[r], parent != o,
              [.party, .legislature].contains(lex.organizations[parent].kind), !isPartyOrgan(lex.organizations[parent].name) else { return nil }
        return parent
    }

    static let governmentQualifiers: Set<String> = ["royal", "interim", "transitional", "caretaker", "coalition", "military", "union",
                                                    "city", "county", "islands", "island", "current", "previous", "incoming", "outgoing"]

    /// Whether a "… Government" phrase opens with a person's name: capitalised words the lexicons do not know
    /// (no country, place or body) and that are no generic qualifier ("Royal", "Federal", "Interim").
    static func isNamedAfterALeader(_ c: ExtractionContext, _ r: Range<Int>) -> Bool {
        var a = r.lowerBound
        if c.tokens[a].key == "the" { a += 1 }
        let last = r.upperBound - 1
        guard a < last, c.tokens[last].key == "government" else { return false }
        for k in a..<last {
            let t = c.tokens[k]
            if t.key == "-", t.isAttached { continue }
            if let m = c.match(at: k), !m.hits.contains(where: { if case .person = $0 { return true }; return false }) { return false }
            guard t.kind == .word, t.isCapitalized, !t.isAllCaps, !genericWords.contains(t.key), !governmentQualifiers.contains(t.key),
                  !c.lexicons.nonNameWords.contains(t.key) else { return false }
        }
        return true
    }

    /// Whether an ordinal before `k` numbers a gathering ("IV Meeting") or a known body's event ("Third UN …"),
    /// not a title ("Second Secretary").
    func numbersAGatheringOrBody(_ c: ExtractionContext, at k: Int) -> Bool {
        if let m = c.match(at: k), m.range.lowerBound == k {
            return knownOrganization(m) != nil && !m.hits.contains { if case .title = $0 { return true }; return false }
        }
        return c.tokens[k].classes.contains(.gathering)
    }

    static let ordinalWords: Set<String> = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                                            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                                            "eighteenth", "nineteenth", "twentieth"]

    /// A number, an ordinal word or a Roman numeral ("5th", "Third", "IV") numbering a gathering or a body's term.
    static func isOrdinal(_ t: Token) -> Bool {
        if t.kind == .number { return true }
        guard t.kind == .word else { return false }
        if t.classes.contains(.ordinal) { return true }
        return t.text.utf8.count >= 2 && t.text.utf8.count <= 5 && t.text.utf8.allSatisfy { $0 == UInt8(ascii: "I") || $0 == UInt8(ascii: "V") || $0 == UInt8(ascii: "X") }
    }

    /// Sentence-opening words ("According", "During", "Meanwhile") that never begin an organization's name.
    static func isLeadIn(_ c: ExtractionContext, _ t: Token) -> Bool {
        t.classes.contains(.sentenceStarter) && !t.classes.contains(.determiner) && !["the", "a", "an", "i"].contains(t.key)
    }

    /// Finds or creates the record for an organization phrase and returns its index.
    func record(context c: inout ExtractionContext, range r: Range<Int>) -> Int {
        let tokens = c.tokens
        // An acronym the release defined for itself ("the Communist Party of Cuba (CPC)") beats the gazetteer's
        // body of that acronym in another country, alone or inside an organ's name ("Central Committee of the CPC").
        if let m = c.match(at: r.lowerBound), m.range == r, let o = knownOrganization(m),
           let defined = r.compactMap({ c.definedAcronyms[tokens[$0].key] }).first,
           c.organizations[defined].known != o, c.organizations[defined].country != c.lexicons.organizations[o].country {
            return defined
        }
        // A known organization matched exactly; a party's central committee or a legislature's standing committee
        // stands for the party or the legislature itself, as annotators list them.
        // "New Komeito Party", "Fidesz Party of Hungary": a known party's name with the word "Party" and / or its own
        // country added is that party.
        let partyAdded: Int? = {
            guard r.count >= 2, let m = c.match(at: r.lowerBound), m.range.lowerBound == r.lowerBound, m.range.upperBound < r.upperBound,
                  let o = knownOrganization(m), c.lexicons.organizations[o].kind == .party else { return nil }
            var k = m.range.upperBound
            if tokens[k].key == "party" { k += 1 }
            if k + 1 < r.upperBound, tokens[k].key == "of" {
                k += 1
                if tokens[k].key == "the", k + 1 < r.upperBound { k += 1 }
                guard let cm = c.match(at: k), cm.range.lowerBound == k, cm.range.upperBound == r.upperBound,
                      cm.hits.contains(where: { if case .country(let x) = $0 { return c.lexicons.countries[x].iso3 == c.lexicons.organizations[o].country }; return false })
                else { return nil }
                k = cm.range.upperBound
            }
            return k == r.upperBound ? o : nil
        }()
        if let matched = partyAdded ?? c.match(at: r.lowerBound).flatMap({ m in m.range == r ? knownOrganization(m) : nil }) {
            let o = Self.parentBody(c.lexicons, of: matched) ?? matched
            let entry = c.lexicons.organizations[o]
            let surface = c.text(r)
            if let existing = c.organizations.firstIndex(where: { $0.known == o }) {
                if TextNormalizer.fold(surface) != TextNormalizer.fold(entry.name), !c.organizations[existing].aliases.contains(surface) {
                    c.organizations[existing].aliases.append(surface)
                }
                return existing
            }
            var rec = OrganizationRecord(name: entry.name, kind: entry.kind, country: entry.country, known: o)
            if TextNormalizer.fold(surface) != TextNormalizer.fold(entry.name) { rec.aliases.append(surface) }
            c.organizations.append(rec)
            return c.organizations.count - 1
        }
        let name = c.text(r)
        let key = TextNormalizer.fold(name)
        if let existing = c.organizations.firstIndex(where: { TextNormalizer.fold($0.name) == key }) { return existing }
        // "Embassy of Ruritania" and "Embassy of Ruritania in Ghana": one mission, named with and without its seat.
        if let existing = c.organizations.firstIndex(where: { o in
            guard o.known == nil, o.kind == .government else { return false }
            let other = TextNormalizer.fold(o.name)
            return key.hasPrefix(other + " in ") || other.hasPrefix(key + " in ")
        }) {
            if !c.organizations[existing].aliases.contains(name) { c.organizations[existing].aliases.append(name) }
            return existing
        }
        // Kind from the last own head word; a party complement makes it a party body.
        var kind: OrganizationKind = .other
        var country: String?
        var party = false
        var generic = true
        var i = r.lowerBound
        while i < r.upperBound {
            if let m = c.match(at: i), m.range.lowerBound == i {
                for h in m.hits {
                    switch h {
                    case .country(let x), .demonym(let x): if country == nil { country = c.lexicons.countries[x].iso3 }; generic = false
                    case .organization(let o):
                        let e = c.lexicons.organizations[o]
                        if country == nil { country = e.country }
                        if e.kind == .party { party = true }
                        generic = false
                    case .place(let p): if country == nil { country = c.lexicons.places[p].country }; generic = false
                    default: break
                    }
                }
                i = m.range.upperBound
                continue
            }
            let h = headLength(c, at: i, end: r.upperBound)
            if h > 0 {
                let k = h == 2 ? tokens[i].key + " " + tokens[i + 1].key : tokens[i].key
                if kind == .other || c.lexicons.orgHeads[k] != .other { kind = c.lexicons.orgHeads[k] ?? .other }
                if tokens[i].key == "party" { party = true }
                i += h
                continue
            }
            if let o = c.definedAcronyms[tokens[i].key] {
                if c.organizations[o].kind == .party { party = true }
                country = country ?? c.organizations[o].country
                generic = false
            } else if tokens[i].isCapitalized, tokens[i].classes.isDisjoint(with: [.orgGeneric, .orgConnector]) {
                generic = false
            }
            i += 1
        }
        if party { kind = .party }
        // "Central Committee of the Communist Party of Vietnam", "PCC Central Committee": the party itself.
        let ownHeads = ownHeadKeys(c, r)
        // "Central Committee of the Tudeh Party of Iran": organs of a party the gazetteer does not know are that party.
        if let first = ownHeads.first, Self.partyOrgans.contains(first),
           let of = r.first(where: { tokens[$0].key == "of" }), of + 1 < r.upperBound {
            let rest = (tokens[of + 1].key == "the" ? of + 2 : of + 1)..<r.upperBound
            let organsBefore = ownHeadKeys(c, r.lowerBound..<of)
            if !rest.isEmpty, !organsBefore.isEmpty, organsBefore.allSatisfy({ Self.partyOrgans.contains($0) }),
               ownHeadKeys(c, rest).contains("party") {
                return record(context: &c, range: rest)
            }
        }
        if !ownHeads.isEmpty, ownHeads.allSatisfy({ Self.partyOrgans.contains($0) }) {
            for m in c.organizationMentions.reversed() where r.contains(m.tokens.lowerBound) { _ = m }
            var k = r.lowerBound
            while k < r.upperBound {
                // "National People's Congress Standing Committee": the organ of a known party or legislature is that body.
                if let m = c.match(at: k), m.range.lowerBound == k, let o = knownOrganization(m), [.party, .legislature].contains(c.lexicons.organizations[o].kind) {
                    return record(context: &c, range: m.range)
                }
                if let o = c.definedAcronyms[tokens[k].key], c.organizations[o].kind == .party { return o }
                k += 1
            }
            // "Central Committee of XYZP", "XYZP Political Bureau": a party the gazetteer does not know, named inside.
            if let inner = Self.partyInsideOrgans(tokens, r) {
                let o = record(context: &c, range: inner)
                if c.organizations[o].kind == .other { c.organizations[o].kind = .party }
                return o
            }
        }
        var rec = OrganizationRecord(name: name.hasPrefix("the ") ? String(name.dropFirst(4)) : name, kind: kind, country: country)
        // "the Central Office of the Party": a unit of a party named elsewhere.
        let lastKeys = tokens[r].suffix(2).map(\.key)
        // "Government of Pakistan", "Hungarian Government": a government, listed like any other actor.
        if ownHeads == ["government"] { rec.kind = .government }
        // "the Morrison Government": a government named after its leader is a term of office, not a body the release lists.
        if ownHeads == ["government"], Self.isNamedAfterALeader(c, r) { rec.isListed = false }
        // "CPC National Congress", "JCP 27th Congress", "Party Congress of the CPI(M)": a party's congress is a gathering, not a body.
        if party, ownHeads.last == "congress" { rec.isListed = false; c.organizations.append(rec); return c.organizations.count - 1 }
        // "the Foreign Ministry", "the Embassy", "the Presidency": a government body the release names by its head word
        // alone is still the body acting in the story.
        let governmentBody = !ownHeads.isEmpty && ownHeads.allSatisfy { Self.governmentHeads.contains($0) }
        if !governmentBody, generic || (lastKeys.first == "the" && c.lexicons.orgHeads[lastKeys.last ?? ""] != nil) {
            rec.isListed = false
            if let p = c.organizationMentions.last(where: { c.organizations[$0.organization].kind == .party && c.organizations[$0.organization].isListed }) {
                rec.country = rec.country ?? c.organizations[p.organization].country
                c.organizations.append(rec)
                return p.organization
            }
        }
        c.organizations.append(rec)
        return c.organizations.count - 1
    }

    /// `(IDCPC)` right after an organization name defines an acronym for it.
    func defineAcronym(context c: inout ExtractionContext, after i: Int, end: Int, org named: Int, phrase r: Range<Int>? = nil) -> Int {
        guard i + 2 < end + 1, i + 2 < c.tokens.count, c.tokens[i].key == "(", c.tokens[i + 2].key == ")" || (i + 3 < end && c.tokens[i + 3].key == ")") else { return i }
        let a = c.tokens[i + 1]
        guard a.isAllCaps || (a.isCapitalized && a.text.count <= 6 && c.tokens[i + 2].key == ")") else { return i }
        let closing = c.tokens[i + 2].key == ")" ? i + 2 : i + 3
        let surface = c.text((i + 1)..<closing)
        // "the Foreign Affairs Department of the Bharatiya Janata Party (BJP)": an acronym that is a known body's own,
        // named inside the phrase, stands for that body, not for the whole phrase.
        var org = named
        if let r, let known = knownBody(c, inside: r, withAcronym: surface), c.organizations[named].known != known {
            if let existing = c.organizations.firstIndex(where: { $0.known == known }) { org = existing } else {
                let e = c.lexicons.organizations[known]
                c.organizations.append(OrganizationRecord(name: e.name, kind: e.kind, country: e.country, known: known))
                org = c.organizations.count - 1
            }
        }
        if !c.organizations[org].aliases.contains(surface) { c.organizations[org].aliases.append(surface) }
        c.definedAcronyms[a.key] = org
        c.organizationMentions.append(OrganizationMention(tokens: (i + 1)..<closing, organization: org))
        return closing + 1
    }
}

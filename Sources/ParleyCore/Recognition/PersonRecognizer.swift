/// Recognises the people of a release from strong evidence: a title before the name (`President Xi
/// Jinping`, `Ambassador of China to Azerbaijan Ms. Guo Min`), an honorific (`Mr.`, `Comrade`, `H.E.`),
/// a title in apposition after it (`Liu Jianchao, Minister of …,`), the known-people gazetteer, or a
/// two-word name acting as the subject of a speech or event verb (`Tahir Budagov said`), or named as
/// the leader of a delegation (`led by …`). Mentions of the same person are merged as they come.
public struct PersonRecognizer: PipelineStage {
    public let name = "people"
    let verbs: Set<String>
    /// First words of the gazetteer's titles, lower case: where a lower-case title phrase may start.
    let titleFirstKeys: Set<String>
    let titleFirstPrefilter: KeyPrefilter
    /// The gazetteer's titles, folded: "prime minister", "consul-general".
    let titleForms: Set<String>
    static let leadWords: Set<String> = ["led", "headed", "chaired", "accompanied", "presided", "hosted", "received"]

    public init(lexicons: Lexicons) {
        var v = lexicons.speechVerbs
        // Verbs that open triggers (not the words that open "to attend", "while attending", "in attendance", "members of the delegation").
        for (k, list) in lexicons.triggers where !["to", "while", "in", "on", "upon", "by", "via", "at", "during", "members", "delegation", "side", "participating", "present", "attending", "for", "among"].contains(k) { if list.contains(where: { $0.option != .nominal }) { v.insert(k) } }
        v.formUnion(["met", "meets", "held", "visited", "received", "led", "headed", "arrived", "paid", "sent", "signed", "attended",
                     "expressed", "hailed", "called", "urged", "thanked", "also", "has", "had", "was", "is", "will", "who", "spoke"])
        verbs = v
        titleFirstKeys = Set(lexicons.titles.compactMap { TextNormalizer.keys($0.title).first })
        titleFirstPrefilter = KeyPrefilter(titleFirstKeys)
        titleForms = Set(lexicons.titles.map { TextNormalizer.fold($0.title) })
    }

    public func run(_ context: inout ExtractionContext) {
        let c = context
        context.nameWordCandidates = c.tokens.indices.map { NameShape.computeNameWord(c, $0) }
        for s in context.sentences where !context.layout.chromeSentences.contains(s.index) {
            var i = s.tokenRange.lowerBound
            let end = s.tokenRange.upperBound
            while i < end {
                if context.claimed[i] { i += 1; continue }
                if let next = recognize(&context, at: i, end: end, sentence: s.index) { i = next } else { i += 1 }
            }
        }
        recognizeSpeakerLabels(&context)
        recognizeNameCountryLines(&context)
        let sentencesWithPeople = Set(context.personMentions.map(\.sentence))
        for s in context.sentences where sentencesWithPeople.contains(s.index) && s.index >= context.layout.bodyStartSentence
            && !context.layout.chromeSentences.contains(s.index) {
            recognizeListMembers(&context, s)
        }
        // "prime ministers A of X, B of Y and C", "Consul-Generals A, B and C": each listed person holds the office.
        for s in context.sentences where sentencesWithPeople.contains(s.index) { givePluralTitle(&context, s) }
        giveHeadingTitle(&context)
        // A public figure the release names without a title holds the gazetteer's first office, when the release's
        // year lies within their years in it.
        if let year = context.referenceDate?.year ?? context.defaultYear {
            for p in context.people.indices where context.people[p].titles.isEmpty {
                guard let k = context.people[p].known, let years = context.lexicons.people[k].years, years.contains(year),
                      let title = context.lexicons.people[k].titles.first else { continue }
                context.people[p].titles = [title]
            }
        }
        // "Ambassadors Lena Novak of Ruritania and Tomas Reyes of Ghana": the country named right after a name is the person's.
        for m in context.personMentions where context.people[m.person].country == nil {
            context.people[m.person].country = Self.countryNamedAfter(context, m.tokens, end: context.tokens.count)
        }
        // "Lena Novak of the Ruritanian Labour Party": the organization named right after a name is the person's.
        for m in context.personMentions where context.people[m.person].organization == nil {
            var k = m.tokens.upperBound
            guard k + 1 < context.tokens.count, context.tokens[k].key == "of" else { continue }
            k += 1
            if context.tokens[k].key == "the" { k += 1 }
            if let om = context.organizationMentionAt[k].map({ context.organizationMentions[$0] }), context.organizations[om.organization].isListed {
                context.people[m.person].organization = om.organization
                if context.people[m.person].country == nil { context.people[m.person].country = context.organizations[om.organization].country }
            }
        }
    }

    /// "Lena Novak of Ruritania", "… of the Philippines": the country named right after a name.
    static func countryNamedAfter(_ c: ExtractionContext, _ nr: Range<Int>, end: Int) -> String? {
        var k = nr.upperBound
        guard k + 1 < end, c.tokens[k].key == "of" else { return nil }
        k += 1
        let at = TitlePhraseParser.countryAt(c, k) ?? (c.tokens[k].key == "the" && k + 1 < end ? TitlePhraseParser.countryAt(c, k + 1) : nil)
        guard let cm = at, !cm.isAdjective else { return nil }
        return cm.iso3
    }

    /// The organization mention of sentence `sentence` that ends right at token `end` ("… Party" before "Chair"), when it
    /// names a body.
    static func organizationEnding(_ c: ExtractionContext, at end: Int, sentence: Int) -> OrganizationMention? {
        let start = c.sentences[sentence].tokenRange.lowerBound
        guard end > start else { return nil }
        // A lone generic word ("Party General Secretary") refers back to some body; it does not name the holder's.
        return c.organizationMentions.first {
            let r = $0.tokens
            return r.upperBound == end && r.lowerBound >= start && c.organizations[$0.organization].isListed
                && !c.personMentions.contains { $0.tokens.overlaps(r) }
                && ($0.tokens.count > 1 || (c.lexicons.orgHeads[c.tokens[$0.tokens.lowerBound].key] == nil && !c.lexicons.nonNameWords.contains(c.tokens[$0.tokens.lowerBound].key)))
        }
    }

    /// The singular of a plural title printed right before token `start` ("prime ministers", "Consul-Generals",
    /// "Ambassadors"), when the gazetteer knows that title.
    func pluralTitle(_ c: ExtractionContext, before start: Int, from lower: Int) -> String? {
        guard start > lower, c.tokens[start - 1].kind == .word, c.tokens[start - 1].key.utf8.last == UInt8(ascii: "s"),
              c.tokens[start - 1].key.utf8.count > 3 else { return nil }
        // The longest title printed: "High Commissioners" is "High Commissioner", not "Commissioner".
        var found: String?
        for k in stride(from: start - 1, through: max(lower, start - 4), by: -1) {
            guard c.tokens[k].kind == .word || c.tokens[k].key == "-" else { break }
            var printed = c.text(k..<start)
            printed.removeLast()
            if titleForms.contains(TextNormalizer.fold(printed)) { found = printed }
        }
        return found
    }

    /// "Ambassadors:" or "These Ambassadors were present:" on a line of its own, then one
    /// person a line (a bullet, "Name (Country)", "H.E. Name of the Republic of …"): each person listed holds the office.
    func giveHeadingTitle(_ c: inout ExtractionContext) {
        var heading: String?
        var mentionsOf: [Int: [Int]] = [:]
        for m in c.personMentions { mentionsOf[m.sentence, default: []].append(m.person) }
        for s in c.sentences where s.index >= c.layout.bodyStartSentence && !c.layout.chromeSentences.contains(s.index) {
            let r = s.tokenRange
            guard !r.isEmpty else { continue }
            let people = Set(mentionsOf[s.index] ?? [])
            if c.tokens[r.upperBound - 1].key == ":" {
                heading = nil
                if people.isEmpty, r.count <= 14 {
                    for k in r { if let t = pluralTitle(c, before: k + 1, from: r.lowerBound) { heading = t; break } }
                }
                continue
            }
            guard let title = heading else { continue }
            // One person a line, or a bulleted list split into one sentence.
            let bulleted = people.count >= 2 && c.text(s.span).contains { $0 == "•" || $0 == "\n" }
            guard people.count == 1 && r.count <= 16 || bulleted else { heading = nil; continue }
            for p in people where c.people[p].titles.isEmpty { c.people[p].titles = [title] }
        }
    }

    /// Gives the singular of a plural title to each person of the list it opens: names joined by commas, "and",
    /// semicolons, bullets, and each one's "of <country or body>".
    func givePluralTitle(_ c: inout ExtractionContext, _ s: Sentence) {
        let mentions = c.personMentions.filter { $0.sentence == s.index }.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        var i = 0
        while i < mentions.count {
            guard let title = pluralTitle(c, before: mentions[i].tokens.lowerBound, from: s.tokenRange.lowerBound) else { i += 1; continue }
            var j = i
            while j < mentions.count {
                if c.people[mentions[j].person].titles.isEmpty { c.people[mentions[j].person].titles = [title] }
                guard j + 1 < mentions.count else { break }
                // Only list glue between two names: "," "and" ";" "•" and an "of (the) <country or body>" after a name.
                let gap = mentions[j].tokens.upperBound..<mentions[j + 1].tokens.lowerBound
                var k = gap.lowerBound
                var glue = true
                while k < gap.upperBound {
                    let key = c.tokens[k].key
                    if [",", "and", ";", "·", "-", "the", "of"].contains(key) { k += 1; continue }
                    if let cm = c.countryMentionAt[k] { k = c.countryMentions[cm].tokens.upperBound; continue }
                    if let om = c.organizationMentionAt[k] { k = c.organizationMentions[om].tokens.upperBound; continue }
                    glue = false; break
                }
                if !glue || gap.count > 12 { break }
                j += 1
            }
            i = j + 1
        }
    }

    /// "SECRETARY KERRY:", "FOREIGN MINISTER WONG:": a transcript's speaker label at the start of a paragraph,
    /// a title in capitals then a surname, names a person (the one of that surname, when the release names them).
    func recognizeSpeakerLabels(_ c: inout ExtractionContext) {
        var paragraph = -1
        for s in c.sentences where s.paragraph != paragraph {
            paragraph = s.paragraph
            let r = s.tokenRange
            guard let colon = (r.lowerBound..<min(r.upperBound, r.lowerBound + 6)).first(where: { c.tokens[$0].key == ":" }),
                  colon - r.lowerBound >= 2,
                  (r.lowerBound..<colon).allSatisfy({ c.tokens[$0].isAllCaps && c.tokens[$0].kind == .word }),
                  titleFirstKeys.contains(c.tokens[r.lowerBound].key) else { continue }
            let label = c.text(r.lowerBound..<colon)
            // The label as written is how the transcript names them.
            if let m = c.personMentions.first(where: { $0.sentence == s.index && $0.tokens.lowerBound < colon }) {
                if !c.people[m.person].aliases.contains(label) { c.people[m.person].aliases.append(label) }
                continue
            }
            let name = (colon - 1)..<colon
            guard NameShape.computeNameWord(c, name.lowerBound), !titleFirstKeys.contains(c.tokens[name.lowerBound].key) else { continue }
            let title = (r.lowerBound..<name.lowerBound).map { c.tokens[$0].text.capitalized }.joined(separator: " ")
            let p = addPerson(&c, name: name, sentence: s.index, evidence: "speaker label", titles: [title])
            if !c.people[p].aliases.contains(label) { c.people[p].aliases.append(label) }
            claim(&c, r.lowerBound..<colon)
        }
    }

    /// "Kwame Mensah (Ghana)" on a line of its own, as lists of accredited envoys print them: a person of that country.
    func recognizeNameCountryLines(_ c: inout ExtractionContext) {
        for s in c.sentences where s.index >= c.layout.bodyStartSentence && !c.layout.chromeSentences.contains(s.index) {
            let r = s.tokenRange
            guard r.count >= 5, r.count <= 12, !c.claimed[r.lowerBound],
                  let (nr, parts, words) = NameShape.span(c, at: r.lowerBound, end: r.upperBound), parts >= 2, words >= 2, parts <= 5,
                  nr.upperBound + 2 < r.upperBound, c.tokens[nr.upperBound].key == "(",
                  let cm = TitlePhraseParser.countryAt(c, nr.upperBound + 1), !cm.isAdjective,
                  cm.tokens.upperBound < r.upperBound, c.tokens[cm.tokens.upperBound].key == ")",
                  (cm.tokens.upperBound + 1..<r.upperBound).allSatisfy({ c.tokens[$0].isPunctuation }) else { continue }
            if let existing = matchExisting(c, nr) {
                mention(&c, existing, nr, sentence: s.index)
            } else {
                addPerson(&c, name: nr, sentence: s.index, evidence: "list", country: cm.iso3)
            }
            claim(&c, nr)
        }
    }

    /// "…comprising Lena Novak, Tomas Reyes, Karim Haddad and Ana Lopes": full names listed next
    /// to a person already recognised are people too (a list of people is rarely mixed with other names).
    func recognizeListMembers(_ c: inout ExtractionContext, _ s: Sentence) {
        let end = s.tokenRange.upperBound
        var changed = true
        while changed {
            changed = false
            // Where the sentence's person mentions start and end.
            var starts = Set<Int>(), ends = Set<Int>()
            for m in c.personMentions where m.sentence == s.index { starts.insert(m.tokens.lowerBound); ends.insert(m.tokens.upperBound) }
            var i = s.tokenRange.lowerBound
            while i < end {
                guard !c.claimed[i], i > s.tokenRange.lowerBound, [",", ";", "and"].contains(c.tokens[i - 1].key),
                      let (nr, parts, words) = NameShape.span(c, at: i, end: end), parts >= 2, words >= 2, parts <= 4,
                      nr.upperBound >= end || [",", "and", ".", ";", "(", ")", "of"].contains(c.tokens[nr.upperBound].key) else { i += 1; continue }
                // The list neighbour before (", ") or after (", " / " and ") is a person.
                func personEnding(at k: Int) -> Bool { ends.contains(k) }
                func personStarting(at k: Int) -> Bool { starts.contains(k) }
                var before = i - 1
                if c.tokens[before].key == "and", before > s.tokenRange.lowerBound, c.tokens[before - 1].key == "," { before -= 1 }
                // "Karim Haddad, Secretary General of …; Lena Novak of …": the neighbour may carry its own apposition.
                if !personEnding(at: before), [";", ","].contains(c.tokens[before].key) {
                    // "Kofi Boateng, member, Central Secretariat, Ama Owusu": an unclaimed apposition of a few
                    // title words counts too.
                    var k = before - 1
                    var unclaimed = 0
                    while k > s.tokenRange.lowerBound, !personEnding(at: k + 1) {
                        if c.claimed[k] || c.tokens[k].key == "," { k -= 1; continue }
                        guard unclaimed < 4, c.tokens[k].isCapitalized || c.tokens[k].classes.contains(.titleFirst) else { break }
                        unclaimed += 1
                        k -= 1
                    }
                    if personEnding(at: k + 1) { before = k + 1 }
                    // "Ana Lopes (Secretary for External Affairs), Kwame Mensah": a bracketed office after the neighbour.
                    else if before > s.tokenRange.lowerBound + 1, c.tokens[before - 1].key == ")",
                            let open = (max(s.tokenRange.lowerBound, before - 14)..<(before - 1)).last(where: { c.tokens[$0].key == "(" }),
                            personEnding(at: open) { before = open }
                }
                // "… Lena Novak of the Ruritanian Labour Party and Tomas Reyes of …": the neighbour's body or country after "of".
                if !personEnding(at: before), let body = c.organizationMentions.last(where: { $0.tokens.upperBound == before })?.tokens
                    ?? c.countryMentions.last(where: { $0.tokens.upperBound == before && !$0.isAdjective })?.tokens {
                    var k = body.lowerBound
                    if k > s.tokenRange.lowerBound, c.tokens[k - 1].key == "the" { k -= 1 }
                    if k > s.tokenRange.lowerBound, c.tokens[k - 1].key == "of", personEnding(at: k - 1) { before = k - 1 }
                }
                let after = nr.upperBound < end && [",", ";", "and"].contains(c.tokens[nr.upperBound].key) ? nr.upperBound + 1 : nil
                let afterStart = after.map { a in a < end && c.tokens[a].key == "and" ? a + 1 : a }
                // In a list separated by semicolons, a person anywhere in the item before counts.
                var segmentHasPerson = false
                if c.tokens[i - 1].key == ";" {
                    var a = i - 2
                    while a > s.tokenRange.lowerBound, c.tokens[a].key != ";" { a -= 1 }
                    segmentHasPerson = starts.contains { (a..<(i - 1)).contains($0) }
                }
                if segmentHasPerson || personEnding(at: before) || afterStart.map(personStarting) == true {
                    addPerson(&c, name: nr, sentence: s.index, evidence: "list")
                    claim(&c, nr)
                    starts.insert(nr.lowerBound)
                    ends.insert(nr.upperBound)
                    changed = true
                }
                i = nr.upperBound
            }
        }
    }

    /// ", Tomas Reyes," at `k`: a full name of two words or more after a comma, ending the clause or followed by
    /// punctuation, a connector or a verb.
    func nameSetOffByComma(_ c: ExtractionContext, at k: Int, end: Int) -> Range<Int>? {
        guard k + 1 < end, c.tokens[k].key == ",", let (nr, parts, _) = NameShape.span(c, at: k + 1, end: end), parts >= 2 else { return nil }
        guard nr.upperBound >= end || [",", ".", ";", ")", "and", "to", "who", "at", "in", "on", "including", "with"].contains(c.tokens[nr.upperBound].key)
                || verbs.contains(c.tokens[nr.upperBound].key) else { return nil }
        return nr
    }

    /// "18th", "first": an ordinal numbering an office's holders.
    static func isOrdinal(_ t: Token) -> Bool {
        if t.kind == .number { return ["st", "nd", "rd", "th"].contains { t.key.hasSuffix($0) } }
        return t.kind == .word && t.classes.contains(.ordinal)
    }

    /// Words after which a lower-case title phrase may start ("the president of …", ", head of …", "by general secretary …").
    @inline(__always)
    static func opensLowercaseTitle(_ key: String) -> Bool { key == "the" || key == "," || key == "by" }

    /// Tries every kind of evidence at token `i`; returns the token after what was consumed.
    func recognize(_ c: inout ExtractionContext, at i: Int, end: Int, sentence: Int) -> Int? {
        // "…received the president of the Ruritanian Labour Party, Tomas Reyes, with whom …": a title
        // in lower case, then the name set off by commas.
        // "the first ambassador of Ruritania to Ghana, Tomas Reyes": an ordinal may come between.
        // "the Ruritanian ambassador, Tomas Reyes,": a country adjective may come between, and gives the country.
        if i > 0, c.tokens[i].kind == .word, !c.tokens[i].isCapitalized, c.tokens[i].classes.contains(.titleFirst) {
            let adjective = i > 1 ? c.countryMentionAt[i - 1].map({ c.countryMentions[$0] }).flatMap({ cm in
                cm.isAdjective && cm.tokens.upperBound == i && cm.tokens.lowerBound > 0 && Self.opensLowercaseTitle(c.tokens[cm.tokens.lowerBound - 1].key) ? cm : nil
            }) : nil
            if Self.opensLowercaseTitle(c.tokens[i - 1].key) || i > 1 && Self.isOrdinal(c.tokens[i - 1]) && Self.opensLowercaseTitle(c.tokens[i - 2].key)
                || adjective != nil,
               let tp = TitlePhraseParser.parse(c, at: i, end: end, anyCase: true), let nr = nameSetOffByComma(c, at: tp.range.upperBound, end: end) {
                addPerson(&c, name: nr, sentence: sentence, evidence: "title", titles: tp.titles, org: tp.organization,
                          country: tp.country ?? adjective?.iso3, headOfState: tp.isHeadOfState)
                claim(&c, tp.range.lowerBound..<nr.upperBound)
                return nr.upperBound
            }
        }
        // "Roscosmos head Yuri Borisov", "agency chief Ana Lopes": a one-word title in lower case after the body
        // it heads, then a full name.
        if i > 0, c.tokens[i].kind == .word, !c.tokens[i].isCapitalized,
           c.tokens[i].classes.contains(.titleFirst), c.tokens[i - 1].kind == .word, !["the", "a", "an", "by", "and", "of"].contains(c.tokens[i - 1].key),
           let tp = TitlePhraseParser.parse(c, at: i, end: end, anyCase: true), tp.range.count == 1,
           let (nr, parts, _) = NameShape.span(c, at: tp.range.upperBound, end: end), parts >= 2,
           nr.upperBound >= end || [",", ".", ";", ")", "and", "said", "says", "who", "to", "at", "in", "on"].contains(c.tokens[nr.upperBound].key)
            || verbs.contains(c.tokens[nr.upperBound].key) {
            // The body it heads is the holder's, and gives their country.
            let body = tp.organization == nil ? Self.organizationEnding(c, at: i, sentence: sentence)?.organization : nil
            addPerson(&c, name: nr, sentence: sentence, evidence: "title", titles: tp.titles, org: tp.organization ?? body,
                      country: tp.country ?? body.flatMap { c.organizations[$0].country }, headOfState: tp.isHeadOfState)
            claim(&c, tp.range.lowerBound..<nr.upperBound)
            return nr.upperBound
        }
        // Titles, honorifics, country adjectives and names all start with a capital.
        guard c.tokens[i].flags.contains(.capitalized) || c.tokens[i].flags.contains(.allCaps) else { return nil }
        // 1. Title phrase, optional honorific, then a name.
        if let tp = TitlePhraseParser.parse(c, at: i, end: end) {
            var k = tp.range.upperBound
            var honorific: Range<Int>?
            // "…of the Republic of Türkiye, H.E. Hakan Fidan"
            if k + 1 < end, c.tokens[k].key == ",", honorificRange(c, at: k + 1, end: end) != nil { k += 1 }
            // "…the General Secretary of the Central Committee of XYZP, Tomas Reyes, …": a full name set off by a comma.
            else if nameSetOffByComma(c, at: k, end: end) != nil { k += 1 }
            if let h = honorificRange(c, at: k, end: end) { honorific = h; k = h.upperBound }
            // "H.E. Ambassador Mehmet Kemal Bozay", "Prof. Dr. …": a second title word before the name.
            if NameShape.span(c, at: k, end: end) == nil, let (r2, _) = TitlePhraseParser.titleMatch(c, at: k, end: end, anyCase: false) {
                k = r2.upperBound
                if let h = honorificRange(c, at: k, end: end) { honorific = honorific ?? h; k = h.upperBound }
            }
            if let (nr, _, _) = NameShape.span(c, at: k, end: end) ?? knownPersonSpan(c, at: k) {
                // "Foreign Minister Lena Novak of Ruritania": the country after the name.
                var country = tp.country
                if country == nil { country = Self.countryNamedAfter(c, nr, end: end) }
                // "Herat City Mayor X", "Yap State Governor X": a local office takes the country of the place it names.
                if country == nil, !tp.titles.contains(where: PersonCountryInference.isDiplomatTitle) {
                    let sentenceStart = c.sentences[sentence].tokenRange.lowerBound
                    var k = tp.range.lowerBound - 1
                    while k >= max(sentenceStart, tp.range.lowerBound - 3), c.tokens[k].isCapitalized, c.placeMentionAt[k] == nil { k -= 1 }
                    if k >= max(sentenceStart, tp.range.lowerBound - 3), let pm = c.placeMentionAt[k].map({ c.placeMentions[$0] }) { country = pm.country }
                }
                // "Ruritanian Labour Party Chair X", "RLP Secretary-General X": the body named right before the title is the holder's.
                var org = tp.organization
                if org == nil, let om = Self.organizationEnding(c, at: tp.range.lowerBound, sentence: sentence) {
                    org = om.organization
                    if country == nil, !tp.titles.contains(where: PersonCountryInference.isDiplomatTitle) { country = c.organizations[om.organization].country }
                }
                let p = addPerson(&c, name: nr, sentence: sentence, evidence: "title",
                                  honorific: honorific, titles: tp.titles, org: org, country: country, headOfState: tp.isHeadOfState)
                claim(&c, tp.range.lowerBound..<nr.upperBound)
                _ = p
                return nr.upperBound
            }
        }
        // 2. Honorific then a name.
        if let h = honorificRange(c, at: i, end: end), let (nr, _, _) = NameShape.span(c, at: h.upperBound, end: end) ?? knownPersonSpan(c, at: h.upperBound) {
            // "Kenyan special envoy Mr Karim Haddad": a title in lower case right before the honorific is theirs.
            let sentenceStart = c.sentences[sentence].tokenRange.lowerBound
            var before: TitlePhrase?
            for k in max(sentenceStart, h.lowerBound - 4)..<h.lowerBound
                where !c.claimed[k] && (c.tokens[k].classes.contains(.titleFirst) || c.countryMentionAt[k] != nil) {
                if let tp = TitlePhraseParser.parse(c, at: k, end: h.lowerBound, anyCase: true), tp.range.upperBound == h.lowerBound { before = tp; break }
            }
            if let tp = before {
                addPerson(&c, name: nr, sentence: sentence, evidence: "honorific", honorific: h, titles: tp.titles, org: tp.organization,
                          country: tp.country, headOfState: tp.isHeadOfState)
                claim(&c, tp.range.lowerBound..<nr.upperBound)
                return appositive(&c, after: nr, end: end) ?? nr.upperBound
            }
            addPerson(&c, name: nr, sentence: sentence, evidence: "honorific", honorific: h)
            claim(&c, i..<nr.upperBound)
            return appositive(&c, after: nr, end: end) ?? nr.upperBound
        }
        // 3. A known public figure.
        if let nr = knownPersonRange(c, at: i) {
            addPerson(&c, name: nr, sentence: sentence, evidence: "known")
            claim(&c, nr)
            return appositive(&c, after: nr, end: end) ?? nr.upperBound
        }
        // 4. A name span with apposition or verb evidence.
        guard var (nr, parts, words) = NameShape.span(c, at: i, end: end) else { return nil }
        // "Expatriates Badr Abdelatty": a known person at the end of a longer capitalised run.
        var existingMatch = matchExisting(c, nr)
        if existingMatch == nil, parts >= 3 {
            // Not a family name after an Arabic particle: "Hassan Al Mombasa" is not "Omar Al Mombasa".
            for s in (nr.lowerBound + 1)..<(nr.upperBound - 1) where c.tokens[s].kind == .word
                && !NameShape.arabicParticles.contains(c.tokens[s].key) && !NameShape.arabicParticles.contains(c.tokens[s - 1].key) {
                let sub = s..<nr.upperBound
                if let p = matchExisting(c, sub), c.people[p].nameKeys.count >= 2 {
                    nr = sub; parts = sub.count; words = sub.count
                    existingMatch = p
                    break
                }
            }
        }
        if let existing = existingMatch {
            mention(&c, existing, nr, sentence: sentence)
            claim(&c, nr)
            return appositive(&c, after: nr, end: end) ?? nr.upperBound
        }
        if parts >= 2, let tp = appositiveTitle(c, after: nr, end: end) {
            do {
                addPerson(&c, name: nr, sentence: sentence, evidence: "apposition", titles: tp.titles, org: tp.organization,
                          country: tp.country, headOfState: tp.isHeadOfState)
                claim(&c, nr)
                claim(&c, tp.range)
                return tp.range.upperBound
            }
        }
        // "the Kenyan parliamentarians Kwame Mensah and …", "ministers Ana Lopes and …": a name after a plural title.
        if parts >= 2, words >= 2, pluralTitle(c, before: nr.lowerBound, from: c.sentences[sentence].tokenRange.lowerBound) != nil {
            addPerson(&c, name: nr, sentence: sentence, evidence: "title")
            claim(&c, nr)
            return nr.upperBound
        }
        if parts >= 2, words >= 1, hasVerbEvidence(c, nr, end: end) {
            // Reject spans made only of all-capital words (acronym runs) unless mixed with a normal name word.
            let caps = c.tokens[nr].filter { $0.kind == .word && $0.isAllCaps }.count
            if caps < words || words == 1 {
                addPerson(&c, name: nr, sentence: sentence, evidence: "verb")
                claim(&c, nr)
                return nr.upperBound
            }
        }
        return nr.upperBound
    }

    /// The honorific a name span opens with, also when the gazetteer knows the whole span as a person's name
    /// ("Sheikh Sabah Al-Ahmad …").
    static func honorificOpening(_ c: ExtractionContext, _ nr: Range<Int>) -> Range<Int>? {
        guard nr.count >= 3, let m = c.lexicons.index.longestMatch(in: c.tokens, at: nr.lowerBound, limit: nr.upperBound - 2, anyCase: false),
              m.hits.contains(.honorific) else { return nil }
        var r = m.range
        if r.upperBound < nr.upperBound, c.tokens[r.upperBound].key == ".", c.tokens[r.upperBound].isAttached { r = r.lowerBound..<(r.upperBound + 1) }
        return r
    }

    func honorificRange(_ c: ExtractionContext, at i: Int, end: Int) -> Range<Int>? {
        guard i < end, let m = c.match(at: i), m.range.lowerBound == i, m.hits.contains(.honorific) else { return nil }
        var r = m.range
        // "Mr" + attached "."
        if r.upperBound < end, c.tokens[r.upperBound].key == ".", c.tokens[r.upperBound].isAttached { r = r.lowerBound..<(r.upperBound + 1) }
        // "H.E. Mr."
        if let more = honorificRange(c, at: r.upperBound, end: end) { r = r.lowerBound..<more.upperBound }
        return r
    }

    func knownPersonSpan(_ c: ExtractionContext, at i: Int) -> (Range<Int>, Int, Int)? {
        guard i < c.tokens.count, let m = c.match(at: i), m.range.lowerBound == i,
              m.hits.contains(where: { if case .person = $0 { return true }; return false }) else { return nil }
        // "Patrice Lumumba International Solidarity Association": the name opens a body's name.
        if let om = c.organizationMentionAt[i], c.organizationMentions[om].tokens.upperBound > m.range.upperBound { return nil }
        return (m.range, m.range.count, m.range.count)
    }

    func knownPersonRange(_ c: ExtractionContext, at i: Int) -> Range<Int>? {
        let r: (Range<Int>, Int, Int)? = knownPersonSpan(c, at: i)
        return r?.0
    }

    /// `, Minister of …` after a name; also `is the 18th Ambassador of …`.
    func appositiveTitle(_ c: ExtractionContext, after nr: Range<Int>, end: Int) -> TitlePhrase? {
        var k = nr.upperBound
        guard k < end else { return nil }
        if c.tokens[k].key == "," || c.tokens[k].key == "(" { k += 1 }
        else if ["is", "was"].contains(c.tokens[k].key), k + 1 < end, c.tokens[k + 1].key == "the" { k += 1 }
        else { return nil }
        if k < end, ["the", "a", "an"].contains(c.tokens[k].key) { k += 1 }
        // "the 18th Ambassador of …": an ordinal numbering the office (unless it opens the title, "First Secretary").
        if let tp = TitlePhraseParser.parse(c, at: k, end: end, anyCase: true) { return tp }
        guard k + 1 < end, Self.isOrdinal(c.tokens[k]) else { return nil }
        return TitlePhraseParser.parse(c, at: k + 1, end: end, anyCase: true)
    }

    /// Attaches an appositive title to the person just recognised; returns where it ends.
    func appositive(_ c: inout ExtractionContext, after nr: Range<Int>, end: Int) -> Int? {
        guard let tp = appositiveTitle(c, after: nr, end: end), let m = c.personMentions.last, m.tokens == nr else { return nil }
        var p = c.people[m.person]
        for t in tp.titles where !p.titles.contains(t) { p.titles.append(t) }
        p.organization = p.organization ?? tp.organization
        p.country = p.country ?? tp.country
        p.isHeadOfState = p.isHeadOfState || tp.isHeadOfState
        c.people[m.person] = p
        claim(&c, tp.range)
        return tp.range.upperBound
    }

    func hasVerbEvidence(_ c: ExtractionContext, _ nr: Range<Int>, end: Int) -> Bool {
        var k = nr.upperBound
        if k < end, c.tokens[k].key == "," { k += 1 }   // "Budagov, who …"
        if k < end, verbs.contains(c.tokens[k].key) { return true }
        // "met her counterparts from Ghana and Kenya, Kwame Mensah and …": the counterparts named.
        if nr.lowerBound >= 2, c.tokens[nr.lowerBound - 1].key == ",",
           (max(0, nr.lowerBound - 8)..<(nr.lowerBound - 1)).contains(where: { ["counterparts", "counterpart", "peers"].contains(c.tokens[$0].key) }) { return true }
        // "his Kenyan counterpart Karim Haddad": the counterpart named.
        if nr.lowerBound >= 1, ["counterpart", "counterparts"].contains(c.tokens[nr.lowerBound - 1].key) { return true }
        if k < end, c.tokens[k].key == "and", k + 1 < end, c.tokens[k + 1].isCapitalized { return false }
        if nr.lowerBound >= 2 {
            let b1 = c.tokens[nr.lowerBound - 1].key
            let b2 = c.tokens[nr.lowerBound - 2].key
            if b1 == "by", Self.leadWords.contains(b2) { return true }
            // "a delegation composed of Ana Lopes, …", "comprising Karim Haddad and …": a body's members.
            if b1 == "of", ["composed", "consisting", "comprised"].contains(b2) || b1 == "comprising" { return true }
            if b1 == "with", ["met", "talks", "meeting", "conversation", "call", "together"].contains(b2) { return true }
            // "met Kwame Mensah", "received Karim Haddad": the object of a meeting verb.
            if ["met", "meets", "received", "receives"].contains(b1), nr.upperBound >= end
                || [",", ".", ";", "and", "at", "in", "on", "who", "(", "during", "for", "to"].contains(c.tokens[nr.upperBound].key) { return true }
        }
        return false
    }

    func claim(_ c: inout ExtractionContext, _ r: Range<Int>) {
        for k in r where k < c.claimed.count { c.claimed[k] = true }
    }

    /// The existing person a name span refers to, if any.
    func matchExisting(_ c: ExtractionContext, _ nr: Range<Int>) -> Int? {
        PersonReferenceResolver.resolve(c, nameRange: nr)
    }

    func mention(_ c: inout ExtractionContext, _ person: Int, _ nr: Range<Int>, sentence: Int) {
        c.personMentions.append(PersonMention(tokens: nr, person: person, sentence: sentence))
        let surface = NameShape.surface(c, nr)
        if surface != c.people[person].name, !c.people[person].aliases.contains(surface) { c.people[person].aliases.append(surface) }
    }

    /// "President Tshisekedi", "Premier Li": the one known person of that family or given name who held that
    /// title in the release's year.
    static func knownByOneName(_ c: ExtractionContext, _ key: String, titles: [String]) -> Int? {
        guard let candidates = c.lexicons.peopleByNameWord[key] else { return nil }
        let year = c.referenceDate?.year ?? c.defaultYear
        let wanted = titles.map(TextNormalizer.fold)
        let fitting = candidates.filter { k in
            let entry = c.lexicons.people[k]
            if let y = year, let years = entry.years, !((years.lowerBound - 1)...(years.upperBound + 1)).contains(y) { return false }
            let held = entry.titles.map(TextNormalizer.fold)
            return wanted.contains { w in held.contains { $0.contains(w) || w.contains($0) } }
        }
        return fitting.count == 1 ? fitting[0] : nil
    }

    /// Adds a mention of a (possibly new) person with what the evidence says about them.
    @discardableResult
    func addPerson(_ c: inout ExtractionContext, name span: Range<Int>, sentence: Int, evidence: String, honorific h: Range<Int>? = nil,
                   titles: [String] = [], org: Int? = nil, country: String? = nil, headOfState: Bool = false) -> Int {
        var nr = span
        var honorific = h
        // "Sheikh Sabah Al-Ahmad Al-Jaber Al-Sabah": an honorific the span took in is not part of the name, when two
        // name words or more follow it ("Sheikh Hasina" stays whole).
        if honorific == nil, let inner = Self.honorificOpening(c, nr),
           c.tokens[inner.upperBound..<nr.upperBound].filter({ $0.kind == .word }).count >= 2 {
            honorific = inner
            nr = inner.upperBound..<nr.upperBound
        }
        let surface = NameShape.surface(c, nr)
        // "Sheikh Ana Al Lopes", "King Kofi II": the honorific or royal title printed right before the name is written
        // as part of it (not after "Crown", where "Crown Prince" is an office); the bare form is an alias.
        var written = surface
        if nr.lowerBound > 0, c.tokens[nr.lowerBound - 1].isCapitalized, c.lexicons.namePrefixes.contains(c.tokens[nr.lowerBound - 1].key),
           !(nr.lowerBound > 1 && c.tokens[nr.lowerBound - 2].key == "crown") {
            written = c.tokens[nr.lowerBound - 1].text + " " + surface
        }
        var known: Int?
        for r in [nr, span] where known == nil {
            if let m = c.match(at: r.lowerBound), m.range == r {
                for h in m.hits { if case .person(let p) = h { known = p } }
            }
        }
        if known == nil, nr.count == 1, !titles.isEmpty { known = Self.knownByOneName(c, c.tokens[nr.lowerBound].key, titles: titles) }
        let index: Int
        if let existing = matchExisting(c, nr) {
            index = existing
            mention(&c, existing, nr, sentence: sentence)
            // A fuller spelling becomes the canonical name.
            let current = c.people[existing]
            let newInitials = c.tokens[nr].filter { $0.flags.contains(.singleLetter) }.count
            let newWords = c.tokens[nr].filter { $0.kind == .word }.count - newInitials
            if newInitials == 0, newWords > current.nameKeys.count || newWords == current.nameKeys.count && written != surface && current.name == surface {
                c.people[existing].aliases.removeAll { $0 == written }
                if !c.people[existing].aliases.contains(current.name) { c.people[existing].aliases.append(current.name) }
                c.people[existing].name = written
                c.people[existing].nameKeys = NameShape.wordKeys(c, nr)
            }
        } else {
            var p = PersonRecord(name: written, nameKeys: NameShape.wordKeys(c, nr), evidence: evidence)
            if written != surface { p.aliases.append(surface) }
            p.known = known
            c.people.append(p)
            index = c.people.count - 1
            c.personMentions.append(PersonMention(tokens: nr, person: index, sentence: sentence))
        }
        var p = c.people[index]
        // Joko "Jokowi" Widodo, Pushpa Kamal Dahal 'Prachanda': the nickname is another name of theirs.
        let sentenceEnd = c.sentences[sentence].tokenRange.upperBound
        if let q = NameShape.nickname(c, in: nr) ?? NameShape.quotedNickname(c, at: nr.upperBound, end: sentenceEnd) {
            let nick = c.text((q.lowerBound + 1)..<(q.upperBound - 1))
            if !p.aliases.contains(nick) { p.aliases.append(nick) }
            if q.lowerBound >= nr.upperBound { claim(&c, q) }
        }
        if let h = honorific {
            let form = c.text(h.lowerBound..<nr.upperBound)
            if !p.aliases.contains(form) { p.aliases.append(form) }
        }
        // "King Kofi Mensah II", "Princess Ama Lopes": a royal title right before the name is how the name is written
        // and cited (annotators and readers often keep it), so the titled form is another name of theirs.
        if nr.lowerBound > 0, let m = c.match(at: nr.lowerBound - 1), m.range.upperBound == nr.lowerBound,
           m.hits.contains(where: { if case .title(let t) = $0 { return c.lexicons.titles[t].category == "royal" }; return false }) {
            let form = c.text(m.range.lowerBound..<nr.upperBound)
            if form != p.name, !p.aliases.contains(form) { p.aliases.append(form) }
        }
        for t in titles where !p.titles.contains(t) { p.titles.append(t) }
        // An organization with a country beats one without ("member of the Political Bureau" then "… of the Workers' Party of Ruritania").
        if let o = org, p.organization == nil || (p.organization.map { c.organizations[$0].country == nil } ?? false) && c.organizations[o].country != nil {
            p.organization = o
        }
        p.country = p.country ?? country ?? org.flatMap { c.organizations[$0].country } ?? p.organization.flatMap { c.organizations[$0].country }
        p.isHeadOfState = p.isHeadOfState || headOfState
        if let k = known ?? p.known {
            p.known = k
            let entry = c.lexicons.people[k]
            p.country = p.country ?? entry.country
            if p.titles.isEmpty, entry.titles.contains(where: { t in c.lexicons.titles.contains { $0.title == t && $0.isHeadOfState } }) {
                p.isHeadOfState = true
            }
        }
        c.people[index] = p
        return index
    }
}

/// Turns trigger phrases into events: who took part (people, the two sides, the heads of the two
/// states, he/she), for which organizations and countries, when and where, whether the event is the
/// release's own news or reported in passing, and whether it happened at all (planned and
/// hypothetical contacts go to the `planned` list or are dropped).
public struct EventExtractor: PipelineStage {
    public let name = "events"
    let matcher: EventTriggerMatcher
    static let clauseBreaks: Set<String> = [";", ":"]
    static let referenceDelegation: Set<String> = ["delegation", "delegations", "team", "group"]
    static let pastMarkers: Set<String> = ["earlier", "previously", "previous", "last", "ago", "recently", "recent", "once"]

    public init(lexicons: Lexicons) {
        matcher = EventTriggerMatcher(lexicons: lexicons)
    }

    /// Where reported speech starts in each sentence (token index), if it does.
    func speechStart(_ c: ExtractionContext, _ s: Sentence) -> Int? {
        let r = s.tokenRange
        var i = r.lowerBound
        while i < r.upperBound {
            guard c.tokens[i].classes.contains(.speech) else { i += 1; continue }
            let t = c.tokens[i]
            if c.lexicons.speechVerbs.contains(t.key), i > r.lowerBound {
                var k = i + 1
                if k < r.upperBound, c.tokens[k].key == "that" { return k + 1 }
                if k < r.upperBound, c.tokens[k].key == "," { k += 1; if k < r.upperBound, c.tokens[k].key == "that" { k += 1 }; return k }
                if ["noted", "stressed", "emphasized", "emphasised", "stated", "pointed", "believed", "expressed", "recalled", "hoped"].contains(t.key) { return k }
            }
            if t.key == "according", i + 1 < r.upperBound, c.tokens[i + 1].key == "to" { return i }
            i += 1
        }
        return nil
    }

    public func run(_ context: inout ExtractionContext) {
        let (events, planned) = extract(context)
        context.events = events
        context.planned = planned
    }

    /// The events and planned events of a document whose people, organizations, places and dates are recognised.
    func extract(_ c: borrowing ExtractionContext) -> (events: [EventRecord], planned: [EventRecord]) {
        var events: [EventRecord] = []
        var planned: [EventRecord] = []
        var speechParagraphs: Set<Int> = []
        var presentBeforeAnyEvent: [Int] = []
        var lastSubject: Int?
        var mainIndex: Int?
        var mainDateTokens: Range<Int>?
        // The date the lead sentence gives ("Minister Ana Lopes on Friday said …"): the day of the story's own happening
        // when the sentence that names it gives none.
        // Dates inside a relative clause ("the storm that hit … yesterday") are not the lead's.
        let leadDate: PartialDate? = {
            guard c.layout.bodyStartSentence < c.sentences.count else { return nil }
            let lead = c.sentences[c.layout.bodyStartSentence].tokenRange
            let relative = lead.first { Self.relativePronouns.contains(c.tokens[$0].key) } ?? lead.upperBound
            return c.dateMentions.first { $0.sentence == c.layout.bodyStartSentence && $0.date != nil && $0.tokens.lowerBound < relative
                && !(c.layout.datelineTokens?.contains($0.tokens.lowerBound) ?? false)
                && ($0.date.map { d in c.referenceDate.map { !(d > $0) } ?? true } ?? false) }?.date
        }()
        let tokens = c.tokens
        // Closures read these arrays rather than the whole context, which they would copy.
        let personRecords = c.people
        let speakers = Self.transcriptSpeakers(c)
        // The person mentions of each sentence (in mention order), and those that stand for someone who takes no part.
        var mentionsOfSentence = [[Int]](repeating: [], count: c.sentences.count)
        for (n, m) in c.personMentions.enumerated() where m.tokens.lowerBound < c.sentenceOfToken.count {
            mentionsOfSentence[c.sentenceOfToken[m.tokens.lowerBound]].append(n)
        }
        let mentionStandsIn = c.personMentions.map { Self.standsInFor(c, $0) }

        for s in c.sentences where s.index >= c.layout.bodyStartSentence && !c.layout.chromeSentences.contains(s.index) {
            let speech = speechStart(c, s)
            let firstOfParagraph = s.index == 0 || c.sentences[s.index - 1].paragraph != s.paragraph
            if firstOfParagraph, let sp = speech, sp - s.tokenRange.lowerBound <= 10 { speechParagraphs.insert(s.paragraph) }
            let inSpeechParagraph = speechParagraphs.contains(s.paragraph) && !firstOfParagraph
            var scan = s.tokenRange
            if let d = c.layout.datelineTokens, d.lowerBound == scan.lowerBound { scan = d.upperBound..<scan.upperBound }
            var sentenceEvents: [Int] = []
            // Tokens of a "before meeting with X," phrase that names an earlier event: its people take no part here.
            var placesInTime: [Range<Int>] = []
            let hits = matcher.hits(in: tokens, range: scan)
            for (hitIndex, hit) in hits.enumerated() {
                let trig = hit.trigger
                // Clause: from the speech boundary (when the trigger is inside the speech) or the sentence start.
                var clauseStart = s.tokenRange.lowerBound
                if let sp = speech, sp <= hit.range.lowerBound { clauseStart = sp }
                var clauseEnd = s.tokenRange.upperBound
                // "met with A, Director of X; B, Head of Y; and C": semicolons that end in "; and" separate the items
                // of one list, not clauses.
                let listSemicolons = (hit.range.upperBound..<max(hit.range.upperBound, s.tokenRange.upperBound - 1)).contains { tokens[$0].key == ";" && tokens[$0 + 1].key == "and" }
                for k in hit.range.upperBound..<s.tokenRange.upperBound where Self.clauseBreaks.contains(tokens[k].key) && !(listSemicolons && tokens[k].key == ";") { clauseEnd = k; break }
                for k in stride(from: hit.range.lowerBound - 1, through: clauseStart, by: -1) where Self.clauseBreaks.contains(tokens[k].key) { clauseStart = k + 1; break }
                let inSpeech = (speech.map { $0 <= hit.range.lowerBound } ?? false) || inSpeechParagraph

                // Modality: planned or hypothetical wording before the trigger (back to a comma), or after a nominal trigger.
                var type = Self.typeStated(by: hit, in: tokens)
                // "led a delegation to the 18th International Meeting of …": a delegation sent to a gathering attends it.
                if type == .VISIT, tokens[hit.range.upperBound - 1].key == "to", Self.namesGathering(tokens, from: hit.range.upperBound, end: scan.upperBound) {
                    type = .ATTEND
                }
                // "held a meeting of the Council": a body's own session, no contact.
                if type == .MEET, tokens[hit.range.upperBound - 1].key == "meeting", hit.range.upperBound < scan.upperBound,
                   tokens[hit.range.upperBound].key == "of" { continue }
                // "ties that turn forty next year, their 40th anniversary of diplomatic relations": the celebration is to come, the
                // establishment it marks lies in the past.
                let anniversary = type == .ANNOUNCE ? Self.yearsBack(tokens, clauseStart..<clauseEnd, before: hit.range.lowerBound) : nil
                let modality = anniversary == nil ? self.modality(c, trigger: hit.range, clauseStart: clauseStart, clauseEnd: clauseEnd) : nil
                if modality == .hypothetical { continue }

                // "conveyed the greetings of Premier X": greetings relayed in person are no message of their own.
                if type == .MESSAGE, hit.range.upperBound < clauseEnd, ["of", "from"].contains(tokens[hit.range.upperBound].key),
                   ["greetings", "regards", "wishes"].contains(tokens[hit.range.upperBound - 1].key) { continue }
                // Options that need a look at what follows.
                let after = hit.range.upperBound..<min(clauseEnd, hit.range.upperBound + 10)
                // "A met with B, and held talks with C": verbs joined by "and", each with its own object, are two meetings;
                // B belongs to the first, C to the second, and A to both.
                let coordinated = Self.coordinatedMeetings(tokens, hits, at: hitIndex, clauseStart: clauseStart, clauseEnd: clauseEnd)
                // "…, Spokesman X said in a statement": the source of the report after the trigger takes no part.
                var peopleInClause: [PersonMention] = []
                for n in mentionsOfSentence[s.index] where !mentionStandsIn[n] {
                    let m = c.personMentions[n]
                    guard (clauseStart..<clauseEnd).contains(m.tokens.lowerBound), !placesInTime.contains(where: { $0.contains(m.tokens.lowerBound) }),
                          !coordinated.excluded.contains(where: { $0.contains(m.tokens.lowerBound) }) else { continue }
                    if m.tokens.lowerBound > hit.range.upperBound, m.tokens.upperBound < clauseEnd, Self.attributionVerbs.contains(tokens[m.tokens.upperBound].key),
                       !(hit.range.upperBound..<m.tokens.lowerBound).contains(where: { ["\"", "“", "”"].contains(tokens[$0].key) }) { continue }
                    peopleInClause.append(m)
                }
                // "The two ministers exchanged views …" after a telephone call tells more of the call.
                if type == .MEET, trig.option == .none, let m = mainIndex, events[m].type == .CALL, !events[m].reported,
                   !peopleInClause.isEmpty || refersToBothSides(tokens, clauseStart..<hit.range.upperBound)
                    || (clauseStart..<hit.range.lowerBound).contains(where: { tokens[$0].key == "two" }),
                   peopleInClause.allSatisfy({ events[m].participants.contains($0.person) }),
                   !c.dateMentions.contains(where: { $0.sentence == s.index && $0.tokens.lowerBound >= clauseStart && $0.tokens.lowerBound < clauseEnd }) { continue }
                let hasGathering = after.contains { tokens[$0].classes.contains(.gathering) || tokens[$0].key.hasPrefix("cop") && tokens[$0].kind == .word && tokens[$0].isAllCaps }
                let objectWindow = hit.range.upperBound..<min(clauseEnd, hit.range.upperBound + 24)
                let hasPersonAfter = peopleInClause.contains { objectWindow.contains($0.tokens.lowerBound) }
                    || objectWindow.prefix(4).contains { k in c.match(at: k).map { $0.hits.contains { if case .title = $0 { return true }; return false } } ?? false }
                    || after.contains { Self.referenceDelegation.contains(tokens[$0].key) || tokens[$0].key == "ambassador" || tokens[$0].key == "envoy" }
                    || c.organizationMentions.contains { after.contains($0.tokens.lowerBound) }
                switch trig.option {
                case .object:
                    if !hasPersonAfter { continue }
                    // "received a phone call from X", "received a cable from X": what was received is told by the next trigger.
                    // "received on Sunday a telephone call", "received on 8 October a letter": a time between them too.
                    if hitIndex + 1 < hits.count, [.CALL, .MESSAGE].contains(hits[hitIndex + 1].trigger.type),
                       hits[hitIndex + 1].range.lowerBound - hit.range.upperBound <= 6,
                       (hit.range.upperBound..<hits[hitIndex + 1].range.lowerBound).allSatisfy({
                           tokens[$0].classes.contains(.calendar) || tokens[$0].kind == .number || !tokens[$0].isCapitalized && tokens[$0].kind == .word
                       }) { continue }
                case .planned:
                    if modality != .planned { continue }
                case .firstperson:
                    // "Glad to have my colleague X here with us", "we are delighted to host the Prime Minister":
                    // a speaker's own words in a transcript, about someone named after them.
                    guard speakers[s.paragraph] != nil, hasPersonAfter,
                          !peopleInClause.contains(where: { $0.tokens.upperBound <= hit.range.lowerBound }) else { continue }
                case .host:
                    // "The forum, hosted by the Labour Party of Ruritania": the gathering named before a passive host.
                    let passiveGathering = hit.range.upperBound < clauseEnd && tokens[hit.range.upperBound].key == "by"
                        && (max(s.tokenRange.lowerBound, hit.range.lowerBound - 8)..<hit.range.lowerBound).contains { tokens[$0].classes.contains(.gathering) }
                    if hasGathering || passiveGathering { type = .HOST } else if hasPersonAfter { type = .MEET } else { continue }
                case .presence:
                    // "X was present": X joins the event this sentence or the previous one reports.
                    // Members of a delegation also join the other current events of the people they came with
                    // (the visit and the meetings held during it).
                    let present = peopleInClause.map(\.person)
                    // "At the meeting, which was also attended by A and B, …" before any event is told: they join the
                    // event the headline names.
                    if events.isEmpty { for p in present where !presentBeforeAnyEvent.contains(p) { presentBeforeAnyEvent.append(p) } }
                    // A list that opens with "among" ("Among the officials at the airport were A and B") names those who
                    // joined the event just told.
                    let previous = tokens[clauseStart].key == "among" ? events.indices.last.flatMap { events[$0].sentence == s.index - 1 ? $0 : nil } : nil
                    if let target = sentenceEvents.last ?? previous ?? mainIndex ?? events.indices.last {
                        let companions = Set(events[target].participants)
                        for e in events.indices where e == target || !events[e].reported && !events[target].reported
                            && !companions.isDisjoint(with: events[e].participants) && [.MEET, .VISIT].contains(events[e].type) {
                            for p in present where !events[e].participants.contains(p) {
                                events[e].participants.append(p)
                                events[e].roles[p] = "present"
                            }
                        }
                    }
                    continue
                default: break
                }
                if type == .ATTEND {
                    let meetingRef = after.prefix(4).contains { ["meeting", "talks", "meetings"].contains(tokens[$0].key) }
                    if meetingRef, let target = mainIndex ?? events.indices.last {
                        for p in peopleInClause.map(\.person) where !events[target].participants.contains(p) { events[target].participants.append(p) }
                        continue
                    }
                    if !hasGathering && !after.contains(where: { tokens[$0].isCapitalized }) { continue }
                }
                // A visit spoken of again ("this visit", "the first official visit of its kind"): the visit already told.
                if type == .VISIT, trig.option == .nominal, events.contains(where: { $0.type == .VISIT && !$0.reported }),
                   (max(clauseStart, hit.range.lowerBound - 2)..<hit.range.lowerBound).contains(where: { tokens[$0].key == "the" })
                    || (max(clauseStart, hit.range.lowerBound - 5)..<hit.range.lowerBound).contains(where: { ["this", "that"].contains(tokens[$0].key) }) {
                    continue
                }

                // "Before meeting with X, Y had talks with Z": a meeting already told, named to place the new one in time.
                if hit.range.lowerBound > clauseStart, ["before", "after"].contains(tokens[hit.range.lowerBound - 1].key) {
                    let comma = (hit.range.upperBound..<clauseEnd).first { tokens[$0].key == "," } ?? clauseEnd
                    let named = Set(peopleInClause.filter { $0.tokens.lowerBound >= hit.range.upperBound && $0.tokens.lowerBound < comma }.map(\.person))
                    if !named.isEmpty, events.contains(where: { $0.sentence < s.index && sameKind($0.type, type) && named.isSubset(of: Set($0.participants)) }) {
                        placesInTime.append((hit.range.lowerBound - 1)..<comma)
                        continue
                    }
                }
                // Participants.
                var participants: [Int] = []
                func addP(_ p: Int) { if !participants.contains(p) { participants.append(p) } }
                // A noun-phrase trigger not introduced by a light verb ("recalled the telephone call between A and B",
                // "the official visit of X to Y") involves the people named after it (and an owner: "X's visit"),
                // not the speaker who mentions it.
                // "told B in a telephone conversation", "during a meeting with B, A said": an indefinite noun phrase
                // after "in"/"during" is the clause's own happening, as after a light verb.
                let framed = hit.range.lowerBound - 2 >= clauseStart && ["in", "during"].contains(tokens[hit.range.lowerBound - 2].key)
                    && ["a", "an"].contains(tokens[hit.range.lowerBound - 1].key)
                let lightVerb = framed || (max(clauseStart, hit.range.lowerBound - 6)..<hit.range.lowerBound).contains { Self.lightVerbs.contains(tokens[$0].key) }
                // "The telephone call followed …", "during the talks": a definite noun phrase naming
                // a happening already reported refers back to it, unless it names other people or a date of its own.
                if trig.option == .nominal, !lightVerb, hit.range.lowerBound > clauseStart,
                   ["the", "this", "that"].contains(tokens[hit.range.lowerBound - 1].key),
                   let earlier = events.last(where: { $0.type == type && !$0.reported }) {
                    let named = peopleInClause.filter { $0.tokens.lowerBound >= hit.range.upperBound }.map(\.person)
                    let ownDate = c.dateMentions.contains { $0.sentence == s.index && $0.tokens.lowerBound >= clauseStart && $0.tokens.lowerBound < clauseEnd }
                    // "This telephone call … was scheduled for 12 May but moved": "this" and "that" point back whatever date follows.
                    let demonstrative = ["this", "that"].contains(tokens[hit.range.lowerBound - 1].key)
                    if !ownDate || demonstrative, named.allSatisfy({ earlier.participants.contains($0) }) { continue }
                }
                if trig.option == .nominal && !lightVerb {
                    let owner = hit.range.lowerBound >= 2 ? c.personMentions.last { $0.tokens.upperBound == hit.range.lowerBound - 1 && tokens[hit.range.lowerBound - 1].key == "'s" }
                        ?? c.personMentions.last { $0.tokens.upperBound <= hit.range.lowerBound && $0.tokens.upperBound >= hit.range.lowerBound - 3 && tokens[$0.tokens.upperBound].key == "'s" } : nil
                    if let o = owner { addP(o.person) }
                    let before = (max(clauseStart, hit.range.lowerBound - 5)..<hit.range.lowerBound)
                    // "his/her/their visit": a visit is the nearest person's before it ("received Y on the occasion of his visit").
                    let possessor = type == .VISIT ? peopleInClause.last(where: { $0.tokens.lowerBound < hit.range.lowerBound })
                        : peopleInClause.first(where: { $0.tokens.lowerBound < hit.range.lowerBound })
                    // "recalling their meeting at last year's summit": "their" meeting or call is one of the two sides of the
                    // story's own contact, when nobody else is named before it.
                    if owner == nil, possessor == nil, [.MEET, .CALL].contains(type), before.contains(where: { tokens[$0].key == "their" }),
                       let m = mainIndex, events[m].participants.count == 2, [.MEET, .CALL].contains(events[m].type) {
                        for p in events[m].participants { addP(p) }
                    } else if owner == nil, before.contains(where: { ["his", "her", "their"].contains(tokens[$0].key) }), let subj = possessor?.person ?? pronounReferent(c, s) ?? lastSubject {
                        addP(subj)
                    } else if type == .VISIT, owner == nil, let subject = possessor, before.contains(where: { Self.afterVisitWords.contains(tokens[$0].key) }) {
                        // "returned home after official visits to …", "is back from a visit to …": the subject's own visit.
                        addP(subject.person)
                    }
                    for m in peopleInClause where m.tokens.lowerBound >= hit.range.upperBound { addP(m.person) }
                } else if type == .ATTEND, !(hit.range.upperBound < clauseEnd && tokens[hit.range.upperBound].key == "by"),
                          peopleInClause.contains(where: { $0.tokens.lowerBound < hit.range.lowerBound }) || ["to", "while"].contains(trig.pattern.first ?? "") {
                    // "X attended the summit, where she met Y", "he arrived to participate in the Summit": those who attend
                    // are named before the verb (after it only in the passive "was attended by").
                    for m in peopleInClause where m.tokens.lowerBound < hit.range.lowerBound { addP(m.person) }
                } else {
                    for m in peopleInClause { addP(m.person) }
                }
                let clause = clauseStart..<clauseEnd
                func has(_ phrase: [String]) -> Bool { Self.contains(tokens, clause, phrase) }
                var partyOrgsOnly = false
                // "They also exchanged views on …" right after a call, nobody else named: more of the call.
                if type == .MEET, peopleInClause.isEmpty, let m = mainIndex, events[m].type == .CALL, !events[m].reported,
                   sentenceEvents.isEmpty, (clauseStart..<hit.range.lowerBound).contains(where: { tokens[$0].key == "they" }) { continue }
                if !(trig.option == .nominal && !lightVerb), refersToBothSides(tokens, clauseStart..<hit.range.upperBound) {
                    // "The sides also exchanged views on …" after a telephone call tells more of the call.
                    if type == .MEET, let m = mainIndex, events[m].type == .CALL, !events[m].reported,
                       peopleInClause.allSatisfy({ events[m].participants.contains($0.person) }) { continue }
                    if let m = mainIndex { for p in events[m].participants { addP(p) } }
                } else if has(["two", "parties"]) && participants.isEmpty {
                    partyOrgsOnly = true
                }
                if Self.headsOfStatePhrases.contains(where: has) {
                    let heads = c.personMentions.filter { c.people[$0.person].isHeadOfState && $0.tokens.lowerBound < hit.range.lowerBound }.map(\.person)
                    var seen: [Int] = []
                    for p in heads.reversed() where !seen.contains(p) { seen.append(p); if seen.count == 2 { break } }
                    for p in seen.reversed() { addP(p) }
                }
                if !(trig.option == .nominal && !lightVerb), participants.isEmpty || !peopleInClause.contains(where: { $0.tokens.lowerBound < hit.range.lowerBound }) {
                    // he / she as the subject: the subject of the previous event.
                    let before = (clauseStart..<hit.range.lowerBound)
                    if before.contains(where: { ["he", "she"].contains(tokens[$0].key) }), let subj = pronounReferent(c, s) ?? lastSubject, !participants.contains(subj) { participants.insert(subj, at: 0) }
                    // "After the talks, they signed …": "they" are the people of the event just told, when it has two sides.
                    else if participants.isEmpty, before.contains(where: { tokens[$0].key == "they" }),
                            let last = sentenceEvents.last ?? events.indices.last, events[last].participants.count >= 2 {
                        for p in events[last].participants { addP(p) }
                    }
                }
                // "I was honoured to meet with …", "my first visit": in a transcript, "I" and "my" are the speaker.
                if let speaker = speakers[s.paragraph], !participants.contains(speaker) {
                    let subject: Bool
                    if trig.option == .firstperson { subject = true }
                    else if trig.option == .nominal && !lightVerb {
                        subject = (max(clauseStart, hit.range.lowerBound - 3)..<hit.range.lowerBound).contains { ["my", "our"].contains(tokens[$0].key) }
                    } else { subject = Self.firstPerson(tokens, clauseStart..<hit.range.lowerBound) }
                    if subject { participants.insert(speaker, at: 0) }
                }

                // Organizations: those of the participants and those named as actors in the clause.
                var orgs: [Int] = []
                func addO(_ o: Int) { if c.organizations[o].isListed, !orgs.contains(o) { orgs.append(o) } }
                for p in participants { if let o = c.people[p].organization { addO(o) } }
                if partyOrgsOnly, let m = mainIndex {
                    for o in events[m].organizations where c.organizations[o].kind == .party { addO(o) }
                }
                let orgWindow = max(clauseStart, hit.range.lowerBound - 15)..<min(clauseEnd, hit.range.upperBound + 15)
                for m in c.organizationMentions where orgWindow.contains(m.tokens.lowerBound) && !c.claimed[m.tokens.lowerBound] {
                    if c.organizations[m.organization].kind == .media { continue }
                    addO(m.organization)
                }
                var countries: [String] = []
                func addC(_ x: String?) { if let x, !countries.contains(x) { countries.append(x) } }
                if type == .HOST {
                    let host = c.countryMentions.last { $0.tokens.lowerBound < hit.range.lowerBound && $0.tokens.lowerBound >= clauseStart && !$0.isAdjective }
                    addC(host?.iso3)
                }
                for p in participants { addC(c.people[p].country) }
                for o in orgs { addC(c.organizations[o].country) }
                if countries.isEmpty {
                    for m in c.countryMentions where (clauseStart..<clauseEnd).contains(m.tokens.lowerBound) { addC(m.iso3) }
                }
                // "Two agreements were also concluded in the course of the talks": documents signed with nobody named are
                // signed by the sides of the story's main event.
                // "… they signed a cooperation agreement", "the two sides signed …": the people of the contact told last sign.
                if type == .SIGN, participants.isEmpty, orgs.isEmpty,
                   (clauseStart..<hit.range.lowerBound).contains(where: { tokens[$0].key == "they" }) || refersToBothSides(tokens, clauseStart..<hit.range.lowerBound),
                   let m = events.lastIndex(where: { !$0.reported && $0.participants.count >= 2 && [.MEET, .VISIT, .CALL].contains($0.type) }) {
                    participants = events[m].participants
                    for x in events[m].countries { addC(x) }
                }
                if type == .SIGN, participants.isEmpty, orgs.isEmpty, let m = mainIndex, !events[m].reported,
                   (clauseStart..<clauseEnd).contains(where: { ["visit", "talks", "meeting", "meetings", "ceremony"].contains(tokens[$0].key) }) {
                    participants = events[m].participants
                    for x in events[m].countries { addC(x) }
                }
                // "signed the communique setting up diplomatic ties": those who signed it
                // established the relations.
                if type == .ANNOUNCE, participants.isEmpty, let m = sentenceEvents.last, events[m].type == .SIGN, !events[m].participants.isEmpty,
                   events[m].triggerTokens.upperBound <= hit.range.lowerBound, events[m].triggerTokens.lowerBound >= clauseStart {
                    participants = events[m].participants
                    for x in events[m].countries { addC(x) }
                }
                // "forty years since both states set up diplomatic relations": relations
                // of the two sides of the story's own contact.
                if type == .ANNOUNCE, participants.isEmpty, countries.isEmpty,
                   let m = sentenceEvents.last ?? mainIndex, events[m].countries.count == 2 {
                    countries = events[m].countries
                }
                if participants.isEmpty && orgs.isEmpty && countries.isEmpty { continue }

                // Date.
                let datesInClause = c.dateMentions.filter { $0.sentence == s.index && $0.tokens.lowerBound >= clauseStart && $0.tokens.lowerBound < clauseEnd }
                // The nearest date before the trigger, else one shortly after it ("met on 14 October").
                // After the trigger, dates count up to a relative clause ("the storm that hit … yesterday").
                let relative = (hit.range.upperBound..<clauseEnd).first { Self.relativePronouns.contains(tokens[$0].key) } ?? clauseEnd
                let chosen = datesInClause.filter { $0.tokens.upperBound <= hit.range.lowerBound || $0.tokens.lowerBound < relative }
                    .min { abs($0.tokens.lowerBound - hit.range.lowerBound) < abs($1.tokens.lowerBound - hit.range.lowerBound) }
                var date: PartialDate?
                if let d = chosen {
                    date = modality == .planned
                        ? DateExpressionParser.resolve(d.expression, reference: c.referenceDate, defaultYear: c.defaultYear, future: true)
                        : d.date
                }
                // "the 60th anniversary of the establishment of diplomatic relations", "established 40 years ago":
                // relations are dated by counting back from the reference year.
                // Counted from the year of the story's own contact, else of the page.
                if let years = anniversary, let ref = mainIndex.flatMap({ events[$0].date?.year }) ?? c.referenceDate?.year ?? c.defaultYear {
                    // "next year we will celebrate the 30th anniversary": counted from the year of the celebration.
                    let nextYear = (clauseStart..<clauseEnd).contains { tokens[$0].key == "next" && $0 + 1 < clauseEnd && tokens[$0 + 1].key == "year" }
                    date = PartialDate(year: ref + (nextYear ? 1 : 0) - years)
                }
                // A date after the page's own is a future contact, unless a verb in the past says it happened
                // (pages carry wrong dates more often than releases report the future in the past tense).
                // "is to visit Ghana on 3-5 May" on a page dated 3 May: a planned contact that starts on the page's own day
                // is under way, the day's news.
                let startsToday = modality == .planned && trig.option != .planned
                    && (date.map { d in c.referenceDate.map { d.isComplete && d == $0 } ?? false } ?? false)
                let isFuture = modality == .planned && !startsToday || (trig.option == .nominal || !Self.isPastTense(tokens[hit.range.lowerBound]))
                    && (date.map { d in c.referenceDate.map { d > $0 && d.isComplete && $0.isComplete } ?? false } ?? false)
                let mainDate = mainIndex.flatMap { events[$0].date }
                // "Earlier in the day", "on the same day", "this morning": the main event's day, not an earlier happening.
                let sameDay = Self.sameDayPhrases.contains(where: has)
                // "had held", "had already met": the pluperfect puts a happening before the story's own ("had talks" does not).
                let pluperfect = (clauseStart..<clauseEnd).contains { k in
                    tokens[k].key == "had" && (k + 1..<min(clauseEnd, k + 3)).contains { j in
                        Self.isPastTense(tokens[j]) && tokens[j].key != "had" || tokens[j].key == "been" }
                }
                let pastMarked = !sameDay && ((clauseStart..<hit.range.lowerBound).contains { Self.pastMarkers.contains(tokens[$0].key) } || pluperfect)
                var reported = false
                // Speech about the guests' own current visit ("X led a delegation to visit China this time") is the
                // present happening, not an earlier one: no date of its own, no past marker, only the main event's people.
                let aboutMainEvent = inSpeech && chosen == nil && !pastMarked && !participants.isEmpty
                    && mainIndex.map { m in participants.allSatisfy { events[m].participants.contains($0) } } ?? false
                // A happening dated by the very expression that dates the main event shares its time.
                let sharesMainDate = chosen != nil && chosen!.tokens == mainDateTokens
                if sharesMainDate, date == nil { date = mainDate }
                if (mainIndex != nil || inSpeech) && !sharesMainDate {
                    if (inSpeech && !aboutMainEvent) || pastMarked { reported = true }
                    else if let d = date, let md = mainDate, d != md, !(md.description.hasPrefix(d.description)),
                            !Self.arrivalBefore(type, d, md) { reported = true }
                    else if chosen != nil && date == nil { reported = true }
                } else if pluperfect && !sameDay && !inSpeech {
                    // "The two leaders had met in May" before the story's own contact is told: still an earlier one.
                    reported = true
                }
                if date == nil && chosen == nil && !reported && !isFuture {
                    date = mainDate ?? leadDate ?? c.layout.datelineDate ?? c.published
                    // The main event known only to the month: a day the lead, dateline or page gives within that month is finer.
                    if let m = mainDate, !m.isComplete,
                       let day = [leadDate, c.layout.datelineDate, c.published].compactMap({ $0 }).first(where: { $0.isComplete && $0.description.hasPrefix(m.description) }) {
                        date = day
                    }
                }
                // Place.
                var place: String?
                if let here = (clauseStart..<clauseEnd).first(where: { tokens[$0].key == "here" }), here >= 0 { place = c.layout.datelinePlace }
                if place == nil, let pm = c.placeMentions.first(where: { (clauseStart..<clauseEnd).contains($0.tokens.lowerBound) && $0.tokens.lowerBound > 0 && ["in", "at"].contains(tokens[$0.tokens.lowerBound - 1].key) }) {
                    place = pm.name
                }
                if place == nil, !reported, !isFuture { place = (mainIndex.flatMap { events[$0].place }) ?? c.layout.datelinePlace }

                var confidence = trig.option == .nominal ? 0.75 : 0.9
                if participants.isEmpty { confidence -= 0.15 }
                if reported { confidence -= 0.05 }
                var variant: String?
                if type == .MESSAGE, has(["condolence"]) || has(["condolences"]) || has(["sympathy"]) { variant = "condolence" }
                if type == .ANNOUNCE, has(["diplomatic", "relations"]) { variant = "relations" }
                var event = EventRecord(type: type, variant: variant, date: date, place: place, participants: participants, organizations: orgs,
                                        countries: countries, reported: reported, sentence: s.index, triggerTokens: hit.range,
                                        confidence: max(0.3, confidence))
                event.roles = roles(c, participants: participants, people: peopleInClause, trigger: hit, type: type)
                // A visit to a country or city is the visitors' own happening: the people named before the trigger
                // (the one a "who is visiting" clause describes), not the hosts they meet.
                if type == .VISIT {
                    let object = hit.range.upperBound..<min(clauseEnd, hit.range.upperBound + 4)
                    // "arrived on a state visit and then held talks with the President": a state or official visit with no
                    // destination named is a visit to the host country.
                    let stateVisit = hit.range.contains { ["state", "official", "working"].contains(tokens[$0].key) }
                        && (hit.range.upperBound >= clauseEnd || !["to", "at", "of", "in"].contains(tokens[hit.range.upperBound].key))
                    event.isCountryVisit = stateVisit || object.contains { k in
                        (c.countryMentionAt[k].map { !c.countryMentions[$0].isAdjective } ?? false) || c.placeMentionAt[k] != nil
                    }
                    if event.isCountryVisit {
                        let before = peopleInClause.filter { $0.tokens.upperBound <= hit.range.lowerBound && participants.contains($0.person) }
                        if let last = before.last, (last.tokens.upperBound..<hit.range.lowerBound).contains(where: { ["who", "which"].contains(tokens[$0].key) }) {
                            event.participants = [last.person]
                        } else if !before.isEmpty {
                            event.participants = Self.uniqued(before.map(\.person))
                        }
                        let visitorOrgs = event.participants.compactMap { c.people[$0].organization }.filter { orgs.contains($0) }
                        if !visitorOrgs.isEmpty { event.organizations = visitorOrgs }
                        // "a CPC delegation", "a delegation of the New Azerbaijan Party": the visiting side is the delegation's body.
                        if let sent = Self.delegationOrganization(c, clauseStart..<clauseEnd) { event.organizations = [sent] }
                    }
                }
                if isFuture {
                    planned.append(event)
                    continue
                }
                // "…attended the X Meeting and the Y Meeting": one attendance per gathering named.
                if type == .ATTEND {
                    var gatherings: [Int] = []
                    for m in c.organizationMentions where (hit.range.upperBound..<clauseEnd).contains(m.tokens.lowerBound)
                        && [.international, .other].contains(c.organizations[m.organization].kind) && c.organizations[m.organization].isListed
                        && !gatherings.contains(m.organization) {
                        gatherings.append(m.organization)
                    }
                    if gatherings.count >= 2 {
                        for g in gatherings {
                            var e = event
                            e.organizations = [g]
                            if let m = events.indices.first(where: { events[$0].type == .ATTEND && events[$0].organizations == [g] && Set(events[$0].participants) == Set(e.participants) }) {
                                merge(&events[m], e)
                                continue
                            }
                            events.append(e)
                            sentenceEvents.append(events.count - 1)
                        }
                        continue
                    }
                }
                // "X met with A, B and C respectively": one meeting per counterpart, each a happening of its own.
                let subjects = peopleInClause.filter { $0.tokens.lowerBound < hit.range.lowerBound && participants.contains($0.person) }.map(\.person)
                var counterparts: [Int] = []
                for m in peopleInClause where m.tokens.lowerBound >= hit.range.upperBound && !subjects.contains(m.person) && !counterparts.contains(m.person) {
                    counterparts.append(m.person)
                }
                let counterpartMentions = peopleInClause.filter { $0.tokens.lowerBound >= hit.range.upperBound && counterparts.contains($0.person) }
                // "met with A, Director of X; B, Head of Y; and C": items of a semicolon list are met one by one;
                // "met her peers from Ghana and Kenya, A and B": counterparts of different countries, one by one.
                let semicolonList = listSemicolons && counterpartMentions.count >= 2
                    && (counterpartMentions[0].tokens.upperBound..<counterpartMentions[counterpartMentions.count - 1].tokens.lowerBound).contains { tokens[$0].key == ";" }
                let peersOfCountries = (hit.range.upperBound..<clauseEnd).contains { ["counterparts", "peers"].contains(tokens[$0].key) }
                    && !(clauseStart..<clauseEnd).contains { ["trilateral", "joint", "together", "quadrilateral"].contains(tokens[$0].key) }
                    && Set(counterparts.compactMap { personRecords[$0].country }).count == counterparts.count
                let separately = semicolonList || peersOfCountries
                    || Self.separateMarkers.contains { k in (clauseStart..<clauseEnd).contains { tokens[$0].key == k } }
                // A minister meeting their own envoys or officials holds one meeting with all of them.
                let ownSide = Set(subjects.compactMap { personRecords[$0].country })
                let allOwnSide = !ownSide.isEmpty && counterparts.allSatisfy { personRecords[$0].country.map(ownSide.contains) ?? false }
                // Three or more counterparts are met one by one when each is a principal (minister or higher) or an
                // envoy of a state; local officials and staff named together are one meeting.
                func allPrincipals() -> Bool {
                    counterparts.allSatisfy { p in
                        c.people[p].known != nil
                            || c.people[p].titles.contains { (Self.titleRank(c, $0) ?? 9) <= 4 || PersonCountryInference.isDiplomatTitle($0) }
                    }
                }
                if type == .MEET, trig.option != .nominal, !subjects.isEmpty, counterparts.count >= 2,
                   separately || counterparts.count >= 3 && !allOwnSide && allPrincipals() {
                    for other in counterparts {
                        var e = event
                        e.participants = subjects + [other]
                        e.organizations = Self.uniqued(e.participants.compactMap { c.people[$0].organization }.filter { c.organizations[$0].isListed })
                        let cs = Self.countries(c, people: e.participants, organizations: e.organizations)
                        e.countries = cs.isEmpty ? event.countries : cs
                        e.roles = event.roles.filter { e.participants.contains($0.key) }
                        if let m = events.indices.first(where: { compatible(events[$0], e, c) }) { merge(&events[m], e); continue }
                        events.append(e)
                        sentenceEvents.append(events.count - 1)
                        if !reported, mainIndex == nil { mainIndex = events.count - 1; mainDateTokens = chosen?.tokens }
                    }
                    lastSubject = subjects.first
                    continue
                }
                // "met with his Ghanaian, Kenyan and Togolese counterparts", "met the ambassadors of Ghana and Kenya": one
                // meeting per country named; who stood for each is looked for in the sentences after (below).
                // Envoys presenting their credentials together are received at one ceremony.
                if type == .MEET, trig.option != .nominal, !reported, !subjects.isEmpty, counterparts.isEmpty,
                   !(clauseStart..<clauseEnd).contains(where: { Self.credentialWords.contains(tokens[$0].key) }),
                   let listed = Self.countryList(c, from: hit.range.upperBound, end: clauseEnd) {
                    let own = subjects.compactMap { c.people[$0].country }
                    for x in listed where !own.contains(x) && !events.contains(where: { $0.type == .MEET && $0.countries.contains(x) && subjects.allSatisfy($0.participants.contains) }) {
                        var e = event
                        e.participants = subjects
                        e.roles = event.roles.filter { subjects.contains($0.key) }
                        e.countries = Self.uniqued(own + [x])
                        e.counterpartCountry = x
                        events.append(e)
                        sentenceEvents.append(events.count - 1)
                        if mainIndex == nil { mainIndex = events.count - 1; mainDateTokens = chosen?.tokens }
                    }
                    lastSubject = subjects.first
                    continue
                }
                // "visits to London (United Kingdom), Tokyo and Washington": one visit per place of the list.
                if type == .VISIT, !reported, !participants.isEmpty,
                   let places = Self.placeList(c, from: hit.range.upperBound, end: clauseEnd), places.count >= 2 {
                    for (name, country) in places where !events.contains(where: { $0.type == .VISIT && !$0.reported && $0.place == name }) {
                        var e = event
                        e.place = name
                        e.isCountryVisit = true
                        if let x = country { e.countries = Self.uniqued(event.countries + [x]) }
                        events.append(e)
                        sentenceEvents.append(events.count - 1)
                        if mainIndex == nil { mainIndex = events.count - 1; mainDateTokens = chosen?.tokens }
                    }
                    continue
                }
                // "led a delegation to South Africa to attend the Dialogue", "… for the 2023 Summit": the delegation's
                // visit is also an attendance of that gathering.
                if type == .VISIT, !reported, (hit.range).contains(where: { Self.referenceDelegation.contains(tokens[$0].key) }),
                   Self.attendsGathering(c, after: hit.range.upperBound..<min(clauseEnd, hit.range.upperBound + 8)),
                   !events.contains(where: { $0.type == .ATTEND && !$0.reported && Set($0.participants) == Set(event.participants) }) {
                    var attendance = event
                    attendance.type = .ATTEND
                    attendance.isCountryVisit = false
                    attendance.confidence = 0.7
                    events.append(attendance)
                    sentenceEvents.append(events.count - 1)
                }
                // One happening, one event: merge with an event of the same kind in this sentence, or with a compatible earlier one.
                // The second of two coordinated meetings with a counterpart of its own is another meeting.
                let ownCounterpart = coordinated.follows && !counterparts.isEmpty
                if ownCounterpart, let m = events.indices.first(where: { Set(events[$0].participants) == Set(event.participants) && mergeable(events[$0], event) }) {
                    merge(&events[m], event)
                    continue
                }
                // "…; the summit in Nairobi, in which she also had a bilateral with Y; and …": one subject meeting another
                // counterpart in another clause of the sentence holds another meeting.
                func otherCounterpart(_ e: EventRecord) -> Bool {
                    guard e.type == .MEET, event.type == .MEET, clauseStart > s.tokenRange.lowerBound, e.triggerTokens.upperBound <= clauseStart else { return false }
                    let shared = Set(e.participants).intersection(event.participants)
                    return !shared.isEmpty && e.participants.contains { !shared.contains($0) } && event.participants.contains { !shared.contains($0) }
                }
                if !ownCounterpart, let m = sentenceEvents.first(where: { mergeable(events[$0], event) && !otherCounterpart(events[$0]) }) ?? events.indices.first(where: { compatible(events[$0], event, c) }) {
                    merge(&events[m], event)
                    if !sentenceEvents.contains(m) { sentenceEvents.append(m) }
                    continue
                }
                events.append(event)
                sentenceEvents.append(events.count - 1)
                if !reported, mainIndex == nil { mainIndex = events.count - 1; mainDateTokens = chosen?.tokens }
                if let first = peopleInClause.first(where: { $0.tokens.lowerBound < hit.range.lowerBound }) { lastSubject = first.person }
                else if let p = participants.first { lastSubject = p }
            }
        }
        // A release whose body states no contact in words the triggers know ("Remarks … before their meeting",
        // transcripts, letters of greetings) still has the one its headline names: that event, with the people the
        // headline (else the lead) names.
        if !events.contains(where: { !$0.reported }), let letter = letterEvent(c, leadDate: leadDate) { events.append(letter) }
        if events.isEmpty, var headline = headlineEvent(c, leadDate: leadDate) {
            for p in presentBeforeAnyEvent where !headline.participants.contains(p) {
                headline.participants.append(p)
                headline.roles[p] = "present"
                if let x = c.people[p].country, !headline.countries.contains(x) { headline.countries.append(x) }
            }
            events.append(headline)
        }
        // "Ghana's minister received Ana Lopes … During the visit, …": a visit spoken of as known is the guests' visit.
        if !events.contains(where: { $0.type == .VISIT && !$0.reported }),
           let m = events.indices.first(where: { events[$0].type == .MEET && !events[$0].reported }),
           let spoken = c.sentences.first(where: { $0.index >= c.layout.bodyStartSentence && !c.layout.chromeSentences.contains($0.index)
               && Self.speaksOfTheVisit(tokens, $0.tokenRange) }) {
            // The visitors: those from another country than the meeting's place (else the dateline's, else the country
            // the visit's sentence says they are in), else those the verb makes guests.
            let placeCountry = events[m].place.flatMap { place in c.placeMentions.first { $0.name == place }?.country }
                ?? c.layout.datelinePlaceCountry
                ?? c.countryMentions.first(where: { cm in
                    !cm.isAdjective && spoken.tokenRange.contains(cm.tokens.lowerBound) && cm.tokens.lowerBound > 0
                        && ["in", "to"].contains(tokens[cm.tokens.lowerBound - 1].key)
                })?.iso3
            let guests = placeCountry.map { home in events[m].participants.filter { c.people[$0].country.map { $0 != home } ?? false } }
                ?? events[m].participants.filter { events[m].roles[$0] == "guest" }
            if !guests.isEmpty, guests.count < events[m].participants.count {
                var visit = events[m]
                visit.type = .VISIT
                visit.variant = nil
                visit.participants = guests
                visit.roles = Dictionary(uniqueKeysWithValues: guests.map { ($0, "guest") })
                visit.organizations = Self.uniqued(guests.compactMap { c.people[$0].organization }.filter { c.organizations[$0].isListed })
                visit.countries = Self.countries(c, people: guests, organizations: visit.organizations)
                visit.isCountryVisit = true
                visit.otherSentences = []
                visit.confidence = 0.7
                events.append(visit)
            }
        }
        // "met with visiting Foreign Minister Ana Lopes": the visitor's visit is a happening of its own.
        for e in events.indices where events[e].type == .MEET {
            let sentence = c.sentences[events[e].sentence].tokenRange
            for p in events[e].participants {
                // "visiting" opens the person's own title phrase: only capitalised words and connectors between.
                guard let m = c.personMentions.first(where: { $0.person == p && sentence.contains($0.tokens.lowerBound) }),
                      let v = (max(sentence.lowerBound, m.tokens.lowerBound - 8)..<m.tokens.lowerBound).last(where: { tokens[$0].key == "visiting" }),
                      ((v + 1)..<m.tokens.lowerBound).allSatisfy({ tokens[$0].isCapitalized || ["of", "the", "to", "for", "and", "-", "."].contains(tokens[$0].key) }),
                      !events.contains(where: { $0.type == .VISIT && !$0.reported && $0.participants.contains(p) }) else { continue }
                var visit = events[e]
                visit.type = .VISIT
                visit.variant = nil
                visit.participants = [p]
                visit.roles = [p: "guest"]
                visit.organizations = c.people[p].organization.flatMap { c.organizations[$0].isListed ? [$0] : nil } ?? []
                visit.isCountryVisit = true
                visit.otherSentences = []
                visit.confidence = 0.7
                events.append(visit)
            }
        }
        // "The delegation, which comprised A and B, …": the members named take part in the delegation's visit and in
        // the meetings whose sentence speaks of the delegation.
        // "X landed in Y on Monday. With him are A, B and C of the delegation": members listed in a sentence of
        // their own join the events of the sentence before.
        let (members, membersSentence) = delegationMembers(c, events: events)
        if !members.isEmpty {
            for e in events.indices where !events[e].reported && [.VISIT, .MEET].contains(events[e].type) {
                let r = c.sentences[events[e].sentence].tokenRange
                let namesDelegation = r.contains { Self.referenceDelegation.contains(tokens[$0].key) }
                let justBefore = events[e].sentence == membersSentence - 1 && !events.contains { $0.sentence == membersSentence }
                guard namesDelegation || justBefore || events[e].type == .VISIT && events[e].participants.isEmpty,
                      !members.contains(where: events[e].participants.contains) else { continue }
                events[e].participants.insert(contentsOf: members, at: 0)
                for p in members {
                    events[e].roles[p] = "guest"
                    if let x = c.people[p].country, !events[e].countries.contains(x) { events[e].countries.append(x) }
                }
            }
        }
        // "The President received the credentials of twelve new ambassadors … Ghana's Ambassador, Kwame Mensah, said …":
        // envoys received as a group, named elsewhere in the story (or in a list of "Name (Country)" lines), are the
        // audience's other side.
        if let e = events.indices.first(where: { events[$0].type == .MEET && !events[$0].reported }),
           Self.receivesEnvoyGroup(tokens, events[e].triggerTokens, sentence: c.sentences[events[e].sentence].tokenRange) {
            let host = Set(events[e].participants)
            let envoys = c.people.indices.filter { p in
                !host.contains(p) && (c.people[p].evidence == "list" || c.people[p].titles.contains(where: PersonCountryInference.isDiplomatTitle))
                    && !events.contains { $0.participants.contains(p) && !host.isSubset(of: $0.participants) }
            }
            for p in envoys { Self.addGuest(p, to: &events[e], c) }
        }
        // "… met his Ghanaian and Kenyan counterparts. … In the meeting with Kenyan Foreign Minister Ana Lopes, …": the
        // first minister or envoy of each listed country named after the list is that country's counterpart, and a
        // meeting told with them is the same meeting.
        for e in events.indices where events[e].counterpartCountry != nil {
            let x = events[e].counterpartCountry!
            let hosts = Set(events[e].participants)
            guard let m = c.personMentions.first(where: { m in
                m.sentence > events[e].sentence && !hosts.contains(m.person) && c.people[m.person].country == x && !c.people[m.person].isHeadOfState
                    && c.people[m.person].titles.contains { (Self.titleRank(c, $0) ?? 9) <= 4 || PersonCountryInference.isDiplomatTitle($0) }
            }) else { continue }
            Self.addGuest(m.person, to: &events[e], c)
            if let o = c.people[m.person].organization, c.organizations[o].isListed, !events[e].organizations.contains(o) { events[e].organizations.append(o) }
            events[e].counterpartCountry = nil
            // "… they signed an agreement": what the two did next, told before the counterpart was known, is theirs too.
            for f in events.indices where f != e && [.SIGN, .ANNOUNCE].contains(events[f].type) && Set(events[f].participants) == hosts
                && events[f].countries.contains(x) && events[f].sentence >= m.sentence {
                events[f].participants.append(m.person)
            }
            // The meeting told again with the counterpart named is this one.
            if let later = events.indices.first(where: { $0 != e && events[$0].type == .MEET && !events[$0].reported && events[$0].participants.contains(m.person) && events[$0].counterpartCountry == nil && events[$0].sentence > events[e].sentence }) {
                events[e].otherSentences.append(events[later].sentence)
                events[later].participants = []
                events[later].organizations = []
            }
        }
        // "The talks were held on the sidelines of the Ghana–Kenya Business Forum": those who met attended the gathering.
        if !events.contains(where: { $0.type == .ATTEND && !$0.reported }),
           let m = events.indices.first(where: { events[$0].type == .MEET && !events[$0].reported && !events[$0].participants.isEmpty }) {
            let near = Set([events[m].sentence] + events[m].otherSentences + [events[m].sentence + 1, events[m].sentence + 2])
            if let s = near.sorted().first(where: { $0 < c.sentences.count && Self.sidelinesOf(tokens, c.sentences[$0].tokenRange) != nil }),
               let of = Self.sidelinesOf(tokens, c.sentences[s].tokenRange) {
                let r = c.sentences[s].tokenRange
                let clauseEnd = (of..<r.upperBound).first { tokens[$0].key == "," } ?? r.upperBound
                let gathering = c.organizationMentions.first { (of..<clauseEnd).contains($0.tokens.lowerBound) && c.organizations[$0.organization].isListed }?.organization
                var attendance = events[m]
                attendance.type = .ATTEND
                attendance.variant = nil
                attendance.participants = Self.uniqued(events.filter { $0.type == .MEET && !$0.reported && ($0.sentence == events[m].sentence || $0.sentence == s) }.flatMap(\.participants))
                attendance.roles = Dictionary(uniqueKeysWithValues: attendance.participants.map { ($0, "participant") })
                attendance.organizations = gathering.map { [$0] } ?? []
                attendance.countries = Self.countries(c, people: attendance.participants, organizations: [])
                attendance.isCountryVisit = false
                attendance.otherSentences = []
                attendance.sentence = s
                attendance.confidence = 0.6
                events.append(attendance)
            }
        }
        // "The Speaker received the delegation", "… saw off the delegation at the airport": the delegation whose visit the
        // story tells, its head and members, is the other side.
        if let v = events.firstIndex(where: { $0.type == .VISIT && !$0.reported && !$0.participants.isEmpty }) {
            for e in events.indices where events[e].type == .MEET && !events[e].reported {
                let t = events[e].triggerTokens
                let sentence = c.sentences[events[e].sentence].tokenRange
                let object = t.upperBound..<min(sentence.upperBound, t.upperBound + 4)
                guard object.contains(where: { k in tokens[k].key == "delegation" && k > object.lowerBound && ["the", "this"].contains(tokens[k - 1].key) }),
                      !events[v].participants.allSatisfy(events[e].participants.contains) else { continue }
                for p in events[v].participants where !events[e].participants.contains(p) { Self.addGuest(p, to: &events[e], c) }
            }
        }
        // "During the stay, a meeting with X was the high point": in the story of a visit, a meeting with one person
        // named is the visitors' meeting with them.
        if let v = events.firstIndex(where: { $0.type == .VISIT && !$0.reported && !$0.participants.isEmpty }) {
            let visitors = events[v].participants
            let visitorCountries = Set(visitors.compactMap { personRecords[$0].country })
            for e in events.indices where events[e].type == .MEET && !events[e].reported && events[e].participants.count == 1 {
                let p = events[e].participants[0]
                guard !visitors.contains(p), c.people[p].country.map({ !visitorCountries.contains($0) }) ?? true else { continue }
                events[e].participants = visitors + [p]
                for q in visitors { events[e].roles[q] = "guest" }
                for o in events[v].organizations where !events[e].organizations.contains(o) { events[e].organizations.append(o) }
                for x in events[v].countries where !events[e].countries.contains(x) { events[e].countries.append(x) }
            }
        }
        // A round-up of one host's talks with several guests: a later meeting that names only a person of another
        // country (talks "then continued with" Ana Lopes of Kenya) is the host's meeting with that person.
        if !events.contains(where: { $0.type == .VISIT && !$0.reported }),
           let h = events.firstIndex(where: { $0.type == .MEET && !$0.reported }), events[h].participants.count == 1,
           let home = c.people[events[h].participants[0]].country {
            let host = events[h].participants[0]
            for e in events.indices where e != h && events[e].type == .MEET && !events[e].reported && events[e].participants.count == 1 {
                let p = events[e].participants[0]
                guard p != host, let x = c.people[p].country, x != home else { continue }
                events[e].participants = [host, p]
                events[e].roles[host] = "host"
                if !events[e].countries.contains(home) { events[e].countries.insert(home, at: 0) }
            }
        }
        // "Ruritania and Ghana set up diplomatic ties … A and B put their names to the communique": relations
        // announced with nobody named are announced by those who signed for the same countries.
        for e in events.indices where events[e].type == .ANNOUNCE && events[e].participants.isEmpty && !events[e].reported {
            if let signing = events.first(where: { $0.type == .SIGN && !$0.reported && $0.participants.count >= 2 && Set($0.countries) == Set(events[e].countries) }) {
                events[e].participants = signing.participants
                events[e].roles = signing.roles
            }
        }
        // The headline names the main event's sides: organizations it names join that event.
        if let m = events.indices.first(where: { !events[$0].reported }), c.layout.bodyStartSentence < c.sentences.count {
            let bodyStart = c.sentences[c.layout.bodyStartSentence].tokenRange.lowerBound
            for om in c.organizationMentions where om.tokens.lowerBound < bodyStart && !c.layout.chromeSentences.contains(c.sentenceOfToken[om.tokens.lowerBound]) {
                let org = c.organizations[om.organization]
                if org.isListed, org.kind != .media, !events[m].organizations.contains(om.organization) {
                    events[m].organizations.append(om.organization)
                    if let x = org.country, !events[m].countries.contains(x) { events[m].countries.append(x) }
                }
            }
        }
        // A contact with nobody named and no organization acting is too thin to stand as an event; hosting and
        // announcements are the exception (countries host summits and establish relations).
        // A meeting or a call is between people: one that names no person is a body's routine, not a contact to record.
        // "paid floral tribute to President Ho Chi Minh": a figure whose office ended two generations before the
        // story is remembered, not met.
        if let year = c.referenceDate?.year ?? c.defaultYear {
            for e in events.indices {
                events[e].participants.removeAll { p in
                    guard let k = c.people[p].known, let years = c.lexicons.people[k].years else { return false }
                    return years.upperBound < year - 40
                }
            }
        }
        let kept = events.filter { e in
            if !e.participants.isEmpty { return true }
            if e.type == .MEET || e.type == .CALL { return false }
            // "Ghana and Kenya signed a trade agreement": two states sign.
            return !e.organizations.isEmpty || e.type == .HOST || e.type == .ANNOUNCE || e.type == .SIGN && e.countries.count >= 2
        }
        return (kept, planned)
    }

    /// A guest who landed the evening before the talks the story reports: a visit that began up to three days before
    /// the main event is the same trip, not an earlier happening.
    static func arrivalBefore(_ type: EventType, _ d: PartialDate, _ main: PartialDate) -> Bool {
        guard type == .VISIT, let a = d.dayNumber, let b = main.dayNumber else { return false }
        return (1...3).contains(b - a)
    }

    /// The rank (1 = most senior) of the gazetteer title a printed title starts with, if any.
    static func titleRank(_ c: ExtractionContext, _ title: String) -> Int? {
        let t = TextNormalizer.fold(title)
        var best: (length: Int, rank: Int)?
        for (f, rank) in c.lexicons.foldedTitles {
            guard t == f || t.hasPrefix(f + " "), f.count > (best?.length ?? 0) else { continue }
            best = (f.count, rank)
        }
        return best?.rank
    }

    /// Words that open the list of a delegation's or mission's members: "composed of", "comprising", "consisting of",
    /// "including", "formed by", "made up of".
    static let membershipWords: Set<String> = ["composed", "comprising", "comprised", "consisting", "consists", "including", "included",
                                               "comprises", "includes", "formed", "made"]

    /// The people a body sentence names as a delegation's members ("the delegation, composed of A and B, …"), up to
    /// the sentence's first trigger after them, and that sentence; empty when no sentence does.
    func delegationMembers(_ c: ExtractionContext, events: [EventRecord]) -> ([Int], Int) {
        for s in c.sentences where s.index >= c.layout.bodyStartSentence && !c.layout.chromeSentences.contains(s.index) {
            let r = s.tokenRange
            guard let d = r.first(where: { ["delegation", "mission"].contains(c.tokens[$0].key) }),
                  let open = (d + 1..<min(r.upperBound, d + 4)).first(where: { Self.membershipWords.contains(c.tokens[$0].key) }) else { continue }
            let stop = events.filter { $0.sentence == s.index && $0.triggerTokens.lowerBound > open }.map(\.triggerTokens.lowerBound).min() ?? r.upperBound
            var found: [Int] = []
            for m in c.personMentions where m.sentence == s.index && m.tokens.lowerBound > open && m.tokens.lowerBound < stop && !found.contains(m.person) {
                found.append(m.person)
            }
            if found.count >= 2 { return (found, s.index) }
        }
        return ([], -1)
    }

    /// "X's granddaughter", "X's special envoy": someone else acts for or beside the person named.
    static func standsInFor(_ c: ExtractionContext, _ m: PersonMention) -> Bool {
        // "the funeral of former prime minister X", "the late X": the dead are mourned, not met.
        let start = m.tokens.lowerBound
        if (max(0, start - 7)..<start).contains(where: { c.tokens[$0].classes.contains(.absence) }),
           (max(0, start - 7)..<start).allSatisfy({ !c.tokens[$0].isPunctuation || c.tokens[$0].key == "-" }) {
            return true
        }
        let k = m.tokens.upperBound
        guard k + 1 < c.tokens.count, c.tokens[k].key == "'s" else { return false }
        return (k + 1..<min(c.tokens.count, k + 3)).contains { c.lexicons.standInWords.contains(c.tokens[$0].key) }
    }

    /// Words a few tokens before a name that mark its bearer as dead or absent ("the funeral of", "the late").
    static let absenceWords: Set<String> = ["funeral", "late", "mausoleum", "memorial", "tomb", "grave", "death", "passing"]

    static let headsOfStatePhrases: [[String]] = [["heads", "of", "the", "two", "states"], ["two", "heads", "of", "state"],
                                                  ["heads", "of", "state", "of", "the", "two"], ["two", "presidents"], ["two", "leaders"],
                                                  ["heads", "of", "the", "two", "countries"]]
    static let sameDayPhrases: [[String]] = [["in", "the", "day"], ["same", "day"], ["this", "morning"], ["this", "afternoon"],
                                             ["this", "evening"], ["earlier", "today"], ["later", "today"]]

    /// Whether the token keys of `range` contain `phrase` as a contiguous run.
    static func contains(_ tokens: [Token], _ range: Range<Int>, _ phrase: [String]) -> Bool {
        guard let first = phrase.first, range.count >= phrase.count else { return false }
        var k = range.lowerBound
        while k + phrase.count <= range.upperBound {
            if tokens[k].key == first {
                var ok = true
                for j in 1..<phrase.count where tokens[k + j].key != phrase[j] { ok = false; break }
                if ok { return true }
            }
            k += 1
        }
        return false
    }

    /// A release that is itself a letter ("To: … Dear Comrades, accept our greetings …") and reports nothing
    /// else: one MESSAGE between the bodies named before its salutation.
    func letterEvent(_ c: ExtractionContext, leadDate: PartialDate?) -> EventRecord? {
        let tokens = c.tokens
        let opening = c.sentences.prefix(c.layout.bodyStartSentence + 8).filter { !c.layout.chromeSentences.contains($0.index) }
        guard let salutation = opening.first(where: { s in
            let r = s.tokenRange
            return (s.index == 0 || c.sentences[s.index - 1].paragraph != s.paragraph) && c.lexicons.salutations.contains { words in
                r.count > words.count && words.indices.allSatisfy { tokens[r.lowerBound + $0].key == words[$0] }
            }
        }) else { return nil }
        let following = c.sentences[salutation.index..<min(c.sentences.count, salutation.index + 4)]
        guard following.contains(where: { s in s.tokenRange.contains { c.lexicons.greetingWords.contains(tokens[$0].key) } }) else { return nil }
        var orgs: [Int] = []
        for s in c.sentences[..<salutation.index] where !c.layout.chromeSentences.contains(s.index) {
            for m in c.organizationMentions where s.tokenRange.contains(m.tokens.lowerBound) {
                let o = c.organizations[m.organization]
                if o.isListed, o.kind != .media, !orgs.contains(m.organization) { orgs.append(m.organization) }
            }
        }
        guard !orgs.isEmpty else { return nil }
        return EventRecord(type: .MESSAGE, variant: nil, date: leadDate ?? c.layout.datelineDate ?? c.published, place: nil,
                           participants: [], organizations: orgs, countries: Self.countries(c, people: [], organizations: orgs),
                           reported: false, sentence: salutation.index, triggerTokens: salutation.tokenRange.lowerBound..<(salutation.tokenRange.lowerBound + 1),
                           confidence: 0.5)
    }

    /// The event a headline names, for releases whose body names none.
    func headlineEvent(_ c: ExtractionContext, leadDate: PartialDate?) -> EventRecord? {
        let body = c.layout.bodyStartSentence
        guard body < c.sentences.count else { return nil }
        for s in c.sentences.prefix(body) where !c.layout.chromeSentences.contains(s.index) {
            guard let hit = matcher.hits(in: c.tokens, range: s.tokenRange).first(where: { ![.presence, .planned].contains($0.trigger.option) }),
                  modality(c, trigger: hit.range, clauseStart: s.tokenRange.lowerBound, clauseEnd: s.tokenRange.upperBound) == nil else { continue }
            let type = Self.typeStated(by: hit, in: c.tokens)
            var people: [Int] = []
            for m in c.personMentions where m.sentence == s.index && !people.contains(m.person) { people.append(m.person) }
            if people.isEmpty {
                for m in c.personMentions where m.sentence == body && !people.contains(m.person) { people.append(m.person) }
            }
            var orgs: [Int] = []
            for m in c.organizationMentions where (s.tokenRange.contains(m.tokens.lowerBound) || c.sentences[body].tokenRange.contains(m.tokens.lowerBound))
                && c.organizations[m.organization].isListed && c.organizations[m.organization].kind != .media && !orgs.contains(m.organization) {
                orgs.append(m.organization)
            }
            let countries = Self.countries(c, people: people, organizations: orgs)
            if type == .HOST || type == .ANNOUNCE { if countries.isEmpty { continue } } else if people.isEmpty && orgs.isEmpty { continue }
            return EventRecord(type: type, variant: nil, date: leadDate ?? c.layout.datelineDate ?? c.published, place: c.layout.datelinePlace,
                               participants: people, organizations: orgs, countries: countries, reported: false, sentence: s.index,
                               triggerTokens: hit.range, confidence: 0.5)
        }
        return nil
    }

    /// Years counted back in a clause: `<N>th anniversary`, `<N>th year of` or `<N> years ago`.
    /// The nearest before `trigger` wins ("the 31st year since the establishment of relations, and the 12th year of
    /// a trade pact": 31), then the first in the clause.
    static func yearsBack(_ tokens: [Token], _ r: Range<Int>, before trigger: Int) -> Int? {
        for k in stride(from: trigger - 1, through: max(r.lowerBound, trigger - 6), by: -1) where tokens[k].kind == .number && k + 1 < r.upperBound {
            guard let n = DateExpressionParser.number(tokens[k]), (1...300).contains(n) else { continue }
            if ["anniversary", "year"].contains(tokens[k + 1].key) { return n }
        }
        for k in r where tokens[k].kind == .number {
            guard let n = DateExpressionParser.number(tokens[k]), (1...300).contains(n), k + 1 < r.upperBound else { continue }
            if tokens[k + 1].key == "anniversary" { return n }
            if tokens[k + 1].key == "years", k + 2 < r.upperBound, tokens[k + 2].key == "ago" { return n }
        }
        return nil
    }

    /// The organization a delegation in `r` comes from: `<Org> delegation` or `delegation of (the) <Org>`.
    static func delegationOrganization(_ c: ExtractionContext, _ r: Range<Int>) -> Int? {
        for k in r where c.tokens[k].key == "delegation" || c.tokens[k].key == "delegations" {
            if let m = c.organizationMentions.last(where: { $0.tokens.upperBound == k || $0.tokens.upperBound + 1 == k && c.tokens[k - 1].isCapitalized }),
               c.organizations[m.organization].isListed { return m.organization }
            var j = k + 1
            if j < r.upperBound, c.tokens[j].key == "of" || c.tokens[j].key == "from" { j += 1 } else { continue }
            if j < r.upperBound, c.tokens[j].key == "the" { j += 1 }
            if let i = c.organizationMentionAt[j], c.organizations[c.organizationMentions[i].organization].isListed { return c.organizationMentions[i].organization }
        }
        return nil
    }

    /// The type a trigger states: its own, except that talks or meetings by phone, video or online are calls
    /// ("had phone talks", "held a virtual meeting").
    static func typeStated(by hit: EventTriggerMatcher.Hit, in tokens: [Token]) -> EventType {
        let type = hit.trigger.type
        guard type == .MEET, hit.trigger.option != .presence else { return type }
        if hit.range.contains(where: { remoteWords.contains(tokens[$0].key) }) { return .CALL }
        // "held talks by phone with …", "met via video link", "held talks with X over the telephone": the means named
        // right after the verb, or after its object.
        let after = hit.range.upperBound..<min(tokens.count, hit.range.upperBound + 8)
        for k in after {
            if [".", ";", ":"].contains(tokens[k].key) { break }
            if ["by", "via", "over"].contains(tokens[k].key), k + 1 < tokens.count,
               remoteWords.contains(tokens[k + 1].key) || k + 2 < tokens.count && tokens[k + 1].key == "the" && remoteWords.contains(tokens[k + 2].key) {
                return .CALL
            }
        }
        return type
    }

    /// The countries of some people and organizations, each once, in order.
    static func countries(_ c: ExtractionContext, people: [Int], organizations: [Int]) -> [String] {
        uniqued(people.compactMap { c.people[$0].country } + organizations.compactMap { c.organizations[$0].country })
    }

    static func uniqued<T: Equatable>(_ items: [T]) -> [T] {
        var out: [T] = []
        for x in items where !out.contains(x) { out.append(x) }
        return out
    }

    static let relativePronouns: Set<String> = ["that", "which", "who", "where", "whose"]

    static let remoteWords: Set<String> = ["phone", "telephone", "telephonic", "video", "virtual", "online", "videoconference", "teleconference"]

    /// Two meeting verbs joined by "and" in one clause ("met with B, and held talks with C"): the token ranges whose
    /// people are not this hit's (the other verb's object), and whether this hit is the second of such a pair.
    static func coordinatedMeetings(_ tokens: [Token], _ hits: [EventTriggerMatcher.Hit], at i: Int, clauseStart: Int, clauseEnd: Int) -> (excluded: [Range<Int>], follows: Bool) {
        func isVerbalMeeting(_ h: EventTriggerMatcher.Hit) -> Bool {
            h.trigger.type == .MEET && h.trigger.option != .nominal && h.trigger.option != .presence && h.trigger.option != .host
        }
        /// The "and" (with "also" or a comma around it) that joins a hit to what goes before it, if any.
        func joiner(_ h: EventTriggerMatcher.Hit) -> Int? {
            var k = h.range.lowerBound - 1
            if k >= clauseStart, tokens[k].key == "also" { k -= 1 }
            guard k >= clauseStart, tokens[k].key == "and" else { return nil }
            return k > clauseStart && tokens[k - 1].key == "," ? k - 1 : k
        }
        let hit = hits[i]
        guard isVerbalMeeting(hit) else { return ([], false) }
        var excluded: [Range<Int>] = []
        var follows = false
        if i + 1 < hits.count, hits[i + 1].range.lowerBound < clauseEnd, isVerbalMeeting(hits[i + 1]), let j = joiner(hits[i + 1]), j > hit.range.upperBound {
            excluded.append(j..<clauseEnd)
        }
        if i > 0, hits[i - 1].range.lowerBound >= clauseStart, isVerbalMeeting(hits[i - 1]), let j = joiner(hit), j > hits[i - 1].range.upperBound {
            excluded.append(hits[i - 1].range.upperBound..<j)
            follows = true
        }
        return (excluded, follows)
    }

    /// "During the visit, …", "This visit follows …", "the current visit to …": a visit spoken of as already known,
    /// its visitor not named with it.
    static func speaksOfTheVisit(_ tokens: [Token], _ r: Range<Int>) -> Bool {
        r.contains { k in
            ["visit", "trip"].contains(tokens[k].key) && k > r.lowerBound && ["the", "this", "current"].contains(tokens[k - 1].key)
                && (k + 1 >= r.upperBound || !["of", "by"].contains(tokens[k + 1].key))
        }
    }

    /// The places of a list right after a visit's trigger: "London (United Kingdom), Tokyo (Japan) and Ghana" — each
    /// city or country with its country; a country in brackets after a city belongs to that city. Nil when the words
    /// between are not list words.
    static func placeList(_ c: ExtractionContext, from start: Int, end: Int) -> [(String, String?)]? {
        let tokens = c.tokens
        var k = start
        var places: [(String, String?)] = []
        let joiners: Set<String> = [",", "and", "the", "&"]
        while k < min(end, start + 40) {
            if let i = c.placeMentionAt[k] {
                let pm = c.placeMentions[i]
                places.append((pm.name, pm.country))
                k = pm.tokens.upperBound
                // "(United Kingdom)": the city's country.
                if k < end, tokens[k].key == "(", let j = c.countryMentionAt[k + 1], c.countryMentions[j].tokens.upperBound < end,
                   tokens[c.countryMentions[j].tokens.upperBound].key == ")" {
                    k = c.countryMentions[j].tokens.upperBound + 1
                }
            } else if let j = c.countryMentionAt[k], !c.countryMentions[j].isAdjective {
                let cm = c.countryMentions[j]
                places.append((c.lexicons.countryByISO3[cm.iso3].map { c.lexicons.countries[$0].name } ?? cm.iso3, cm.iso3))
                k = cm.tokens.upperBound
            } else if !places.isEmpty && joiners.contains(tokens[k].key) {
                k += 1
                continue
            } else if places.isEmpty && k < start + 2 && ["to", "in", "the"].contains(tokens[k].key) {
                k += 1
                continue
            } else {
                break
            }
        }
        return places.count >= 2 ? places : nil
    }

    static let afterVisitWords: Set<String> = ["after", "following", "from", "concluding", "concluded", "ending", "ended"]

    static let credentialWords: Set<String> = ["credentials", "credence", "letters", "copies"]

    static let countryListNouns: Set<String> = ["counterparts", "peers", "ambassadors", "envoys", "ministers", "colleagues", "delegations"]

    /// The countries of a list that names counterparts by country, right after a meeting verb: "his Ghanaian, Kenyan
    /// and Togolese counterparts", "(the) counterparts from Ghana, Kenya and Togo", "the ambassadors of Ghana and Kenya".
    /// Two countries at least, only list words between them.
    static func countryList(_ c: ExtractionContext, from start: Int, end: Int) -> [String]? {
        let tokens = c.tokens
        let window = start..<min(end, start + 16)
        guard window.contains(where: { countryListNouns.contains(tokens[$0].key) }) else { return nil }
        var found: [String] = []
        var k = window.lowerBound
        var lastEnd: Int?
        var first = window.lowerBound
        while k < window.upperBound {
            if let i = c.countryMentionAt[k] {
                let cm = c.countryMentions[i]
                if let le = lastEnd, !(le..<cm.tokens.lowerBound).allSatisfy({ [",", "and", "the", "&"].contains(tokens[$0].key) }) {
                    if found.count >= 2 { break }
                    found = []
                }
                if found.isEmpty { first = cm.tokens.lowerBound }
                if !found.contains(cm.iso3) { found.append(cm.iso3) }
                lastEnd = cm.tokens.upperBound
                k = cm.tokens.upperBound
                continue
            }
            k += 1
        }
        guard found.count >= 2, let le = lastEnd else { return nil }
        // The noun is right before the list ("counterparts from …", "ambassadors of …") or right after it.
        let before = (max(window.lowerBound, first - 4)..<first).contains { countryListNouns.contains(tokens[$0].key) }
        let after = (le..<max(le, min(c.tokens.count, le + 2))).contains { countryListNouns.contains(tokens[$0].key) }
        return before || after ? found : nil
    }

    /// Adds a guest to an event: the person, their role and their country among the event's.
    static func addGuest(_ p: Int, to e: inout EventRecord, _ c: ExtractionContext) {
        e.participants.append(p)
        e.roles[p] = "guest"
        if let x = c.people[p].country, !e.countries.contains(x) { e.countries.append(x) }
    }

    /// The token after "on the sidelines of" / "on the margins of" in a range, if the words are there.
    static func sidelinesOf(_ tokens: [Token], _ r: Range<Int>) -> Int? {
        guard r.count > 4 else { return nil }
        for k in (r.lowerBound + 2)..<(r.upperBound - 2) where ["sidelines", "margins", "margin", "sideline"].contains(tokens[k].key)
            && tokens[k - 1].key == "the" && ["on", "at", "in"].contains(tokens[k - 2].key) && tokens[k + 1].key == "of" {
            return k + 2
        }
        return nil
    }

    static let envoyGroupNouns: Set<String> = ["envoys", "ambassadors", "diplomats", "commissioners", "ambassadors-designate", "mission", "missions"]

    /// Whether a meeting's object is a group of envoys named by their number or kind, not by name: "received the
    /// credentials of ten new ambassadors", "welcomed newly accredited envoys", "met the heads of mission".
    static func receivesEnvoyGroup(_ tokens: [Token], _ trigger: Range<Int>, sentence: Range<Int>) -> Bool {
        let end = min(sentence.upperBound, trigger.upperBound + 12)
        guard trigger.upperBound < end else { return false }
        return (trigger.upperBound..<end).contains { k in
            envoyGroupNouns.contains(tokens[k].key) && (tokens[k].key != "mission" && tokens[k].key != "missions" || k >= 2 && tokens[k - 1].key == "of" && tokens[k - 2].key == "heads")
        }
    }

    static let attributionVerbs: Set<String> = ["said", "says", "added", "stated", "told", "reported", "announced"]

    static let separateMarkers: Set<String> = ["respectively", "separately", "separate"]

    static let irregularPast: Set<String> = ["met", "held", "had", "paid", "sent", "spoke", "took", "made", "led", "gave", "wrote", "was", "were"]

    /// Whether a trigger's first word is a verb in the past tense (`met`, `visited`, `held`).
    static func isPastTense(_ t: Token) -> Bool {
        t.kind == .word && (irregularPast.contains(t.key) || t.key.count > 3 && t.key.hasSuffix("ed"))
    }

    /// Whether the words after a delegation's visit name a gathering it came for: "to attend …",
    /// "to participate in …", "for the … Dialogue".
    static func attendsGathering(_ c: ExtractionContext, after range: Range<Int>) -> Bool {
        let tokens = c.tokens
        for k in range {
            if ["attend", "participate"].contains(tokens[k].key), k > range.lowerBound, tokens[k - 1].key == "to" { return true }
            if tokens[k].key == "for", (k + 1..<min(range.upperBound + 6, tokens.count)).contains(where: { tokens[$0].classes.contains(.gathering) }) {
                return true
            }
        }
        return false
    }

    /// Whether the words from `start` name a gathering: "the 18th International Meeting", "the Business Forum" (capitalised
    /// words, ordinals and "the" up to the gathering's noun; an assembly or a council is an institution one visits).
    static func namesGathering(_ tokens: [Token], from start: Int, end: Int) -> Bool {
        var k = start
        while k < min(end, start + 8) {
            let t = tokens[k]
            if t.classes.contains(.gathering) { return t.key != "assembly" && t.key != "council" }
            guard t.key == "the" || t.key == "-" || t.isCapitalized || t.classes.contains(.ordinal) || t.kind == .number else { return false }
            k += 1
        }
        return false
    }

    static let lightVerbs: Set<String> = ["held", "had", "hold", "holds", "pay", "have", "has", "make", "makes", "send", "sends", "conduct", "conducts",
                                          "made", "conducted", "sent", "paid", "pays", "exchanged", "exchange", "exchanges", "addressed", "addresses",
                                          "received", "receives", "delivered", "delivers", "conveyed", "conveys", "extended", "extends", "issued",
                                          "issues", "forwarded", "forwards", "dispatched", "paying"]
    static let sideNouns: Set<String> = ["sides", "ministers", "leaders", "co", "chairs", "co-chairs", "delegations", "officials",
                                         "counterparts", "secretaries", "envoys", "ambassadors", "chairmen", "chairpersons", "heads"]

    /// "the two sides", "both ministers", "the two foreign ministers", "the co-chairs": the main event's people.
    func refersToBothSides(_ tokens: [Token], _ r: Range<Int>) -> Bool {
        for k in r where tokens[k].key == "two" || tokens[k].key == "both" || (tokens[k].key == "the" && k + 1 < r.upperBound && ["co", "sides", "ministers"].contains(tokens[k + 1].key)) {
            for j in (k + 1)..<min(r.upperBound, k + 4) where Self.sideNouns.contains(tokens[j].key) {
                // "heads of state" is handled apart.
                if tokens[j].key == "heads", j + 1 < r.upperBound, tokens[j + 1].key == "of" { return false }
                return true
            }
        }
        return false
    }

    /// Who "he"/"she" at the start of sentence `s` most likely is: the person opening the nearest earlier
    /// sentence of the body that opens with one (within its first eight tokens).
    func pronounReferent(_ c: ExtractionContext, _ s: Sentence) -> Int? {
        var k = s.index - 1
        while k >= c.layout.bodyStartSentence && k >= 0 && s.index - k <= 4 {
            let r = c.sentences[k].tokenRange
            if let m = c.personMentions.first(where: { $0.sentence == k && $0.tokens.lowerBound < r.lowerBound + 8 }) { return m.person }
            k -= 1
        }
        return nil
    }

    /// Whether words name the speaker: "I", "me", "my", "we", "us", "our".
    static func firstPerson(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        range.contains { k in ["i", "me", "my", "we", "us", "our"].contains(tokens[k].key) && (tokens[k].key != "i" || tokens[k].text == "I") }
    }

    /// The speaker of each paragraph of a transcript: a paragraph opening with a label that names a person
    /// ("SECRETARY BLINKEN:", "Penny Wong, Foreign Minister:", "SITIVENI RABUKA, PRIME MINISTER OF FIJI:") is
    /// theirs, and the unlabelled paragraphs after it too, until another label.
    static func transcriptSpeakers(_ c: ExtractionContext) -> [Int: Int] {
        var speakers: [Int: Int] = [:]
        var current: Int?
        var paragraph = -1
        for s in c.sentences where s.paragraph != paragraph {
            paragraph = s.paragraph
            let r = s.tokenRange
            // The label: capitalised words, commas and connectors up to a colon within the first twelve tokens.
            let colon = (r.lowerBound..<min(r.upperBound, r.lowerBound + 12)).first { c.tokens[$0].key == ":" }
            if let colon, colon > r.lowerBound,
               (r.lowerBound..<colon).allSatisfy({ c.tokens[$0].isCapitalized || c.tokens[$0].isAllCaps || [",", "of", "the", "&", "-", "."].contains(c.tokens[$0].key) }) {
                current = c.personMentions.first { (r.lowerBound..<colon).contains($0.tokens.lowerBound) }?.person
            }
            if let p = current { speakers[s.paragraph] = p }
        }
        return speakers
    }

    func sameKind(_ a: EventType, _ b: EventType) -> Bool {
        a == b || (a == .MEET && b == .VISIT) || (a == .VISIT && b == .MEET)
    }

    /// Whether two events of one sentence are one happening: the same kind, and not a visit to a country
    /// set against a meeting held during it.
    func mergeable(_ a: EventRecord, _ b: EventRecord) -> Bool {
        a.type == b.type || sameKind(a.type, b.type) && !a.isCountryVisit && !b.isCountryVisit
    }

    func compatible(_ a: EventRecord, _ b: EventRecord, _ c: ExtractionContext) -> Bool {
        guard mergeable(a, b), a.reported == b.reported else { return false }
        // Each message a sentence reports is one of its own (a cable and the reply to it are two).
        if a.type == .MESSAGE { return false }
        if let da = a.date, let db = b.date, !(da.description.hasPrefix(db.description) || db.description.hasPrefix(da.description)) { return false }
        let pa = Set(a.participants), pb = Set(b.participants)
        if !pa.isEmpty && !pb.isEmpty {
            // One person's own visit is not the meeting they also attended: merge only on two shared people, or identical sets.
            // A signing shares one signatory with the ceremony it belongs to: the ceremony is one happening.
            // A call is between two sides: a later mention naming one of them ("In his phone call, X …") is that call.
            if a.type == .CALL, b.type == .CALL, pa.count >= 2, pb.count == 1, pa.isSuperset(of: pb) { return true }
            // A minister receiving envoys ("received the credentials of seven new envoys"), then "in his meeting with
            // Ambassador-designate X": one audience.
            if a.type == .MEET, b.type == .MEET, a.date != nil, a.date == b.date, pa.count == 1 || pb.count == 1 {
                let (one, more) = pa.count == 1 ? (pa, pb) : (pb, pa)
                if more.count >= 2, more.isSuperset(of: one), more.subtracting(one).allSatisfy({ p in c.people[p].titles.contains(where: PersonCountryInference.isDiplomatTitle) }) {
                    return true
                }
            }
            return pa == pb || pa.intersection(pb).count >= (a.type == .SIGN && b.type == .SIGN ? 1 : 2)
        }
        let oa = Set(a.organizations), ob = Set(b.organizations)
        if pa.isEmpty && pb.isEmpty && !oa.isEmpty { return oa == ob }
        // Relations established between the same two countries, told twice.
        if a.type == .ANNOUNCE, pa.isEmpty, pb.isEmpty, oa.isEmpty, ob.isEmpty, !a.countries.isEmpty { return Set(a.countries) == Set(b.countries) }
        // Two governments named as signing, then the ministers who put their names to it: the bodies first named act
        // through the people named next.
        if a.type == .SIGN, pa.isEmpty != pb.isEmpty, !oa.isEmpty, !ob.isEmpty, oa.isSubset(of: ob) || ob.isSubset(of: oa) { return true }
        // "China and Honduras signed a joint communique" beside the ministers who signed it: the states sign through them.
        if a.type == .SIGN, b.type == .SIGN, pa.isEmpty != pb.isEmpty, (pa.isEmpty ? oa : ob).isEmpty {
            let (bare, named) = pa.isEmpty ? (a, b) : (b, a)
            if !bare.countries.isEmpty, Set(bare.countries).isSubset(of: Set(named.countries)) { return true }
        }
        return false
    }

    /// Who hosted and who was the guest: the subject of "received"/"hosted"/"met with a delegation" hosts and
    /// the visitor of a VISIT is the guest; a person introduced by "led by"/"headed by" heads a delegation.
    func roles(_ c: ExtractionContext, participants: [Int], people: [PersonMention], trigger: EventTriggerMatcher.Hit, type: EventType) -> [Int: String] {
        var roles: [Int: String] = [:]
        let hostVerbs: Set<String> = ["received", "receives", "hosted", "met", "meets", "held"]
        let subjectHosts = hostVerbs.contains(c.tokens[trigger.range.lowerBound].key) && type == .MEET
        for p in participants {
            guard let m = people.first(where: { $0.person == p }) else { roles[p] = "participant"; continue }
            let k = m.tokens.lowerBound
            var j = k - 1
            while j >= 0, c.claimed[j], c.tokens[j].key != "by" { j -= 1 }
            if j >= 1, c.tokens[j].key == "by", ["led", "headed"].contains(c.tokens[j - 1].key) { roles[p] = "delegation head"; continue }
            let before = k < trigger.range.lowerBound
            switch type {
            case .VISIT: roles[p] = before ? "guest" : "host"
            case .MEET where subjectHosts: roles[p] = before ? "host" : "guest"
            default: roles[p] = "participant"
            }
        }
        return roles
    }

    func merge(_ a: inout EventRecord, _ b: EventRecord) {
        for (p, r) in b.roles where a.roles[p] == nil { a.roles[p] = r }
        for p in b.participants where !a.participants.contains(p) { a.participants.append(p) }
        for o in b.organizations where !a.organizations.contains(o) { a.organizations.append(o) }
        for x in b.countries where !a.countries.contains(x) { a.countries.append(x) }
        if a.date == nil || (b.date.map { $0.isComplete } ?? false) && !(a.date!.isComplete) { a.date = b.date ?? a.date }
        a.place = a.place ?? b.place
        if b.sentence != a.sentence, !a.otherSentences.contains(b.sentence) { a.otherSentences.append(b.sentence) }
        a.confidence = min(0.99, max(a.confidence, b.confidence) + 0.02)
    }

    func modality(_ c: ExtractionContext, trigger: Range<Int>, clauseStart: Int, clauseEnd: Int) -> Modality? {
        var start = trigger.lowerBound
        while start > clauseStart, c.tokens[start - 1].key != "," { start -= 1 }
        if let d = c.layout.datelineTokens, d.contains(start) || d.upperBound > start { start = max(start, min(d.upperBound, trigger.lowerBound)) }
        // "plans to attend", "is expected to participate in": a marker ending in "to" runs into a trigger that opens with it.
        let window = start..<(c.tokens[trigger.lowerBound].key == "to" ? trigger.lowerBound + 1 : trigger.lowerBound)
        var found: Modality?
        for k in window {
            // "May" the month is no modal verb: markers match words written in lower case.
            guard !c.tokens[k].isCapitalized, let markers = c.lexicons.modalityByFirstKey[c.tokens[k].key] else { continue }
            for (keys, effect) in markers where k + keys.count <= window.upperBound {
                if keys.indices.allSatisfy({ c.tokens[k + $0].key == keys[$0] && !c.tokens[k + $0].isCapitalized }) {
                    if effect == .planned { return .planned }
                    found = found ?? effect
                }
            }
        }
        // "… next week", "… tomorrow" after the trigger.
        // Up to a comma: "met with X, and noted that next year …" says nothing of when they met.
        let tail = trigger.upperBound..<min(clauseEnd, trigger.upperBound + 12)
        for k in tail {
            if c.tokens[k].key == "," { break }
            if c.tokens[k].key == "next" || c.tokens[k].key == "tomorrow" || c.tokens[k].key == "upcoming" { return .planned }
        }
        return found
    }
}

/// Builds the `DocumentAnnotation` of a finished extraction context, converting UTF-8 offsets to
/// code-point offsets and names to the canonical forms the events refer to.
public struct AnnotationBuilder: Sendable {
    let coder: EventCoder
    public init(lexicons: Lexicons) { coder = EventCoder(lexicons: lexicons) }

    public func build(_ c: ExtractionContext) -> DocumentAnnotation {
        let offsets = CodePointOffsets(c.document.text)
        func mention(_ r: Range<Int>, sentence: Int) -> DocumentAnnotation.Mention {
            let span = TextSpan(c.tokens[r.lowerBound].span.start, c.tokens[r.upperBound - 1].span.end)
            return DocumentAnnotation.Mention(text: c.text(span), start: offsets[span.start], end: offsets[span.end], sentence: sentence)
        }
        // People: listed in order of first mention; people only named in chrome are not listed.
        var personOrder: [Int] = []
        // A spokesperson to whom the release is attributed is page furniture like a byline, unless they take part in an event.
        let inEvents = Set(c.events.flatMap(\.participants) + c.planned.flatMap(\.participants))
        for m in c.personMentions.sorted(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }) where !personOrder.contains(m.person) {
            let titles = c.people[m.person].titles
            if !titles.isEmpty, titles.allSatisfy({ $0.lowercased().contains("spokes") }), !inEvents.contains(m.person) { continue }
            personOrder.append(m.person)
        }
        var personId: [Int: String] = [:]
        var people: [DocumentAnnotation.Person] = []
        for (n, p) in personOrder.enumerated() {
            let rec = c.people[p]
            personId[p] = "p\(n + 1)"
            var aliases: [String] = []
            for a in rec.aliases where a != rec.name && !aliases.contains(a) { aliases.append(a) }
            people.append(DocumentAnnotation.Person(
                id: "p\(n + 1)", name: rec.name, aliases: aliases, titles: rec.titles,
                organization: rec.organization.map { c.organizations[$0].name }, country: rec.country, entity: nil,
                mentions: c.personMentions.filter { $0.person == p }.map { mention($0.tokens, sentence: $0.sentence) }))
        }
        // Organizations: listed ones that are mentioned. A news outlet is listed only when it acts in the
        // story (an event's or a person's organization), not when it is credited as the source.
        var actingOrgs = Set(c.events.flatMap(\.organizations) + c.planned.flatMap(\.organizations))
        for p in personOrder { if let o = c.people[p].organization { actingOrgs.insert(o) } }
        var orgs: [DocumentAnnotation.Organization] = []
        var seenOrg: Set<Int> = []
        for m in c.organizationMentions.sorted(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }) where !seenOrg.contains(m.organization) {
            seenOrg.insert(m.organization)
            let o = c.organizations[m.organization]
            guard o.isListed, o.kind != .media || actingOrgs.contains(m.organization) else { continue }
            orgs.append(DocumentAnnotation.Organization(
                id: "o\(orgs.count + 1)", name: o.name, aliases: o.aliases.filter { $0 != o.name }, kind: o.kind.rawValue, country: o.country,
                mentions: c.organizationMentions.filter { $0.organization == m.organization }
                    .map { mention($0.tokens, sentence: c.sentenceOfToken[$0.tokens.lowerBound]) }))
        }
        func event(_ e: EventRecord, id: String) -> DocumentAnnotation.Event {
            let s = c.sentences[e.sentence]
            let code = coder.code(e.type, variant: e.variant)
            var evidence = c.text(s.span)
            if evidence.count > 400 { evidence = String(evidence.prefix(400)) + "…" }
            return DocumentAnnotation.Event(
                id: id, type: e.type.rawValue, date: e.date?.description, place: e.place,
                participants: e.participants.map { c.people[$0].name },
                participantIds: e.participants.compactMap { personId[$0] },
                participantRoles: e.participants.map { e.roles[$0] ?? "participant" },
                organizations: e.organizations.map { eventName(c, $0) },
                countries: e.countries, reported: e.reported, evidence: evidence,
                evidenceSpan: mention(s.tokenRange, sentence: s.index),
                otherEvidence: e.otherSentences.map { mention(c.sentences[$0].tokenRange, sentence: $0) },
                cameo: code?.cameo, cameoLabel: code?.cameoLabel, plover: code?.plover, ploverMode: code?.ploverMode,
                confidence: (e.confidence * 100).rounded() / 100, eventId: nil,
                channel: e.contact?.channel.rawValue, channelReason: e.contact?.reason, sides: e.contact?.sides)
        }
        let dateline: DocumentAnnotation.Dateline? = (c.layout.datelinePlace != nil || c.layout.datelineDate != nil)
            ? DocumentAnnotation.Dateline(place: c.layout.datelinePlace, date: c.layout.datelineDate?.description) : nil
        return DocumentAnnotation(
            id: c.document.id, url: c.document.url, site: c.document.site ?? Self.host(c.document.url),
            published: c.published?.description, title: c.layout.title, dateline: dateline,
            people: people, organizations: orgs,
            events: c.events.enumerated().map { event($1, id: "e\($0 + 1)") },
            planned: c.planned.enumerated().map { event($1, id: "f\($0 + 1)") })
    }

    /// How an event names an organization: its canonical name when the text uses it, else the longest
    /// form the text does use (annotators name event parties as the release writes them).
    func eventName(_ c: ExtractionContext, _ o: Int) -> String {
        let org = c.organizations[o]
        let canonicalKey = TextNormalizer.fold(org.name)
        var longest: String?
        var longestAlias: String?
        let aliasKeys = Set(org.aliases.map(TextNormalizer.fold))
        for m in c.organizationMentions where m.organization == o {
            let surface = c.text(m.tokens)
            let key = TextNormalizer.fold(surface)
            if key.contains(canonicalKey) { return org.name }
            if longest == nil || surface.count > longest!.count { longest = surface }
            // A form that is the organization's own alias ("XYZP") beats a longer phrase around it ("Central Committee of XYZP").
            if aliasKeys.contains(key), longestAlias == nil || surface.count > longestAlias!.count { longestAlias = surface }
        }
        return longestAlias ?? longest ?? org.name
    }

    static func host(_ url: String?) -> String? {
        guard let u = url, let r = u.range(of: "://") else { return nil }
        var h = u[r.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if h.hasPrefix("www.") { h = h.dropFirst(4) }
        return h.isEmpty ? nil : String(h)
    }
}

/// Maps UTF-8 byte offsets of a text to Unicode code-point offsets.
struct CodePointOffsets {
    private var table: [Int32]
    private var ascii = false
    private var count = 0
    init(_ text: String) {
        table = []
        count = text.utf8.count
        // Pure ASCII text: byte offsets are code-point offsets.
        var t = text
        if t.withUTF8({ $0.allSatisfy { $0 < 0x80 } }) { ascii = true; return }
        table.reserveCapacity(text.utf8.count + 1)
        var n: Int32 = 0
        for b in text.utf8 {
            if b & 0xC0 != 0x80 { table.append(n); n += 1 } else { table.append(n - 1) }
        }
        table.append(n)
    }
    subscript(_ byte: Int) -> Int {
        if ascii { return min(max(byte, 0), count) }
        return Int(table[min(max(byte, 0), table.count - 1)])
    }
}

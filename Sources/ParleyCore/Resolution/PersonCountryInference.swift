/// Gives a country to people the text does not tie to one directly (no country in their title, no
/// organization with a country, not a known figure). The release's home side — the dateline's
/// country, else the country of the publishing body named in the header, else the country the body
/// names most — goes to the release's first actor; the other people go to the counterpart side when
/// the release has a single clear one.
public struct PersonCountryInference: PipelineStage {
    public let name = "person-countries"
    public init() {}

    /// The country of a URL's country-code top-level domain (`www.dirco.gov.za` → ZAF).
    static func countryOfHost(_ c: ExtractionContext) -> String? {
        guard let url = c.document.url, let r = url.range(of: "://") else { return nil }
        let host = url[r.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" }
        guard let tld = host.split(separator: ".").last, tld.count == 2 else { return nil }
        let code = tld.uppercased()
        if code == "UK" { return "GBR" }
        return c.lexicons.countries.first { $0.iso2 == code }?.iso3
    }

    static let diplomatWords = ["ambassador", "envoy", "charge d", "chargé d", "consul", "high commissioner", "counsellor", "counselor",
                                "first secretary", "deputy chief of mission", "permanent representative"]

    /// Whether a title is a diplomat's (who represents the sending country wherever they are posted).
    static func isDiplomatTitle(_ title: String) -> Bool {
        let t = Array(title.lowercased().utf8)
        return diplomatWordBytes.contains { Self.bytes(t, contain: $0) }
    }

    static let diplomatWordBytes: [[UInt8]] = diplomatWords.map { Array($0.utf8) }

    /// Whether `needle` occurs in `haystack` (plain byte search: titles are short, and Foundation's `range(of:)`
    /// costs more than the whole search).
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        for i in 0...(haystack.count - needle.count) where haystack[i] == first {
            var k = 1
            while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }

    static let toBytes: [UInt8] = Array(" to ".utf8)

    /// People listed together ("X, Secretary of the Spanish party, and Y also took part", "members A and B, as well as C")
    /// are of one side: a person without a country takes the country of a list neighbour who has one.
    static func shareListNeighboursCountries(_ c: inout ExtractionContext) {
        let mentions = c.personMentions.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        guard mentions.count > 1 else { return }
        var changed = true
        while changed {
            changed = false
            for (n, m) in mentions.enumerated() where c.people[m.person].country == nil && !servesInternationalBody(c, m.person) {
                for o in [n - 1, n + 1] where o >= 0 && o < mentions.count {
                    let other = mentions[o]
                    guard other.sentence == m.sentence, other.person != m.person, let country = c.people[other.person].country else { continue }
                    let gap = o < n ? other.tokens.upperBound..<m.tokens.lowerBound : m.tokens.upperBound..<other.tokens.lowerBound
                    // Only a list separator (and the neighbour's own claimed apposition) between them.
                    // An office in brackets after the neighbour ("Lena Novak (Secretary for Youth), Tomas Reyes") is no glue either.
                    var keys: [String] = []
                    var depth = 0
                    for k in gap {
                        let key = c.tokens[k].key
                        if key == "(" { depth += 1; continue }
                        if key == ")" { depth = max(0, depth - 1); continue }
                        if depth == 0, !c.claimed[k] { keys.append(key) }
                    }
                    let separators: Set<String> = [",", "and", "as", "well", ";"]
                    let listed = !keys.isEmpty && keys.count <= 4 && keys.allSatisfy(separators.contains) && keys.contains(where: { $0 == "and" || $0 == "," || $0 == ";" })
                    // "X is accompanied by members A, B …": those who accompany a person are of their side.
                    let accompanying = o < n && keys.count <= 7 && keys.allSatisfy { k in k.first?.isLetter ?? false }
                        && keys.firstIndex(of: "accompanied").map { $0 + 1 < keys.count && keys[$0 + 1] == "by" } == true
                    guard listed || accompanying else { continue }
                    c.people[m.person].country = country
                    changed = true
                    break
                }
            }
        }
    }

    /// An official of an international body (a UN agency's head, an alliance's secretary general) represents no
    /// country; a diplomat accredited to one still represents the sending state.
    static func servesInternationalBody(_ c: ExtractionContext, _ person: Int) -> Bool {
        guard let o = c.people[person].organization, c.organizations[o].kind == .international else { return false }
        return !c.people[person].titles.contains { isDiplomatTitle($0) && bytes(Array($0.utf8), contain: toBytes) }
    }

    /// The countries a diplomat's titles say they are posted to ("Ambassador to Russia").
    static func postedToCountries(_ c: ExtractionContext, _ person: Int) -> Set<String> {
        var posted: Set<String> = []
        for t in c.people[person].titles where isDiplomatTitle(t) {
            guard bytes(Array(t.utf8), contain: toBytes), let r = t.range(of: " to ") else { continue }
            var place = TextNormalizer.fold(String(t[r.upperBound...]))
            if place.hasPrefix("the ") { place.removeFirst(4) }
            if let i = c.lexicons.countryByFoldedName[place] { posted.insert(c.lexicons.countries[i].iso3) }
        }
        return posted
    }

    public func run(_ context: inout ExtractionContext) {
        Self.shareListNeighboursCountries(&context)
        let c = context
        let bodyStart = c.layout.bodyStartSentence < c.sentences.count ? c.sentences[c.layout.bodyStartSentence].tokenRange.lowerBound : 0
        var counts: [String: Int] = [:]
        for m in c.countryMentions where m.tokens.lowerBound >= bodyStart { counts[m.iso3, default: 0] += 1 }
        for p in c.people { if let x = p.country { counts[x, default: 0] += 2 } }
        let homeFromDateline = c.layout.datelinePlaceCountry != nil
        var home = c.layout.datelinePlaceCountry ?? Self.countryOfHost(c)
        if home == nil {
            home = c.organizationMentions.first { $0.tokens.lowerBound < bodyStart && c.organizations[$0.organization].country != nil }
                .flatMap { c.organizations[$0.organization].country }
        }
        if home == nil { home = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key }
        guard let homeCountry = home else { return }
        let others = counts.filter { $0.key != homeCountry }.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        let counterpart: String? = {
            guard let first = others.first else { return nil }
            if others.count == 1 || first.value >= 2 * others[1].value { return first.key }
            return nil
        }()
        // Whatever gave an envoy the country they are posted to, they are not of it.
        for i in c.people.indices {
            guard let x = c.people[i].country, Self.postedToCountries(c, i).contains(x) else { continue }
            context.people[i].country = [counterpart, homeCountry].compactMap({ $0 }).first { $0 != x }
        }
        let bodyMentions = c.personMentions.filter { $0.tokens.lowerBound >= bodyStart }.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        let firstActor = bodyMentions.first?.person
        for (i, p) in c.people.enumerated() where p.country == nil {
            if Self.servesInternationalBody(c, i) { continue }
            // An envoy "to" a country is not of it: they take the other side.
            let postedTo = Self.postedToCountries(c, i)
            if !postedTo.isEmpty {
                if let other = [counterpart, homeCountry].compactMap({ $0 }).first(where: { !postedTo.contains($0) }) { context.people[i].country = other }
                continue
            }
            // A diplomat in a release datelined where they are posted represents the other side.
            if homeFromDateline, let other = counterpart, p.titles.contains(where: Self.isDiplomatTitle) {
                context.people[i].country = other
                continue
            }
            if i == firstActor || counterpart == nil { context.people[i].country = homeCountry; continue }
            // A counterpart named next to the home side's actor in the same sentence belongs to the other side.
            let sentences = Set(c.personMentions.filter { $0.person == i }.map(\.sentence))
            let besideHome = c.personMentions.contains { sentences.contains($0.sentence) && $0.person != i && c.people[$0.person].country == homeCountry }
                || sentences.contains { s in c.personMentions.contains { $0.sentence == s && $0.person == firstActor } }
            context.people[i].country = besideHome ? counterpart : homeCountry
        }
    }
}

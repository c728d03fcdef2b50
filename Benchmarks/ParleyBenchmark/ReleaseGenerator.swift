import Foundation
import ParleyCore

// MARK: - Random numbers

/// SplitMix64 (Steele, Lea and Flood): tiny, fast and fully deterministic on every platform.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (n > 0).
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A number in the closed range.
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + int(r.count) }

    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }

    /// Up to `k` distinct elements, in random order.
    mutating func sample<T>(_ a: [T], _ k: Int) -> [T] {
        var copy = a
        var out: [T] = []
        for _ in 0..<min(k, copy.count) { out.append(copy.remove(at: int(copy.count))) }
        return out
    }
}

// MARK: - Data lists

struct Party: Sendable {
    var name: String          // as used mid-sentence ("the Communist Party of Vietnam")
    var acronym: String
    var bare: String { name.hasPrefix("the ") ? String(name.dropFirst(4)) : name }
}

struct Country: Sendable {
    var name: String          // as used mid-sentence ("the Philippines")
    var adjective: String
    var region: String
    var capital: String
    var cities: [String]
    var parties: [Party]
    var leaderTitle: String
    var agency: String?
    var bare: String { name.hasPrefix("the ") ? String(name.dropFirst(4)) : name }
    var allCities: [String] { [capital] + cities }
}

struct NameRegion: Sendable {
    enum Order: String, Sendable { case western, familyFirst = "family-first", full }
    var order: Order
    var male: [String]
    var female: [String]
    var family: [String]
}

struct OrganizationEntry: Sendable {
    var name: String
    var acronym: String       // empty: derive from the name
}

/// The word lists and templates the generator draws from, read from `Resources/` (TSV and text files).
struct GeneratorData: Sendable {
    var countries: [Country]
    var regions: [String: NameRegion]
    var roles: [String: [String]]
    var organizations: [OrganizationEntry]
    var fields: [String]
    var agreements: [String]
    var speech: [String]
    var filler: [String]
    var chrome: [String]

    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// The `Resources` folder next to this source file.
    static var defaultDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources").path
    }

    static func load(directory: String = defaultDirectory) throws -> GeneratorData {
        func lines(_ file: String) throws -> [String] {
            let path = directory + "/" + file
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw LoadError(description: "cannot read \(path) (use --resources DIR)")
            }
            return text.split(whereSeparator: \.isNewline).map(String.init)
                .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        func rows(_ file: String, columns: Int) throws -> [[String]] {
            try lines(file).map { line in
                var f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard f.count >= columns - 1 else { throw LoadError(description: "\(file): bad row '\(line)'") }
                while f.count < columns { f.append("") }
                return f
            }
        }
        func list(_ s: String) -> [String] { s == "-" || s.isEmpty ? [] : s.split(separator: "|").map(String.init) }

        let countries = try rows("countries.tsv", columns: 8).map { f in
            Country(name: f[0], adjective: f[1], region: f[2], capital: f[3], cities: list(f[4]),
                    parties: list(f[5]).map { p in
                        let parts = p.split(separator: "=", maxSplits: 1).map(String.init)
                        return Party(name: parts[0], acronym: parts.count > 1 ? parts[1] : "")
                    },
                    leaderTitle: f[6], agency: f[7] == "-" ? nil : f[7])
        }
        var regions: [String: NameRegion] = [:]
        for f in try rows("names.tsv", columns: 5) {
            guard let order = NameRegion.Order(rawValue: f[1]) else { throw LoadError(description: "names.tsv: bad order '\(f[1])'") }
            regions[f[0]] = NameRegion(order: order, male: list(f[2]), female: list(f[3]), family: list(f[4]))
        }
        for c in countries where regions[c.region] == nil {
            throw LoadError(description: "countries.tsv: \(c.name) uses unknown name region '\(c.region)'")
        }
        var roles: [String: [String]] = [:]
        for f in try rows("roles.tsv", columns: 2) { roles[f[0], default: []].append(f[1]) }
        for kind in ["partyhost", "partyguest", "gov", "parl", "local"] where roles[kind, default: []].isEmpty {
            throw LoadError(description: "roles.tsv: no '\(kind)' titles")
        }
        let organizations = try rows("organizations.tsv", columns: 2).map { OrganizationEntry(name: $0[0], acronym: $0[1]) }
        let data = GeneratorData(countries: countries, regions: regions, roles: roles, organizations: organizations,
                                 fields: try lines("fields.txt"), agreements: try lines("agreements.txt"),
                                 speech: try lines("speech.txt"), filler: try lines("filler.txt"),
                                 chrome: try lines("chrome.txt"))
        guard data.countries.filter({ !$0.parties.isEmpty }).count >= 2, !data.fields.isEmpty, !data.agreements.isEmpty,
              !data.speech.isEmpty, !data.filler.isEmpty, !data.organizations.isEmpty else {
            throw LoadError(description: "\(directory): a list is empty")
        }
        return data
    }
}

// MARK: - Generator

/// Deterministic generator of diplomatic releases: document `i` of seed `s` is always the same text,
/// whatever the batch size or thread count.
struct ReleaseGenerator: Sendable {
    let data: GeneratorData
    let seed: UInt64
    /// Recurring officials and twin reports (the database benchmark); nil: every official is invented
    /// afresh and every release tells its own story (the extraction benchmark, unchanged).
    let cast: Cast?

    enum Style: String, CaseIterable, Sendable { case party, ministry, wire, embassy }

    init(data: GeneratorData, seed: UInt64, cast: Cast.Settings? = nil) {
        self.data = data
        self.seed = seed
        self.cast = cast.map { Cast(data: data, seed: seed, settings: $0) }
    }

    func document(_ index: Int) -> Document {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        var writer = ReleaseWriter(data: data, rng: SplitMix64(seed: mixer.next()))
        if let cast {
            writer.cast = cast
            writer.story = storyRNG(cast, index)
        }
        // Like a plain-text file read by the CLI: the headline is the first line of the text, no metadata.
        let (_, text) = writer.write()
        return Document(id: "bench-" + String(index), text: text, origin: "generated:\(index)")
    }

    /// The random state of the story release `index` tells (shared by twin reports).
    func storyRNG(_ cast: Cast, _ index: Int) -> SplitMix64 {
        SplitMix64(seed: seed ^ 0x5EED_0F57_0E1 ^ (UInt64(truncatingIfNeeded: cast.storyIndex(index)) &* 0x9FB2_1C65_1E98_DF25))
    }

    /// The house style document `index` is written in (for reports).
    func style(_ index: Int) -> Style {
        if let cast {
            var story = storyRNG(cast, index)
            return story.pick(Style.allCases)
        }
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        var rng = SplitMix64(seed: mixer.next())
        return rng.pick(Style.allCases)
    }
}

struct Official {
    var given: String
    var family: String
    var female: Bool
    var order: NameRegion.Order
    var title: String
    var country: Country

    var full: String { order == .western ? given + " " + family : family + " " + given }
    /// How later sentences refer to the person.
    var ref: String { order == .full ? full : family }
    var honorific: String { female ? "Ms." : "Mr." }
    var his: String { female ? "her" : "his" }
    var he: String { female ? "she" : "he" }
}

/// A fixed pool of officials per country, drawn once from the seed, so the same people recur across
/// releases (as in a real corpus), with the spelling drift real releases have: now and then a
/// transliteration variant ("Sergei"/"Sergey", "Akhmedov"/"Ahmedov") or an initial ("S. Lavrov").
/// Some releases report the story of an earlier one (same meeting, same people, same date, own wording).
struct Cast: Sendable {
    struct Settings: Sendable, Codable {
        var perCountry = 48             // officials per country (63 countries: about 3,000)
        var twinRate = 0.05             // share of releases that report an earlier release's meeting
        var twinDistance = 2_000        // how far back the earlier release may be
        var variantRate = 0.10          // share of western-order mentions spelled with a transliteration variant
        var initialRate = 0.06          // share of western-order mentions written "S. Lavrov"
    }
    struct Member: Sendable { var given: String; var family: String; var female: Bool }

    let settings: Settings
    let seed: UInt64
    let members: [String: [Member]]     // by country name

    var count: Int { members.values.reduce(0) { $0 + $1.count } }

    init(data: GeneratorData, seed: UInt64, settings: Settings) {
        self.settings = settings
        self.seed = seed
        var members: [String: [Member]] = [:]
        for (k, country) in data.countries.enumerated() {
            let region = data.regions[country.region]!
            var rng = SplitMix64(seed: seed ^ 0xCA57 ^ (UInt64(k + 1) &* 0xA24B_AED4_963E_E407))
            var seen = Set<String>()
            var list: [Member] = []
            var attempts = 0
            while list.count < settings.perCountry && attempts < settings.perCountry * 20 {
                attempts += 1
                let female = rng.chance(0.28) && !region.female.isEmpty
                let m = Member(given: rng.pick(female ? region.female : region.male), family: rng.pick(region.family), female: female)
                if seen.insert(m.given + " " + m.family).inserted { list.append(m) }
            }
            members[country.name] = list
        }
        self.members = members
    }

    /// The release whose story release `index` tells: itself, or (twin reports) an earlier one.
    func storyIndex(_ index: Int) -> Int {
        var i = index
        while i > 0 {
            var rng = SplitMix64(seed: seed ^ 0x7A1 ^ (UInt64(truncatingIfNeeded: i) &* 0xE703_7ED1_A0B4_28DB))
            guard rng.chance(settings.twinRate) else { break }
            i -= 1 + rng.int(min(i, settings.twinDistance))
        }
        return i
    }

    /// Every member's full name as the releases normally write it, with the country.
    func names() -> [(name: String, country: String)] {
        members.keys.sorted().flatMap { c in members[c]!.map { m in (name: m.given + " " + m.family, country: c) } }
    }

    /// A transliteration variant of a name: same consonant skeleton, other spelling.
    static func variant(_ name: String, pick: Int) -> String {
        let rules: [(String, String)] = [("ei", "ey"), ("ey", "ei"), ("kh", "h"), ("ph", "f"), ("ou", "u"), ("ck", "k"),
                                         ("iy", "i"), ("ij", "iy"), ("dj", "j"), ("q", "k"), ("ll", "l"), ("ss", "s"),
                                         ("ia", "iya"), ("oo", "u"), ("ee", "i")]
        let chars = Array(name)
        guard chars.count > 2 else { return name }
        let body = String(chars.dropFirst())
        var options: [String] = []
        for (from, to) in rules where body.contains(from) {
            options.append(String(chars[0]) + body.replacingOccurrences(of: from, with: to))
        }
        // A final -y/-i swap ("Aliyev" stays, "Sergey"→"Sergei" is covered above, "Dmitry"→"Dmitri").
        if name.hasSuffix("y") { options.append(String(name.dropLast()) + "i") }
        if name.hasSuffix("i") { options.append(String(name.dropLast()) + "y") }
        if options.isEmpty {
            // Another vowel in the last vowel's place ("Mohammed"→"Muhammed" keeps m-h-m-d).
            let vowels: [Character: Character] = ["a": "e", "e": "a", "i": "e", "o": "u", "u": "o"]
            if let k = chars.indices.dropFirst().last(where: { vowels[chars[$0]] != nil }) {
                var c = chars
                c[k] = vowels[chars[k]]!
                options.append(String(c))
            }
        }
        return options.isEmpty ? name : options[pick % options.count]
    }
}

let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]
let apMonths = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

struct SimpleDate {
    var year: Int, month: Int, day: Int   // month 1...12

    var weekday: String {
        // Sakamoto's method.
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return weekdays[(y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7]
    }
    var monthName: String { monthNames[month - 1] }
    var long: String { "\(monthName) \(day), \(year)" }            // October 22, 2023
    var british: String { "\(day) \(monthName) \(year)" }          // 22 October 2023
    var monthDay: String { "\(monthName) \(day)" }                 // October 22
    var ap: String { "\(apMonths[month - 1]) \(day)" }             // Oct. 22
    var iso: String { "\(year)-\(pad(month))-\(pad(day))" }
    var dotted: String { "\(year).\(pad(month)).\(pad(day))" }
    var european: String { "\(pad(day)).\(pad(month)).\(year)" }
    var ordinalDay: String {
        let suffix = (11...13).contains(day % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][day % 10]
        return "\(monthName) \(day)\(suffix)"
    }
    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Writes one release. A value type holding the random state, so each document is independent.
struct ReleaseWriter {
    let data: GeneratorData
    var rng: SplitMix64

    // The story.
    var style: ReleaseGenerator.Style = .party
    var hostCountry: Country!
    var guestCountry: Country!
    var host: Official!
    var guest: Official!
    var date = SimpleDate(year: 2020, month: 1, day: 1)
    var place = ""
    var org: OrganizationEntry!
    var fieldA = "", fieldB = ""
    var unusedSpeech: [Int] = []
    // Recurring officials (nil: everyone invented afresh) and the random state of the story this release tells.
    var cast: Cast?
    var story: SplitMix64?
    var storyPeople: (host: Int, guest: Int) = (0, 0)

    init(data: GeneratorData, rng: SplitMix64) {
        self.data = data
        self.rng = rng
    }

    // MARK: People and places

    mutating func official(of country: Country, title: String, female: Bool? = nil, avoiding: String? = nil,
                           slot: Slot = .other) -> Official {
        let region = data.regions[country.region]!
        if let cast, slot != .invented, let pool = cast.members[country.name], !pool.isEmpty {
            let k: Int
            switch slot {
            case .host: k = storyPeople.host % pool.count
            case .guest: k = storyPeople.guest % pool.count
            default:
                // Heads of state and government serve terms: three in the twelve years of the corpus.
                k = title == country.leaderTitle ? min(pool.count - 1, (date.year - 2014) / 4) : rng.int(pool.count)
            }
            let m = pool[k]
            var o = Official(given: m.given, family: m.family, female: m.female, order: region.order, title: title, country: country)
            if region.order == .western {
                let r = Double(rng.next() >> 11) / Double(1 << 53)
                if r < cast.settings.initialRate {
                    o.given = String(m.given.prefix(1)) + "."
                } else if r < cast.settings.initialRate + cast.settings.variantRate {
                    let pick = rng.int(1 << 16)
                    if pick & 1 == 0 { o.family = Cast.variant(m.family, pick: pick >> 1) } else { o.given = Cast.variant(m.given, pick: pick >> 1) }
                }
            }
            return o
        }
        let isFemale = female ?? rng.chance(0.28)
        var family = rng.pick(region.family)
        if let avoiding, family == avoiding { family = rng.pick(region.family) }
        let given = rng.pick(isFemale && !region.female.isEmpty ? region.female : region.male)
        return Official(given: given, family: family, female: isFemale, order: region.order, title: title, country: country)
    }

    enum Slot { case host, guest, other, invented }

    mutating func role(_ kind: String, country: Country, party: Party? = nil) -> String {
        var t = rng.pick(data.roles[kind]!)
        if let party { t = t.replacingOccurrences(of: "{Party}", with: party.name) }
        t = t.replacingOccurrences(of: "{Country}", with: country.name)
        if t.contains("{City}") { t = t.replacingOccurrences(of: "{City}", with: rng.pick(country.allCities)) }
        return t
    }

    /// Acronym from the capitalized words of a name ("Vietnamese Chamber of Commerce and Industry" → VCCI).
    static func acronym(_ name: String) -> String {
        var out = ""
        for word in name.split(whereSeparator: { $0 == " " || $0 == "-" }) {
            if let c = word.first, c.isUppercase { out.append(c) }
        }
        return out
    }

    mutating func pickOrganization() -> OrganizationEntry {
        var o = rng.pick(data.organizations)
        let c = rng.chance(0.5) ? hostCountry! : guestCountry!
        if o.name.contains("{") {
            o.name = o.name.replacingOccurrences(of: "{Adj}", with: c.adjective).replacingOccurrences(of: "{Country}", with: c.bare)
        }
        if o.acronym.isEmpty { o.acronym = Self.acronym(o.name) }
        return o
    }

    /// A control character that never occurs in templates.
    static let orgMarker = "\u{1}"

    /// A mention of the story's organization; `resolveOrganization` makes the first one
    /// "the Asian Infrastructure Investment Bank (AIIB)" and the others "the AIIB".
    func orgMention() -> String { Self.orgMarker }

    mutating func otherDate(before: Bool) -> SimpleDate {
        var d = date
        if before {
            let back = rng.int(1...20)
            d.month -= back
            while d.month < 1 { d.month += 12; d.year -= 1 }
        } else {
            let ahead = rng.int(1...8)
            d.month += ahead
            while d.month > 12 { d.month -= 12; d.year += 1 }
        }
        d.day = rng.int(1...28)
        return d
    }

    // MARK: Templates

    /// Fills {A}, {B}, {AAdj}, {BAdj}, {field}, {field2}, {Org}, {Y}, {Y1}..{Y5} in a template.
    /// `speaker` is the country whose point of view {A} takes.
    mutating func fill(_ template: String, speaker: Country? = nil) -> String {
        let a = speaker ?? hostCountry!
        let b = a.name == hostCountry.name ? guestCountry! : hostCountry!
        var out = ""
        out.reserveCapacity(template.utf8.count + 40)
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let key = rest[rest.index(after: open)..<close]
            switch key {
            case "A": out += a.name
            case "B": out += b.name
            case "AAdj": out += a.adjective
            case "BAdj": out += b.adjective
            case "field": out += fieldA
            case "field2": out += fieldB
            case "Org": out += orgMention()
            case "Y": out += String(date.year)
            case "Y1": out += String(date.year - 1)
            case "Y2": out += String(date.year + 1)
            case "Y3": out += String(date.year + 2)
            case "Y5": out += String(date.year + 4)
            default: out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    static func capitalized(_ s: String) -> String {
        guard let f = s.first, f.isLowercase else { return s }
        return f.uppercased() + s.dropFirst()
    }

    // MARK: Release

    mutating func write() -> (title: String, text: String) {
        let withParty = data.countries.filter { !$0.parties.isEmpty }
        if var s = story {
            // The story (style, countries, date, the two principals, place) comes from the story's own random
            // state, so a twin report of it names the same meeting; the wording comes from this release's.
            style = s.pick(ReleaseGenerator.Style.allCases)
            hostCountry = s.pick(style == .party ? withParty : data.countries)
            repeat { guestCountry = s.pick(style == .party ? withParty : data.countries) } while guestCountry.name == hostCountry.name
            date = SimpleDate(year: s.int(2014...2025), month: s.int(1...12), day: s.int(1...28))
            storyPeople = (s.int(1 << 20), s.int(1 << 20))
            let storyPlace = s.chance(0.7) || hostCountry.cities.isEmpty ? hostCountry.capital : s.pick(hostCountry.cities)
            let topics = rng.sample(data.fields, 2)
            fieldA = topics[0]
            fieldB = topics.count > 1 ? topics[1] : topics[0]
            org = pickOrganization()
            place = storyPlace
            story = s
            return writeStory()
        }
        style = rng.pick(ReleaseGenerator.Style.allCases)
        hostCountry = rng.pick(style == .party ? withParty : data.countries)
        repeat { guestCountry = rng.pick(style == .party ? withParty : data.countries) } while guestCountry.name == hostCountry.name
        date = SimpleDate(year: rng.int(2014...2025), month: rng.int(1...12), day: rng.int(1...28))
        let topics = rng.sample(data.fields, 2)
        fieldA = topics[0]
        fieldB = topics.count > 1 ? topics[1] : topics[0]
        org = pickOrganization()
        place = rng.chance(0.7) || hostCountry.cities.isEmpty ? hostCountry.capital : rng.pick(hostCountry.cities)
        return writeStory()
    }

    mutating func writeStory() -> (title: String, text: String) {
        var head: [String] = []       // headline and chrome above the story
        var body: [[String]] = []     // paragraphs as sentence lists
        var tail: [String] = []       // chrome below the story
        let lead: String
        switch style {
        case .party: lead = partyLead(&head)
        case .ministry: lead = ministryLead(&head, &tail)
        case .wire: lead = wireLead(&head, &tail)
        case .embassy: lead = embassyLead(&head, &tail)
        }
        body.append([lead])
        var unusedFiller = Array(data.filler.indices)
        func filler() -> String? {
            guard !unusedFiller.isEmpty else { return nil }
            let k = unusedFiller.remove(at: rng.int(unusedFiller.count))
            return fill(data.filler[k], speaker: rng.chance(0.5) ? hostCountry : guestCountry)
        }
        // Background right after the lead, sometimes.
        if rng.chance(0.4), let f = filler() { body.append([f]) }

        // Reported speech, both sides, three to five paragraphs.
        var speakers = [host!, guest!]
        for _ in 0..<rng.int(1...3) { speakers.append(rng.chance(0.5) ? host! : guest!) }
        var speechParagraphs: [[String]] = []
        for (i, s) in speakers.enumerated() { speechParagraphs.append(speechParagraph(s, first: i < 2)) }
        // An earlier contact reported in passing goes into one of the speech paragraphs or stands alone.
        let earlier = earlierContact()
        if rng.chance(0.5) {
            speechParagraphs[rng.int(speechParagraphs.count)].append(earlier)
        } else {
            speechParagraphs.insert([earlier], at: 1 + rng.int(speechParagraphs.count))
        }
        body += speechParagraphs
        let firstAfterSpeech = body.count
        body.append([signing()])
        if rng.chance(0.5) { body[body.count - 1].append(plannedVisit()) } else { body.append([plannedVisit()]) }

        // Filler up to a target length; the whole release (chrome included) keeps within 250-600 words.
        let target = rng.int(260...560)
        var count = 0
        for line in head + tail { count += Self.wordCount(line) }
        for p in body { for s in p { count += Self.wordCount(s) } }
        while count < target, let sentence = filler() {
            let w = Self.wordCount(sentence)
            if count + w > 600 { break }
            switch rng.int(10) {
            case 0..<4:   // a paragraph of its own among the speech, or after the signing
                body.insert([sentence], at: 1 + rng.int(body.count))
            case 4..<8:   // inside a speech paragraph, after its opening sentence
                let k = 1 + rng.int(max(1, firstAfterSpeech - 1))
                body[k].insert(sentence, at: min(body[k].count, 1 + rng.int(body[k].count)))
            default:      // closing paragraph
                if body.count > firstAfterSpeech + 1, rng.chance(0.5) { body[body.count - 1].append(sentence) } else { body.append([sentence]) }
            }
            count += w
        }
        // Still short (few filler lines): more speech.
        while count < 250 {
            let s = rng.chance(0.5) ? host! : guest!
            let sentence = "\(s.ref) also said that \(clause(s))."
            body.insert([sentence], at: 1 + rng.int(firstAfterSpeech))
            count += Self.wordCount(sentence)
        }

        var text = head.joined(separator: "\n")
        text += "\n\n"
        text += body.map { $0.joined(separator: " ") }.joined(separator: "\n\n")
        if !tail.isEmpty { text += "\n\n" + tail.joined(separator: "\n") }
        text += "\n"
        return (head.first ?? "", resolveOrganization(text))
    }

    /// The first mention of the organization defines its acronym inline, later ones use the acronym.
    func resolveOrganization(_ text: String) -> String {
        let marker = Self.orgMarker.utf8.first!
        let pieces = text.utf8.split(separator: marker, omittingEmptySubsequences: false)
        if pieces.count == 1 { return text }
        let first = "the \(org.name) (\(org.acronym))"
        let later = "the " + org.acronym
        var out = String(Substring(pieces[0]))
        for (i, p) in pieces.dropFirst().enumerated() { out += (i == 0 ? first : later) + Substring(p) }
        return out
    }

    static func wordCount(_ s: String) -> Int {
        var n = 0
        var inWord = false
        for b in s.utf8 {
            let space = b == 32 || b == 10 || b == 9
            if !space && !inWord { n += 1 }
            inWord = !space
        }
        return n
    }

    // MARK: Leads (one per house style)

    /// Party department: "X, head of the department (ACR), met with a delegation led by Y".
    mutating func partyLead(_ head: inout [String]) -> String {
        let hostParty = rng.pick(hostCountry.parties)
        let guestParty = rng.pick(guestCountry.parties)
        // Communist and revolutionary parties have a Central Committee department; others an international office.
        let centralCommittee = ["Communist", "Revolutionary", "Workers'", "Liberation", "Mapinduzi"].contains { hostParty.name.contains($0) }
        let dept = centralCommittee
            ? "International Department of the \(hostParty.acronym) Central Committee"
            : "International Relations Department of \(hostParty.name)"
        let deptAcronym = "ID" + hostParty.acronym
        let deptSuffix = centralCommittee ? " (\(deptAcronym))" : ""
        host = official(of: hostCountry, title: rng.pick(data.roles["partyhost"]!).replacingOccurrences(of: "{Dept}", with: dept), slot: .host)
        guest = official(of: guestCountry, title: role("partyguest", country: guestCountry, party: guestParty), avoiding: host.family, slot: .guest)
        let partyName = guestParty.name + (guestParty.acronym.isEmpty ? "" : " (\(guestParty.acronym))")
        head.append(rng.chance(0.5)
            ? "\(host.full) Meets with a Delegation of \(guestParty.name) of \(guestCountry.bare)"
            : "\(host.full) Meets \(guestCountry.adjective) Party Delegation")
        head.append(rng.pick(["\(date.dotted) / Source: \(deptAcronym)", "Date: \(date.iso)   Source: \(centralCommittee ? "International Department" : "Party Headquarters")",
                               "\(date.dotted) | Print | Share"]))
        head.append("")
        let opener = rng.chance(0.5) ? "\(place), \(date.ordinalDay)—" : "\(place), \(date.monthDay) — "
        let here = place == hostCountry.capital || rng.chance(0.5) ? "here today" : "in \(place) on \(date.weekday)"
        switch rng.int(3) {
        case 0:
            return opener + "\(host.full), \(host.title)\(deptSuffix), met \(here) with a delegation led by \(guest.full), \(guest.title) (\(guestParty.acronym)) of \(guestCountry.name)."
        case 1:
            return opener + "\(host.full), \(host.title)\(deptSuffix), met \(here) with a delegation of \(partyName) of \(guestCountry.name) headed by \(guest.title.replacingOccurrences(of: " of \(guestParty.name)", with: "")) \(guest.full)."
        default:
            return opener + "A delegation of \(partyName) led by \(guest.full), \(guest.title), was received \(here) by \(host.full), \(host.title)\(deptSuffix)."
        }
    }

    /// Ministry press release with page chrome and a date line.
    mutating func ministryLead(_ head: inout [String], _ tail: inout [String]) -> String {
        let ministry = "Ministry of Foreign Affairs of \(hostCountry.name)"
        let hostTitle = rng.chance(0.6) ? "Minister of Foreign Affairs" : role("gov", country: hostCountry)
        host = official(of: hostCountry, title: hostTitle, slot: .host)
        guest = official(of: guestCountry, title: rng.chance(0.75) ? role("gov", country: guestCountry) : role("parl", country: guestCountry),
                         avoiding: host.family, slot: .guest)
        let published: String = rng.pick([date.british, date.european, date.long, date.iso])
        func chromeLine() -> String {
            var l = rng.pick(data.chrome)
            l = l.replacingOccurrences(of: "{D}", with: published).replacingOccurrences(of: "{Ministry}", with: ministry)
            l = l.replacingOccurrences(of: "{N}", with: String(rng.int(10...480))).replacingOccurrences(of: "{Y}", with: String(date.year))
            return l
        }
        head.append(chromeLine())
        if rng.chance(0.5) { head.append(chromeLine()) }
        head.append("")
        head.append(rng.chance(0.5)
            ? "\(host.title) \(host.full) holds talks with \(guest.title) of \(guestCountry.bare)"
            : "On the talks between \(host.title) \(host.full) and \(guest.title) of \(guestCountry.bare) \(guest.full)")
        head.append(published)
        tail.append(chromeLine())
        if rng.chance(0.5) { tail.append(chromeLine()) }
        let visitKind = rng.pick(["an official visit", "a working visit", "a state visit", "an official visit"])
        switch rng.int(3) {
        case 0:
            return "On \(date.british), \(host.title) of \(hostCountry.name) \(host.full) held talks in \(place) with \(guest.title) of \(guestCountry.name) \(guest.full), who is paying \(visitKind) to \(hostCountry.name) at the invitation of the \(hostCountry.adjective) side."
        case 1:
            return "\(host.title) \(host.full) received \(guest.title) of \(guestCountry.name) \(guest.full) in \(place) on \(date.long). The guest is in \(hostCountry.name) on \(visitKind) from \(date.monthDay) to \(date.monthName) \(min(28, date.day + rng.int(1...3)))."
        default:
            return "\(guest.title) of \(guestCountry.name) \(guest.full), who arrived in \(place) on \(visitKind), met with \(host.title) \(host.full) on \(date.weekday), \(date.british)."
        }
    }

    /// Wire story: "HANOI, Oct. 22 (Xinhua) -- ...".
    mutating func wireLead(_ head: inout [String], _ tail: inout [String]) -> String {
        let agency = hostCountry.agency ?? guestCountry.agency ?? "Xinhua"
        let hostTitle = rng.chance(0.3) ? hostCountry.leaderTitle : role(rng.chance(0.7) ? "gov" : "parl", country: hostCountry)
        host = official(of: hostCountry, title: hostTitle, slot: .host)
        guest = official(of: guestCountry, title: rng.chance(0.7) ? role("gov", country: guestCountry) : role("parl", country: guestCountry),
                         avoiding: host.family, slot: .guest)
        head.append(rng.chance(0.5)
            ? "\(hostCountry.adjective), \(guestCountry.adjective) officials vow to boost cooperation in \(fieldA)"
            : "\(Self.capitalized(hostCountry.bare)), \(guestCountry.bare) pledge closer ties")
        let dateline = "\(place.uppercased()), \(date.ap) (\(agency)) -- "
        tail.append(rng.pick(["Editor: \(official(of: hostCountry, title: "", slot: .invented).full)", "(Reporting by \(official(of: hostCountry, title: "", slot: .invented).full))", "■"]))
        let mood = rng.pick(["with both sides pledging to deepen practical cooperation",
                             "as the two countries seek to expand trade and investment",
                             "vowing to lift bilateral ties to a higher level"])
        switch rng.int(3) {
        case 0:
            return dateline + "\(hostCountry.adjective) \(host.title) \(host.full) on \(date.weekday) held talks with visiting \(guestCountry.adjective) \(guest.title) \(guest.full) here, \(mood)."
        case 1:
            return dateline + "\(hostCountry.adjective) \(host.title) \(host.full) met with \(guest.title) of \(guestCountry.name) \(guest.full) in \(place) on \(date.weekday), \(mood)."
        default:
            return dateline + "Visiting \(guestCountry.adjective) \(guest.title) \(guest.full) and \(hostCountry.adjective) \(host.title) \(host.full) agreed here on \(date.weekday) to strengthen cooperation in \(fieldA) and \(fieldB)."
        }
    }

    /// Embassy news: the ambassador of the host country calls on an official of the country where the embassy is.
    mutating func embassyLead(_ head: inout [String], _ tail: inout [String]) -> String {
        // The embassy's country speaks first; the meeting takes place abroad.
        host = official(of: hostCountry, title: "Ambassador of \(hostCountry.name) to \(guestCountry.name)", slot: .host)
        let kind = rng.pick(["gov", "gov", "parl", "local"])
        let party = guestCountry.parties.isEmpty ? nil : rng.pick(guestCountry.parties)
        let guestTitle = party != nil && rng.chance(0.25) ? role("partyguest", country: guestCountry, party: party) : role(kind, country: guestCountry)
        guest = official(of: guestCountry, title: guestTitle, avoiding: host.family, slot: .guest)
        place = rng.chance(0.75) || guestCountry.cities.isEmpty ? guestCountry.capital : rng.pick(guestCountry.cities)
        head.append(rng.chance(0.5)
            ? "Ambassador \(host.full) Calls on \(guest.title)"
            : "Ambassador \(host.full) meets \(guest.title) \(guest.full)")
        head.append("")
        if rng.chance(0.6) { head.append("\(date.iso) \(rng.int(8...18)):\(rng.int(10...59))") }
        tail.append(rng.pick(["Embassy of \(hostCountry.name) in \(guestCountry.name)", "Suggest to a friend | Print", "Back to top"]))
        switch rng.int(3) {
        case 0:
            return "On \(date.monthDay), Ambassador of \(hostCountry.name) to \(guestCountry.name) \(host.honorific) \(host.full) paid a courtesy call on \(guest.title) \(guest.full) in \(place)."
        case 1:
            return "On \(date.monthDay), \(date.year), \(guest.title) \(guest.honorific) \(guest.full) met with \(hostCountry.adjective) Ambassador \(host.full) at \(guest.his) office in \(place) and exchanged views on bilateral cooperation."
        default:
            return "Ambassador \(host.full) visited \(guest.title) \(guest.full) on \(date.monthDay). The two sides held an in-depth exchange of views on relations between \(hostCountry.name) and \(guestCountry.name)."
        }
    }

    // MARK: Paragraphs

    /// A clause of reported speech not yet used in this release (the pool refills when exhausted).
    mutating func clause(_ speaker: Official) -> String {
        if unusedSpeech.isEmpty { unusedSpeech = Array(data.speech.indices) }
        let k = unusedSpeech.remove(at: rng.int(unusedSpeech.count))
        return fill(data.speech[k], speaker: speaker.country)
    }

    mutating func speechParagraph(_ s: Official, first: Bool) -> [String] {
        let name = first && rng.chance(0.3) ? s.full : s.ref
        var out: [String] = []
        switch rng.int(6) {
        case 0: out.append("\(name) said, \(clause(s)).")
        case 1: out.append("\(name) said that \(clause(s)), and that \(clause(s)).")
        case 2: out.append("\(name) noted that \(clause(s)).")
        case 3: out.append("According to \(name), \(clause(s)).")
        case 4: out.append("\(name) expressed the hope that \(clause(s)).")
        default: out.append("Speaking at the meeting, \(name) stressed that \(clause(s)).")
        }
        for _ in 0..<rng.int(1...3) {
            out.append(rng.chance(0.3) ? "\(Self.capitalized(s.he)) added that \(clause(s))." : Self.capitalized(clause(s)) + ".")
        }
        if rng.chance(0.25) {
            out.append("\(Self.capitalized(s.he)) also mentioned the role of \(orgMention()) in promoting \(fieldB).")
        }
        return out
    }

    /// An earlier call or visit, reported in passing.
    mutating func earlierContact() -> String {
        let when = otherDate(before: true)
        let leaderA = official(of: hostCountry, title: hostCountry.leaderTitle)
        let leaderB = official(of: guestCountry, title: guestCountry.leaderTitle)
        let speaker = rng.chance(0.5) ? host! : guest!
        switch rng.int(5) {
        case 0:
            return "Recalling the telephone conversation between \(leaderA.title) \(leaderA.full) and \(leaderB.title) \(leaderB.full) in \(when.monthName) \(when.year), \(speaker.ref) said the consensus reached by the two leaders had charted the course for relations."
        case 1:
            return "\(speaker.ref) recalled \(speaker.his) visit to \(rng.pick(speaker.country.name == hostCountry.name ? guestCountry.allCities : hostCountry.allCities)) in \(when.monthName) \(when.year), during which \(speaker.he) met with \(rng.pick(["senior officials", "business leaders", "party leaders", "local authorities"]))."
        case 2:
            return "On \(when.monthDay), \(leaderA.title) \(leaderA.full) and \(leaderB.title) \(leaderB.full) held talks by video link, and the two sides agreed to step up cooperation in \(fieldA)."
        case 3:
            return "The two officials had previously met in \(rng.pick(hostCountry.allCities + guestCountry.allCities)) in \(when.monthName) \(when.year) on the sidelines of a meeting of \(orgMention())."
        default:
            return "Last \(when.monthName), \(leaderB.title) \(leaderB.full) paid a state visit to \(hostCountry.name) and held talks with \(leaderA.title) \(leaderA.full)."
        }
    }

    mutating func agreement() -> String { fill(rng.pick(data.agreements)) }

    /// A signing after the meeting.
    mutating func signing() -> String {
        switch rng.int(4) {
        case 0: return "After the talks, \(host.ref) and \(guest.ref) signed \(agreement())."
        case 1: return "Following the meeting, the two sides signed \(agreement()) and \(agreement())."
        case 2: return "The two officials later witnessed the signing of \(agreement()) by representatives of the relevant ministries."
        default: return "At the end of the meeting, \(host.ref) and \(guest.ref) signed \(agreement()), which provides for regular consultations."
        }
    }

    /// A visit still to come.
    mutating func plannedVisit() -> String {
        let when = otherDate(before: false)
        switch rng.int(5) {
        case 0: return "\(guest.ref) invited \(host.ref) to visit \(guestCountry.name) at a mutually convenient time, and the invitation was accepted with pleasure."
        case 1: return "\(host.ref) is scheduled to travel to \(guestCountry.capital) in \(when.monthName) \(when.year) to attend the next session of the joint commission."
        case 2:
            let cities = rng.sample(hostCountry.allCities.filter { $0 != place }, 2)
            let list = cities.isEmpty ? "other regions of the country" : cities.joined(separator: " and ")
            return "During \(guest.his) stay, \(guest.ref) will also visit \(list) before leaving \(hostCountry.name) on \(when.monthDay)."
        case 3: return "The two sides agreed to hold the next round of consultations in \(guestCountry.capital) on \(when.monthDay), \(when.year)."
        default: return "\(guest.ref) will pay an official visit to \(hostCountry.name) in \(when.monthName) at the invitation of \(host.ref)."
        }
    }
}

/// What the PLOVER and ICEWS exports need beyond an event's own codes: the sector codes of an actor from its side's
/// channel and level (`actor-sectors.tsv`), PLOVER categories' quad codes and scores (`plover-categories.tsv`), the label
/// and Goldstein score of a CAMEO code (`event-codes.tsv`), and country names.
public struct ExportCodebook: Sendable {
    /// An actor's sector as PLOVER (3-character code) and ICEWS (sector names, comma-separated) write it.
    public struct Sector: Sendable, Equatable {
        public var plover: String
        public var icews: String
    }

    /// A PLOVER category's quad code (1 verbal cooperation … 4 material conflict) and conflict-cooperation score.
    public struct PloverCategory: Sendable, Equatable {
        public var quad: Int
        public var scale: Double
    }

    /// A CAMEO code's label and Goldstein score.
    public struct CameoCode: Sendable, Equatable {
        public var label: String
        public var goldstein: Double?
    }

    let sectors: [String: Sector]
    let categories: [String: PloverCategory]
    let cameoCodes: [String: CameoCode]
    let countryNames: [String: String]
    let placeCountries: [String: String]

    /// The bundled tables, loaded on first use.
    public static let bundled: ExportCodebook = {
        do { return try ExportCodebook(lexicons: .bundled) } catch { fatalError("ParleyCore data files: \(error)") }
    }()

    public init(lexicons: Lexicons) throws(LexiconError) {
        var sectors: [String: Sector] = [:]
        for r in try TSVTable(name: "actor-sectors.tsv", text: Lexicons.resourceText("actor-sectors", "tsv"), minimumColumns: 4).rows {
            guard let channel = r[0], ContactChannel(rawValue: channel) != nil, let plover = r[2], plover.count == 3 else {
                throw .malformedRow(file: "actor-sectors.tsv", line: r.line, reason: "expected a channel, an optional level and a 3-character PLOVER sector")
            }
            if let level = r[1], lexicons.levelRank[level] == nil {
                throw .malformedRow(file: "actor-sectors.tsv", line: r.line, reason: "unknown level '\(level)'")
            }
            sectors[Self.key(channel, r[1])] = Sector(plover: plover, icews: r[3] ?? "")
        }
        var categories: [String: PloverCategory] = [:]
        for r in try TSVTable(name: "plover-categories.tsv", text: Lexicons.resourceText("plover-categories", "tsv"), minimumColumns: 3).rows {
            guard let name = r[0], let quad = r[1].flatMap({ Int($0) }), (1...4).contains(quad), let scale = r[2].flatMap({ Double($0) }) else {
                throw .malformedRow(file: "plover-categories.tsv", line: r.line, reason: "expected a category, a quad code from 1 to 4 and a score")
            }
            categories[name] = PloverCategory(quad: quad, scale: scale)
        }
        var cameo: [String: CameoCode] = [:]
        for code in lexicons.eventCodes.values where cameo[code.cameo] == nil {
            cameo[code.cameo] = CameoCode(label: code.cameoLabel, goldstein: code.goldstein)
        }
        var places: [String: String] = [:]
        for p in lexicons.places { if let c = p.country, places[TextNormalizer.fold(p.name)] == nil { places[TextNormalizer.fold(p.name)] = c } }
        self.sectors = sectors
        self.categories = categories
        self.cameoCodes = cameo
        self.countryNames = Dictionary(lexicons.countries.map { ($0.iso3, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.placeCountries = places
    }

    static func key(_ channel: String, _ level: String?) -> String { level.map { channel + " " + $0 } ?? channel }

    /// The sector of an actor on a side of this channel and level: the row for both, else the channel's row.
    public func sector(channel: String?, level: String?) -> Sector? {
        guard let channel else { return nil }
        if let level, let s = sectors[Self.key(channel, level)] { return s }
        return sectors[channel]
    }

    public func ploverCategory(_ name: String) -> PloverCategory? { categories[name] }

    public func cameo(_ code: String) -> CameoCode? { cameoCodes[code] }

    /// A country's English name from its ISO 3166-1 alpha-3 code.
    public func countryName(_ iso3: String) -> String? { countryNames[iso3] }

    /// The country (ISO 3166-1 alpha-3) of a known city or region.
    public func country(ofPlace name: String) -> String? { placeCountries[TextNormalizer.fold(name)] }
}

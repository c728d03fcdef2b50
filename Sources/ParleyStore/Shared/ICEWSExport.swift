import Foundation
import ParleyCore

/// Events as a tab-separated file with the columns of the ICEWS event data (one row per dyad: the source side's leading
/// actor with each other side's), under a header row: Event ID (`E<event>-<n>`), Event Date (YYYY-MM-DD), Source Name,
/// Source Sectors, Source Country, Event Text (the CAMEO code's label), CAMEO Code, Intensity (its Goldstein score),
/// Target Name, Target Sectors, Target Country, Story ID (the first source document), Sentence Number (1-based),
/// Publisher (the source's host), City (the place) and Country (the place's). Countries are written by name, as ICEWS
/// does. Events without a complete date, or with fewer than two sides, are left out.
extension Exporter {
    /// The ICEWS columns, in order.
    public static let icewsColumns = [
        "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity",
        "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "Country",
    ]

    /// The ICEWS rows of an event (empty when it cannot be written).
    public func icewsRows(_ e: EventSummary, codebook: ExportCodebook = .bundled) -> [[String]] {
        guard let date = e.date, date.count == 10, let cameo = e.cameo else { return [] }
        let actors = EventActors(e)
        let sides = actors.orderedSides(cameoOrder: true).sides
        guard sides.count >= 2 else { return [] }
        func lead(_ side: EventSide) -> (name: String, sectors: String, country: String)? {
            guard let a = actors.actors(of: side).first else { return nil }
            let country = a.country.map { codebook.countryName($0) ?? $0 } ?? ""
            return (a.name, codebook.sector(channel: side.channel, level: side.level)?.icews ?? "", country)
        }
        guard let source = lead(sides[0]) else { return [] }
        let code = codebook.cameo(cameo)
        let story = e.sources.first
        let publisher = story?.url.flatMap { URL(string: $0)?.host }.map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 } ?? ""
        let placeCountry = e.place.flatMap { codebook.country(ofPlace: $0) }.map { codebook.countryName($0) ?? $0 } ?? ""
        var rows: [[String]] = []
        for side in sides.dropFirst() {
            guard let target = lead(side) else { continue }
            rows.append([
                "E\(e.id)-\(rows.count + 1)", date, source.name, source.sectors, source.country, code?.label ?? "", cameo,
                code?.goldstein.map { String($0) } ?? "", target.name, target.sectors, target.country, story?.documentId ?? "",
                story.map { String($0.sentence + 1) } ?? "", publisher, e.place ?? "", placeCountry,
            ])
        }
        return rows
    }

    /// Every writable event as ICEWS TSV with a header row, and how many events were left out.
    public func icews(_ events: [EventSummary], codebook: ExportCodebook = .bundled) -> (text: String, skipped: Int) {
        var out = Self.icewsColumns.joined(separator: "\t") + "\n"
        var skipped = 0
        for e in events {
            let rows = icewsRows(e, codebook: codebook)
            if rows.isEmpty { skipped += 1 }
            for r in rows { out += r.map(Self.tsvField).joined(separator: "\t") + "\n" }
        }
        return (out, skipped)
    }

    /// A field without the tabs and line breaks that would split it.
    static func tsvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return s }
        return s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : String($0) }.joined()
    }
}

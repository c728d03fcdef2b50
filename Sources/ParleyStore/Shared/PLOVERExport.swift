import Foundation
import ParleyCore

/// Events as PLOVER JSON Lines (the Open Event Data Alliance's PLOVER specification, "JSON Data Fields"): one record per
/// event with `id`, `date` (and `enddate` when the text fixes only the month or year), `source` and `recipient` actor
/// lists (each actor with `code`, the ISO 3166-1 alpha-3 country, `sector`, `actor_text` and `identifier_id`),
/// `event`, `mode`, `context`, `event_text` (the evidence sentences), `quad_code`, `event_scale`, `event_loc`, `link`,
/// `cite_info` and `coder`. Parley adds `actor` (the source list again, under the name later PLOVER data sets use),
/// `country` on each actor, `cameo`, `channel`, `channel_reason` and `sides`. Events without a date are left out: the
/// specification requires one.
extension Exporter {
    /// One actor object.
    struct PloverActor: Encodable, Equatable {
        var code: String?
        var country: String?
        var sector: String?
        var actor_text: String
        var identifier_id: String?
    }

    /// The citation of the text an event was coded from.
    struct PloverCite: Encodable {
        var corpus: String
        var citation: String
        var url: String?
    }

    /// Where the event took place.
    struct PloverLocation: Encodable {
        var name: String
        var cc3: String?
    }

    /// One side's channel and level.
    struct PloverSide: Encodable {
        var country: String?
        var channel: String?
        var level: String?
    }

    struct PloverRecord: Encodable {
        var id: String
        var date: String
        var enddate: String?
        var source: [PloverActor]
        var actor: [PloverActor]
        var recipient: [PloverActor]
        var event: [String]
        var mode: [String]
        var context: [String]
        var event_text: [String]
        var quad_code: Int?
        var event_scale: Double?
        var event_loc: PloverLocation?
        var link: String?
        var cite_info: PloverCite?
        var coder: String
        var cameo: String?
        var channel: String?
        var channel_reason: String?
        var sides: [PloverSide]
    }

    /// The PLOVER record of an event; nil when it is undated or has no PLOVER category.
    public func ploverRecord(_ e: EventSummary, codebook: ExportCodebook = .bundled) -> String? {
        guard let (first, last) = EventActors.dayRange(e.date), let category = e.plover else { return nil }
        let actors = EventActors(e)
        let (sides, visit) = actors.orderedSides()
        func actorObjects(_ side: EventSide) -> [PloverActor] {
            let sector = codebook.sector(channel: side.channel, level: side.level)?.plover
            return actors.actors(of: side).map {
                PloverActor(code: $0.country, country: $0.country, sector: sector, actor_text: $0.name, identifier_id: $0.identifier)
            }
        }
        let source = sides.first.map(actorObjects) ?? []
        let recipient = sides.dropFirst().flatMap(actorObjects)
        var mode: [String] = []
        if visit && category == "CONSULT" {
            mode = ["visit"]
        } else if let m = e.ploverMode, ["phone", "third-party", "visit"].contains(m) {
            mode = [m]
        }
        var context = ["diplomatic"]
        if !e.sources.isEmpty && e.sources.allSatisfy(\.reported) { context.append("historical") }
        let cited = e.sources.first
        let place = e.place.map { PloverLocation(name: $0, cc3: codebook.country(ofPlace: $0)) }
        let record = PloverRecord(
            id: "parley-E\(e.id)", date: first, enddate: first == last ? nil : last,
            source: source, actor: source, recipient: recipient,
            event: [category], mode: mode, context: context, event_text: e.sources.map(\.evidence).reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            quad_code: codebook.ploverCategory(category)?.quad, event_scale: codebook.ploverCategory(category)?.scale,
            event_loc: place, link: cited.map { $0.url ?? $0.documentId },
            cite_info: cited.map { PloverCite(corpus: "parley", citation: $0.documentId, url: $0.url) },
            coder: "Parley", cameo: e.cameo, channel: e.channel, channel_reason: e.channelReason,
            sides: e.sides.map { PloverSide(country: $0.country, channel: $0.channel, level: $0.level) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(record) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every dated event as PLOVER JSON Lines, and how many were left out (undated).
    public func plover(_ events: [EventSummary], codebook: ExportCodebook = .bundled) -> (text: String, skipped: Int) {
        var out = ""
        var skipped = 0
        for e in events {
            guard let line = ploverRecord(e, codebook: codebook) else { skipped += 1; continue }
            out += line + "\n"
        }
        return (out, skipped)
    }
}

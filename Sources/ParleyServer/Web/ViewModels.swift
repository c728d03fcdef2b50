import Foundation
import ParleyCore
import ParleyStore

/// The values templates show for the store's types: links, labels and display strings. Plain dictionaries,
/// so templates read them by key; all of them are escaped when rendered.
enum ViewModels {
    static let countryNames: [String: String] = {
        var out: [String: String] = [:]
        for c in Lexicons.bundled.countries { out[c.iso3] = c.name }
        return out
    }()

    static func countryName(_ code: String) -> String { countryNames[code] ?? code }

    static func country(_ code: String) -> [String: Any] {
        ["code": code, "name": countryName(code), "href": "/countries/\(code)"]
    }

    static func personLink(_ p: PersonRef) -> [String: Any] {
        var v: [String: Any] = ["name": p.name, "href": "/people/P\(p.id)"]
        if let r = p.role { v["role"] = r }
        if let c = p.country { v["country"] = country(c) }
        return v
    }

    static func event(_ e: EventSummary) -> [String: Any] {
        var v: [String: Any] = [
            "id": "E\(e.id)", "href": "/events/E\(e.id)", "type": e.type, "date": e.date ?? "undated",
            "participants": e.participants.map(personLink),
            "countries": e.countries.map(country),
            "organizations": e.organizations.map { ["name": $0.name, "href": "/organizations/O\($0.id)"] },
            "sourceCount": e.sources.count,
        ]
        if let p = e.place { v["place"] = p }
        if let c = e.cameo { v["cameo"] = c }
        if let p = e.plover { v["plover"] = p }
        if let c = e.channel { v["channel"] = ["name": c, "href": "/events?channel=" + c, "reason": e.channelReason ?? ""] }
        v["sides"] = e.sides.map { s -> [String: Any] in
            var x: [String: Any] = ["channel": s.channel ?? "not fixed", "channelReason": s.channelReason ?? "",
                                    "level": s.level.map(levelLabel) ?? "not known", "levelReason": s.levelReason ?? ""]
            if let c = s.country { x["country"] = country(c) }
            if let l = s.level { x["levelHref"] = "/events?level=" + l }
            return x
        }
        v["hasSides"] = !e.sides.isEmpty
        return v
    }

    /// A level as people read it ("member of a party's top body").
    static func levelLabel(_ level: String) -> String {
        Lexicons.bundled.contactLevels.first { $0.name == level }?.label ?? level
    }

    static func linkedPerson(_ p: LinkedPerson) -> [String: Any] {
        var v: [String: Any] = ["name": p.name, "href": "/people/P\(p.id)", "count": p.count]
        if let c = p.country { v["country"] = country(c) }
        return v
    }

    static func personSummary(_ p: PersonSummary) -> [String: Any] {
        var v: [String: Any] = ["name": p.name, "href": "/people/P\(p.id)", "id": "P\(p.id)", "aliases": p.aliases.joined(separator: "; "),
                                "documents": p.documents, "events": p.events]
        if let c = p.country { v["country"] = country(c) }
        return v
    }

    static func organization(_ o: OrganizationSummary) -> [String: Any] {
        var v: [String: Any] = ["name": o.name, "href": "/organizations/O\(o.id)", "kind": o.kind, "documents": o.documents, "events": o.events,
                                "aliases": o.aliases.joined(separator: "; ")]
        if let c = o.country { v["country"] = country(c) }
        return v
    }

    static func urlEncoded(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A snippet with `[matched]` words, as pieces the template marks up (escaped) one by one.
    static func snippetPieces(_ snippet: String) -> [[String: Any]] {
        var out: [[String: Any]] = []
        var current = ""
        var inMatch = false
        for ch in snippet {
            if ch == "[" && !inMatch {
                if !current.isEmpty { out.append(["text": current, "match": false]) }
                current = ""; inMatch = true
            } else if ch == "]" && inMatch {
                out.append(["text": current, "match": true])
                current = ""; inMatch = false
            } else { current.append(ch) }
        }
        if !current.isEmpty { out.append(["text": current, "match": inMatch]) }
        return out
    }
}

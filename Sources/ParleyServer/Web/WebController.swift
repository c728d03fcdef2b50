import Foundation
import Hummingbird
import ParleyCore
import ParleyStore

/// The HTML pages: home, events (with facets and downloads), one event, people, organizations, countries,
/// country pairs, the network, documents and search. Every page works without JavaScript.
struct WebController: Sendable {
    let store: any BrowsableStore
    let configuration: ServerConfiguration
    let pages: PageRenderer
    /// Who has signed in to review events (their form tokens go into the event page's forms).
    var sessions = ReviewSessions()

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in try await Blocking.run { try home() } }
        router.get("events") { request, _ in try await Blocking.run { try events(QueryString(request.uri.query)) } }
        router.get("events.csv") { request, _ in try await Blocking.run { try eventsCSV(QueryString(request.uri.query)) } }
        router.get("events/{id}") { request, context in try await Blocking.run {
            try event(Identifiers.number(try context.parameters.require("id"), prefix: "E", what: "event"), formToken: sessions.formToken(request.headers))
        } }
        router.get("people") { request, _ in try await Blocking.run { try people(QueryString(request.uri.query)) } }
        router.get("people/{id}") { _, context in try await Blocking.run {
            try person(Identifiers.number(try context.parameters.require("id"), prefix: "P", what: "person"))
        } }
        router.get("organizations") { request, _ in try await Blocking.run { try organizations(QueryString(request.uri.query)) } }
        router.get("organizations/{id}") { _, context in try await Blocking.run {
            try organization(Identifiers.number(try context.parameters.require("id"), prefix: "O", what: "organization"))
        } }
        router.get("countries") { _, _ in try await Blocking.run { try countries() } }
        router.get("countries/{code}") { _, context in try await Blocking.run { try country(Identifiers.country(try context.parameters.require("code"))) } }
        router.get("countries/{code}/{other}") { _, context in try await Blocking.run {
            try countryPair(Identifiers.country(try context.parameters.require("code")), Identifiers.country(try context.parameters.require("other")))
        } }
        router.get("chart.csv") { request, _ in try await Blocking.run {
            let table = try store.chart(try Self.chart(QueryString(request.uri.query)))
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"parley-chart.csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: table.csv)))
        } }
        router.get("chart.json") { request, _ in try await Blocking.run {
            try JSONResponse.make(try store.chart(try Self.chart(QueryString(request.uri.query))))
        } }
        router.get("network") { request, _ in try await Blocking.run { try network(QueryString(request.uri.query)) } }
        router.get("documents/{id}") { request, context in try await Blocking.run {
            try document(try context.parameters.require("id"), QueryString(request.uri.query))
        } }
        router.get("search") { request, _ in try await Blocking.run { try search(QueryString(request.uri.query)) } }
    }

    func home() throws -> Response {
        let stats = try store.stats()
        var f = EventFilter()
        f.limit = 10
        let latest = try store.eventPage(f, order: .newest, after: nil).events
        return pages.page("home", title: "Parley — diplomatic events", [
            "stats": ["documents": stats.documents, "people": stats.people, "organizations": stats.organizations, "events": stats.events],
            "eventTableHTML": EventTableHTML.table(latest), "hasEvents": !latest.isEmpty,
        ])
    }

    func events(_ q: QueryString) throws -> Response {
        let query = try EventQuery(q, defaultLimit: 50, maxLimit: configuration.maxPageSize)
        let page = try store.eventPage(query.filter, order: query.order, after: query.cursor)
        let facets = try store.eventFacets(query.filter)
        let f = query.filter
        func facet(_ list: [FacetCount], key: String, label: (String) -> String) -> [[String: Any]] {
            list.map { c in
                let selected = key == "country" ? f.countries.contains(c.value) : q[key]?.uppercased() == c.value.uppercased()
                return ["label": label(c.value), "count": c.count, "selected": selected,
                        "href": "/events?" + (selected ? removingFacet(q, key, c.value) : addingFacet(q, key, c.value))]
            }
        }
        // The downloads repeat the page's own query with its page size and order spelled out, so they hold
        // exactly the events shown (the API's default page size differs from the page's).
        let shown = QueryString(QueryString(q.setting("limit", String(query.filter.limit))).setting("order", query.order.rawValue))
            .setting("cursor", query.cursor.map { EventCursorCodec.encode($0) })
        let next = page.next.map { "/events?" + q.setting("cursor", EventCursorCodec.encode($0)) }
        var title = "Events"
        var parts: [String] = []
        if let t = f.type { parts.append(t) }
        if let c = f.channel { parts.append(c + " channel") }
        if let l = f.level { parts.append(ViewModels.levelLabel(l) + " level") }
        if !f.countries.isEmpty { parts.append(f.countries.joined(separator: "–")) }
        if let p = f.person { parts.append(p) }
        if let o = f.organization { parts.append(o) }
        if f.from != nil || f.to != nil { parts.append("\(f.from ?? "…") to \(f.to ?? "…")") }
        if !parts.isEmpty { title += ": " + parts.joined(separator: ", ") }
        return pages.page("events", title: title + " — Parley", [
            "heading": title,
            "eventTableHTML": EventTableHTML.table(page.events), "hasEvents": !page.events.isEmpty, "total": facets.total,
            "shownCount": page.events.count,
            "types": facet(facets.types, key: "type") { $0 },
            "channels": facet(facets.channels, key: "channel") { $0 },
            "levels": facet(facets.levels, key: "level") { ViewModels.levelLabel($0) },
            "channelOptions": ContactChannel.allCases.map { ["value": $0.rawValue, "selected": f.channel == $0.rawValue] },
            "levelOptions": Lexicons.bundled.contactLevels.map { ["value": $0.name, "label": $0.label, "selected": f.level == $0.name] },
            "countries": facet(facets.countries, key: "country") { ViewModels.countryName($0) + " (\($0))" },
            "years": facets.years.map { ["label": $0.value, "count": $0.count,
                                         "href": "/events?" + QueryString(q.setting("from", $0.value)).setting("to", $0.value)] },
            "typeOptions": EventQuery.types.map { ["value": $0, "selected": f.type == $0] },
            "from": f.from ?? "", "to": f.to ?? "", "person": f.person ?? "", "org": f.organization ?? "",
            "country": f.countries.joined(separator: " "), "countryValues": f.countries, "place": f.place ?? "",
            "limit": f.limit, "newest": query.order == .newest, "oldest": query.order == .oldest,
            "next": next ?? "", "csvHref": "/events.csv?" + shown, "jsonHref": "/api/v1/events?" + shown,
            "cleared": query.cursor != nil ? "/events?" + q.setting("cursor", nil) : "",
        ])
    }

    /// The query with `key=value` added (countries accumulate; other keys are replaced) and the cursor dropped.
    func addingFacet(_ q: QueryString, _ key: String, _ value: String) -> String {
        var pairs = q.pairs.filter { $0.0 != "cursor" && !$0.1.isEmpty && (key == "country" || $0.0 != key) }
        pairs.append((key, value))
        return QueryString.encode(pairs)
    }

    /// The query without `key=value` (compared ignoring case) and without the cursor.
    func removingFacet(_ q: QueryString, _ key: String, _ value: String) -> String {
        QueryString.encode(q.pairs.filter { $0.0 != "cursor" && !$0.1.isEmpty && !($0.0 == key && $0.1.uppercased() == value.uppercased()) })
    }

    func eventsCSV(_ q: QueryString) throws -> Response {
        let query = try EventQuery(q, defaultLimit: 50, maxLimit: configuration.maxPageSize)
        let page = try store.eventPage(query.filter, order: query.order, after: query.cursor)
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"parley-events.csv\""],
                        body: .init(byteBuffer: ByteBuffer(string: EventsCSV.write(page.events))))
    }

    /// An event's page; with review on (a token configured), its review section: the forms when `formToken` is a
    /// signed-in session's, else a link to sign in.
    func event(_ id: Int64, formToken: String? = nil) throws -> Response {
        let e = try store.event(id: id)
        var v = ViewModels.event(e)
        v["sources"] = e.sources.map { s -> [String: Any] in
            ["documentId": s.documentId, "href": "/documents/\(ViewModels.urlEncoded(s.documentId))?hl=\(s.start)-\(s.end)#cited",
             "url": s.url ?? "", "hasURL": s.url != nil, "sentence": s.sentence + 1, "start": s.start, "end": s.end, "evidence": s.evidence,
             "reported": s.reported, "confidence": String(format: "%.2f", s.confidence)]
        }
        if e.countries.count == 2 { v["pairHref"] = "/countries/\(e.countries[0])/\(e.countries[1])" }
        let disagreements = e.disagreements ?? []
        v["hasDisagreements"] = !disagreements.isEmpty
        v["disagreements"] = disagreements.map { d -> [String: Any] in
            ["label": d.person.map { "\(d.field) of \($0)" } ?? d.field,
             "values": d.values.map { ["documentId": $0.documentId, "href": "/documents/\(ViewModels.urlEncoded($0.documentId))", "value": $0.value] }]
        }
        let who = e.participants.map(\.name).joined(separator: " and ")
        var values: [String: Any] = ["event": v]
        if configuration.token != nil { values["review"] = try reviewValues(e, formToken: formToken) }
        return pages.page("event", title: "\(e.type) \(e.date ?? "undated")\(who.isEmpty ? "" : ": " + who) — Parley", values)
    }

    /// The event page's review section: the forms' choices and the corrections that hold on the event.
    func reviewValues(_ e: EventSummary, formToken: String?) throws -> [String: Any] {
        guard let formToken else { return ["id": "E\(e.id)", "signedIn": false] }
        var seen: Set<String> = []
        let documents = e.sources.map(\.documentId).filter { seen.insert($0).inserted }
        let corrections = try store.eventCorrections().filter { $0.undoneAt == nil && $0.event == e.id }
        return [
            "id": "E\(e.id)", "signedIn": true, "formToken": formToken,
            "typeOptions": EventQuery.types.map { ["value": $0] },
            "participantOptions": e.participants.map { ["id": $0.id, "name": $0.name] },
            "canSplit": documents.count > 1, "sourceOptions": documents.map { ["value": $0] },
            "hasCorrections": !corrections.isEmpty,
            "corrections": corrections.map { ["number": $0.id, "createdAt": $0.createdAt, "summary": $0.summary, "note": $0.note ?? ""] },
        ]
    }

    func people(_ q: QueryString) throws -> Response {
        let limit = try EventQuery.limit(q["limit"], default: 100, max: configuration.maxPageSize)
        let list = try store.people(search: q["q"], country: q["country"], organization: nil, limit: limit)
        return pages.page("people", title: q["q"].map { "People matching \($0) — Parley" } ?? "People — Parley",
                          ["q": q["q"] ?? "", "people": list.map(ViewModels.personSummary), "hasPeople": !list.isEmpty])
    }

    func person(_ id: Int64) throws -> Response {
        let p = try store.person(String(id))
        var v = ViewModels.personSummary(p.person)
        v["names"] = [p.person.name] + p.person.aliases
        v["titles"] = p.titles.map { ["title": $0.title, "date": $0.date ?? "undated", "document": $0.documentId,
                                      "href": "/documents/" + ViewModels.urlEncoded($0.documentId)] }
        v["organizations"] = p.organizations.map { ["name": $0, "href": "/organizations?q=" + ViewModels.urlEncoded($0)] }
        v["hasOrganizations"] = !p.organizations.isEmpty
        v["counterparts"] = p.counterparts.map { c -> [String: Any] in
            var x: [String: Any] = ["name": c.name, "href": "/people/P\(c.id)", "events": c.events]
            if let cc = c.country { x["country"] = ViewModels.country(cc) }
            return x
        }
        v["timeline"] = p.timeline.reversed().map(ViewModels.event)
        v["chart"] = Charts.timeline(p.timeline)
        v["eventsHref"] = "/events?person=P\(id)"
        return pages.page("person", title: "\(p.person.name) — Parley", ["person": v])
    }

    func organizations(_ q: QueryString) throws -> Response {
        let limit = try EventQuery.limit(q["limit"], default: 200, max: configuration.maxPageSize)
        let list = try store.organizations(search: q["q"], limit: limit)
        return pages.page("organizations", title: "Organizations — Parley",
                          ["q": q["q"] ?? "", "organizations": list.map(ViewModels.organization), "hasOrganizations": !list.isEmpty])
    }

    func organization(_ id: Int64) throws -> Response {
        let o = try store.organization(id: id)
        var v = ViewModels.organization(o.organization)
        v["people"] = o.people.map(ViewModels.linkedPerson)
        v["eventsHref"] = "/events?org=" + ViewModels.urlEncoded(o.organization.name)
        v["partnersChart"] = Charts.stacked(try store.chart(.organizationPartners(id)), id: "organization-partners",
                                            downloads: "chart=organization-partners&organization=O\(id)")
        return pages.page("organization", title: "\(o.organization.name) — Parley",
                          ["organization": v, "eventTableHTML": EventTableHTML.table(o.events)])
    }

    func countries() throws -> Response {
        let list = try store.countries()
        return pages.page("countries", title: "Countries — Parley", ["countries": list.map { c -> [String: Any] in
            var v = ViewModels.country(c.code)
            v["events"] = c.events
            v["people"] = c.people
            return v
        }])
    }

    func country(_ code: String) throws -> Response {
        let c = try store.country(code)
        var v = ViewModels.country(code)
        v["events"] = c.country.events
        v["peopleCount"] = c.country.people
        v["partners"] = c.partners.map { p -> [String: Any] in
            var x = ViewModels.country(p.value)
            x["count"] = p.count
            x["pairHref"] = "/countries/\(code)/\(p.value)"
            return x
        }
        v["people"] = c.people.map(ViewModels.linkedPerson)
        v["latest"] = c.events.map(ViewModels.event)
        v["eventsHref"] = "/events?country=\(code)"
        v["partnersChart"] = Charts.stacked(try store.chart(.countryPartners(code)), id: "country-partners",
                                            downloads: "chart=country-partners&country=\(code)")
        return pages.page("country", title: "\(ViewModels.countryName(code)) — Parley", ["country": v])
    }

    func countryPair(_ a: String, _ b: String) throws -> Response {
        let pair = try store.countryPair(a, b)
        let title = "\(ViewModels.countryName(a)) and \(ViewModels.countryName(b))"
        return pages.page("pair", title: "\(title) — Parley", [
            "heading": title, "a": ViewModels.country(a), "b": ViewModels.country(b), "total": pair.total,
            "channelChart": Charts.stacked(try store.chart(.pairChannels(a, b)), id: "pair-channels", downloads: "chart=pair-channels&country=\(a)&other=\(b)"),
            "typeChart": Charts.stacked(try store.chart(.pairTypes(a, b)), id: "pair-types", downloads: "chart=pair-types&country=\(a)&other=\(b)"),
            "eventTableHTML": EventTableHTML.table(pair.events),
            "eventsHref": "/events?country=\(a)&country=\(b)", "hasEvents": !pair.events.isEmpty,
        ])
    }

    /// The chart a download asks for: `chart` (country-partners, pair-channels, pair-types, organization-partners) with
    /// its `country`, `other` or `organization`; a 400 or 404 naming what is wrong.
    static func chart(_ q: QueryString) throws -> ContactChart {
        func country(_ key: String) throws -> String {
            guard let c = q[key] else { throw Problem.badRequest("\(key) (an ISO 3166-1 alpha-3 code) is required for this chart") }
            return try Identifiers.country(c)
        }
        switch q["chart"] {
        case "country-partners": return .countryPartners(try country("country"))
        case "pair-channels": return .pairChannels(try country("country"), try country("other"))
        case "pair-types": return .pairTypes(try country("country"), try country("other"))
        case "organization-partners":
            guard let o = q["organization"] else { throw Problem.badRequest("organization (O12) is required for this chart") }
            return .organizationPartners(try Identifiers.number(o, prefix: "O", what: "organization"))
        default:
            throw Problem.badRequest("chart is one of country-partners, pair-channels, pair-types, organization-partners, not '\(q["chart"]?.prefix(40) ?? "")'")
        }
    }

    func network(_ q: QueryString) throws -> Response {
        let kind: NetworkKind
        if let k = q["kind"] {
            guard let parsed = NetworkKind(rawValue: k) else { throw Problem.badRequest("kind is people, organizations or countries, not '\(k.prefix(40))'") }
            kind = parsed
        } else { kind = .people }
        let range = try store.eventDateRange()
        let minYear = range.first.flatMap { Int($0.prefix(4)) } ?? 2000, maxYear = range.last.flatMap { Int($0.prefix(4)) } ?? 2030
        // Without a range, the last two years: recent contacts, and a graph small enough to read.
        var from = try DateParameter.check(q["from"], name: "from")
        var to = try DateParameter.check(q["to"], name: "to")
        if from == nil && to == nil {
            from = String(max(minYear, maxYear - 1))
            to = String(maxYear)
        }
        let channel = try EventQuery.channel(q["channel"])
        let graph = try store.network(kind, from: from, to: to, channel: channel, limit: 150)
        let labels = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0.label) })
        func href(_ id: String) -> String {
            switch kind {
            case .people: return "/people/\(id)"
            case .organizations: return "/organizations/\(id)"
            case .countries: return "/countries/\(id)"
            }
        }
        return pages.page("network", title: "Network of \(kind.rawValue)\(channel.map { ", \($0) channel" } ?? ""), \(from ?? "…") to \(to ?? "…") — Parley", [
            "kinds": NetworkKind.allCases.map { ["value": $0.rawValue, "selected": $0 == kind] },
            "channel": channel ?? "",
            "channelOptions": ContactChannel.allCases.map { ["value": $0.rawValue, "selected": channel == $0.rawValue] },
            "kind": kind.rawValue, "from": from ?? "", "to": to ?? "",
            "minYear": minYear, "maxYear": maxYear,
            "fromYear": from.flatMap { Int($0.prefix(4)) } ?? minYear, "toYear": to.flatMap { Int($0.prefix(4)) } ?? maxYear,
            "edges": graph.edges.prefix(60).map { e -> [String: Any] in
                ["source": labels[e.source] ?? e.source, "sourceHref": href(e.source), "target": labels[e.target] ?? e.target,
                 "targetHref": href(e.target), "events": e.events]
            },
            "hasEdges": !graph.edges.isEmpty, "nodeCount": graph.nodes.count, "edgeCount": graph.edges.count,
        ])
    }

    func document(_ id: String, _ q: QueryString) throws -> Response {
        let doc = try store.document(id)
        var highlight: Range<Int>?
        if let hl = q["hl"] {
            let parts = hl.split(separator: "-").compactMap { Int($0) }
            if parts.count == 2, parts[0] < parts[1] { highlight = parts[0]..<parts[1] }
        }
        let spans = DocumentSpans.spans(of: doc)
        let pieces = TextHighlighter.values(TextHighlighter.pieces(doc.text, spans: spans, highlight: highlight))
        var counts: [String: Int] = [:]
        for s in spans { counts[s.kind, default: 0] += 1 }
        let events = doc.annotation.events.map { e -> [String: Any] in
            var v: [String: Any] = ["type": e.type, "date": e.date ?? "undated", "evidence": e.evidence,
                                    "participants": e.participants.joined(separator: ", ")]
            if let id = e.eventId { v["href"] = "/events/\(id)"; v["id"] = id }
            return v
        }
        return pages.page("document", title: "\(doc.title ?? doc.id) — Parley", [
            "id": doc.id, "title": doc.title ?? doc.id, "url": doc.url ?? "", "hasURL": doc.url != nil, "published": doc.published ?? "",
            "site": doc.site ?? "", "pieces": pieces, "events": events, "hasEvents": !events.isEmpty,
            "counts": ["person", "organization", "place", "date", "event"].map { ["kind": $0, "count": counts[$0] ?? 0, "cls": "hl-" + $0] },
            "jsonHref": "/api/v1/documents/" + ViewModels.urlEncoded(doc.id),
        ])
    }

    func search(_ q: QueryString) throws -> Response {
        let words = q["q"] ?? ""
        // Twenty releases at a time (each snippet is cut from its release's text); "more" asks for twenty more.
        let limit = try EventQuery.limit(q["limit"], default: 20, max: configuration.maxPageSize)
        let hits = words.isEmpty ? [] : try store.search(words, limit: limit)
        let people = words.isEmpty ? [] : try store.people(search: words, country: nil, organization: nil, limit: 20)
        let more = hits.count == limit ? "/search?" + q.setting("limit", String(limit + 20)) : ""
        return pages.page("search", title: words.isEmpty ? "Search — Parley" : "Search: \(words) — Parley", [
            "q": words, "searched": !words.isEmpty,
            "hits": hits.map { h -> [String: Any] in
                ["title": h.title ?? h.documentId, "href": "/documents/" + ViewModels.urlEncoded(h.documentId), "id": h.documentId,
                 "pieces": ViewModels.snippetPieces(h.snippet)]
            },
            "people": people.map(ViewModels.personSummary), "hasHits": !hits.isEmpty, "hasPeople": !people.isEmpty, "more": more,
        ])
    }
}

import Foundation
import Hummingbird
import ParleyStore

/// The read side of the JSON API under `/api/v1`: events, people, organizations, countries, search,
/// documents, the contact network and stats, as described by `openapi.json`.
struct APIController: Sendable {
    let store: any BrowsableStore
    let configuration: ServerConfiguration
    let resources: ServerResources

    /// A page of events and the cursor of the next one.
    struct EventsPage: Encodable, Sendable {
        var events: [EventSummary]
        var nextCursor: String?
        var order: String
        var limit: Int
    }

    struct PeopleList: Encodable { var people: [PersonSummary] }
    struct OrganizationList: Encodable { var organizations: [OrganizationSummary] }
    struct CountryList: Encodable { var countries: [CountrySummary] }
    struct SearchResults: Encodable { var query: String; var hits: [SearchHit] }

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: resources.openAPI)))
        }
        api.get("events") { request, _ in try await Blocking.run { try events(QueryString(request.uri.query)) } }
        api.get("events/{id}") { _, context in try await Blocking.run {
            let id = try Identifiers.number(try context.parameters.require("id"), prefix: "E", what: "event")
            return try JSONResponse.make(try store.event(id: id))
        } }
        api.get("facets") { request, _ in try await Blocking.run {
            let q = try EventQuery(QueryString(request.uri.query), defaultLimit: 1, maxLimit: configuration.maxPageSize)
            return try JSONResponse.make(try store.eventFacets(q.filter))
        } }
        api.get("people") { request, _ in try await Blocking.run {
            let q = QueryString(request.uri.query)
            let limit = try EventQuery.limit(q["limit"], default: 50, max: configuration.maxPageSize)
            return try JSONResponse.make(PeopleList(people: try store.people(search: q["q"], country: q["country"], organization: q["org"], limit: limit)))
        } }
        api.get("people/{id}") { _, context in try await Blocking.run {
            let id = try Identifiers.number(try context.parameters.require("id"), prefix: "P", what: "person")
            return try JSONResponse.make(try store.person(String(id)))
        } }
        api.get("organizations") { request, _ in try await Blocking.run {
            let q = QueryString(request.uri.query)
            let limit = try EventQuery.limit(q["limit"], default: 100, max: configuration.maxPageSize)
            return try JSONResponse.make(OrganizationList(organizations: try store.organizations(search: q["q"], limit: limit)))
        } }
        api.get("organizations/{id}") { _, context in try await Blocking.run {
            let id = try Identifiers.number(try context.parameters.require("id"), prefix: "O", what: "organization")
            return try JSONResponse.make(try store.organization(id: id))
        } }
        api.get("countries") { _, _ in try await Blocking.run { try JSONResponse.make(CountryList(countries: try store.countries())) } }
        api.get("countries/{code}") { _, context in try await Blocking.run {
            try JSONResponse.make(try store.country(try Identifiers.country(try context.parameters.require("code"))))
        } }
        api.get("countries/{code}/{other}") { _, context in try await Blocking.run {
            let a = try Identifiers.country(try context.parameters.require("code"))
            let b = try Identifiers.country(try context.parameters.require("other"))
            return try JSONResponse.make(try store.countryPair(a, b))
        } }
        api.get("search") { request, _ in try await Blocking.run {
            let q = QueryString(request.uri.query)
            // Required (the contract checks it); words that hold no searchable word find nothing.
            guard !q.values("q").isEmpty else { throw Problem.badRequest("q (the words to search for) is required") }
            let words = q["q"] ?? ""
            let limit = try EventQuery.limit(q["limit"], default: 20, max: configuration.maxPageSize)
            return try JSONResponse.make(SearchResults(query: words, hits: words.isEmpty ? [] : try store.search(words, limit: limit)))
        } }
        api.get("documents/{id}") { _, context in try await Blocking.run {
            let doc = try store.document(try context.parameters.require("id"))
            return try JSONResponse.make(DocumentSpans.view(of: doc))
        } }
        api.get("network") { request, _ in try await Blocking.run { try network(QueryString(request.uri.query)) } }
        api.get("stats") { _, _ in try await Blocking.run { try JSONResponse.make(try store.stats()) } }
    }

    func events(_ q: QueryString) throws -> Response {
        let query = try EventQuery(q, defaultLimit: 25, maxLimit: configuration.maxPageSize)
        let page = try store.eventPage(query.filter, order: query.order, after: query.cursor)
        let body = EventsPage(events: page.events, nextCursor: page.next.map { EventCursorCodec.encode($0) },
                              order: query.order.rawValue, limit: query.filter.limit)
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: EventsJSONWriter.page(body))))
    }

    func network(_ q: QueryString) throws -> Response {
        let kind: NetworkKind
        if let k = q["kind"] {
            guard let parsed = NetworkKind(rawValue: k) else { throw Problem.badRequest("kind is people, organizations or countries, not '\(k.prefix(40))'") }
            kind = parsed
        } else { kind = .people }
        let from = try DateParameter.check(q["from"], name: "from")
        let to = try DateParameter.check(q["to"], name: "to")
        let limit = try EventQuery.limit(q["limit"], default: 150, max: 2000)
        return try JSONResponse.make(try store.network(kind, from: from, to: to, channel: try EventQuery.channel(q["channel"]), limit: limit))
    }
}

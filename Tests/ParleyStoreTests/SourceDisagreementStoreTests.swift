import Foundation
import Testing
@testable import ParleyCore
@testable import ParleyStore

/// Sources that disagree, read back from the store: the same answers from every backend.
extension BackendSuiteTests {
    /// Ana Lopes (Ghana) meets Karim Haddad (Kenya) in Accra, on `date`, as one release tells it; `also` names more people.
    static func ghanaKenya(_ id: String, date: String, type: String = "MEET", place: String? = "Accra", lopesTitle: String = "Foreign Minister",
                           also: [Person] = []) -> (Document, DocumentAnnotation) {
        let lopes = person("p1", "Ana Lopes", titles: [lopesTitle], country: "GHA")
        let haddad = person("p2", "Karim Haddad", titles: ["Foreign Minister"], country: "KEN")
        let people = [lopes, haddad] + also
        let sentence = "\(lopesTitle) Ana Lopes met with Foreign Minister Karim Haddad\(place.map { " in " + $0 } ?? "")."
        var e = event("e1", type, date: date, people, countries: ["GHA", "KEN"], evidence: sentence)
        e.place = place
        return release(id, published: date, text: sentence + " They discussed trade between Ghana and Kenya.", people: people, events: [e])
    }

    static func browsable(_ store: any EventStore) throws -> any BrowsableStore { try #require(store as? any BrowsableStore) }

    @Test("two releases a day apart are one event whose dates disagree", arguments: Backend.available)
    func datesADayApartDisagree(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            for r in [Self.ghanaKenya("accra-news", date: "2026-03-04"), Self.ghanaKenya("nairobi-news", date: "2026-03-05"),
                      Self.ghanaKenya("monthly", date: "2026-03")] {
                _ = try store.ingest(r.0, r.1)
            }
            let events = try store.events(EventFilter())
            #expect(events.count == 1)
            let e = try Self.browsable(store).event(id: try #require(events.first).id)
            #expect(e.sources.count == 3)
            #expect(e.disagreements == [Disagreement(field: "date", values: [
                .init(documentId: "accra-news", value: "2026-03-04"), .init(documentId: "monthly", value: "2026-03"),
                .init(documentId: "nairobi-news", value: "2026-03-05"),
            ])])
        }
    }

    @Test("a person named by one release and not by another naming two is a disagreement; agreeing sources are not disputed",
          arguments: Backend.available)
    func participantsDisagreeAndDisputedFilter(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            let mensah = Self.person("p3", "Kwame Mensah", titles: ["Ambassador"], country: "GHA")
            for r in [Self.ghanaKenya("first", date: "2026-03-04"), Self.ghanaKenya("second", date: "2026-03-04", also: [mensah]),
                      Self.ghanaKenya("other-a", date: "2026-06-10", place: "Nairobi"),
                      Self.ghanaKenya("other-b", date: "2026-06-10", place: "nairobi", lopesTitle: "foreign minister"),
                      Self.ghanaKenya("alone", date: "2026-09-01")] {
                _ = try store.ingest(r.0, r.1)
            }
            #expect(try store.events(EventFilter()).count == 3)
            var f = EventFilter()
            f.disputed = true
            let disputed = try store.events(f)
            #expect(disputed.map(\.date) == ["2026-03-04"])
            #expect(disputed.first?.disagreements?.map(\.field) == ["participants"])
            #expect(disputed.first?.disagreements?.first?.values.map(\.value) == ["Ana Lopes, Karim Haddad", "Ana Lopes, Karim Haddad, Kwame Mensah"])
            let page = try Self.browsable(store).eventPage(f, order: .newest, after: nil)
            #expect(page.events.map(\.id) == disputed.map(\.id))
            #expect(page.next == nil)
            let agreeing = try #require(try store.events(EventFilter()).first { $0.date == "2026-06-10" })
            #expect(try Self.browsable(store).event(id: agreeing.id).disagreements == [])
        }
    }

    @Test("a MEET and a VISIT joined into one event, and a person's titles, disagree", arguments: Backend.available)
    func typeAndTitleDisagree(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            for r in [Self.ghanaKenya("meet", date: "2026-04-02"), Self.ghanaKenya("visit", date: "2026-04-02", type: "VISIT", lopesTitle: "President")] {
                _ = try store.ingest(r.0, r.1)
            }
            let events = try store.events(EventFilter())
            #expect(events.count == 1)
            let e = try Self.browsable(store).event(id: try #require(events.first).id)
            #expect(e.disagreements?.map(\.field) == ["title", "type"])
            #expect(e.disagreements?.first?.person == "Ana Lopes")
            #expect(e.disagreements?.last?.values.map(\.value) == ["MEET", "VISIT"])
        }
    }

    @Test("a disputed page stops at its limit and its cursor resumes after the last event kept", arguments: Backend.available)
    func disputedPagesResume(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            for (n, (day, next)) in [("2026-05-04", "2026-05-05"), ("2026-07-08", "2026-07-09"), ("2026-08-12", "2026-08-13")].enumerated() {
                for r in [Self.ghanaKenya("d\(n)-a", date: day), Self.ghanaKenya("d\(n)-b", date: next)] { _ = try store.ingest(r.0, r.1) }
            }
            let b = try Self.browsable(store)
            var f = EventFilter()
            f.disputed = true
            f.limit = 2
            let first = try b.eventPage(f, order: .newest, after: nil)
            #expect(first.events.count == 2)
            let rest = try b.eventPage(f, order: .newest, after: try #require(first.next))
            #expect(rest.events.count == 1)
            #expect(rest.next == nil)
            #expect(Set((first.events + rest.events).map(\.id)).count == 3)
        }
    }
}

/// Reports where the even events' sources disagree on the date and the odd ones' agree.
private func alternatingReports(_ ids: [Int64]) -> [Int64: [SourceReport]] {
    Dictionary(uniqueKeysWithValues: ids.map { id in
        (id, [SourceReport(documentId: "a", type: "MEET", date: "2026-03-04", place: nil, participants: []),
              SourceReport(documentId: "b", type: "MEET", date: id % 2 == 0 ? "2026-03-05" : "2026-03", place: nil, participants: [])])
    })
}

@Test func disputedReadsChunksUntilTheLimitIsFound() throws {
    var asked: [[Int64]] = []
    let ids = try EventDisagreements.disputed(Array(1...10), limit: 3, chunk: 4) { asked.append($0); return alternatingReports($0) }
    #expect(ids == [2, 4, 6])
    #expect(asked == [[1, 2, 3, 4], [5, 6, 7, 8]])
}

@Test func disputedPageResumesAfterTheLastEventKept() throws {
    func summary(_ id: Int64) -> EventSummary {
        EventSummary(id: id, type: "MEET", date: "2026-03-04", place: nil, participants: [], organizations: [], countries: [], cameo: nil,
                     plover: nil, sources: [])
    }
    // Candidate pages of three: 1-3, 4-6, 7.
    func candidates(_ after: EventCursor?) -> EventPage {
        let first = (after?.id ?? 0) + 1
        let ids = Array(first...min(first + 2, 7))
        return EventPage(events: ids.map(summary), next: ids.last! < 7 ? EventCursor(date: "2026-03-04", id: ids.last!) : nil)
    }
    let page = try EventDisagreements.disputedPage(limit: 2, after: nil, candidates: candidates, reports: alternatingReports)
    #expect(page.events.map(\.id) == [2, 4])
    #expect(page.next == EventCursor(date: "2026-03-04", id: 4))
    let last = try EventDisagreements.disputedPage(limit: 2, after: page.next, candidates: candidates, reports: alternatingReports)
    #expect(last.events.map(\.id) == [6])
    #expect(last.next == nil)
}

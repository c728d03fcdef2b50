import Foundation
import Testing
@testable import ParleyCore
@testable import ParleyStore

/// People's corrections of events, against every backend: applied, kept when the same or a changed release is
/// ingested again, logged, and undone.
extension BackendSuiteTests {
    /// Ana Lopes meets Karim Haddad as `id` tells it on `date`; `extra` changes the release's text (a changed document).
    static func talks(_ id: String, date: String, extra: String = "") -> (Document, DocumentAnnotation) {
        var r = ghanaKenya(id, date: date)
        r.0.text += extra
        return r
    }

    /// Kwame Mensah, stored through a release of his own.
    static func mensahRelease() -> (Document, DocumentAnnotation) {
        let mensah = person("p1", "Kwame Mensah", titles: ["Ambassador"], country: "GHA")
        let haddad = person("p2", "Karim Haddad", titles: ["Foreign Minister"], country: "KEN")
        let sentence = "Ambassador Kwame Mensah called on Foreign Minister Karim Haddad."
        return release("mensah-call", published: "2026-05-02", text: sentence,
                       people: [mensah, haddad], events: [event("e1", "MEET", date: "2026-05-02", [mensah, haddad], countries: ["GHA", "KEN"], evidence: sentence)])
    }

    static func only(_ store: any EventStore, on date: String) throws -> EventSummary {
        var f = EventFilter()
        f.from = date; f.to = date
        return try #require(try store.events(f).first, "no event on \(date)")
    }

    @Test("a set correction holds after the same and a changed release are ingested again, and undo brings the sources' values back",
          arguments: Backend.available)
    func setHoldsAcrossIngestAndUndo(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            for r in [Self.talks("accra", date: "2026-03-04"), Self.mensahRelease()] { _ = try store.ingest(r.0, r.1) }
            let e = try Self.only(store, on: "2026-03-04")
            let c = try store.correctEvent(EventCorrectionRequest(kind: .set, event: e.id, changes: EventChanges(
                type: "call", place: "Kumasi", addParticipants: ["Kwame Mensah"], removeParticipants: ["Karim Haddad"]), note: "a phone call"))
            #expect(c.id > 0 && c.note == "a phone call" && c.changes?.type == "CALL" && c.event == e.id)
            func check(_ why: String) throws {
                let now = try Self.only(store, on: "2026-03-04")
                #expect(now.type == "CALL" && now.place == "Kumasi" && now.cameo == "040" && now.ploverMode == "phone", "\(why): \(now.type) \(now.place ?? "-")")
                #expect(Set(now.participants.map(\.name)) == ["Ana Lopes", "Kwame Mensah"], "\(why)")
            }
            try check("after the correction")
            let same = Self.talks("accra", date: "2026-03-04")
            #expect(try store.ingest(same.0, same.1) == .unchanged)
            try check("after the same release again")
            let changed = Self.talks("accra", date: "2026-03-04", extra: " A joint statement followed.")
            #expect(try store.ingest(changed.0, changed.1) == .replaced)
            try check("after a changed release")
            let undone = try store.undoEventCorrection(c.id)
            #expect(undone.undoneAt != nil)
            let back = try Self.only(store, on: "2026-03-04")
            #expect(back.type == "MEET" && back.place == "Accra")
            #expect(Set(back.participants.map(\.name)) == ["Ana Lopes", "Karim Haddad"])
            #expect(try store.eventCorrections().map(\.undoneAt).allSatisfy { $0 != nil })
            #expect(throws: StoreError.self) { try store.undoEventCorrection(c.id) }
        }
    }

    @Test("a rejected event stays away after its release changes, and comes back on undo", arguments: Backend.available)
    func rejectHoldsAndUndoes(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            for r in [Self.talks("accra", date: "2026-03-04"), Self.mensahRelease()] { _ = try store.ingest(r.0, r.1) }
            let e = try Self.only(store, on: "2026-03-04")
            let c = try store.correctEvent(EventCorrectionRequest(kind: .reject, event: e.id))
            #expect(c.event == nil)
            #expect(try store.events(EventFilter()).count == 1)
            let changed = Self.talks("accra", date: "2026-03-04", extra: " Talks were cordial.")
            _ = try store.ingest(changed.0, changed.1)
            #expect(try store.events(EventFilter()).map(\.date) == ["2026-05-02"])
            _ = try store.undoEventCorrection(c.id)
            #expect(try store.events(EventFilter()).count == 2)
            #expect(try store.stats().eventSources == 2)
        }
    }

    @Test("split and merge hold across ingests; undoing the split joins the reports again", arguments: Backend.available)
    func splitAndMergeHold(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            for r in [Self.talks("accra", date: "2026-03-04"), Self.talks("nairobi", date: "2026-03-05"), Self.mensahRelease()] {
                _ = try store.ingest(r.0, r.1)
            }
            let joined = try Self.only(store, on: "2026-03-04")
            #expect(joined.sources.count == 2)
            let review = try store.eventReview(joined.id)
            #expect(review.reports.map(\.documentId) == ["accra", "nairobi"])
            #expect(review.joins.count == 1 && review.joins[0].contains("same kind (MEET)") && review.joins[0].contains("Ana Lopes"))
            let split = try store.correctEvent(EventCorrectionRequest(kind: .split, event: joined.id, document: "nairobi"))
            #expect(try store.events(EventFilter()).count == 3)
            let nairobi = try Self.only(store, on: "2026-03-05")
            #expect(nairobi.sources.map(\.documentId) == ["nairobi"] && nairobi.participants.count == 2 && nairobi.countries == ["GHA", "KEN"])
            let changed = Self.talks("nairobi", date: "2026-03-05", extra: " More talks are planned.")
            _ = try store.ingest(changed.0, changed.1)
            #expect(try store.events(EventFilter()).count == 3, "the split holds after the release changes")
            // Merging the call into the talks, then ingesting the call's release again: still one event.
            let call = try Self.only(store, on: "2026-05-02")
            let merge = try store.correctEvent(EventCorrectionRequest(kind: .merge, event: call.id, other: try Self.only(store, on: "2026-03-04").id))
            #expect(try store.events(EventFilter()).count == 2)
            let again = Self.mensahRelease()
            var changedCall = again
            changedCall.0.text += " Both sides agreed to meet again."
            _ = try store.ingest(changedCall.0, changedCall.1)
            #expect(try store.events(EventFilter()).count == 2, "the merge holds after the release changes")
            let merged = try #require(try store.events(EventFilter()).first { $0.sources.count == 2 })
            #expect(Set(merged.sources.map(\.documentId)) == ["accra", "mensah-call"])
            #expect(try store.eventReview(merged.id).joins.contains { $0.contains("correction \(merge.id)") })
            _ = try store.undoEventCorrection(split.id)
            let after = try store.events(EventFilter())
            #expect(after.count == 1, "undoing the split joins nairobi again: \(after.map(\.sources))")
            #expect(Set(after.first?.sources.map(\.documentId) ?? []) == ["accra", "nairobi", "mensah-call"])
            #expect(try store.eventCorrections().map(\.id) == [split.id, merge.id])
        }
    }

    @Test("a bad correction names the problem and stores nothing", arguments: Backend.available)
    func badCorrectionsAreRefused(_ backend: Backend) throws {
        try Self.withStore(backend) { store throws in
            _ = try store.ingest(Self.talks("accra", date: "2026-03-04").0, Self.talks("accra", date: "2026-03-04").1)
            let e = try Self.only(store, on: "2026-03-04")
            func refused(_ r: EventCorrectionRequest, _ words: String) {
                do {
                    _ = try store.correctEvent(r)
                    Issue.record("accepted: \(r.kind)")
                } catch let error as StoreError {
                    #expect(error.description.contains(words), "\(error.description)")
                } catch { Issue.record("\(error)") }
            }
            refused(EventCorrectionRequest(kind: .reject, event: 999_999), "E999999")
            refused(EventCorrectionRequest(kind: .split, event: e.id, document: "nowhere"), "nowhere")
            refused(EventCorrectionRequest(kind: .split, event: e.id, document: "accra"), "nothing to split")
            refused(EventCorrectionRequest(kind: .set, event: e.id, changes: EventChanges(type: "DANCE")), "DANCE")
            refused(EventCorrectionRequest(kind: .set, event: e.id, changes: EventChanges(addParticipants: ["Nobody Known"])), "Nobody Known")
            refused(EventCorrectionRequest(kind: .merge, event: e.id, other: e.id), "same event")
            #expect(try store.eventCorrections().isEmpty)
            #expect(try Self.only(store, on: "2026-03-04").type == "MEET")
        }
    }
}

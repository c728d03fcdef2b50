import Testing
@testable import ParleyCore

private typealias P = SourceReport.Participant
private let lopes = P(key: "1", name: "Ana Lopes"), haddad = P(key: "2", name: "Karim Haddad"), mensah = P(key: "3", name: "Kwame Mensah")

private func report(_ doc: String, _ people: [P] = [lopes, haddad], type: String = "MEET", date: String? = "2026-03-04",
                    place: String? = nil) -> SourceReport {
    SourceReport(documentId: doc, type: type, date: date, place: place, participants: people)
}

@Test func oneSourceNeverDisagrees() {
    #expect(SourceDisagreements.find([report("a", date: "2026-03-04"), report("a", date: "2026-03-05")]).isEmpty)
}

@Test func dateToTheDayAgreesWithTheSameMonth() {
    #expect(SourceDisagreements.find([report("a", date: "2026-03-04"), report("b", date: "2026-03"), report("c", date: nil)]).isEmpty)
}

@Test func datesADayApartDisagree() {
    let d = SourceDisagreements.find([report("a", date: "2026-03-04"), report("b", date: "2026-03-05"), report("c", date: nil)])
    #expect(d == [Disagreement(field: "date", values: [.init(documentId: "a", value: "2026-03-04"), .init(documentId: "b", value: "2026-03-05")])])
}

@Test func placesDisagreeOnlyWhenBothGiveOne() {
    #expect(SourceDisagreements.find([report("a", place: "Accra"), report("b", place: nil)]).isEmpty)
    #expect(SourceDisagreements.find([report("a", place: "Bogotá"), report("b", place: "bogota")]).isEmpty)
    #expect(SourceDisagreements.find([report("a", place: "Accra"), report("b", place: "Nairobi")]).map(\.field) == ["place"])
}

@Test func personMissingFromASourceNamingTwoIsADisagreement() {
    let d = SourceDisagreements.find([report("a", [lopes, haddad]), report("b", [lopes, mensah])])
    #expect(d.map(\.field) == ["participants"])
    #expect(d.first?.values.map(\.value) == ["Ana Lopes, Karim Haddad", "Ana Lopes, Kwame Mensah"])
}

@Test func sourceNamingOnePersonLeavesTheOthersOut() {
    #expect(SourceDisagreements.find([report("a", [lopes, haddad]), report("b", [lopes])]).isEmpty)
}

@Test func differentTypesDisagree() {
    #expect(SourceDisagreements.find([report("a", type: "MEET"), report("b", type: "VISIT")]).map(\.field) == ["type"])
}

@Test func titlesWithNothingInCommonDisagree() {
    let minister = P(key: "1", name: "Ana Lopes", titles: ["Foreign Minister"])
    let both = P(key: "1", name: "Ana Lopes", titles: ["foreign minister", "Member of Parliament"])
    let envoy = P(key: "1", name: "Ana Lopes", titles: ["Ambassador"])
    #expect(SourceDisagreements.find([report("a", [minister, haddad]), report("b", [both, haddad])]).isEmpty)
    let d = SourceDisagreements.find([report("a", [minister, haddad]), report("b", [envoy, haddad])])
    #expect(d == [Disagreement(field: "title", person: "Ana Lopes",
                               values: [.init(documentId: "a", value: "Foreign Minister"), .init(documentId: "b", value: "Ambassador")])])
}

@Test func titleWithTheWordsOfAnotherAgreesWithIt() {
    func titled(_ doc: String, _ titles: [String]) -> SourceReport {
        report(doc, [P(key: "1", name: "Ana Lopes", titles: titles), haddad])
    }
    #expect(SourceDisagreements.find([titled("a", ["General Secretary"]), titled("b", ["General Secretary of the Central Committee"])]).isEmpty)
    #expect(SourceDisagreements.find([titled("a", ["Secretary-General of the NPP"]),
                                      titled("b", ["secretary general of New Patriotic Party (NPP)"])]).isEmpty)
    #expect(SourceDisagreements.find([titled("a", ["Foreign Minister"]), titled("b", ["President"])]).map(\.field) == ["title"])
}

@Test func reportsOfOneDocumentAreOneSource() {
    let merged = SourceDisagreements.mergedByDocument([report("a", [lopes], date: nil), report("a", [haddad], date: "2026-03-04"),
                                                       report("b", date: "2026-03-04")])
    #expect(merged.count == 2)
    #expect(merged[0].date == "2026-03-04")
    #expect(merged[0].participants.map(\.key) == ["1", "2"])
}

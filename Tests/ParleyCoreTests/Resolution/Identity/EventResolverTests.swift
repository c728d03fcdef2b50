import Testing
@testable import ParleyCore

// The event resolver decides with no database: candidates and their people are given.

private func resolve(_ type: String, _ date: String?, people: [Int64], _ candidates: [EventCandidate],
                     peopleOf: [Int64: Set<Int64>] = [:]) throws -> IdentityDecision<EventCandidate> {
    try EventResolver().resolve(EventMention(type: type, date: date, people: people, organizations: []),
                                EventResolver.Evidence(candidates: candidates, peopleOf: { peopleOf[$0] ?? [] }))
}

@Test func sameKindADayApartIsOneHappening() throws {
    let d = try resolve("MEET", "2025-03-04", people: [1, 2], [EventCandidate(id: 9, type: "MEET", date: "2025-03-05")])
    #expect(d.match?.id == 9)
}

@Test func twoDaysApartAreTwoHappenings() throws {
    let d = try resolve("MEET", "2025-03-04", people: [1, 2], [EventCandidate(id: 9, type: "MEET", date: "2025-03-06")])
    #expect(d.match == nil)
}

@Test func aMeetingAndAVisitAreOneKind() throws {
    #expect(EventResolver.sameKind("MEET", "VISIT"))
    #expect(!EventResolver.sameKind("MEET", "CALL"))
    let d = try resolve("VISIT", "2025-03", people: [1, 2], [EventCandidate(id: 9, type: "MEET", date: "2025-03-05")], peopleOf: [9: [1, 2]])
    #expect(d.match?.id == 9)
}

@Test func aVisitorsTripToldAloneIsNotOneOfItsMeetings() throws {
    let d = try resolve("VISIT", "2025-03-05", people: [1], [EventCandidate(id: 9, type: "MEET", date: "2025-03-05")], peopleOf: [9: [1, 2]])
    #expect(d.match == nil)
    let back = try resolve("MEET", "2025-03-05", people: [1, 2], [EventCandidate(id: 9, type: "VISIT", date: "2025-03-05")], peopleOf: [9: [1]])
    #expect(back.match == nil)
}

@Test func twoMeetingsOfOneVisitorOnOneDayGoToTheOneWithMostPeopleInCommon() throws {
    // The visitor (1) met the foreign minister (2) and then the president (3) with the minister present.
    let d = try resolve("MEET", "2025-03-05", people: [1, 3, 2],
                        [EventCandidate(id: 9, type: "MEET", date: "2025-03-05"), EventCandidate(id: 10, type: "MEET", date: "2025-03-05")],
                        peopleOf: [9: [1, 2, 4], 10: [1, 3]])
    #expect(d.match?.id == 10)
}

@Test func anUndatedReportJoinsTheOnlyEventWithTheVerySamePeople() throws {
    let one = try resolve("CALL", nil, people: [1, 2], [EventCandidate(id: 9, type: "CALL", date: "2025-03-05")], peopleOf: [9: [1, 2]])
    #expect(one.match?.id == 9)
    let two = try resolve("CALL", nil, people: [1, 2],
                          [EventCandidate(id: 9, type: "CALL", date: "2025-03-05"), EventCandidate(id: 10, type: "CALL", date: "2025-04-01")],
                          peopleOf: [9: [1, 2], 10: [1, 2]])
    #expect(two.match == nil)
    let more = try resolve("CALL", nil, people: [1, 2], [EventCandidate(id: 9, type: "CALL", date: "2025-03-05")], peopleOf: [9: [1, 2, 3]])
    #expect(more.match == nil)
}

@Test func anUndatedReportWithOnePersonSeeksNoCandidates() {
    #expect(!EventResolver.seeksCandidates(EventMention(type: "MEET", date: nil, people: [1], organizations: [])))
    #expect(EventResolver.seeksCandidates(EventMention(type: "MEET", date: "2025", people: [1], organizations: [])))
}

@Test func theMorePreciseDateWins() {
    #expect(EventResolver.replacementDate(stored: "2025-03", new: "2025-03-04") == "2025-03-04")
    #expect(EventResolver.replacementDate(stored: nil, new: "2025") == "2025")
    #expect(EventResolver.replacementDate(stored: "2025-03-04", new: "2025-03") == nil)
    #expect(EventResolver.replacementDate(stored: "2025-03-04", new: nil) == nil)
}

@Test func theDateWindowCoversADayEitherSide() {
    let w = EventResolver.dateWindow("2025-03-01")
    #expect(w.lo == "2025-02-28" && w.hi == "2025-03-02" && w.year == "2025" && w.month == "2025-03")
}

@Test func attendsOfOrganizationsWithNoneInCommonAreTwoGatherings() throws {
    // A minister (1) at a summit of one body (10) and at a meeting of another (11) on the same day.
    func attend(_ organizations: [Int64], storedOrganizations: Set<Int64>) throws -> IdentityDecision<EventCandidate> {
        try EventResolver().resolve(EventMention(type: "ATTEND", date: "2025-03-05", people: [1], organizations: organizations),
                                    EventResolver.Evidence(candidates: [EventCandidate(id: 9, type: "ATTEND", date: "2025-03-05")],
                                                           peopleOf: { _ in [1] }, organizationsOf: { _ in storedOrganizations }))
    }
    #expect(try attend([11], storedOrganizations: [10]).match == nil)
    #expect(try attend([11, 12], storedOrganizations: [10, 11]).match?.id == 9)
    // Organizations unknown on either side do not keep apart.
    #expect(try attend([], storedOrganizations: [10]).match?.id == 9)
    #expect(try attend([11], storedOrganizations: []).match?.id == 9)
    // Only gatherings: two meetings are one happening whatever organizations each report names.
    let meet = try EventResolver().resolve(EventMention(type: "MEET", date: "2025-03-05", people: [1, 2], organizations: [11]),
                                           EventResolver.Evidence(candidates: [EventCandidate(id: 9, type: "MEET", date: "2025-03-05")],
                                                                  peopleOf: { _ in [1, 2] }, organizationsOf: { _ in [10] }))
    #expect(meet.match?.id == 9)
}

private func meet(_ date: String?, _ people: [Int64], type: String = "MEET") -> EventMention {
    EventMention(type: type, date: date, people: people, organizations: [])
}

@Test func anEventTheDocumentToldApartIsNotTheMention() throws {
    // The document already put its meeting of 1 and 2 on event 9; its meeting of 1 and 3 that day is another one.
    let stored = [EventCandidate(id: 9, type: "MEET", date: "2025-03-05")]
    func resolve(_ m: EventMention, told: [EventMention]) throws -> EventCandidate? {
        try EventResolver().resolve(m, EventResolver.Evidence(candidates: stored, peopleOf: { _ in [1, 2, 3] }, document: [9: told])).match
    }
    #expect(try resolve(meet("2025-03-05", [1, 3]), told: [meet("2025-03-05", [1, 2])]) == nil)
    // A second report in the document of the same meeting, with a person more or fewer, is it.
    #expect(try resolve(meet("2025-03-05", [1, 2, 3]), told: [meet("2025-03-05", [1, 2])])?.id == 9)
    #expect(try resolve(meet("2025-03-05", [1, 2]), told: [meet("2025-03-05", [1, 2])])?.id == 9)
    // The document's visit is not its meeting, nor its meeting spoken of in passing with no date the day's one.
    #expect(try resolve(meet("2025-03-05", [1, 2]), told: [meet("2025-03-05", [1, 2], type: "VISIT")]) == nil)
    #expect(try resolve(meet("2025-03-05", [1, 2]), told: [meet(nil, [1, 2])]) == nil)
    // What other documents said does not keep apart.
    #expect(try resolve(meet("2025-03-05", [1, 3]), told: [])?.id == 9)
}

@Test func aDocumentsDatedEventsAreResolvedBeforeItsUndatedOnes() {
    let order = EventResolver.resolutionOrder([meet(nil, [1]), meet("2025-03-05", [2]), meet(nil, [3]), meet("2025", [4])], date: \.date)
    #expect(order.map(\.people) == [[2], [4], [1], [3]])
}

@Test func aDatedReportTakesTheClosestEventWhateverTheStoresOrder() throws {
    // A dated meeting of 1 and 2 on the day of a stored one, and an undated stored one of the very same pair.
    let dated = EventCandidate(id: 9, type: "MEET", date: "2025-03-05"), undated = EventCandidate(id: 10, type: "MEET", date: nil)
    for candidates in [[dated, undated], [undated, dated]] {
        let d = try resolve("MEET", "2025-03-05", people: [1, 2], candidates, peopleOf: [9: [1, 2], 10: [1, 2]])
        #expect(d.match?.id == 9)
        // The undated one with the very same pair is closer than a dated one with a third person.
        let closer = try resolve("MEET", "2025-03-05", people: [1, 2], candidates, peopleOf: [9: [1, 2, 3], 10: [1, 2]])
        #expect(closer.match?.id == 10)
    }
    // Two undated events of the very same pair: the report cannot say which.
    let two = try resolve("MEET", "2025-03-05", people: [1, 2], [undated, EventCandidate(id: 11, type: "MEET", date: nil)],
                          peopleOf: [10: [1, 2], 11: [1, 2]])
    #expect(two.match == nil)
}

@Test func twoEquallyCloseEventsAreNeitherTaken() throws {
    // The visitor (1) met the minister (2) and the president (3); a report of both with them is neither.
    let d = try resolve("MEET", "2025-03-05", people: [1, 2, 3],
                        [EventCandidate(id: 9, type: "MEET", date: "2025-03-05"), EventCandidate(id: 10, type: "MEET", date: "2025-03-05")],
                        peopleOf: [9: [1, 2], 10: [1, 3]])
    #expect(d.match == nil)
}

@Test func ofAVisitAndAMeetingOfTheSamePeopleAReportTakesItsOwnKind() throws {
    let visit = EventCandidate(id: 9, type: "VISIT", date: "2025-03-05"), meeting = EventCandidate(id: 10, type: "MEET", date: "2025-03-05")
    for candidates in [[visit, meeting], [meeting, visit]] {
        #expect(try resolve("MEET", "2025-03-05", people: [1, 2], candidates, peopleOf: [9: [1, 2], 10: [1, 2]]).match?.id == 10)
        #expect(try resolve("VISIT", "2025-03-05", people: [1, 2], candidates, peopleOf: [9: [1, 2], 10: [1, 2]]).match?.id == 9)
    }
}

@Test func aReleaseReportingTheVisitAndItsTalksKeepsEachToItsOwnKind() throws {
    // The release reports the guest's (1) visit with the host (2) and their talks; a stored meeting of the two is
    // its talks, not its visit.
    let marked = EventResolver.ownKindOnly([meet("2025-03-05", [1, 2], type: "VISIT"), meet("2025-03-05", [2, 1]), meet("2025-03-05", [1, 3])])
    #expect(marked.map(\.ownKindOnly) == [true, true, false])
    let stored = [EventCandidate(id: 9, type: "MEET", date: "2025-03-05")]
    func resolve(_ m: EventMention) throws -> EventCandidate? {
        try EventResolver().resolve(m, EventResolver.Evidence(candidates: stored, peopleOf: { _ in [1, 2] })).match
    }
    #expect(try resolve(marked[0]) == nil)
    #expect(try resolve(marked[1])?.id == 9)
    // A release reporting the visit alone may still be one of the meeting's reports.
    #expect(try resolve(EventResolver.ownKindOnly([meet("2025-03-05", [1, 2], type: "VISIT")])[0])?.id == 9)
}

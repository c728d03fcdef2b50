import Foundation
import Testing
@testable import ParleyCore

// Event errors sorted into kinds: one small gold/prediction pair per kind, called directly with the
// scorer's matching written out, then through `AnnotationScorer.evaluate` and the printed table.

private let cast = [
    AnnotatedPerson(name: "Ana Lopes", aliases: [], titles: [], country: nil, entity: nil),
    AnnotatedPerson(name: "Karim Haddad", aliases: [], titles: [], country: nil, entity: nil),
    AnnotatedPerson(name: "Lena Novak", aliases: [], titles: [], country: nil, entity: nil),
    AnnotatedPerson(name: "Tomas Reyes", aliases: [], titles: [], country: nil, entity: nil),
]

private func gold(_ events: [AnnotatedEvent]) -> Annotation { Annotation(people: cast, events: events) }
private func predicted(_ events: [AnnotatedEvent]) -> Annotation { Annotation(events: events) }

private func meet(_ date: String?, _ people: [String] = ["Ana Lopes", "Karim Haddad"], type: String = "MEET", evidence: String? = nil) -> AnnotatedEvent {
    AnnotatedEvent(type: type, date: date, participants: people, evidence: evidence)
}

private func kinds(gold g: [AnnotatedEvent], predicted p: [AnnotatedEvent], matched: [Int: Int] = [:]) -> [EventErrorKind] {
    EventErrorAnalysis.classify(document: "d1", gold: gold(g), predicted: predicted(p), matched: matched).map(\.kind)
}

@Test func rightTypeAndPeopleWithoutOrOnAnotherDateIsADateError() throws {
    #expect(kinds(gold: [meet("2024-05-01")], predicted: [meet(nil)]) == [.missingDate])
    #expect(kinds(gold: [meet("2024-05-01")], predicted: [meet("2024-06-01")]) == [.wrongDate])
    let e = try #require(EventErrorAnalysis.classify(document: "d1", gold: gold([meet("2024-05-01")]),
                                                      predicted: predicted([meet("2024-06-01")]), matched: [:]).first)
    #expect(e.document == "d1")
    #expect(e.gold?.date == "2024-05-01")
    #expect(e.predicted?.date == "2024-06-01")
}

@Test func rightDateAndPeopleUnderAnotherTypeIsAWrongType() {
    #expect(kinds(gold: [meet("2024-05-01")], predicted: [meet("2024-05-01", type: "CALL")]) == [.wrongType])
}

@Test func rightTypeAndDateWithLittleOverlapIsAParticipantError() {
    let p = meet("2024-05-01", ["Ana Lopes", "Lena Novak", "Tomas Reyes"])
    #expect(kinds(gold: [meet("2024-05-01")], predicted: [p]) == [.participants])
}

@Test func aMatchedPredictionThatAlsoFitsAnotherGoldEventMergedTwoHappenings() {
    // Two meetings of the same pair on one day, extracted as one event matched to the first.
    let errors = kinds(gold: [meet("2024-05-01"), meet("2024-05-01")], predicted: [meet("2024-05-01")], matched: [0: 0])
    #expect(errors == [.merged])
}

@Test func leftoverPredictionsAreSplitWhenTheyFitAMatchedGoldEventAndSpuriousOtherwise() {
    let errors = kinds(gold: [meet("2024-05-01")],
                       predicted: [meet("2024-05-01"), meet("2024-05-01"), meet("2023", ["Lena Novak", "Tomas Reyes"], type: "SIGN")],
                       matched: [0: 0])
    #expect(errors == [.split, .spurious])
}

@Test func aPredictionFromTheSameSentenceWrongOnTwoCountsIsBlamedOnTheFirstThatFails() {
    let g = meet("2024-05-01", evidence: "Minister Ana Lopes met with Ambassador Karim Haddad at the ministry.")
    let p = meet("2024-06-01", ["Lena Novak"], type: "CALL", evidence: "Minister Ana Lopes met with Ambassador Karim Haddad")
    #expect(kinds(gold: [g], predicted: [p]) == [.wrongType])
    // Without the shared sentence the same pair is a missed event and a spurious one.
    #expect(kinds(gold: [meet("2024-05-01")], predicted: [meet("2024-06-01", ["Lena Novak"], type: "CALL")]) == [.missed, .spurious])
}

@Test func evidenceOffsetsTellTheSameSentenceWhenGoldKeepsNoWords() throws {
    // Gold files of real releases keep where the evidence starts, not its words; a prediction says
    // where in `evidence_span`.
    var g = meet("2024-05-01"), p = meet("2024-06-01", ["Lena Novak"], type: "CALL")
    g.evidenceOffset = 120
    p.evidenceOffset = 121
    #expect(kinds(gold: [g], predicted: [p]) == [.wrongType])
    p.evidenceOffset = 300
    #expect(kinds(gold: [g], predicted: [p]) == [.missed, .spurious])
    let gold = try AnnotationScorer.decodeAnnotation(Data(#"{"events": [{"type": "MEET", "evidence_offset": 42, "evidence_words": 9}]}"#.utf8))
    let predicted = try AnnotationScorer.decodeAnnotation(Data(#"{"events": [{"type": "MEET", "evidence_span": {"start": 40, "end": 90}}]}"#.utf8))
    #expect(gold?.events.first?.evidenceOffset == 42)
    #expect(predicted?.events.first?.evidenceOffset == 40)
}

@Test func scorerClassifiesTheErrorsOfEveryDocument() throws {
    let g = gold([meet("2024-05-01"), AnnotatedEvent(type: "SIGN", date: "2024-05-01", participants: ["Lena Novak", "Tomas Reyes"])])
    let p = predicted([meet("2024-04-30")])
    let evaluation = AnnotationScorer().evaluate(gold: ["release-1": g], predicted: ["release-1": p])
    #expect(evaluation.eventErrors.map(\.kind) == [.wrongDate, .missed])
    #expect(evaluation.eventErrors.allSatisfy { $0.document == "release-1" })
    let missed = try #require(evaluation.eventErrors.last)
    #expect(missed.gold?.type == "SIGN")
    #expect(missed.predicted == nil)
}

@Test func tableListsEveryKindLargestFirstWithShareAndTotal() throws {
    let e = { (kind: EventErrorKind) in EventError(document: "d1", kind: kind, gold: nil, predicted: nil) }
    let lines = EventErrorAnalysis.tableLines([e(.missed), e(.spurious), e(.missed), e(.wrongDate)])
    #expect(lines.count == EventErrorKind.allCases.count + 2)
    #expect(lines[0].hasPrefix("event errors by kind"))
    #expect(lines[0].hasSuffix("count  share"))
    #expect(lines[1].hasPrefix("  missed event"))
    #expect(lines[1].hasSuffix("2    50%"))
    // Equal counts in the order of their names.
    #expect(lines[2].hasPrefix("  spurious event") && lines[2].hasSuffix("1    25%"))
    #expect(lines[3].hasPrefix("  wrong date") && lines[3].hasSuffix("1    25%"))
    #expect(try #require(lines.last).hasPrefix("  total"))
    #expect(try #require(lines.last).hasSuffix("    4"))
    #expect(lines.contains { $0.hasPrefix("  merged happenings") && $0.hasSuffix("0     0%") })
}

import Testing
@testable import ParleyCore

@Test func vocabularyGivesEachKeyOneIDAndUnknownToOthers() {
    var v = Vocabulary()
    let a = v.intern("party")
    let b = v.intern("ministry")
    #expect(a != b)
    #expect(v.intern("party") == a)
    #expect(v.id("party") == a)
    #expect(v.id("parties") == Vocabulary.unknown)
    #expect(v.id("") == Vocabulary.unknown)
    #expect(v.count == 2)
}

@Test func vocabularyKeepsItsIDsWhenItsTableGrows() {
    var v = Vocabulary()
    let words = (0..<5_000).map { "w\($0)" } + ["ghana", "kenya", "côte", "şehir", "北京"]
    let ids = words.map { v.intern($0) }
    #expect(Set(ids).count == words.count)
    for (w, n) in zip(words, ids) { #expect(v.id(w) == n) }
    #expect(v.id("w5000") == Vocabulary.unknown)
}

@Test func tokensTakeTheirKeysIDAndWordClasses() {
    var v = Vocabulary()
    v.add("party", to: .orgHead)
    v.add("party", to: .nonName)
    v.add("march", to: .calendar)
    var tokens = Tokenizer().tokenize("The Party met in March, Kwame said.")
    v.assignIDs(&tokens)
    #expect(tokens[1].classes == [.orgHead, .nonName])
    #expect(tokens[4].classes == [.calendar])
    #expect(tokens[0].id == Vocabulary.unknown)
    #expect(tokens[0].classes.isEmpty)
}

@Test func lexiconsClassifyTheWordListsRecognisersTest() {
    let v = Lexicons.bundled.vocabulary
    #expect(v.classes(of: v.id("visits")).contains(.headlineVerb))
    #expect(v.classes(of: v.id("of")).contains(.orgConnector))
    #expect(v.classes(of: v.id("kenya")).isDisjoint(with: [.headlineVerb, .orgConnector, .calendar]))
}

import Testing
@testable import ParleyCore

private func tokens(_ text: String) -> [Token] { Tokenizer().tokenize(text) }

@Test func possessiveSIsSplitIntoItsOwnAttachedToken() {
    let t = tokens("China's envoy")
    #expect(t.map(\.text) == ["China", "'s", "envoy"])
    #expect(t[1].key == "'s")
    #expect(t[1].isAttached)
}

@Test func typographicPossessiveIsSplitToo() {
    let t = tokens("Viet Nam\u{2019}s delegation")
    #expect(t.map(\.text) == ["Viet", "Nam", "\u{2019}s", "delegation"])
    #expect(t[2].key == "'s")
}

@Test func internalApostrophesStayInsideTheWord() {
    let t = tokens("Xi'an welcomed O'Neill")
    #expect(t.map(\.text) == ["Xi'an", "welcomed", "O'Neill"])
    #expect(t[0].key == "xi'an")
}

@Test func typographicQuotesAreQuotePunctuation() {
    let t = tokens("\u{201C}Friendship\u{201D}")
    #expect(t.count == 3)
    #expect(t[0].isPunctuation && t[0].key == "\"")
    #expect(t[2].isPunctuation && t[2].key == "\"")
    #expect(t[1].text == "Friendship")
}

@Test func emAndEnDashesArePlainDashPunctuation() {
    let t = tokens("Nanjing\u{2014}talks 2023\u{2013}2024")
    let dashes = t.filter { $0.isPunctuation }
    #expect(dashes.count == 2)
    #expect(dashes.allSatisfy { $0.key == "-" })
}

@Test func spansAreUTF8ByteOffsets() {
    let text = "Đặng Thị met"
    let t = tokens(text)
    #expect(t.count == 3)
    let dang = "Đặng".utf8.count
    #expect(t[0].span == TextSpan(0, dang))
    #expect(t[1].span.start == dang + 1)
    #expect(t[2].span.end == text.utf8.count)
    #expect(t[0].key == "dang")
}

@Test func attachedMarksTokensWithNoSpaceBefore() {
    let t = tokens("the U.S. side")
    #expect(t.map(\.text) == ["the", "U", ".", "S", ".", "side"])
    #expect(!t[1].isAttached)
    #expect(t[2].isAttached && t[3].isAttached && t[4].isAttached)
    #expect(!t[5].isAttached)
}

@Test func allCapsWordsAreFlagged() {
    let t = tokens("HANOI and Hanoi")
    #expect(t[0].isAllCaps && t[0].isCapitalized)
    #expect(!t[2].isAllCaps && t[2].isCapitalized)
    #expect(!t[1].isCapitalized)
}

@Test func singleCapitalLettersAreInitials() {
    let t = tokens("T. Budagov")
    #expect(t[0].flags.contains(.singleLetter))
    #expect(!t[0].isAllCaps)
    #expect(t[1].key == "." && t[1].isAttached)
    #expect(!t[2].flags.contains(.singleLetter))
}

@Test func numbersAreNumberTokens() {
    let t = tokens("on 13th November 2024")
    #expect(t[1].kind == .number && t[1].key == "13th")
    #expect(t[3].kind == .number)
    #expect(t[2].kind == .word)
}

@Test func lineBreaksAreRecordedOnTheNextToken() {
    let t = tokens("Title\nFirst line\n\nNew paragraph")
    #expect(t[1].flags.contains(.newlineBefore) && !t[1].flags.contains(.blankLineBefore))
    #expect(t[3].flags.contains(.newlineBefore) && t[3].flags.contains(.blankLineBefore))
    #expect(!t[2].flags.contains(.newlineBefore))
}

import Testing
@testable import ParleyCore

private func sentences(_ text: String) -> [String] {
    let tokens = Tokenizer().tokenize(text)
    let split = SentenceSplitter(lexicons: .bundled).split(tokens)
    return split.map { s in
        let u = text.utf8
        return String(text[u.index(u.startIndex, offsetBy: s.span.start)..<u.index(u.startIndex, offsetBy: s.span.end)])
    }
}

@Test func fullStopBetweenSentencesSplits() {
    #expect(sentences("The minister arrived. Talks began at noon.") == ["The minister arrived.", "Talks began at noon."])
}

@Test func honorificAbbreviationsDoNotSplit() {
    #expect(sentences("Mr. Karim Haddad met Ms. Ana Lopes in the capital.").count == 1)
}

@Test func dottedCountryAbbreviationDoesNotSplit() {
    #expect(sentences("The U.S. envoy met the minister on Friday.").count == 1)
}

@Test func dottedHonorificDoesNotSplit() {
    #expect(sentences("The minister received H.E. Tan Boon Keat on Friday.").count == 1)
}

@Test
func dottedHonorificBeforeMrDoesNotSplit() {
    #expect(sentences("The minister received H.E. Mr. Tan Boon Keat on Friday.").count == 1)
}

@Test func initialsBeforeASurnameDoNotSplit() {
    #expect(sentences("Deputy Prime Minister A. Akhmedov received the guests.").count == 1)
}

@Test func missingSpaceAfterFullStopStillSplits() {
    #expect(sentences("The talks ended on July 5.The delegation left for Hanoi.") ==
            ["The talks ended on July 5.", "The delegation left for Hanoi."])
}

@Test func dottedNumericDatesDoNotSplit() {
    #expect(sentences("The statement of 2024.11.14 was issued by the embassy.").count == 1)
}

@Test func lineBreakEndsASentenceAndAParagraph() {
    let tokens = Tokenizer().tokenize("Ambassador Meets Mayor\nThe ambassador met the mayor on Monday.")
    let split = SentenceSplitter(lexicons: .bundled).split(tokens)
    #expect(split.count == 2)
    #expect(split[0].paragraph != split[1].paragraph)
}

@Test func wrappedLowerCaseLineContinuesTheSentence() {
    #expect(sentences("The minister held talks with\nthe visiting delegation.").count == 1)
}

@Test func questionAndExclamationMarksSplit() {
    #expect(sentences("What was agreed? Everything! The talks ended.").count == 3)
}

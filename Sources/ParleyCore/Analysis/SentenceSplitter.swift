/// Groups tokens into sentences and paragraphs.
///
/// A full stop, question or exclamation mark ends a sentence unless it closes a known abbreviation
/// (`Mr.`, `Jan.`, `U.S.`) or an initial (`A. Akhmedov`), or sits inside a number or date (`2024.11.14`).
/// A missing space after a full stop (`July 5.The`) still ends the sentence. A line break ends a sentence
/// and a paragraph unless the next line continues in lower case (wrapped text).
public struct SentenceSplitter: Sendable {
    let abbreviations: Set<String>
    let sentenceStarters: Set<String>

    public init(lexicons: Lexicons) {
        self.abbreviations = lexicons.abbreviations
        self.sentenceStarters = lexicons.sentenceStarters
    }

    public func split(_ tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        var paragraph = 0
        func close(_ end: Int) {
            guard end > start else { return }
            sentences.append(Sentence(index: sentences.count, tokenRange: start..<end,
                                      span: TextSpan(tokens[start].span.start, tokens[end - 1].span.end),
                                      paragraph: paragraph))
            start = end
        }
        let wrapped = Self.isHardWrapped(tokens)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if i > 0, t.flags.contains(.newlineBefore) {
                // In text wrapped at a fixed width, a line break inside a paragraph is a space, whatever the case.
                let continues = !t.flags.contains(.blankLineBefore) && (t.kind == .word && !t.isCapitalized || wrapped)
                    && !(tokens[i - 1].isPunctuation && ".!?:".contains(tokens[i - 1].key))
                if !continues {
                    close(i)
                    paragraph += 1
                }
            }
            if t.isPunctuation, t.key == "." || t.key == "!" || t.key == "?" || t.key == "·" && t.text == "…" {
                var end = i + 1
                // Absorb closing quotes and brackets, and runs of stops.
                while end < tokens.count, tokens[end].isAttached, tokens[end].isPunctuation,
                      ["\"", "'", ")", "]", ".", "!", "?"].contains(tokens[end].key) { end += 1 }
                if isBoundary(tokens, stop: i, next: end) { close(end); i = end; continue }
            }
            i += 1
        }
        close(tokens.count)
        return sentences
    }

    /// Whether the text is wrapped at a fixed width (a PDF or mail copied as text): most of its lines are long and
    /// break where no sentence ends.
    static func isHardWrapped(_ tokens: [Token]) -> Bool {
        guard tokens.count > 1 else { return false }
        var lines = 0, brokenLong = 0
        var lineStart = 0
        for i in 1...tokens.count where i == tokens.count || tokens[i].flags.contains(.newlineBefore) {
            let length = tokens[i - 1].span.end - tokens[lineStart].span.start
            lines += 1
            let last = tokens[i - 1]
            let ends = last.isPunctuation && ".!?:\"”'".contains(last.key)
            if length >= 45 && length <= 110 && !ends && i < tokens.count && !tokens[i].flags.contains(.blankLineBefore) { brokenLong += 1 }
            lineStart = i
            if i == tokens.count { break }
        }
        return brokenLong >= 3 && brokenLong * 10 >= lines * 4
    }

    private func isBoundary(_ tokens: [Token], stop i: Int, next: Int) -> Bool {
        guard next < tokens.count else { return true }
        let nextToken = tokens[next]
        if tokens[i].key != "." { return nextToken.isCapitalized || nextToken.flags.contains(.newlineBefore) || nextToken.isPunctuation }
        guard i > 0 else { return false }
        let prev = tokens[i - 1]
        // Inside numbers and dates: 2024.11.14, 3.5
        if prev.kind == .number, nextToken.kind == .number, nextToken.isAttached { return false }
        if nextToken.flags.contains(.newlineBefore) { return true }
        // Lower case continuation: "e.g. the", "approx. five"
        if nextToken.kind == .word, !nextToken.isCapitalized { return false }
        if nextToken.kind == .number && !nextToken.isAttached && prev.kind == .word && abbreviations.contains(prev.key) { return false }
        if prev.kind == .word, prev.isAttached || true {
            // Abbreviations, including dotted ones such as U.S. or H.E.
            if abbreviations.contains(prev.key) { return false }
            if i >= 2, tokens[i - 2].key == ".", prev.flags.contains(.singleLetter) || prev.text.count <= 2 {
                // U.S. / H.E.: a dotted run ends a sentence only before a typical sentence opener.
                return sentenceStarters.contains(nextToken.key)
            }
            if prev.flags.contains(.singleLetter) {
                // An initial unless the next word plainly opens a sentence.
                return sentenceStarters.contains(nextToken.key)
            }
        }
        return true
    }
}

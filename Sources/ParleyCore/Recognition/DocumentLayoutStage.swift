/// Separates a release's header (page chrome, headline, date line) from its body, picks the title,
/// marks chrome lines (bylines, credits, share bars) and fixes the publication date.
public struct DocumentLayoutStage: PipelineStage {
    public let name = "layout"
    let dates: PublicationDateReader
    let chromeLabels: [[String]]
    let chromeFirstWords: Set<String>

    public init(lexicons: Lexicons) {
        dates = PublicationDateReader(lexicons: lexicons)
        let table = (try? TSVTable(name: "chrome-labels.txt", text: Lexicons.resourceText("chrome-labels", "txt")))?.rows ?? []
        chromeLabels = table.compactMap { $0[0] }.map { TextNormalizer.keys($0) }.sorted { $0.count > $1.count }
        chromeFirstWords = Set(chromeLabels.compactMap(\.first))
    }

    public func run(_ context: inout ExtractionContext) {
        let tokens = context.tokens
        let sentences = context.sentences
        // Paragraph sizes in words.
        var paragraphWords: [Int: Int] = [:]
        for s in sentences {
            paragraphWords[s.paragraph, default: 0] += s.tokenRange.reduce(0) { $0 + (tokens[$1].kind == .word ? 1 : 0) }
        }
        // The body starts at the first paragraph of at least 14 words (a headline rarely has more).
        // The body starts at the first paragraph that reads like prose: at least 14 words ending in a
        // full stop (headlines rarely have one), or at least 30 words.
        var paragraphEnd: [Int: Int] = [:]
        for s in sentences { paragraphEnd[s.paragraph] = s.tokenRange.upperBound }
        var body = sentences.count
        for s in sentences {
            let words = paragraphWords[s.paragraph] ?? 0
            let last = paragraphEnd[s.paragraph].map { tokens[$0 - 1].key } ?? ""
            let endsLikeProse = [".", "!", "?", "\"", "'", ")"].contains(last)
            if words >= 30 || (words >= 14 && endsLikeProse) { body = s.index; break }
        }
        if body == sentences.count { body = sentences.isEmpty ? 0 : min(1, sentences.count - 1) }
        // Sentences in the same paragraph as the body start belong to the body.
        if body < sentences.count {
            let p = sentences[body].paragraph
            while body > 0 && sentences[body - 1].paragraph == p { body -= 1 }
        }
        context.layout.bodyStartSentence = body

        // Chrome lines anywhere: a label such as "Editor:" opening a short line.
        for s in sentences {
            let r = s.tokenRange
            if r.count > 30 { continue }
            let isLineStart = s.index == 0 || tokens[r.lowerBound].flags.contains(.newlineBefore)
            guard isLineStart, chromeFirstWords.contains(tokens[r.lowerBound].key) else { continue }
            for label in chromeLabels where r.count >= label.count {
                var ok = true
                for (k, key) in label.enumerated() where tokens[r.lowerBound + k].key != key { ok = false; break }
                if ok {
                    let next = r.lowerBound + label.count
                    if next >= r.upperBound || [":", "|", "-", "/"].contains(tokens[next].key) || r.count <= label.count + 4 && label.count > 1 {
                        context.layout.chromeSentences.insert(s.index)
                    }
                    break
                }
            }
        }

        // Title: given by the source, else the longest header line of three words or more that is no date line.
        if let t = context.document.title, !t.isEmpty {
            context.layout.title = t
        } else {
            var best: (Int, Sentence)?
            for s in sentences.prefix(body) where !context.layout.chromeSentences.contains(s.index) {
                let words = s.tokenRange.filter { tokens[$0].kind == .word }.count
                guard words >= 3, dates.date(inString: context.text(s.span)) == nil else { continue }
                if best == nil || words > best!.0 { best = (words, s) }
            }
            context.layout.title = best.map { context.text($0.1.span) }
        }

        // Publication date.
        if let d = context.document.publishedHint {
            context.published = d; context.publishedSource = "metadata"
        } else if let d = context.document.dateCandidates.lazy.compactMap({ self.dates.date(inString: $0) }).first(where: { $0.year >= 1995 }) {
            context.published = d; context.publishedSource = "page"
        } else if let d = { (c: ExtractionContext) -> PartialDate? in
            // A labelled date line ("Date: 14/04/2024 | Source: …") before any other: a bare date above it is often the
            // site's today.
            // Each header sentence reads on to its paragraph's end: "14. Februar 2012" is split after "14.".
            let header = sentences.prefix(body).map { s in
                c.text(TextSpan(s.span.start, paragraphEnd[s.paragraph].map { tokens[$0 - 1].span.end } ?? s.span.end))
            }
            let labelled = header.first { line in
                let lower = line.lowercased()
                return HTMLMainTextExtractor.dateLabels.contains { lower.hasPrefix($0) }
            }
            // Of two dated header lines, the one that also prints the hour ("Thursday 25 August 2022 - 15:54") is the
            // story's; a bare date above it is the site's today.
            // Else, of a dated line above the headline and one below it, the one below is the story's.
            let dated = header.enumerated().compactMap { (i, line) in self.dates.date(inString: line).map { (i, line, $0) } }
            let timed = dated.count >= 2 ? dated.first { Self.printsAnHour($0.1) }?.2 : nil
            let titleLine = c.layout.title.flatMap { t in header.firstIndex { $0.hasPrefix(t) } }
            let belowTitle = titleLine.flatMap { t in dated.count >= 2 && dated[0].0 < t ? dated.first { $0.0 > t }?.2 : nil }
            return labelled.flatMap { self.dates.date(inString: $0) } ?? timed ?? belowTitle ?? dated.first?.2
        }(context) {
            context.published = d; context.publishedSource = "header"
        } else if let d = { (c: ExtractionContext) in
            // A date line of its own just after the lead ("May 03, 2024 09:15 AM GMT").
            sentences.dropFirst(body).prefix(8).lazy.filter { s in
                s.tokenRange.count <= 12 && (s.index == 0 || tokens[s.tokenRange.lowerBound].flags.contains(.newlineBefore))
            }.compactMap { self.dates.date(inString: c.text($0.span)) }.first
        }(context) {
            context.published = d; context.publishedSource = "date line"
        } else if let d = sentences.dropFirst(body).prefix(8).lazy.filter({ s in
            // A dateline opening one of the body's first lines, also below a lead and a byline ("27.1.2022 - …").
            s.index == body || tokens[s.tokenRange.lowerBound].flags.contains(.newlineBefore)
        }).compactMap({ self.dates.date(opening: tokens, range: $0.tokenRange) }).first {
            context.published = d; context.publishedSource = "dateline"
        } else if let url = context.document.url, let d = dates.date(inURL: url) {
            // A URL gives the month (`/2020/07/`): a weaker page date of that month gives the day.
            let day = d.day != nil ? nil : context.document.lateDateCandidates.lazy.compactMap({ self.dates.date(inString: $0) })
                .first(where: { $0.year == d.year && $0.month == d.month })
            context.published = day ?? d; context.publishedSource = day == nil ? "url" : "page, late"
        } else if let d = context.document.lateDateCandidates.lazy.compactMap({ self.dates.date(inString: $0) })
                    .first(where: { (1995...2100).contains($0.year) }) {
            context.published = d; context.publishedSource = "page, late"
        }
        monthFirstIfTheTextSaysSo(&context, body: body)
    }

    /// Whether a line prints an hour ("15:54", "9:05").
    static func printsAnHour(_ line: String) -> Bool {
        let b = Array(line.utf8)
        guard b.count >= 4 else { return false }
        func digit(_ i: Int) -> Bool { i >= 0 && i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        for i in 1..<(b.count - 2) where b[i] == UInt8(ascii: ":") && digit(i - 1) && digit(i + 1) && digit(i + 2) && !digit(i + 3) { return true }
        return false
    }

    /// "Published: 10/5/2022" under a dateline "Lima, Oct. 6": a date printed in numbers only, read day first, is
    /// read month first when the page's words name that month with a day within three days of it.
    func monthFirstIfTheTextSaysSo(_ context: inout ExtractionContext, body: Int) {
        guard context.publishedSource != "metadata", let p = context.published, let d = p.day, let m = p.month, d <= 12, d != m,
              PartialDate.isValid(year: p.year, month: d, day: m) else { return }
        let tokens = context.tokens
        for s in context.sentences.prefix(body + 8) {
            let r = s.tokenRange
            for k in r where tokens[k].isCapitalized {
                guard case .month(let named)? = context.lexicons.calendar[tokens[k].key] else { continue }
                var n = k + 1
                if n < r.upperBound, tokens[n].key == "." { n += 1 }
                guard n < r.upperBound, tokens[n].kind == .number, let day = Int(tokens[n].key), (1...31).contains(day) else { continue }
                if named == m, abs(day - d) <= 3 { return }
                if named == d, abs(day - m) <= 3 {
                    context.published = PartialDate(year: p.year, month: d, day: m)
                    return
                }
            }
        }
    }
}

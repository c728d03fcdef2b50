import Foundation
import Testing
import ParleyCore

/// Test pages in Fixtures/html: each `NAME.html` has its expected main text in `NAME.expected.txt`.
enum HTMLPageFixtures {
    static let names = [
        "party-department-news",
        "ministry-press-release",
        "embassy-news",
        "wire-service-article",
        "news-article-jsonld",
        "date-in-time-element",
        "windows-1252",
        "malformed",
        "participants-table",
        "header-shows-today",
        "layout-table-brs",
        "aspnet-form-page",
    ]

    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures/html"))
        return [UInt8](try Data(contentsOf: url))
    }

    static func expectedText(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "expected.txt", subdirectory: "Fixtures/html"))
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    static func page(_ name: String) throws -> HTMLPage {
        try HTMLMainTextExtractor().extract(bytes(name))
    }

    /// Runs of spaces and tabs become one space, lines are trimmed, blank-line runs become one blank line.
    static func normalised(_ text: String) -> String {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            if line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Bag-of-words F1 between lowercased word tokens.
    static func tokenF1(_ candidate: String, _ reference: String) -> Double {
        func tokens(_ s: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for token in s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { counts[String(token), default: 0] += 1 }
            return counts
        }
        let c = tokens(candidate), r = tokens(reference)
        let overlap = c.reduce(0) { $0 + min($1.value, r[$1.key] ?? 0) }
        let cTotal = c.values.reduce(0, +), rTotal = r.values.reduce(0, +)
        if cTotal == 0 || rTotal == 0 { return cTotal == rTotal ? 1 : 0 }
        let precision = Double(overlap) / Double(cTotal), recall = Double(overlap) / Double(rTotal)
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}

@Suite("HTMLMainTextExtractor")
struct HTMLMainTextExtractorTests {
    // MARK: - Fixture pages

    @Test(arguments: HTMLPageFixtures.names)
    func mainTextMatchesExpected(name: String) throws {
        let page = try HTMLPageFixtures.page(name)
        #expect(HTMLPageFixtures.normalised(page.text) == HTMLPageFixtures.normalised(try HTMLPageFixtures.expectedText(name)))
    }

    @Test func averageTokenF1AgainstExpectedTextsIsAtLeast0_9() throws {
        var scores: [String: Double] = [:]
        for name in HTMLPageFixtures.names {
            scores[name] = HTMLPageFixtures.tokenF1(try HTMLPageFixtures.page(name).text, try HTMLPageFixtures.expectedText(name))
        }
        let average = scores.values.reduce(0, +) / Double(scores.count)
        #expect(average >= 0.9, "token F1 per page: \(scores.sorted { $0.key < $1.key })")
    }

    static let chromeWords: [(String, [String])] = [
        ("party-department-news", ["Current Location", "Leaders' Activities", "Print", "Close", "Copyright", "Fuxing Road", "Font size", "2024.11.14", "Sun Haiyan Meets with"]),
        ("ministry-press-release", ["Skip to main content", "Consular Services", "Share", "Facebook", "Related press releases", "Political consultations with Ghana", "Embassy Square", "Press contact", "Press release no."]),
        ("embassy-news", ["cookies", "Accept all", "Latest news", "Embassy holds briefing", "Glenmore Street", "Published on", "Visa & Consular"]),
        ("wire-service-article", ["Advertisement", "Subscribe", "By Jane Doe and", "Related stories", "Red Sea shipping", "Comments", "Finally some good news", "Share on", "Trust Principles", "Middle East"]),
        ("news-article-jsonld", ["Share this", "Leave a Reply", "Recent Posts", "Tagged", "Previous:", "Proudly published", "Kenji Mori", "Politics"]),
        ("header-shows-today", ["25 November 2026", "Partly cloudy", "Log in", "Most read", "Tags:", "Fuel prices", "Diplomacy\n"]),
        ("participants-table", ["In this section", "2023 meetings", "Print this page", "Terms of use", "Secretariat home"]),
        ("layout-table-brs", ["Editor:", "Source: Xinhua", "Print", "Close", "Copyright", "Top news", "Updated:"]),
        ("aspnet-form-page", ["Share:", "Facebook", "Bem rakpart", "Consular", "11.04.2023"]),
        ("malformed", ["Friday, 30 September 2022", "Sitemap", "Speeches", "Gallery", "Contact"]),
    ]

    @Test(arguments: chromeWords)
    func noChromeLeaksIntoText(name: String, words: [String]) throws {
        let text = try HTMLPageFixtures.page(name).text
        for word in words {
            #expect(!text.contains(word), "\(name): chrome \"\(word)\" leaked into the text")
        }
    }

    static let titles: [(String, String)] = [
        ("party-department-news", "Sun Haiyan Meets with Delegation of the Lao People's Revolutionary Party"),
        ("ministry-press-release", "Foreign Minister Receives Credentials Copies from New Ambassadors"),
        ("embassy-news", "Ambassador Attends Spring Festival Reception in Wellington"),
        ("wire-service-article", "UN envoy says Yemen parties agree to prisoner swap talks"),
        ("news-article-jsonld", "Japan and the Philippines sign reciprocal access agreement"),
        ("date-in-time-element", "Statement on the Closing of the Fourth Round of Border Talks"),
        ("windows-1252", "Foreign Minister José Manuel Albares Receives Counterpart from Côte d’Ivoire"),
        ("malformed", "Deputy Prime Minister holds talks with Mongolian delegation"),
        ("participants-table", "Ministerial Meeting of the Quadrilateral Dialogue: List of Participants"),
        ("header-shows-today", "Vice President meets visiting Kenyan Foreign Secretary"),
        ("layout-table-brs", "Premier Meets Visiting Uzbek Prime Minister"),
        ("aspnet-form-page", "Deputy Minister Receives Ambassador of Brazil"),
    ]

    @Test(arguments: titles)
    func titleIsFound(name: String, title: String) throws {
        #expect(try HTMLPageFixtures.page(name).title == title)
    }

    static let firstDates: [(String, String)] = [
        ("party-department-news", "2024.11.14"),
        ("ministry-press-release", "3 February 2025"),
        ("embassy-news", "Published on Saturday, 15 February 2020"),
        ("wire-service-article", "2025-03-03T08:15:00Z"),
        ("news-article-jsonld", "2024-07-08T14:30:00+09:00"),
        ("date-in-time-element", "2023-06-08"),
        ("windows-1252", "20240521"),
        ("malformed", "2022-09-30"),
        ("participants-table", "2024-09-21"),
        ("header-shows-today", "Monday, 23 November 2026 16:05"),
        ("aspnet-form-page", "2023-04-11T09:00:00+02:00"),
    ]

    @Test(arguments: firstDates)
    func mostReliableDateComesFirst(name: String, date: String) throws {
        #expect(try HTMLPageFixtures.page(name).dateCandidates.first == date)
    }

    // MARK: - Dates

    @Test func dublinCoreDateMetaComesAfterTheDatePrintedInTheArticle() throws {
        #expect(try HTMLPageFixtures.page("ministry-press-release").dateCandidates == ["3 February 2025", "2025-02-03"])
    }

    @Test func jsonLDDateIsReadWhenThereIsNoDateMeta() throws {
        let dates = try HTMLPageFixtures.page("news-article-jsonld").dateCandidates
        #expect(dates == ["2024-07-08T14:30:00+09:00", "July 8, 2024"])
    }

    @Test func dateOnlyInTimeElementIsFound() throws {
        #expect(try HTMLPageFixtures.page("date-in-time-element").dateCandidates.first == "2023-06-08")
    }

    @Test func headerDateOfTodayRanksAfterArticleDate() throws {
        let dates = try HTMLPageFixtures.page("header-shows-today").dateCandidates
        let article = try #require(dates.firstIndex(of: "Monday, 23 November 2026 16:05"))
        if let today = dates.firstIndex(of: "Wednesday, 25 November 2026") { #expect(article < today) }
    }

    @Test func datesInsideChromeAreLeftOut() throws {
        let embassy = try HTMLPageFixtures.page("embassy-news").dateCandidates
        #expect(!embassy.contains("2020-02-12"), "sidebar teaser dates: \(embassy)")
        let party = try HTMLPageFixtures.page("party-department-news").dateCandidates
        #expect(party == ["2024.11.14"])
    }

    /// A page with `{head}` metas and `{date}` printed in its article.
    static func datedPage(head: String, date: String) -> String {
        """
        <html><head>\(head)</head><body><article><h1>Talks on trade</h1>\(date)
        <p>The minister met her counterpart in Accra, and the two discussed trade, energy, visas and the new port.</p>
        </article></body></html>
        """
    }

    @Test func aDatePrintedInTheArticleGoesBeforeAMetaThatSaysOnlyDate() throws {
        let generic = Self.datedPage(head: "<meta name=\"date\" content=\"2024-03-09\">", date: "<p class=\"date\">8 March 2024</p>")
        #expect(try HTMLMainTextExtractor().extract(Array(generic.utf8)).dateCandidates == ["8 March 2024", "2024-03-09"])
        let published = Self.datedPage(head: "<meta property=\"article:published_time\" content=\"2024-03-07\"><meta name=\"date\" content=\"2024-03-09\">",
                                       date: "<p class=\"date\">8 March 2024</p>")
        #expect(try HTMLMainTextExtractor().extract(Array(published.utf8)).dateCandidates.first == "2024-03-07")
    }

    @Test func aPublicationLabelledTimeTextGoesBeforeItsDatetime() throws {
        let html = Self.datedPage(head: "", date: "<div class=\"time\"><time datetime=\"2024-07-03T10:18:46Z\">Publié le 29 juin 2024</time></div>")
        #expect(try HTMLMainTextExtractor().extract(Array(html.utf8)).dateCandidates.first == "Publié le 29 juin 2024")
    }

    @Test func datePublishedInAnAbbreviationsTitle() throws {
        let html = Self.datedPage(head: "", date: "<abbr class=\"published\" itemprop=\"datePublished\" title=\"2017-09-09T10:52:00+02:00\">10:52</abbr>")
        #expect(try HTMLMainTextExtractor().extract(Array(html.utf8)).dateCandidates.first == "2017-09-09T10:52:00+02:00")
    }

    @Test func aScriptInTheHeadGivesAWeakerDate() throws {
        let html = Self.datedPage(head: "<script>var photo = {\"created_at\":\"2013-02-16T04:36:36-05:00\"};</script>", date: "")
        #expect(try HTMLMainTextExtractor().extract(Array(html.utf8)).lateDateCandidates.contains("2013-02-16T04:36:36-05:00"))
    }

    @Test func aUTCTimestampIsReadAsTheDayOfThePagesLanguage() throws {
        let late = "<meta property=\"article:published_time\" content=\"2023-11-01T23:01:00Z\">"
        let italian = Self.datedPage(head: late, date: "").replacingOccurrences(of: "<html>", with: "<html lang=\"it\">")
        #expect(try HTMLMainTextExtractor().extract(Array(italian.utf8)).dateCandidates == ["2023-11-02"])
        // English is read in many time zones: the timestamp stays as it is.
        let english = Self.datedPage(head: late, date: "").replacingOccurrences(of: "<html>", with: "<html lang=\"en\">")
        #expect(try HTMLMainTextExtractor().extract(Array(english.utf8)).dateCandidates == ["2023-11-01T23:01:00Z"])
    }

    @Test func timeElementWithoutDatetimeGivesItsText() throws {
        let html = "<html><body><article><h1>Talks</h1><time>May 25, 2024</time><p>BEIJING, May 25 -- The two sides held talks on trade and security in the capital today.</p></article></body></html>"
        #expect(try HTMLMainTextExtractor().extract(Array(html.utf8)).dateCandidates == ["May 25, 2024"])
    }

    // MARK: - Other page data

    @Test func canonicalLinkIsPreferred() throws {
        let page = try HTMLPageFixtures.page("ministry-press-release")
        #expect(page.canonicalURL == "https://www.mfa.example/en/press-releases/2025/02/credentials-copies")
    }

    @Test func ogURLIsUsedWithoutCanonicalLink() throws {
        let page = try HTMLPageFixtures.page("news-article-jsonld")
        #expect(page.canonicalURL == "https://pacificdaily.example/2024/07/08/japan-philippines-raa")
    }

    @Test func siteNameAndLanguageAreRead() throws {
        let page = try HTMLPageFixtures.page("news-article-jsonld")
        #expect(page.siteName == "Pacific Daily")
        #expect(page.language == "en-US")
        #expect(try HTMLPageFixtures.page("malformed").language == nil)
    }

    @Test func titleSuffixWithSiteNameIsRemoved() throws {
        let html = "<html><head><title>Minister visits Hanoi | Foreign Office</title></head><body><div><p>The Minister arrived in Hanoi on Tuesday for talks on trade, security and climate cooperation with her counterpart.</p></div></body></html>"
        #expect(try HTMLMainTextExtractor().extract(Array(html.utf8)).title == "Minister visits Hanoi")
    }

    // MARK: - Text rules

    @Test func datelineParagraphIsKept() throws {
        #expect(try HTMLPageFixtures.page("wire-service-article").text.hasPrefix("GENEVA, March 3 (World Wire) - "))
        #expect(try HTMLPageFixtures.page("layout-table-brs").text.hasPrefix("BEIJING, Oct. 27 -- Premier"))
    }

    @Test func tableRowsBecomeLinesWithCellsJoined() throws {
        let text = try HTMLPageFixtures.page("participants-table").text
        #expect(text.contains("\nIndia | S. Jaishankar | Minister of External Affairs\n"))
    }

    @Test func listItemsAreSeparateLines() throws {
        let text = try HTMLPageFixtures.page("ministry-press-release").text
        #expect(text.contains("Renewable energy partnerships\nSupport for the United Nations system\n"))
    }

    @Test func windows1252PageKeepsCurlyQuotesAndAccents() throws {
        let text = try HTMLPageFixtures.page("windows-1252").text
        #expect(text.contains("“Spain and Côte d’Ivoire share"))
        #expect(text.contains("Diego Martínez Belío"))
        #expect(text.contains("€1.2 billion"))
    }

    @Test func whitespaceIsCollapsedAndNoBreakSpacesBecomeSpaces() throws {
        let html = "<html><body><div class=\"content\"><p>  Foreign&nbsp;Minister\n\n   Wang\tYi   met   the   delegation,  and both sides signed an agreement on trade.</p></div></body></html>"
        let text = try Self.text(of: html)
        #expect(text == "Foreign Minister Wang Yi met the delegation, and both sides signed an agreement on trade.")
    }

    @Test func scriptsStylesAndHiddenElementsNeverReachTheText() throws {
        let html = """
        <html><body><article><style>p{color:red}</style><script>var secret = "tracking";</script>
        <p>The delegations met in Vienna, and agreed to resume the technical talks next month.</p>
        <div hidden>hidden note</div><div style="display: none">invisible note</div><noscript>enable javascript</noscript>
        </article></body></html>
        """
        let text = try Self.text(of: html)
        #expect(text == "The delegations met in Vienna, and agreed to resume the technical talks next month.")
    }

    @Test func linkHeavyListInsideContentIsDropped() throws {
        let html = """
        <html><body><div class="article-body">
        <p>The President received the credentials of five ambassadors at the palace, and held short talks with each of them.</p>
        <ul><li><a href="/a">President meets PM</a></li><li><a href="/b">Cabinet meeting held</a></li><li><a href="/c">New envoy named</a></li></ul>
        </div></body></html>
        """
        let text = try Self.text(of: html)
        #expect(text == "The President received the credentials of five ambassadors at the palace, and held short talks with each of them.")
    }

    @Test func shortChromeLinesAtTheEdgesAreTrimmed() throws {
        let html = """
        <html><body><div class="content"><p>Share:</p><p>Date: 2024-05-25</p><p>(Quelle: Foto Ama Owusu)</p>
        <p>BEIJING, May 25 -- Chinese and Russian officials held consultations on Northeast Asian security, and exchanged views on the situation on the peninsula.</p>
        <p>Editor: Li Ming</p><p>Print | Close</p></div></body></html>
        """
        let text = try Self.text(of: html)
        #expect(text == "BEIJING, May 25 -- Chinese and Russian officials held consultations on Northeast Asian security, and exchanged views on the situation on the peninsula.")
    }

    @Test func copyrightLineAfterTheArticleIsTrimmed() throws {
        let html = """
        <html><body><div class="wrap"><div class="story-body">
        <p>MOSCOW, April 2 -- Russian and Indian officials discussed the supply of fertiliser, and agreed to meet again in New Delhi in the summer.</p>
        </div>
        <p>Copyright 2025 Example News Agency. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p>
        </div></body></html>
        """
        let text = try Self.text(of: html)
        #expect(text == "MOSCOW, April 2 -- Russian and Indian officials discussed the supply of fertiliser, and agreed to meet again in New Delhi in the summer.")
    }

    @Test func wrapperThatOnlyHasASidebarIsNotChrome() throws {
        let html = """
        <html><body><div class="layout has-sidebar">
        <div class="col"><p>The ministers of the five countries signed a memorandum on water management, and set up a permanent secretariat in Almaty.</p>
        <p>The next meeting will be held in Dushanbe, the host country said in a statement.</p></div>
        <div class="sidebar"><a href="/1">Other news one</a> <a href="/2">Other news two</a></div>
        </div></body></html>
        """
        let text = try Self.text(of: html)
        #expect(text == "The ministers of the five countries signed a memorandum on water management, and set up a permanent secretariat in Almaty.\n\nThe next meeting will be held in Dushanbe, the host country said in a statement.")
    }

    @Test func titleHeadingIsNotRepeatedInText() throws {
        let html = "<html><head><meta property=\"og:title\" content=\"Envoy visits Kabul\"></head><body><article><h2>Envoy visits Kabul</h2><p>The special envoy arrived in Kabul on Sunday, and met officials from the interim administration.</p><h2>Background</h2><p>It was his third visit this year.</p></article></body></html>"
        let page = try HTMLMainTextExtractor().extract(Array(html.utf8))
        #expect(page.title == "Envoy visits Kabul")
        #expect(page.text == "The special envoy arrived in Kabul on Sunday, and met officials from the interim administration.\n\nBackground\n\nIt was his third visit this year.")
    }

    @Test func doubleLineBreaksSeparateParagraphs() throws {
        let text = try HTMLPageFixtures.page("layout-table-brs").text
        #expect(text.components(separatedBy: "\n\n").count == 4)
    }

    @Test func pageWithoutCharsetThatIsNotUTF8IsReadAsWindows1252() throws {
        let html = "<html><body><div class=\"content\"><p>Minister Müller met Señor Pérez – “a good meeting”, and both sides agreed on further talks.</p></div></body></html>"
        let bytes = try #require(html.data(using: .windowsCP1252))
        let text = try HTMLMainTextExtractor().extract([UInt8](bytes)).text
        #expect(text == "Minister Müller met Señor Pérez – “a good meeting”, and both sides agreed on further talks.")
    }

    @Test func alreadyConvertedPageWithStaleLegacyCharsetIsReadAsUTF8() throws {
        let html = "<html><head><meta charset=\"windows-1252\"></head><body><article><p>Minister Müller met Señor Pérez – “a good meeting”, and both sides agreed on further talks.</p></article></body></html>"
        let text = try Self.text(of: html)
        #expect(text == "Minister Müller met Señor Pérez – “a good meeting”, and both sides agreed on further talks.")
    }

    @Test func declaredUTF8PageWithAStrayByteKeepsTheRestIntact() throws {
        let html = Array("<html><head><meta charset=\"utf-8\"></head><body><article><p>Caf".utf8) + [0xE9]
            + Array(" talks in Zürich – “progress”, the ministers said after the meeting ended.</p></article></body></html>".utf8)
        let text = try HTMLMainTextExtractor().extract(html).text
        #expect(text == "Caf\u{FFFD} talks in Zürich – “progress”, the ministers said after the meeting ended.")
    }

    @Test func utf16PageWithBOMIsRead() throws {
        let html = "<html><body><article><p>Die Ministerin traf in Köln ihren Amtskollegen, und beide sprachen über Handel.</p></article></body></html>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in html.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try HTMLMainTextExtractor().extract(bytes).text == "Die Ministerin traf in Köln ihren Amtskollegen, und beide sprachen über Handel.")
    }

    // MARK: - Errors

    @Test func emptyInputThrowsEmpty() {
        #expect(throws: TextDecodingError.empty) { try HTMLMainTextExtractor().extract([]) }
        #expect(throws: TextDecodingError.empty) { try HTMLMainTextExtractor().extract(Array("  \n\t ".utf8)) }
    }

    @Test func binaryInputThrowsBinary() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(throws: TextDecodingError.binary) { try HTMLMainTextExtractor().extract(png) }
    }

    @Test func markupWithoutTextGivesEmptyTextWithoutThrowing() throws {
        let page = try HTMLMainTextExtractor().extract(Array("<html><body><script>x()</script><div></div></body></html>".utf8))
        #expect(page.text == "")
        #expect(page.title == nil)
    }

    @Test func anArticleBodyThatBadMarkupLeftInsideAnAsideIsStillRead() throws {
        // An unclosed element before the article: the parser nests the article inside the sidebar.
        let body = String(repeating: "The minister met her counterpart in Accra, and the two discussed trade, energy and visas. ", count: 6)
        let html = "<html><body><aside class=\"sidebar\"><div><a href=\"/a\">Most read</a><a href=\"/b\">Latest</a>"
            + "<div class=\"article\"><div itemprop=\"articleBody\"><p>\(body)</p></div></div></aside>"
            + "<aside><a href=\"/c\">Other news of the week</a></aside></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("the two discussed trade"))
        #expect(!text.contains("Other news of the week"))
    }

    @Test func anArticleNestedInAnUnclosedNavigationBarIsStillRead() throws {
        let body = String(repeating: "The minister met her counterpart in Accra, and the two discussed trade, energy and visas. ", count: 6)
        let html = "<html><body><header><nav><div><a href=\"/\">Home</a><a href=\"/news\">News</a>"
            + "<article><div class=\"entry-content\"><p>\(body)</p></div></article></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("the two discussed trade"))
        #expect(!text.contains("News"))
    }

    /// A paragraph of article prose for the invented pages below.
    static let prose = "<p>The minister met her counterpart in Accra, and the two discussed trade, energy and visas for students.</p>"

    /// The main text the extractor reads from `html`.
    static func text(of html: String) throws -> String {
        try HTMLMainTextExtractor().extract(Array(html.utf8)).text
    }

    /// Pages whose lead stands above the body, with `{lead}` and `{p}` to fill in: one found by the meta description,
    /// one by its class beside the body, one by its class in the article's header that a chrome word leaves out.
    static let pagesWithALead = [
        "<html><head><meta name=\"description\" content=\"{lead}\"></head><body><div class=\"intro\"><p class=\"lead\">{lead}</p></div>"
            + "<article><div class=\"article-body\">{p}{p}{p}{p}</div></article></body></html>",
        "<html><body><div class=\"sidebar-list\"><div><div><div class=\"teaser\"><p>Floods close the coast road near Cape Coast for two days</p></div></div></div></div>"
            + "<article><header class=\"entry-header\"><h1>Trade office</h1><div class=\"entry-excerpt\"><p>{lead}</p></div></header>"
            + "<div class=\"entry-content\">{p}{p}{p}{p}</div></article></body></html>",
        "<html><body><article class=\"post hentry\"><header class=\"entry-header\"><h1>Trade office</h1><div class=\"entry-excerpt\"><p>{lead}</p></div></header>"
            + "{p}{p}{p}<div class=\"teaser\"><p>Floods close the coast road near Cape Coast for two days</p></div></article></body></html>",
    ]

    @Test(arguments: pagesWithALead) func aLeadPrintedAboveTheArticleBodyOpensTheText(page: String) throws {
        let lead = "Ghana and Kenya agreed on Monday to open a joint trade office in Mombasa next year."
        let p = Self.prose
        let html = page.replacingOccurrences(of: "{lead}", with: lead).replacingOccurrences(of: "{p}", with: p)
        let text = try Self.text(of: html)
        #expect(text.hasPrefix(lead))
        #expect(text.components(separatedBy: "joint trade office").count == 2)
        #expect(!text.contains("Floods close"))
    }

    @Test func aPageBuildersWidgetsAreContent() throws {
        let p = Self.prose
        let widget = "<div class=\"elementor-element elementor-widget elementor-widget-text-editor\"><div class=\"elementor-widget-container\">\(p)</div></div>"
        let html = "<html><body><article class=\"post\"><div class=\"elementor\">\(widget)\(widget)\(widget)</div></article>"
            + "<div class=\"widget recent-posts\"><p>Floods close the coast road near Cape Coast for two days</p></div></body></html>"
        let text = try Self.text(of: html)
        #expect(text.components(separatedBy: "visas for students").count == 4)
        #expect(!text.contains("Floods close"))
    }

    @Test func paragraphsInBlocksOfTheirOwnReplaceAContainerWithALineOrTwo() throws {
        func row(_ s: String) -> String { "<div class=\"row\"><div class=\"col\"><p>\(s)</p></div></div><div class=\"row\"><div class=\"col\"><img src=\"a.png\"></div></div>" }
        let html = "<html><body><div class=\"container\"><h1>Variables</h1><div class=\"row\"><div class=\"col\"><span>12.03.2024 - Ama Owusu</span></div></div>"
            + row("How did variables work again? Here is a page from our course for the first lessons.")
            + row("Variables are no problem for you? Then try the puzzle of the week with your class.")
            + row("Our teachers wrote the course with pupils from three schools in Kumasi and Tamale.")
            + row("The next chapter shows how loops repeat a block of code until a condition holds.")
            + "</div><footer><p>Copyright 2024 Example School, all rights reserved, imprint and privacy</p></footer></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("How did variables work again?"))
        #expect(text.contains("Variables are no problem for you?"))
        #expect(text.contains("how loops repeat"))
        #expect(!text.contains("Copyright"))
    }

    @Test func paragraphsAreReadWhenNoContainerHoldsTheText() throws {
        // Every container is mostly links; the one paragraph of the page is still its text.
        let links = (1...30).map { "<a href=\"/n\($0)\">Headline number \($0) of the day</a>" }.joined(separator: " ")
        let html = "<html><body><div class=\"x\">\(links)<p>The delegation visited the port of Mombasa on Monday and met the governor.</p>\(links)</div></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("The delegation visited the port of Mombasa on Monday and met the governor."))
    }

    @Test func weakerDatesAreGatheredOnlyForAPageWithoutADatedCandidate() throws {
        let body = "<p>The minister met her counterpart in Accra, and the two discussed trade, energy and visas.</p>"
        let updated = "<html><head><meta property=\"og:updated_time\" content=\"2017-04-05T19:05:44Z\"></head><body><article>\(body)</article></body></html>"
        let a = try HTMLMainTextExtractor().extract(Array(updated.utf8))
        #expect(a.dateCandidates.isEmpty)
        #expect(a.lateDateCandidates.contains("2017-04-05T19:05:44Z"))
        let script = "<html><body><script>window.state = {\"uploadDate\": \"2019-10-19T07:49:00+02:00\"}</script><article>\(body)</article></body></html>"
        let sp = try HTMLMainTextExtractor().extract(Array(script.utf8))
        #expect(sp.lateDateCandidates.contains("2019-10-19T07:49:00+02:00"), "\(sp.dateCandidates) \(sp.lateDateCandidates)")
        let ago = "<html><body><div class=\"news-time-ago\" title=\"2020-09-20T14:20:02Z\">3 hours ago</div><article>\(body)</article></body></html>"
        #expect(try HTMLMainTextExtractor().extract(Array(ago.utf8)).lateDateCandidates.contains("2020-09-20T14:20:02Z"))
        let dated = "<html><head><meta property=\"article:published_time\" content=\"2016-01-02\"><meta property=\"og:updated_time\" content=\"2017-04-05\"></head><body><article>\(body)</article></body></html>"
        let d = try HTMLMainTextExtractor().extract(Array(dated.utf8))
        #expect(d.dateCandidates.first == "2016-01-02")
        #expect(d.lateDateCandidates.isEmpty)
    }

    @Test func aChromeWordOnTheBlockThatHoldsTheArticlesProseDoesNotDropIt() throws {
        // "share" names the block's share buttons, not the block: its paragraphs are the article.
        let paragraph = "<p>The minister met her counterpart in Accra, and the two discussed trade, energy, visas and the new port at Tema.</p>"
        let html = "<html><body><article class=\"post hentry\"><h1>Talks in Accra</h1><div class=\"entry share\">"
            + String(repeating: paragraph, count: 9) + "</div></article><div class=\"share\"><a href=\"/f\">Facebook</a></div></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("the new port at Tema"))
        #expect(!text.contains("Facebook"))
    }

    @Test func readMoreAndPhotoCreditLinesAreDroppedAnywhere() throws {
        let p = "<p>The minister met her counterpart in Accra, and the two discussed trade, energy and visas.</p>"
        let html = "<html><body><article>\(p)<p>Read more: <a href=\"/x\">Ghana and Kenya sign a visa deal</a></p><p>Photo: Kofi Mensah</p>\(p)"
            + "<p>Auch lesen: Visa für Studierende aus Ghana</p><p><span class=\"download-info\">PDF | 38 KB</span></p>"
            + "<p><em>Abbildung 2: Der Hafen von Tema am Morgen</em></p></article></body></html>"
        let text = try Self.text(of: html)
        #expect(!text.contains("Read more"))
        #expect(!text.contains("Kofi Mensah"))
        #expect(!text.contains("Auch lesen"))
        #expect(!text.contains("38 KB"))
        #expect(!text.contains("Abbildung"))
        #expect(text.components(separatedBy: "discussed trade").count == 3)
    }

    @Test func theTextEndsAtTheCommentSectionsHeading() throws {
        let p = Self.prose
        let html = "<html><body><div>\(p)\(p)\(p)<h3>3 Comments</h3><p>Great news, thank you for the report on the talks!</p></div></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("visas for students"))
        #expect(!text.contains("Comments"))
        #expect(!text.contains("Great news"))
    }

    @Test func theTextEndsAtTheContactOrSourcesHeading() throws {
        let p = Self.prose
        let html = "<html><body><div>\(p)\(p)\(p)<h4>Contact:</h4><p>Press office of the ministry, phone 0123 456 789, mail press@example.org</p></div></body></html>"
        let text = try Self.text(of: html)
        #expect(text.hasSuffix("visas for students."))
        #expect(!text.contains("Press office"))
    }

    @Test func aCallToFollowOrInstallTheAppAfterTheArticleIsDropped() throws {
        let p = Self.prose
        let html = "<html><body><article>\(p)\(p)<p>Get our reports every morning: download the Daily Ledger apps for iOS and Android.</p>"
            + "<p>Follow us on Telegram, Instagram and Facebook for live updates.</p></article></body></html>"
        let text = try Self.text(of: html)
        #expect(text.hasSuffix("visas for students."))
        #expect(!text.contains("Daily Ledger"))
    }

    @Test func advertisingLabelsFactboxesAndModificationLinesAreChrome() throws {
        let p = Self.prose
        let html = "<html><body><article><p>Anzeige, dieser Beitrag enthält Werbelinks</p>\(p)<div class=\"factbox\"><p>Sign up for our morning briefing and never miss a story.</p></div>\(p)"
            + "<p>ANZEIGE - Tonight at the cinema: the new film by the studio</p>\(p)<p>Last modified: 03-10-2024 2:20pm</p></article></body></html>"
        let text = try Self.text(of: html)
        #expect(text.hasPrefix("The minister met"))
        #expect(text.hasSuffix("visas for students."))
        #expect(!text.contains("morning briefing"))
        #expect(!text.contains("cinema"))
    }

    @Test func imageCaptionsAreNotText() throws {
        let p = Self.prose
        let html = "<html><body><article>\(p)<figure><img src=\"a.jpg\"><figcaption>The two ministers at the airport in Accra on Monday. Photo: Ama Owusu</figcaption></figure>\(p)</article></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("visas for students"))
        #expect(!text.contains("at the airport"))
    }

    @Test func captionRatingAffiliateAuthorAndPostDataBlocksAreChrome() throws {
        let p = Self.prose
        let html = "<html><body><article>\(p)<div class=\"wp-caption\"><p class=\"wp-caption-text\">The harbour of Tema seen from the pier</p></div>\(p)"
            + "<p><span class=\"post-ratings\">(No ratings yet)</span></p><div class=\"affiliate-note\"><p>We earn money when you buy through our links.</p></div>\(p)"
            + "<p class=\"postmetadata alt\">This entry was posted on Monday and filed under Trade.</p><div class=\"saboxplugin-wrap\"><p>Ama writes on trade and ports.</p></div></article></body></html>"
        let text = try Self.text(of: html)
        #expect(text.components(separatedBy: "visas for students").count == 4)
        #expect(!text.contains("harbour of Tema"))
        #expect(!text.contains("ratings"))
        #expect(!text.contains("We earn money"))
        #expect(!text.contains("filed under"))
        #expect(!text.contains("Ama writes"))
    }

    @Test func aPrintedPublicationDateGoesBeforeTheMetaDates() throws {
        let p = Self.prose
        let html = "<html><head><meta property=\"article:published_time\" content=\"2019-07-03T10:18:46Z\"></head><body><article>"
            + "<p class=\"date\">Publié le 29 juin 2019</p>\(p)\(p)</article></body></html>"
        let page = try HTMLMainTextExtractor().extract(Array(html.utf8))
        #expect(page.dateCandidates.first == "Publié le 29 juin 2019")
        #expect(page.dateCandidates.contains("2019-07-03T10:18:46Z"))
    }

    @Test func shortUnfinishedLinesAtTheEndAreDropped() throws {
        let p = Self.prose
        let html = "<html><body><article>\(p)\(p)\(p)<p>Follow us on</p><p>Press contact:</p></article></body></html>"
        let text = try Self.text(of: html)
        #expect(text.hasSuffix("visas for students."))
        #expect(!text.contains("Follow us on"))
        #expect(!text.contains("Press contact"))
        // A finished sentence, however short, stays.
        let finished = "<html><body><article>\(p)\(p)<p>Thank you.</p></article></body></html>"
        #expect(try HTMLMainTextExtractor().extract(Array(finished.utf8)).text.hasSuffix("Thank you."))
        // A dated line stays: it dates the page.
        let dated = "<html><body><article>\(p)\(p)<p>Episode recorded 16.08.2019</p><p>Our podcast on your phone</p></article></body></html>"
        let datedText = try HTMLMainTextExtractor().extract(Array(dated.utf8)).text
        #expect(datedText.hasSuffix("Episode recorded 16.08.2019"))
        #expect(!datedText.contains("Our podcast"))
        // A one-line text is never emptied.
        let single = "<html><body><article><p>Talks in Accra on trade and visas</p></article></body></html>"
        #expect(!(try HTMLMainTextExtractor().extract(Array(single.utf8)).text.isEmpty))
    }

    @Test func aPrintableBlockIsNotPrintChrome() throws {
        let item = "<li>Mix the flour, the sugar and the butter, then add the egg and knead the dough until smooth.</li>"
        let html = "<html><body><main><div class=\"printable-4711 recipe\"><ol>" + String(repeating: item, count: 4)
            + "</ol></div><div class=\"print-button\"><p>Print this recipe for your kitchen and share it with friends today</p></div></main></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("knead the dough until smooth"))
        #expect(!text.contains("Print this recipe"))
    }

    @Test func aMarkedArticleBodyWithTheBestParagraphsOutweighsAWeakMarkerAroundComments() throws {
        let p = Self.prose
        let comment = "<div><div><div><p>I read this report twice and I still think the visa rules are far too strict for the families.</p></div></div></div>"
        let html = "<html><body><div><div itemprop=\"articleBody\">\(p)\(p)\(p)\(p)\(p)</div></div>"
            + "<div class=\"community\"><span role=\"main\">" + String(repeating: comment, count: 30) + "</span></div></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("visas for students"))
        #expect(!text.contains("far too strict"))
    }

    @Test func aRunOfArticleElementsIsReadWhole() throws {
        func block(_ s: String) -> String {
            "<article class=\"content-element\"><p>\(s), and the two delegations discussed trade, energy and visas for students.</p></article>"
        }
        let html = "<html><body><main><h1>Weekly report</h1>" + block("First the minister met her counterpart in Accra")
            + "<article class=\"content-element\"><p>" + String(repeating: "Then the ministers signed an agreement on the new port at Tema, and on visas. ", count: 4) + "</p></article>"
            + block("Last the envoys met in Lagos with the trade ministers of both countries") + "</main><div class=\"sidebar\"><p>Other news of the week</p></div></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("First the minister met"))
        #expect(text.contains("the new port at Tema"))
        #expect(text.contains("Last the envoys met in Lagos"))
        #expect(!text.contains("Other news"))
    }

    @Test func aSiblingOfTheContainersTagAndClassIsReadWithIt() throws {
        let p = Self.prose
        let html = "<html><body><div class=\"page\"><div class=\"text-block\">\(p)\(p)\(p)</div><div class=\"gallery\"><img src=\"a.jpg\"></div>"
            + "<div class=\"text-block\"><p>Both delegations will meet again in Nairobi in the spring of next year.</p></div></div>"
            + "<div class=\"box\"><p>Weather: sunny and warm in Accra, with light winds from the sea</p></div></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("visas for students"))
        #expect(text.hasSuffix("spring of next year."))
        #expect(!text.contains("Weather"))
    }

    @Test func theOtherPartsOfAnArticleBodySplitByAdvertisementsAreRead() throws {
        let p = Self.prose
        let html = "<html><body><article><div class=\"field\"><div class=\"item\"><div class=\"article-text\">\(p)\(p)\(p)</div></div>"
            + "<div class=\"item\"><div class=\"promo-box\"><p>Subscribe to the weekly trade letter today</p></div></div>"
            + "<div class=\"item\"><div class=\"article-text\"><h2>Next steps</h2><p>Both will meet again in Nairobi in the spring.</p></div></div>"
            + "</div></article></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("visas for students"))
        #expect(text.hasSuffix("Nairobi in the spring."))
        #expect(!text.contains("Subscribe"))
    }

    @Test func aSectionHeadingBetweenTheBodysParagraphsIsRead() throws {
        let p = "The minister met her counterpart in Accra, and the two discussed trade, energy and visas for students."
        let html = "<html><body><div class=\"news\"><h1>Talks in Accra</h1><p class=\"bodytext\">\(p)</p><h4>Questions for the port</h4>"
            + "<p class=\"bodytext\">\(p) \(p) \(p)</p><h4>Share this page</h4><div class=\"backlink\"><a href=\"/\">Back</a></div></div></body></html>"
        let text = try Self.text(of: html)
        #expect(text.contains("Questions for the port"))
        #expect(text.components(separatedBy: "visas for students").count == 5)
        #expect(!text.contains("Share this page"))
    }

    @Test func brokenMarkupNeverThrows() throws {
        let html = "</div></p><p <b>Talks<<</i> held <table><td>in Oslo, and the parties agreed to meet again</tr></p></body></html></html><div"
        let page = try HTMLMainTextExtractor().extract(Array(html.utf8))
        #expect(page.text.contains("in Oslo, and the parties agreed to meet again"))
    }
}

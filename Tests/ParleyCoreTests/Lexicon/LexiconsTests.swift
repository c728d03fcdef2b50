import Testing
@testable import ParleyCore

/// Every bundled data file, with the columns each row must have.
private let dataFiles: [(name: String, ext: String, columns: Int)] = [
    ("countries", "tsv", 3), ("places", "tsv", 2), ("organizations", "tsv", 2), ("titles", "tsv", 1),
    ("people", "tsv", 1), ("event-triggers", "tsv", 2), ("event-codes", "tsv", 4), ("calendar", "tsv", 3),
    ("planned-markers", "tsv", 2), ("org-heads", "tsv", 2), ("foundings", "tsv", 2),
    ("abbreviations", "txt", 1), ("sentence-starters", "txt", 1), ("non-name-words", "txt", 1),
    ("speech-verbs", "txt", 1), ("gatherings", "txt", 1), ("honorifics", "txt", 1), ("chrome-labels", "txt", 1),
]

@Test(arguments: dataFiles.map { "\($0.name).\($0.ext)" })
func everyDataFileParsesAndHasRows(_ file: String) throws {
    let entry = dataFiles.first { "\($0.name).\($0.ext)" == file }!
    let table = try TSVTable(name: file, text: Lexicons.resourceText(entry.name, entry.ext), minimumColumns: entry.columns)
    #expect(!table.rows.isEmpty)
}

@Test func bundledLexiconsLoadEveryTable() {
    let lex = Lexicons.bundled
    #expect(lex.countries.count >= 193)
    #expect(!lex.places.isEmpty)
    #expect(!lex.organizations.isEmpty)
    #expect(!lex.titles.isEmpty)
    #expect(!lex.people.isEmpty)
    #expect(!lex.triggers.isEmpty)
    #expect(!lex.modality.isEmpty)
    #expect(!lex.foundings.isEmpty)
}

@Test func countriesHaveUniqueISO3Codes() {
    let codes = Lexicons.bundled.countries.map(\.iso3)
    #expect(Set(codes).count == codes.count)
    #expect(codes.allSatisfy { $0.count == 3 })
}

@Test func placesNameKnownCountries() {
    let lex = Lexicons.bundled
    let unknown = lex.places.compactMap(\.country).filter { lex.countryByISO3[$0] == nil }
    #expect(unknown.isEmpty, "places with unknown country codes: \(Set(unknown).sorted())")
}

@Test(arguments: EventType.allCases)
func everyEventTypeHasCodes(_ type: EventType) {
    let code = Lexicons.bundled.code(for: type)
    #expect(code != nil)
    #expect(code?.cameo.isEmpty == false)
    #expect(code?.plover.isEmpty == false)
}

@Test(arguments: EventType.allCases)
func everyEventTypeHasATrigger(_ type: EventType) {
    #expect(Lexicons.bundled.triggers.values.contains { $0.contains { $0.type == type } })
}

@Test func calendarKnowsMonthsWeekdaysAndRelativeDays() {
    let cal = Lexicons.bundled.calendar
    #expect(cal["january"] == .month(1))
    #expect(cal["december"] == .month(12))
    #expect(cal["monday"] == .weekday(0))
    #expect(cal["sunday"] == .weekday(6))
    #expect(cal["today"] == .relativeDay(0))
    #expect(cal["yesterday"] == .relativeDay(-1))
}

@Test func variantCodeIsPreferredWhenPresent() {
    #expect(Lexicons.bundled.code(for: .MESSAGE, variant: "condolence")?.cameo == "018")
    #expect(Lexicons.bundled.code(for: .MESSAGE, variant: "no-such-variant")?.cameo == Lexicons.bundled.code(for: .MESSAGE)?.cameo)
}

@Test func userGazetteerRowAddsAPerson() throws {
    let lex = try Lexicons(extraGazetteers: [("extra.tsv", "person\tAmina Tchouta\tCMR\tMinister of External Relations\tA. Tchouta\n")])
    #expect(lex.people.contains { $0.name == "Amina Tchouta" && $0.country == "CMR" })
    let a = Extractor(lexicons: lex).extract(Sample.document(
        "Amina Tchouta met the visiting trade delegation in Yaounde on Monday to discuss cocoa exports and rail links."))
    #expect(a.person("Amina Tchouta")?.country == "CMR")
}

@Test func userGazetteerRowAddsAnOrganization() throws {
    let lex = try Lexicons(extraGazetteers: [("extra.tsv", "# my bodies\norganization\tLake Chad Fisheries Board\tgovernment\tTCD\tLCFB\t\n")])
    let entry = try #require(lex.organizations.first { $0.name == "Lake Chad Fisheries Board" })
    #expect(entry.kind == .government)
    #expect(entry.country == "TCD")
    #expect(entry.aliases == ["LCFB"])
}

@Test func malformedUserGazetteerRowNamesFileAndLine() {
    do {
        _ = try Lexicons(extraGazetteers: [("extra.tsv", "# comment\nperson\tAmina Tchouta\tCMR\nplanet\tMars\n")])
        Issue.record("a row of an unknown kind was accepted")
    } catch {
        #expect(error.description.hasPrefix("extra.tsv:3:"))
    }
}

@Test func userGazetteerRowWithTooFewColumnsThrows() {
    do {
        _ = try Lexicons(extraGazetteers: [("short.tsv", "person\n")])
        Issue.record("a one-column row was accepted")
    } catch {
        #expect(error.description.hasPrefix("short.tsv:1:"))
    }
}

@Test func userOrganizationWithUnknownKindThrows() {
    do {
        _ = try Lexicons(extraGazetteers: [("orgs.tsv", "organization\tChess Club\tclub\t\t\n")])
        Issue.record("an unknown organization kind was accepted")
    } catch {
        #expect(error.description.contains("orgs.tsv:1"))
        #expect(error.description.contains("club"))
    }
}

@Test func tsvTableSkipsCommentsAndBlankLinesButKeepsLineNumbers() throws {
    let table = try TSVTable(name: "t.tsv", text: "# header\n\nBaku\tAZE\n  \t \nHanoi\t VNM \n")
    #expect(table.rows.map(\.line) == [3, 5])
    #expect(table.rows[1][1] == "VNM")
    #expect(table.rows[0][5] == nil)
}

@Test
func crlfLineEndingsAreSplitIntoRows() throws {
    let table = try TSVTable(name: "windows.tsv", text: "person\tAmina Tchouta\tCMR\r\nplace\tKribi\tCMR\r\n", minimumColumns: 2)
    #expect(table.rows.count == 2)
    #expect(table.rows.first?[2] == "CMR")
    #expect(table.rows.last?.line == 2)
}

@Test func phraseIndexFindsTheLongestMatch() {
    var index = PhraseIndex()
    index.add("New Azerbaijan Party", .organization(0))
    index.add("New", .place(0))
    var tokens = Tokenizer().tokenize("the New Azerbaijan Party said")
    index.vocabulary.assignIDs(&tokens)
    #expect(index.longestMatch(in: tokens, at: 1)?.range == 1..<4)
    #expect(index.longestMatch(in: tokens, at: 0) == nil)
}

@Test func acronymsMatchOnlyInCapitals() {
    var index = PhraseIndex()
    index.add("SCO", .organization(0))
    func tokens(_ text: String) -> [Token] {
        var t = Tokenizer().tokenize(text)
        index.vocabulary.assignIDs(&t)
        return t
    }
    #expect(index.longestMatch(in: tokens("SCO"), at: 0) != nil)
    #expect(index.longestMatch(in: tokens("Sco"), at: 0) == nil)
}

@Test func tokensOfWordsNoPhraseUsesMatchNothing() {
    var index = PhraseIndex()
    index.add("Kenya", .country(0))
    var tokens = Tokenizer().tokenize("Ghana Kenya")
    index.vocabulary.assignIDs(&tokens)
    #expect(tokens[0].id == Vocabulary.unknown)
    #expect(index.longestMatch(in: tokens, at: 0) == nil)
    #expect(index.longestMatch(in: tokens, at: 1)?.range == 1..<2)
}

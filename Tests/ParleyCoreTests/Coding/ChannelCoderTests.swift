import Foundation
import Testing
@testable import ParleyCore

// Channel and level of contacts, on releases written for these tests.

@Test func partyDepartmentMeetingAPartyDelegationIsTheParty() throws {
    let a = Sample.extract("""
        2024.05.14
        Accra, May 13th—Kwame Mensah, Vice Minister of the International Department of the CPC Central Committee, met here today \
        with a delegation of the New Patriotic Party of Ghana led by Ana Lopes, Deputy Chairman of the New Patriotic Party.
        """)
    let e = try #require(a.events.first { $0.type == "MEET" })
    #expect(e.channel == "party")
    let sides = try #require(e.sides)
    let chn = try #require(sides.first { $0.country == "CHN" })
    let gha = try #require(sides.first { $0.country == "GHA" })
    #expect(chn.channel == .party && chn.level == "vice-minister")
    #expect(chn.channelReason?.contains("International Department of the CPC Central Committee") == true)
    #expect(gha.channel == .party && gha.level == "party-top-body")
    #expect(e.channelReason?.contains("Ana Lopes") == true)
}

@Test func ambassadorAtAPartyHeadquartersIsMixed() throws {
    let a = Sample.extract("""
        2024-06-10
        On June 9, Ambassador of Kenya to Ghana Karim Haddad visited the headquarters of the New Patriotic Party and held talks \
        with Ana Lopes, Deputy Chairman of the New Patriotic Party.
        """)
    let e = try #require(a.events.first)
    #expect(e.channel == "mixed")
    let ken = try #require(e.sides?.first { $0.country == "KEN" })
    #expect(ken.channel == .state && ken.level == "ambassador")
    #expect(e.sides?.first { $0.country == "GHA" }?.channel == .party)
}

@Test func ministersMeetingIsTheStateAtMinisterLevel() throws {
    let a = Sample.extract("""
        2024-03-02
        NAIROBI, March 1 -- Foreign Minister Karim Haddad of Kenya met with Ghana's Minister of Foreign Affairs Ana Lopes in Nairobi on Friday.
        """)
    let e = try #require(a.events.first)
    #expect(e.channel == "state")
    #expect(e.sides?.compactMap(\.level) == ["minister", "minister"])
}

@Test func aSpeakerReceivingAMinisterIsMixed() throws {
    let a = Sample.extract("""
        2024-04-12
        ACCRA, April 11 -- Speaker of the Parliament of Ghana Kwame Mensah received Kenya's Deputy Foreign Minister Karim Haddad in Accra on Thursday.
        """)
    let e = try #require(a.events.first)
    #expect(e.channel == "mixed")
    #expect(e.sides?.first { $0.country == "GHA" }?.channel == .parliament)
    #expect(e.sides?.first { $0.country == "KEN" }?.level == "vice-minister")
}

@Test func aSideTakesTheHighestRankPresent() throws {
    let a = Sample.extract("""
        2024-03-02
        NAIROBI, March 1 -- President Kwame Mensah of Ghana met with Foreign Minister Karim Haddad of Kenya in Nairobi on Friday. \
        Ghana's Ambassador to Kenya Ana Lopes was present.
        """)
    let e = try #require(a.events.first)
    #expect(e.sides?.first { $0.country == "GHA" }?.level == "head-of-state-or-government")
}

@Test func titleLevelRulesReadTheirContexts() throws {
    let rule = try #require(TitleLevelRule.parse("official;party=party-leader;political bureau=party-top-body"))
    #expect(rule.level == "official")
    #expect(rule.level(titleKeys: "chairman of the board", organizationKind: .company) == "official")
    #expect(rule.level(titleKeys: "chairman", organizationKind: .party) == "party-leader")
    #expect(rule.level(titleKeys: "member of the political bureau", organizationKind: nil) == "party-top-body")
    #expect(TitleLevelRule.parse("-")?.level == nil)
    #expect(TitleLevelRule.parse("party=official") == nil)
}

@Test func everyTitleHasALevelTheLevelsFileKnows() {
    let lex = Lexicons.bundled
    #expect(lex.contactLevels.map(\.name) == ["head-of-state-or-government", "party-leader", "minister", "party-top-body", "vice-minister",
                                              "ambassador", "official"])
    for t in lex.titles { for l in t.level.levels { #expect(lex.levelRank[l] != nil, "\(t.title): \(l)") } }
    #expect(lex.titles.first { $0.title == "Ambassador" }?.level.level == "ambassador")
    #expect(lex.channelOfOrganizationKind[.party] == .party)
    #expect(lex.channelOfOrganizationKind[.government] == .state)
    #expect(lex.channelOfOrganizationKind[.legislature] == .parliament)
    #expect(lex.channelOfCountryAlone == .state)
}

@Test func aUserTitleRowWithAnUnknownLevelIsRefusedWithItsLine() {
    #expect(throws: LexiconError.self) {
        _ = try Lexicons(extraGazetteers: [("mine.tsv", "title\tGrand Vizier\t2\tminister\tvizier\n")])
    }
    #expect(throws: Never.self) {
        _ = try Lexicons(extraGazetteers: [("mine.tsv", "title\tGrand Vizier\t2\tminister\tminister\n")])
    }
}

@Test func theChannelRuleCombinesSides() {
    func side(_ c: String, _ ch: ContactChannel?) -> ContactSide { ContactSide(country: c, channel: ch, channelReason: "\(c) reason") }
    #expect(ContactProfile(sides: [side("GHA", .party), side("KEN", .party)]).channel == .party)
    #expect(ContactProfile(sides: [side("GHA", .state), side("KEN", .party)]).channel == .mixed)
    #expect(ContactProfile(sides: [side("GHA", .state), side("KEN", nil)]).channel == .state)
    #expect(ContactProfile(sides: [side("GHA", .state), side("KEN", .other)]).channel == .other)
    #expect(ContactProfile(sides: [side("GHA", nil)]).channel == .other)
    #expect(ContactProfile(sides: [side("GHA", .state), side("KEN", .parliament)]).reason == "GHA state: GHA reason; KEN parliament: KEN reason")
}

@Test func twoReportsMergeToTheHigherLevelOfEachSide() {
    let rank = Lexicons.bundled.levelRank
    let a = ContactProfile(sides: [ContactSide(country: "GHA", channel: .party, channelReason: "A", level: "official", levelReason: "x"),
                                   ContactSide(country: "KEN", channel: nil, level: nil)])
    let b = ContactProfile(sides: [ContactSide(country: "KEN", channel: .state, channelReason: "B", level: "minister", levelReason: "y"),
                                   ContactSide(country: "GHA", channel: .party, channelReason: "C", level: "party-leader", levelReason: "z")])
    let m = a.merged(with: b, levelRank: rank)
    #expect(m.sides.map(\.country) == ["GHA", "KEN"])
    #expect(m.sides[0].level == "party-leader" && m.sides[0].channelReason == "C")
    #expect(m.sides[1].level == "minister" && m.sides[1].channel == .state)
    #expect(m.channel == .mixed)
    #expect(a.merged(with: b, levelRank: rank) == b.merged(with: a, levelRank: rank).sortedByCountry())
}

@Test func theAnnotationJSONCarriesChannelReasonAndSides() throws {
    let a = Sample.extract("2024-03-02\nNAIROBI, March 1 -- Foreign Minister Karim Haddad of Kenya met with Ghana's Minister of Foreign Affairs Ana Lopes in Nairobi on Friday.")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(AnnotationJSONWriter(pretty: false).data(a))) as? [String: Any])
    let event = try #require((json["events"] as? [[String: Any]])?.first)
    #expect(event["channel"] as? String == "state")
    #expect((event["channel_reason"] as? String)?.isEmpty == false)
    let sides = try #require(event["sides"] as? [[String: Any]])
    #expect(sides.count == 2)
    #expect(Set(sides.compactMap { $0["level"] as? String }) == ["minister"])
    #expect(sides.allSatisfy { $0.keys.contains("level_reason") && $0.keys.contains("channel_reason") && $0.keys.contains("country") })
    // It reads back.
    let back = try JSONDecoder().decode(DocumentAnnotation.self, from: Data(AnnotationJSONWriter(pretty: true).data(a)))
    #expect(back.events.first?.contact == a.events.first?.contact)
}

@Test func aCountryNamedAloneIsTheState() throws {
    let a = Sample.extract("2024-11-20\nNAIROBI, Nov. 19 -- Kenya hosted the Africa Climate Summit in Nairobi last year, the ministry recalled.")
    let e = try #require(a.events.first { $0.type == "HOST" })
    #expect(e.channel == "state")
    #expect(e.channelReason?.contains("named alone") == true)
    #expect(e.sides?.first?.level == nil)
}

import Testing
@testable import ParleyCore

@Test func knownOrganizationByItsAcronym() throws {
    let a = Sample.extract("Foreign Minister Ana Lopes attended the SCO foreign ministers meeting in the capital on Friday to discuss regional security issues.")
    let sco = try #require(a.organization("Shanghai Cooperation Organisation"))
    #expect(sco.aliases.contains("SCO"))
    #expect(sco.kind == "international")
    #expect(sco.country == nil)
}

@Test func knownPartyHasKindAndCountry() throws {
    let a = Sample.extract("A delegation of the Communist Party of China led by Minister Ana Lopes visited the capital on Friday to discuss party building and governance.")
    let cpc = try #require(a.organization("Communist Party of China"))
    #expect(cpc.kind == "party")
    #expect(cpc.country == "CHN")
}

@Test func inlineAcronymDefinitionIsReused() throws {
    let a = Sample.extract("""
        2024-05-02
        Deputy Speaker Maria Duarte received a delegation of the Coastal Fisheries Development Council (CFDC) on 1 May 2024 to discuss joint research on marine resources.
        The CFDC delegation also met with Minister Carlos Reyes later that day.
        """)
    let org = try #require(a.organization("Coastal Fisheries Development Council"))
    #expect(org.aliases.contains("CFDC"))
    #expect(org.mentions.count >= 3)
    #expect(a.organizations.filter { $0.name == "CFDC" }.isEmpty)
}

@Test func compositionalMinistryNameWithCountry() throws {
    let a = Sample.extract("The Ministry of Foreign Affairs of Viet Nam issued a statement on Monday welcoming the outcome of the talks on maritime cooperation.")
    let mofa = try #require(a.organization("Ministry of Foreign Affairs of Viet Nam"))
    #expect(mofa.kind == "government")
    #expect(mofa.country == "VNM")
}

@Test func embassyTakesTheCountryItRepresents() throws {
    let a = Sample.extract("Ambassador Tong Defa met Mayor Elizabeth Sackey at the Embassy of China in Ghana on Monday to discuss cooperation in urban planning.")
    let embassy = try #require(a.organization("Embassy of China in Ghana"))
    #expect(embassy.kind == "government")
    #expect(embassy.country == "CHN")
}

@Test func compositionalPartyBodyIsAParty() throws {
    let a = Sample.extract("The Central Committee of the Communist Party of Viet Nam sent a delegation to the congress of the ruling party on Monday to strengthen ties.")
    let org = try #require(a.organizations.first { $0.name.hasPrefix("Central Committee") })
    #expect(org.kind == "party")
    #expect(org.country == "VNM")
}

@Test func lowerCaseWordsAreNoOrganization() {
    let a = Sample.extract("The minister said the party and the ministry would keep working together on trade and investment in the coming year.")
    #expect(a.organizations.isEmpty)
}

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
    // The party's organs around a party name the gazetteer does not spell so stand for the party.
    let a = Sample.extract("The Central Committee of the Popular Unity Party of Ghana sent a delegation to the congress of the ruling party on Monday to strengthen ties.")
    let org = try #require(a.organizations.first { $0.name == "Popular Unity Party of Ghana" })
    #expect(org.kind == "party")
    #expect(org.country == "GHA")
    #expect(!a.organizations.contains { $0.name.hasPrefix("Central Committee") })
}

@Test func centralCommitteeOfAKnownPartyIsThatParty() throws {
    // Annotators list a party's central committee, and a legislature's standing committee, as the body itself.
    let a = Sample.extract("2024-05-02\nThe CPV Central Committee sent a delegation to Accra on 1 May 2024, where Minister Ana Lopes received it.")
    #expect(a.organization("Communist Party of Vietnam") != nil)
    #expect(!a.organizations.contains { $0.name.hasPrefix("Central Committee") })
    let v = Sample.extract("2024-05-02\nIn Accra on 1 May 2024 Minister Ana Lopes thanked the Communist Party of Viet Nam for its help.")
    #expect(v.organization("Communist Party of Vietnam")?.aliases.contains("Communist Party of Viet Nam") == true)
    let b = Sample.extract("2024-05-02\nKarim Haddad, vice-chairman of the NPC Standing Committee, met Minister Ana Lopes in Accra on 1 May 2024.")
    #expect(b.organization("National People's Congress") != nil)
    #expect(!b.organizations.contains { $0.name.hasPrefix("Standing Committee") })
}

@Test func twoBodiesJoinedByAndAreTwoOrganizations() {
    let a = Sample.extract("2018-06-15\nThe agreement between the Government of Ghana and Government of Kenya was signed in Accra on Friday by Minister Ana Lopes.")
    #expect(a.organization("Government of Ghana") != nil)
    #expect(a.organization("Government of Kenya") != nil)
    let b = Sample.extract("2018-06-15\nOur embassy hosted a reception in Accra on Friday for Minister Ana Lopes.")
    #expect(b.organizations.isEmpty)
}

@Test func lowerCaseWordsAreNoOrganization() {
    let a = Sample.extract("The minister said the party and the ministry would keep working together on trade and investment in the coming year.")
    #expect(a.organizations.isEmpty)
}

@Test func partyOrganAroundAnUnknownPartyNamesThatParty() throws {
    let a = Sample.extract("2024-05-02\nThe Central Committee of XYZP sent a message of greetings to Minister Ana Lopes on 1 May 2024 on the anniversary of the party.")
    let xyzp = try #require(a.organization("XYZP"))
    #expect(xyzp.kind == "party")
    #expect(!a.organizations.contains { $0.name.hasPrefix("Central Committee") })
    #expect(a.events.first?.organizations == ["XYZP"])
}

@Test func governmentsAreListedAsGovernments() throws {
    let a = Sample.extract("2024-05-02\nThe Government of Ruritania and the Government of Ghana signed an agreement on trade in Accra on 1 May 2024.")
    let ghana = try #require(a.organization("Government of Ghana"))
    #expect(ghana.kind == "government")
    #expect(ghana.country == "GHA")
    #expect(a.organization("Government of Ruritania")?.kind == "government")
    let sign = try #require(a.events.first)
    #expect(sign.type == "SIGN")
    #expect(Set(sign.organizations) == ["Government of Ruritania", "Government of Ghana"])
}

@Test func partyCongressIsAGatheringNotAnOrganization() {
    let a = Sample.extract("2024-05-02\nMinister Ana Lopes met with Ambassador Karim Haddad on 1 May 2024 to brief him on the outcome of the CPC National Congress held in Beijing.")
    #expect(!a.organizations.contains { $0.name.contains("Congress") })
    #expect(a.events.first?.organizations.contains { $0.contains("Congress") } == false)
}

@Test func newsOutletIsListedOnlyWhenItActsInTheStory() throws {
    let credited = Sample.extract("2024-05-02\nMinister Ana Lopes met with Ambassador Karim Haddad in Accra on 1 May 2024 to discuss trade, Xinhua News Agency reported.")
    #expect(credited.organization("Xinhua News Agency") == nil)
    let acting = Sample.extract("2024-05-02\nMinister Ana Lopes met with Karim Haddad, President of Xinhua News Agency, in Accra on 1 May 2024.")
    #expect(try #require(acting.organization("Xinhua News Agency")).kind == "media")
    #expect(acting.person("Karim Haddad")?.organization == "Xinhua News Agency")
}

@Test func partyOrganNamedOnlyInAMembersTitleIsNotListed() {
    let inTitle = Sample.extract("2024-05-02\nKarim Haddad, member of the Political Bureau of the CPC Central Committee, met with Minister Ana Lopes in Beijing on 1 May 2024.")
    #expect(inTitle.person("Karim Haddad") != nil)
    #expect(!inTitle.organizations.contains { $0.name.hasPrefix("Political Bureau") })
    let acting = Sample.extract("2024-05-02\nThe Political Bureau of the CPC Central Committee held a meeting in Beijing on 1 May 2024 to review the economy.")
    #expect(acting.organization("Political Bureau of the CPC Central Committee") != nil)
}

@Test func anAcronymInBracketsInsideANameStaysPartOfIt() throws {
    let a = Sample.extract("2024-05-02\nMinister Ana Lopes met with Karim Haddad, head of the International Department of the Workers' Party of Ruritania (WPR) Central Committee, in Accra on 1 May 2024.")
    #expect(a.organizations.contains { $0.name == "International Department of the Workers' Party of Ruritania (WPR) Central Committee" })
    let haddad = try #require(a.person("Karim Haddad"))
    #expect(haddad.titles.contains("head of the International Department of the Workers' Party of Ruritania (WPR) Central Committee"))
}

@Test func acronymTheReleaseDefinesBeatsTheGazetteersBodyOfAnotherCountry() throws {
    let a = Sample.extract("""
        Havana, May 3 -- A delegation of the Progressive Party of Ghana was received by the Communist Party of Cuba (CPC).
        Talks followed with Juan Perez Diaz, Second Secretary of the Central Committee of the CPC, on trade and culture.
        """)
    #expect(a.organization("Communist Party of China") == nil)
    let cuba = try #require(a.organization("Communist Party of Cuba"))
    #expect(cuba.mentions.count >= 3)
    #expect(a.people.first { $0.name == "Juan Perez Diaz" }?.country == "CUB")
}

@Test func bodyNamedAfterAKnownPersonIsAnOrganizationNotThatPerson() throws {
    let a = Sample.extract("Accra, May 3 -- Ambassador Ana Lopes met with members of the Patrice Lumumba International Solidarity Association in Accra.")
    #expect(a.organization("Patrice Lumumba International Solidarity Association") != nil)
    #expect(!a.people.contains { $0.name == "Patrice Lumumba" })
}

@Test func capitalisedWordBeforeAKnownPartyNamesAnotherParty() throws {
    let a = Sample.extract("London, May 3 -- Ambassador Ana Lopes met with representatives of the Revolutionary Communist Party of Britain and of the Communist Party of Britain.")
    let revolutionary = try #require(a.organization("Revolutionary Communist Party of Britain"))
    #expect(revolutionary.kind == "party")
    #expect(revolutionary.country == "GBR")
    #expect(a.organization("Communist Party of Britain") != nil)
}

@Test func gazetteerKnowsArmedForcesSpaceAgenciesAndCompanies() throws {
    let a = Sample.extract("2024-05-02\nMinister Ana Lopes met the commander of the Kenya Defense Forces, the head of Roscosmos and managers of AstraZeneca in Nairobi on 1 May 2024.")
    let kdf = try #require(a.organization("Kenya Defence Forces"))
    #expect(kdf.kind == "government")
    #expect(kdf.country == "KEN")
    #expect(a.organization("Roscosmos")?.country == "RUS")
    #expect(a.organization("AstraZeneca")?.kind == "company")
}

@Test func gazetteerKnowsCommonSpellingsOfKnownBodies() throws {
    let a = Sample.extract("2024-05-02\nA Zanu PF delegation met Minister Ana Lopes in Harare on 1 May 2024 before talks at the Halk Maslahaty of Turkmenistan.")
    #expect(a.organization("ZANU-PF")?.aliases.contains("Zanu PF") == true)
    #expect(a.organization("Halk Maslahaty")?.kind == "legislature")
}

@Test func sentenceOpeningWordIsNotPartOfAName() throws {
    let a = Sample.extract("2024-05-02\nAccording to the Ministry of Trade of Ghana, Minister Ana Lopes met Karim Haddad in Accra on 1 May 2024.")
    #expect(a.organization("Ministry of Trade of Ghana") != nil)
    #expect(!a.organizations.contains { $0.name.hasPrefix("According") })
}

@Test func ordinalOfAGatheringOrABodysEventIsNotPartOfTheName() throws {
    let a = Sample.extract("2024-05-02\nMinister Ana Lopes opened the VI Meeting of the Joint Commission on Fisheries and Coastal Affairs in Accra on 1 May 2024.")
    #expect(a.organization("Joint Commission on Fisheries and Coastal Affairs") != nil)
    let b = Sample.extract("2024-05-02\nMinister Ana Lopes and Karim Haddad discussed the Fourth UN Conference on Small Island States in Accra on 1 May 2024.")
    #expect(b.organization("United Nations") != nil)
    #expect(!b.organizations.contains { $0.name.hasPrefix("Fourth") })
    // An ordinal that opens a title is left to the title.
    let c = Sample.extract("2024-05-02\nMinister Ana Lopes met the First Secretary of the Embassy of Kenya, Karim Haddad, in Accra on 1 May 2024.")
    #expect(c.person("Karim Haddad") != nil)
}

@Test func personsInitialAfterANameIsNotPartOfIt() throws {
    let a = Sample.extract("2024-05-02\nDirector at the Ministry of Trade K.Mensah met Ana Lopes in Accra on 1 May 2024.")
    #expect(!a.organizations.contains { $0.name.hasSuffix(" K") })
}

@Test func presidencyOfAnInternationalBodyIsThatBody() throws {
    let a = Sample.extract("2024-05-02\nMinister Ana Lopes briefed Karim Haddad on Kenya's Presidency of G20 in Accra on 1 May 2024.")
    #expect(a.organization("Group of Twenty") != nil)
    #expect(!a.organizations.contains { $0.name.hasPrefix("Presidency") })
}

@Test func governmentNamedAfterItsLeaderIsNotListed() {
    let a = Sample.extract("2024-05-02\nMinister Ana Lopes said the Mensah Government and the Government of Ghana would sign the accord in Accra on 1 May 2024.")
    #expect(!a.organizations.contains { $0.name.contains("Mensah") })
    #expect(a.organizations.contains { $0.name == "Government of Ghana" })
}

@Test func acronymOfAKnownPartyInsideAnOrgansNameStandsForTheParty() throws {
    let a = Sample.extract("""
        2024-05-02
        Karim Haddad, head of the Foreign Affairs Department of the Bharatiya Janata Party (BJP), met Minister Ana Lopes in Accra on 1 May 2024.
        The BJP and the ruling party of Ghana agreed to deepen exchanges.
        """)
    let bjp = try #require(a.organization("Bharatiya Janata Party"))
    #expect(bjp.aliases.contains("BJP") || bjp.mentions.count >= 2)
    #expect(!a.organizations.contains { $0.name.hasPrefix("Foreign Affairs Department") && $0.aliases.contains("BJP") })
}

@Test func knownBodyWhoseNameOpensWithAGatheringWordKeepsIt() throws {
    let a = Sample.extract("Accra, May 3 -- The decision undermines the Council of Europe's main objectives, Minister Ana Lopes said on Friday.")
    #expect(a.organization("Council of Europe")?.kind == "international")
}

@Test func possessiveInsideANameAfterAKnownPartyIsNoBreak() throws {
    let a = Sample.extract("Accra, May 3 -- Minister Ana Lopes met the ANC Women's League delegation led by Karim Haddad on Friday.")
    let league = try #require(a.organization("ANC Women's League"))
    #expect(league.kind == "party")
    #expect(league.country == "ZAF")
}

@Test func portfolioBeforeOfIsNoPartOfTheBody() throws {
    let a = Sample.extract("Accra, May 3 -- Minister Ana Lopes met Kwame Mensah, Counsellor for Cultural and Academic Affairs of the Kenyan Embassy, on Friday.")
    #expect(a.organization("Kenyan Embassy")?.country == "KEN")
    #expect(!a.organizations.contains { $0.name.hasPrefix("Cultural") })
}

@Test func gazetteerKnowsThinkTanksPoliceForcesAndParliamentaryGroups() throws {
    let a = Sample.extract("2024-05-02\nMinister Ana Lopes met experts of the Atlantic Council, officers of the Royal Solomon Islands Police Force and members of the S&D Group in Accra on 1 May 2024.")
    #expect(a.organization("Atlantic Council")?.kind == "ngo")
    #expect(a.organization("Royal Solomon Islands Police Force")?.country == "SLB")
    #expect(a.organization("Progressive Alliance of Socialists and Democrats")?.kind == "legislature")
}

@Test func officeHoldersInThePluralAreNotTheBody() {
    let a = Sample.extract("Accra, May 3 -- Minister Ana Lopes hosted the Heads of Mission of the Jubilee Party on Friday, and Members of the National Assembly of Pakistan also came.")
    #expect(!a.organizations.contains { $0.name.hasPrefix("Heads") || $0.name.hasPrefix("Members") })
    #expect(a.organization("National Assembly of Pakistan") != nil)
}

@Test func knownPartyWithPartyOrItsCountryAddedIsThatParty() throws {
    let a = Sample.extract("Accra, May 3 -- Minister Ana Lopes met envoys of the Fidesz Party of Hungary on Friday. The Fidesz Party thanked her.")
    let fidesz = try #require(a.organization("Fidesz"))
    #expect(fidesz.aliases.contains("Fidesz Party of Hungary"))
    #expect(a.organizations.count == 1)
}

@Test func missionNamedWithAndWithoutItsSeatIsOneOrganization() throws {
    let a = Sample.extract("Accra, May 3 -- The Embassy of Kenya hosted a reception on Friday. Minister Ana Lopes thanked the Embassy of Kenya in Ghana for its support.")
    let embassy = try #require(a.organization("Embassy of Kenya"))
    #expect(embassy.aliases.contains("Embassy of Kenya in Ghana"))
    #expect(a.organizations.count == 1)
}

import Testing
@testable import ParleyCore

@Test func titleBeforeTheName() throws {
    let a = Sample.extract("Foreign Minister Ishaq Dar held talks with a visiting trade delegation at the ministry on Monday to discuss textile exports.")
    let dar = try #require(a.person("Ishaq Dar"))
    #expect(dar.titles == ["Foreign Minister"])
}

@Test func titleWithCountryBeforeTheName() throws {
    let a = Sample.extract("Ambassador of China to Ghana Tong Defa met with Mayor Elizabeth Sackey on Monday to discuss cooperation in urban planning and transport.")
    let tong = try #require(a.person("Tong Defa"))
    #expect(tong.titles.contains("Ambassador of China to Ghana"))
    #expect(tong.country == "CHN")
    #expect(a.person("Elizabeth Sackey")?.titles == ["Mayor"])
}

@Test func honorificBeforeTheName() throws {
    let a = Sample.extract("Ms. Ana Lopes met the visiting business delegation at the chamber of commerce on Monday to discuss investment in renewable energy.")
    let lopes = try #require(a.person("Ana Lopes"))
    #expect(lopes.aliases.contains("Ms. Ana Lopes"))
    #expect(a.person("Ms. Ana Lopes") == nil)
}

@Test func appositiveTitleGivesOrganizationAndCountry() throws {
    let a = Sample.extract("Ana Lopes, Deputy Head of the International Department of the CPC Central Committee, met a delegation of young party officials on Monday in the capital.")
    let lopes = try #require(a.person("Ana Lopes"))
    #expect(lopes.titles.contains { $0.hasPrefix("Deputy Head of the International Department") })
    #expect(lopes.organization == "International Department of the CPC Central Committee")
    #expect(lopes.country == "CHN")
}

@Test func appositiveTitleWithCountryName() throws {
    let a = Sample.extract("Kamal Othman, Minister of Foreign Affairs of Malaysia, met with Ambassador Ahmed Rashid on 3 March 2024 in Kuala Lumpur to review trade.")
    let othman = try #require(a.person("Kamal Othman"))
    #expect(othman.titles == ["Minister of Foreign Affairs of Malaysia"])
    #expect(othman.country == "MYS")
}

@Test func knownLeaderGetsTheirCountry() throws {
    let a = Sample.extract("Xi Jinping met with the visiting delegation of young entrepreneurs in the capital on Monday to discuss innovation and trade.")
    let xi = try #require(a.person("Xi Jinping"))
    #expect(xi.country == "CHN")
}

@Test func nameBeforeASpeechVerbIsAPerson() {
    let a = Sample.extract("Minister Ana Lopes opened the seminar on Monday. Tahir Budagov said the two parties share a long history of friendly exchanges.")
    #expect(a.person("Tahir Budagov") != nil)
}

@Test func delegationLeaderIsAPerson() {
    let a = Sample.extract("Minister Ana Lopes received a delegation led by Tahir Budagov at the ministry on Monday to discuss party cooperation.")
    #expect(a.person("Tahir Budagov") != nil)
}

@Test func bylineIsNotAPerson() {
    let a = Sample.extract("""
        Editor: Zhang Wei
        Ambassador Tong Defa met with Mayor Elizabeth Sackey on Monday to discuss cooperation in urban planning and public transport.
        Responsible editor: Li Hua
        """)
    #expect(a.person("Zhang Wei") == nil)
    #expect(a.person("Li Hua") == nil)
    #expect(a.person("Tong Defa") != nil)
}

@Test func countryNameIsNotAPerson() {
    let a = Sample.extract("Minister Ana Lopes said Viet Nam and Malaysia agreed on Monday to deepen cooperation in trade, fisheries and education.")
    #expect(a.people.map(\.name) == ["Ana Lopes"])
}

@Test
func headlineVerbAfterATitleIsNotAPerson() {
    let a = Sample.extract("""
        Minister Visits Hanoi
        Deputy Foreign Minister Nguyen Minh Hang met with Ambassador Andrei Petrov in Hanoi on Monday to review preparations for the celebrations.
        """)
    #expect(a.person("Visits") == nil)
}

@Test func nameSetOffByCommasAfterATitlePhrase() throws {
    let a = Sample.extract("2024-05-02\nMinister Ana Lopes received the Secretary General of the Union for Progress, Marco Bellini, to discuss cooperation between the two parties.")
    let bellini = try #require(a.person("Marco Bellini"))
    #expect(bellini.titles == ["Secretary General of the Union for Progress"])
    #expect(bellini.organization == "Union for Progress")
    #expect(Set(try #require(a.events.first).participants) == ["Ana Lopes", "Marco Bellini"])
}

@Test func lowerCaseTitleThenTheNameSetOffByCommas() throws {
    let a = Sample.extract("2024-05-02\nOn 1 May 2024, Minister Ana Lopes received the president of the Union for Progress, Marco Bellini, with whom she discussed cooperation between the two parties.")
    let bellini = try #require(a.person("Marco Bellini"))
    #expect(bellini.titles == ["president of the Union for Progress"])
    #expect(bellini.organization == "Union for Progress")
    let e = try #require(a.events.first)
    #expect(e.type == "MEET")
    #expect(Set(e.participants) == ["Ana Lopes", "Marco Bellini"])
}

@Test func namesListedBesideATitledPersonArePeople() throws {
    let a = Sample.extract("""
        2024-05-02
        On 1 May 2024, Foreign Minister Ana Lopes held talks with President Kwame Mensah in Accra on trade and investment between the two countries.
        The talks were also attended by Deputy Minister Rui Costa, Marta Pires, Joana Ferreira and Tiago Moreira.
        """)
    for name in ["Rui Costa", "Marta Pires", "Joana Ferreira", "Tiago Moreira"] { #expect(a.person(name) != nil) }
    let e = try #require(a.events.first)
    #expect(a.events.count == 1)
    #expect(Set(e.participants) == ["Ana Lopes", "Kwame Mensah", "Rui Costa", "Marta Pires", "Joana Ferreira", "Tiago Moreira"])
}

@Test func spokespersonCreditedWithTheReleaseIsNotListed() {
    let a = Sample.extract("""
        2024-05-02
        Minister Ana Lopes met with Ambassador Karim Haddad at the ministry on 1 May 2024 to discuss trade and investment between the two countries.
        Spokesperson Lena Novak told reporters that both sides expect further progress this year.
        """)
    #expect(a.person("Lena Novak") == nil)
    #expect(Set(a.people.map(\.name)) == ["Ana Lopes", "Karim Haddad"])
}

@Test func spokespersonTakingPartInAnEventIsListed() {
    let a = Sample.extract("2024-05-02\nSpokesperson Lena Novak met with Ambassador Karim Haddad at the ministry on 1 May 2024 to discuss media cooperation between the two countries.")
    #expect(a.person("Lena Novak")?.titles == ["Spokesperson"])
    #expect(a.events.first?.participants.contains("Lena Novak") == true)
}

@Test func diplomatInAReleaseDatelinedWhereTheyServeRepresentsTheOtherSide() throws {
    let a = Sample.extract("2024-05-02\nACCRA, May 1 -- Ambassador Karim Haddad paid a courtesy call on Kofi Boateng, Minister of Foreign Affairs of Ghana, to discuss relations between Portugal and Ghana.")
    #expect(a.dateline?.place == "Accra")
    #expect(a.person("Karim Haddad")?.country == "PRT")
    #expect(a.person("Kofi Boateng")?.country == "GHA")
    #expect(Set(try #require(a.events.first).countries) == ["PRT", "GHA"])
}

@Test func aPublicFigureNamedWithoutATitleHoldsTheGazetteersOfficeInItsYears() throws {
    let text = "Moscow talks\n\nMOSCOW, March 3, 2024 -- Vladimir Putin and visiting Foreign Minister Ana Lopes of Ruritania discussed trade and energy cooperation."
    let a = Sample.extract(text)
    let putin = try #require(a.person("Vladimir Putin"))
    #expect(putin.titles == ["President"])
    // Outside the years in office the gazetteer gives, no title is assumed.
    let old = Sample.extract(text.replacingOccurrences(of: "2024", with: "1995"))
    #expect(old.person("Vladimir Putin")?.titles.isEmpty ?? true)
}

@Test func knownPeoplesYearsInOfficeAreRead() {
    #expect(KnownPerson.years("2012-") == 2012...2100)
    #expect(KnownPerson.years("2013-2023") == 2013...2023)
    #expect(KnownPerson.years("1999") == 1999...1999)
    #expect(KnownPerson.years("") == nil)
}

@Test func aSpeakerLabelInCapitalsNamesAPerson() throws {
    let a = Sample.extract("""
        Remarks before their meeting

        January 17, 2024

        SECRETARY LOPES: I am delighted to welcome Foreign Secretary Karim Haddad here.

        FOREIGN SECRETARY HADDAD: Thank you.
        """)
    let lopes = try #require(a.people.first { $0.name.uppercased() == "LOPES" })
    #expect(lopes.aliases.contains("SECRETARY LOPES"))
    #expect(lopes.titles.map { $0.lowercased() } == ["secretary"])
    #expect(a.people.count == 2)
    let meeting = try #require(a.events.first { $0.type == "MEET" })
    #expect(meeting.participants.count == 2)
}

@Test func aOneWordTitleInLowerCaseAfterItsBodyNamesThePerson() throws {
    let a = Sample.extract("2024-06-19\nThe delegation included Deputy Prime Minister Ana Lopes and space agency head Karim Haddad, among others.")
    let haddad = try #require(a.people.first { $0.name == "Karim Haddad" })
    #expect(haddad.titles == ["head"])
    // Not after an article: "the head Office" is no title of a person.
    let b = Sample.extract("2024-06-19\nMinister Ana Lopes visited the head Office Building in Accra on Monday.")
    #expect(b.people.map(\.name) == ["Ana Lopes"])
}

@Test func coChairmenAndPluralConsulsGeneralAreTitles() throws {
    let a = Sample.extract("""
        2025-05-28
        In the afternoon the President received Kofi Boateng, the Executive Co-Chairman of the Board of Directors of Acme Mines Ltd. With him were Consul-Generals Lena Novak, Tomas Reyes and Kwame Mensah.
        """)
    #expect(a.people.first { $0.name == "Kofi Boateng" }?.titles.first?.hasPrefix("Executive Co-Chairman") == true)
    #expect(Set(a.people.map(\.name)).isSuperset(of: ["Lena Novak", "Tomas Reyes", "Kwame Mensah"]))
}

@Test func titleAndOneNameOfAKnownFigureGiveTheirCountry() {
    let a = Sample.extract("""
        2024-05-03
        Harare, May 3 -- President Mnangagwa received President Tshisekedi at State House on Friday.
        """)
    #expect(a.people.first { $0.name == "Tshisekedi" }?.country == "COD")
    #expect(a.people.first { $0.name == "Mnangagwa" }?.country == "ZWE")
}

@Test func oneNameWhoseKnownHolderLeftOfficeGivesNoCountry() {
    // The gazetteer's Chancellor of that name left office in 2025; in 2030 the title and name fix nobody.
    let a = Sample.extract("""
        2030-05-03
        Accra, May 3 -- Foreign Minister Ana Lopes met Chancellor Scholz of the Riverside Trust on Friday.
        """)
    #expect(a.people.first { $0.name == "Scholz" }?.country != "DEU")
}

@Test func listedNameAfterAnotherPersonsBodyIsAPerson() {
    let a = Sample.extract("2024-01-02\nThe mission included Senator Ana Lopes of the Kenya African National Union and Karim Haddad of the Convention People’s Party.")
    #expect(a.people.map(\.name).contains("Karim Haddad"))
}

@Test func countryNamedAfterEachListedAmbassadorIsTheirs() {
    let a = Sample.extract("2024-01-02\nMinister Kwame Mensah welcomed the new Ambassadors Ana Lopes of the Philippines and Karim Haddad of Kenya to Accra.")
    let countries = Dictionary(a.people.map { ($0.name, $0.country ?? "") }, uniquingKeysWith: { a, _ in a })
    #expect(countries["Ana Lopes"] == "PHL")
    #expect(countries["Karim Haddad"] == "KEN")
}

@Test func eachPersonListedAfterAPluralTitleHoldsIt() {
    let a = Sample.extract("2024-01-02\nThe minister also received Ambassadors Ana Lopes of Ghana, Karim Haddad of Kenya and Kwame Mensah of Togo.")
    for name in ["Karim Haddad", "Kwame Mensah"] {
        #expect(a.people.first { $0.name == name }?.titles == ["Ambassador"])
    }
}

@Test func aLowerCaseTitleBeforeAnHonorificIsThePersons() {
    let a = Sample.extract("2024-01-02\nKenyan special envoy Mr Karim Haddad paid a courtesy call on President Ana Lopes in Accra.")
    let envoy = a.people.first { $0.name == "Karim Haddad" }
    #expect(envoy?.titles.first?.lowercased().contains("special envoy") == true)
    #expect(envoy?.country == "KEN")
}

@Test func bodyNamedBeforeTheTitleIsTheHolders() throws {
    let a = Sample.extract("""
        2024-05-03
        KANU Chair Kwame Mensah met Ghanaian Ambassador Karim Haddad in Nairobi on 2 May. Party General Secretary Ama Owusu also attended the talks.
        """)
    let mensah = try #require(a.person("Kwame Mensah"))
    #expect(mensah.organization == "Kenya African National Union")
    #expect(mensah.country == "KEN")
    #expect(a.person("Karim Haddad")?.country == "GHA")
    // A lone "Party" refers back to some body; it does not make one the holder's.
    #expect(a.person("Ama Owusu")?.organization == nil)
}

@Test func arabicNamesPossessiveCountriesAndHyphenatedWords() throws {
    let a = Sample.extract("""
        2024-05-03
        Kenya's Foreign Minister Sheikh Omar Al Ali Al Mombasa met Ghana's Minister of Foreign Affairs and International Co-operation Ama Owusu in Nairobi on 2 May. Hassan Al Mombasa, the Minister of Interior, also attended.
        """)
    // A place's name after "Al" is still part of the name; the country before "'s" is the holder's; "Sheikh" is
    // written as part of the name, the bare form an alias.
    let omar = try #require(a.person("Sheikh Omar Al Ali Al Mombasa"))
    #expect(omar.aliases.contains("Omar Al Ali Al Mombasa"))
    #expect(omar.country == "KEN")
    #expect(a.person("Ama Owusu")?.country == "GHA")
    // "Co-operation" is no name.
    #expect(a.person("Co") == nil)
    // Another member of the family is another person.
    #expect(a.person("Hassan Al Mombasa") != nil)
    #expect(!omar.aliases.contains("Hassan Al Mombasa"))
}

@Test func aQuotedNicknameIsAnotherNameOfThePerson() throws {
    let a = Sample.extract("""
        2024-05-03
        Envoy Calls On President Kofi
        Ambassador Ana Lopes paid a courtesy call on President Kwame "Kofi" Mensah today. Later Prime Minister Karim Haddad 'Tembo' received her.
        """)
    let mensah = try #require(a.person("Kwame Mensah"))
    #expect(mensah.aliases.contains("Kofi"))
    #expect(a.person("Kofi") == nil)
    #expect(a.person("Karim Haddad")?.aliases.contains("Tembo") == true)
}

@Test func anHonorificTheGazetteerIncludesIsWrittenWithTheName() throws {
    // The gazetteer knows "Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah" as a form of the Emir's name.
    let a = Sample.extract("2024-05-03\nAna Lopes, Ghana's ambassador, called on Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah on 2 May 2024.")
    let amir = try #require(a.person("Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah"))
    #expect(amir.country == "KWT")
    #expect(amir.aliases.contains("Mishal Al-Ahmad Al-Jaber Al-Sabah"))
}

@Test func namesAfterAMeetingVerbAPluralTitleOrCounterpartsArePeople() {
    let a = Sample.extract("""
        2024-05-03
        Foreign Minister Ana Lopes met Kwame Mensah on Friday. She later met the Kenyan parliamentarians Karim Haddad and Peter Otieno.
        She received Open Letters from students. Her counterparts from Togo and Benin, Ama Owusu and Kofi Boateng, joined her.
        """)
    for name in ["Kwame Mensah", "Karim Haddad", "Peter Otieno", "Ama Owusu", "Kofi Boateng"] { #expect(a.person(name) != nil, "\(name)") }
    #expect(a.person("Open Letters") == nil)
    #expect(a.person("Karim Haddad")?.titles.first == "parliamentarian")
}

@Test func aListGoesOnAfterABracketedOfficeAndAPluralHonorific() {
    let a = Sample.extract("""
        2024-05-03
        Cde Ana Lopes is accompanied by politburo members Cdes Kwame Mensah (National Commissar), Karim Haddad (Secretary for External Affairs), Ama Owusu (Secretary for Youth) and others.
        """)
    for name in ["Kwame Mensah", "Karim Haddad", "Ama Owusu"] { #expect(a.person(name) != nil, "\(name)") }
    #expect(a.person("Cdes Kwame Mensah") == nil)
}

@Test func aNameWithItsCountryOnALineOfItsOwnIsAPerson() {
    let a = Sample.extract("""
        2024-05-03
        President Ana Lopes received letters of credence from newly accredited envoys. The envoys are:

        Kwame Mensah (Ghana)

        Karim Haddad (Kenya)
        """)
    #expect(a.person("Kwame Mensah")?.country == "GHA")
    #expect(a.person("Karim Haddad")?.country == "KEN")
}

@Test func predicateTitleWithAnOrdinalNamesTheOfficeAndCountry() throws {
    let a = Sample.extract("Accra, May 3 -- Mr Karim Haddad is the 12th Ambassador of Kenya to Ghana with residence in Accra. He met Minister Ana Lopes on Friday.")
    let haddad = try #require(a.person("Karim Haddad"))
    #expect(haddad.titles.contains("Ambassador of Kenya to Ghana"))
    #expect(haddad.country == "KEN")
}

@Test func ordinalInAnAppositionDoesNotSwallowATitleThatStartsWithIt() throws {
    let a = Sample.extract("Accra, May 3 -- Minister Ana Lopes was joined by Mr. Kwame Mensah, First Secretary and Mr. Karim Haddad, Second Secretary of the Embassy of Kenya in Ghana.")
    #expect(a.person("Kwame Mensah")?.titles.contains("First Secretary") == true)
}

@Test func pluralTitleHeadingGivesEachListedPersonTheOffice() throws {
    let a = Sample.extract("""
        Accra, May 3 -- President Kwame Mensah received the letters of credence of new envoys on Friday.

        High Commissioners:

        Ana Lopes (Kenya)

        Karim Haddad (Uganda)

        The following resident Ambassadors attended the lunch:

          • H.E. Otieno Barasa of the Republic of Kenya
          • H.E. Achieng Odhiambo of the Republic of Uganda
        """)
    #expect(a.person("Ana Lopes")?.titles == ["High Commissioner"])
    #expect(a.person("Karim Haddad")?.titles == ["High Commissioner"])
    #expect(a.person("Otieno Barasa")?.titles.first?.hasSuffix("Ambassador") == true)
    #expect(a.person("Achieng Odhiambo")?.titles.first?.hasSuffix("Ambassador") == true)
}

@Test func lowerCaseTitleAfterABodyGivesTheBodyAndItsCountry() throws {
    let a = Sample.extract("Nairobi, May 3 -- Minister Ana Lopes met visitors on Friday. Ghana News Agency chief Kwame Mensah said the talks were useful.")
    let mensah = try #require(a.person("Kwame Mensah"))
    #expect(mensah.organization == "Ghana News Agency")
    #expect(mensah.country == "GHA")
}

@Test func countryAdjectiveBeforeALowerCaseTitleAndACommaNamesTheCountry() throws {
    let a = Sample.extract("Accra, May 3 -- In her meeting with the Kenyan ambassador, Wanjiru Kamau, Minister Ana Lopes discussed trade.")
    let kamau = try #require(a.person("Wanjiru Kamau"))
    #expect(kamau.titles == ["ambassador"])
    #expect(kamau.country == "KEN")
}

@Test func aRoyalTitleBeforeTheNameIsWrittenWithIt() throws {
    let a = Sample.extract("King Kwame Boateng received the new envoy of Kenya at the palace on Tuesday, and Minister Ana Lopes attended.")
    let king = try #require(a.person("King Kwame Boateng"))
    #expect(king.titles.contains("King"))
    #expect(king.aliases.contains("Kwame Boateng"))
    #expect(a.person("Ana Lopes")?.aliases.contains("Minister Ana Lopes") == false)
}

@Test func anHonorificAfterAPortfolioOpensTheName() throws {
    let a = Sample.extract("Minister of Foreign Affairs Sheikh Karim bin Kofi Al-Haddad welcomed Minister Ana Lopes of Kenya in Accra on Monday.")
    let karim = try #require(a.person("Sheikh Karim bin Kofi Al-Haddad"))
    #expect(karim.titles == ["Minister of Foreign Affairs"])
    #expect(karim.aliases.contains("Karim bin Kofi Al-Haddad"))
}

@Test func aTitleCaseHeadlineVerbOfMotionIsNoName() {
    let a = Sample.extract("Ghanaian Foreign Minister Arrives in Nairobi\n\nNAIROBI, 4 March 2024 -- Foreign Minister Kwame Mensah of Ghana arrived in Nairobi on Monday for talks with Minister Ana Lopes.")
    #expect(a.person("Arrives") == nil)
    #expect(a.person("Kwame Mensah") != nil)
}

@Test func aPluralAcronymIsNoNameWord() {
    let tokens = Tokenizer().tokenize("MPs MLAs MEPs Mensah KWAME US Ms")
    #expect(tokens.map(NameShape.isPluralAcronym) == [true, true, true, false, false, false, false])
}

@Test func aCrownPrinceIsAnOfficeNotPartOfTheName() throws {
    let a = Sample.extract("Accra, May 3 -- Crown Prince Kofi Boateng of Ghana received Minister Ana Lopes of Kenya on Monday.")
    let kofi = try #require(a.person("Kofi Boateng"))
    #expect(kofi.titles.contains("Crown Prince"))
}

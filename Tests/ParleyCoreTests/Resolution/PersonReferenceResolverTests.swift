import Testing
@testable import ParleyCore

@Test func surnameAloneIsAnAlias() throws {
    let a = Sample.extract("Ambassador Karim Haddad met Minister Ana Lopes at the ministry on Monday to discuss trade. Haddad said both sides would benefit.")
    let haddad = try #require(a.person("Karim Haddad"))
    #expect(haddad.aliases.contains("Haddad"))
    #expect(a.people.count == 2)
}

@Test func shortFormOfAKnownLeaderIsAnAlias() throws {
    let a = Sample.extract("Minister Liu Jianchao met the visiting delegation in Nanjing on Wednesday to discuss party cooperation. Liu said the ties are strong.")
    #expect(try #require(a.person("Liu Jianchao")).aliases.contains("Liu"))
}

@Test func initialAndSurnameIsAnAlias() throws {
    let a = Sample.extract("Minister Ana Lopes received Deputy Chairman Tahir Budagov at the ministry on Monday. T. Budagov thanked the hosts for the warm welcome.")
    let budagov = try #require(a.person("Tahir Budagov"))
    #expect(budagov.aliases.contains("T. Budagov"))
    #expect(a.person("T. Budagov") == nil)
}

@Test func transliterationVariantWithInitialIsAnAlias() throws {
    let a = Sample.extract("Deputy Prime Minister Ali Ahmadov received Ambassador Zoltan Varga in Baku on Friday to discuss energy. A. Akhmedov noted the growing ties.")
    let ahmadov = try #require(a.person("Ali Ahmadov"))
    #expect(ahmadov.aliases.contains("A. Akhmedov"))
    #expect(a.people.count == 2)
}

@Test func differentInitialIsADifferentPerson() {
    let c = Sample.analyze("Minister Ana Lopes received Deputy Chairman Tahir Budagov at the ministry on Monday. K. Budagov was also present.")
    #expect(!c.people.contains { $0.aliases.contains("K. Budagov") && $0.name == "Tahir Budagov" })
}

@Test func skeletonMapsTransliterationVariantsTogether() {
    #expect(NameShape.skeleton("Ahmadov") == NameShape.skeleton("Akhmedov"))
    #expect(NameShape.skeleton("Sergey") == NameShape.skeleton("Sergei"))
    #expect(NameShape.skeleton("Aliyev") == NameShape.skeleton("Aliev"))
    #expect(NameShape.skeleton("Budagov") != NameShape.skeleton("Haddad"))
}

@Test func surnameInAHeadlineBeforeTheFullNameIsTheSamePerson() throws {
    let a = Sample.extract("""
        Foreign Minister Okonkwo receives the Chilean ambassador

        Abuja, 3 March 2025

        Foreign Minister Dr. Adaeze Okonkwo received today Ambassador Tomas Reyes of Chile at the ministry to discuss trade. Minister Okonkwo welcomed the growth of bilateral trade.
        """)
    let okonkwo = try #require(a.person("Adaeze Okonkwo"))
    #expect(okonkwo.aliases.contains("Okonkwo"))
    #expect(a.person("Okonkwo") == nil)
    #expect(a.events.allSatisfy { !$0.participants.contains("Okonkwo") })
}

@Test func surnameSharedByTwoFullNamesStaysApart() throws {
    let a = Sample.extract("""
        Minister Silva receives delegation

        Minister Ana Silva and Ambassador Pedro Silva received the visiting delegation in Lisbon on Monday to discuss trade.
        """)
    #expect(a.person("Ana Silva") != nil)
    #expect(a.person("Pedro Silva") != nil)
    #expect(a.person("Ana Silva")?.aliases.contains("Silva") != true)
}

@Test func twoWordsOfAFullerNameAreThatPerson() throws {
    let a = Sample.extract("""
        2024-05-02
        President Luis Alberto Ferreira Costa received Ambassador Karim Haddad at the palace on 1 May 2024 to discuss trade and investment.
        President Ferreira Costa said the two countries share a long history of friendship.
        """)
    let costa = try #require(a.person("Luis Alberto Ferreira Costa"))
    #expect(costa.aliases.contains("Ferreira Costa"))
    #expect(a.person("Ferreira Costa") == nil)
    #expect(a.people.count == 2)
}

@Test func aFathersNameAloneNamesAnotherPerson() {
    let a = Sample.extract("""
        2017-03-28
        Foreign Minister Karim Haddad met Foreign Minister Tariq Bin Salim Bin Kwame in Amman. Haddad also conveyed greetings to His Majesty King Kwame.
        """)
    #expect(a.person("Tariq Bin Salim Bin Kwame") != nil)
    #expect(a.person("Tariq Bin Salim Bin Kwame")?.aliases.contains("Kwame") == false)
}

@Test func doubleBarrelledSurnameOpeningWithTheSurnameIsTheSamePerson() throws {
    let a = Sample.extract("Accra, May 3 -- Minister Ama Mensah met Ambassador Karim Haddad in Accra on Friday. Ms Mensah-Addo said the talks were fruitful.")
    let mensah = try #require(a.person("Ama Mensah"))
    #expect(mensah.aliases.contains("Mensah-Addo"))
    #expect(a.person("Mensah-Addo") == nil)
}

import Testing
@testable import ParleyCore

@Test func royalOrMilitaryRankAfterTheOfficeIsNotPartOfIt() throws {
    let a = Sample.extract("Accra, May 3 -- Kenyan Minister of Foreign Affairs Prince Karim Haddad met Minister Ana Lopes in Accra on Friday. Chief of Police Brigadier General Kwame Mensah also attended.")
    #expect(a.person("Prince Karim Haddad")?.titles == ["Minister of Foreign Affairs"])
    #expect(a.person("Kwame Mensah")?.titles == ["Chief of Police"])
}

@Test func titlePrintedTwiceIsOneTitle() throws {
    let a = Sample.extract("Accra, May 3 -- Prime Minister Prime Minister Ana Lopes met Ambassador Karim Haddad in Accra on Friday.")
    #expect(a.person("Ana Lopes")?.titles == ["Prime Minister"])
}

@Test func secondOfficeJoinedByAndKeepsItsOwnRepeatedWord() throws {
    let a = Sample.extract("Accra, May 3 -- Minister Ana Lopes met Karim Haddad, member of the Central Committee of the Jubilee Party and member of the International Bureau of the Jubilee Party, on Friday.")
    #expect(a.person("Karim Haddad")?.titles.count == 2)
}

@Test func principalOfACollegeIsATitleNotPartOfTheCollegesName() throws {
    let a = Sample.extract("Accra, May 3 -- Minister Ana Lopes met Kwame Mensah, Principal of the Volta Technical College, on Friday.")
    #expect(a.person("Kwame Mensah")?.titles == ["Principal of the Volta Technical College"])
    #expect(a.organization("Volta Technical College") != nil)
}

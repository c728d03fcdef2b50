import Testing
@testable import ParleyCore

@Test func officialOfAnInternationalBodyRepresentsNoCountry() {
    let a = Sample.extract("""
        ACCRA, March 3 -- Foreign Minister Ana Lopes met with Kwame Mensah, Secretary General of the United Nations Conference on Trade and Development, in Accra on Tuesday.
        """)
    let mensah = a.people.first { $0.name == "Kwame Mensah" }
    #expect(mensah?.organization != nil)
    #expect(mensah?.country == nil)
    #expect(a.people.first { $0.name == "Ana Lopes" }?.country == "GHA")
}

@Test func envoyPostedToACountryIsNotOfIt() {
    let a = Sample.extract("""
        NAIROBI, March 3 -- Foreign Minister Karim Haddad received Ambassador to Kenya Kwame Mensah on Tuesday. They discussed trade between Ghana and Kenya.
        """)
    #expect(a.people.first { $0.name == "Kwame Mensah" }?.country == "GHA")
}

@Test func delegationLeaderNamedWithAPossessiveTakesTheDelegationsParty() {
    let a = Sample.extract("Havana, May 3 -- A delegation of the Progressive Party of Ghana led by its General Secretary Kwame Mensah was received by the Communist Party of Cuba.")
    let mensah = a.people.first { $0.name == "Kwame Mensah" }
    #expect(mensah?.organization == "Progressive Party of Ghana")
    #expect(mensah?.country == "GHA")
}

@Test func diplomatAccreditedToAnInternationalBodyKeepsTheSendingState() {
    let a = Sample.extract("""
        ACCRA, March 3 -- Foreign Minister Ana Lopes received Kwame Mensah, Permanent Representative to the United Nations, in Accra on Tuesday.
        """)
    #expect(a.people.first { $0.name == "Kwame Mensah" }?.country == "GHA")
}

@Test func envoyOfAnInternationalBodyOnACountryIsOfNeither() {
    let a = Sample.extract("""
        ACCRA, March 3 -- Foreign Minister Ana Lopes received Kwame Mensah, Special Envoy of the United Nations Secretary-General on Kenya, in Accra on Tuesday.
        """)
    #expect(a.people.first { $0.name == "Kwame Mensah" }?.country == nil)
}

@Test func delegationLeaderWithALowerCaseWordBeforeTheTitleTakesTheDelegationsParty() {
    let a = Sample.extract("Nairobi, May 3 -- A Jubilee Party delegation led by national chairperson Ms Wanjiru Kamau met Minister Ana Lopes on Friday in Nairobi.")
    #expect(a.person("Wanjiru Kamau")?.country == "KEN")
}

@Test func thoseWhoAccompanyAPersonAndTheirListAreOfTheirSide() {
    let a = Sample.extract("""
        Beijing, May 3 -- A Jubilee Party delegation led by Ms Wanjiru Kamau met Minister Li Wei on Friday in Beijing.
        Kamau is accompanied by party members Otieno Barasa (Secretary for Youth), Achieng Odhiambo (Secretary for Finance) and Kiprono Ruto.
        """)
    #expect(a.person("Otieno Barasa")?.country == "KEN")
    #expect(a.person("Achieng Odhiambo")?.country == "KEN")
}

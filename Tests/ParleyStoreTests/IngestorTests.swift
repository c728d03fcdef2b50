import ParleyCore
import ParleyStore
import Testing

// How ingesting resolves a document's people to people already stored, and joins its events to the
// events other documents already report.

@Suite struct PersonResolutionTests {
    @Test func sameFullNameInTwoDocumentsIsOnePerson() throws {
        try requirePeople("a", Releases.lavrovMoscowSide, [("Wang Yi", "CHN")])
        try requirePeople("b", Releases.lavrovBeijingSide, [("Wang Yi", "CHN")])
        let db = try TestStore()
        try db.ingest([("a", Releases.lavrovMoscowSide), ("b", Releases.lavrovBeijingSide)])
        let wang = try db.allPeople().filter { $0.name == "Wang Yi" }
        #expect(wang.count == 1)
        #expect(wang.first?.documents == 2)
    }

    @Test func nameCaseDoesNotMatter() throws {
        try requirePeople("a", Releases.xiUpperCase, [("XI Jinping", "CHN")])
        try requirePeople("b", Releases.xiMixedCase, [("Xi Jinping", "CHN")])
        let db = try TestStore()
        try db.ingest([("a", Releases.xiUpperCase), ("b", Releases.xiMixedCase)])
        let xi = try db.allPeople().filter { NameKeys($0.name).aliasKey == NameKeys("Xi Jinping").aliasKey }
        #expect(xi.count == 1)
        #expect(xi.first?.documents == 2)
        #expect(try db.person("XI Jinping").id == db.person("Xi Jinping").id)
    }

    @Test func nameOrderDoesNotMatter() throws {
        try requirePeople("a", Releases.hayashiFamilyNameFirst, [("HAYASHI Yoshimasa", "JPN")])
        try requirePeople("b", Releases.hayashiGivenNameFirst, [("Yoshimasa Hayashi", "JPN")])
        let db = try TestStore()
        try db.ingest([("a", Releases.hayashiFamilyNameFirst), ("b", Releases.hayashiGivenNameFirst)])
        let first = try db.person("HAYASHI Yoshimasa"), second = try db.person("Yoshimasa Hayashi")
        #expect(first.id == second.id)
        #expect(first.documents == 2)
        #expect(try db.allPeople().filter { $0.country == "JPN" }.count == 1)
    }

    @Test func transliterationVariantsOfAFirstNameAreOnePerson() throws {
        try requirePeople("a", Releases.lavrovMoscowSide, [("Sergey Lavrov", "RUS")])
        try requirePeople("b", Releases.lavrovBeijingSide, [("Sergei Lavrov", "RUS")])
        let db = try TestStore()
        try db.ingest([("a", Releases.lavrovMoscowSide), ("b", Releases.lavrovBeijingSide)])
        let lavrov = try db.person("Sergey Lavrov")
        #expect(try db.person("Sergei Lavrov").id == lavrov.id)
        #expect(lavrov.documents == 2)
        #expect(Set([lavrov.name] + lavrov.aliases) == ["Sergey Lavrov", "Sergei Lavrov"])
    }

    @Test func mohammedAndMuhammadWithTheSameSurnameAreOnePerson() throws {
        try requirePeople("a", Releases.rashidiMohammed, [("Mohammed Al-Rashidi", "EGY")])
        try requirePeople("b", Releases.rashidiMuhammad, [("Muhammad Al-Rashidi", "EGY")])
        let db = try TestStore()
        try db.ingest([("a", Releases.rashidiMohammed), ("b", Releases.rashidiMuhammad)])
        let egyptians = try db.allPeople().filter { $0.country == "EGY" }
        #expect(egyptians.count == 1)
        #expect(egyptians.first?.documents == 2)
    }

    @Test func initialFormFirstThenFullNameIsOnePerson() throws {
        try requirePeople("a", Releases.budagovInitial, [("T. Budagov", "AZE")])
        try requirePeople("b", Releases.budagovFullName, [("Tahir Budagov", "AZE")])
        let db = try TestStore()
        try db.ingest([("a", Releases.budagovInitial), ("b", Releases.budagovFullName)])
        let azerbaijanis = try db.allPeople().filter { $0.country == "AZE" }
        #expect(azerbaijanis.count == 1)
        #expect(azerbaijanis.first?.documents == 2)
    }

    @Test
    func fullNameReplacesAnInitialFormAsTheDisplayName() throws {
        let db = try TestStore()
        try db.ingest([("a", Releases.budagovInitial), ("b", Releases.budagovFullName)])
        #expect(try db.allPeople().filter { $0.country == "AZE" }.map(\.name) == ["Tahir Budagov"])
    }

    @Test func fullNameFirstThenInitialFormIsOnePerson() throws {
        let db = try TestStore()
        try db.ingest([("b", Releases.budagovFullName), ("a", Releases.budagovInitial)])
        let azerbaijanis = try db.allPeople().filter { $0.country == "AZE" }
        #expect(azerbaijanis.count == 1)
        #expect(azerbaijanis.first?.documents == 2)
        #expect(azerbaijanis.first?.name == "Tahir Budagov")
    }

    @Test func sameFullNameFromDifferentCountriesStaysApart() throws {
        try requirePeople("a", Releases.gonzalezChile, [("Maria Gonzalez", "CHL")])
        try requirePeople("b", Releases.gonzalezMexico, [("Maria Gonzalez", "MEX")])
        let db = try TestStore()
        try db.ingest([("a", Releases.gonzalezChile), ("b", Releases.gonzalezMexico)])
        let gonzalez = try db.allPeople().filter { $0.name == "Maria Gonzalez" }
        #expect(gonzalez.count == 2)
        #expect(Set(gonzalez.compactMap(\.country)) == ["CHL", "MEX"])
        #expect(gonzalez.allSatisfy { $0.documents == 1 })
    }

    @Test func sharedSurnameAloneIsNotTheSamePerson() throws {
        try requirePeople("a", Releases.petrovIvan, [("Ivan Petrov", "RUS")])
        try requirePeople("b", Releases.petrovNikolai, [("Nikolai Petrov", "RUS")])
        let db = try TestStore()
        try db.ingest([("a", Releases.petrovIvan), ("b", Releases.petrovNikolai)])
        let petrovs = try db.allPeople().filter { $0.name.hasSuffix("Petrov") }
        #expect(petrovs.count == 2)
        #expect(try db.person("Ivan Petrov").id != db.person("Nikolai Petrov").id)
    }

    @Test func resolvingTheSameReleaseTwiceUnderAnotherIdAddsNoPeople() throws {
        let db = try TestStore()
        try db.ingest("a", Releases.lavrovMoscowSide)
        let people = try db.store.stats().people
        try db.ingest("a-copy", Releases.lavrovMoscowSide)
        #expect(try db.store.stats().people == people)
    }
}

@Suite struct ResolutionReasonTests {
    /// The reasons a profile gives for each document's mention, by document id.
    func reasons(_ db: TestStore, _ name: String) throws -> [String: String] {
        Dictionary(try db.store.person(name).merges.map { ($0.documentId, $0.reason) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func firstMentionIsANewPersonAndTheSameNameSaysSo() throws {
        let db = try TestStore()
        try db.ingest([("a", Releases.lavrovMoscowSide), ("b", Releases.lavrovBeijingSide)])
        let why = try reasons(db, "Wang Yi")
        #expect(why["a"] == "new person")
        #expect(why["b"] == "same name as 'Wang Yi'")
    }

    @Test func transliterationReasonNamesTheDocumentsForm() throws {
        let db = try TestStore()
        try db.ingest([("a", Releases.lavrovMoscowSide), ("b", Releases.lavrovBeijingSide)])
        let why = try reasons(db, "Sergey Lavrov")
        #expect(why["a"] == "new person")
        #expect(why["b"] == "transliteration variant of 'Sergei Lavrov'")
    }

    @Test func initialFormReasonsInBothOrders() throws {
        let initialFirst = try TestStore()
        try initialFirst.ingest([("a", Releases.budagovInitial), ("b", Releases.budagovFullName)])
        #expect(try reasons(initialFirst, "Tahir Budagov")["b"] == "full name of 'T. Budagov'")

        let fullFirst = try TestStore()
        try fullFirst.ingest([("b", Releases.budagovFullName), ("a", Releases.budagovInitial)])
        #expect(try reasons(fullFirst, "Tahir Budagov")["a"] == "initial and surname of 'T. Budagov'")
    }

    @Test func profileListsOneReasonPerMention() throws {
        let db = try TestStore()
        try db.ingest([("a", Releases.hayashiFamilyNameFirst), ("b", Releases.hayashiGivenNameFirst)])
        let profile = try db.store.person("Yoshimasa Hayashi")
        #expect(profile.merges.count == 2)
        #expect(Set(profile.merges.map(\.name)) == ["HAYASHI Yoshimasa", "Yoshimasa Hayashi"])
        #expect(profile.merges.contains { $0.reason.hasPrefix("same name as") })
    }
}

@Suite struct EventMatchingTests {
    @Test func oneMeetingReportedByTwoDocumentsADayApartIsOneEvent() throws {
        let (_, a) = extracted("a", Releases.lavrovMoscowSide), (_, b) = extracted("b", Releases.lavrovBeijingSide)
        #expect(a.events.map(\.date) == ["2024-03-11"], "precondition: the Moscow side dates the talks 11 March")
        #expect(b.events.map(\.date) == ["2024-03-12"], "precondition: the Beijing side dates them 12 March")
        let db = try TestStore()
        try db.ingest([("a", Releases.lavrovMoscowSide), ("b", Releases.lavrovBeijingSide)])
        let events = try db.allEvents()
        #expect(events.count == 1)
        #expect(events.first?.sources.map(\.documentId) == ["a", "b"])
        #expect(events.first?.participants.count == 2)
    }

    @Test func aStateVisitAndTheTalksHeldDuringItAreTwoEvents() throws {
        let (_, visit) = extracted("visit", Releases.mwangiVisit), (_, talks) = extracted("talks", Releases.mensahTalks)
        #expect(visit.events.contains { $0.type == "VISIT" && $0.date == "2024-07-08" && $0.participants == ["Samuel Mwangi"] }, "precondition")
        #expect(talks.events.contains { $0.type == "MEET" && $0.date == "2024-07-08" }, "precondition")
        let db = try TestStore()
        try db.ingest([("visit", Releases.mwangiVisit), ("talks", Releases.mensahTalks)])
        let events = try db.allEvents()
        // FORMAT.md: a visit to a country is one happening, each meeting held during it another.
        let contact = events.filter { $0.type == "VISIT" || $0.type == "MEET" }
        #expect(contact.count == 2)
        // The talks' release speaks of "the visit": the guest's visit, the same happening as the visit's own release.
        #expect(contact.first { $0.type == "VISIT" }?.sources.map(\.documentId) == ["talks", "visit"])
        #expect(contact.first { $0.type == "MEET" }?.sources.map(\.documentId) == ["talks"])
        // The signing stays a separate event of its own kind.
        #expect(events.filter { $0.type == "SIGN" }.count == 1)
    }

    @Test func meetingsOfTheSamePeopleMonthsApartAreTwoEvents() throws {
        let db = try TestStore()
        try db.ingest([("talks", Releases.mensahTalks), ("summit", Releases.summitSidelines)])
        let meetings = try db.allEvents().filter { $0.type == "MEET" }
        #expect(meetings.count == 2)
        #expect(Set(meetings.compactMap(\.date)) == ["2024-07-08", "2024-11-14"])
        #expect(meetings.allSatisfy { $0.sources.count == 1 })
    }

    @Test func differentKindsOnTheSameDayStayApart() throws {
        let db = try TestStore()
        try db.ingest([("call", Releases.haddadCall), ("meeting", Releases.rashidiMohammed)])
        let events = try db.allEvents()
        #expect(Set(events.map(\.type)) == ["CALL", "MEET"])
        #expect(events.count == 2)
    }

    @Test func joinedEventKeepsBothPeopleOnce() throws {
        let db = try TestStore()
        try db.ingest([("a", Releases.lavrovMoscowSide), ("b", Releases.lavrovBeijingSide)])
        let event = try #require(try db.allEvents().first)
        #expect(Set(event.participants.map(\.id)).count == event.participants.count)
        #expect(Set(event.countries) == ["CHN", "RUS"])
    }
}

import ParleyCore
import ParleyStore
import Testing

// The read side: events by person, country pair, type, dates and place; people by country and name
// prefix; profiles; full-text search; counts. Each test ingests the small corpus into its own database.

/// A database holding `Releases.corpus`.
func corpusStore() throws -> TestStore {
    let db = try TestStore()
    try db.ingest(Releases.corpus)
    return db
}

func eventFilter(_ change: (inout EventFilter) -> Void) -> EventFilter {
    var f = EventFilter()
    change(&f)
    return f
}

@Suite struct EventQueryTests {
    @Test func corpusGivesTheExpectedEvents() throws {
        let db = try corpusStore()
        let events = try db.allEvents()
        // Talks in Beijing, talks in Tokyo, the Accra state visit, the host's talks during it and its signing,
        // the summit meeting and the summit's attendance (the meeting was held on its sidelines), the Tashkent
        // trilateral and the telephone call. The July signing has two
        // sources: the visit's release and the summit's, which recalls the agreements "they" signed then; so has the
        // state visit, which the host's talks speak of ("the visit").
        #expect(events.count == 9)
        #expect(events.map(\.sources.count).reduce(0, +) == 13)
    }

    @Test func eventsByPerson() throws {
        let db = try corpusStore()
        let events = try db.store.events(eventFilter { $0.person = "Kofi Mensah" })
        let mensah = try db.person("Kofi Mensah")
        // The host of the state visit is not its participant; his talks with the visitor, the signing, the summit meeting
        // and the summit on whose sidelines it was held are his.
        #expect(events.count == 4)
        #expect(events.allSatisfy { $0.participants.contains { $0.id == mensah.id } })
        #expect(Set(events.map(\.type)) == ["SIGN", "MEET", "ATTEND"])
    }

    @Test func eventsByPersonAcceptAnyOfTheirNamesOrTheirId() throws {
        let db = try corpusStore()
        let byOneName = try db.store.events(eventFilter { $0.person = "Sergei Lavrov" })
        let byOther = try db.store.events(eventFilter { $0.person = "Sergey Lavrov" })
        let id = try db.person("Sergey Lavrov").id
        let byID = try db.store.events(eventFilter { $0.person = "P\(id)" })
        #expect(byOneName.count == 1)
        #expect(byOneName == byOther)
        #expect(byOneName == byID)
    }

    @Test func eventsOfAnUnknownPersonIsNotFound() throws {
        let db = try corpusStore()
        #expect {
            try db.store.events(eventFilter { $0.person = "Ingrid Solberg" })
        } throws: { error in
            guard case StoreError.notFound(let what) = error else { return false }
            return what.contains("Ingrid Solberg")
        }
    }

    @Test func eventsByCountryPair() throws {
        let db = try corpusStore()
        let ghanaKenya = try db.store.events(eventFilter { $0.countries = ["GHA", "KEN"] })
        #expect(ghanaKenya.count == 5)
        #expect(ghanaKenya.allSatisfy { Set($0.countries).isSuperset(of: ["GHA", "KEN"]) })
        let japanKenya = try db.store.events(eventFilter { $0.countries = ["JPN", "KEN"] })
        #expect(japanKenya.count == 1)
        #expect(japanKenya.first?.place == "Tokyo")
        let kenya = try db.store.events(eventFilter { $0.countries = ["KEN"] })
        #expect(kenya.count == 6)
    }

    @Test func countryCodesAreCaseInsensitive() throws {
        let db = try corpusStore()
        #expect(try db.store.events(eventFilter { $0.countries = ["gha", "ken"] }).count == 5)
    }

    @Test func eventsByType() throws {
        let db = try corpusStore()
        let signings = try db.store.events(eventFilter { $0.type = "SIGN" })
        #expect(signings.count == 1)
        #expect(signings.first?.date == "2024-07-08")
        #expect(try db.store.events(eventFilter { $0.type = "call" }).map(\.type) == ["CALL"])
        #expect(try db.store.events(eventFilter { $0.type = "ANNOUNCE" }).isEmpty)
    }

    @Test func eventsByMonth() throws {
        let db = try corpusStore()
        let july = try db.store.events(eventFilter { $0.from = "2024-07"; $0.to = "2024-07" })
        #expect(Set(july.map(\.type)) == ["VISIT", "MEET", "SIGN"])
        #expect(july.allSatisfy { $0.date?.hasPrefix("2024-07") == true })
    }

    @Test func eventsByYear() throws {
        let db = try corpusStore()
        #expect(try db.store.events(eventFilter { $0.from = "2024"; $0.to = "2024" }).count == 9)
        #expect(try db.store.events(eventFilter { $0.from = "2025" }).isEmpty)
        #expect(try db.store.events(eventFilter { $0.to = "2023" }).isEmpty)
    }

    @Test func eventsFromAMonthOnwardAndUpToAMonth() throws {
        let db = try corpusStore()
        let fromAugust = try db.store.events(eventFilter { $0.from = "2024-08" })
        #expect(fromAugust.compactMap(\.date).sorted() == ["2024-08-22", "2024-09-19", "2024-11-14", "2024-11-14"])
        let untilMarch = try db.store.events(eventFilter { $0.to = "2024-03" })
        #expect(untilMarch.compactMap(\.date) == ["2024-03-11"])
    }

    @Test func eventsOnOneDay() throws {
        let db = try corpusStore()
        let day = try db.store.events(eventFilter { $0.from = "2024-04-19"; $0.to = "2024-04-19" })
        #expect(day.count == 1)
        #expect(day.first?.place == "Tokyo")
    }

    @Test func eventsByPlaceIgnoreCase() throws {
        let db = try corpusStore()
        let accra = try db.store.events(eventFilter { $0.place = "accra" })
        #expect(Set(accra.map(\.type)) == ["VISIT", "MEET", "SIGN"])
        #expect(try db.store.events(eventFilter { $0.place = "Tashkent" }).count == 1)
        #expect(try db.store.events(eventFilter { $0.place = "Nowhere" }).isEmpty)
    }

    @Test func filtersCombineWithAnd() throws {
        let db = try corpusStore()
        let events = try db.store.events(eventFilter { $0.person = "Kofi Mensah"; $0.type = "MEET"; $0.place = "Addis Ababa" })
        #expect(events.count == 1)
        #expect(events.first?.date == "2024-11-14")
    }

    @Test func newestEventsComeFirstAndLimitCuts() throws {
        let db = try corpusStore()
        let all = try db.allEvents()
        let dates = all.compactMap(\.date)
        #expect(dates == dates.sorted(by: >))
        let two = try db.store.events(eventFilter { $0.limit = 2 })
        #expect(two == Array(all.prefix(2)))
    }

    @Test func eventSourcesPointAtTheirEvidence() throws {
        let db = try corpusStore()
        let call = try #require(try db.store.events(eventFilter { $0.type = "CALL" }).first)
        let source = try #require(call.sources.first)
        #expect(source.documentId == "haddad-call")
        #expect(source.evidence.contains("telephone conversation"))
        #expect(source.end > source.start)
        let text = Releases.haddadCall
        let scalars = Array(text.unicodeScalars)
        #expect(source.end <= scalars.count)
        let span = String(String.UnicodeScalarView(scalars[source.start..<source.end]))
        #expect(span == source.evidence)
    }
}

@Suite struct PeopleQueryTests {
    @Test func peopleByCountry() throws {
        let db = try corpusStore()
        let kenyans = try db.store.people(search: nil, country: "KEN", organization: nil, limit: 100)
        #expect(kenyans.map(\.name).sorted() == ["Amina Wanjiru", "Samuel Mwangi"])
        #expect(try db.store.people(search: nil, country: "ken", organization: nil, limit: 100).count == 2)
    }

    @Test func peopleByNamePrefix() throws {
        let db = try corpusStore()
        #expect(try db.store.people(search: "Mwa", country: nil, organization: nil, limit: 100).map(\.name) == ["Samuel Mwangi"])
        #expect(try db.store.people(search: "Serg Lav", country: nil, organization: nil, limit: 100).map(\.name)
                    .allSatisfy { $0.hasSuffix("Lavrov") })
        #expect(try db.store.people(search: "Serg Lav", country: nil, organization: nil, limit: 100).count == 1)
        #expect(try db.store.people(search: "Yoshi", country: nil, organization: nil, limit: 100).count == 1)
        #expect(try db.store.people(search: "Zzyzx", country: nil, organization: nil, limit: 100).isEmpty)
    }

    @Test func peopleSearchAndCountryCombine() throws {
        let db = try corpusStore()
        #expect(try db.store.people(search: "Samuel", country: "GHA", organization: nil, limit: 100).isEmpty)
        #expect(try db.store.people(search: "Samuel", country: "KEN", organization: nil, limit: 100).count == 1)
    }

    @Test func peopleAreSortedByNameAndLimited() throws {
        let db = try corpusStore()
        let all = try db.allPeople()
        #expect(all.count == 11)
        #expect(all.map(\.name) == all.map(\.name).sorted())
        #expect(try db.store.people(search: nil, country: nil, organization: nil, limit: 3) == Array(all.prefix(3)))
    }

    @Test func profileHasCounterpartsTitlesAndTimeline() throws {
        let db = try corpusStore()
        let profile = try db.store.person("Kofi Mensah")
        #expect(profile.person.country == "GHA")
        #expect(profile.person.documents == 3)
        #expect(profile.titles.map(\.title).contains("President"))
        let counterpart = try #require(profile.counterparts.first)
        #expect(counterpart.name == "Samuel Mwangi")
        // Their talks during the state visit, the signing, the summit meeting and the summit's attendance.
        #expect(counterpart.events == 4)
        let dates = profile.timeline.compactMap(\.date)
        #expect(dates == dates.sorted())
        #expect(profile.timeline.count == 4)
    }

    @Test func personByIdWithAndWithoutP() throws {
        let db = try corpusStore()
        let wang = try db.person("Wang Yi")
        #expect(try db.person("P\(wang.id)") == wang)
        #expect(try db.person("\(wang.id)") == wang)
    }

    @Test func unknownPersonIsNotFoundAndNamed() throws {
        let db = try corpusStore()
        #expect {
            try db.store.person("Ingrid Solberg")
        } throws: { error in
            guard let e = error as? StoreError, case .notFound = e else { return false }
            return e.description.contains("Ingrid Solberg")
        }
    }
}

@Suite struct SearchAndStatsTests {
    @Test func searchBracketsTheMatchedWord() throws {
        let db = try corpusStore()
        let hits = try db.store.search("geothermal", limit: 10)
        #expect(Set(hits.map(\.documentId)) == ["hayashi-tokyo", "hayashi-nairobi"])
        #expect(hits.allSatisfy { $0.snippet.contains("[geothermal]") })
        #expect(hits.allSatisfy { $0.title?.isEmpty == false })
    }

    @Test func searchMatchesWordStems() throws {
        let db = try corpusStore()
        let hits = try db.store.search("agreement", limit: 10)
        #expect(Set(hits.map(\.documentId)) == ["mwangi-visit", "summit-sidelines"])
        #expect(hits.allSatisfy { $0.snippet.contains("[agreements]") })
    }

    @Test func searchNeedsEveryWord() throws {
        let db = try corpusStore()
        #expect(try db.store.search("humanitarian aid", limit: 10).map(\.documentId) == ["haddad-call"])
        #expect(try db.store.search("humanitarian geothermal", limit: 10).isEmpty)
    }

    @Test func searchWithoutWordsOrHitsIsEmpty() throws {
        let db = try corpusStore()
        #expect(try db.store.search("", limit: 10).isEmpty)
        #expect(try db.store.search("zeppelin", limit: 10).isEmpty)
    }

    @Test func searchLimitCuts() throws {
        let db = try corpusStore()
        #expect(try db.store.search("ministers", limit: 1).count == 1)
    }

    @Test func statsCountWhatTheQueriesReturn() throws {
        let db = try corpusStore()
        let stats = try db.store.stats()
        let events = try db.allEvents()
        #expect(stats.documents == Releases.corpus.count)
        #expect(stats.people == 11)
        #expect(stats.people == (try db.allPeople()).count)
        #expect(stats.events == events.count)
        #expect(stats.eventSources == events.map(\.sources.count).reduce(0, +))
        #expect(stats.eventsByType == Dictionary(grouping: events, by: \.type).mapValues(\.count))
        #expect(stats.eventsByType["MEET"] == 5)
        #expect((stats.databaseBytes ?? 0) > 0)
    }
}

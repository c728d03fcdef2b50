import Testing
@testable import ParleyCore

@Test func meetingTakesDateFromDatelineAndPlaceFromHere() throws {
    let a = Sample.extract("2024.11.14\n\nNanjing, November 13th\u{2014}Minister Liu Jianchao met here with a visiting delegation of the New Azerbaijan Party led by Deputy Chairman Tahir Budagov.")
    let e = try #require(a.events.first)
    #expect(a.events.count == 1)
    #expect(e.type == "MEET")
    #expect(e.date == "2024-11-13")
    #expect(e.place == "Nanjing")
    #expect(Set(e.participants) == ["Liu Jianchao", "Tahir Budagov"])
    #expect(e.organizations.contains("New Azerbaijan Party"))
    #expect(e.reported == false)
}

@Test func visitAndMeetingInOneSentenceAreOneEvent() throws {
    let a = Sample.extract("2024-05-02\nOn 1 May 2024, Foreign Minister Ivan Horvat visited the headquarters of the African Union in Addis Ababa and met with Chairperson Moussa Faki to discuss the partnership.")
    #expect(a.events.count == 1)
    let e = try #require(a.events.first)
    #expect(["VISIT", "MEET"].contains(e.type))
    #expect(e.date == "2024-05-01")
    #expect(e.place == "Addis Ababa")
    #expect(Set(e.participants) == ["Ivan Horvat", "Moussa Faki"])
}

@Test func callBetweenTheHeadsOfTheTwoStatesNamesBothPresidents() throws {
    let a = Sample.extract("""
        2023-03-10
        President Emmerson Mnangagwa sent a message to President Hage Geingob on the occasion of the national day of Namibia.
        Later, the heads of the two states held a telephone conversation to discuss regional integration and trade.
        """)
    let call = try #require(a.events.first { $0.type == "CALL" })
    #expect(Set(call.participants) == ["Emmerson Mnangagwa", "Hage Geingob"])
    #expect(call.date == "2023-03-10")
}

@Test func signingAfterAMeetingIsItsOwnEvent() throws {
    let a = Sample.extract("""
        2024-11-14
        On November 12, 2024, Deputy Foreign Minister Nguyen Minh Hang met with Ambassador Andrei Petrov in Hanoi to review preparations for the anniversary.
        After the meeting, the two sides signed a memorandum of understanding on cultural exchanges.
        """)
    #expect(a.events.map(\.type) == ["MEET", "SIGN"])
    let sign = try #require(a.events.last)
    #expect(Set(sign.participants) == ["Nguyen Minh Hang", "Andrei Petrov"])
    #expect(sign.date == "2024-11-12")
}

@Test func congratulatoryMessageIsAMessage() throws {
    let a = Sample.extract("( 2017.05.25 )\nPresident Nana Akufo-Addo sent a congratulatory message to President Bola Tinubu on his inauguration, the presidency said on Thursday.\nBoth sides were pleased.")
    let e = try #require(a.events.first)
    #expect(e.type == "MESSAGE")
    #expect(Set(e.participants) == ["Nana Akufo-Addo", "Bola Tinubu"])
    #expect(e.date == "2017-05-25")
}

@Test func condolenceMessageHasTheCondolenceCode() throws {
    let a = Sample.extract("2024-02-06\nPresident Ana Lopes sent a message of condolence to President Karim Haddad on 5 February 2024 after the earthquake in the north of the country.")
    let e = try #require(a.events.first)
    #expect(e.type == "MESSAGE")
    #expect(e.cameo == "018")
}

@Test func attendingAForumIsAttend() throws {
    let a = Sample.extract("2017-05-26\nPresident Cyril Ramaphosa attended the Africa Forum on Trade and Development in Addis Ababa on 24 May 2017 and delivered a keynote address.")
    let e = try #require(a.events.first)
    #expect(e.type == "ATTEND")
    #expect(e.participants == ["Cyril Ramaphosa"])
    #expect(e.date == "2017-05-24")
    #expect(e.place == "Addis Ababa")
}

@Test func hostingASummitIsHost() throws {
    let a = Sample.extract("2024-07-20\nKazakhstan successfully hosted the SCO Summit in Astana on 4 July 2024, bringing together the leaders of the member states for two days of talks.")
    let e = try #require(a.events.first)
    #expect(e.type == "HOST")
    #expect(e.countries.contains("KAZ"))
    #expect(e.place == "Astana")
    #expect(e.date == "2024-07-04")
}

@Test func announcingAnUpgradeIsAnnounce() throws {
    let a = Sample.extract("2020-07-04\nPresident Joko Widodo and Prime Minister Narendra Modi announced the upgrade of bilateral relations to a comprehensive strategic partnership in Jakarta on July 3, 2020.")
    let e = try #require(a.events.first)
    #expect(e.type == "ANNOUNCE")
    #expect(Set(e.participants) == ["Joko Widodo", "Narendra Modi"])
    #expect(e.date == "2020-07-03")
}

@Test func eventInReportedSpeechIsReported() throws {
    let a = Sample.extract("""
        2024-05-02
        Today Secretary Luis Ortega met with Minister Dao Van Binh in Hanoi to discuss maritime cooperation and trade between the two countries.
        Secretary Luis Ortega said, "We held talks with Minister Anan Wongsa in Bangkok in March last year."
        """)
    #expect(a.events.count == 2)
    let main = try #require(a.events.first { !$0.reported })
    #expect(main.date == "2024-05-02")
    let reported = try #require(a.events.first { $0.reported })
    #expect(reported.participants.contains("Anan Wongsa"))
    #expect(reported.date == "2023-03")
    #expect(reported.place == "Bangkok")
}

@Test func willVisitIsNotAnEvent() {
    let a = Sample.extract("2022-06-01\nForeign Minister Sergey Lavrov will visit Hanoi next week for consultations with Foreign Minister Bui Thanh Son, the ministry said.\nBoth sides expect progress.")
    #expect(a.events.isEmpty)
}

@Test
func willVisitIsKeptAsPlanned() {
    let a = Sample.extract("2022-06-01\nForeign Minister Sergey Lavrov will visit Hanoi next week for consultations with Foreign Minister Bui Thanh Son, the ministry said.\nBoth sides expect progress.")
    #expect(a.planned.contains { $0.type == "VISIT" && $0.participants.contains("Sergey Lavrov") })
}

@Test func scheduledCallIsPlannedNotAnEvent() throws {
    let a = Sample.extract("2024-05-02\nMinister Dao Van Binh is scheduled to pay a courtesy call on President Maria Lopez of Chile in Santiago next month.\nThe two ministers discussed the trip.")
    #expect(a.events.isEmpty)
    let p = try #require(a.planned.first)
    #expect(p.type == "MEET")
    #expect(Set(p.participants) == ["Dao Van Binh", "Maria Lopez"])
}

@Test func wasPresentAddsAParticipant() throws {
    let a = Sample.extract("2024.11.14\n\nNanjing, November 13th\u{2014}Minister Liu Jianchao met here with a visiting delegation of the New Azerbaijan Party led by Deputy Chairman Tahir Budagov.\nAmbassador Wang Lin was also present.")
    #expect(a.events.count == 1)
    #expect(try #require(a.events.first).participants.contains("Wang Lin"))
}

@Test func meetingCarriesCameoAndPloverCodes() throws {
    let a = Sample.extract("2024-05-02\nMinister Ana Lopes met with Ambassador Karim Haddad on 1 May 2024 at the ministry to discuss trade and investment between the two countries.")
    let e = try #require(a.events.first)
    #expect(e.cameo == "040")
    #expect(e.plover == "CONSULT")
    #expect(e.ploverMode == "meet")
    #expect(e.cameoLabel?.isEmpty == false)
}

@Test func everyEventHasCodesEvidenceAndConfidence() {
    let a = Sample.extract("""
        2024-11-14
        On November 12, 2024, Deputy Foreign Minister Nguyen Minh Hang met with Ambassador Andrei Petrov in Hanoi to review preparations for the anniversary.
        After the meeting, the two sides signed a memorandum of understanding on cultural exchanges.
        """)
    #expect(!a.events.isEmpty)
    for e in a.events {
        #expect(e.cameo != nil && e.plover != nil)
        #expect(!e.evidence.isEmpty)
        #expect(e.confidence > 0 && e.confidence <= 1)
    }
}

@Test func hypotheticalContactIsDropped() {
    let a = Sample.extract("2024-05-02\nMinister Ana Lopes said she is ready to hold talks with Ambassador Karim Haddad whenever the schedule allows it.\nNothing else was said.")
    #expect(a.events.isEmpty)
    #expect(a.planned.isEmpty)
}

@Test func textWithoutTriggersHasNoEvents() {
    let a = Sample.extract("Minister Ana Lopes said the economy grew by three percent last year thanks to strong exports of coffee and cocoa.")
    #expect(a.events.isEmpty)
}

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

@Test func contactWithNobodyActingIsDropped() {
    let a = Sample.extract("2024-05-02\nTalks on fisheries were held in Accra on 1 May 2024, and a memorandum was signed afterwards.")
    #expect(a.events.isEmpty)
}

@Test func relationsAreDatedByTheirAnniversaryOrByYearsAgo() throws {
    // An announcement stands without anybody acting.
    let anniversary = Sample.extract("2024-05-02\nThis year marks the 60th anniversary of the establishment of diplomatic relations between Ruritania and Ghana.")
    let e = try #require(anniversary.events.first)
    #expect(e.type == "ANNOUNCE")
    #expect(e.date == "1964")
    #expect(e.participants.isEmpty)
    let ago = Sample.extract("2024-05-02\nGhana and Portugal established diplomatic ties 40 years ago, Minister Ana Lopes recalled at the reception.")
    let f = try #require(ago.events.first)
    #expect(f.type == "ANNOUNCE")
    #expect(f.date == "1984")
}

@Test func meetingsWithCounterpartsRespectivelyOrSeparatelyAreOnePerCounterpart() {
    for marker in ["met separately with Ambassador Karim Haddad and Ambassador Lena Novak at the ministry.",
                   "met with Ambassador Karim Haddad and Ambassador Lena Novak respectively."] {
        let a = Sample.extract("2024-05-02\nOn 1 May 2024, Minister Ana Lopes " + marker)
        #expect(a.events.map(\.type) == ["MEET", "MEET"])
        #expect(a.events.map { Set($0.participants) } == [["Ana Lopes", "Karim Haddad"], ["Ana Lopes", "Lena Novak"]])
        #expect(a.events.allSatisfy { $0.date == "2024-05-01" })
    }
}

@Test func meetingWithThreeCounterpartsIsOnePerCounterpartButTwoStayTogether() {
    let three = Sample.extract("2024-05-02\nOn 1 May 2024, Minister Ana Lopes met with Ambassador Karim Haddad, Ambassador Lena Novak and Ambassador Tomas Reyes at the ministry.")
    #expect(three.events.count == 3)
    #expect(three.events.allSatisfy { $0.type == "MEET" && $0.participants.count == 2 && $0.participants.contains("Ana Lopes") })
    #expect(Set(three.events.flatMap(\.participants)) == ["Ana Lopes", "Karim Haddad", "Lena Novak", "Tomas Reyes"])
    let two = Sample.extract("2024-05-02\nOn 1 May 2024, Minister Ana Lopes met with Ambassador Karim Haddad and Ambassador Lena Novak at the ministry.")
    #expect(two.events.count == 1)
    #expect(Set(two.events.first?.participants ?? []) == ["Ana Lopes", "Karim Haddad", "Lena Novak"])
}

@Test func countryVisitIsTheVisitorsOwnEventApartFromTheMeeting() throws {
    for text in ["On 1 May 2024, Foreign Minister Ana Lopes paid an official visit to Ghana and held talks with President Kwame Mensah in Accra.",
                 "Foreign Minister Ana Lopes, who is visiting Ghana at the invitation of the government, met with President Kwame Mensah in Accra on 1 May 2024."] {
        let a = Sample.extract("2024-05-02\n" + text)
        #expect(a.events.count == 2)
        let visit = try #require(a.events.first { $0.type == "VISIT" })
        #expect(visit.participants == ["Ana Lopes"])
        #expect(visit.countries == ["GHA"])
        let meet = try #require(a.events.first { $0.type == "MEET" })
        #expect(Set(meet.participants) == ["Ana Lopes", "Kwame Mensah"])
        #expect(meet.date == "2024-05-01" && visit.date == "2024-05-01")
    }
}

@Test func herVisitIsTheNearestPersonsBeforeIt() throws {
    let a = Sample.extract("2024-05-02\nPresident Kwame Mensah received Foreign Minister Ana Lopes in Accra on 1 May 2024 on the occasion of her visit to Ghana.")
    let visit = try #require(a.events.first { $0.type == "VISIT" })
    #expect(visit.participants == ["Ana Lopes"])
    let meet = try #require(a.events.first { $0.type == "MEET" })
    #expect(Set(meet.participants) == ["Kwame Mensah", "Ana Lopes"])
}

@Test func speechAboutTheGuestsCurrentVisitIsNotReported() throws {
    let a = Sample.extract("""
        2024-05-02
        President Kwame Mensah met with Minister Ana Lopes in Accra on 1 May 2024 to discuss trade.
        Lopes said her visit to Ghana this time aims to deepen the friendship between the two peoples.
        """)
    let visit = try #require(a.events.first { $0.type == "VISIT" })
    #expect(visit.participants == ["Ana Lopes"])
    #expect(visit.reported == false)
    #expect(visit.date == "2024-05-01")
}

@Test func delegationMembersJoinTheVisitAndTheMeeting() throws {
    for members in ["Minister Ana Lopes was accompanied by Deputy Minister Rui Costa and Ambassador Marta Pires.",
                    "The delegation included Deputy Minister Rui Costa and Ambassador Marta Pires."] {
        let a = Sample.extract("""
            2024-05-02
            On 1 May 2024, Foreign Minister Ana Lopes paid an official visit to Ghana and held talks with President Kwame Mensah in Accra on trade and investment.
            \(members)
            """)
        let visit = try #require(a.events.first { $0.type == "VISIT" })
        #expect(Set(visit.participants) == ["Ana Lopes", "Rui Costa", "Marta Pires"])
        let meet = try #require(a.events.first { $0.type == "MEET" })
        #expect(Set(meet.participants) == ["Ana Lopes", "Kwame Mensah", "Rui Costa", "Marta Pires"])
        #expect(a.events.count == 2)
    }
}

@Test func leadSentenceDateDatesTheHappeningOfALaterSentence() throws {
    // 2024-05-03 is a Friday: "on Wednesday" is 1 May.
    let a = Sample.extract("""
        2024-05-03
        Minister Ana Lopes on Wednesday said the partnership with Ghana keeps growing in trade, investment and education.
        Minister Ana Lopes made the remarks as she held talks with Ambassador Karim Haddad at the ministry.
        """)
    let e = try #require(a.events.first)
    #expect(e.type == "MEET")
    #expect(e.date == "2024-05-01")
    #expect(e.reported == false)
}

@Test func definiteNounPhraseRefersBackToTheReportedHappening() {
    let a = Sample.extract("""
        2024-05-02
        Foreign Minister Ana Lopes held a telephone conversation with Foreign Minister Karim Haddad on 1 May 2024 to discuss the situation in the region.
        The telephone conversation came days after the two ministers signed a trade agreement.
        """)
    let calls = a.events.filter { $0.type == "CALL" }
    #expect(calls.count == 1)
    #expect(Set(calls.first?.participants ?? []) == ["Ana Lopes", "Karim Haddad"])
}

@Test func attendingSeveralGatheringsIsOneEventPerGathering() {
    let a = Sample.extract("2024-05-02\nForeign Minister Ana Lopes attended the ASEAN Regional Forum and the East Asia Summit in Vientiane on 1 May 2024.")
    #expect(a.events.map(\.type) == ["ATTEND", "ATTEND"])
    #expect(a.events.map(\.organizations) == [["ASEAN Regional Forum"], ["East Asia Summit"]])
    #expect(a.events.allSatisfy { $0.participants == ["Ana Lopes"] && $0.date == "2024-05-01" && $0.place == "Vientiane" })
}

@Test func visitingDelegationsBodyIsTheVisitsOrganization() throws {
    let a = Sample.extract("2024-05-02\nA Ruritanian Progressive Party delegation led by Mayor Ana Lopes visited Ghana on 1 May 2024 at the invitation of the ruling party.")
    let visit = try #require(a.events.first)
    #expect(visit.type == "VISIT")
    #expect(visit.participants == ["Ana Lopes"])
    #expect(visit.organizations == ["Ruritanian Progressive Party"])
}

@Test func cableAndItsReplyAreTwoMessages() {
    let a = Sample.extract("""
        2024-05-02
        On 1 May 2024, President Kwame Mensah sent a congratulatory cable to President Ana Lopes on her re-election as head of state.
        President Ana Lopes sent a cable of thanks to President Kwame Mensah the same day.
        """)
    #expect(a.events.map(\.type) == ["MESSAGE", "MESSAGE"])
    #expect(a.events.map(\.participants) == [["Kwame Mensah", "Ana Lopes"], ["Ana Lopes", "Kwame Mensah"]])
}

@Test func aVisitorNamedAsVisitingHasAVisitOfTheirOwn() throws {
    let a = Sample.extract("2024-05-02\nOn 1 May 2024, President Kwame Mensah met with visiting Ruritanian Foreign Minister Ana Lopes at the Jubilee House in Accra.")
    let visit = try #require(a.events.first { $0.type == "VISIT" })
    #expect(visit.participants == ["Ana Lopes"])
    #expect(visit.date == "2024-05-01")
    #expect(a.events.contains { $0.type == "MEET" && Set($0.participants) == ["Kwame Mensah", "Ana Lopes"] })
    // "who is visiting Ghana, met with President Kwame Mensah": the host is no visitor.
    let b = Sample.extract("2024-05-02\nOn 1 May 2024, Foreign Minister Ana Lopes, who is visiting Ghana, met with President Kwame Mensah in Accra.")
    #expect(!b.events.contains { $0.type == "VISIT" && $0.participants.contains("Kwame Mensah") })
}

@Test func aHappeningWithoutItsOwnDateTakesADayWithinTheMainEventsMonth() throws {
    let a = Sample.extract("""
        2024-05-12
        In May 2024, Foreign Minister Ana Lopes met with Ambassador Karim Haddad at the ministry in Accra to review the trade agreement.
        Foreign Minister Ana Lopes also held a telephone conversation with Foreign Minister Lena Novak of Ruritania.
        """)
    let call = try #require(a.events.first { $0.type == "CALL" })
    #expect(call.date == "2024-05-12")
}

@Test func aDateInsideARelativeClauseOfTheLeadDoesNotDateTheStory() throws {
    let a = Sample.extract("""
        2025-03-29
        Foreign Minister Ana Lopes has sent a message of condolence to Foreign Minister Lena Novak of Ruritania over the floods that struck the capital yesterday.
        """)
    let message = try #require(a.events.first { $0.type == "MESSAGE" })
    #expect(message.date == "2025-03-29")
}

@Test func greetingsRelayedFromSomeoneElseAreNoMessage() {
    let a = Sample.extract("""
        2024-10-22
        On October 22, Prime Minister Kwame Mensah received Minister of Trade of Ruritania Karim Haddad in Accra.
        Minister Karim Haddad conveyed the greetings of President Lena Novak to the Prime Minister.
        """)
    #expect(!a.events.contains { $0.type == "MESSAGE" })
    #expect(a.events.contains { $0.type == "MEET" })
}

@Test func aCallNamedAfterInAIsTheClausesOwnHappening() throws {
    let a = Sample.extract("""
        2025-04-04
        President Tomas Reyes of Ghana told President Lena Novak of Kenya in a telephone conversation about his trip to Lagos.
        """)
    let call = try #require(a.events.first { $0.type == "CALL" })
    #expect(Set(call.participants) == ["Tomas Reyes", "Lena Novak"])
    #expect(!a.events.contains { $0.type == "MEET" })
}

@Test func aDelegationLedToAttendAGatheringVisitsAndAttends() throws {
    let a = Sample.extract("""
        2024-06-18
        Kwame Mensah, Secretary General of the Ghana Labour Party, led a party delegation to Kenya to attend the Regional Parties Forum in Nairobi.
        """)
    let visit = try #require(a.events.first { $0.type == "VISIT" })
    let attendance = try #require(a.events.first { $0.type == "ATTEND" })
    #expect(visit.participants == ["Kwame Mensah"])
    #expect(attendance.participants == ["Kwame Mensah"])
    // A delegation that came only to visit attends nothing.
    let b = Sample.extract("""
        2024-06-18
        Kwame Mensah, Secretary General of the Ghana Labour Party, led a party delegation to Kenya from June 15 to 18.
        """)
    #expect(!b.events.contains { $0.type == "ATTEND" })
}

@Test func theyAfterATwoSidedEventAreItsPeopleAndSignersAnnounceTheRelations() throws {
    let a = Sample.extract("""
        Ghana and Kenya establish diplomatic relations
        2024-09-21
        Ghana and Kenya established diplomatic relations on Saturday. Foreign Minister Ana Lopes of Ghana held talks with Foreign Minister Karim Haddad of Kenya in Accra.
        After the talks, they signed a joint communique on the establishment of diplomatic relations.
        """)
    let signing = try #require(a.events.first { $0.type == "SIGN" })
    #expect(Set(signing.participants) == ["Ana Lopes", "Karim Haddad"])
    let relations = try #require(a.events.first { $0.type == "ANNOUNCE" && !($0.reported ?? false) })
    #expect(Set(relations.participants) == ["Ana Lopes", "Karim Haddad"])
}

@Test func aStatementCongratulatingSomeoneIsAMessage() throws {
    let a = Sample.extract("""
        2024-03-27
        Ana Lopes, leader of the Ghana Labour Party, issued a statement congratulating Foreign Minister Karim Haddad of Kenya on his election as party chairman.
        """)
    let message = try #require(a.events.first { $0.type == "MESSAGE" })
    #expect(Set(message.participants) == ["Ana Lopes", "Karim Haddad"])
}

@Test func aVisitingDelegationsListedMembersVisitAndMeetTheirHost() throws {
    let a = Sample.extract("""
        Labour Party delegation visits Kenya
        2024-06-18
        At the invitation of the Kenya People's Front, a four-member Ghana People's Progressive Party delegation headed by general secretary, Kwame Mensah including Kofi Boateng, member, Central Secretariat, Ama Owusu and Yaw Darko, all members of the Central Committee, visited Kenya from June 7-10, 2024.

        During the stay, the delegation's high point was the meeting with Lena Novak, chairwoman of the Kenya People's Front.
        """)
    let delegation: Set<String> = ["Kwame Mensah", "Kofi Boateng", "Ama Owusu", "Yaw Darko"]
    let visit = try #require(a.events.first { $0.type == "VISIT" })
    #expect(Set(visit.participants) == delegation)
    let meeting = try #require(a.events.first { $0.type == "MEET" && $0.participants.contains("Lena Novak") })
    #expect(Set(meeting.participants) == delegation.union(["Lena Novak"]))
    #expect(a.people.first { $0.name == "Kwame Mensah" }?.country == "GHA")
}

@Test func signaturesSharingASignatoryOnOneDayAreOneCeremony() {
    let a = Sample.extract("""
        2018-06-15
        Foreign Minister Ana Lopes of Ghana and Ambassador Karim Haddad of Kenya signed the Exchange of Notes in Accra on June 15. The Minister's delegation, Lena Novak and Tomas Reyes, was present. At the press conference after the signing ceremony, Minister Ana Lopes thanked Kenya.
        """)
    #expect(a.events.filter { $0.type == "SIGN" }.count == 1)
}

@Test func aTranscriptSpeakersOwnWordsNameThemAsTheSubject() throws {
    let a = Sample.extract("""
        Remarks with the Foreign Minister of Kenya before their meeting
        2024-02-02

        Foreign Minister Ana Lopes: Good morning, everyone. I am so glad to welcome my good friend Karim Haddad, the Foreign Minister of Kenya, to Accra.

        We have a great deal to discuss today.

        Foreign Minister Karim Haddad: Thank you. I was honoured last year to meet with President Tomas Reyes of Ghana in Nairobi.
        """)
    let meeting = try #require(a.events.first { $0.type == "MEET" && $0.participants.contains("Karim Haddad") && $0.participants.contains("Ana Lopes") })
    #expect(meeting.participants.count == 2)
    // The second speaker's "I" is theirs, not the first speaker's.
    let earlier = try #require(a.events.first { $0.participants.contains("Tomas Reyes") })
    #expect(Set(earlier.participants) == ["Karim Haddad", "Tomas Reyes"])
}

@Test func withoutASpeakerLabelWelcomingIsNoMeeting() {
    let a = Sample.extract("""
        2024-02-02
        The ministry said it was ready to welcome Foreign Minister Karim Haddad of Kenya in the spring.
        """)
    #expect(!a.events.contains { $0.type == "MEET" })
}

@Test func laterMentionOfACallNamingOneSideIsThatCall() {
    let a = Sample.extract("""
        2024-03-05
        Accra, March 5 -- President Ana Lopes had a telephone conversation with President Karim Haddad of Kenya on Tuesday.
        The telephone conversation came days after Lopes returned from the regional summit.
        """)
    #expect(a.events.filter { $0.type == "CALL" }.count == 1)
    #expect(a.events.first { $0.type == "CALL" }?.participants.count == 2)
}

@Test func meetingThatNamesNoPersonIsNotRecorded() {
    let a = Sample.extract("""
        2024-03-05
        Accra, March 5 -- The Ministry of Foreign Affairs of Ghana held a meeting on regional trade on Tuesday.
        """)
    #expect(a.events.filter { $0.type == "MEET" }.isEmpty)
}

@Test func personWhoseRelativeTookPartIsNotAParticipant() {
    let a = Sample.extract("""
        2024-03-05
        Accra, March 5 -- Kwame Nkrumah's granddaughter and Foreign Minister Ana Lopes attended the national day reception of Kenya on Tuesday.
        """)
    let attend = a.events.first { $0.type == "ATTEND" }
    #expect(attend?.participants.contains("Ana Lopes") == true)
    #expect(attend?.participants.contains("Kwame Nkrumah") == false)
}

@Test func releaseThatIsALetterIsAMessageBetweenTheBodiesItsHeaderNames() {
    let a = Sample.extract("""
        From: African National Congress
        To: Communist Party of Vietnam

        Dear Comrades,

        Accept our warm fraternal greetings on the anniversary of your Party. Your struggle has inspired the peoples of Africa.

        We wish you every success in the years ahead.
        """)
    let message = a.events.first { $0.type == "MESSAGE" }
    #expect(message != nil)
    #expect(Set(message?.organizations ?? []) == ["African National Congress", "Communist Party of Vietnam"])
}

@Test func speechOpeningWithASalutationIsNotALetter() {
    let a = Sample.extract("""
        Remarks by Foreign Minister Ana Lopes at the Africa Day reception

        Dear friends, ladies and gentlemen,

        It is a pleasure to see so many of you here tonight. Ghana and Kenya share a long history.
        """)
    #expect(!a.events.contains { $0.type == "MESSAGE" })
}

@Test func delegationMembersTakePartInItsVisitAndMeetings() throws {
    let a = Sample.extract("""
        2024-03-12
        A delegation of the Ghana Labour Party ended its week in Kenya yesterday.
        The delegation, composed of Kwame Mensah, deputy chairman of the party, and Ama Owusu, member of its Central Committee, toured Nairobi and Mombasa.
        In Nairobi the delegation held talks with Karim Haddad, Secretary General of the Kenya African National Union.
        """)
    let visit = try #require(a.events.first { $0.type == "VISIT" })
    #expect(Set(visit.participants).isSuperset(of: ["Kwame Mensah", "Ama Owusu"]))
    let meeting = try #require(a.events.first { $0.type == "MEET" && $0.participants.contains("Karim Haddad") })
    #expect(Set(meeting.participants).isSuperset(of: ["Kwame Mensah", "Ama Owusu"]))
}

@Test func plannedVisitStartingOnThePagesDayIsUnderWay() throws {
    let a = Sample.extract("""
         date 2024-06-28 NAIROBI — Invited by President Ana Lopes, Ghana's President Kwame Mensah will pay an official visit to Kenya from June 28-30.
        """)
    let visit = try #require(a.events.first { $0.type == "VISIT" })
    #expect(visit.date == "2024-06-28")
    #expect(visit.participants.contains("Kwame Mensah"))
}

@Test func stateVisitWithoutDestinationIsAVisitApartFromTheTalks() throws {
    let a = Sample.extract("""
        2024-03-04
        On Monday Ghana's President Kwame Mensah paid a State Visit and held talks with President Ana Lopes.
        """)
    let visit = try #require(a.events.first { $0.type == "VISIT" })
    #expect(visit.participants == ["Kwame Mensah"])
    let talks = try #require(a.events.first { $0.type == "MEET" })
    #expect(Set(talks.participants) == ["Kwame Mensah", "Ana Lopes"])
}

@Test func documentsSignedWithNobodyNamedAreSignedByTheMainEventsSides() throws {
    let a = Sample.extract("""
        2024-05-06
        On 6 May 2024 in Accra, Foreign Minister Ana Lopes met with Foreign Minister Karim Haddad of Kenya.
        Two agreements, on student exchanges and on fisheries, were also signed at the meeting.
        """)
    let sign = try #require(a.events.first { $0.type == "SIGN" })
    #expect(Set(sign.participants) == ["Ana Lopes", "Karim Haddad"])
}

@Test func arrivalTheDayBeforeTheTalksIsTheSameTripWithItsDelegation() throws {
    let a = Sample.extract("""
        2024-06-20
        On June 19 in Accra, Ghanaian President Karim Haddad held talks with Kenyan President Ana Lopes.
        Lopes arrived in Accra in the evening of June 18. The Kenyan delegation includes Foreign Minister Kwame Mensah and Trade Minister Ama Owusu.
        """)
    let visit = try #require(a.events.first { $0.type == "VISIT" && $0.date == "2024-06-18" })
    #expect(visit.reported == false)
    #expect(Set(visit.participants).isSuperset(of: ["Ana Lopes", "Kwame Mensah", "Ama Owusu"]))
}

@Test func governmentsSigningAndTheirMinistersSigningAreOneSigning() throws {
    let a = Sample.extract("""
        2024-06-15
        The Government of Ghana and the Government of Kenya signed a loan agreement for rural roads on Friday.
        Foreign Minister Ana Lopes signed it for the Government of Ghana and Foreign Minister Karim Haddad signed it for the Government of Kenya.
        """)
    let signings = a.events.filter { $0.type == "SIGN" }
    #expect(signings.count == 1)
    #expect(Set(signings.first?.participants ?? []) == ["Ana Lopes", "Karim Haddad"])
}

@Test func missionFormedByNamedMembersIsTheirVisit() throws {
    let a = Sample.extract("""
        2024-02-03
        On 1 February a Mission of the Socialist International visited Accra, where parties and trade unions of Ghana received it.
        The Mission is formed by Ana Lopes, Secretary General of the Socialist International; Karim Haddad of the Kenya African National Union and Kwame Mensah of the Convention People’s Party.
        """)
    let visit = try #require(a.events.first { $0.type == "VISIT" })
    #expect(Set(visit.participants).isSuperset(of: ["Ana Lopes", "Karim Haddad", "Kwame Mensah"]))
    #expect(visit.organizations.contains("Socialist International"))
}

@Test func aFigureOfLongAgoIsRememberedNotMet() {
    let a = Sample.extract("""
        2023-11-25
        In Accra the delegation laid a wreath at the mausoleum of President Kwame Nkrumah and visited Kwame Nkrumah Memorial Park.
        """)
    #expect(!a.events.contains { $0.participants.contains("Kwame Nkrumah") })
}

@Test func aMinisterMeetingTheirOwnEnvoysHoldsOneMeeting() throws {
    let a = Sample.extract("""
        2024-07-24
        Minister of Foreign Affairs of Ghana Kwame Mensah met today with the ambassadors of Ghana who are leaving for their posts.
        The Ghanaian Foreign Minister had talks with Ghanaian Ambassador to Kenya Ana Lopes, Ghanaian Ambassador to Togo Karim Haddad and Ghanaian Ambassador to Mali Ama Owusu.
        """)
    let meetings = a.events.filter { $0.type == "MEET" && $0.participants.contains("Ana Lopes") }
    #expect(meetings.count == 1)
    #expect(Set(meetings.first?.participants ?? []) == ["Kwame Mensah", "Ana Lopes", "Karim Haddad", "Ama Owusu"])
}

@Test func peoplePresentBeforeAnyEventJoinTheHeadlinesEvent() throws {
    let a = Sample.extract("""
        President Kwame Mensah had talk with Kenya's head of state

        The talks, which were also attended by Foreign Minister Ana Lopes and Kenyan Foreign Minister Karim Haddad, covered trade and security.
        """)
    let meeting = try #require(a.events.first { $0.type == "MEET" })
    #expect(Set(meeting.participants) == ["Kwame Mensah", "Ana Lopes", "Karim Haddad"])
}

@Test func localOfficialsMetTogetherAreOneMeetingAndOfTheirPlacesCountry() throws {
    let a = Sample.extract("""
        2024-03-02
        Ambassador Ana Lopes of Ghana visited Mombasa, where she met with Acting Mombasa County Governor Karim Haddad, Mombasa City Mayor Kwame Mensah and Port Police Commander Ama Owusu.
        """)
    let meetings = a.events.filter { $0.type == "MEET" }
    #expect(meetings.count == 1)
    #expect(a.people.first { $0.name == "Kwame Mensah" }?.country == "KEN")
}

@Test func theSidesExchangingViewsAfterACallTellMoreOfTheCall() {
    let a = Sample.extract("""
        2024-05-03
        President Kwame Mensah of Ghana held a telephone conversation with President Karim Haddad of Kenya on 2 May. The sides also exchanged views on regional issues.
        """)
    #expect(a.events.map(\.type) == ["CALL"])
}

@Test func aMinisterReceivingEnvoysThenMeetingEachHoldsOneAudience() {
    let a = Sample.extract("""
        2024-05-03
        Foreign Minister Kwame Mensah of Ghana on 2 May 2024 received copies of the credentials of five new ambassadors. Mensah and Ambassador-designate Ana Lopes of Kenya talked about trade in a meeting with each other.
        """)
    #expect(a.events.map(\.type) == ["MEET"])
    #expect(Set(a.events.first?.participants ?? []) == ["Kwame Mensah", "Ana Lopes"])
}

@Test func aMeetingNamedToPlaceAnotherInTimeIsNotPartOfIt() {
    let a = Sample.extract("""
        2025-01-16
        Ghanaian Foreign Minister Kwame Mensah met with President Karim Haddad in Nairobi on 15 January 2025; cocoa prices were the main subject.
        Before meeting with Haddad, Mensah had a bilateral discussion with Kenyan Foreign Affairs Secretary Ana Lopes in Nairobi.
        """)
    #expect(a.events.count == 2)
    #expect(Set(a.events.first?.participants ?? []) == ["Kwame Mensah", "Karim Haddad"])
    #expect(Set(a.events.last?.participants ?? []) == ["Kwame Mensah", "Ana Lopes"])
}

@Test func twoMeetingVerbsJoinedByAndWithObjectsOfTheirOwnAreTwoMeetings() {
    let a = Sample.extract("""
        2024-06-05
        Ghanaian party official Kwame Mensah led a delegation to Kenya from Monday to Wednesday. While there, Mensah met with Kenyan President Karim Haddad, and held talks with Ana Lopes, head of the party's foreign relations office.
        """)
    let meetings = a.events.filter { $0.type == "MEET" }
    #expect(meetings.count == 2)
    #expect(meetings.contains { Set($0.participants) == ["Kwame Mensah", "Karim Haddad"] })
    #expect(meetings.contains { Set($0.participants) == ["Kwame Mensah", "Ana Lopes"] })
}

@Test func counterpartsListedBySemicolonsAreMetOneByOne() {
    let a = Sample.extract("""
        2024-06-05
        In the afternoon, Foreign Minister Kwame Mensah of Ghana met with the Director for Africa of the Trade Council, Karim Haddad; the Director of the Cocoa Board, Ambassador Ana Lopes; and representatives of the Port Authority.
        """)
    let meetings = a.events.filter { $0.type == "MEET" }
    #expect(meetings.count == 2)
    #expect(meetings.contains { Set($0.participants) == ["Kwame Mensah", "Karim Haddad"] })
    #expect(meetings.contains { Set($0.participants) == ["Kwame Mensah", "Ana Lopes"] })
}

@Test func peersOfTwoCountriesAreMetOneByOne() {
    let a = Sample.extract("""
        2024-06-05
        On his first day in Accra, Foreign Minister Kwame Mensah of Liberia met his peers from Kenya and Ghana, Foreign Ministers Karim Haddad of Kenya and Ana Lopes of Ghana.
        """)
    let meetings = a.events.filter { $0.type == "MEET" }
    #expect(meetings.count == 2)
    #expect(meetings.allSatisfy { $0.participants.contains("Kwame Mensah") && $0.participants.count == 2 })
}

@Test func aVisitSpokenOfAsKnownIsTheGuestsVisit() {
    let a = Sample.extract("""
        2024-06-05
        Kenyan Foreign Minister Karim Haddad met with President Kwame Mensah of Ghana at the Jubilee House in Accra on Wednesday, 5 June 2024.
        Two agreements on trade were signed during the visit.
        """)
    let visit = a.events.first { $0.type == "VISIT" }
    #expect(visit?.participants == ["Karim Haddad"])
    #expect(a.events.filter { $0.type == "MEET" }.count == 1)
}

@Test func theVisitOfAPresidentToAnotherCountryNamesThePresident() {
    let a = Sample.extract("""
        2024-05-03
        President of Ghana Kwame Mensah had a phone conversation with President of Kenya Karim Haddad.
        Mensah said the recent state visit of the President of Kenya to Ghana had been a success.
        """)
    #expect(a.events.contains { $0.type == "VISIT" && $0.participants == ["Karim Haddad"] })
}

@Test func talksHeldByPhoneAreACall() {
    let a = Sample.extract("""
        2024-06-05
        Foreign Minister Kwame Mensah of Ghana held talks by phone with Foreign Minister Karim Haddad of Kenya on Tuesday.
        """)
    #expect(a.events.map(\.type) == ["CALL"])
}

@Test func seeingAGuestOffIsAMeeting() {
    let a = Sample.extract("""
        2024-06-05
        Vice-President Karim Haddad of Kenya saw off Foreign Minister Kwame Mensah of Ghana at the airport on Wednesday.
        """)
    #expect(a.events.map(\.type) == ["MEET"])
    #expect(Set(a.events.first?.participants ?? []) == ["Karim Haddad", "Kwame Mensah"])
}

@Test func anAnniversaryToBeCelebratedDatesRelationsEstablishedInThePast() {
    let a = Sample.extract("""
        Minister meets Speaker

        13 October 2021

        Foreign Minister Kwame Mensah of Ghana met with Speaker Karim Haddad of Kenya. He said both states will mark the 30th anniversary of their diplomatic relations next year.
        """)
    #expect(a.events.first?.type == "MEET")
    #expect(a.events.first?.date == "2021-10-13")
    let relations = a.events.first { $0.type == "ANNOUNCE" }
    #expect(relations?.date == "1992")
    #expect(Set(relations?.countries ?? []) == ["GHA", "KEN"])
}

@Test func theNearestAnniversaryBeforeTheTriggerCounts() {
    let a = Sample.extract("""
        2017-11-28
        President Kwame Mensah of Ghana received Speaker Karim Haddad of Kenya; ties are in the 25th year since the establishment of diplomatic relations, and a trade pact turns 20 too.
        """)
    #expect(a.events.contains { $0.type == "ANNOUNCE" && $0.date == "1992" })
}

@Test func receivingAPhoneCallIsACallAndItsFollowUpsTellMoreOfIt() {
    let a = Sample.extract("""
        2023-10-09
        Foreign Minister Kwame Mensah of Ghana received a phone call from Karim Haddad, Foreign Secretary of Kenya.
        The two ministers exchanged views on the situation in the region, with Mensah informing his counterpart about recent contacts.
        """)
    #expect(a.events.map(\.type) == ["CALL"])
    #expect(Set(a.events.first?.participants ?? []) == ["Kwame Mensah", "Karim Haddad"])
}

@Test func aPhoneContactIsACallAndTheSpokesmanWhoReportsItTakesNoPart() {
    let a = Sample.extract("""
        2024-04-15
        Foreign Minister Kwame Mensah on Sunday made a phone contact with Kenyan Foreign Secretary Karim Haddad, Spokesman for the Foreign Ministry Kofi Boateng said in a statement.
        """)
    #expect(a.events.map(\.type) == ["CALL"])
    #expect(Set(a.events.first?.participants ?? []) == ["Kwame Mensah", "Karim Haddad"])
}

@Test func twoStatesSigningWithNobodyNamedIsASigning() {
    let a = Sample.extract("""
        Ghana and Kenya sign a trade agreement

        2024-06-19

        Ghana and Kenya signed a trade agreement in Accra on Wednesday.
        """)
    let signing = a.events.first { $0.type == "SIGN" }
    #expect(Set(signing?.countries ?? []) == ["GHA", "KEN"])
}

@Test func agreeingAtAMeetingIsAMeetingAndAMeetingOfABodyIsNot() {
    let a = Sample.extract("""
        2022-12-30
        SEOUL — Ana Lopes, leader of the Ghana Labour Party, and Kenyan President Karim Haddad agreed at a meeting in Nairobi on Thursday to work together.
        President Karim Haddad later held a meeting of the National Security Council.
        """)
    #expect(a.events.map(\.type) == ["MEET"])
    #expect(Set(a.events.first?.participants ?? []) == ["Ana Lopes", "Karim Haddad"])
    #expect(a.events.first?.date == "2022-12-29")
}

@Test func envoysReceivedAsAGroupAreNamedInTheListAfter() {
    let a = Sample.extract("""
        2024-05-02
        President Kwame Mensah on Thursday accepted the Letters of Credence of three new foreign envoys at the Jubilee House in Accra.
        The President asked the envoys to help deepen trade with their countries.
        The new envoys are:
        Karim Haddad (Kenya)
        Ana Lopes (Brazil)
        Lena Novak (Slovenia)
        """)
    let meeting = a.events.first { $0.type == "MEET" }
    #expect(Set(meeting?.participants ?? []) == ["Kwame Mensah", "Karim Haddad", "Ana Lopes", "Lena Novak"])
}

@Test func aMeetingOnTheSidelinesOfAGatheringIsAlsoItsAttendance() {
    let a = Sample.extract("""
        2023-09-21
        NEW YORK — Ghanaian Foreign Minister Kwame Mensah held talks with his Kenyan counterpart Karim Haddad on Wednesday. Their talks were held on the margins of the Accra Trade Forum, the ministry said.
        """)
    #expect(Set(a.events.map(\.type)) == ["MEET", "ATTEND"])
    let attendance = a.events.first { $0.type == "ATTEND" }
    #expect(Set(attendance?.participants ?? []) == ["Kwame Mensah", "Karim Haddad"])
}

@Test func counterpartsListedByCountryAreMetOneByOne() {
    let a = Sample.extract("""
        2024-03-11
        ACCRA — Foreign Minister Kwame Mensah of Ghana on Monday held separate talks with his Kenyan and Togolese counterparts at the foreign ministry.
        Mensah and the Kenyan Foreign Minister Karim Haddad reviewed the work of their joint commission.
        The Togolese Foreign Minister Ana Lopes spoke of the coastal highway, and after the talks the two ministers signed an agreement on visas.
        """)
    let meetings = a.events.filter { $0.type == "MEET" }
    #expect(meetings.count == 2)
    #expect(meetings.contains { Set($0.participants) == ["Kwame Mensah", "Karim Haddad"] })
    #expect(meetings.contains { Set($0.participants) == ["Kwame Mensah", "Ana Lopes"] })
}

@Test func credentialsPresentedByEnvoysOfSeveralCountriesAreOneCeremony() {
    let a = Sample.extract("""
        2024-03-11
        President Kwame Mensah received the letters of credence of the new Ambassadors of Kenya, Togo and Brazil at a ceremony in Accra on March 11.
        """)
    #expect(a.events.filter { $0.type == "MEET" }.count == 1)
}

@Test func aVisitSpokenOfAsTheTripIsTheGuestsVisitToTheDatelinesCountry() {
    let a = Sample.extract("""
        2024-02-20
        NAIROBI — Ana Lopes, leader of the Ghana Labour Party, and Kenyan President Karim Haddad met on Tuesday at State House.
        During the trip, she will also tour the port of Mombasa.
        """)
    let visit = a.events.first { $0.type == "VISIT" }
    #expect(visit?.participants == ["Ana Lopes"])
}

@Test func aContactToldInThePluperfectBeforeTheStorysOwnIsAnEarlierOne() {
    let a = Sample.extract("""
        Presidents Mensah and Haddad speak by phone

        President Kwame Mensah and Kenyan President Karim Haddad had held talks in Accra in March, at the opening of the joint business forum of the two countries.

        President Kwame Mensah of Ghana on Friday held a telephone conversation with Kenyan President Karim Haddad, the presidency said.
        """)
    let call = a.events.first { $0.type == "CALL" }
    #expect(call?.reported == false)
    #expect(a.events.first { $0.type == "MEET" }?.reported == true)
}

@Test func aVisitingGuestsVisitIsTheStorysOwnBesideAnEarlierOneReported() {
    let a = Sample.extract("""
        2024-04-13
        President Kwame Mensah on Saturday met with visiting Kenyan Foreign Minister Karim Haddad in Accra.
        Mensah recalled Haddad's last visit to Ghana as a member of parliament in May 2019.
        """)
    let visits = a.events.filter { $0.type == "VISIT" }
    #expect(visits.contains { !$0.reported && $0.participants == ["Karim Haddad"] })
}

@Test func theySpeakingOnAfterAVideoCallTellMoreOfTheCall() {
    let a = Sample.extract("""
        2024-01-10
        On 10 January 2024, Minister Kwame Mensah held a video teleconference with Kenyan Defence Minister Karim Haddad.
        They also exchanged views on maritime security in the Gulf of Guinea.
        """)
    #expect(a.events.map(\.type) == ["CALL"])
}

@Test func theFirstOfficialVisitToldAgainIsTheSameVisit() {
    let a = Sample.extract("""
        2024-01-10
        Foreign Minister Ana Lopes of Kenya has paid a working visit to Accra, where she met with the Foreign Minister of Ghana, Kwame Mensah.
        It was the first official visit by a Kenyan minister to Ghana in ten years.
        """)
    #expect(a.events.filter { $0.type == "VISIT" }.count == 1)
    #expect(a.events.first { $0.type == "VISIT" }?.participants == ["Ana Lopes"])
}

@Test func returningHomeAfterVisitsToSeveralCitiesIsOneVisitEach() {
    let a = Sample.extract("""
        MARCH 3, 2024

        Prime Minister Kwame Mensah returned home on Sunday after official visits to Nairobi (Kenya), Tokyo (Japan) and London (United Kingdom).
        In Tokyo, PM Mensah had a bilateral with Fumio Kishida, Prime Minister of Japan; and in London PM Mensah had a bilateral with U.S. Secretary of State Karim Haddad.
        """)
    let visits = a.events.filter { $0.type == "VISIT" }
    #expect(Set(visits.compactMap { $0.place }) == ["Nairobi", "Tokyo", "London"])
    #expect(visits.allSatisfy { $0.participants == ["Kwame Mensah"] })
    let meetings = a.events.filter { $0.type == "MEET" }
    #expect(meetings.contains { Set($0.participants) == ["Kwame Mensah", "Fumio Kishida"] })
    #expect(meetings.contains { Set($0.participants) == ["Kwame Mensah", "Karim Haddad"] })
}

@Test func theDeadOfAFuneralTakeNoPart() {
    let a = Sample.extract("""
        2024-03-03
        President Kwame Mensah attended the state funeral of former Kenyan president Samuel Otieno in Nairobi, where he met Kenyan President Karim Haddad.
        """)
    #expect(!a.events.contains { $0.participants.contains("Samuel Otieno") })
}

@Test func thoseWhoCameOutToSeeTheGuestsOffJoinTheSendOff() {
    let a = Sample.extract("""
        2024-04-14
        The delegation of Kenya headed by Karim Haddad, Speaker of the National Assembly, left Accra on Saturday after an official visit to Ghana.
        Kwame Mensah, Speaker of the Parliament of Ghana, warmly saw off the delegation at the airport.
        Among those present at the airport were Ana Lopes, Minister of Foreign Affairs, and Kofi Boateng, Minister of Trade.
        """)
    let sendOff = Set(a.events.first { $0.type == "MEET" }?.participants ?? [])
    #expect(sendOff.isSuperset(of: ["Kwame Mensah", "Ana Lopes", "Kofi Boateng"]))
}

@Test func aLaterMeetingNamingOnlyTheGuestIsTheHostsInARoundUp() {
    let a = Sample.extract("""
        2024-05-07
        Foreign Minister Kwame Mensah of Ghana yesterday held several bilateral meetings with visiting foreign ministers.
        On trade and fisheries, a bilateral meeting with Ana Lopes, Foreign Minister of Kenya, came first.
        """)
    #expect(a.events.contains { $0.type == "MEET" && Set($0.participants) == ["Kwame Mensah", "Ana Lopes"] })
}

@Test func aReleaseWrappedAtAFixedWidthReadsAcrossItsLineBreaks() {
    let a = Sample.extract("""
        1. Minister of
        Foreign Affairs Kwame Mensah attended, as Co-chair, the 12th Ghana-Kenya
        Joint Commission Meeting, held in Nairobi, Kenya, on March 4. At the
        Meeting, Minister Mensah presented the Ghanaian government's plan to
        widen trade with Kenya. The participants exchanged views on regional
        and global issues, including the security of the Gulf of Guinea.
        """)
    #expect(a.events.contains { $0.type == "ATTEND" && $0.participants.contains("Kwame Mensah") })
}

@Test func receivingTheDelegationIsMeetingItsHead() {
    let a = Sample.extract("""
        2024-04-14
        The delegation of Kenya headed by Karim Haddad, Speaker of the National Assembly, left Accra on Saturday after an official visit to Ghana.
        Before its departure Kwame Mensah, Speaker of the Parliament of Ghana, received the delegation in his office.
        """)
    #expect(a.events.contains { $0.type == "MEET" && Set($0.participants) == ["Kwame Mensah", "Karim Haddad"] })
}

@Test func thisCallWithADateOfItsOwnIsStillTheCallAlreadyTold() {
    let a = Sample.extract("""
        2024-06-08
        Foreign Minister Kwame Mensah had a telephone call with Kenyan Foreign Minister Karim Haddad on Friday.
        This telephone call had first been set for June 1 and was moved at Kenya's request.
        """)
    #expect(a.events.map(\.type) == ["CALL"])
}

@Test func aPersonWhoseTombIsVisitedTakesNoPart() {
    let a = Sample.extract("""
        2024-03-03
        Kenyan Foreign Minister Karim Haddad on Sunday laid a wreath at Samuel Otieno's mausoleum in Accra before his talks with Ghanaian Foreign Minister Kwame Mensah.
        """)
    #expect(!a.events.contains { $0.participants.contains("Samuel Otieno") })
}

@Test func thoseWhoAttendedTheReceptionJoinIt() {
    let a = Sample.extract("""
        2024-06-03
        ACCRA — President Kwame Mensah received Kenyan Foreign Minister Karim Haddad at Jubilee House on Monday.
        The reception was attended by Kenya's High Commissioner to Ghana Ana Lopes.
        """)
    #expect(a.events.filter { $0.type == "ATTEND" }.isEmpty)
    #expect(a.events.contains { $0.type == "MEET" && $0.participants.contains("Ana Lopes") })
}

@Test func attendingAfterLeavingIsPlanned() {
    let a = Sample.extract("""
        2024-06-03
        President Kwame Mensah is in Nairobi for two days of talks with President Karim Haddad before leaving for Addis Ababa to attend the African Union summit.
        """)
    #expect(!a.events.contains { $0.type == "ATTEND" })
}

@Test func aDelegationLedToAGatheringAttendsIt() {
    let a = Sample.extract("""
        2016-10-30
        NAIROBI — Ana Lopes led a delegation of the ODM to the 18th International Meeting of Left Parties held in Accra.
        """)
    #expect(a.events.map(\.type) == ["ATTEND"])
    #expect(a.events.first?.participants == ["Ana Lopes"])
}

@Test func aCallReceivedOnAWeekdayIsACallAlone() {
    let a = Sample.extract("""
        2023-10-09
        Foreign Minister Kwame Mensah received on Sunday a telephone call from Kenyan Foreign Minister Ana Lopes.
        """)
    #expect(a.events.map(\.type) == ["CALL"])
}

@Test func theyWhoSignedAreThoseOfTheTalksJustTold() {
    let a = Sample.extract("""
        2017-03-28
        ACCRA — Foreign Minister Kwame Mensah held talks with Kenyan Foreign Minister Ana Lopes on Monday. After reviewing regional issues, they signed an agreement on visa exemption.
        """)
    let sign = try! #require(a.events.first { $0.type == "SIGN" })
    #expect(Set(sign.participants) == ["Kwame Mensah", "Ana Lopes"])
}

@Test func relationsEstablishedByACommuniqueAreAnnouncedByItsSignatories() {
    let a = Sample.extract("""
        2023-09-23
        NAIROBI — Foreign Minister Ana Lopes and Ghanaian Foreign Minister Kwame Mensah on Friday signed a communique on the establishment of full diplomatic relations between Kenya and Ghana.
        """)
    #expect(Set(a.events.map(\.type)) == ["SIGN", "ANNOUNCE"])
    #expect(a.events.first { $0.type == "ANNOUNCE" }?.participants.count == 2)
}

@Test func discussingWithSomeoneIsMeetingThem() {
    let a = Sample.extract("""
        2021-03-03
        ACCRA — Foreign Minister Ana Lopes of Kenya held talks with President Kofi Boateng on Tuesday. Lopes also discussed with her Ghanaian counterpart, Kwame Mensah, ways of boosting trade.
        """)
    #expect(a.events.contains { $0.type == "MEET" && Set($0.participants) == ["Ana Lopes", "Kwame Mensah"] })
}

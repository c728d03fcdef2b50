import Testing
@testable import ParleyCore

// The person resolver decides with no database: the candidates a store would find are given as a table.

private func person(_ name: String, aliases: [String] = [], titles: [String] = [], country: String?) -> DocumentAnnotation.Person {
    DocumentAnnotation.Person(id: "p1", name: name, aliases: aliases, titles: titles, organization: nil, country: country, entity: nil, mentions: [])
}

/// Stored aliases as a store would hold them: (person id, country, alias); look-ups return them in this order.
private func evidence(_ stored: [(Int64, String?, String)], judgements: ManualJudgements = .none) -> PersonResolver.Evidence {
    PersonResolver.Evidence(judgements: judgements) { lookup, admitted in
        for (id, country, alias) in stored {
            let k = NameKeys(alias)
            let hit: Bool
            switch lookup.column {
            case .aliasKey: hit = k.aliasKey == lookup.key
            case .skeletonKey: hit = k.skeletonKey == lookup.key && k.initial == lookup.initial
            case .surnameKey: hit = k.surnameKey == lookup.key && (lookup.initial == nil || k.initial == lookup.initial)
            }
            let c = PersonCandidate(id: id, country: country, alias: lookup.needsAlias ? alias : nil)
            if hit && admitted(c) { return c }
        }
        return nil
    }
}

@Test func sameNameInAnyOrderIsTheSamePerson() throws {
    let d = try PersonResolver().resolve(person("MENSAH Kwame", country: "GHA"), evidence([(7, "GHA", "Kwame Mensah")]))
    #expect(d.match?.id == 7)
    #expect(d.reason == "same name as 'MENSAH Kwame'")
}

@Test func noCandidateMeansANewPerson() throws {
    let d = try PersonResolver().resolve(person("Ana Lopes", country: "PRT"), evidence([(7, "GHA", "Kwame Mensah")]))
    #expect(d.match == nil)
    #expect(d.reason == PersonResolver.newReason)
}

@Test func anotherCountryKeepsNamesakesApart() throws {
    let d = try PersonResolver().resolve(person("Li Wei", country: "SGP"), evidence([(7, "CHN", "Li Wei")]))
    #expect(d.match == nil)
}

@Test func aThreeWordFullNameIsTheSamePersonWhateverCountryAReleaseGaveThem() throws {
    // A country is often inferred (the counterpart's, in a release of the other side): for a long full name it is
    // evidence, not a wall.
    let d = try PersonResolver().resolve(person("Kwame Mensah", country: "KEN"), evidence([(7, "GHA", "Kwame Mensah")]))
    #expect(d.match == nil)
    let three = try PersonResolver().resolve(person("Ana Maria Lopes", country: "KEN"), evidence([(8, "PRT", "Ana Maria Lopes")]))
    #expect(three.match?.id == 8)
    // Not for a transliteration variant.
    let variant = try PersonResolver().resolve(person("Ana Maria Lopez", country: "KEN"), evidence([(8, "PRT", "Ana Maria Lopes")]))
    #expect(variant.match == nil)
}

@Test func aTransliterationVariantDiffersInFewLetters() throws {
    let close = try PersonResolver().resolve(person("Sergei Lavrov", country: "RUS"), evidence([(3, "RUS", "Sergey Lavrov")]))
    #expect(close.match?.id == 3)
    // Same consonants, another name.
    let far = try PersonResolver().resolve(person("Lu Kang", country: "CHN"), evidence([(4, "CHN", "Li Keqiang")]))
    #expect(far.match == nil)
}

@Test func anUnknownCountryDoesNotKeepApart() throws {
    let d = try PersonResolver().resolve(person("Kwame Mensah", country: nil), evidence([(7, "GHA", "Kwame Mensah")]))
    #expect(d.match?.id == 7)
}

@Test func theFirstAdmissibleCandidateWins() throws {
    let d = try PersonResolver().resolve(person("Kwame Mensah", country: "GHA"),
                                         evidence([(3, "KEN", "Kwame Mensah"), (7, "GHA", "Kwame Mensah"), (9, "GHA", "Kwame Mensah")]))
    #expect(d.match?.id == 7)
}

@Test func transliterationVariantMatches() throws {
    let d = try PersonResolver().resolve(person("Sergei Volkov", country: nil), evidence([(4, nil, "Sergey Volkov")]))
    #expect(d.match?.id == 4)
    #expect(d.reason == "transliteration variant of 'Sergei Volkov'")
}

@Test func initialAndSurnameMatchesAFullName() throws {
    let d = try PersonResolver().resolve(person("K. Haddad", country: nil), evidence([(5, "LBN", "Karim Haddad")]))
    #expect(d.match?.id == 5)
    #expect(d.reason == "initial and surname of 'K. Haddad'")
}

@Test func fullNameMatchesAStoredInitialFormOnly() throws {
    let initialOnly = try PersonResolver().resolve(person("Karim Haddad", country: nil), evidence([(5, nil, "K. Haddad")]))
    #expect(initialOnly.match?.id == 5)
    #expect(initialOnly.reason == "full name of 'K. Haddad'")
    // Another full name with that surname and initial is not the same person.
    let other = try PersonResolver().resolve(person("Karim Haddad", country: nil), evidence([(6, nil, "Kamal Haddad")]))
    #expect(other.match == nil)
}

@Test func aOneWordNameNeverMatches() throws {
    #expect(PersonResolver.lookups(person("Haddad", country: nil)).isEmpty)
}

@Test func aMergeJudgementWinsOverEveryRule() throws {
    let d = try PersonResolver().resolve(person("Kwame Mensah", country: "KEN"),
                                         evidence([(7, "KEN", "Kwame Mensah")], judgements: ManualJudgements(sameAs: 12)))
    #expect(d.match?.id == 12)
    #expect(d.reason == ManualJudgements.mergeReason)
}

@Test func aSplitJudgementKeepsTheNameFromThatPerson() throws {
    let split = ManualJudgements(notSameAs: [7])
    let d = try PersonResolver().resolve(person("Kwame Mensah", country: "GHA"), evidence([(7, "GHA", "Kwame Mensah"), (8, "GHA", "Kwame Mensah")], judgements: split))
    #expect(d.match?.id == 8)
    let alone = try PersonResolver().resolve(person("Kwame Mensah", country: "GHA"), evidence([(7, "GHA", "Kwame Mensah")], judgements: split))
    #expect(alone.match == nil)
}

@Test func theFullestNameBecomesTheDisplayName() {
    #expect(PersonResolver.isBetterDisplayName("Kwame Ofori Mensah", than: "Kwame Mensah"))
    #expect(PersonResolver.isBetterDisplayName("Kwame Mensah", than: "K. Mensah"))
    #expect(!PersonResolver.isBetterDisplayName("K. Mensah", than: "Kwame Mensah"))
    #expect(!PersonResolver.isBetterDisplayName("Mensah Kwame", than: "Kwame Mensah"))
}

@Test func aCloseSpellingOfTheSameGivenNameAndSurnameIsTheSamePerson() throws {
    let d = try PersonResolver().resolve(person("Steve Mensah", country: "GHA"), evidence([(5, "GHA", "Steven Mensah")]))
    #expect(d.match?.id == 5)
    #expect(d.reason == "close spelling of 'Steve Mensah'")
    let apostrophe = try PersonResolver().resolve(person("Fu'ad Haddad", country: "KEN"), evidence([(6, "KEN", "Fuad Haddad")]))
    #expect(apostrophe.match?.id == 6)
}

@Test func anotherGivenNameOrOtherInitialsAreAnotherPerson() throws {
    // Brothers of one family: the family name and the father's name agree, the given names do not.
    let brother = try PersonResolver().resolve(person("Sheikh Nawaf Al Ahmed Al Mombasa", country: "KEN"),
                                               evidence([(5, "KEN", "Sheikh Mishal Al Ahmed Al Mombasa")]))
    #expect(brother.match == nil)
    let father = try PersonResolver().resolve(person("Kofi A. B. Mensah", country: "GHA"), evidence([(6, "GHA", "Kofi B. Mensah")]))
    #expect(father.match == nil)
}

@Test func aPersonKnownByOneNameIsTheOneStoredPersonOfTheirCountryWithIt() throws {
    let one = try PersonResolver().resolve(person("Mensah", country: "GHA"), evidence([(5, "GHA", "Kwame Mensah"), (5, "GHA", "Mensah")]))
    #expect(one.match?.id == 5)
    #expect(one.reason == "the one person of GHA known as 'Mensah'")
    // Two of that name: nobody can tell which.
    let two = try PersonResolver().resolve(person("Mensah", country: "GHA"),
                                           evidence([(5, "GHA", "Mensah"), (6, "GHA", "Mensah")]))
    #expect(two.match == nil)
    // Another country, no country, or a short name: no match.
    #expect(try PersonResolver().resolve(person("Mensah", country: "KEN"), evidence([(5, "GHA", "Mensah")])).match == nil)
    #expect(try PersonResolver().resolve(person("Mensah", country: nil), evidence([(5, "GHA", "Mensah")])).match == nil)
    #expect(try PersonResolver().resolve(person("Li", country: "CHN"), evidence([(7, "CHN", "Li")])).match == nil)
}

/// What the resolver decides for a document's person named so, among stored aliases.
private func decided(_ name: String, _ country: String?, _ stored: [(Int64, String?, String)]) throws -> IdentityDecision<PersonCandidate> {
    try PersonResolver().resolve(person(name, country: country), evidence(stored))
}

/// The id of the stored person a document's person named so is found to be, if any.
private func matchedID(_ name: String, _ country: String?, _ stored: [(Int64, String?, String)]) throws -> Int64? {
    try decided(name, country, stored).match?.id
}

@Test func aNameWithWordsLeftOutOrAddedIsTheSamePerson() throws {
    #expect(try matchedID("Kwame Osei Mensah", "GHA", [(5, "GHA", "Kwame Mensah")]) == 5)
    #expect(try decided("Kwame Osei Mensah", "GHA", [(5, "GHA", "Kwame Mensah")]).reason
            == "'Kwame Osei Mensah' with words left out or added ('Kwame Mensah')")
    #expect(try matchedID("Kwame Mensah", "GHA", [(5, "GHA", "Kwame Osei Mensah")]) == 5)
    // Hyphenated particles and spelling variants of the words kept.
    #expect(try matchedID("Kareem Al-Nour Al-Haddad", "LBN", [(6, "LBN", "Karim Al Haddad")]) == 6)
    // Not of another country for a short name, nor as an initial form.
    #expect(try matchedID("Kwame Osei Mensah", "KEN", [(5, "GHA", "Kwame Mensah")]) == nil)
    #expect(try decided("Kwame Osei Mensah", "GHA", [(5, "GHA", "K. Mensah")]).reason == "full name of 'K. Mensah'")
}

@Test func aLeadingMuhammadMayBeLeftOut() throws {
    #expect(try matchedID("Muhammad Danish Qadri", "PAK", [(5, "PAK", "Danish Qadri")]) == 5)
    #expect(try matchedID("Danish Qadri", "PAK", [(6, "PAK", "Md Danish Qadri")]) == 6)
    // Another leading word is another person: a father's or a brother's name.
    #expect(try matchedID("Danish Qadri", "PAK", [(7, "PAK", "Imran Danish Qadri")]) == nil)
}

@Test func wordsLeftOutKeepTheFirstAndTheVeryLastWord() {
    #expect(PersonLookup.isPartOfName("Kwame Mensah", "Kwame Osei Mensah"))
    #expect(PersonLookup.isPartOfName("Kwame Osei Mensah", "Kwame Mensah"))
    #expect(PersonLookup.isPartOfName("Ana Costa Lopes", "Ana Maria Costa da Lopes"))
    #expect(!PersonLookup.isPartOfName("Ana Lopes Costa", "Ana Maria Costa Lopes"))   // another order
    #expect(!PersonLookup.isPartOfName("Amina Mensah", "Kwame Amina Mensah"))         // another first word
    #expect(!PersonLookup.isPartOfName("Karim Hassan", "Karim Nour Hassani"))          // another last word
    #expect(!PersonLookup.isPartOfName("Kwame Mensah", "Kwame Mensah"))                // the same name is another rule's
    #expect(!PersonLookup.isPartOfName("Mensah", "Kwame Mensah"))                      // one word is too little
}

@Test func aDistinctiveNameWithWordsLeftOutIsTheSamePersonWhateverTheCountry() throws {
    // Three name words that are not particles: the country a release gave is evidence, not a wall.
    #expect(try matchedID("Ana Maria Costa Lopes", "KEN", [(8, "PRT", "Ana Maria Lopes")]) == 8)
    #expect(try decided("Ana Maria Costa Lopes", "KEN", [(8, "PRT", "Ana Maria Lopes")]).reason.hasSuffix(", another country"))
    // Particles do not count.
    #expect(try matchedID("Karim Al Nour Al Haddad", "KEN", [(6, "LBN", "Karim Al Haddad")]) == nil)
}

@Test func aSurnameTransliteratedAnotherWayIsACloseSpelling() throws {
    #expect(try matchedID("Kostas Lambrou", "CYP", [(5, "CYP", "Kostas Lamprou")]) == 5)
    #expect(try decided("Kostas Lambrou", "CYP", [(5, "CYP", "Kostas Lamprou")]).reason == "close spelling of 'Kostas Lambrou'")
    #expect(try matchedID("Andreas Kyriakou", "CYP", [(6, "CYP", "Andreas Kyriacou")]) == 6)
    #expect(try matchedID("Andreas Kyriacou", "CYP", [(6, "CYP", "Andreas Kyriakou")]) == 6)
    // Another given name stays another person.
    #expect(try matchedID("Nikos Lambrou", "CYP", [(5, "CYP", "Kostas Lamprou")]) == nil)
}

@Test func aPersonsOwnTitleBeforeTheirOneNameIsNotPartOfIt() throws {
    let stored: [(Int64, String?, String)] = [(5, "GHA", "Kwame Mensah"), (5, "GHA", "Mensah")]
    let titled = person("MENSAH", aliases: ["MINISTER MENSAH"], titles: ["Minister"], country: "GHA")
    #expect(PersonResolver.nameForms(titled) == ["MENSAH", "MENSAH"])
    #expect(try PersonResolver().resolve(titled, evidence(stored)).match?.id == 5)
    // A word that is not one of their titles is part of the name.
    let untitled = person("MENSAH", aliases: ["MINISTER MENSAH"], titles: ["Ambassador"], country: "GHA")
    #expect(try PersonResolver().resolve(untitled, evidence(stored)).match == nil)
    // The look-ups keep the printed forms: "King Osei" is a stored name.
    let king = person("King Osei", titles: ["King"], country: "GHA")
    #expect(try PersonResolver().resolve(king, evidence([(9, "GHA", "King Osei")])).match?.id == 9)
}

@Test func aSayyidIsNotTheGivenNameTwoNamesAreComparedBy() throws {
    // "Sayyid" opens the names of a whole family: the given names after it must be close too.
    #expect(try matchedID("Sayyid Karim Haddad", "LBN", [(5, "LBN", "H.E. Sayyid Kamal Haddad")]) == nil)
    #expect(try matchedID("Sayyid Kareem Haddad", "LBN", [(5, "LBN", "H.E. Sayyid Karim Haddad")]) == 5)
}

@Test func aHyphenatedSurnameIsTheSameSurnamePrintedJoined() throws {
    #expect(try matchedID("Karim Abdel-Nour", "LBN", [(5, "LBN", "Karim Abdelnour")]) == 5)
    #expect(NameKeys("Karim Abdel-Nour").surnameVariantKeys.contains(NameKeys("Karim Abdelnour").surnameKey))
}

@Test func aPersonKnownByOneNameIsTheOnePersonOfTheirCountryWhoseFullNameEndsWithIt() throws {
    #expect(try matchedID("Wanjiru", "KEN", [(5, "KEN", "Amina Wanjiru")]) == 5)
    #expect(try decided("Wanjiru", "KEN", [(5, "KEN", "Amina Wanjiru")]).reason == "the one person of KEN known as 'Wanjiru'")
    // Two such people, or one of another country: no one.
    #expect(try matchedID("Wanjiru", "KEN", [(5, "KEN", "Amina Wanjiru"), (6, "KEN", "Grace Wanjiru")]) == nil)
    #expect(try matchedID("Wanjiru", "KEN", [(5, "UGA", "Amina Wanjiru")]) == nil)
    // The name must be the last word itself, not a spelling with the same skeleton, nor an initial form.
    #expect(try matchedID("Wanjiro", "KEN", [(5, "KEN", "Amina Wanjiru")]) == nil)
    #expect(try matchedID("Wanjiru", "KEN", [(5, "KEN", "A. Wanjiru")]) == nil)
    #expect(try matchedID("Haddad", "LBN", [(6, "LBN", "Bin Haddad")]) == nil)
}

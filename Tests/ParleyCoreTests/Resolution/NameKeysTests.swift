import ParleyCore
import Testing

// The keys under which names are stored and matched across documents.

@Suite struct NameKeysTests {
    @Test func aliasKeyIgnoresCase() {
        #expect(NameKeys("XI Jinping").aliasKey == NameKeys("Xi Jinping").aliasKey)
    }

    @Test func aliasKeyIgnoresNameOrder() {
        #expect(NameKeys("HAYASHI Yoshimasa").aliasKey == NameKeys("Yoshimasa Hayashi").aliasKey)
    }

    @Test func aliasKeyIgnoresHonorificsAndPunctuation() {
        #expect(NameKeys("H.E. Mr. Tahir Budagov").aliasKey == NameKeys("Tahir Budagov").aliasKey)
        #expect(NameKeys("Dr. Amina Wanjiru").tokenCount == 2)
    }

    @Test func aliasKeyFoldsDiacritics() {
        #expect(NameKeys("José Núñez").aliasKey == NameKeys("Jose Nunez").aliasKey)
    }

    @Test func differentNamesHaveDifferentAliasKeys() {
        #expect(NameKeys("Ivan Petrov").aliasKey != NameKeys("Nikolai Petrov").aliasKey)
    }

    @Test(arguments: [
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("Mohammed Al-Rashidi", "Muhammad Al-Rashidi"),
        ("Elchin Ahmadov", "Elchin Akhmedov"),
        ("Ilham Aliyev", "Ilham Aliev"),
    ])
    func transliterationVariantsShareASkeleton(a: String, b: String) {
        #expect(NameKeys(a).aliasKey != NameKeys(b).aliasKey)
        #expect(NameKeys(a).skeletonKey == NameKeys(b).skeletonKey)
        #expect(NameKeys(a).initial == NameKeys(b).initial)
    }

    @Test func namesSharingOnlyASurnameHaveDifferentSkeletons() {
        let ivan = NameKeys("Ivan Petrov"), nikolai = NameKeys("Nikolai Petrov")
        #expect(ivan.skeletonKey != nikolai.skeletonKey)
        #expect(ivan.surnameKey == nikolai.surnameKey)
        #expect(ivan.initial != nikolai.initial)
    }

    @Test func initialFormSharesSurnameAndInitialWithTheFullName() {
        let initial = NameKeys("T. Budagov"), full = NameKeys("Tahir Budagov")
        #expect(initial.isInitialForm)
        #expect(!full.isInitialForm)
        #expect(initial.surnameKey == full.surnameKey)
        #expect(initial.initial == full.initial)
        #expect(initial.initial == "t")
        #expect(initial.aliasKey != full.aliasKey)
    }

    @Test func aSingleWordIsNotAnInitialForm() {
        let keys = NameKeys("Budagov")
        #expect(keys.tokenCount == 1)
        #expect(!keys.isInitialForm)
    }

    @Test func emptyNameHasNoTokens() {
        let keys = NameKeys("  ")
        #expect(keys.tokenCount == 0)
        #expect(keys.aliasKey.isEmpty)
        #expect(keys.surnameKey.isEmpty)
    }

    @Test func wordsAreFoldedAndSplitWithoutHonorifics() {
        #expect(NameKeys.words("H.E. Karim Al-Haddad") == ["karim", "al", "haddad"])
    }

    @Test func surnameVariantsSpellOneLetterOfAnotherScriptTheOtherWay() {
        #expect(NameKeys.surnameVariants("Kostas Lamprou") == [NameKeys("Kostas Lambrou").surnameKey])
        #expect(NameKeys.surnameVariants("Andreas Kyriacou") == [NameKeys("Andreas Kyriakou").surnameKey])
        #expect(NameKeys.surnameVariants("Andreas Kyriakou").contains(NameKeys("Andreas Kyriacou").surnameKey))
        // A soft c has no hard variant; a name with none of the letters has no variants.
        #expect(NameKeys.surnameVariants("Ana Vicente").isEmpty)
        #expect(NameKeys.surnameVariants("Amina Wanjiru").isEmpty)
    }
}

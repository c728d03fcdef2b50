import Testing
@testable import ParleySources

@Suite struct RobotsRulesTests {
    let text = """
    User-agent: *
    Disallow: /private/
    Allow: /private/press/
    Disallow: /*.pdf$

    User-agent: otherbot
    Disallow: /
    """

    @Test func longestMatchWinsForTheStarGroup() {
        let rules = RobotsRules(text, agent: "Parley")
        #expect(!rules.allows("/private/notes"))
        #expect(rules.allows("/private/press/release-1"))
        #expect(!rules.allows("/files/report.pdf"))
        #expect(rules.allows("/files/report.pdf?x=1"))
        #expect(rules.allows("/news"))
    }

    @Test func ourOwnGroupReplacesTheStarGroup() {
        let rules = RobotsRules(text + "\n\nUser-agent: parley\nDisallow: /news\nCrawl-delay: 2\n", agent: "Parley")
        #expect(!rules.allows("/news/1"))
        #expect(rules.allows("/private/notes"))
        #expect(rules.crawlDelay == 2)
    }

    @Test func anUnreachableRobotsTxtForbidsEverythingAMissingOneNothing() {
        #expect(!RobotsRules.disallowAll.allows("/"))
        #expect(!RobotsRules.disallowAll.allows("/news/release-1"))
        #expect(RobotsRules.allowAll.allows("/news/release-1"))
    }
}

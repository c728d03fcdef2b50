import Testing
@testable import ParleyCore

@Test func anOrganizationIsFoundByAnyOfItsForms() throws {
    let o = DocumentAnnotation.Organization(id: "o1", name: "the Ministry of Trade of Ghana", aliases: ["MoT"], kind: "government", country: "GHA", mentions: [])
    let stored = ["mot": Int64(3)]
    let d = try OrganizationResolver().resolve(o, OrganizationResolver.Evidence { stored[$0] })
    #expect(d.match == 3)
    #expect(OrganizationResolver.key("The Ministry of Trade") == "ministry of trade")
}

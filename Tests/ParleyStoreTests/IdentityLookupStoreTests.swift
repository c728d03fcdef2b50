import Foundation
import Testing
@testable import ParleyCore
@testable import ParleyStore

/// The look-ups the identity resolver asks each store to run (a name with words left out or added, a surname
/// transliterated another way, a one-name person with a title) and the organizations of an ATTEND, on every
/// backend (PostgreSQL when PARLEY_TEST_POSTGRES_URL names a server).
@Suite("Identity look-ups in the stores")
struct IdentityLookupStoreTests {
    typealias Backend = BackendSuiteTests.Backend

    /// A release in which one person makes a statement.
    static func statement(_ id: String, _ name: String, aliases: [String] = [], titles: [String] = ["Minister"],
                          country: String) -> (Document, DocumentAnnotation) {
        BackendSuiteTests.release(id, published: "2024-03-01", text: "\(name) made a statement.",
                                  people: [BackendSuiteTests.person("p1", name, aliases: aliases, titles: titles, country: country)], events: [])
    }

    @Test("a name with words left out or added, a leading Muhammad, a surname spelled another way join the person",
          arguments: Backend.available)
    func namesJoinThePerson(_ backend: Backend) throws {
        for batch in [1, 2] {
            try BackendSuiteTests.withStore(backend) { store throws in
                let releases = [
                    Self.statement("a1", "Kwame Mensah", country: "GHA"), Self.statement("a2", "Kwame Osei Mensah", country: "GHA"),
                    Self.statement("b1", "Md Danish Qadri", country: "PAK"), Self.statement("b2", "Danish Qadri", country: "PAK"),
                    Self.statement("c1", "Kostas Lamprou", country: "CYP"), Self.statement("c2", "Kostas Lambrou", country: "CYP"),
                    Self.statement("d1", "Ana Maria Lopes", country: "PRT"), Self.statement("d2", "Ana Maria Costa Lopes", country: "KEN"),
                    // Another first word: another person.
                    Self.statement("e1", "Imran Danish Qadri", country: "PAK"),
                ]
                try BackendParityTests.ingest(releases, into: store, batch: batch)
                #expect(try store.person("Kwame Osei Mensah").person.documents == 2)
                #expect(try store.person("Kwame Osei Mensah").merges.last?.reason == "'Kwame Osei Mensah' with words left out or added ('Kwame Mensah')")
                #expect(try store.person("Danish Qadri").person.documents == 2)
                #expect(try store.person("Kostas Lambrou").merges.last?.reason == "close spelling of 'Kostas Lambrou'")
                #expect(try store.person("Ana Maria Costa Lopes").person.documents == 2)
                #expect(try store.person("Imran Danish Qadri").person.documents == 1)
                #expect(try store.stats().people == 5)
            }
        }
    }

    @Test("a person known by one name after their own title is the one person of their country with it",
          arguments: Backend.available)
    func titledOneNameJoinsThePerson(_ backend: Backend) throws {
        try BackendSuiteTests.withStore(backend) { store throws in
            _ = try store.ingest(batch: [Self.statement("f1", "Amina Wanjiru", aliases: ["Wanjiru"], country: "KEN")])
            _ = try store.ingest(batch: [Self.statement("f2", "WANJIRU", aliases: ["MINISTER WANJIRU"], country: "KEN")])
            let p = try store.person("Amina Wanjiru")
            #expect(p.person.documents == 2)
            #expect(p.merges.last?.reason == "the one person of KEN known as 'WANJIRU'")
        }
    }

    @Test("a person known by one name is the one person of their country whose full name ends with it",
          arguments: Backend.available)
    func oneNameJoinsTheFullNameEndingWithIt(_ backend: Backend) throws {
        for batch in [1, 3] {
            try BackendSuiteTests.withStore(backend) { store throws in
                let releases = [Self.statement("h1", "Kwabena Asante", country: "GHA"), Self.statement("h2", "Kofi Ampofo", country: "GHA"),
                                Self.statement("h3", "ASANTE", country: "GHA")]
                try BackendParityTests.ingest(releases, into: store, batch: batch)
                let p = try store.person("Kwabena Asante")
                #expect(p.person.documents == 2)
                #expect(p.merges.last?.reason == "the one person of GHA known as 'ASANTE'")
                #expect(try store.stats().people == 2)
            }
        }
    }

    @Test("a minister at two gatherings of one day: each later report joins the gathering of its organization",
          arguments: Backend.available)
    func attendsOfTwoOrganizationsStayApart(_ backend: Backend) throws {
        try BackendSuiteTests.withStore(backend) { store throws in
            let minister = BackendSuiteTests.person("p1", "Kwame Mensah", titles: ["Minister"], country: "GHA")
            let bodies = [("o1", "Gulf of Guinea Forum"), ("o2", "Volta Basin Council")]
            func release(_ id: String, _ order: [Int]) -> (Document, DocumentAnnotation) {
                let r = BackendSuiteTests.release(id, published: "2025-03-05", text: "Kwame Mensah attended two sessions.",
                                                  people: [minister], events: [])
                var a = r.1
                for (n, k) in order.enumerated() {
                    let (oid, name) = bodies[k]
                    a.organizations.append(DocumentAnnotation.Organization(id: oid, name: name, aliases: [], kind: "intergovernmental",
                                                                           country: nil, mentions: []))
                    var e = BackendSuiteTests.event("e\(n + 1)", "ATTEND", date: "2025-03-05", [minister], countries: ["GHA"],
                                                    evidence: "Kwame Mensah attended the \(name).")
                    e.organizations = [name]
                    a.events.append(e)
                }
                return (r.0, a)
            }
            _ = try store.ingest(batch: [release("g1", [0, 1])])
            _ = try store.ingest(batch: [release("g2", [1, 0])])
            let events = try store.events(EventFilter())
            #expect(events.count == 2)
            #expect(events.allSatisfy { Set($0.sources.map(\.documentId)) == ["g1", "g2"] })
        }
    }
}

import Foundation
import Testing
@testable import ParleyCore

@Test(.enabled(if: ProcessInfo.processInfo.environment["PARLEY_DUMP"] != nil))
func debugDump() throws {
    let path = ProcessInfo.processInfo.environment["PARLEY_DUMP"]!
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let c = Extractor().analyze(Document(id: "x", text: text, origin: path))
    for s in c.sentences {
        print("S\(s.index) P\(s.paragraph): \(c.text(s.span).prefix(100))")
    }
    for m in c.organizationMentions { print("ORG", c.text(m.tokens), "->", c.organizations[m.organization].name, c.organizations[m.organization].isListed) }
    for e in c.events { print("EV", e.type, e.date as Any, e.reported, e.sentence) }
    print("YEAR", c.inferredYear as Any, c.published as Any, c.layout.bodyStartSentence)
}

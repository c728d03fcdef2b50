import Foundation
import Testing
@testable import ParleyCore

@Test func zzExplore() throws {
    let path = "/tmp/explore.txt"
    guard let raw = try? String(contentsOfFile: path, encoding: .utf8) else { return }
    let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
    for (n, text) in raw.components(separatedBy: "\n=====\n").enumerated() {
        let doc = Document(id: "x\(n)", text: text, origin: "t")
        let a = Extractor().extract(doc)
        var out = "### \(n)\n"
        for p in a.people { out += "PERSON \(p.name) aliases=\(p.aliases) titles=\(p.titles) org=\(p.organization ?? "-") country=\(p.country ?? "-")\n" }
        for o in a.organizations { out += "ORG \(o.name) aliases=\(o.aliases) kind=\(o.kind) country=\(o.country ?? "-")\n" }
        for e in a.events { out += "EVENT \(e.type) date=\(e.date ?? "-") place=\(e.place ?? "-") parts=\(e.participants) orgs=\(e.organizations) c=\(e.countries) rep=\(e.reported) cameo=\(e.cameo ?? "-") plover=\(e.plover ?? "-")\n" }
        for e in a.planned { out += "PLANNED \(e.type) date=\(e.date ?? "-") parts=\(e.participants)\n" }
        out += "published=\(a.published ?? "-") dateline=\(a.dateline.map { "\($0.place ?? "-") \($0.date ?? "-")" } ?? "-") title=\(a.title ?? "-")\n"
        print(out)
    }
}

import Foundation
import Testing
@testable import ParleyCore

/// Extracts every release file (text, HTML, JSONL) and returns the predictions as the scorer reads them.
private func predictions(of files: [URL], extractor: Extractor = Sample.extractor) throws -> (annotations: [String: Annotation], failures: [String]) {
    var out: [String: Annotation] = [:]
    var failures: [String] = []
    let reader = SourceReader()
    let encoder = JSONEncoder()
    for url in files.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
        guard let format = InputFormat(fileName: url.lastPathComponent) else { continue }
        let bytes = [UInt8](try Data(contentsOf: url))
        for result in reader.read(bytes, origin: url.lastPathComponent, id: SourceReader.documentID(forPath: url.path), format: format) {
            switch result {
            case .failure(let e): failures.append(e.description)
            case .success(let d):
                let a = extractor.extract(d)
                out[a.id] = try AnnotationScorer.decodeAnnotation(try encoder.encode(a))
            }
        }
    }
    return (out, failures)
}

private func files(in directory: URL) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
}

/// The fixture releases, through the test bundle's `Fixtures/releases` folder.
private func fixtureReleases() -> [URL] {
    ["txt", "html", "jsonl"].flatMap { ext -> [URL] in
        #if canImport(Darwin)
        return Bundle.module.urls(forResourcesWithExtension: ext, subdirectory: "Fixtures/releases") ?? []
        #else
        // Foundation on Linux answers with NSURLs.
        return (Bundle.module.urls(forResourcesWithExtension: ext, subdirectory: "Fixtures/releases") ?? []).compactMap { url -> URL? in
            url.path.map { URL(fileURLWithPath: $0) }
        }
        #endif
    }
}

private func describe(_ r: ScoreReport) -> String {
    String(format: "docs %d, event P/R/F1 %.3f/%.3f/%.3f (undated F1 %.3f), people P/R/F1 %.3f/%.3f/%.3f, org F1 %.3f",
           r.docs, r.eventP, r.eventR, r.eventF1, r.eventF1IgnoringDates, r.peopleP, r.peopleR, r.peopleF1, r.orgF1)
}

@Test func fixtureReleasesScoreAboveTheFloor() throws {
    let releases = fixtureReleases()
    #expect(releases.count >= 30)
    let goldURL = try #require(Bundle.module.url(forResource: "gold", withExtension: nil, subdirectory: "Fixtures"))
    let gold = try AnnotationScorer.loadAnnotations(in: goldURL)
    #expect(gold.count >= 30)
    let (predicted, failures) = try predictions(of: releases)
    for f in failures { print("fixture not read: \(f)") }
    let evaluation = AnnotationScorer().evaluate(gold: gold, predicted: predicted)
    let r = evaluation.report
    print("Fixture score: \(describe(r))")
    for line in r.formattedLines() { print("  \(line)") }
    #expect(r.eventF1 >= 0.2, "event F1 collapsed: \(describe(r))")
    #expect(r.peopleF1 >= 0.5, "people F1 collapsed: \(describe(r))")
}

/// The seed releases beside the repository (`../shared/corpus/seeds`), when present.
private let seedsDirectory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/corpus/seeds").standardizedFileURL

@Test(.enabled(if: FileManager.default.fileExists(atPath: seedsDirectory.appendingPathComponent("gold").path),
               "needs ../shared/corpus/seeds beside the repository"))
func seedReleasesScorePerfectly() throws {
    let gold = try AnnotationScorer.loadAnnotations(in: seedsDirectory.appendingPathComponent("gold"))
    let (predicted, failures) = try predictions(of: try files(in: seedsDirectory))
    #expect(failures.isEmpty, "\(failures)")
    let r = AnnotationScorer().score(gold: gold, predicted: predicted)
    print("Seed score: \(describe(r))")
    #expect(r.missingPredictions == 0)
    #expect(r.eventF1 == 1.0)
    #expect(r.peopleF1 == 1.0)
}

@Test func extractionIsDeterministic() throws {
    let text = "2024-05-02\nMinister Ana Lopes met with Ambassador Karim Haddad on 1 May 2024 at the ministry to discuss trade. Haddad said both sides would benefit."
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let first = try encoder.encode(Sample.extract(text))
    let second = try encoder.encode(Extractor().extract(Sample.document(text)))
    #expect(first == second)
}

@Test func mentionOffsetsAreCodePointsIntoTheText() throws {
    let text = "2024-05-02\nDeputy Minister Đặng Hoàng Giang met with Ambassador Karim Haddad on 1 May 2024 in Hanoi to discuss trade and investment links."
    let a = Sample.extract(text)
    let scalars = Array(text.unicodeScalars)
    for p in a.people {
        for m in p.mentions {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[m.start..<m.end])
            #expect(String(s) == m.text)
        }
    }
    #expect(a.person("Karim Haddad") != nil)
}

@Test func emptyDocumentGivesAnEmptyAnnotation() {
    let a = Sample.extract("")
    #expect(a.people.isEmpty && a.events.isEmpty && a.organizations.isEmpty)
}

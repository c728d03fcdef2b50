import Testing
@testable import ParleyCore

private let reader = SourceReader()

private func read(_ text: String, _ format: InputFormat, origin: String = "in.jsonl") -> [Result<Document, ReadingError>] {
    reader.read(Array(text.utf8), origin: origin, id: SourceReader.documentID(forPath: origin), format: format)
}

private extension Result where Success == Document, Failure == ReadingError {
    var document: Document? { if case .success(let d) = self { return d }; return nil }
    var error: ReadingError? { if case .failure(let e) = self { return e }; return nil }
}

@Test func jsonlGoodAndBrokenLinesAreReadSeparately() throws {
    let results = read("""
        {"id":"a","text":"Minister Ana Lopes met Karim Haddad."}
        {not json
        {"id":"c","text":"Ambassador Tong Defa met the mayor."}
        """, .jsonl, origin: "archive.jsonl")
    #expect(results.count == 3)
    #expect(results[0].document?.id == "a")
    let e = try #require(results[1].error)
    #expect(e.line == 2)
    #expect(e.description.contains("archive.jsonl"))
    #expect(e.description.contains("line 2"))
    #expect(results[2].document?.id == "c")
}

@Test func jsonlRecordWithoutTextIsAnErrorNamingItsLine() throws {
    let results = read("{\"id\":\"a\",\"text\":\"Talks were held.\"}\n{\"id\":\"b\"}\n", .jsonl)
    #expect(results[0].document != nil)
    #expect(try #require(results[1].error).line == 2)
}

@Test func jsonlBlankLinesAreSkippedButCounted() throws {
    let results = read("\n{\"id\":\"a\",\"text\":\"Talks were held.\"}\n\n{\"id\":\"b\",\"text\":5}\n", .jsonl)
    #expect(results.count == 2)
    #expect(try #require(results[1].error).line == 4)
}

@Test func jsonlDuplicateIdIsAnError() throws {
    let results = read("{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"a\",\"text\":\"Two.\"}\n", .jsonl)
    #expect(results[0].document != nil)
    let e = try #require(results[1].error)
    #expect(e.line == 2)
    #expect(e.message.contains("duplicate"))
}

@Test func jsonlRecordWithoutIdIsNamedAfterFileAndLine() {
    let results = read("{\"text\":\"Talks were held.\"}\n", .jsonl, origin: "dir/arch.jsonl")
    #expect(results.first?.document?.id == "arch-1")
}

@Test func jsonlMetadataIsKept() throws {
    let results = read("{\"id\":\"r1\",\"url\":\"https://example.org/a\",\"title\":\"Talks\",\"published\":\"2024-11-14T08:00:00Z\",\"site\":\"example.org\",\"text\":\"Talks were held.\"}\n", .jsonl)
    let d = try #require(results.first?.document)
    #expect(d.url == "https://example.org/a")
    #expect(d.title == "Talks")
    #expect(d.site == "example.org")
    #expect(d.publishedHint == PartialDate(year: 2024, month: 11, day: 14))
}

@Test func jsonlInvalidUTF8LineIsAnErrorAndTheRestIsRead() throws {
    var bytes = Array("{\"id\":\"a\",\"text\":\"One.\"}\n".utf8)
    bytes += [0x7B, 0xFF, 0xFE, 0x7D, 0x0A]
    bytes += Array("{\"id\":\"c\",\"text\":\"Three.\"}\n".utf8)
    let results = reader.read(bytes, origin: "mixed.jsonl", id: "mixed", format: .jsonl)
    #expect(results.count == 3)
    #expect(try #require(results[1].error).line == 2)
    #expect(results[2].document?.id == "c")
}

@Test func emptyJSONLIsAnError() {
    let results = read("", .jsonl, origin: "empty.jsonl")
    #expect(results.count == 1)
    #expect(results[0].error?.description.contains("empty.jsonl") == true)
}

@Test func plainTextBecomesOneDocument() throws {
    let results = read("Minister Ana Lopes met Karim Haddad.", .text, origin: "notes/release-1.txt")
    let d = try #require(results.first?.document)
    #expect(d.id == "release-1")
    #expect(d.origin == "notes/release-1.txt")
    #expect(d.text == "Minister Ana Lopes met Karim Haddad.")
}

@Test
func emptyTextFileIsAnErrorNamingTheFile() throws {
    let results = reader.read([], origin: "empty.txt", id: "empty", format: .text)
    let e = try #require(results.first?.error)
    #expect(e.description.contains("empty.txt"))
}

@Test
func invalidUTF8TextFileIsAnErrorNamingTheFile() throws {
    let results = reader.read(Array("abc".utf8) + [0xFF, 0xFE, 0xC3, 0x28], origin: "bad.txt", id: "bad", format: .text)
    let e = try #require(results.first?.error)
    #expect(e.description.contains("bad.txt"))
}

@Test
func binaryTextFileIsAnErrorNamingTheFile() throws {
    // Valid UTF-8 but plainly not text: NUL and control bytes.
    let bytes: [UInt8] = [0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x10, 0x11, 0x00, 0x7F] + Array(repeating: 0x00, count: 64)
    let results = reader.read(bytes, origin: "blob.txt", id: "blob", format: .text)
    let e = try #require(results.first?.error)
    #expect(e.description.contains("blob.txt"))
}

@Test func oversizedInputIsRefused() throws {
    let small = SourceReader(maximumBytes: 8)
    let results = small.read(Array("Minister Ana Lopes met Karim Haddad.".utf8), origin: "big.txt", id: "big", format: .text)
    #expect(try #require(results.first?.error).description.contains("big.txt"))
}

@Test func documentIDIsTheFileNameWithoutExtension() {
    #expect(SourceReader.documentID(forPath: "corpus/2024/mfa-visit.v2.txt") == "mfa-visit.v2")
    #expect(SourceReader.documentID(forPath: "README") == "README")
    #expect(SourceReader.documentID(forPath: ".hidden") == ".hidden")
}

@Test func safeIDReplacesPathSeparators() {
    #expect(SourceReader.safeID("a/b\\c") == "a_b_c")
    #expect(SourceReader.safeID("../x") == "_._x")
}

@Test func formatFollowsTheExtension() {
    #expect(InputFormat(fileName: "a.TXT") == .text)
    #expect(InputFormat(fileName: "a.htm") == .html)
    #expect(InputFormat(fileName: "a.ndjson") == .jsonl)
    #expect(InputFormat(fileName: "a.pdf") == nil)
}

@Test func unnamedInputFormatIsSniffed() {
    #expect(InputFormat.sniff(Array("  {\"id\":1}".utf8)) == .jsonl)
    #expect(InputFormat.sniff(Array("\n<html>".utf8)) == .html)
    #expect(InputFormat.sniff(Array("BEIJING, May 3".utf8)) == .text)
}

@Test func leadingDateFieldIsThePublicationDateAndLeavesTheText() throws {
    let field = try #require(SourceReader.leadingDateField("\n date 2024-11-14 Minister Ana Lopes met Karim Haddad."))
    #expect(field.0 == PartialDate(year: 2024, month: 11, day: 14))
    #expect(field.1 == "Minister Ana Lopes met Karim Haddad.")
    // Only a complete ISO date right after the field name counts.
    #expect(SourceReader.leadingDateField("date 2024-11 Minister Ana Lopes met Karim Haddad.") == nil)
    #expect(SourceReader.leadingDateField("Dated 2024-11-14, the minister met the envoy.") == nil)

    let d = try #require(read("date 2024-11-14\nMinister Ana Lopes met Karim Haddad.", .text, origin: "crawl/page-7.txt").first?.document)
    #expect(d.publishedHint == PartialDate(year: 2024, month: 11, day: 14))
    #expect(d.text == "\nMinister Ana Lopes met Karim Haddad.")
}

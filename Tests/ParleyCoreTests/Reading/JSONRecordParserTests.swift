import Testing
@testable import ParleyCore

// One JSON Lines record read into its known string fields, from bytes.

private let keys: Set<String> = ["id", "text", "html"]

private func parse(_ s: String) throws(JSONRecordParser.Failure) -> [String: String] {
    try JSONRecordParser.parse(Array(s.utf8)[...], keys: keys)
}

@Test func stringFieldsAreReadWithTheirEscapesDecoded() throws {
    let f = try parse(#"{"id":"a1","text":"Line one\nsaid \"yes\" \\ \/ tab\there \u00e9t\u00C9 \ud83d\ude00 end"}"#)
    #expect(f["id"] == "a1")
    #expect(f["text"] == "Line one\nsaid \"yes\" \\ / tab\there étÉ 😀 end")
}

@Test func otherFieldsOfAnyTypeAreSkippedAndNullIsAbsent() throws {
    let f = try parse(#" { "n": -1.5e3, "ok": true, "no": false, "x": null, "list": [1, "a", {"b": [null]}], "obj": {"k": "v"}, "html": "<p>Hi</p>", "id": null } "#)
    #expect(f == ["html": "<p>Hi</p>"])
    #expect(try parse("{}").isEmpty)
}

@Test func aKnownFieldOfAnotherTypeIsAWrongType() {
    #expect(throws: JSONRecordParser.Failure.wrongType("id")) { try parse(#"{"id": 7, "text": "x"}"#) }
    #expect(throws: JSONRecordParser.Failure.wrongType("text")) { try parse(#"{"text": ["x"]}"#) }
}

@Test func brokenJSONIsMalformed() {
    for bad in ["{not json", "[]", #""text""#, #"{"text": "x""#, #"{"text": "x",}"#, #"{"text": "x"} trailing"#,
                #"{"text": "bad \q escape"}"#, #"{"text": "lone \ud800 surrogate"}"#, "{\"text\": \"raw\u{01}control\"}",
                #"{"text" "x"}"#, "", String(repeating: "[", count: 600)] {
        #expect(throws: JSONRecordParser.Failure.malformed, "\(bad.prefix(30))") { try parse(bad) }
    }
}

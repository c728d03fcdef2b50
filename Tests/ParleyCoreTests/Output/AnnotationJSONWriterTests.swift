import Foundation
import Testing
@testable import ParleyCore

/// The fast writer must produce the same JSON document as Foundation's encoder.
@Test func jsonWriterMatchesJSONEncoder() throws {
    let text = """
    2024.03.02
    HANOI, March 1 (VNA) -- Deputy Minister Le Thi Thu Hang met here today with Ambassador "Jean-Luc" O'Neill of Ireland.
    The two sides signed a memorandum\tof understanding. Ms. Hang will visit Dublin next month.
    """
    let a = Extractor().extract(Document(id: "w1", url: "https://example.org/a/b", text: text, origin: "test"))
    #expect(!a.events.isEmpty)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let reference = try JSONSerialization.jsonObject(with: encoder.encode(a)) as? NSDictionary
    for pretty in [false, true] {
        let bytes = AnnotationJSONWriter(pretty: pretty).data(a)
        let ours = try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary
        #expect(ours == reference)
        #expect(pretty || !bytes.contains(0x0A))
    }
}

@Test func jsonWriterEscapesControlCharactersAndQuotes() throws {
    var a = Extractor().extract(Document(id: "w2", text: "Minister Ana Lopes met Karim Haddad.", origin: "test"))
    a.title = "A \"quoted\" title with \\ and \u{01} and é"
    let bytes = AnnotationJSONWriter(pretty: false).data(a)
    let object = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(object["title"] as? String == a.title)
}

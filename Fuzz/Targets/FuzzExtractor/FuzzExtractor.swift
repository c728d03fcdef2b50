import FuzzSupport
import ParleyCore

let extractor = Extractor()
let writer = AnnotationJSONWriter(pretty: false)

/// Runs the whole extraction pipeline on arbitrary text (bytes decoded as UTF-8, invalid sequences
/// replaced) and checks that every mention's offsets lie inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let annotation = extractor.extract(Document(id: "fuzz", text: text, origin: "fuzz"))
    let length = text.unicodeScalars.count
    let mentions = annotation.people.flatMap(\.mentions) + annotation.organizations.flatMap(\.mentions)
    for m in mentions {
        precondition(0 <= m.start && m.start <= m.end && m.end <= length, "mention \(m.start)..<\(m.end) outside a text of \(length)")
    }
    _ = writer.data(annotation)
    return 0
}

/// The process entry point (SwiftPM links `main` to it): libFuzzer's driver over `fuzz`.
@_cdecl("FuzzExtractor_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}

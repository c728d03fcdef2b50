import Foundation
@testable import ParleyCore

/// Small helpers shared by the ParleyCore tests: run the pipeline on a release written in the test.
enum Sample {
    static let extractor = Extractor()

    static func document(_ text: String, id: String = "sample", url: String? = nil) -> Document {
        Document(id: id, url: url, text: text, origin: "\(id).txt")
    }

    static func analyze(_ text: String, id: String = "sample", url: String? = nil) -> ExtractionContext {
        extractor.analyze(document(text, id: id, url: url))
    }

    static func extract(_ text: String, id: String = "sample", url: String? = nil) -> DocumentAnnotation {
        extractor.extract(document(text, id: id, url: url))
    }
}

extension DocumentAnnotation {
    func person(_ name: String) -> Person? { people.first { $0.name == name } }
    func organization(_ name: String) -> Organization? { organizations.first { $0.name == name } }
}

// TEMPORARY stub until the HTML reader lands.
public enum TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty, binary, invalidUTF8(byteOffset: Int), unsupportedEncoding(String)
    public var description: String { "\(self)" }
}
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8], declaredEncoding: String? = nil) throws(TextDecodingError) -> String {
        guard let s = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8(byteOffset: 0) }
        if s.isEmpty { throw .empty }
        return s
    }
}
public struct HTMLPage: Sendable, Equatable {
    public var title: String?; public var text: String; public var dateCandidates: [String]; public var canonicalURL: String?; public var siteName: String?; public var language: String?
}
public struct HTMLMainTextExtractor: Sendable {
    public init() {}
    public func extract(_ bytes: [UInt8]) throws(TextDecodingError) -> HTMLPage { HTMLPage(title: nil, text: "", dateCandidates: [], canonicalURL: nil, siteName: nil, language: nil) }
}

import Testing
import ParleyCore

@Suite("TextDecoding")
struct TextDecodingTests {
    @Test func plainUTF8IsReturnedUnchanged() throws {
        let text = try TextDecoding.decode(Array("Wang Yi met Lavrov in Moscow.".utf8))
        #expect(text == "Wang Yi met Lavrov in Moscow.")
    }

    @Test func utf8ByteOrderMarkIsStripped() throws {
        let text = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Joint statement".utf8))
        #expect(text == "Joint statement")
    }

    @Test func utf16LittleEndianWithBOMIsDecoded() throws {
        let units = Array("Côte d’Ivoire\r\nAbidjan".utf16)
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in units { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try TextDecoding.decode(bytes) == "Côte d’Ivoire\nAbidjan")
    }

    @Test func utf16BigEndianWithBOMIsDecoded() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for u in Array("Ñuñoa 🇨🇱".utf16) { bytes += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(try TextDecoding.decode(bytes) == "Ñuñoa 🇨🇱")
    }

    @Test func windows1252IsConvertedWhenDeclared() throws {
        // “José” – 5 €   in windows-1252
        let bytes: [UInt8] = [0x93, 0x4A, 0x6F, 0x73, 0xE9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]
        #expect(try TextDecoding.decode(bytes, declaredEncoding: "windows-1252") == "“José” – 5 €")
        #expect(try TextDecoding.decode(bytes, declaredEncoding: "CP1252") == "“José” – 5 €")
    }

    @Test func latin1LabelIsReadAsWindows1252() throws {
        let bytes: [UInt8] = [0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E, 0x92, 0x73]   // Münchens with a curly apostrophe
        #expect(try TextDecoding.decode(bytes, declaredEncoding: "iso-8859-1") == "München’s")
        #expect(try TextDecoding.decode(bytes, declaredEncoding: " Latin1 ") == "München’s")
    }

    @Test func declaredUTF8StillValidates() {
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 2)) {
            try TextDecoding.decode([0x41, 0x42, 0xE9, 0x43], declaredEncoding: "utf-8")
        }
    }

    @Test func invalidUTF8ReportsOffsetOfFirstBadByte() {
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 3)) {
            try TextDecoding.decode([0x61, 0x62, 0x63, 0xFF, 0x64])
        }
    }

    @Test func invalidUTF8OffsetCountsFromStartOfInputIncludingBOM() {
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 5)) {
            try TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x61, 0x62, 0xC3, 0x28])
        }
    }

    @Test func invalidUTF8OffsetIsFoundPastTheASCIIFastPath() {
        let bytes = Array(String(repeating: "diplomacy ", count: 40).utf8) + [0xE2, 0x82] // truncated euro sign
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 400)) { try TextDecoding.decode(bytes) }
    }

    @Test func overlongAndSurrogateEncodingsAreRejected() {
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 1)) { try TextDecoding.decode([0x41, 0xC0, 0xAF]) }
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 0)) { try TextDecoding.decode([0xED, 0xA0, 0x80]) }
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 0)) { try TextDecoding.decode([0xF4, 0x90, 0x80, 0x80]) }
    }

    @Test func pngHeaderWithRandomBytesIsBinary() {
        var generator = DecodingTestRandom(seed: 42)
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<512).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: TextDecodingError.binary) { try TextDecoding.decode(bytes) }
    }

    @Test func pdfMagicNumberIsBinary() {
        #expect(throws: TextDecodingError.binary) { try TextDecoding.decode(Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8)) }
    }

    @Test func nulBytesMeanBinary() {
        #expect(throws: TextDecodingError.binary) { try TextDecoding.decode([0x41, 0x00, 0x42, 0x43]) }
    }

    @Test func manyControlBytesMeanBinary() {
        let bytes = (0..<200).map { UInt8($0 % 3 == 0 ? 0x01 : 0x41) }
        #expect(throws: TextDecodingError.binary) { try TextDecoding.decode(bytes) }
    }

    @Test func emptyInputIsEmpty() {
        #expect(throws: TextDecodingError.empty) { try TextDecoding.decode([]) }
    }

    @Test func whitespaceOnlyInputIsEmpty() {
        #expect(throws: TextDecodingError.empty) { try TextDecoding.decode(Array(" \n\r\n\t ".utf8)) }
        #expect(throws: TextDecodingError.empty) { try TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x20, 0x0A]) }
    }

    @Test func crlfAndLoneCRBecomeLF() throws {
        #expect(try TextDecoding.decode(Array("one\r\ntwo\rthree\n\r\nfour".utf8)) == "one\ntwo\nthree\n\nfour")
        #expect(try TextDecoding.decode([0x61, 0x0D, 0x0A, 0xE9], declaredEncoding: "windows-1252") == "a\né")
    }

    @Test func unknownDeclaredEncodingIsUnsupported() {
        #expect(throws: TextDecodingError.unsupportedEncoding("koi8-r")) {
            try TextDecoding.decode(Array("abc".utf8), declaredEncoding: "koi8-r")
        }
    }

    @Test func errorDescriptionsAreShortMessages() {
        #expect(TextDecodingError.invalidUTF8(byteOffset: 3).description == "invalid UTF-8 at byte 3")
        #expect(TextDecodingError.empty.description == "empty or whitespace-only input")
        #expect(TextDecodingError.binary.description == "binary data, not text")
        #expect(TextDecodingError.unsupportedEncoding("x-mac-thai").description == "unsupported encoding \"x-mac-thai\"")
    }
}

/// A tiny deterministic generator so the "random" bytes are the same on every run.
struct DecodingTestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

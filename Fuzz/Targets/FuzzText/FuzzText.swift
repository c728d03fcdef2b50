import FuzzSupport
import ParleyCore

let reader = SourceReader()

/// Reads arbitrary bytes as a `.txt` input, as `parley extract` does for a file with that extension.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    for result in reader.read(fuzzBytes(data, size), origin: "fuzz.txt", id: "fuzz", format: .text) {
        switch result {
        case .success(let document): checkDocument(document)
        case .failure(let error): _ = error.description
        }
    }
    return 0
}

/// The process entry point (SwiftPM links `main` to it): libFuzzer's driver over `fuzz`.
@_cdecl("FuzzText_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}

import FuzzArchiveSupport
import FuzzSupport

/// Reads arbitrary bytes as the archive file `input.warc` through `LocalArchive`, the entry point of
/// `parley extract`/`fetch` for archives (gzip-compressed input is recognised by its magic bytes).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    readArchive(fuzzBytes(data, size), named: "input.warc")
    return 0
}

/// The process entry point (SwiftPM links `main` to it): libFuzzer's driver over `fuzz`.
@_cdecl("FuzzWARC_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}

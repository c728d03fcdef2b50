// swift-tools-version: 6.1
// libFuzzer targets for Parley's readers and extractor. Not part of the main package: build and run
// them with `Fuzz/run` (see Fuzz/README.md); `swift build`/`swift test` at the top level never see them.
import PackageDescription

let parley: [Target.Dependency] = [.product(name: "ParleyCore", package: "Parley")]
let sources: [Target.Dependency] = parley + [.product(name: "ParleySources", package: "Parley")]

/// One executable per reader; `LLVMFuzzerTestOneInput` is its entry point and libFuzzer supplies `main`.
/// The core targets build without ParleySources and its network dependencies, so they are ready first.
func fuzzTarget(_ name: String, _ support: Target.Dependency) -> Target {
    .executableTarget(name: name, dependencies: [support], path: "Targets/\(name)")
}

let package = Package(
    name: "ParleyFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Parley", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: parley, path: "Targets/FuzzSupport"),
        .target(name: "FuzzArchiveSupport", dependencies: ["FuzzSupport"] + sources, path: "Targets/FuzzArchiveSupport"),
        fuzzTarget("FuzzText", "FuzzSupport"),
        fuzzTarget("FuzzHTML", "FuzzSupport"),
        fuzzTarget("FuzzJSONL", "FuzzSupport"),
        fuzzTarget("FuzzExtractor", "FuzzSupport"),
        fuzzTarget("FuzzWARC", "FuzzArchiveSupport"),
        fuzzTarget("FuzzTar", "FuzzArchiveSupport"),
        fuzzTarget("FuzzZip", "FuzzArchiveSupport"),
        fuzzTarget("FuzzFeed", "FuzzArchiveSupport"),
    ]
)

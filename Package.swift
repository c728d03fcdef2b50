// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ParleyCore", targets: ["ParleyCore"]),
        .executable(name: "parley", targets: ["parley"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "ParleyCore",
            dependencies: ["CLibXML2"],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "parley",
            dependencies: [
                "ParleyCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ParleyBenchmark",
            dependencies: ["ParleyCore"],
            path: "Benchmarks/ParleyBenchmark",
            exclude: ["Resources"]
        ),
        .testTarget(
            name: "ParleyCoreTests",
            dependencies: ["ParleyCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "parleyTests",
            dependencies: ["parley", "ParleyCore"]
        ),
    ]
)

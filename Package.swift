// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ParleyCore", targets: ["ParleyCore"]),
        .library(name: "ParleyStore", targets: ["ParleyStore"]),
        .library(name: "ParleySources", targets: ["ParleySources"]),
        .library(name: "ParleyServer", targets: ["ParleyServer"]),
        .executable(name: "parley", targets: ["parley"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
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
        .systemLibrary(
            name: "CParleyZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "ParleySources",
            dependencies: [
                "ParleyCore",
                "ParleyStore",
                "CLibXML2",
                "CParleyZlib",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ParleyStore",
            dependencies: [
                "ParleyCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "ParleyServer",
            dependencies: [
                "ParleyCore",
                "ParleyStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "parley",
            dependencies: [
                "ParleyCore",
                "ParleyStore",
                "ParleySources",
                "ParleyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ParleyBenchmark",
            dependencies: ["ParleyCore", "ParleyStore"],
            path: "Benchmarks/ParleyBenchmark",
            exclude: ["Resources"]
        ),
        .executableTarget(
            name: "SourcesBenchmark",
            dependencies: [
                "ParleySources", "CParleyZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/SourcesBenchmark",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "ParleyCoreTests",
            dependencies: ["ParleyCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ParleyStoreTests",
            dependencies: ["ParleyStore", "ParleyCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .testTarget(
            name: "ParleySourcesTests",
            dependencies: [
                "ParleySources", "ParleyCore", "ParleyStore", "CParleyZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "ParleyServerTests",
            dependencies: [
                "ParleyServer",
                "ParleyStore",
                "ParleyCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(
            name: "parleyTests",
            dependencies: ["parley", "ParleyCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)

import Foundation
import Testing

// Running the built `parley` binary from the CLI tests.

/// The `parley` binary built with the tests: next to the test bundle, else in the package's `.build`.
let parleyBinary: URL? = {
    let fm = FileManager.default
    var candidates: [URL] = []
    let bundle = Bundle.main.bundleURL
    candidates.append(bundle.appendingPathComponent("parley"))
    candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("parley"))
    if let exe = CommandLine.arguments.first {
        candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("parley"))
    }
    for b in Bundle.allBundles where b.bundleURL.pathExtension == "xctest" {
        candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("parley"))
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    for config in ["debug", "release"] {
        candidates.append(root.appendingPathComponent(".build/\(config)/parley"))
    }
    return candidates.first { fm.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath }
}()

let binaryMissing = "the parley binary was not found next to the test bundle or in .build/<config>/ — build it with `swift build`"

/// What a run of `parley` printed and how it exited.
struct ParleyRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `parley` with `arguments` and the file at `standardInput` (else nothing, no terminal) on standard input.
func runParley(_ arguments: [String], standardInput: String? = nil) throws -> ParleyRun {
    let binary = try #require(parleyBinary, Comment(rawValue: binaryMissing))
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = try standardInput.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) } ?? FileHandle.nullDevice
    try process.run()
    // Read both pipes concurrently so a full pipe cannot block the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ParleyRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
}


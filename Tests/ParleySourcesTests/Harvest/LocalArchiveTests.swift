import Foundation
import Testing
@testable import ParleySources

@Suite struct LocalArchiveTests {
    /// A fresh empty file named `name` in a temporary directory.
    func emptyFile(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parley-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        return path
    }

    /// Found by the FuzzZip target: an empty archive file went through Foundation's whole-file reader, which
    /// leaks a buffer on empty files. It is now refused up front with an error naming the file.
    @Test(arguments: ["input.zip", "input.warc", "input.warc.gz", "input.tar", "input.tar.gz"])
    func anEmptyArchiveFileIsOneClearErrorNamingTheFile(_ name: String) throws {
        let path = try emptyFile(name)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let kind = try LocalArchive.kind(of: path)
        var events: [HarvestEvent] = []
        LocalArchive().read(path, kind: kind) { events.append($0) }
        #expect(events.count == 1)
        guard case .failure(let e) = events.first else { Issue.record("expected an error, got \(events)"); return }
        #expect(e.source == path)
        #expect(e.description.hasPrefix("\(path): the file is empty (0 bytes)"))
    }

    @Test func anEmptyArchiveIsCalledByTheNameGiven() throws {
        let path = try emptyFile("upload.zip")
        var events: [HarvestEvent] = []
        LocalArchive().read(path, kind: .zip, name: "standard input") { events.append($0) }
        guard case .failure(let e) = events.first else { Issue.record("expected an error"); return }
        #expect(e.source == "standard input")
    }

    @Test func anEmptyFileReadsAsNoBytes() throws {
        let path = try emptyFile("empty.txt")
        #expect(try FileBytes.read(path) == [])
        #expect(FileBytes.isEmptyFile(path))
    }

    @Test func aFileReadsWhole() throws {
        let path = try emptyFile("release.txt")
        let text = Array(String(repeating: "Ana Lopes met Karim Haddad in Accra. ", count: 40_000).utf8)
        try Data(text).write(to: URL(fileURLWithPath: path))
        #expect(try FileBytes.read(path) == text)
        #expect(!FileBytes.isEmptyFile(path))
    }

    @Test func aMissingFileIsAnErrorNamingIt() {
        #expect(throws: SourceError.self) { try FileBytes.read("/nonexistent/parley/release.txt") }
        #expect(!FileBytes.isEmptyFile("/nonexistent/parley/release.txt"))
    }
}

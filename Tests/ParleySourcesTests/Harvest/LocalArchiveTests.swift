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

    /// Found by the FuzzWARC target: a response record whose target URI is "https://" alone made a document with
    /// an empty id. Such a record is now an error naming it, and the records after it are still read.
    @Test func aRecordWhoseURLNamesNoPageIsAnErrorAndTheRestIsRead() throws {
        func record(_ uri: String, _ body: String) -> String {
            let http = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + body
            return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: \(uri)\r\nContent-Type: application/http; msgtype=response\r\n"
                + "Content-Length: \(http.utf8.count)\r\n\r\n" + http + "\r\n\r\n"
        }
        let text = "2024-03-04\nPresident Ana Lopes met with President Karim Haddad in Accra."
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parley-warc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("crawl.warc").path
        try (record("https://", text) + record("https://mfa.test/news/1", text)).write(toFile: path, atomically: true, encoding: .utf8)
        var events: [HarvestEvent] = []
        LocalArchive().read(path, kind: try LocalArchive.kind(of: path)) { events.append($0) }
        let documents = events.compactMap { e -> String? in if case .document(let d, _, _) = e { return d.id }; return nil }
        #expect(documents == ["mfa.test_news_1"])
        #expect(events.contains { if case .failure(let e) = $0 { return e.description.contains("names no page") }; return false })
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

import Foundation
import Testing
import ZIPFoundation

// End-to-end tests of the inputs `parley` streams: ZIP archives entry by entry, and standard input
// (JSON Lines, WARC, ZIP) as it arrives.

/// A fresh temporary folder, removed at the end.
private final class Folder {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-streaming-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: root) }
    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }

    /// A deflated ZIP of `entries` (path → text) in the given order, written by ZIPFoundation.
    func zip(_ name: String, _ entries: [(String, String)]) throws {
        let archive = try Archive(url: root.appendingPathComponent(name), accessMode: .create)
        for (path, text) in entries {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}

private func release(_ n: Int) -> String {
    "Minister of Foreign Affairs Aldren Vesk met Ambassador Nadia Ferrant in Oslo on 4 May 2025 to discuss trade (release \(n))."
}

/// The release numbers in `parley text` output, in order.
private func releaseNumbers(_ stdout: String) -> [Int] {
    stdout.components(separatedBy: "(release ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
}

@Suite(.enabled(if: parleyBinary != nil, Comment(rawValue: binaryMissing)))
struct StreamingInputCLITests {
    @Test func aZipIsReadEntryByEntryInArchiveOrder() throws {
        let f = try Folder()
        try f.zip("bundle.zip", [
            ("news/b.txt", release(1)),
            ("news/a.html", "<html><body><article><p>\(release(2))</p></article></body></html>"),
            ("news/logo.png", "not a release"),
            ("news/more.jsonl", "{\"id\":\"j3\",\"text\":\"\(release(3))\"}\n{\"id\":\"j4\",\"text\":\"\(release(4))\"}\n"),
            ("news/c.txt", release(5)),
        ])
        let run = try runParley(["text", "--jobs", "2", f.path("bundle.zip")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(releaseNumbers(run.stdout) == [1, 2, 3, 4, 5])
        let extract = try runParley(["extract", f.path("bundle.zip")])
        let ids = extract.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == ["b", "a", "j3", "j4", "c"])
    }

    @Test func aZipEntryOverTheLimitIsSkippedWithAMessageAndTheRestRead() throws {
        let f = try Folder()
        try f.zip("big.zip", [("one.txt", release(1))])
        // A 65 MB entry (one repeated line, so the archive stays small) between two releases.
        let archive = try Archive(url: f.root.appendingPathComponent("big.zip"), accessMode: .update)
        let line = Data(String(repeating: "The talks went on. ", count: 1000).utf8)
        try archive.addEntry(with: "huge.txt", type: .file, uncompressedSize: Int64(65 << 20), compressionMethod: .deflate) { _, size in
            var chunk = Data(capacity: size)
            while chunk.count < size { chunk.append(line.prefix(size - chunk.count)) }
            return chunk
        }
        let two = Data(release(2).utf8)
        try archive.addEntry(with: "two.txt", type: .file, uncompressedSize: Int64(two.count), compressionMethod: .deflate) { position, size in
            two.subdata(in: Int(position)..<Int(position) + size)
        }
        let run = try runParley(["text", f.path("big.zip")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("big.zip: entry huge.txt: 65 MB is over the 64 MB limit; skipped"), "\(run.stderr)")
        #expect(releaseNumbers(run.stdout) == [1, 2])
    }

    @Test func aCorruptZipIsAnErrorNamingTheFile() throws {
        let f = try Folder()
        try f.write("broken.zip", "PK\u{3}\u{4} this was a ZIP once, cut off before its directory")
        try f.write("fine.txt", release(1))
        let run = try runParley(["text", f.path("broken.zip"), f.path("fine.txt")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken.zip: not a ZIP archive, or truncated (no end of central directory)"), "\(run.stderr)")
        #expect(releaseNumbers(run.stdout) == [1])
    }

    /// Found by the FuzzZip target (the empty input): an empty archive is named as empty, and the rest is read.
    @Test func anEmptyZipIsAnErrorNamingTheFile() throws {
        let f = try Folder()
        try f.write("empty.zip", "")
        try f.write("fine.txt", release(1))
        let run = try runParley(["text", f.path("empty.zip"), f.path("fine.txt")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("empty.zip: the file is empty (0 bytes)"), "\(run.stderr)")
        #expect(releaseNumbers(run.stdout) == [1])
    }

    @Test func jsonLinesOnStandardInputStreamInOrderWithBadLinesNamed() throws {
        let f = try Folder()
        // 3,000 records (over 1 MB, so several chunks) with a broken line after the 20th.
        var lines: [String] = []
        for n in 1...3000 {
            lines.append("{\"id\":\"r\(n)\",\"text\":\"\(release(n)) Padding words to give the record a realistic length for a short release.\"}")
            if n == 20 { lines.append("{not json") }
        }
        try f.write("in.jsonl", lines.joined(separator: "\n") + "\n")
        let run = try runParley(["text", "--jobs", "2", "-"], standardInput: f.path("in.jsonl"))
        #expect(run.status == 1)
        #expect(run.stderr.contains("stdin: line 21: not a JSON object"), "\(run.stderr)")
        #expect(releaseNumbers(run.stdout) == Array(1...3000))
    }

    @Test func aWARCOnStandardInputIsReadRecordByRecord() throws {
        let f = try Folder()
        var warc = ""
        for n in 1...2 {
            let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article><p>\(release(n))</p></article></body></html>"
            warc += "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://mfa.test/news/\(n)\r\nWARC-Date: 2025-05-04T10:00:00Z\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: \(http.utf8.count)\r\n\r\n" + http + "\r\n\r\n"
        }
        try f.write("crawl.warc", warc)
        let run = try runParley(["text"], standardInput: f.path("crawl.warc"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(releaseNumbers(run.stdout) == [1, 2])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/tar"), "needs tar"))
    func aTarGzOnStandardInputIsReadEntryByEntry() throws {
        let f = try Folder()
        try FileManager.default.createDirectory(atPath: f.path("news"), withIntermediateDirectories: true)
        try f.write("news/1.txt", release(1))
        try f.write("news/2.txt", release(2))
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["-czf", f.path("news.tar.gz"), "-C", f.root.path, "news/1.txt", "news/2.txt"]
        try tar.run()
        tar.waitUntilExit()
        let run = try runParley(["text"], standardInput: f.path("news.tar.gz"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(releaseNumbers(run.stdout) == [1, 2])
    }

    @Test func aZipOnStandardInputIsReadThroughATemporaryFile() throws {
        let f = try Folder()
        try f.zip("bundle.zip", [("one.txt", release(1)), ("two.txt", release(2))])
        let spooled = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("parley-stdin-") })
        let run = try runParley(["text", "-"], standardInput: f.path("bundle.zip"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(releaseNumbers(run.stdout) == [1, 2])
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("parley-stdin-") })
        #expect(left.subtracting(spooled).isEmpty, "the temporary copy is removed")
    }
}

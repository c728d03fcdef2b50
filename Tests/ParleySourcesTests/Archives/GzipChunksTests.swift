import Testing
@testable import ParleySources

@Suite struct GzipChunksTests {
    @Test func concatenatedMembersReadAsOneStream() throws {
        let data = ArchiveWriters.gzip(Array("first member, ".utf8)) + ArchiveWriters.gzip(Array("second member".utf8))
        #expect(String(decoding: try GzipChunks.inflateAll(data, name: "two.gz"), as: UTF8.self) == "first member, second member")
    }

    @Test func truncatedDataIsAnErrorNamingTheFile() {
        let data = ArchiveWriters.gzip(Array(String(repeating: "Minister met a delegation. ", count: 200).utf8))
        do {
            _ = try GzipChunks.inflateAll(Array(data.prefix(data.count / 2)), name: "cut.gz")
            Issue.record("a truncated stream should throw")
        } catch {
            #expect(error.source == "cut.gz")
            #expect(error.message.contains("ends early"))
        }
    }
}

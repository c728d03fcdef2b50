import Testing
@testable import ParleySources

@Suite struct BundleReaderTests {
    static let files: [(String, [UInt8])] = [
        ("releases/one.txt", Array("Minister Aldren Vesk met with Ambassador Nadia Ferrant on 4 May 2025.".utf8)),
        ("releases/two.html", Array(ReleasePages.page(2).utf8)),
        ("releases/logo.png", [0x89, 0x50, 0x4E, 0x47]),
    ]

    @Test func tarGzEntriesStreamInOrderAndUnwantedOnesAreSkipped() throws {
        var tar = TarReader(try GzipChunks(MemoryChunks(ArchiveWriters.gzip(ArchiveWriters.tar(Self.files))), name: "b.tar.gz"), name: "b.tar.gz")
        tar.wants = { !$0.hasSuffix(".png") }
        var got: [BundleEntry] = []
        while let r = tar.next() { got.append(try r.get()) }
        #expect(got.map(\.path) == ["releases/one.txt", "releases/two.html"])
        #expect(got[1].bytes == Self.files[1].1)
    }

    @Test func truncatedTarNamesTheEntry() {
        let data = ArchiveWriters.tar(Self.files)
        var tar = TarReader(MemoryChunks(Array(data.prefix(512 + 20))), name: "cut.tar")
        guard case .failure(let e) = tar.next() else { Issue.record("should fail"); return }
        #expect(e.description == "cut.tar: entry releases/one.txt: the archive ends inside this entry (truncated?)")
    }
}

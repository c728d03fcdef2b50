import Testing
@testable import ParleySources

@Suite struct WARCReaderTests {
    static func records(_ bytes: [UInt8], gzip: Bool = false) throws -> [Result<WARCRecord, SourceError>] {
        var out: [Result<WARCRecord, SourceError>] = []
        if gzip {
            var r = WARCReader(try GzipChunks(MemoryChunks(bytes), name: "t.warc.gz"), name: "t.warc.gz")
            while let x = r.next() { out.append(x) }
        } else {
            var r = WARCReader(MemoryChunks(bytes), name: "t.warc")
            while let x = r.next() { out.append(x) }
        }
        return out
    }

    @Test func responseRecordsKeepURIDateAndBody() throws {
        let warc = ArchiveWriters.warcRecord(type: "request", uri: "http://mfa.test/a", block: Array("GET /a HTTP/1.1\r\n\r\n".utf8), blockType: "application/http; msgtype=request")
            + ArchiveWriters.warcResponse(uri: "http://mfa.test/a", body: Array(ReleasePages.page(1).utf8))
        let recs = try Self.records(warc)
        #expect(recs.count == 1)
        let r = try recs[0].get()
        #expect(r.targetURI == "http://mfa.test/a")
        #expect(r.date == "2025-06-01T08:00:00Z")
        #expect(r.contentType == "text/html")
        #expect(r.charset == "utf-8")
        #expect(String(decoding: r.body, as: UTF8.self) == ReleasePages.page(1))
    }

    @Test func gzipMembersPerRecord() throws {
        let warc = ArchiveWriters.gzip(ArchiveWriters.warcResponse(uri: "http://mfa.test/1", body: Array(ReleasePages.page(1).utf8)))
            + ArchiveWriters.gzip(ArchiveWriters.warcResponse(uri: "http://mfa.test/2", body: Array(ReleasePages.page(2).utf8)))
        #expect(try Self.records(warc, gzip: true).map { try $0.get().targetURI } == ["http://mfa.test/1", "http://mfa.test/2"])
    }

    @Test func malformedRecordIsReportedAndTheNextOneRead() throws {
        let bad = Array("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://mfa.test/bad\r\n\r\nno length here\r\n\r\n".utf8)
        let warc = bad + ArchiveWriters.warcResponse(uri: "http://mfa.test/good", body: Array(ReleasePages.page(3).utf8))
        let recs = try Self.records(warc)
        #expect(recs.count == 2)
        guard case .failure(let e) = recs[0] else { Issue.record("the bad record should fail"); return }
        #expect(e.description.hasPrefix("t.warc: record 1 at byte 0: no valid Content-Length"))
        #expect(try recs[1].get().targetURI == "http://mfa.test/good")
    }

    @Test func truncatedGzipKeepsEarlierRecords() throws {
        let first = ArchiveWriters.gzip(ArchiveWriters.warcResponse(uri: "http://mfa.test/1", body: Array(ReleasePages.page(1).utf8)))
        let second = ArchiveWriters.gzip(ArchiveWriters.warcResponse(uri: "http://mfa.test/2", body: Array(ReleasePages.page(2).utf8)))
        let recs = try Self.records(first + second.prefix(second.count / 2), gzip: true)
        #expect(recs.count == 2)
        #expect(try recs[0].get().targetURI == "http://mfa.test/1")
        guard case .failure(let e) = recs[1] else { Issue.record("truncation should be reported"); return }
        #expect(e.description.contains("t.warc.gz"))
        #expect(e.message.contains("truncated"))
    }
}

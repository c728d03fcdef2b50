import Foundation
import Hummingbird
import HummingbirdTesting
import ParleyCore
import ParleyServer
import ParleyStore
import Testing

// Shared helpers of the server tests: a temporary SQLite database with a few short releases written for
// these tests, and the server's routes over it, exercised in-process.

/// A temporary database with the test releases ingested; the folder is removed when the value goes away.
final class TestDatabase: @unchecked Sendable {
    let folder: URL
    let store: SQLiteEventStore

    init(_ releases: [(id: String, text: String)] = TestReleases.all) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-server-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteEventStore(path: folder.appendingPathComponent("test.sqlite").path)
        let extractor = Extractor()
        let pairs = releases.map { r -> (Document, DocumentAnnotation) in
            let d = Document(id: r.id, text: r.text, origin: "\(r.id).txt")
            return (d, extractor.extract(d))
        }
        _ = try store.ingest(batch: pairs)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `body` with an in-process client of the server over this database.
    func withClient<T>(_ configuration: ServerConfiguration = ServerConfiguration(),
                       _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let router = try ParleyServer.router(store: store, configuration: configuration)
        let app = Application(router: router)
        return try await app.test(.router, body)
    }
}

/// Short releases in the style of ministry and party press releases, written for these tests.
enum TestReleases {
    static let meeting = """
        2024.05.04
        Minister Receives Envoy

        HANOI, May 3 -- Foreign Minister Ana Lopes met here with Ambassador Karim Haddad to discuss trade, investment and cultural exchanges between the two countries.
        Haddad said both sides would benefit from closer ties.
        """
    static let call = """
        2024-06-12
        President Tomas Berg held a telephone conversation with President Nadia Karimova on 11 June 2024 to discuss energy cooperation and regional security.
        """
    /// A release whose text carries markup that must reach pages only as text.
    static let hostile = """
        2024-07-02
        Talks <script>alert("x")</script> in Hanoi

        HANOI, July 1 -- Foreign Minister Ana Lopes met with Ambassador Karim Haddad <img src=x onerror=alert(1)> to discuss trade.
        """
    static let party = """
        2024.08.06
        Party Delegation Visits Hanoi

        HANOI, Aug. 5 -- Le Hoai Trung, Head of the Commission for External Relations of the Communist Party of Viet Nam, met here with a delegation of the Communist Party of China led by Liu Jianchao, Head of the International Department of the CPC Central Committee.
        """
    static let all: [(id: String, text: String)] = [("meeting", meeting), ("call", call), ("hostile", hostile), ("party", party)]
}

extension TestResponse {
    /// The body as text.
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }

    /// The body parsed as a JSON object.
    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

extension TestClientProtocol {
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }
}

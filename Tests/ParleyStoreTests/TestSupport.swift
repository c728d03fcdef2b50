import Foundation
import ParleyCore
import ParleyStore
import Testing

// Shared helpers of the store tests: a temporary database per test, and short releases written for
// these tests in the style of ministry and party press releases.

/// A folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // Restore write permission first, in case a test made something read-only.
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            while let rel = walker.nextObject() as? String {
                chmod(url.appendingPathComponent(rel).path, 0o755)
            }
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The extractor every store test uses (stateless, so one is enough).
let testExtractor = Extractor()

/// A release as a document and its annotation, extracted the way `parley ingest` does.
func extracted(_ id: String, _ text: String, url: String? = nil) -> (Document, DocumentAnnotation) {
    let document = Document(id: id, url: url, text: text, origin: "\(id).txt")
    return (document, testExtractor.extract(document))
}

/// A fresh event database in its own temporary folder.
struct TestStore {
    let folder: TemporaryFolder
    let store: SQLiteEventStore
    var path: String { store.path }

    init(name: String = "events.sqlite") throws {
        folder = try TemporaryFolder()
        store = try SQLiteEventStore(path: folder.path(name))
    }

    /// Extracts and ingests one release.
    @discardableResult
    func ingest(_ id: String, _ text: String) throws -> IngestOutcome {
        let (document, annotation) = extracted(id, text)
        return try store.ingest(document, annotation)
    }

    /// Extracts and ingests several releases, each in its own transaction, in order.
    func ingest(_ releases: [(String, String)]) throws {
        for (id, text) in releases { try ingest(id, text) }
    }

    /// The stored person a name resolves to.
    func person(_ name: String) throws -> PersonSummary { try store.person(name).person }

    /// Every person in the database.
    func allPeople() throws -> [PersonSummary] { try store.people(search: nil, country: nil, organization: nil, limit: 10_000) }

    /// Every event in the database.
    func allEvents() throws -> [EventSummary] {
        var filter = EventFilter()
        filter.limit = 100_000
        return try store.events(filter)
    }
}

/// Stops the test when the extractor did not find a person the test relies on: the test is about the
/// store, so it must not pass or fail because extraction changed.
func requirePerson(_ annotation: DocumentAnnotation, _ name: String, country: String? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation) throws {
    let person = try #require(annotation.people.first { $0.name == name },
                              "the extractor did not find '\(name)' in \(annotation.id): \(annotation.people.map(\.name))",
                              sourceLocation: sourceLocation)
    if let country {
        #expect(person.country == country, "precondition: \(name) in \(annotation.id) is from \(country)", sourceLocation: sourceLocation)
    }
}

/// Checks that the extractor finds each named person in the release (see `requirePerson`).
func requirePeople(_ id: String, _ text: String, _ people: [(String, String)],
                   sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (_, annotation) = extracted(id, text)
    for (name, country) in people { try requirePerson(annotation, name, country: country, sourceLocation: sourceLocation) }
}

/// Releases written for these tests. Each reports one or two contacts between named officials; the
/// pairs are built so that the same people appear under different spellings across releases.
enum Releases {
    // A Russian-Chinese meeting reported by each side, dated a day apart, with `Sergey`/`Sergei`.
    static let lavrovMoscowSide = """
        Foreign Minister holds talks with Chinese counterpart
        12 March 2024

        BEIJING, March 11 -- Russian Foreign Minister Sergey Lavrov held talks with Chinese Foreign Minister Wang Yi in Beijing.

        The ministers discussed bilateral trade and the situation in the Asia-Pacific region.
        """
    static let lavrovBeijingSide = """
        Wang Yi Holds Talks with Russian Foreign Minister
        2024-03-12

        On March 12, Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergei Lavrov in Beijing.

        Wang Yi said China is ready to strengthen strategic coordination with Russia.
        """

    // `XI Jinping` and `Xi Jinping`.
    static let xiUpperCase = """
        President receives Prime Minister of Pakistan
        2024-06-08

        BEIJING, June 7 -- Chinese President XI Jinping met with Prime Minister of Pakistan Shehbaz Sharif at the Great Hall of the People.

        Xi said China and Pakistan are ironclad friends.
        """
    static let xiMixedCase = """
        Prime Minister meets Chinese President
        2024-06-08

        ISLAMABAD, June 8 -- Prime Minister Shehbaz Sharif met Chinese President Xi Jinping in Beijing on 7 June 2024.

        The Prime Minister thanked the Chinese leadership for its warm hospitality.
        """

    // `HAYASHI Yoshimasa` (family name first) and `Yoshimasa Hayashi`.
    static let hayashiFamilyNameFirst = """
        Japan-Kenya Foreign Ministers' Meeting
        2024-04-20

        On April 19, Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan, held a meeting with Hon. Amina Wanjiru, Cabinet Secretary for Foreign Affairs of Kenya, in Tokyo.

        The two ministers exchanged views on cooperation in geothermal energy.
        """
    static let hayashiGivenNameFirst = """
        Cabinet Secretary holds talks in Tokyo
        2024-04-21

        NAIROBI, April 21 -- Kenyan Cabinet Secretary for Foreign Affairs Amina Wanjiru met Japanese Foreign Minister Yoshimasa Hayashi in Tokyo on 19 April 2024.

        The ministers agreed to expand cooperation in geothermal energy.
        """

    // `T. Budagov` and `Tahir Budagov`.
    static let budagovInitial = """
        Deputy Minister receives Ambassador of Azerbaijan
        2024-05-15

        PRAGUE, May 14 -- Czech Deputy Foreign Minister Petra Novak met with Azerbaijani Ambassador T. Budagov.

        The sides discussed energy connectivity.
        """
    static let budagovFullName = """
        Ambassador meets Czech Deputy Foreign Minister
        2024-05-15

        PRAGUE, May 14 -- Azerbaijani Ambassador Tahir Budagov met with Czech Deputy Foreign Minister Petra Novak.

        Budagov briefed the Deputy Minister on the Baku energy week.
        """

    // `Mohammed` and `Muhammad` with the same surname.
    static let rashidiMohammed = """
        Foreign Minister meets Jordanian counterpart
        2024-09-03

        AMMAN, September 2 -- Egyptian Foreign Minister Mohammed Al-Rashidi met with Jordanian Foreign Minister Layla Haddad in Amman.

        The two ministers discussed regional developments.
        """
    static let rashidiMuhammad = """
        Foreign Minister receives Egyptian counterpart
        2024-09-02

        AMMAN, September 2 -- Jordanian Foreign Minister Layla Haddad received Egyptian Foreign Minister Muhammad Al-Rashidi.

        Haddad stressed the depth of the ties between the two countries.
        """

    // Two ambassadors named Maria Gonzalez, of Chile and of Mexico.
    static let gonzalezChile = """
        Minister of Trade meets Chilean Ambassador
        2024-02-06

        MADRID, February 5 -- Spanish Minister of Trade Carlos Ruiz met with Chilean Ambassador Maria Gonzalez.

        The two discussed wine and copper exports.
        """
    static let gonzalezMexico = """
        Deputy Minister meets Mexican Ambassador
        2024-02-21

        ASTANA, February 20 -- Kazakh Deputy Foreign Minister Aigul Nurlanova met with Mexican Ambassador Maria Gonzalez.

        The sides discussed cultural exchanges.
        """

    // Ivan Petrov and Nikolai Petrov, both Russian: only the surname is shared.
    static let petrovIvan = """
        Foreign Minister meets Kazakh counterpart
        2024-10-02

        ASTANA, October 1 -- Russian Foreign Minister Ivan Petrov met with Kazakh Foreign Minister Daniyar Serikov.

        The ministers discussed transport corridors.
        """
    static let petrovNikolai = """
        Deputy Minister receives Russian Ambassador
        2024-11-06

        ASTANA, November 5 -- Kazakh Deputy Foreign Minister Aigul Nurlanova met with Russian Ambassador Nikolai Petrov.

        The sides discussed consular matters.
        """

    // A state visit to Ghana (a VISIT and a SIGN), the host's account of it (a MEET), and a later meeting.
    static let mwangiVisit = """
        President pays state visit to Ghana
        2024-07-09

        ACCRA, July 8 -- Kenyan President Samuel Mwangi paid a state visit to Ghana at the invitation of Ghanaian President Kofi Mensah.

        The two leaders witnessed the signing of agreements on trade and health.
        """
    static let mensahTalks = """
        Ghanaian President holds talks with Kenyan counterpart
        2024-07-08

        ACCRA, July 8 -- Ghanaian President Kofi Mensah met with Kenyan President Samuel Mwangi at the Jubilee House.

        Mensah said the visit opened a new chapter in relations between the two countries.
        """
    static let summitSidelines = """
        Presidents meet on the sidelines of the summit
        2024-11-15

        ADDIS ABABA, November 14 -- Ghanaian President Kofi Mensah met with Kenyan President Samuel Mwangi on the sidelines of the African Union summit.

        They reviewed the implementation of the agreements signed in July.
        """

    // Three ministers at one table.
    static let trilateral = """
        Trilateral meeting of foreign ministers held in Tashkent
        2024-08-23

        TASHKENT, August 22 -- Uzbek Foreign Minister Rustam Karimov, Kazakh Foreign Minister Daniyar Serikov and Kyrgyz Foreign Minister Aibek Osmonov met in Tashkent.

        The ministers discussed water management and regional transport.
        """

    // A telephone call.
    static let haddadCall = """
        Foreign Minister holds telephone conversation with Egyptian counterpart
        2024-09-20

        AMMAN, September 19 -- Jordanian Foreign Minister Layla Haddad held a telephone conversation with Egyptian Foreign Minister Mohammed Al-Rashidi.

        The two ministers discussed humanitarian aid.
        """

    /// A small corpus for the query and export tests.
    static let corpus: [(String, String)] = [
        ("lavrov-moscow", lavrovMoscowSide),
        ("lavrov-beijing", lavrovBeijingSide),
        ("hayashi-tokyo", hayashiFamilyNameFirst),
        ("hayashi-nairobi", hayashiGivenNameFirst),
        ("mwangi-visit", mwangiVisit),
        ("mensah-talks", mensahTalks),
        ("summit-sidelines", summitSidelines),
        ("tashkent-trilateral", trilateral),
        ("haddad-call", haddadCall),
    ]
}

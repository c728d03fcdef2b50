import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParleyCore
import ParleyStore
import Testing

// Exports: the dyad CSV, the contact network as GEXF and GraphML, and annotations with stable ids.

/// The elements of an XML document, or nil when it does not parse.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text: String }
    private(set) var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ text: String) -> [Element]? {
        let collector = XMLElements()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        return parser.parse() ? collector.elements : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let k = open.last { elements[k].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = open.popLast()
    }
}

/// Splits CSV text into records of fields (quotes, doubled quotes and quoted commas and newlines).
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = [], record: [String] = [], field = ""
    var quoted = false, chars = Array(text), i = 0
    while i < chars.count {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" { quoted = true
        } else if c == "," { record.append(field); field = ""
        } else if c == "\n" { record.append(field); records.append(record); record = []; field = ""
        } else { field.append(c) }
        i += 1
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}

/// Events decoded from JSON, for exporter tests that need names no release would give.
func decodedEvents(json: String) throws -> [EventSummary] {
    try JSONDecoder().decode([EventSummary].self, from: Data(json.utf8))
}

let dyadHeader = ["event_id", "date", "type", "cameo", "plover", "place", "source_actor", "source_country", "target_actor",
                  "target_country", "organizations", "countries", "source_urls", "channel", "source_level", "target_level"]

@Suite struct DyadCSVTests {
    @Test func headerAndOneRowPerDyad() throws {
        let db = try corpusStore()
        let events = try db.allEvents()
        let records = parseCSV(Exporter().dyadCSV(events))
        #expect(records.first == dyadHeader)
        let rows = records.dropFirst()
        // Actors are the participants, else the organizations, else the countries (a visit with one named visitor).
        let dyads = events.map { e in
            [e.participants.count, e.organizations.count, e.countries.count].first { $0 >= 2 }.map { $0 - 1 } ?? 0
        }.reduce(0, +)
        #expect(rows.count == dyads)
        // Nine events, one of them with three ministers.
        #expect(rows.count == 10)
        #expect(rows.allSatisfy { $0.count == dyadHeader.count })
    }

    @Test func aThreeWayMeetingGivesTwoDyadsFromTheFirstParticipant() throws {
        let db = try corpusStore()
        let trilateral = try db.store.events(eventFilter { $0.place = "Tashkent" })
        #expect(trilateral.first?.participants.count == 3)
        let rows = parseCSV(Exporter().dyadCSV(trilateral)).dropFirst()
        #expect(rows.count == 2)
        #expect(Set(rows.map { $0[6] }).count == 1)
        #expect(Set(rows.map { $0[8] }).count == 2)
        #expect(rows.allSatisfy { $0[2] == "MEET" && $0[1] == "2024-08-22" && $0[5] == "Tashkent" })
    }

    @Test func rowsCarryCountriesAndSources() throws {
        let db = try corpusStore()
        let talks = try db.store.events(eventFilter { $0.person = "Wang Yi" })
        let row = try #require(parseCSV(Exporter().dyadCSV(talks)).dropFirst().first)
        #expect(Set([row[7], row[9]]) == ["RUS", "CHN"])
        #expect(Set(row[12].split(separator: " ").map(String.init)) == ["lavrov-moscow", "lavrov-beijing"])
    }

    @Test func fieldsWithCommasAndQuotesAreQuoted() throws {
        let e = try decodedEvents(json: """
            [{"id": 9, "type": "MEET", "date": "2024-01-02", "place": "Geneva, Switzerland",
              "participants": [{"id": 1, "name": "Anna \\"Ana\\" Lopes", "country": "PRT"}, {"id": 2, "name": "Karim Haddad", "country": "LBN"}],
              "organizations": [], "countries": ["LBN", "PRT"], "sources": []}]
            """)
        let csv = Exporter().dyadCSV(e)
        #expect(csv.contains("\"Geneva, Switzerland\""))
        #expect(csv.contains("\"Anna \"\"Ana\"\" Lopes\""))
        let row = try #require(parseCSV(csv).dropFirst().first)
        #expect(row[5] == "Geneva, Switzerland")
        #expect(row[6] == "Anna \"Ana\" Lopes")
        #expect(row[12] == "")
    }

    @Test func eventsWithOneActorGiveNoRows() throws {
        let e = try decodedEvents(json: """
            [{"id": 1, "type": "ANNOUNCE", "participants": [{"id": 1, "name": "Karim Haddad"}],
              "organizations": [], "countries": [], "sources": []}]
            """)
        #expect(parseCSV(Exporter().dyadCSV(e)).count == 1)
    }
}

@Suite struct NetworkExportTests {
    @Test func gexfIsWellFormedWithPeopleAndWeightedEdges() throws {
        let db = try corpusStore()
        let events = try db.allEvents()
        let elements = try #require(XMLElements.parse(Exporter().gexf(events, nodes: .people)), "GEXF does not parse")
        let nodes = elements.filter { $0.name == "node" }
        let edges = elements.filter { $0.name == "edge" }
        let label = Dictionary(uniqueKeysWithValues: nodes.map { ($0.attributes["id"] ?? "", $0.attributes["label"] ?? "") })
        #expect(Set(label.values) == Set(try db.allPeople().map(\.name)))
        let mensah = "P\(try db.person("Kofi Mensah").id)", mwangi = "P\(try db.person("Samuel Mwangi").id)"
        let edge = try #require(edges.first { Set([$0.attributes["source"], $0.attributes["target"]]) == Set([mensah, mwangi]) })
        #expect(edge.attributes["weight"] == "4")
        #expect(edges.allSatisfy { label[$0.attributes["source"] ?? ""] != nil && label[$0.attributes["target"] ?? ""] != nil })
        // Lavrov–Wang, Hayashi–Wanjiru, Mensah–Mwangi, three Tashkent pairs, Haddad–Al-Rashidi.
        #expect(edges.count == 7)
        #expect(Set(edges.compactMap { $0.attributes["id"] }).count == edges.count)
    }

    @Test func graphMLIsWellFormedWithPeopleAndWeightedEdges() throws {
        let db = try corpusStore()
        let events = try db.allEvents()
        let elements = try #require(XMLElements.parse(Exporter().graphML(events, nodes: .people)), "GraphML does not parse")
        let nodes = elements.filter { $0.name == "node" }
        let labels = elements.filter { $0.name == "data" && $0.attributes["key"] == "label" }.map(\.text)
        #expect(nodes.count == 11)
        #expect(Set(labels) == Set(try db.allPeople().map(\.name)))
        let weights = elements.filter { $0.name == "data" && $0.attributes["key"] == "weight" }.compactMap { Int($0.text) }
        #expect(weights.count == 7)
        #expect(weights.sorted() == [1, 1, 1, 1, 1, 1, 4])
    }

    @Test func countryNetworkWeighsEventsBetweenCountries() throws {
        let db = try corpusStore()
        let (nodes, edges) = Exporter().network(try db.allEvents(), nodes: .countries)
        #expect(nodes.map(\.id).contains("GHA"))
        let ghanaKenya = try #require(edges.first { Set([$0.0, $0.1]) == ["GHA", "KEN"] })
        #expect(ghanaKenya.2 == 5)
    }

    /// Three events of Ana Lopes and Karim Haddad (two through parties, one between states) and one of Ana Lopes and
    /// Kwame Mensah stored before channels were coded.
    static func channelEvents() throws -> [EventSummary] {
        let people = #"[{"id": 1, "name": "Ana Lopes"}, {"id": 2, "name": "Karim Haddad"}]"#
        return try decodedEvents(json: """
            [{"id": 1, "type": "MEET", "participants": \(people), "organizations": [], "countries": [], "sources": [], "channel": "party"},
             {"id": 2, "type": "CALL", "participants": \(people), "organizations": [], "countries": [], "sources": [], "channel": "state"},
             {"id": 3, "type": "MEET", "participants": \(people), "organizations": [], "countries": [], "sources": [], "channel": "party"},
             {"id": 4, "type": "MEET", "participants": [{"id": 1, "name": "Ana Lopes"}, {"id": 3, "name": "Kwame Mensah"}],
              "organizations": [], "countries": [], "sources": []}]
            """)
    }

    /// Each element named `child` after an element named `parent`, up to the next one, by the parent's position.
    static func grouped(_ elements: [XMLElements.Element], parent: String, child: String) -> [(XMLElements.Element, [XMLElements.Element])] {
        var out: [(XMLElements.Element, [XMLElements.Element])] = []
        for e in elements {
            if e.name == parent { out.append((e, [])) } else if e.name == child, !out.isEmpty { out[out.count - 1].1.append(e) }
        }
        return out
    }

    @Test func gexfEdgesCountTheirEventsByChannel() throws {
        let elements = try #require(XMLElements.parse(Exporter().gexf(try Self.channelEvents(), nodes: .people)), "GEXF does not parse")
        let declared = elements.filter { $0.name == "attribute" }
        #expect(declared.map { $0.attributes["id"] ?? "" } == ["party", "state", "parliament", "mixed", "other"])
        #expect(declared.allSatisfy { $0.attributes["type"] == "integer" })
        #expect(elements.first { $0.name == "attributes" }?.attributes["class"] == "edge")
        let edges = Self.grouped(elements, parent: "edge", child: "attvalue")
        let lopesHaddad = try #require(edges.first { Set([$0.0.attributes["source"], $0.0.attributes["target"]]) == ["P1", "P2"] })
        #expect(lopesHaddad.0.attributes["weight"] == "3")
        #expect(Dictionary(uniqueKeysWithValues: lopesHaddad.1.map { ($0.attributes["for"] ?? "", $0.attributes["value"] ?? "") })
                == ["party": "2", "state": "1"])
        let lopesMensah = try #require(edges.first { Set([$0.0.attributes["source"], $0.0.attributes["target"]]) == ["P1", "P3"] })
        #expect(lopesMensah.0.attributes["weight"] == "1" && lopesMensah.1.isEmpty, "an event of no channel counts in no channel")
    }

    @Test func graphMLEdgesCountTheirEventsByChannel() throws {
        let elements = try #require(XMLElements.parse(Exporter().graphML(try Self.channelEvents(), nodes: .people)), "GraphML does not parse")
        let keys = elements.filter { $0.name == "key" && $0.attributes["for"] == "edge" }
        #expect(keys.map { $0.attributes["attr.name"] ?? "" } == ["weight", "party", "state", "parliament", "mixed", "other"])
        #expect(keys.allSatisfy { $0.attributes["attr.type"] == "int" })
        let edges = Self.grouped(elements, parent: "edge", child: "data")
        let lopesHaddad = try #require(edges.first { Set([$0.0.attributes["source"], $0.0.attributes["target"]]) == ["P1", "P2"] })
        #expect(Dictionary(uniqueKeysWithValues: lopesHaddad.1.map { ($0.attributes["key"] ?? "", $0.text) }) == ["weight": "3", "party": "2", "state": "1"])
        let lopesMensah = try #require(edges.first { Set([$0.0.attributes["source"], $0.0.attributes["target"]]) == ["P1", "P3"] })
        #expect(lopesMensah.1.map { $0.attributes["key"] ?? "" } == ["weight"])
    }

    @Test func xmlSpecialCharactersAreEscaped() throws {
        let e = try decodedEvents(json: """
            [{"id": 1, "type": "MEET", "participants": [{"id": 1, "name": "Tom O'Neil & <Co>"}, {"id": 2, "name": "Ana \\"Lopes\\""}],
              "organizations": [], "countries": [], "sources": []}]
            """)
        let gexf = try #require(XMLElements.parse(Exporter().gexf(e, nodes: .people)))
        #expect(Set(gexf.filter { $0.name == "node" }.compactMap { $0.attributes["label"] }) == ["Tom O'Neil & <Co>", "Ana \"Lopes\""])
        let graphML = try #require(XMLElements.parse(Exporter().graphML(e, nodes: .people)))
        #expect(graphML.filter { $0.name == "data" && $0.attributes["key"] == "label" }.map(\.text).contains("Tom O'Neil & <Co>"))
    }

    @Test func emptyNetworkIsStillWellFormed() throws {
        #expect(XMLElements.parse(Exporter().gexf([], nodes: .people)) != nil)
        #expect(XMLElements.parse(Exporter().graphML([], nodes: .organizations)) != nil)
    }
}

@Suite struct AnnotationExportTests {
    @Test func exportedPeopleCarryTheSameEntityAcrossDocuments() throws {
        let db = try corpusStore()
        let annotations = try db.store.exportAnnotations()
        #expect(annotations.map(\.id).sorted() == Releases.corpus.map(\.0).sorted())
        let people = annotations.flatMap { a in a.people.map { (a.id, $0) } }
        #expect(people.allSatisfy { $0.1.entity?.hasPrefix("P") == true && Int($0.1.entity!.dropFirst()) != nil })
        let lavrov = "P\(try db.person("Sergey Lavrov").id)"
        let moscow = try #require(annotations.first { $0.id == "lavrov-moscow" })
        let beijing = try #require(annotations.first { $0.id == "lavrov-beijing" })
        #expect(moscow.people.first { $0.name == "Sergey Lavrov" }?.entity == lavrov)
        #expect(beijing.people.first { $0.name == "Sergei Lavrov" }?.entity == lavrov)
        #expect(moscow.people.first { $0.name == "Wang Yi" }?.entity == beijing.people.first { $0.name == "Wang Yi" }?.entity)
    }

    @Test func exportedEventsCarryTheSameEventIdAcrossDocuments() throws {
        let db = try corpusStore()
        let annotations = try db.store.exportAnnotations()
        let events = annotations.flatMap(\.events)
        #expect(events.allSatisfy { $0.eventId?.hasPrefix("E") == true && Int($0.eventId!.dropFirst()) != nil })
        let stored = try #require(try db.store.events(eventFilter { $0.person = "Wang Yi" }).first)
        let ids = annotations.filter { $0.id.hasPrefix("lavrov-") }.flatMap(\.events).map(\.eventId)
        #expect(ids == ["E\(stored.id)", "E\(stored.id)"])
        let meeting = annotations.first { $0.id == "hayashi-tokyo" }?.events.first?.eventId
        #expect(meeting != nil)
        #expect(annotations.first { $0.id == "hayashi-nairobi" }?.events.first?.eventId == meeting)
        #expect(meeting != ids.first!)
    }

    @Test func exportedAnnotationsRoundTripThroughJSON() throws {
        let db = try corpusStore()
        for a in try db.store.exportAnnotations() {
            let data = AnnotationJSONWriter(pretty: true).data(a)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])
            let people = try #require(object["people"] as? [[String: Any]])
            #expect(people.allSatisfy { ($0["entity"] as? String)?.hasPrefix("P") == true })
            let events = try #require(object["events"] as? [[String: Any]])
            #expect(events.allSatisfy { ($0["event_id"] as? String)?.hasPrefix("E") == true })
        }
    }
}

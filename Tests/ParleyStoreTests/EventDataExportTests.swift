import Foundation
import ParleyCore
import ParleyStore
import Testing

// The PLOVER and ICEWS exports, read back with readers written from the specifications (Support/EventDataReaders.swift).

/// A visit of Kenya's foreign minister to Ghana's, with a host and a guest; a party meeting known only to the month;
/// an undated message.
func eventDataSamples() throws -> [EventSummary] {
    try decodedEvents(json: """
        [{"id": 3, "type": "MEET", "date": "2024-03-01", "place": "Accra", "cameo": "043", "plover": "CONSULT", "ploverMode": "host",
          "channel": "state", "channelReason": "GHA state: Ana Lopes; KEN state: Karim Haddad",
          "participants": [{"id": 1, "name": "Ana Lopes", "country": "GHA", "role": "host"},
                           {"id": 2, "name": "Karim Haddad", "country": "KEN", "role": "guest"}],
          "organizations": [], "countries": ["GHA", "KEN"],
          "sides": [{"country": "GHA", "channel": "state", "level": "minister"}, {"country": "KEN", "channel": "state", "level": "minister"}],
          "sources": [{"documentId": "gh-mfa-1", "url": "https://www.mfa.example.gh/news/1", "reported": false, "sentence": 2, "start": 10,
                       "end": 90, "evidence": "Foreign Minister Ana Lopes received her Kenyan counterpart Karim Haddad in Accra.", "confidence": 0.9}]},
         {"id": 4, "type": "SIGN", "date": "2024-02", "cameo": "057", "plover": "AGREE", "channel": "party",
          "participants": [], "organizations": [{"id": 7, "name": "New Patriotic Party", "kind": "party", "country": "GHA"},
                                                {"id": 8, "name": "Orange Democratic Movement", "kind": "party", "country": "KEN"}],
          "countries": ["GHA", "KEN"],
          "sides": [{"country": "GHA", "channel": "party"}, {"country": "KEN", "channel": "party"}],
          "sources": [{"documentId": "npp-2", "reported": true, "sentence": 0, "start": 0, "end": 40,
                       "evidence": "The two parties signed a memorandum in February.", "confidence": 0.8}]},
         {"id": 5, "type": "MESSAGE", "cameo": "051", "plover": "SUPPORT",
          "participants": [{"id": 1, "name": "Ana Lopes", "country": "GHA"}, {"id": 3, "name": "Kwame Mensah", "country": "KEN"}],
          "organizations": [], "countries": ["GHA", "KEN"], "sources": []}]
        """)
}

@Suite struct PLOVERExportTests {
    @Test func recordsFollowTheSpecification() throws {
        let (text, skipped) = Exporter().plover(try eventDataSamples())
        #expect(skipped == 1)
        let records = try PLOVERReader.read(text)
        #expect(records.map(\.id) == ["parley-E3", "parley-E4"])
    }

    @Test func theVisitorIsTheSourceAndTheHostTheRecipient() throws {
        let record = try #require(try PLOVERReader.read(Exporter().plover(try eventDataSamples()).text).first)
        #expect(record.date == "2024-03-01" && record.enddate == nil)
        #expect(record.event == ["CONSULT"] && record.mode == ["visit"] && record.quadCode == 1)
        #expect(record.source.map(\.text) == ["Karim Haddad"] && record.source.map(\.code) == ["KEN"])
        #expect(record.recipient.map(\.text) == ["Ana Lopes"] && record.recipient.map(\.code) == ["GHA"])
        #expect(record.source.first?.sector == "GOV" && record.source.first?.identifier == "P2")
        #expect(record.fields["actor"] as? [[String: Any]] != nil)
        #expect(record.context == ["diplomatic"])
        #expect(record.eventText == ["Foreign Minister Ana Lopes received her Kenyan counterpart Karim Haddad in Accra."])
        #expect(record.link == "https://www.mfa.example.gh/news/1" && record.citeURL == record.link)
        #expect(record.fields["channel"] as? String == "state")
        #expect((record.fields["sides"] as? [[String: Any]])?.compactMap { $0["level"] as? String } == ["minister", "minister"])
        #expect((record.fields["event_loc"] as? [String: Any])?["name"] as? String == "Accra")
    }

    @Test func aMonthIsADateAndAnEndDateAndOrganizationsAreActors() throws {
        let record = try #require(try PLOVERReader.read(Exporter().plover(try eventDataSamples()).text).last)
        #expect(record.date == "2024-02-01" && record.enddate == "2024-02-29")
        #expect(record.event == ["AGREE"] && record.mode.isEmpty)
        #expect(record.source.map(\.text) == ["New Patriotic Party"] && record.source.first?.sector == "PTY")
        #expect(record.recipient.map(\.text) == ["Orange Democratic Movement"] && record.recipient.first?.identifier == "O8")
        #expect(record.context == ["diplomatic", "historical"])
    }

    @Test func theStoredCorpusExportsAsValidRecords() throws {
        let db = try corpusStore()
        let events = try db.allEvents()
        let (text, skipped) = Exporter().plover(events)
        let records = try PLOVERReader.read(text)
        #expect(records.count + skipped == events.count)
        #expect(records.count == events.filter { $0.date != nil }.count)
        #expect(records.allSatisfy { !$0.source.isEmpty && !$0.eventText.isEmpty && $0.fields["channel"] is String })
    }

    @Test func theReaderRefusesWhatTheSpecificationForbids() {
        #expect(throws: SpecificationViolation.self) { try PLOVERReader.read(#"{"id": "a", "date": "2024-02", "source": [], "event": ["CONSULT"]}"#) }
        #expect(throws: SpecificationViolation.self) { try PLOVERReader.read(#"{"id": "a", "date": "2024-02-01", "source": [], "event": ["MEET"]}"#) }
        #expect(throws: SpecificationViolation.self) {
            try PLOVERReader.read(#"{"id": "a", "date": "2024-02-01", "source": [{"code": "Ghana"}], "event": ["CONSULT"]}"#)
        }
        #expect(throws: SpecificationViolation.self) {
            try PLOVERReader.read(#"{"id": "a", "date": "2024-02-01", "source": [], "event": ["CONSULT"], "quad_code": 2}"#)
        }
    }
}

@Suite struct ICEWSExportTests {
    @Test func rowsFollowTheColumns() throws {
        let (text, skipped) = Exporter().icews(try eventDataSamples())
        #expect(skipped == 2)
        let rows = try ICEWSReader.read(text)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        // CAMEO 043 (host a visit): the host is the source.
        #expect(row["Event ID"] == "E3-1" && row["Event Date"] == "2024-03-01")
        #expect(row["Source Name"] == "Ana Lopes" && row["Source Country"] == "Ghana")
        #expect(row["Target Name"] == "Karim Haddad" && row["Target Country"] == "Kenya")
        #expect(row["CAMEO Code"] == "043" && row["Event Text"] == "Host a visit" && row["Intensity"] == "2.8")
        #expect(row["Source Sectors"].split(separator: ",").contains("Government"))
        #expect(row["Story ID"] == "gh-mfa-1" && row["Sentence Number"] == "3")
        #expect(row["Publisher"] == "mfa.example.gh" && row["City"] == "Accra" && row["Country"] == "Ghana")
    }

    @Test func theStoredCorpusExportsAsValidRows() throws {
        let db = try corpusStore()
        let events = try db.allEvents()
        let (text, _) = Exporter().icews(events)
        let rows = try ICEWSReader.read(text)
        #expect(!rows.isEmpty)
        let written = Set(rows.map { String($0["Event ID"].dropFirst().prefix { $0 != "-" }) })
        #expect(written.isSubset(of: Set(events.map { String($0.id) })))
    }

    @Test func theReaderRefusesRowsOutsideTheColumns() {
        let header = ICEWSReader.columns.joined(separator: "\t")
        #expect(throws: SpecificationViolation.self) { try ICEWSReader.read("Event ID\tDate\n") }
        #expect(throws: SpecificationViolation.self) { try ICEWSReader.read(header + "\nE1\t2024-01-01\n") }
        let row = ["E1", "2024-01-01", "A", "", "Ghana", "Consult", "040", "11", "B", "", "Kenya", "s", "1", "", "", ""]
        #expect(throws: SpecificationViolation.self) { try ICEWSReader.read(header + "\n" + row.joined(separator: "\t") + "\n") }
    }
}

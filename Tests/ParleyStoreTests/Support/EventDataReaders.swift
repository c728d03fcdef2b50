import Foundation

// Readers of PLOVER JSON Lines and ICEWS tab-separated files written from the specifications, not from Parley's code:
// the Open Event Data Alliance's PLOVER manual ("JSON Data Fields": the event record, the actor, citation and location
// objects; the event categories, CONSULT modes, contexts, sector codes and quad categories) and the ICEWS event data's
// column list. They check what the specifications require of every record and return the records read.

/// Why a file is not what a specification describes: the record (line) and what is wrong.
struct SpecificationViolation: Error, CustomStringConvertible {
    var line: Int
    var problem: String
    var description: String { "line \(line): \(problem)" }
}

/// A PLOVER event record as the specification describes it.
struct PLOVERRecord {
    struct Actor {
        var code: String?
        var sector: String?
        var text: String?
        var identifier: String?
        var fields: [String: Any]
    }
    var id: String
    var date: String
    var enddate: String?
    var source: [Actor]
    var recipient: [Actor]
    var event: [String]
    var mode: [String]
    var context: [String]
    var eventText: [String]
    var quadCode: Int?
    var link: String?
    var citeURL: String?
    var fields: [String: Any]
}

enum PLOVERReader {
    /// The PLOVER event categories.
    static let categories: Set<String> = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
                                          "ACCUSE", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT"]
    /// The quad category of each category (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
    static let quad: [String: Int] = ["AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
                                      "INVESTIGATE": 2, "DEMAND": 3, "ACCUSE": 3, "DISAPPROVE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
                                      "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4]
    /// CONSULT's modes.
    static let consultModes: Set<String> = ["visit", "third-party", "multilateral", "phone"]
    /// The general contexts, and the grammatical ones.
    static let contexts: Set<String> = ["political", "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "culture",
                                        "disease", "enviro_disaster", "migration", "humanitarian", "legal", "human_rights", "rights_freedoms",
                                        "gender", "lgbt", "terrorism", "human_security", "religion_ethnicity", "government", "election",
                                        "legislative", "cbrn", "cyber", "political_institutions", "corruption", "crime", "crime_murder",
                                        "crime_theft", "crime_drugs", "crime_sexual", "future", "historical", "hypothetical"]
    /// Primary sector codes.
    static let sectors: Set<String> = ["GOV", "JUD", "LEG", "MIL", "COP", "OPP", "PTY", "REB", "PRM", "SPY", "UAF", "CVL", "ELI", "BUS", "EDU",
                                       "MED", "LAB", "AGR", "JRN", "REF", "REL", "SOC"]
    /// Actor codes that are not countries.
    static let nonStateCodes: Set<String> = ["IGO", "NGO", "ISM", "IMG", "MNC"]
    /// The citation object's fields.
    static let citeFields: Set<String> = ["corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder",
                                          "codebook", "version"]

    static func isDay(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard s.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), parts[0].count == 4,
              (1...12).contains(m), d >= 1 else { return false }
        let lengths = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= lengths[m - 1]
    }

    static func read(_ text: String) throws -> [PLOVERRecord] {
        var records: [PLOVERRecord] = []
        var ids: Set<String> = []
        for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !rawLine.isEmpty {
            let line = n + 1
            func fail(_ problem: String) -> SpecificationViolation { SpecificationViolation(line: line, problem: problem) }
            guard let object = try? JSONSerialization.jsonObject(with: Data(rawLine.utf8)) as? [String: Any] else { throw fail("not a JSON object") }
            guard let id = object["id"] as? String, !id.isEmpty else { throw fail("id (required) is missing") }
            guard ids.insert(id).inserted else { throw fail("id \(id) is not unique") }
            guard let date = object["date"] as? String, isDay(date) else { throw fail("date (required) is not YYYY-MM-DD") }
            let enddate = object["enddate"] as? String
            if let e = enddate, !isDay(e) || e < date { throw fail("enddate is not a YYYY-MM-DD on or after date") }
            func actors(_ key: String, required: Bool) throws -> [PLOVERRecord.Actor] {
                guard let value = object[key] else {
                    if required { throw fail("\(key) (required) is missing") }
                    return []
                }
                guard let list = value as? [[String: Any]] else { throw fail("\(key) is not a list of actor objects") }
                return try list.map { a in
                    let code = a["code"] as? String
                    if let c = code, !(c.count == 3 && c.allSatisfy { $0.isUppercase && $0.isASCII }) && !nonStateCodes.contains(c) {
                        throw fail("actor code '\(c)' is neither ISO 3166-1 alpha-3 nor a non-state code")
                    }
                    let sector = a["sector"] as? String
                    if let s = sector, !sectors.contains(String(s.prefix(3))) || !(s.count == 3 || s.count == 6) {
                        throw fail("sector '\(s)' is not a 3- or 6-character sector code")
                    }
                    if let age = a["age"], !(age is Int) { throw fail("actor age is not an integer") }
                    return PLOVERRecord.Actor(code: code, sector: sector, text: a["actor_text"] as? String, identifier: a["identifier_id"] as? String, fields: a)
                }
            }
            let source = try actors("source", required: true)
            let recipient = try actors("recipient", required: false)
            guard let event = object["event"] as? [String], !event.isEmpty else { throw fail("event (required) is not a list of categories") }
            for e in event where !categories.contains(e) { throw fail("event category '\(e)' is not PLOVER's") }
            let mode = object["mode"] as? [String] ?? []
            if event == ["CONSULT"] { for m in mode where !consultModes.contains(m) { throw fail("'\(m)' is not a CONSULT mode") } }
            let context = object["context"] as? [String] ?? []
            for c in context where !contexts.contains(c) { throw fail("'\(c)' is not a PLOVER context") }
            let eventText = object["event_text"] as? [String] ?? []
            if object["event_text"] != nil && object["event_text"] as? [String] == nil { throw fail("event_text is not a list of texts") }
            let quadCode = object["quad_code"] as? Int
            if let q = quadCode {
                guard (1...4).contains(q) else { throw fail("quad_code \(q) is not 1, 2, 3 or 4") }
                if event.count == 1, let expected = quad[event[0]], expected != q { throw fail("quad_code \(q) is not \(event[0])'s (\(expected))") }
            }
            if let scale = object["event_scale"], !(scale is Double || scale is Int) { throw fail("event_scale is not a number") }
            if let cite = object["cite_info"] {
                guard let c = cite as? [String: Any] else { throw fail("cite_info is not an object") }
                for k in c.keys where !citeFields.contains(k) { throw fail("cite_info has no field '\(k)'") }
            }
            if let loc = object["event_loc"], !(loc is [String: Any]) { throw fail("event_loc is not a location object") }
            records.append(PLOVERRecord(
                id: id, date: date, enddate: enddate, source: source, recipient: recipient, event: event, mode: mode, context: context,
                eventText: eventText, quadCode: quadCode, link: object["link"] as? String,
                citeURL: (object["cite_info"] as? [String: Any])?["url"] as? String, fields: object))
        }
        return records
    }
}

/// One ICEWS event row, by column name.
struct ICEWSRow {
    var fields: [String: String]
    subscript(_ column: String) -> String { fields[column] ?? "" }
}

enum ICEWSReader {
    /// The ICEWS event columns, in order.
    static let columns = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity",
                          "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "Country"]

    static func read(_ text: String) throws -> [ICEWSRow] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let header = lines.first else { throw SpecificationViolation(line: 1, problem: "no header row") }
        guard header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) == columns else {
            throw SpecificationViolation(line: 1, problem: "the header is not the ICEWS columns")
        }
        var ids: Set<String> = []
        var rows: [ICEWSRow] = []
        for (n, line) in lines.enumerated().dropFirst() {
            func fail(_ problem: String) -> SpecificationViolation { SpecificationViolation(line: n + 1, problem: problem) }
            let values = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard values.count == columns.count else { throw fail("\(values.count) fields, not \(columns.count)") }
            let row = ICEWSRow(fields: Dictionary(uniqueKeysWithValues: zip(columns, values)))
            guard !row["Event ID"].isEmpty, ids.insert(row["Event ID"]).inserted else { throw fail("Event ID is empty or repeated") }
            guard PLOVERReader.isDay(row["Event Date"]) else { throw fail("Event Date is not YYYY-MM-DD") }
            for c in ["Source Name", "Target Name", "Event Text", "Story ID"] where row[c].isEmpty { throw fail("\(c) is empty") }
            let cameo = row["CAMEO Code"]
            guard (3...4).contains(cameo.count), cameo.allSatisfy(\.isNumber) else { throw fail("CAMEO Code '\(cameo)' is not a 3- or 4-digit code") }
            guard let intensity = Double(row["Intensity"]), (-10...10).contains(intensity) else { throw fail("Intensity is not a score from -10 to 10") }
            if !row["Sentence Number"].isEmpty { guard let s = Int(row["Sentence Number"]), s >= 1 else { throw fail("Sentence Number is not a positive integer") } }
            for c in ["Source Country", "Target Country", "Country"] {
                let v = row[c]
                if v.count == 3 && v.allSatisfy(\.isUppercase) { throw fail("\(c) '\(v)' is a code; ICEWS names countries") }
            }
            rows.append(row)
        }
        return rows
    }
}

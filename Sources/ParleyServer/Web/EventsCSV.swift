import ParleyStore

/// Events as CSV, the columns of `parley events --format csv`.
enum EventsCSV {
    static func field(_ s: String?) -> String {
        guard let s else { return "" }
        // A leading =, +, - or @ would be run as a formula by spreadsheets: quote it behind an apostrophe.
        var v = s
        if let f = v.first, "=+-@".contains(f) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) { return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return v
    }

    static func write(_ events: [EventSummary]) -> String {
        var out = "id,date,type,place,participants,organizations,countries,cameo,plover,sources,channel,levels\r\n"
        for e in events {
            out += [
                "E\(e.id)", e.date ?? "", e.type, e.place ?? "", e.participants.map(\.name).joined(separator: "; "),
                e.organizations.map(\.name).joined(separator: "; "), e.countries.joined(separator: "; "), e.cameo ?? "", e.plover ?? "",
                e.sources.map(\.documentId).joined(separator: "; "), e.channel ?? "",
                e.sides.compactMap { s in s.level.map { "\(s.country ?? "-") \($0)" } }.joined(separator: "; "),
            ].map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

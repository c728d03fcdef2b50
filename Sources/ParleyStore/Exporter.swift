import Foundation

/// Turns stored events into the shapes analysts load elsewhere: an events table with one row per
/// dyad (for R or pandas), the contact network as GEXF or GraphML (for Gephi), and event data as PLOVER JSON Lines
/// and ICEWS columns (see `PLOVERExport.swift` and `ICEWSExport.swift`).
public struct Exporter: Sendable {
    /// What the nodes of the contact network are.
    public enum NodeKind: String, Sendable, CaseIterable { case people, organizations, countries }

    public init() {}

    /// One CSV row per dyad: the event's first participant (or organization, or country) with each other one.
    public func dyadCSV(_ events: [EventSummary]) -> String {
        var out = "event_id,date,type,cameo,plover,place,source_actor,source_country,target_actor,target_country,organizations,countries,source_urls,"
            + "channel,source_level,target_level\n"
        func field(_ s: String?) -> String {
            guard let s else { return "" }
            return s.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        for e in events {
            var actors: [(String, String?)] = e.participants.map { ($0.name, $0.country) }
            if actors.count < 2 { actors = e.organizations.map { ($0.name, nil) } }
            if actors.count < 2 { actors = e.countries.map { ($0, $0) } }
            guard actors.count >= 2 else { continue }
            let urls = e.sources.map { $0.url ?? $0.documentId }.joined(separator: " ")
            func level(_ country: String?) -> String { e.sides.first { $0.country == country }?.level ?? "" }
            for target in actors.dropFirst() {
                out += [String(e.id), e.date ?? "", e.type, e.cameo ?? "", e.plover ?? "", e.place ?? "", actors[0].0, actors[0].1 ?? "",
                        target.0, target.1 ?? "", e.organizations.map(\.name).joined(separator: "; "), e.countries.joined(separator: "; "), urls,
                        e.channel ?? "", level(actors[0].1), level(target.1)]
                    .map(field).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// Nodes and weighted edges of the contact network.
    public func network(_ events: [EventSummary], nodes kind: NodeKind) -> (nodes: [(id: String, label: String)], edges: [(String, String, Int)]) {
        var labels: [String: String] = [:]
        var weights: [String: Int] = [:]
        for e in events {
            let members: [(String, String)]
            switch kind {
            case .people: members = e.participants.map { ("P\($0.id)", $0.name) }
            case .organizations: members = e.organizations.map { ("O\($0.id)", $0.name) }
            case .countries: members = e.countries.map { ($0, $0) }
            }
            for m in members { labels[m.0] = m.1 }
            let ids = Array(Set(members.map(\.0))).sorted()
            for i in ids.indices { for j in ids.indices where j > i { weights[ids[i] + "\u{1F}" + ids[j], default: 0] += 1 } }
        }
        let nodes = labels.sorted { $0.key < $1.key }.map { (id: $0.key, label: $0.value) }
        let edges = weights.sorted { $0.key < $1.key }.map { key, w -> (String, String, Int) in
            let parts = key.split(separator: "\u{1F}").map(String.init)
            return (parts[0], parts[1], w)
        }
        return (nodes, edges)
    }

    public func gexf(_ events: [EventSummary], nodes kind: NodeKind) -> String {
        let (nodes, edges) = network(events, nodes: kind)
        var s = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <meta><creator>Parley</creator><description>Contacts between \(kind.rawValue), weighted by events</description></meta>
          <graph defaultedgetype="undirected">
            <nodes>

        """
        for n in nodes { s += "      <node id=\"\(xml(n.id))\" label=\"\(xml(n.label))\"/>\n" }
        s += "    </nodes>\n    <edges>\n"
        for (k, e) in edges.enumerated() { s += "      <edge id=\"\(k)\" source=\"\(xml(e.0))\" target=\"\(xml(e.1))\" weight=\"\(e.2)\"/>\n" }
        s += "    </edges>\n  </graph>\n</gexf>\n"
        return s
    }

    public func graphML(_ events: [EventSummary], nodes kind: NodeKind) -> String {
        let (nodes, edges) = network(events, nodes: kind)
        var s = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
          <graph id="contacts" edgedefault="undirected">

        """
        for n in nodes { s += "    <node id=\"\(xml(n.id))\"><data key=\"label\">\(xml(n.label))</data></node>\n" }
        for e in edges { s += "    <edge source=\"\(xml(e.0))\" target=\"\(xml(e.1))\"><data key=\"weight\">\(e.2)</data></edge>\n" }
        s += "  </graph>\n</graphml>\n"
        return s
    }

    func xml(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }
}

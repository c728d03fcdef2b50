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
        let (nodes, edges) = channelNetwork(events, nodes: kind)
        return (nodes, edges.map { ($0.source, $0.target, $0.weight) })
    }

    /// An edge of the contact network: how many events joined its two nodes, and how many of them went through each channel.
    public struct NetworkEdge: Sendable, Equatable {
        public var source: String
        public var target: String
        public var weight: Int
        /// Events by channel (party, state, parliament, mixed, other); events stored before channels were coded are not counted.
        public var channels: [String: Int]
    }

    /// The channels an edge counts, in the order of the exports' attributes.
    public static let edgeChannels = ["party", "state", "parliament", "mixed", "other"]

    /// Nodes and edges of the contact network, each edge with its events by channel.
    public func channelNetwork(_ events: [EventSummary], nodes kind: NodeKind) -> (nodes: [(id: String, label: String)], edges: [NetworkEdge]) {
        var labels: [String: String] = [:]
        var edges: [String: NetworkEdge] = [:]
        for e in events {
            let members: [(String, String)]
            switch kind {
            case .people: members = e.participants.map { ("P\($0.id)", $0.name) }
            case .organizations: members = e.organizations.map { ("O\($0.id)", $0.name) }
            case .countries: members = e.countries.map { ($0, $0) }
            }
            for m in members { labels[m.0] = m.1 }
            let ids = Array(Set(members.map(\.0))).sorted()
            for i in ids.indices {
                for j in ids.indices where j > i {
                    let key = ids[i] + "\u{1F}" + ids[j]
                    var edge = edges[key] ?? NetworkEdge(source: ids[i], target: ids[j], weight: 0, channels: [:])
                    edge.weight += 1
                    if let c = e.channel { edge.channels[c, default: 0] += 1 }
                    edges[key] = edge
                }
            }
        }
        let nodes = labels.sorted { $0.key < $1.key }.map { (id: $0.key, label: $0.value) }
        return (nodes, edges.sorted { $0.key < $1.key }.map(\.value))
    }

    /// GEXF 1.3; each edge's events by channel are integer edge attributes (`party`, `state`, …; 0 when none).
    public func gexf(_ events: [EventSummary], nodes kind: NodeKind) -> String {
        let (nodes, edges) = channelNetwork(events, nodes: kind)
        var s = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <meta><creator>Parley</creator><description>Contacts between \(kind.rawValue), weighted by events</description></meta>
          <graph defaultedgetype="undirected">
            <attributes class="edge">

        """
        for c in Self.edgeChannels {
            s += "      <attribute id=\"\(c)\" title=\"\(c) channel events\" type=\"integer\"><default>0</default></attribute>\n"
        }
        s += "    </attributes>\n    <nodes>\n"
        for n in nodes { s += "      <node id=\"\(xml(n.id))\" label=\"\(xml(n.label))\"/>\n" }
        s += "    </nodes>\n    <edges>\n"
        for (k, e) in edges.enumerated() {
            s += "      <edge id=\"\(k)\" source=\"\(xml(e.source))\" target=\"\(xml(e.target))\" weight=\"\(e.weight)\""
            let values = Self.edgeChannels.compactMap { c in e.channels[c].map { "<attvalue for=\"\(c)\" value=\"\($0)\"/>" } }
            s += values.isEmpty ? "/>\n" : "><attvalues>" + values.joined() + "</attvalues></edge>\n"
        }
        s += "    </edges>\n  </graph>\n</gexf>\n"
        return s
    }

    /// GraphML; each edge's events by channel are int keys `party`, `state`, … (default 0).
    public func graphML(_ events: [EventSummary], nodes kind: NodeKind) -> String {
        let (nodes, edges) = channelNetwork(events, nodes: kind)
        var s = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="int"/>

        """
        for c in Self.edgeChannels { s += "  <key id=\"\(c)\" for=\"edge\" attr.name=\"\(c)\" attr.type=\"int\"><default>0</default></key>\n" }
        s += "  <graph id=\"contacts\" edgedefault=\"undirected\">\n"
        for n in nodes { s += "    <node id=\"\(xml(n.id))\"><data key=\"label\">\(xml(n.label))</data></node>\n" }
        for e in edges {
            s += "    <edge source=\"\(xml(e.source))\" target=\"\(xml(e.target))\"><data key=\"weight\">\(e.weight)</data>"
            for c in Self.edgeChannels { if let n = e.channels[c] { s += "<data key=\"\(c)\">\(n)</data>" } }
            s += "</edge>\n"
        }
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

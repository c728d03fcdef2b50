/// The rules of a robots.txt file for one user agent (RFC 9309): the group naming our product token, else
/// the `*` group; the longest matching Allow/Disallow path wins, Allow on a tie; `*` and a final `$` work.
public struct RobotsRules: Sendable, Equatable {
    var rules: [(allow: Bool, pattern: String)]
    /// The Crawl-delay of the group, in seconds, when given.
    public var crawlDelay: Double?

    public static func == (a: RobotsRules, b: RobotsRules) -> Bool {
        a.crawlDelay == b.crawlDelay && a.rules.map(\.pattern) == b.rules.map(\.pattern) && a.rules.map(\.allow) == b.rules.map(\.allow)
    }

    /// Everything allowed (no robots.txt: the server answered 4xx).
    public static let allowAll = RobotsRules(rules: [], crawlDelay: nil)

    /// Nothing allowed: the server fails to serve its robots.txt (5xx after retries), which RFC 9309 asks
    /// crawlers to treat as a complete disallow.
    public static let disallowAll = RobotsRules(rules: [(false, "/")], crawlDelay: nil)

    /// Parses robots.txt text for the agent whose product token is `agent` (e.g. "parley").
    public init(_ text: String, agent: String) {
        let token = agent.lowercased()
        var groups: [(agents: [String], rules: [(Bool, String)], delay: Double?)] = []
        var readingAgents = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon]).trimmingSpacesAndTabs().lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingSpacesAndTabs()
            switch key {
            case "user-agent":
                if !readingAgents || groups.isEmpty { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(value.lowercased())
                readingAgents = true
            case "allow", "disallow":
                readingAgents = false
                guard !groups.isEmpty else { continue }
                if key == "disallow" && value.isEmpty { continue }   // "Disallow:" allows everything
                groups[groups.count - 1].rules.append((key == "allow", value))
            case "crawl-delay":
                readingAgents = false
                if !groups.isEmpty { groups[groups.count - 1].delay = Double(value) }
            default:
                continue
            }
        }
        let mine = groups.filter { $0.agents.contains { $0 != "*" && token.hasPrefix($0) || $0 == token } }
        let chosen = mine.isEmpty ? groups.filter { $0.agents.contains("*") } : mine
        rules = chosen.flatMap { $0.rules.map { (allow: $0.0, pattern: $0.1) } }
        crawlDelay = chosen.compactMap(\.delay).first
    }

    init(rules: [(allow: Bool, pattern: String)], crawlDelay: Double?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// Whether `path` (path and query of a URL, starting with "/") may be fetched.
    public func allows(_ path: String) -> Bool {
        var best: (length: Int, allow: Bool)?
        for r in rules where Self.matches(pattern: r.pattern, path: path) {
            let length = r.pattern.count
            if best == nil || length > best!.length || (length == best!.length && r.allow) { best = (length, r.allow) }
        }
        return best?.allow ?? true
    }

    /// Prefix match with `*` wildcards and an optional `$` end anchor.
    static func matches(pattern: String, path: String) -> Bool {
        var p = Array(pattern.utf8)
        let anchored = p.last == UInt8(ascii: "$")
        if anchored { p.removeLast() }
        let s = Array(path.utf8)
        func match(_ pi: Int, _ si: Int) -> Bool {
            if pi == p.count { return !anchored || si == s.count }
            if p[pi] == UInt8(ascii: "*") {
                var k = si
                while k <= s.count { if match(pi + 1, k) { return true }; k += 1 }
                return false
            }
            return si < s.count && s[si] == p[pi] && match(pi + 1, si + 1)
        }
        return match(0, 0)
    }
}

/// robots.txt rules per host (scheme://host:port), each read once; concurrent askers share one read.
actor RobotsCache {
    var tasks: [String: Task<RobotsRules, Never>] = [:]
    var done: [String: RobotsRules] = [:]

    func rules(for key: String, load: @escaping @Sendable () async -> RobotsRules) async -> RobotsRules {
        if let r = done[key] { return r }
        if let t = tasks[key] { return await t.value }
        let t = Task { await load() }
        tasks[key] = t
        let r = await t.value
        done[key] = r
        return r
    }

    func cached(_ key: String) -> RobotsRules? { done[key] }
}

/// Through which institutions a contact ran: party organs on both sides, governments (ministries, presidencies,
/// embassies), parliaments, a mix of them (an ambassador at a party's headquarters), or something else.
public enum ContactChannel: String, Codable, Sendable, CaseIterable {
    case party, state, parliament, mixed, other
}

/// One side of a contact: the country it represents, the channel its people's organizations and titles put it in
/// (party, state, parliament or other; nil when nothing fixes it), its level (the highest rank present, a level of
/// `levels.tsv`) and, for each, who fixed it.
public struct ContactSide: Codable, Sendable, Equatable {
    /// ISO 3166-1 alpha-3 code; nil for people and organizations of no known country.
    public var country: String?
    public var channel: ContactChannel?
    /// Whose organization or title fixed the channel: "Ana Lopes, Workers' Party of Ruritania (party)".
    public var channelReason: String?
    public var level: String?
    /// Who holds the level, with the title: "Ana Lopes, Deputy Chairwoman of the Workers' Party of Ruritania".
    public var levelReason: String?

    public init(country: String?, channel: ContactChannel? = nil, channelReason: String? = nil, level: String? = nil, levelReason: String? = nil) {
        self.country = country
        self.channel = channel
        self.channelReason = channelReason
        self.level = level
        self.levelReason = levelReason
    }

    enum CodingKeys: String, CodingKey {
        case country, channel, channelReason = "channel_reason", level, levelReason = "level_reason"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(country, forKey: .country)
        try c.encode(channel, forKey: .channel)
        try c.encode(channelReason, forKey: .channelReason)
        try c.encode(level, forKey: .level)
        try c.encode(levelReason, forKey: .levelReason)
    }
}

/// The channel of a contact, why, and its sides. Pure values: the same sides always give the same channel, so every
/// backend that merges two reports of one happening (`merged(with:levelRank:)`) gets the same answer.
public struct ContactProfile: Codable, Sendable, Equatable {
    public var channel: ContactChannel
    public var reason: String
    public var sides: [ContactSide]

    /// The profile of these sides: the sides' channel when they all agree, `other` when any side is other, `mixed`
    /// when party, state and parliament sides meet, `other` when no side's channel is known.
    public init(sides: [ContactSide]) {
        self.sides = sides
        (channel, reason) = Self.channel(of: sides)
    }

    public init(channel: ContactChannel, reason: String, sides: [ContactSide]) {
        self.channel = channel
        self.reason = reason
        self.sides = sides
    }

    static func channel(of sides: [ContactSide]) -> (ContactChannel, String) {
        let known = sides.filter { $0.channel != nil }
        guard !known.isEmpty else { return (.other, "no participant's organization or title fixes the channel") }
        let kinds = known.compactMap(\.channel)
        let channel: ContactChannel
        if kinds.contains(.other) {
            channel = .other
        } else if Set(kinds).count == 1 {
            channel = kinds[0]
        } else {
            channel = .mixed
        }
        let reason = known.map { side in
            "\(side.country ?? "no country") \(side.channel!.rawValue): \(side.channelReason ?? "")"
        }.joined(separator: "; ")
        return (channel, reason)
    }

    /// Two reports of one happening as one profile: the sides by country, each with the higher level of the two and
    /// the channel of the side with the higher level (the other's when that one has none); the channel from the result.
    public func merged(with other: ContactProfile, levelRank: [String: Int]) -> ContactProfile {
        func rank(_ s: ContactSide) -> Int { s.level.flatMap { levelRank[$0] } ?? Int.max }
        var sides = self.sides
        for o in other.sides {
            guard let i = sides.firstIndex(where: { $0.country == o.country }) else {
                sides.append(o)
                continue
            }
            let mine = sides[i]
            var best = rank(o) < rank(mine) ? o : mine
            let rest = rank(o) < rank(mine) ? mine : o
            if best.channel == nil { best.channel = rest.channel; best.channelReason = rest.channelReason }
            sides[i] = best
        }
        return ContactProfile(sides: sides)
    }

    /// The same profile with its sides in country order (no country first), as the database keeps them.
    public func sortedByCountry() -> ContactProfile {
        ContactProfile(sides: sides.sorted { ($0.country ?? "") < ($1.country ?? "") })
    }
}

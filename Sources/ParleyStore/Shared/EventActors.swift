import ParleyCore

/// The actors of a stored event as dyadic event data sees them: one group per side (country), source and recipient
/// sides, and the dates event data formats accept. Shared by the PLOVER and ICEWS exports.
struct EventActors {
    /// One actor: a person, an organization or, when a side names neither, its country.
    struct Actor {
        var name: String
        /// "P12", "O3", or nil for a country.
        var identifier: String?
        var country: String?
        var side: EventSide
        var role: String?
    }

    let event: EventSummary
    /// The event's sides: stored ones, else one per country (an event stored before channels were coded).
    let sides: [EventSide]

    init(_ e: EventSummary) {
        event = e
        var sides = e.sides
        if sides.isEmpty {
            sides = e.countries.map { EventSide(country: $0, channel: nil, channelReason: nil, level: nil, levelReason: nil) }
            if sides.isEmpty, !e.participants.isEmpty { sides = [EventSide(country: nil, channel: nil, channelReason: nil, level: nil, levelReason: nil)] }
        }
        self.sides = sides
    }

    /// The people of a side (those present only after the others), else its organizations, else its country.
    func actors(of side: EventSide) -> [Actor] {
        let people = event.participants.filter { $0.country == side.country || (sides.count == 1 && side.country == nil) }
        if !people.isEmpty {
            let ordered = people.filter { $0.role != "present" } + people.filter { $0.role == "present" }
            return ordered.map { Actor(name: $0.name, identifier: "P\($0.id)", country: side.country, side: side, role: $0.role) }
        }
        let orgs = event.organizations.filter { $0.country == side.country }
        if !orgs.isEmpty { return orgs.map { Actor(name: $0.name, identifier: "O\($0.id)", country: side.country, side: side, role: nil) } }
        guard let c = side.country else { return [] }
        return [Actor(name: ExportCodebook.bundled.countryName(c) ?? c, identifier: nil, country: c, side: side, role: nil)]
    }

    /// Whether any of a side's people has this role.
    func side(_ side: EventSide, has role: String) -> Bool {
        actors(of: side).contains { $0.role == role }
    }

    /// The sides in source-first order, and whether the order is the visitor's (guest) then the host's. With a guest
    /// and a host, the guest's side comes first (PLOVER: the visitor is the source), or, when `cameoOrder` is set and
    /// the event is coded as hosting (CAMEO 043, whose source is the host), the host's; else the stored order.
    func orderedSides(cameoOrder: Bool = false) -> (sides: [EventSide], visit: Bool) {
        let guests = sides.filter { side($0, has: "guest") }
        let hosts = sides.filter { side($0, has: "host") && !side($0, has: "guest") }
        guard !guests.isEmpty, !hosts.isEmpty else { return (sides, false) }
        let rest = sides.filter { s in !guests.contains(s) && !hosts.contains(s) }
        if cameoOrder && event.cameo == "043" { return (hosts + guests + rest, false) }
        return (guests + hosts + rest, true)
    }

    /// The first and last day of the event's date (a month or a year spans its days); nil when undated.
    static func dayRange(_ date: String?) -> (first: String, last: String)? {
        guard let date, let d = PartialDate(iso: date) else { return nil }
        if d.isComplete { return (d.description, d.description) }
        let month = d.month ?? 1
        let lastMonth = d.month ?? 12
        var lastDay = 31
        while lastDay > 28 && !PartialDate.isValid(year: d.year, month: lastMonth, day: lastDay) { lastDay -= 1 }
        return (PartialDate(year: d.year, month: month, day: 1).description, PartialDate(year: d.year, month: lastMonth, day: lastDay).description)
    }
}

import ArgumentParser
import Foundation
import ParleyCore
import ParleyStore

/// `parley events`: events matching filters.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "List events from the database.")
    @OptionGroup var store: StoreOptions
    @Option(help: "A person's name or id.") var person: String?
    @Option(name: .customLong("org"), help: "An organization's name or acronym.") var organization: String?
    @Option(help: "ISO 3166-1 alpha-3 code; repeat for a country pair.") var country: [String] = []
    @Option(help: "Event type (MEET, VISIT, CALL, SIGN, MESSAGE, ATTEND, HOST, ANNOUNCE).") var type: String?
    @Option(help: "Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).") var from: String?
    @Option(help: "Latest date (YYYY, YYYY-MM or YYYY-MM-DD).") var to: String?
    @Option(help: "Place name.") var place: String?
    @Option(help: "Channel of the contact: party, state, parliament, mixed or other.") var channel: String?
    @Option(help: "Level of a side: \(Lexicons.bundled.contactLevels.map(\.name).joined(separator: ", ")).") var level: String?
    @Flag(help: "Only events whose sources disagree (date, place, participants, a person's title or the type), each with the values.")
    var disputed = false
    @Option(help: "Most events to show.") var limit: Int = 1000
    @Option(help: "table, json or csv.") var format: QueryFormat = .table

    func validate() throws {
        for d in [from, to].compactMap({ $0 }) where d.count > 10 || Int(d.prefix(4)) == nil {
            throw ValidationError("dates are YYYY, YYYY-MM or YYYY-MM-DD, not '\(d)'")
        }
        if let t = type, !["MEET", "VISIT", "CALL", "SIGN", "MESSAGE", "ATTEND", "HOST", "ANNOUNCE"].contains(t.uppercased()) {
            throw ValidationError("unknown event type '\(t)'")
        }
        for c in country where c.count != 3 { throw ValidationError("--country takes ISO 3166-1 alpha-3 codes such as CHN, not '\(c)'") }
        if let c = channel, ContactChannel(rawValue: c.lowercased()) == nil {
            throw ValidationError("unknown channel '\(c)': one of \(ContactChannel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let l = level, Lexicons.bundled.levelRank[l.lowercased()] == nil {
            throw ValidationError("unknown level '\(l)': one of \(Lexicons.bundled.contactLevels.map(\.name).joined(separator: ", "))")
        }
        guard (1...1_000_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000000") }
    }

    func run() throws {
        var f = EventFilter()
        f.person = person; f.organization = organization; f.countries = country; f.type = type
        f.from = from; f.to = to; f.place = place; f.limit = limit
        f.channel = channel?.lowercased(); f.level = level?.lowercased(); f.disputed = disputed
        let events = try withStore { try store.open(readOnly: true).events(f) }
        switch format {
        case .json: printJSON(events)
        case .csv:
            print("id,date,type,place,participants,organizations,countries,cameo,plover,sources,channel,levels" + (disputed ? ",disagreements" : ""))
            for e in events {
                print(([String(e.id), e.date ?? "", e.type, e.place ?? "", e.participants.map(\.name).joined(separator: "; "),
                        e.organizations.map(\.name).joined(separator: "; "), e.countries.joined(separator: "; "), e.cameo ?? "", e.plover ?? "",
                        e.sources.map(\.documentId).joined(separator: "; "), e.channel ?? "", Self.levels(e)]
                       + (disputed ? [(e.disagreements ?? []).map(\.field).joined(separator: "; ")] : [])).map(csv).joined(separator: ","))
            }
        case .table:
            for e in events {
                print(TableRenderer.pad("E\(e.id)", 8) + TableRenderer.pad(e.date ?? "-", 12) + TableRenderer.pad(e.type, 9)
                      + TableRenderer.pad(e.channel ?? "-", 11) + TableRenderer.pad(e.place ?? "-", 14) + e.participants.map(\.name).joined(separator: ", ")
                      + "  [\(e.sources.count) source\(e.sources.count == 1 ? "" : "s")]")
                for d in e.disagreements ?? [] {
                    print("        sources disagree on \(d.field)\(d.person.map { " of " + $0 } ?? ""): "
                          + d.values.map { "\($0.value) (\($0.documentId))" }.joined(separator: " / "))
                }
            }
        }
    }

    /// Each side's level: "CHN minister; AZE party-top-body".
    static func levels(_ e: EventSummary) -> String {
        e.sides.compactMap { s in s.level.map { "\(s.country ?? "-") \($0)" } }.joined(separator: "; ")
    }
}

/// `parley people`: people in the database.
struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "people", abstract: "List people from the database.")
    @OptionGroup var store: StoreOptions
    @Option(help: "ISO 3166-1 alpha-3 code.") var country: String?
    @Option(name: .customLong("org"), help: "Organization as the documents name it.") var organization: String?
    @Option(help: "Words of a name (prefix search).") var search: String?
    @Option(help: "Most people to show.") var limit: Int = 1000
    @Option(help: "table, json or csv.") var format: QueryFormat = .table

    func run() throws {
        let people = try withStore { try store.open(readOnly: true).people(search: search, country: country, organization: organization, limit: limit) }
        switch format {
        case .json: printJSON(people)
        case .csv:
            print("id,name,country,aliases,documents,events")
            for p in people { print([String(p.id), p.name, p.country ?? "", p.aliases.joined(separator: "; "), String(p.documents), String(p.events)].map(csv).joined(separator: ",")) }
        case .table:
            for p in people { print(TableRenderer.pad("P\(p.id)", 8) + TableRenderer.pad(p.name, 30) + TableRenderer.pad(p.country ?? "-", 5) + "\(p.documents) docs, \(p.events) events") }
        }
    }
}

/// `parley person`: one person's profile.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "Show a person: names, titles over time, counterparts, events.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "A name, alias or id (P12).") var person: String
    @Flag(help: "Explain why each document's mention was linked to this person.") var why = false
    @Option(help: "table, json or csv (the timeline, one row per event).") var format: QueryFormat = .table
    @Option(help: "Latest events shown in the timeline (0: none).") var timelineLimit: Int = 100

    func validate() throws {
        guard timelineLimit >= 0 && timelineLimit <= 1_000_000 else { throw ValidationError("--timeline-limit must be between 0 and 1000000") }
    }

    func run() throws {
        let p = try withStore { try store.open(readOnly: true).person(person, timelineLimit: timelineLimit) }
        if format == .json { printJSON(p); return }
        if format == .csv {
            print("event_id,date,type,place,counterparts,countries,sources")
            for e in p.timeline {
                let others = e.participants.filter { $0.id != p.person.id }.map(\.name).joined(separator: "; ")
                print([String(e.id), e.date ?? "", e.type, e.place ?? "", others, e.countries.joined(separator: "; "),
                       e.sources.map(\.documentId).joined(separator: "; ")].map(csv).joined(separator: ","))
            }
            return
        }
        print("P\(p.person.id)  \(p.person.name)  \(p.person.country ?? "-")")
        if !p.person.aliases.isEmpty { print("  also: " + p.person.aliases.joined(separator: "; ")) }
        if !p.organizations.isEmpty { print("  organizations: " + p.organizations.joined(separator: "; ")) }
        if !p.titles.isEmpty {
            print("  titles:")
            for t in p.titles { print("    \(t.date ?? "????-??-??")  \(t.title)  (\(t.documentId))") }
        }
        if why {
            print("  why these mentions are this person:")
            for m in p.merges { print("    \(m.documentId): \"\(m.name)\" — \(m.reason)") }
        }
        if !p.counterparts.isEmpty {
            print("  counterparts:")
            for c in p.counterparts.prefix(20) { print("    \(c.name) (\(c.country ?? "-")): \(c.events) event\(c.events == 1 ? "" : "s")") }
        }
        print(p.timeline.count < p.timelineTotal ? "  timeline (latest \(p.timeline.count) of \(p.timelineTotal) events; --timeline-limit shows more):"
                                                 : "  timeline:")
        for e in p.timeline {
            let others = e.participants.filter { $0.id != p.person.id }.map(\.name).joined(separator: ", ")
            print("    \(e.date ?? "-")  \(e.type)  \(others)  [" + e.sources.map(\.documentId).joined(separator: ", ") + "]")
        }
    }
}

/// `parley search`: full-text search over the documents.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Full-text search of the stored releases.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Words to find.") var words: String
    @Option(help: "Most hits.") var limit: Int = 20
    @Option(help: "table, json or csv.") var format: QueryFormat = .table

    func run() throws {
        let hits = try withStore { try store.open(readOnly: true).search(words, limit: limit) }
        if format == .json { printJSON(hits); return }
        if format == .csv {
            print("document_id,title,url,snippet")
            for h in hits { print([h.documentId, h.title ?? "", h.url ?? "", h.snippet].map(csv).joined(separator: ",")) }
            return
        }
        for h in hits { print("\(h.documentId)  \(h.title ?? "")\n    \(h.snippet)") }
    }
}

/// `parley stats`: what the database holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts of documents, people, organizations and events.")
    @OptionGroup var store: StoreOptions
    @Option(help: "table, json or csv.") var format: QueryFormat = .table

    func run() throws {
        let s = try withStore { try store.open(readOnly: true).stats() }
        if format == .json { printJSON(s); return }
        if format == .csv {
            print("measure,count")
            for (k, v) in [("documents", s.documents), ("people", s.people), ("organizations", s.organizations), ("events", s.events),
                           ("event_sources", s.eventSources), ("planned", s.planned)] { print("\(k),\(v)") }
            for (t, n) in s.eventsByType.sorted(by: { $0.key < $1.key }) { print("events_\(t),\(n)") }
            return
        }
        print("documents      \(s.documents)\npeople         \(s.people)\norganizations  \(s.organizations)\nevents         \(s.events) (\(s.eventSources) sources)\nplanned        \(s.planned)")
        for (t, n) in s.eventsByType.sorted(by: { $0.key < $1.key }) { print("  \(TableRenderer.pad(t, 10))\(n)") }
        if let b = s.databaseBytes { print(String(format: "size           %.1f MB", Double(b) / 1_048_576)) }
    }
}

/// `parley merge`: tell Parley two people are one.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Merge person A into person B; the correction survives later ingests.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The person to merge (name or id).") var a: String
    @Argument(help: "The person to keep (name or id).") var b: String

    func run() throws {
        let p = try withStore { try store.open().merge(a, into: b) }
        print("P\(p.id) \(p.name): \(p.documents) documents, \(p.events) events")
    }
}

/// `parley split`: tell Parley a name belongs to a different person.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "split", abstract: "Move the mentions of a name to a new person; the correction survives later ingests.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The person (name or id).") var person: String
    @Option(help: "The name whose mentions are someone else.") var name: String

    func run() throws {
        let p = try withStore { try store.open().split(person, name: name) }
        print("P\(p.id) \(p.name): \(p.documents) documents, \(p.events) events")
    }
}

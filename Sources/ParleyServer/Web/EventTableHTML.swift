import ParleyStore

/// The table of events that the home, events, organization and country-pair pages show: date (the event's page),
/// type, channel (why, on hover), who with their roles, place, countries, and the event's id and number of sources.
enum EventTableHTML {
    static func table(_ events: [EventSummary]) -> TrustedHTML {
        var w = HTMLWriter(capacity: 512 + events.count * 600)
        w.markup("""
            <table class="events">
            <thead><tr><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Channel</th><th scope="col">Who</th><th scope="col">Place</th>\
            <th scope="col">Countries</th><th scope="col">Sources</th></tr></thead>
            <tbody>

            """)
        for e in events {
            w.markup("<tr>\n<td><a href=\"/events/E"); w.text(e.id); w.markup("\">"); w.text(e.date ?? "undated"); w.markup("</a></td>\n")
            w.markup("<td><span class=\"type t-"); w.text(e.type); w.markup("\">"); w.text(e.type); w.markup("</span></td>\n<td>")
            if let channel = e.channel {
                w.markup("<a class=\"channel c-"); w.text(channel); w.markup("\" href=\"/events?channel="); w.text(channel); w.markup("\"")
                if let reason = e.channelReason { w.markup(" title=\""); w.text(reason); w.markup("\"") }
                w.markup(">"); w.text(channel); w.markup("</a>")
            }
            w.markup("</td>\n<td>")
            for p in e.participants {
                w.markup("<a href=\"/people/P"); w.text(p.id); w.markup("\">"); w.text(p.name); w.markup("</a>")
                if let role = p.role, !role.isEmpty { w.markup(" <span class=\"role\">("); w.text(role); w.markup(")</span>") }
                w.markup("<br>")
            }
            w.markup("</td>\n<td>"); w.text(e.place ?? ""); w.markup("</td>\n<td>")
            for c in e.countries {
                w.markup("<a href=\"/countries/"); w.text(c); w.markup("\" title=\""); w.text(ViewModels.countryName(c)); w.markup("\">")
                w.text(c); w.markup("</a> ")
            }
            w.markup("</td>\n<td><a href=\"/events/E"); w.text(e.id); w.markup("\">E"); w.text(e.id); w.markup("</a> · ")
            w.text(e.sources.count); w.markup("</td>\n</tr>\n")
        }
        w.markup("</tbody>\n</table>\n")
        return w.html
    }
}

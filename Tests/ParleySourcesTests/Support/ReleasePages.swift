/// Short diplomatic releases written for these tests, as HTML pages with their own title and date.
enum ReleasePages {
    static let hosts = ["Aldren Vesk", "Mirela Tovan", "Kasimir Orlov-Dane", "Sunniva Halbrecht", "Teodor Malik"]
    static let guests = ["Ingrid Solvay", "Rafael Quenby", "Nadia Ferrant", "Oskar Lindqvist-Arno", "Hana Petrakis"]
    static let guestRoles = ["Deputy Speaker of the National Assembly", "State Secretary for Foreign Affairs",
                             "Vice-Chair of the Council for Regional Cooperation", "Minister of Trade", "Director of the Policy Institute"]

    /// The date of release `n` (1-based): consecutive days from 2 March 2025.
    static func date(_ n: Int) -> String {
        let day = (n - 1) % 28 + 1
        let month = 3 + (n - 1) / 28
        return "2025-0\(month)-" + (day < 10 ? "0\(day)" : "\(day)")
    }

    static func title(_ n: Int) -> String { "Minister \(hosts[n % 5]) receives delegation, release \(n)" }

    /// The main text of release `n`.
    static func text(_ n: Int) -> String {
        let host = hosts[n % hosts.count], guest = guests[(n / 5) % guests.count], role = guestRoles[(n + 2) % guestRoles.count]
        return """
        <p>On \(date(n)), Minister of Foreign Affairs \(host) met with a delegation led by \(guest), \(role), \
        who is on a working visit at the invitation of the Ministry. Release number \(n).</p>
        <p>The two sides reviewed the progress of cooperation agreed at their previous meeting and discussed \
        preparations for a joint commission on transport, energy and cultural exchange.</p>
        <p>Minister \(host) said that regular dialogue between the two foreign ministries had become an \
        important channel for resolving practical questions quickly.</p>
        <p>\(guest) thanked the Minister for the warm reception and invited the Minister to visit next year.</p>
        """
    }

    /// Release `n` as a complete UTF-8 HTML page.
    static func page(_ n: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(title(n)) - Ministry of Foreign Affairs</title>
        <meta property="article:published_time" content="\(date(n))T10:00:00Z"></head>
        <body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
        <article><h1>\(title(n))</h1>\(text(n))</article>
        <footer>Ministry of Foreign Affairs. All rights reserved.</footer></body></html>
        """
    }

    /// An RSS 2.0 feed listing releases 1...count with links under `base`.
    static func rss(base: String, count: Int, brokenItem: Int? = nil) -> String {
        var items = ""
        for n in 1...count {
            let path = n == brokenItem ? "/news/missing-\(n)" : "/news/release-\(n)"
            items += "<item><title>\(title(n))</title><link>\(base)\(path)</link><pubDate>\(rfc822(n))</pubDate></item>\n"
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Ministry news</title><link>\(base)/news</link>
        \(items)</channel></rss>
        """
    }

    static func rfc822(_ n: Int) -> String {
        let parts = date(n).split(separator: "-")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
        return "Mon, \(parts[2]) \(months[Int(parts[1])! - 1]) \(parts[0]) 10:00:00 +0000"
    }
}

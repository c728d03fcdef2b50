/// Finds the article's lead when the page prints it outside the chosen container (above it) and the text lacks it.
protocol HTMLLeadFinder: Sendable {
    /// The lead's text, or `nil` when this finder sees none that `text` lacks.
    func lead(in analysis: HTMLTreeAnalysis, container: Int, text: String) -> String?
}

/// The lead printed above the container ("summary", "story-lead-text", "article__intro") that opens with the page's
/// meta description: the first paragraph or block before the container whose text starts with it.
struct DescribedLeadFinder: HTMLLeadFinder {
    func lead(in analysis: HTMLTreeAnalysis, container: Int, text: String) -> String? {
        guard let description = analysis.head.description else { return nil }
        let keyString = String(description.prefix(30))
        let key = Array(keyString.utf8)
        guard keyString.count >= 24, !text.contains(keyString) else { return nil }
        let infos = analysis.infos
        for i in 0..<container {
            let info = infos[i]
            guard info.textLength >= 30, info.textLength <= 1500, info.linkLength * 4 < info.textLength,
                  [.paragraph, .block, .heading].contains(info.role), !analysis.isInside(container, i) else { continue }
            var head: [UInt8] = []
            HTMLTreeAnalysis.appendCollapsedText(of: info.node, to: &head, limit: key.count)
            guard head.count >= key.count, head.elementsEqual(key) else { continue }
            return HTMLTreeAnalysis.collapsedText(of: info.node, limit: 2000)
        }
        return nil
    }
}

/// The lead whose class says so (`lead` rows of html-boilerplate.tsv: "entry-excerpt", "teaser-text", "chapo"): the
/// nearest such element before the body's first paragraph, within the container's ancestor `levels` up (a sibling of
/// the body, or the article's header that chrome words left out), not chrome itself, short, and with few links.
struct MarkedLeadFinder: HTMLLeadFinder {
    var levels = 3

    func lead(in analysis: HTMLTreeAnalysis, container: Int, text: String) -> String? {
        let infos = analysis.infos
        var scope = container
        for _ in 0..<levels where infos[scope].parent >= 0 { scope = Int(infos[scope].parent) }
        let end = firstParagraph(in: container, analysis)
        for candidate in analysis.leadCandidates.reversed() {
            let i = Int(candidate)
            if i >= end || i == container { continue }
            if i <= scope { break }   // document order: everything inside `scope` comes after it
            let info = infos[i]
            // Its own class may not say chrome; an article header around it may ("entry-header").
            guard info.flags & (HTMLNodeFlag.dropped | HTMLNodeFlag.dateMeta) == 0,
                  info.textLength >= 30, info.textLength <= 1500, info.linkLength * 4 < info.textLength,
                  analysis.isInside(i, scope), !analysis.isInside(container, i),
                  let lead = HTMLTreeAnalysis.collapsedText(of: info.node, limit: 2000) else { continue }
            return text.contains(String(lead.prefix(40))) ? nil : lead
        }
        return nil
    }

    /// The first kept paragraph of 80 bytes or more inside the container, else the index after the container's last element.
    private func firstParagraph(in container: Int, _ analysis: HTMLTreeAnalysis) -> Int {
        let infos = analysis.infos
        var j = container + 1
        // Pre-order: the container's elements follow it, each with a parent at or after the container.
        while j < infos.count && Int(infos[j].parent) >= container {
            let info = infos[j]
            if info.role == .paragraph && info.flags & HTMLNodeFlag.underDrop == 0 && info.contentLength >= 80 { return j }
            j += 1
        }
        return j
    }
}

import Foundation
import ParleyStore

/// SVG charts drawn on the server: the geometry is computed here and the templates write it out as
/// `<rect>`, `<circle>` and `<text>` elements, so charts need no JavaScript.
enum Charts {
    static let width = 720.0
    static let left = 44.0
    static let right = 24.0

    /// A date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as a fractional year.
    static func fractionalYear(_ date: String) -> Double? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard let y = parts.first else { return nil }
        let m = parts.count > 1 ? parts[1] : 7
        let d = parts.count > 2 ? parts[2] : 15
        return Double(y) + (Double(m - 1) + Double(d - 1) / 31) / 12
    }

    static func fmt(_ x: Double) -> String { String(format: "%.1f", x) }

    /// Stacked bars of events per year by type, with a y axis of counts and a legend.
    static func yearBars(_ counts: [YearTypeCount]) -> [String: Any] {
        let years = Array(Set(counts.map(\.year))).sorted()
        let types = Array(Set(counts.map(\.type))).sorted()
        var totals: [String: Int] = [:]
        for c in counts { totals[c.year, default: 0] += c.count }
        let maxTotal = max(1, totals.values.max() ?? 1)
        let height = 220.0, top = 12.0, bottom = 28.0
        let plot = height - top - bottom
        let slot = min(90, (width - left - right) / Double(max(1, years.count)))
        var bars: [[String: Any]] = []
        var labels: [[String: Any]] = []
        for (i, year) in years.enumerated() {
            var y = height - bottom
            let x = left + Double(i) * slot + slot * 0.15
            for type in types {
                let n = counts.first { $0.year == year && $0.type == type }?.count ?? 0
                guard n > 0 else { continue }
                let h = plot * Double(n) / Double(maxTotal)
                y -= h
                bars.append(["x": fmt(x), "y": fmt(y), "w": fmt(slot * 0.7), "h": fmt(h), "cls": "t-" + type,
                             "title": "\(year.isEmpty ? "undated" : year): \(n) \(type)"])
            }
            labels.append(["x": fmt(x + slot * 0.35), "y": fmt(height - bottom + 16), "text": year.isEmpty ? "n.d." : year])
        }
        let ticks = axisTicks(maxTotal).map { v -> [String: Any] in
            let y = height - bottom - plot * Double(v) / Double(maxTotal)
            return ["y": fmt(y), "ty": fmt(y + 4), "text": String(v), "x1": fmt(left), "x2": fmt(width - right)]
        }
        return ["width": fmt(width), "height": fmt(height), "bars": bars, "labels": labels, "ticks": ticks,
                "legend": types.map { ["type": $0, "cls": "t-" + $0] }, "empty": counts.isEmpty]
    }

    /// A few round values between 0 and `maxValue` for an axis.
    static func axisTicks(_ maxValue: Int) -> [Int] {
        let step = max(1, Int(pow(10, floor(log10(Double(maxValue))))) / (maxValue < 3 ? 1 : 1))
        var s = step
        while maxValue / s > 5 { s *= 2 }
        return Array(stride(from: 0, through: maxValue, by: s))
    }

    /// One dot per dated event on a time axis, a lane per event type; each dot links to its event.
    static func timeline(_ events: [EventSummary]) -> [String: Any] {
        let dated = events.compactMap { e in e.date.flatMap(fractionalYear).map { (e, $0) } }
        let types = EventQuery.types.filter { t in dated.contains { $0.0.type == t } }
        let lane = 26.0, top = 10.0, bottom = 28.0, labelWidth = 74.0
        let height = top + bottom + lane * Double(max(1, types.count))
        guard let lo = dated.map(\.1).min(), let hi = dated.map(\.1).max() else {
            return ["empty": true, "width": fmt(width), "height": fmt(height)]
        }
        let start = floor(lo), end = max(floor(hi) + 1, start + 1)
        let plotLeft = labelWidth, plotWidth = width - labelWidth - right
        func x(_ v: Double) -> Double { plotLeft + plotWidth * (v - start) / (end - start) }
        let dots = dated.map { (e, v) -> [String: Any] in
            let row = Double(types.firstIndex(of: e.type) ?? 0)
            return ["cx": fmt(x(v)), "cy": fmt(top + lane * row + lane / 2), "cls": "t-" + e.type, "href": "/events/E\(e.id)",
                    "title": "\(e.date ?? "") \(e.type) " + e.participants.map(\.name).joined(separator: ", ")]
        }
        let lanes = types.enumerated().map { (i, t) -> [String: Any] in
            ["y": fmt(top + lane * Double(i) + lane / 2 + 4), "text": t, "ly": fmt(top + lane * Double(i) + lane / 2),
             "x1": fmt(plotLeft), "x2": fmt(width - right)]
        }
        let yearCount = Int(end - start)
        let every = max(1, yearCount / 8)
        let years = stride(from: 0, through: yearCount, by: every).map { k -> [String: Any] in
            ["x": fmt(x(start + Double(k))), "y": fmt(height - 10), "text": String(Int(start) + k), "top": fmt(top), "bottom": fmt(height - bottom)]
        }
        return ["empty": false, "width": fmt(width), "height": fmt(height), "dots": dots, "lanes": lanes, "years": years,
                "count": dated.count]
    }
}

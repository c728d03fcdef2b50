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

    /// Fills that tell series apart without colour: each series has a pattern of its own as well as a colour.
    static let patterns: [(stripes: Bool, dots: Bool, cross: Bool, rows: Bool)] = [
        (false, false, false, false), (true, false, false, false), (false, true, false, false),
        (false, false, true, false), (false, false, false, true), (true, true, false, false),
    ]
    static let colors = ["#1f5f99", "#b3541e", "#3a7d44", "#7b4f9d", "#8a6d1f", "#a23b72", "#4d5b6a"]

    /// Stacked bars of a chart's table, a bar per year and a segment per series: each segment has a pattern and a
    /// colour, its count written in it when there is room, and a `<title>`; the legend names each pattern. `id`
    /// keeps the SVG's ids apart from other charts on the page; `downloads` is the query of its CSV/JSON downloads.
    static func stacked(_ table: ChartTable, id: String, downloads: String) -> [String: Any] {
        let maxTotal = max(1, table.years.map { table.total(year: $0) }.max() ?? 1)
        let legendRows = Double((table.series.count + 2) / 3)
        let top = 12.0, bottom = 32.0 + 20 * legendRows, barArea = 200.0
        let height = top + barArea + bottom
        let slot = min(90, (width - left - right) / Double(max(1, table.years.count)))
        func pid(_ i: Int) -> String { "\(id)-p\(i)" }
        var bars: [[String: Any]] = []
        var labels: [[String: Any]] = []
        for (i, year) in table.years.enumerated() {
            var y = top + barArea
            let x = left + Double(i) * slot + slot * 0.15
            let shown = year.isEmpty ? "undated" : year
            for (k, series) in table.series.enumerated() {
                let n = table.count(year: year, series: series)
                guard n > 0 else { continue }
                let h = barArea * Double(n) / Double(maxTotal)
                y -= h
                var bar: [String: Any] = ["x": fmt(x), "y": fmt(y), "w": fmt(slot * 0.7), "h": fmt(h), "fill": "url(#\(pid(k)))",
                                          "year": shown, "series": series, "count": n, "title": "\(shown): \(n) with \(series)"]
                if h >= 14 { bar["label"] = ["x": fmt(x + slot * 0.35), "y": fmt(y + h / 2 + 4), "text": String(n)] }
                bars.append(bar)
            }
            labels.append(["x": fmt(x + slot * 0.35), "y": fmt(top + barArea + 16), "text": year.isEmpty ? "n.d." : year])
        }
        let ticks = axisTicks(maxTotal).map { v -> [String: Any] in
            let y = top + barArea - barArea * Double(v) / Double(maxTotal)
            return ["y": fmt(y), "ty": fmt(y + 4), "text": String(v), "x1": fmt(left), "x2": fmt(width - right)]
        }
        let patternValues = table.series.indices.map { k -> [String: Any] in
            let p = patterns[k % patterns.count]
            return ["pid": pid(k), "color": colors[k % colors.count], "stripes": p.stripes, "dots": p.dots, "cross": p.cross, "rows": p.rows]
        }
        let legend = table.series.enumerated().map { (k, series) -> [String: Any] in
            let column = Double(k % 3), row = Double(k / 3)
            let x = left + column * 220, y = top + barArea + 30 + row * 20
            return ["x": fmt(x), "y": fmt(y), "tx": fmt(x + 22), "ty": fmt(y + 11), "fill": "url(#\(pid(k)))", "text": series]
        }
        let total = table.cells.reduce(0) { $0 + $1.count }
        let desc = table.years.map { y in
            "\(y.isEmpty ? "undated" : y): " + table.series.compactMap { s in
                let n = table.count(year: y, series: s)
                return n > 0 ? "\(n) \(s)" : nil
            }.joined(separator: ", ")
        }.joined(separator: "; ")
        return [
            "id": id, "title": table.title, "desc": "\(total) events. " + desc, "empty": table.cells.isEmpty,
            "width": fmt(width), "height": fmt(height), "bars": bars, "labels": labels, "ticks": ticks, "patterns": patternValues,
            "legend": legend, "series": table.series,
            "rows": table.years.map { y -> [String: Any] in
                ["year": y.isEmpty ? "undated" : y, "cells": table.series.map { table.count(year: y, series: $0) }, "total": table.total(year: y)]
            },
            "csvHref": "/chart.csv?" + downloads, "jsonHref": "/chart.json?" + downloads,
        ]
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

/// The report's three charts as inline SVG (no script, no fonts to fetch), drawn from the folds.
///
/// Every chart point carries `data-point` and every import's bar `data-bar` (the import id), so a
/// browser check can count them against the imports.
public enum ReportCharts {
    static let width = 720.0
    static let sourceColors = ["#1f6fb4", "#c8372d", "#2c8c3c", "#7d4fb0", "#d9822b", "#6b4d3a", "#c2548f", "#178a94"]
    static let typeColors: [EventType: String] = [
        .signed: "#2c8c3c", .renewed: "#1f6fb4", .amended: "#d9822b", .expired: "#7d4fb0", .closed: "#c8372d",
    ]

    /// The colour of a source, by its place among the report's sources.
    static func color(source: String, sources: [String]) -> String {
        sourceColors[(sources.firstIndex(of: source) ?? 0) % sourceColors.count]
    }

    static func n(_ v: Double) -> String { SVGNumber.format(v) }

    static func text(_ x: Double, _ y: Double, _ s: String, anchor: String = "middle", cls: String = "",
                     extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"" + (cls.isEmpty ? "" : " class=\"\(cls)\"")
            + extra + ">" + HTMLText.escape(s) + "</text>"
    }

    /// Horizontal grid lines and labels of a vertical count axis.
    static func yAxis(_ ticks: [Int], scale: LinearScale, left: Double, right: Double) -> [String] {
        ticks.flatMap { t -> [String] in
            let y = scale(Double(t))
            return ["<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(right))\" y2=\"\(n(y))\"/>",
                    text(left - 6, y + 4, String(t), anchor: "end", cls: "tick")]
        }
    }

    /// Active agreements per source over time: one line per source, one point per import.
    public static func activeOverTime(_ points: [ImportPoint], sources: [String]) -> String {
        let height = 280.0, left = 52.0, right = width - 20, top = 20.0, bottom = height - 44
        guard let first = points.map(\.imported.recorded).min(), let last = points.map(\.imported.recorded).max() else {
            return "<p class=\"empty\">No imports in the period.</p>"
        }
        var d0 = Double(first.dayNumber), d1 = Double(last.dayNumber)
        let pad = max((d1 - d0) * 0.04, 15)
        d0 -= pad
        d1 += pad
        let x = LinearScale(domain: d0...d1, start: left, end: right)
        let ticks = AxisTicks.values(maxValue: points.map(\.active).max() ?? 0)
        let y = LinearScale.vertical(max: Double(ticks.last!), top: top, bottom: bottom)
        var out = ["<svg class=\"chart\" role=\"img\" aria-label=\"Active agreements per source at each import\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\">"]
        out += yAxis(ticks, scale: y, left: left, right: right)
        out.append("<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(right))\" y2=\"\(n(bottom))\"/>")
        out.append("<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(bottom))\"/>")
        for t in AxisTicks.dates(from: PartialDate(dayNumber: Int(d0.rounded(.up))), to: PartialDate(dayNumber: Int(d1))) {
            let px = x(Double(t.day.dayNumber))
            out.append("<line class=\"axis\" x1=\"\(n(px))\" y1=\"\(n(bottom))\" x2=\"\(n(px))\" y2=\"\(n(bottom + 5))\"/>")
            out.append(text(px, bottom + 18, t.label, cls: "tick"))
        }
        out.append(text(left - 40, top - 8, "active", anchor: "start", cls: "tick"))
        for source in sources {
            let own = points.filter { $0.imported.source == source }
            guard !own.isEmpty else { continue }
            let colour = color(source: source, sources: sources)
            let coords = own.map { "\(n(x(Double($0.imported.recorded.dayNumber)))),\(n(y(Double($0.active))))" }
            out.append("<polyline class=\"series\" fill=\"none\" stroke=\"\(colour)\" points=\"\(coords.joined(separator: " "))\"/>")
            for p in own {
                let px = x(Double(p.imported.recorded.dayNumber)), py = y(Double(p.active))
                out.append("<circle data-point=\"\(HTMLText.escape(p.imported.importID))\" cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"4\" fill=\"\(colour)\">"
                           + "<title>\(HTMLText.escape("\(source), import \(p.imported.importID), \(p.imported.recorded): \(p.active) active"))</title></circle>")
                out.append(text(px, py - 8, String(p.active), cls: "value"))
            }
        }
        var lx = left
        for source in sources {
            out.append("<rect x=\"\(n(lx))\" y=\"\(n(height - 14))\" width=\"10\" height=\"10\" fill=\"\(color(source: source, sources: sources))\"/>")
            out.append(text(lx + 14, height - 5, source, anchor: "start", cls: "legend"))
            lx += 24 + Double(source.count) * 7
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// Events per import, stacked by type, one bar per import in log order.
    public static func eventsPerImport(_ points: [ImportPoint]) -> String {
        guard !points.isEmpty else { return "<p class=\"empty\">No imports in the period.</p>" }
        let height = 300.0, left = 52.0, right = width - 20, top = 20.0, bottom = height - 78
        let ticks = AxisTicks.values(maxValue: points.map(\.counts.total).max() ?? 0)
        let y = LinearScale.vertical(max: Double(ticks.last!), top: top, bottom: bottom)
        let band = (right - left) / Double(points.count)
        let barWidth = min(band * 0.7, 40)
        var out = ["<svg class=\"chart\" role=\"img\" aria-label=\"Events per import by type\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\">"]
        out += yAxis(ticks, scale: y, left: left, right: right)
        out.append("<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(right))\" y2=\"\(n(bottom))\"/>")
        out.append(text(left - 40, top - 8, "events", anchor: "start", cls: "tick"))
        for (i, p) in points.enumerated() {
            let cx = left + band * (Double(i) + 0.5), x0 = cx - barWidth / 2
            var base = 0
            for type in EventType.lifecycle where p.counts[type] > 0 {
                let y0 = y(Double(base + p.counts[type])), y1 = y(Double(base))
                out.append("<rect data-segment=\"\(type.rawValue)\" x=\"\(n(x0))\" y=\"\(n(y0))\" width=\"\(n(barWidth))\" height=\"\(n(y1 - y0))\" fill=\"\(typeColors[type]!)\"><title>\(HTMLText.escape("import \(p.imported.importID): \(p.counts[type]) \(type.rawValue)"))</title></rect>")
                base += p.counts[type]
            }
            let yTop = y(Double(base))
            out.append("<rect data-bar=\"\(HTMLText.escape(p.imported.importID))\" class=\"bar\" x=\"\(n(x0))\" y=\"\(n(yTop))\" width=\"\(n(barWidth))\" height=\"\(n(bottom - yTop))\"><title>\(HTMLText.escape("import \(p.imported.importID) (\(p.imported.source), \(p.imported.recorded)): \(base) events"))</title></rect>")
            out.append(text(cx, yTop - 5, String(base), cls: "value"))
            out.append(text(cx, bottom + 14, "#" + p.imported.importID, cls: "tick"))
            out.append(text(cx, bottom + 26, p.imported.recorded.description, anchor: "end", cls: "tick",
                            extra: " transform=\"rotate(-40 \(n(cx)) \(n(bottom + 26)))\""))
        }
        var lx = left
        for type in EventType.lifecycle {
            out.append("<rect x=\"\(n(lx))\" y=\"\(n(height - 14))\" width=\"10\" height=\"10\" fill=\"\(typeColors[type]!)\"/>")
            out.append(text(lx + 14, height - 5, type.rawValue, anchor: "start", cls: "legend"))
            lx += 90
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// Active agreements by country: horizontal bars, the 15 largest and "other".
    public static func byCountry(_ groups: [CountryCount]) -> String {
        guard !groups.isEmpty else { return "<p class=\"empty\">No active agreements.</p>" }
        let row = 18.0, left = 190.0, right = width - 60, top = 8.0
        let height = top + row * Double(groups.count) + 8
        let x = LinearScale(domain: 0...Double(max(groups.map(\.count).max() ?? 1, 1)), start: left, end: right)
        var out = ["<svg class=\"chart\" role=\"img\" aria-label=\"Active agreements by country\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\">"]
        for (i, g) in groups.enumerated() {
            let y0 = top + row * Double(i)
            out.append(text(left - 8, y0 + 13, g.label, anchor: "end", cls: "tick"))
            out.append("<rect data-country=\"\(HTMLText.escape(g.key))\" x=\"\(n(left))\" y=\"\(n(y0 + 2))\" width=\"\(n(x(Double(g.count)) - left))\" height=\"\(n(row - 4))\" fill=\"#1f6fb4\"/>")
            out.append(text(x(Double(g.count)) + 4, y0 + 13, String(g.count), anchor: "start", cls: "value"))
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}

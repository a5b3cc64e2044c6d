/// `ledger report --html`: one self-contained HTML file an auditor can open, print on A4 and forward:
/// headline figures, charts, the changes of every import, what expires soon, and every agreement's timeline.
///
/// It is a pure function of the log and the options: no clock, every list sorted explicitly, so the same
/// log gives the same bytes (the golden test relies on it).
public struct HTMLReport: Sendable {
    /// What to report on.
    public struct Options: Sendable {
        /// Only this list (all lists when nil).
        public var source: String?
        /// The period whose imports are charted and summarized (both ends inclusive; open when nil).
        public var from: PartialDate?
        public var to: PartialDate?
        /// The report date: states are as the ledger knew them that day and the expiry window starts
        /// there; nil means the latest import date of the selection (within `to`).
        public var at: PartialDate?
        /// Days after the report date the "expiring soon" table covers.
        public var expiringWithin: Int

        public init(source: String? = nil, from: PartialDate? = nil, to: PartialDate? = nil, at: PartialDate? = nil,
                    expiringWithin: Int = 180) {
            self.source = source
            self.from = from
            self.to = to
            self.at = at
            self.expiringWithin = expiringWithin
        }
    }

    /// What the report covers.
    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The report date used: `at`, else the latest import date of the selection on or before `to`.
    public func reportDate(_ events: [LedgerEvent]) -> PartialDate? {
        options.at ?? events.last { e in
            e.type == .imported && (options.source == nil || e.source == options.source)
                && (options.to.map { !($0 < e.recorded) } ?? true)
        }?.recorded
    }

    /// The whole HTML document.
    public func render(_ events: [LedgerEvent]) -> String {
        let date = reportDate(events)
        let selected = events.filter { e in
            (options.source == nil || e.source == options.source) && (date.map { !($0 < e.recorded) } ?? false)
        }
        let periodEnd = [options.to, date].compactMap { $0 }.min()
        let points = ImportSeries.points(selected, from: options.from, to: periodEnd)
        let state = LedgerState(events: selected)
        let sources = Set(selected.filter { $0.type == .imported }.map(\.source)).sorted()
        let inPeriod = Set(points.map(\.imported.importID))

        var out: [String] = []
        out.append("<!DOCTYPE html>")
        out.append("<html lang=\"en\">")
        out.append("<head>")
        out.append("<meta charset=\"utf-8\">")
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        out.append("<title>" + HTMLText.escape("Partner agreements: audit report" + (date.map { " as of \($0)" } ?? "")) + "</title>")
        out.append("<style>\n" + HTMLReport.css + "</style>")
        out.append("</head>")
        out.append("<body>")
        out.append("<header>")
        out.append("<h1>Partner agreements: audit report</h1>")
        var facts = ["Report date: " + (date?.description ?? "none (no imports)")]
        facts.append("Lists: " + (sources.isEmpty ? "none" : sources.joined(separator: ", ")))
        facts.append("Period: " + periodText(end: periodEnd))
        facts.append("Imports in the period: \(points.count)")
        out.append("<p class=\"facts\">" + facts.map(HTMLText.escape).joined(separator: " · ") + "</p>")
        out.append("<nav><a href=\"#figures\">Figures</a> · <a href=\"#charts\">Charts</a> · <a href=\"#expiring\">Expiring soon</a> · <a href=\"#imports\">Changes by import</a> · <a href=\"#agreements\">Agreement timelines</a></nav>")
        out.append("</header>")

        out += figures(state: state, sources: sources, selected: selected, inPeriod: inPeriod)

        out.append("<section id=\"charts\">")
        out.append("<h2>Charts</h2>")
        out.append("<figure>")
        out.append("<figcaption>Active agreements per list, at each import</figcaption>")
        out.append(ReportCharts.activeOverTime(points, sources: sources))
        out.append("</figure>")
        out.append("<figure>")
        out.append("<figcaption>Events per import, by type (import number and date below each bar)</figcaption>")
        out.append(ReportCharts.eventsPerImport(points))
        out.append("</figure>")
        out.append("<figure>")
        out.append("<figcaption>Active agreements by country on the report date (15 largest, then the rest as “other”)</figcaption>")
        out.append(ReportCharts.byCountry(CountryCounts.top(state.ordered().filter { $0.state == .active })))
        out.append("</figure>")
        out.append("</section>")

        out += expiring(selected, date: date)
        out += importSections(selected, points: points)
        out += timelines(state: state, selected: selected)

        out.append("<footer>")
        let last = selected.last
        out.append("<p>" + HTMLText.escape("Rendered by ledger report from events.jsonl: \(selected.count) events"
            + (last.map { " up to seq \($0.seq), hash \($0.hash)" } ?? "")
            + ". The log is the source of truth; this report can be regenerated for any date.") + "</p>")
        out.append("</footer>")
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    func periodText(end: PartialDate?) -> String {
        switch (options.from, end) {
        case (nil, nil): "all imports"
        case (nil, let e?): "all imports up to \(e)"
        case (let f?, nil): "from \(f)"
        case (let f?, let e?): "\(f) to \(e)"
        }
    }

    /// Headline figures per list: the states on the report date, and what the period's imports added and ended.
    func figures(state: LedgerState, sources: [String], selected: [LedgerEvent], inPeriod: Set<String>) -> [String] {
        var out = ["<section id=\"figures\">", "<h2>Headline figures</h2>", "<table class=\"figures\">",
                   "<thead><tr><th>list</th><th>active</th><th>expired</th><th>closed</th><th>new in the period</th><th>ended in the period</th></tr></thead>",
                   "<tbody>"]
        var totals = [0, 0, 0, 0, 0]
        for source in sources {
            let agreements = state.ordered(source: source)
            let periodEvents = selected.filter { $0.source == source && inPeriod.contains($0.importID) }
            let row = [
                agreements.filter { $0.state == .active }.count,
                agreements.filter { $0.state == .expired }.count,
                agreements.filter { $0.state == .closed }.count,
                periodEvents.filter { $0.type == .signed }.count,
                periodEvents.filter { $0.type == .expired || $0.type == .closed }.count,
            ]
            for i in row.indices { totals[i] += row[i] }
            out.append("<tr><th>\(HTMLText.escape(source))</th>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>")
        }
        out.append("</tbody>")
        if sources.count > 1 {
            out.append("<tfoot><tr><th>all lists</th>" + totals.map { "<td>\($0)</td>" }.joined() + "</tr></tfoot>")
        }
        out.append("</table>")
        out.append("<p class=\"note\">States are as the ledger knew them on the report date. “New” counts agreements that first appeared in an import of the period (on a list’s first import, all of them); “ended” counts expiries and closures recorded in the period.</p>")
        out.append("</section>")
        return out
    }

    /// The agreements whose validity ends within `expiringWithin` days of the report date.
    func expiring(_ selected: [LedgerEvent], date: PartialDate?) -> [String] {
        let query = ExpiringQuery(within: options.expiringWithin, at: date, source: options.source)
        let items = date == nil ? [] : query.run(selected)
        var out = ["<section id=\"expiring\">",
                   "<h2>Expiring soon: the next \(options.expiringWithin) days" + (date.map { " from \($0)" } ?? "") + "</h2>"]
        if items.isEmpty {
            out.append("<p>No running agreement ends in that window.</p>")
        } else {
            out.append("<table class=\"expiring\">")
            out.append("<thead><tr><th>ends</th><th>days left</th><th>partner</th><th>list</th><th>country</th></tr></thead>")
            out.append("<tbody>")
            for e in items {
                let r = e.agreement.record
                let ends = e.ends.description + (e.precision == "day" ? "" : " (\(e.precision) only)")
                    + (e.basis == .term ? ", signed + term" : "")
                out.append("<tr><td>\(HTMLText.escape(ends))</td><td>\(e.daysLeft)</td><td>\(link(e.agreement.id, r.partner))</td>"
                           + "<td>\(HTMLText.escape(e.agreement.source))</td><td>\(HTMLText.escape(r.country ?? ""))</td></tr>")
            }
            out.append("</tbody>")
            out.append("</table>")
        }
        out.append("<p class=\"note\">An end stated only as a year or a month counts to the last day of that year or month; days left are counted to that day, and no day is invented.</p>")
        out.append("</section>")
        return out
    }

    /// The change summary of each import of the period, newest first.
    func importSections(_ selected: [LedgerEvent], points: [ImportPoint]) -> [String] {
        var out = ["<section id=\"imports\">", "<h2>Changes by import</h2>"]
        if points.isEmpty { out.append("<p>No imports in the period.</p>") }
        let newestFirst = points.sorted { a, b in
            a.imported.recorded != b.imported.recorded ? b.imported.recorded < a.imported.recorded : a.imported.seq > b.imported.seq
        }
        for p in newestFirst {
            guard let summary = ChangeSummary(events: selected, importID: p.imported.importID) else { continue }
            let id = HTMLText.anchor("import", p.imported.importID)
            out.append("<section class=\"import\" id=\"\(id)\" data-import=\"\(HTMLText.escape(p.imported.importID))\">")
            out.append("<h3>" + HTMLText.escape("Import \(p.imported.importID): \(p.imported.source), \(p.imported.recorded)") + "</h3>")
            out += SummaryHTML.body(summary, headingLevel: 4, linkAgreements: true)
            out.append("</section>")
        }
        out.append("</section>")
        return out
    }

    /// Every agreement known on the report date with its events, oldest first; the target of every partner link.
    func timelines(state: LedgerState, selected: [LedgerEvent]) -> [String] {
        var byAgreement: [String: [LedgerEvent]] = [:]
        for e in selected { if let id = e.agreement { byAgreement[id, default: []].append(e) } }
        let agreements = state.agreements.map { ($0, PartnerName.folded($0.record.partner)) }.sorted { x, y in
            if x.0.source != y.0.source { return x.0.source < y.0.source }
            return x.1 != y.1 ? x.1 < y.1 : x.0.id < y.0.id
        }.map(\.0)
        var out = ["<section id=\"agreements\">", "<h2>Agreement timelines</h2>"]
        for a in agreements {
            let r = a.record
            out.append("<section class=\"agreement\" id=\"\(HTMLText.anchor("agreement", a.id))\">")
            out.append("<h3>\(HTMLText.escape(r.partner))</h3>")
            let meta = [a.source, r.country, r.city, "agreement \(a.id)", a.state.rawValue].compactMap { $0 }
            out.append("<p class=\"meta\">" + meta.map(HTMLText.escape).joined(separator: " · ") + "</p>")
            out.append("<ol class=\"timeline\">")
            for e in byAgreement[a.id] ?? [] {
                let detail = SummaryHTML.detail(e)
                out.append("<li><time>\(e.recorded)</time> <span class=\"type-\(e.type.rawValue)\">\(e.type.rawValue)</span>"
                           + (detail.isEmpty ? "" : " " + detail)
                           + " <a class=\"src\" href=\"#\(HTMLText.anchor("import", e.importID))\">import \(HTMLText.escape(e.importID))</a></li>")
            }
            out.append("</ol>")
            out.append("</section>")
        }
        out.append("</section>")
        return out
    }

    func link(_ id: String, _ text: String) -> String {
        "<a href=\"#\(HTMLText.anchor("agreement", id))\">\(HTMLText.escape(text))</a>"
    }

    /// Inline styles: readable on screen, A4 when printed, charts and sections kept whole across pages.
    static let css = """
    @page { size: A4; margin: 14mm; }
    body { font: 14px/1.45 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1d1d1d; max-width: 780px; margin: 24px auto; padding: 0 16px; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 19px; border-bottom: 2px solid #1f6fb4; padding-bottom: 2px; margin-top: 32px; }
    h3 { font-size: 15px; margin: 18px 0 4px; }
    h4 { font-size: 13px; margin: 10px 0 2px; }
    a { color: #1f6fb4; }
    .facts, .meta, .note, footer { color: #555; font-size: 12px; }
    nav { font-size: 13px; margin: 8px 0; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left; }
    td { font-variant-numeric: tabular-nums; }
    table.figures td { text-align: right; }
    figure { margin: 16px 0; break-inside: avoid; }
    figcaption { font-weight: 600; font-size: 13px; margin-bottom: 4px; }
    svg.chart { max-width: 100%; height: auto; font: 11px "DejaVu Sans", Helvetica, Arial, sans-serif; }
    svg .grid { stroke: #e3e3e3; }
    svg .axis { stroke: #444; }
    svg .series { stroke-width: 2; }
    svg .bar { fill: none; stroke: #333; stroke-width: 0.8; }
    svg .value { font-size: 10px; fill: #222; }
    svg .tick, svg .legend { fill: #444; }
    ul, ol { margin: 2px 0 6px; padding-left: 22px; }
    ol.timeline { list-style: none; padding-left: 0; font-size: 13px; }
    time { font-variant-numeric: tabular-nums; color: #555; }
    .type-signed { color: #2c8c3c; } .type-renewed { color: #1f6fb4; } .type-amended { color: #b5651d; }
    .type-expired { color: #7d4fb0; } .type-closed { color: #c8372d; }
    a.src { font-size: 11px; color: #777; }
    section.import, section.agreement { break-inside: avoid; }
    @media print { body { margin: 0; max-width: none; font-size: 11px; } nav { display: none; } a { color: inherit; text-decoration: none; } }

    """
}

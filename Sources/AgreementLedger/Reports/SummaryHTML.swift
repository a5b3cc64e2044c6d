/// The change summary as HTML: pasted into an e-mail by `summary --format html`, and the per-import
/// sections of the HTML report, so both say the same thing the same way.
public enum SummaryHTML {
    /// A self-contained fragment for an e-mail client (no links, no styles it would strip anyway).
    public static func render(_ s: ChangeSummary) -> String {
        (["<h2>" + HTMLText.escape(title(s)) + "</h2>"] + body(s, headingLevel: 3, linkAgreements: false))
            .joined(separator: "\n") + "\n"
    }

    /// "Partner agreements: changes in "S" as of D", as in the Markdown summary.
    static func title(_ s: ChangeSummary) -> String {
        "Partner agreements: changes in \"\(s.imported.source)\" as of \(s.imported.recorded)"
    }

    /// The import line and one list per event type; partners link to their timelines when `linkAgreements`.
    static func body(_ s: ChangeSummary, headingLevel h: Int, linkAgreements: Bool) -> [String] {
        let c = s.counts
        let file = s.imported.file.map { " of " + HTMLText.escape($0) } ?? ""
        let counts = EventType.lifecycle.map { "\(c[$0]) \($0.rawValue)" }.joined(separator: ", ")
        var lines = ["<p>Import \(HTMLText.escape(s.imported.importID))\(file): \(counts).</p>"]
        if c.total == 0 { lines.append("<p>No changes.</p>") }
        for type in EventType.lifecycle {
            guard let events = s.byType[type], !events.isEmpty else { continue }
            lines.append("<h\(h) class=\"type-\(type.rawValue)\">\(HTMLText.escape(SummaryMarkdown.headings[type]!)) (\(events.count))</h\(h)>")
            lines.append("<ul>")
            lines += events.map { "<li>" + line($0, linkAgreements: linkAgreements) + "</li>" }
            lines.append("</ul>")
        }
        return lines
    }

    /// What an event changed, without the partner and country (a timeline already names them).
    static func detail(_ e: LedgerEvent) -> String {
        let prefix = (e.partner ?? e.agreement ?? "?") + (e.country.map { " (\($0))" } ?? "")
        let text = ChangeSummary.describe(e)
        guard text.hasPrefix(prefix) else { return HTMLText.escape(text) }
        var rest = Substring(text.dropFirst(prefix.count))
        if rest.hasPrefix(": ") { rest = rest.dropFirst(2) }
        return HTMLText.escape(String(rest))
    }

    /// One event as HTML: the partner (a link to its timeline when asked), then what changed.
    static func line(_ e: LedgerEvent, linkAgreements: Bool) -> String {
        let who = e.partner ?? e.agreement ?? "?"
        let text = ChangeSummary.describe(e)
        let rest = text.hasPrefix(who) ? String(text.dropFirst(who.count)) : ": " + text
        guard linkAgreements, let id = e.agreement else { return "<strong>\(HTMLText.escape(who))</strong>" + HTMLText.escape(rest) }
        return "<a href=\"#\(HTMLText.anchor("agreement", id))\">\(HTMLText.escape(who))</a>" + HTMLText.escape(rest)
    }
}

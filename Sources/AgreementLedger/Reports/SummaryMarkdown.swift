/// The change summary as Markdown that reads well pasted into an e-mail.
public enum SummaryMarkdown {
    static let headings: [EventType: String] = [
        .signed: "New agreements", .renewed: "Renewed", .amended: "Amended",
        .expired: "Expired", .closed: "Closed (no longer in the list, or stated closed)",
    ]

    public static func render(_ s: ChangeSummary) -> String {
        let c = s.counts
        var lines = [
            "## Partner agreements: changes in \"\(s.imported.source)\" as of \(s.imported.recorded)",
            "",
            "Import \(s.imported.importID)" + (s.imported.file.map { " of `\($0)`" } ?? "") + ": "
                + EventType.lifecycle.map { "\(c[$0]) \($0.rawValue)" }.joined(separator: ", ") + ".",
        ]
        if c.total == 0 { lines += ["", "No changes."] }
        for type in EventType.lifecycle {
            guard let events = s.byType[type], !events.isEmpty else { continue }
            lines += ["", "### \(headings[type]!) (\(events.count))", ""]
            lines += events.map { "- " + ChangeSummary.describe($0) }
        }
        return lines.joined(separator: "\n")
    }
}

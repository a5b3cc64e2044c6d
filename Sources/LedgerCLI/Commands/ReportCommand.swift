import AgreementLedger
import Foundation

/// `ledger report --html OUT.html`: the audit report as one self-contained HTML file.
enum ReportCommand {
    static let spec = CommandSpec(
        name: "report",
        summary: "Write the audit report (figures, charts, changes, expiring soon, timelines) as one HTML file.",
        usage: "ledger report --html OUT.html [--source S] [--from DATE] [--to DATE] [--at DATE] [--within DAYS] [--progress]",
        options: [
            .init(name: "--html", value: "OUT.html", help: "the file to write (\"-\" for stdout)"),
            .init(name: "--source", value: "S", help: "only this list"),
            .init(name: "--from", value: "DATE", help: "chart and summarize imports recorded on or after DATE"),
            .init(name: "--to", value: "DATE", help: "... and on or before DATE"),
            .init(name: "--at", value: "DATE", help: "the report date (default: the latest import date of the selection, so the output depends only on the log)"),
            .init(name: "--within", value: "DAYS", help: "the \"expiring soon\" window after the report date (default 180)"),
            .init(name: "--progress", value: nil, help: "show progress on stderr even when it is not a terminal"),
        ],
        examples: [
            "ledger report --html report.html",
            "ledger report --source polish --from 2026-01-01 --html polish-2026.html",
            "ledger report --at 2025-12-31 --within 90 --html year-end.html",
        ])

    static func run(_ args: ParsedArguments, context: CommandContext) throws(CLIError) {
        guard let path = args.value("--html") else { throw .usage("--html OUT.html is required (the report is one HTML file)") }
        var options = HTMLReport.Options(source: args.value("--source"), from: try StoreAccess.day(args, "--from"),
                                         to: try StoreAccess.day(args, "--to"), at: try StoreAccess.day(args, "--at"))
        if let from = options.from, let to = options.to, to < from {
            throw .usage("--from \(from) is after --to \(to)")
        }
        if let w = args.value("--within") {
            guard let days = Int(w), days >= 0 else { throw .usage("--within needs a number of days (got \"\(w)\")") }
            options.expiringWithin = days
        }
        let console = context.console
        let progress = ProgressReporter(console: console, label: "ledger report", forced: args.has("--progress"))
        progress.step("reading \(context.ledgerDirectory)/events.jsonl")
        let events = try StoreAccess.events(context)
        progress.step("rendering \(events.count) events")
        let html = HTMLReport(options: options).render(events)
        if path == "-" {
            console.write(html)
            return
        }
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .io("\(path): cannot write the report (\(error.localizedDescription))")
        }
        progress.step("wrote \(path)")
    }
}

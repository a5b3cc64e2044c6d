import AgreementLedger

/// `ledger summary [IMPORT|--last]`: what one import changed, for an e-mail or a script.
enum SummaryCommand {
    static let spec = CommandSpec(
        name: "summary",
        summary: "Summarize one import's changes, grouped by event type (the latest import by default).",
        usage: "ledger summary [IMPORT|--last] [--format markdown|json|html] [--json]",
        options: [
            .init(name: "--last", value: nil, help: "the latest import (the default)"),
            .init(name: "--format", value: "F", help: "markdown (default), json, or html (for pasting into an e-mail client)"),
            .init(name: "--json", value: nil, help: "same as --format json"),
        ],
        examples: ["ledger summary", "ledger summary 3 --format json", "ledger summary --last > changes.md"],
        positionals: 0, max: 1)

    static func run(_ args: ParsedArguments, context: CommandContext) throws(CLIError) {
        let format = args.has("--json") ? "json" : (args.value("--format") ?? "markdown")
        guard ["markdown", "json", "html"].contains(format) else { throw .usage("--format must be markdown, json or html (got \"\(format)\")") }
        let id = args.positionals.first
        // Only the import's own lines are decoded.
        let events = try StoreAccess.reading(context) { store throws(StoreError) in try store.readImport(id) } ?? []
        guard let summary = ChangeSummary(events: events, importID: id) else {
            throw .input(id.map { "no import \"\($0)\" in \(context.ledgerDirectory) (see 'ledger log')" }
                         ?? "no imports yet in \(context.ledgerDirectory)")
        }
        switch format {
        case "json": context.console.print(JSONWriter.pretty(summary.json))
        case "html": context.console.write(SummaryHTML.render(summary))
        default: context.console.print(SummaryMarkdown.render(summary))
        }
    }
}

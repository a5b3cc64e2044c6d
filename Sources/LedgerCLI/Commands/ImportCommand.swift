import AgreementLedger

/// `ledger import FILE...`: diffs snapshots against the ledger and appends the changes as events.
enum ImportCommand {
    static let spec = CommandSpec(
        name: "import",
        summary: "Import list snapshots: diff each against the ledger and append the changes as events.",
        usage: "ledger import FILE... [--source S] [--as-of YYYY-MM-DD] [--mapping M.json] [--dry-run] [--json]",
        options: ReadOptions.specs + [
            .init(name: "--source", value: "S", help: "which list this is (default: default)"),
            .init(name: "--as-of", value: "DATE", help: "the snapshot's date (default: the file's footer date, else today UTC)"),
            .init(name: "--dry-run", value: nil, help: "show the events without writing them"),
            .init(name: "--allow-mass-closure", value: nil, help: "accept an import that closes more than a third of the active agreements, or has no rows"),
            .init(name: "--json", value: nil, help: "print the import result as JSON"),
            .init(name: "--progress", value: nil, help: "show progress on stderr even when it is not a terminal"),
        ],
        examples: [
            "ledger import partners-2024-01.tsv --source bihac",
            "ledger import jan.tsv feb.tsv mar.tsv --source krakow",
            "ledger import export.csv --as-of 2024-06-30 --dry-run",
        ],
        positionals: 1, max: nil)

    static func run(_ args: ParsedArguments, context: CommandContext) throws(CLIError) {
        let asOf = try StoreAccess.day(args, "--as-of")
        let source = args.value("--source") ?? "default"
        guard !source.isEmpty else { throw .usage("--source must not be empty") }
        let reader = SnapshotReader(options: try ReadOptions.make(args))
        let store = try StoreAccess.open(context)
        let console = context.console
        let progress = ProgressReporter(console: console, label: "ledger import", forced: args.has("--progress"))
        let outcomes: [ImportOutcome]
        do {
            outcomes = try Importer(store: store, reader: reader).importFiles(
                args.positionals, source: source, asOf: asOf, dryRun: args.has("--dry-run"),
                allowMassClosure: args.has("--allow-mass-closure"), keepingEvents: args.has("--json"),
                progress: progress.step)
        } catch {
            throw CLIError.from(error)
        }
        for batch in store.recoveredBatches {
            console.error("ledger import: an unfinished batch from an interrupted import was moved aside to \(batch.path)")
        }
        // Diagnostics go to stderr whatever the output format, so --json users see the warnings too.
        for o in outcomes where !o.unchanged && !o.warnings.isEmpty {
            console.error("\(o.path): \(o.warnings.count) warnings (see 'ledger inspect \(o.path)')")
        }
        if args.has("--json") {
            let values = outcomes.map(\.json)
            console.print(JSONWriter.pretty(values.count == 1 ? values[0] : .array(values)))
            return
        }
        for o in outcomes {
            let what = o.dryRun ? "would import" : "imported"
            if o.unchanged {
                console.print("\(o.file): same content as source \"\(o.source)\"'s latest import; nothing appended")
                continue
            }
            let counts = EventType.lifecycle.map { "\(o.counts[$0]) \($0.rawValue)" }.joined(separator: ", ")
            console.print("\(o.file): \(what) into \"\(o.source)\" as of \(o.recorded)" + (o.importID.map { " (import \($0))" } ?? "") + ": \(counts)")
            if o.dryRun {
                for e in o.events { console.print("  \(e.type.rawValue): " + ChangeSummary.describe(e)) }
            }
        }
    }
}

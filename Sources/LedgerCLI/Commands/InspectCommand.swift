import AgreementLedger

/// `ledger inspect FILE`: shows how a list reads, without touching the ledger.
enum InspectCommand {
    static let spec = CommandSpec(
        name: "inspect",
        summary: "Read a list and show its canonical records and warnings; the ledger is not touched.",
        usage: "ledger inspect FILE [--mapping M.json] [--delimiter D] [--encoding E] [--json]",
        options: ReadOptions.specs + [.init(name: "--json", value: nil, help: "print JSON (records, warnings, asOf)")],
        examples: [
            "ledger inspect partners.tsv",
            "ledger inspect old-export.csv --encoding windows-1250 --json",
            "ledger inspect list.tsv --mapping columns.json",
        ],
        positionals: 1, max: 1)

    static func run(_ args: ParsedArguments, context: CommandContext) throws(CLIError) {
        let reader = SnapshotReader(options: try ReadOptions.make(args))
        let snapshot: Snapshot
        do { snapshot = try reader.read(path: args.positionals[0]).snapshot } catch { throw .input(error.description) }
        if args.has("--json") {
            context.console.print(JSONWriter.pretty(snapshot.json))
            return
        }
        context.console.print(TextTable.render(
            header: ["row", "partner", "country", "city", "signed", "valid until", "term", "status", "kind"],
            rows: snapshot.records.map { r in
                [String(r.row), r.partner, r.country.map { c in r.countryCode.map { "\(c) (\($0))" } ?? c } ?? "",
                 r.city ?? "", r.signed?.description ?? "",
                 r.validUntil?.description ?? (r.indefinite ? "indefinite" : ""), r.term ?? "",
                 r.status?.rawValue ?? "", r.kind ?? ""]
            }))
        let dated = snapshot.asOf.map { ", dated \($0)" } ?? ""
        context.console.print("\n\(snapshot.records.count) records (\(snapshot.format), header on line \(snapshot.layout.headerLine)\(dated)), \(snapshot.warnings.count) warnings")
        for w in snapshot.warnings { context.console.print("  " + w.description) }
    }
}

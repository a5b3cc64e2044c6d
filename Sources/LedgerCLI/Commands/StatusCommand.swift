import AgreementLedger

/// `ledger status`: the agreements as known now, on a past day, or in force on a day.
enum StatusCommand {
    static let spec = CommandSpec(
        name: "status",
        summary: "List every known agreement with its state (active, expired, closed).",
        usage: "ledger status [--source S] [--at YYYY-MM-DD] [--in-force YYYY-MM-DD] [--state STATE] [--json|--csv [--excel]]",
        options: [
            .init(name: "--source", value: "S", help: "only this list"),
            .init(name: "--at", value: "DATE", help: "replay only events recorded on or before DATE: the list as the ledger knew it then"),
            .init(name: "--in-force", value: "DATE", help: "only agreements whose validity covers DATE, by all known now"),
            .init(name: "--state", value: "STATE", help: "only active, expired or closed agreements"),
            .init(name: "--json", value: nil, help: "print JSON"),
            .init(name: "--csv", value: nil, help: "print CSV (RFC 4180; cells starting with = + - @ tab or CR neutralized)"),
            .init(name: "--excel", value: nil, help: "with --csv: start with a UTF-8 BOM so Excel shows diacritics"),
        ],
        examples: ["ledger status", "ledger status --at 2023-06-30 --source krakow", "ledger status --in-force 2024-01-01 --csv"])

    static func run(_ args: ParsedArguments, context: CommandContext) throws(CLIError) {
        var query = StatusQuery(source: args.value("--source"), at: try StoreAccess.day(args, "--at"),
                                inForce: try StoreAccess.day(args, "--in-force"))
        if let s = args.value("--state") {
            guard let state = AgreementStatus(rawValue: s) else { throw .usage("--state must be active, expired or closed (got \"\(s)\")") }
            query.state = state
        }
        let store = try StoreAccess.existing(context)
        let write: (UnsafeRawBufferPointer) -> Void = { context.console.write(bytes: $0) }
        do {
            if args.has("--json") {
                try query.writeJSON(in: store, to: write)
            } else if args.has("--csv") {
                try query.writeCSV(in: store, excel: args.has("--excel"), to: write)
            } else {
                try query.writeTable(in: store, to: write)
            }
        } catch { throw .ledger(error.description) }
    }
}

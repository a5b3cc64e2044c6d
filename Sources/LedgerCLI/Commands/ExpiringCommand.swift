import AgreementLedger

/// `ledger expiring`: running agreements whose validity ends soon, soonest first.
enum ExpiringCommand {
    static let spec = CommandSpec(
        name: "expiring",
        summary: "List running agreements whose validity ends within DAYS, soonest first, with days left.",
        usage: "ledger expiring [--within DAYS] [--at YYYY-MM-DD] [--source S] [--json|--csv [--excel]]",
        options: [
            .init(name: "--within", value: "DAYS", help: "the window after the --at date (default 180). An end stated only as a year or month (\"2026\", \"2026-05\") is listed with that precision and its days left counted to the last day of that period, never an invented day; with no stated end, signing date + stated term gives it"),
            .init(name: "--at", value: "DATE", help: "count days from DATE (default: the latest import date of the selection, not today, so the output depends only on the log)"),
            .init(name: "--source", value: "S", help: "only this list"),
            .init(name: "--json", value: nil, help: "print JSON"),
            .init(name: "--csv", value: nil, help: "print CSV (RFC 4180; formula-like cells neutralized)"),
            .init(name: "--excel", value: nil, help: "with --csv: start with a UTF-8 BOM so Excel shows diacritics"),
        ],
        examples: ["ledger expiring", "ledger expiring --within 90 --source polish", "ledger expiring --at 2026-01-01 --csv --excel > expiring.csv"])

    static func run(_ args: ParsedArguments, context: CommandContext) throws(CLIError) {
        var query = ExpiringQuery(at: try StoreAccess.day(args, "--at"), source: args.value("--source"))
        if let w = args.value("--within") {
            guard let days = Int(w), days >= 0 else { throw .usage("--within needs a number of days (got \"\(w)\")") }
            query.within = days
        }
        // The report date from the import log, then the state folded to it: no event is held.
        let (day, items) = try StoreAccess.reading(context) { store throws(StoreError) -> (PartialDate?, [ExpiringAgreement]) in
            guard let day = query.reportDate(try store.readImports()) else { return (nil, []) }
            return (day, query.run(state: try store.readState(source: query.source, until: day), on: day))
        } ?? (nil, [])
        if args.has("--json") {
            context.console.print(JSONWriter.pretty(query.json(items, at: day)))
        } else if args.has("--csv") {
            context.console.write(ExpiringQuery.csv(items, excel: args.has("--excel")))
        } else {
            guard let day else {
                context.console.print("No imports yet in \(context.ledgerDirectory).")
                return
            }
            if items.isEmpty {
                context.console.print("No running agreement ends within \(query.within) days of \(day).")
                return
            }
            context.console.print(TextTable.render(
                header: ["ends", "days left", "partner", "country", "source", "agreement"],
                rows: items.map { e in
                    [e.ends.description + (e.precision == "day" ? "" : " (\(e.precision))"), String(e.daysLeft),
                     e.agreement.record.partner, e.agreement.record.country ?? "", e.agreement.source, e.agreement.id]
                }))
            context.console.print("\n\(items.count) agreements end within \(query.within) days of \(day).")
        }
    }
}

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
        // The agreements, handed over one at a time (the present is streamed from the store).
        let store = try StoreAccess.existing(context)
        func each(_ body: (AgreementState) -> Void) throws(CLIError) {
            guard let store else { return }
            do { try query.forEach(in: store, body) } catch { throw .ledger(error.description) }
        }
        if args.has("--json") {
            if let store {
                do { try query.writeJSON(in: store) { context.console.write(bytes: $0) } } catch { throw .ledger(error.description) }
            } else {
                query.writeJSON([]) { context.console.write(bytes: $0) }
            }
        } else if args.has("--csv") {
            try CSVWriter.writeStatus(from: each, excel: args.has("--excel")) { context.console.write($0) }
        } else {
            var agreements: [AgreementState] = []
            try each { agreements.append($0) }
            TextTable.write(
                header: ["agreement", "state", "partner", "country", "signed", "valid until", "source"],
                count: agreements.count,
                row: { i in
                    let a = agreements[i]
                    return [a.id, a.state.rawValue, a.record.partner, a.record.country ?? "", a.record.signed?.description ?? "",
                            a.record.validUntil?.description ?? (a.record.indefinite ? "indefinite" : a.record.term ?? ""), a.source]
                },
                to: { context.console.write($0) })
            let counts = AgreementStatus.allCases.map { s in "\(agreements.filter { $0.state == s }.count) \(s.rawValue)" }
            context.console.print("\n\(agreements.count) agreements: " + counts.joined(separator: ", "))
        }
    }
}

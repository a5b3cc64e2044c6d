import AgreementLedger

/// `ledger history QUERY`: the events of the agreements a partner name or id points to.
enum HistoryCommand {
    static let spec = CommandSpec(
        name: "history",
        summary: "Show the events of agreements whose partner matches QUERY (or whose id is QUERY).",
        usage: "ledger history QUERY [--json]",
        options: [.init(name: "--json", value: nil, help: "print JSON")],
        examples: ["ledger history zagreb", "ledger history \"universite de\"", "ledger history 3f2a9c01b7de"],
        positionals: 1, max: 1)

    static func run(_ args: ParsedArguments, context: CommandContext) throws(CLIError) {
        let query = HistoryQuery(query: args.positionals[0])
        let (ids, events) = try StoreAccess.reading(context) { store throws(StoreError) in try query.run(store: store) } ?? ([], [])
        if args.has("--json") {
            context.console.print(JSONWriter.pretty(.object([
                "query": .string(query.query), "agreements": .array(ids.map(JSONValue.string)),
                "events": .array(events.map { $0.json() }),
            ])))
            return
        }
        if ids.isEmpty {
            context.console.print("No agreement matches \"\(query.query)\".")
            return
        }
        for id in ids {
            let own = events.filter { $0.agreement == id }
            context.console.print("\(id)  \(own.last?.partner ?? "")  [\(own.first?.source ?? "")]")
            for e in own {
                context.console.print("  \(e.recorded)  \(e.type.rawValue.padding(8))  " + ChangeSummary.describe(e))
            }
        }
    }
}

extension String {
    /// Left-aligned in `width` columns.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

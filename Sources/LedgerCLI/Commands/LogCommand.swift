import AgreementLedger

/// `ledger log`: the imports, oldest first.
enum LogCommand {
    static let spec = CommandSpec(
        name: "log",
        summary: "List the imports: source, date, file, checksum and counts.",
        usage: "ledger log [--source S] [--json]",
        options: [.init(name: "--source", value: "S", help: "only this list"), .init(name: "--json", value: nil, help: "print JSON")],
        examples: ["ledger log", "ledger log --source krakow --json"])

    static func run(_ args: ParsedArguments, context: CommandContext) throws(CLIError) {
        let imports = ImportLog.entries(try StoreAccess.reading(context) { store throws(StoreError) in try store.readImports() } ?? [],
                                        source: args.value("--source"))
        if args.has("--json") {
            context.console.print(JSONWriter.pretty(ImportLog.json(imports)))
            return
        }
        context.console.print(TextTable.render(
            header: ["import", "source", "recorded", "file", "signed", "renewed", "amended", "expired", "closed", "sha256"],
            rows: imports.map { e in
                let c = e.counts ?? EventCounts()
                return [e.importID, e.source, e.recorded.description, e.file ?? ""] + EventType.lifecycle.map { String(c[$0]) }
                    + [String((e.sha256 ?? "").prefix(12))]
            }))
    }
}

import AgreementLedger

/// `ledger verify`: checks every line, the sequence, the hash chain and batch closure.
enum VerifyCommand {
    static let spec = CommandSpec(
        name: "verify",
        summary: "Check the log: every line parses, seq is contiguous, the hash chain holds, batches are closed.",
        usage: "ledger verify [--json]",
        options: [.init(name: "--json", value: nil, help: "print the result as JSON")],
        examples: ["ledger verify && echo intact"])

    static func run(_ args: ParsedArguments, context: CommandContext) throws(CLIError) {
        // Verifying never creates anything: a store that does not exist yet holds an empty, valid log.
        let report = try StoreAccess.existing(context)?.verify()
            ?? VerificationReport(ok: true, lineCount: 0, eventCount: 0, importCount: 0)
        if args.has("--json") {
            context.console.print(JSONWriter.pretty(.object([
                "ok": .bool(report.ok), "lines": .int(report.lineCount), "events": .int(report.eventCount),
                "imports": .int(report.importCount), "firstBadLine": report.firstBadLine.map(JSONValue.int) ?? .null,
                "problem": .optional(report.problem),
            ])))
        } else if report.ok {
            context.console.print("ok: \(report.eventCount) events in \(report.importCount) imports; the hash chain holds")
        }
        if !report.ok {
            let path = context.ledgerDirectory + "/events.jsonl"
            throw .ledger("\(path) line \(report.firstBadLine ?? 0): \(report.problem ?? "invalid")")
        }
    }
}

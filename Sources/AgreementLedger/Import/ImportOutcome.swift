/// What one file's import did (or, on a dry run, would do): the contract's `import --json` object.
public struct ImportOutcome: Sendable {
    public var importID: String?
    public var source: String
    public var recorded: PartialDate
    /// The file's name (as logged) and the path it was read from (for messages).
    public var file: String
    public var path: String
    public var sha256: String
    public var counts: EventCounts
    /// The lifecycle events (the closing `imported` event is not listed).
    public var events: [LedgerEvent]
    public var warnings: [RowWarning]
    /// True when the content equals the source's latest import: nothing was appended.
    public var unchanged: Bool
    public var dryRun: Bool

    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "import": .optional(importID),
            "source": .string(source),
            "recorded": .string(recorded.description),
            "counts": counts.json,
            "events": .array(events.map { $0.json() }),
        ]
        if unchanged { o["unchanged"] = .bool(true) }
        if dryRun { o["dryRun"] = .bool(true) }
        return .object(o)
    }
}

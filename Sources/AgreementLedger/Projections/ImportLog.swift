/// `ledger log`: one entry per import, from the `imported` events that close each batch.
public enum ImportLog {
    public static func entries(_ events: [LedgerEvent], source: String? = nil) -> [LedgerEvent] {
        events.filter { $0.type == .imported && (source == nil || $0.source == source) }
    }

    /// The contract's `log --json` object.
    public static func json(_ imports: [LedgerEvent]) -> JSONValue {
        .object(["imports": .array(imports.map { e in
            .object([
                "import": .string(e.importID), "source": .string(e.source), "recorded": .string(e.recorded.description),
                "file": .optional(e.file), "sha256": .optional(e.sha256), "counts": (e.counts ?? EventCounts()).json,
            ])
        })])
    }
}

/// What happened: the lifecycle steps the ledger records, plus `imported`, which closes each batch.
public enum EventType: String, Hashable, Sendable, CaseIterable {
    case imported, signed, renewed, amended, expired, closed

    /// The lifecycle types in the order counts and summaries list them.
    public static let lifecycle: [EventType] = [.signed, .renewed, .amended, .expired, .closed]
}

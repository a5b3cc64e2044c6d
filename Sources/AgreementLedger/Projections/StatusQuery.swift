/// `ledger status`: the list of agreements as the ledger knows it now, as it knew it on a past day
/// (`at`), or those in force on a day (`inForce`), every state included unless filtered.
public struct StatusQuery: Sendable {
    public var source: String?
    /// Replay only events recorded on or before this day.
    public var at: PartialDate?
    /// Keep only agreements whose validity covers this day, by all that is known now.
    public var inForce: PartialDate?
    public var state: AgreementStatus?

    public init(source: String? = nil, at: PartialDate? = nil, inForce: PartialDate? = nil, state: AgreementStatus? = nil) {
        self.source = source
        self.at = at
        self.inForce = inForce
        self.state = state
    }

    /// The agreements, in ledger order.
    public func run(_ events: [LedgerEvent]) -> [AgreementState] {
        run(state: LedgerState(events: events, source: source, until: at))
    }

    /// The agreements of a state already folded (to `at`, when that is set), in ledger order: a query of
    /// the present needs no events, only the store's current state.
    public func run(state folded: LedgerState) -> [AgreementState] {
        folded.ordered(source: source).filter { a in
            (state == nil || a.state == state) && (inForce.map { a.isInForce(on: $0) } ?? true)
        }
    }

    /// The contract's `status --json` object.
    public func json(_ agreements: [AgreementState]) -> JSONValue {
        var o: [String: JSONValue] = ["at": .optional(at?.description), "agreements": .array(agreements.map(\.json))]
        if let inForce { o["inForce"] = .string(inForce.description) }
        return .object(o)
    }
}

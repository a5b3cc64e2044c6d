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
        let all = folded.ordered(source: source)
        if state == nil && inForce == nil { return all }
        return all.filter { a in
            (state == nil || a.state == state) && (inForce.map { a.isInForce(on: $0) } ?? true)
        }
    }

    /// The `status --json` text, exactly `JSONWriter.pretty(json(agreements))` plus a newline, handed to
    /// `write` in pieces of about a megabyte: a million agreements never become one tree or one string.
    public func writeJSON(_ agreements: [AgreementState], to write: (String) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20 + 4096)
        func flush() {
            write(String(decoding: out, as: UTF8.self))
            out.removeAll(keepingCapacity: true)
        }
        out.append(contentsOf: "{\n  \"agreements\": [".utf8)
        for (n, a) in agreements.enumerated() {
            out.append(contentsOf: (n == 0 ? "\n    " : ",\n    ").utf8)
            JSONWriter.appendPretty(a.json, to: &out, level: 2)
            if out.count >= 1 << 20 { flush() }
        }
        if !agreements.isEmpty { out.append(contentsOf: "\n  ".utf8) }
        out.append(contentsOf: "],\n  \"at\": ".utf8)
        JSONWriter.appendPretty(.optional(at?.description), to: &out, level: 1)
        if let inForce {
            out.append(contentsOf: ",\n  \"inForce\": ".utf8)
            JSONWriter.appendPretty(.string(inForce.description), to: &out, level: 1)
        }
        out.append(contentsOf: "\n}\n".utf8)
        flush()
    }

    /// The contract's `status --json` object.
    public func json(_ agreements: [AgreementState]) -> JSONValue {
        var o: [String: JSONValue] = ["at": .optional(at?.description), "agreements": .array(agreements.map(\.json))]
        if let inForce { o["inForce"] = .string(inForce.description) }
        return .object(o)
    }
}

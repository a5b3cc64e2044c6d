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
        return all.filter(includes)
    }

    /// Agreements serialized together (on all cores) by `writeJSON`.
    public static let batchSize = 8192

    /// Hands the agreements the query lists to `body`, in ledger order. A query of the present streams them
    /// from the store (none of them held); a past day folds the log to that day first.
    public func forEach(in store: EventStore, _ body: (AgreementState) -> Void) throws(StoreError) {
        if at == nil {
            try store.forEachAgreement { a in if includes(a) { body(a) } }
            return
        }
        for a in run(state: try store.readState(source: source, until: at)) { body(a) }
    }

    /// Whether the query lists this agreement of the state it runs on (source, state and in-force filters).
    public func includes(_ a: AgreementState) -> Bool {
        (source == nil || a.source == source) && (state == nil || a.state == state)
            && (inForce.map { a.isInForce(on: $0) } ?? true)
    }

    /// The `status --json` text, exactly `JSONWriter.pretty(json(agreements))` plus a newline, handed to
    /// `write` as UTF-8 in pieces of about a megabyte: a million agreements never become one tree or one
    /// string, and each entry is written straight to bytes.
    public func writeJSON(_ agreements: [AgreementState], to write: @escaping ([UInt8]) -> Void) {
        writeJSON(from: { body in agreements.forEach(body) }, to: write)
    }

    /// As above, the agreements handed over one at a time by `agreements` (streamed from the store);
    /// `batchSize` agreements are serialized together (tests lower it to exercise the batches).
    public func writeJSON<E: Error>(from agreements: ((AgreementState) -> Void) throws(E) -> Void,
                                    batchSize: Int = StatusQuery.batchSize,
                                    to write: @escaping ([UInt8]) -> Void) throws(E) {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20 + 4096)
        func flush() {
            write(out)
            out.removeAll(keepingCapacity: true)
        }
        out.append(contentsOf: "{\n  \"agreements\": [".utf8)
        // Entries are written a batch at a time, the batch's halves on both cores.
        var batch: [AgreementState] = []
        var first = true
        func writeBatch() {
            let parts = ParallelChunks.map(batch, chunkSize: max(1, batchSize / 2)) { part in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(part.count * 800)
                for a in part {
                    bytes.appendStatic(",\n    ")
                    a.appendPrettyJSON(to: &bytes, level: 2)
                }
                return bytes
            }
            for part in parts {
                // The first entry of all takes no comma.
                out.append(contentsOf: part[(first ? 1 : 0)...])
                first = false
                if out.count >= 1 << 20 { flush() }
            }
            batch.removeAll(keepingCapacity: true)
        }
        try agreements { a in
            batch.append(a)
            if batch.count >= batchSize { writeBatch() }
        }
        writeBatch()
        if !first { out.append(contentsOf: "\n  ".utf8) }
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

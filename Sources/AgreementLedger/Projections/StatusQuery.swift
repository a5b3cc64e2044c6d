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

    /// Agreements serialized together (on all cores) by `writeJSON`: few enough that a batch's text (about
    /// 1.6 MB) is still in the processor's cache when it is written out (8,192 made `status` slower).
    public static let batchSize = 2048

    /// Hands the agreements the query lists to `body`, in ledger order. A query of the present streams them
    /// from the store (none of them held); a past day takes the present back to it (`cache/past`) when the
    /// store's caches can, and folds the log to that day otherwise.
    public func forEach(in store: EventStore, _ body: (AgreementState) -> Void) throws(StoreError) {
        guard let at else {
            try store.forEachAgreement { a in if includes(a) { body(a) } }
            return
        }
        // A past day: the present taken back when the store's caches can (`cache/past`), else the fold.
        let taken = try store.forEachCheckpointBatch(size: StatusQuery.batchSize, at: at) { entries, _ in
            for entry in entries {
                let a = entry.agreementState
                if includes(a) { body(a) }
            }
        }
        if taken { return }
        for a in run(state: try store.readState(source: source, until: at)) { body(a) }
    }

    /// Whether the query lists this agreement of the state it runs on (source, state and in-force filters).
    public func includes(_ a: AgreementState) -> Bool {
        (source == nil || a.source == source) && (state == nil || a.state == state)
            && (inForce.map { a.isInForce(on: $0) } ?? true)
    }

    /// The `status --json` text, exactly `JSONWriter.pretty(json(agreements))` plus a newline, handed to
    /// `write` as UTF-8 in pieces of about a megabyte (valid only during the call): a million agreements never become one tree or one
    /// string, and each entry is written straight to bytes.
    public func writeJSON(_ agreements: [AgreementState], to write: @escaping (UnsafeRawBufferPointer) -> Void) {
        writeJSON(from: { body in agreements.forEach(body) }, to: write)
    }

    /// As above, the agreements handed over one at a time by `agreements` (streamed from the store);
    /// `batchSize` agreements are serialized together (tests lower it to exercise the batches).
    public func writeJSON<E: Error>(from agreements: ((AgreementState) -> Void) throws(E) -> Void,
                                    batchSize: Int = StatusQuery.batchSize,
                                    to write: @escaping (UnsafeRawBufferPointer) -> Void) throws(E) {
        var document = StatusJSONDocument(query: self, write: write)
        var batch: [AgreementState] = []
        try agreements { a in
            batch.append(a)
            if batch.count >= batchSize {
                document.append(batch) { a, out in a.appendPrettyJSON(to: &out, level: 2) }
                batch.removeAll(keepingCapacity: true)
            }
        }
        document.append(batch) { a, out in a.appendPrettyJSON(to: &out, level: 2) }
        document.finish()
    }

    /// The `status --json` text of the ledger in `store`, as above. A query with no in-force day is written
    /// straight from the state checkpoint's bytes when it is current (no agreement decoded), a past day's
    /// with the later changes taken back (`cache/past`); anything else streams or folds the agreements as
    /// `forEach` does.
    public func writeJSON(in store: EventStore, batchSize: Int = StatusQuery.batchSize,
                          to write: @escaping (UnsafeRawBufferPointer) -> Void) throws(StoreError) {
        if inForce == nil {
            let sourceBytes = source.map { Array($0.utf8) }
            let wanted = state
            var document: StatusJSONDocument?
            let streamed = try store.forEachCheckpointBatch(size: batchSize, at: at) { entries, readAhead in
                if document == nil { document = StatusJSONDocument(query: self, write: write) }
                let kept = sourceBytes == nil && wanted == nil ? entries : entries.filter { e in
                    (wanted == nil || e.state == wanted) && (sourceBytes.map(e.hasSource) ?? true)
                }
                document!.append(kept, alongside: readAhead) { e, out in e.appendStatusJSON(to: &out, level: 2) }
            }
            if streamed {
                var document = document ?? StatusJSONDocument(query: self, write: write)
                return document.finish()
            }
        }
        try writeJSON(from: { body throws(StoreError) in try forEach(in: store, body) }, batchSize: batchSize, to: write)
    }

    /// The contract's `status --json` object.
    public func json(_ agreements: [AgreementState]) -> JSONValue {
        var o: [String: JSONValue] = ["at": .optional(at?.description), "agreements": .array(agreements.map(\.json))]
        if let inForce { o["inForce"] = .string(inForce.description) }
        return .object(o)
    }
}

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

    /// The checkpoint's entries the query lists, by the source (`sourceBytes`, its UTF-8) and state filters:
    /// the in-force filter needs decoded agreements, and is not read from the checkpoint's bytes.
    private func listed(_ entries: [CheckpointEntry], sourceBytes: [UInt8]?) -> [CheckpointEntry] {
        guard sourceBytes != nil || state != nil else { return entries }
        return entries.filter { e in (state == nil || e.state == state) && (sourceBytes.map(e.hasSource) ?? true) }
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

    /// The `status --json` text of the ledger in `store` (none: no agreements), as above. A query with no
    /// in-force day is written straight from the state checkpoint's bytes when it is current (no agreement
    /// decoded), a past day's with the later changes taken back (`cache/past`); anything else streams or
    /// folds the agreements as `forEach` does.
    public func writeJSON(in store: EventStore?, batchSize: Int = StatusQuery.batchSize,
                          to write: @escaping (UnsafeRawBufferPointer) -> Void) throws(StoreError) {
        guard let store else { return writeJSON([], to: write) }
        if inForce == nil {
            let sourceBytes = source.map { Array($0.utf8) }
            var document: StatusJSONDocument?
            let streamed = try store.forEachCheckpointBatch(size: batchSize, at: at) { entries, readAhead in
                if document == nil { document = StatusJSONDocument(query: self, write: write) }
                let kept = listed(entries, sourceBytes: sourceBytes)
                document!.append(kept, alongside: readAhead) { e, out in e.appendStatusJSON(to: &out, level: 2) }
            }
            if streamed {
                var document = document ?? StatusJSONDocument(query: self, write: write)
                return document.finish()
            }
        }
        try writeJSON(from: { body throws(StoreError) in try forEach(in: store, body) }, batchSize: batchSize, to: write)
    }

    /// The plain-text `status` table (`StatusTable`) of the ledger in `store` (none: an empty table), handed to
    /// `write` in pieces of about a megabyte. A query with no in-force day is measured and written straight
    /// from the state checkpoint's bytes when the store's caches can serve it, as `writeJSON` is; anything else
    /// holds the agreements listed while it measures them.
    public func writeTable(in store: EventStore?, to write: @escaping (UnsafeRawBufferPointer) -> Void) throws(StoreError) {
        var out: [UInt8] = []
        func flush() {
            out.withUnsafeBytes(write)
            out.removeAll(keepingCapacity: true)
        }
        if let store, inForce == nil {
            let sourceBytes = source.map { Array($0.utf8) }
            var table = StatusTable()
            var rows = PipelinedOutput(write: write)
            var writing = false
            let streamed = try store.forEachCheckpointBatch(size: StatusQuery.batchSize, at: at, passes: 2) { pass, entries, readAhead in
                let kept = listed(entries, sourceBytes: sourceBytes)
                guard pass == 1 else {
                    // Measured in eighths on all cores, the next batch read meanwhile.
                    let chunkSize = max(1, (kept.count + 7) / 8)
                    let parts = ParallelChunks.map(count: kept.count, chunkSize: chunkSize, alongside: [readAhead]) { range in
                        var part = StatusTable()
                        for n in range { part.measure(kept[n]) }
                        return part
                    }
                    for part in parts { table.merge(part) }
                    return
                }
                if !writing {
                    table.writeHeader(into: &out)
                    flush()
                    writing = true
                }
                let measured = table
                rows.append(count: kept.count, alongside: readAhead) { range, bytes in
                    for n in range { measured.write(kept[n], into: &bytes) }
                }
            }
            if streamed {
                rows.flush()
                if !writing { table.writeHeader(into: &out) }
                table.writeFooter(into: &out)
                return flush()
            }
        }
        var table = StatusTable()
        var agreements: [AgreementState] = []
        if let store { try forEach(in: store) { agreements.append($0) } }
        for a in agreements { table.measure(a) }
        table.writeHeader(into: &out)
        for a in agreements {
            table.write(a, into: &out)
            if out.count >= 1 << 20 { flush() }
        }
        table.writeFooter(into: &out)
        flush()
    }

    /// `status --csv` (`CSVWriter`'s columns) of the ledger in `store` (none: the header alone), handed to
    /// `write` in pieces. A query with no in-force day is written straight from the state checkpoint's bytes
    /// when the store's caches can serve it, as `writeJSON` is; anything else streams or folds the
    /// agreements as `forEach` does.
    public func writeCSV(in store: EventStore?, excel: Bool = false,
                         to write: @escaping (UnsafeRawBufferPointer) -> Void) throws(StoreError) {
        var head = (excel ? CSVWriter.byteOrderMark : "") + CSVWriter.statusColumns.map(CSVWriter.field).joined(separator: ",") + "\r\n"
        if let store, inForce == nil {
            let sourceBytes = source.map { Array($0.utf8) }
            var rows = PipelinedOutput(write: write)
            var started = false
            let streamed = try store.forEachCheckpointBatch(size: StatusQuery.batchSize, at: at) { entries, readAhead in
                if !started {
                    head.withUTF8 { write(UnsafeRawBufferPointer($0)) }
                    started = true
                }
                let kept = listed(entries, sourceBytes: sourceBytes)
                rows.append(count: kept.count, alongside: readAhead) { range, bytes in
                    for n in range { CSVWriter.appendStatusRow(kept[n], to: &bytes) }
                }
            }
            if streamed {
                rows.flush()
                if !started { head.withUTF8 { write(UnsafeRawBufferPointer($0)) } }
                return
            }
        }
        try CSVWriter.writeStatus(from: { body throws(StoreError) in if let store { try forEach(in: store, body) } }, excel: excel) { text in
            var text = text
            text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
        }
    }

    /// The contract's `status --json` object.
    public func json(_ agreements: [AgreementState]) -> JSONValue {
        var o: [String: JSONValue] = ["at": .optional(at?.description), "agreements": .array(agreements.map(\.json))]
        if let inForce { o["inForce"] = .string(inForce.description) }
        return .object(o)
    }
}

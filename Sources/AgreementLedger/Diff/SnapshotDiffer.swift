/// Compares a snapshot with what the ledger knows of its source and says what happened, as events.
///
/// The contract's semantics: unmatched records are `signed`; matched ones are `renewed` when their
/// validity extends and `amended` when other fields change (letter case and spacing alone are noise);
/// `expired` when a stated status says so or, with no stated status, the end date lies wholly before the
/// recorded date; `closed` when stated closed or absent from the snapshot. Events come grouped by type
/// in that order, each group in row order, so the same inputs always give the same batch.
public struct SnapshotDiffer: Sendable {
    public let source: String
    public let recorded: PartialDate
    public let importID: String

    public init(source: String, recorded: PartialDate, importID: String) {
        self.source = source
        self.recorded = recorded
        self.importID = importID
    }

    /// The events that take `known` (this source's agreements) to `records`, and warnings about the snapshot.
    /// `repeatedRows` are the records' repeated agreements when already found (`Snapshot.repeatedRows`).
    public func diff(records: [AgreementRecord], repeatedRows: [[Int]]? = nil, known: [AgreementState], takenIDs: Set<String>)
        -> (events: [LedgerEvent], warnings: [RowWarning]) {
        diff(records: records, repeatedRows: repeatedRows, known: known, isTaken: { takenIDs.contains($0) })
    }

    /// As above, with the ledger's own lookup instead of a copy of its ids: `isTaken` says whether an id is in
    /// use anywhere in the ledger.
    public func diff(records: [AgreementRecord], repeatedRows: [[Int]]? = nil, known: [AgreementState],
                     isTaken: (String) -> Bool) -> (events: [LedgerEvent], warnings: [RowWarning]) {
        let (merged, warnings) = DuplicateRows.merge(records, repeated: repeatedRows ?? DuplicateRows.repeated(records))
        var match = AgreementMatcher.match(new: merged, known: known)
        // Emitted in row order into one array reserved for the most a diff can emit (two events per new
        // record, three per matched one, one per missing one; pages never touched cost nothing), then put in
        // type order in place: a million-event batch is never held twice.
        var events: [LedgerEvent] = []
        events.reserveCapacity(2 * match.unmatchedNew.count + 3 * match.pairs.count + match.unmatchedKnown.count)
        var taken = Set<String>()
        taken.reserveCapacity(match.unmatchedNew.count)

        var signedOrder: [(Int, String)] = []
        signedOrder.reserveCapacity(match.unmatchedNew.count)
        let source = self.source, unmatched = match.unmatchedNew
        let bases = ParallelChunks.map(count: unmatched.count, chunkSize: 8192) { chunk in
            var scratch: [UInt8] = []
            return chunk.map { AgreementID.base(source: source, record: merged[unmatched[$0]], scratch: &scratch) }
        }
        for (n, base) in zip(unmatched, bases.joined()) {
            signedOrder.append((n, AgreementID.make(base: base, isTaken: isTaken, newlyTaken: &taken)))
        }
        // A matched record's known agreement by index; a new record's id (its known index is -1).
        var pairs: [(new: Int, known: Int, id: String)] = []
        pairs.reserveCapacity(match.pairs.count + signedOrder.count)
        pairs += match.pairs.lazy.map { (new: $0.new, known: $0.known, id: "") }
        match.pairs = []
        pairs += signedOrder.lazy.map { (new: $0.0, known: -1, id: $0.1) }
        signedOrder = []
        pairs.sort { $0.new < $1.new }

        // Each pair's events depend on that pair alone: made on all cores, a window of pairs at a time
        // (so a million-pair import never holds its events twice). A pair's events come in type order and no
        // pair gives two of one type, so the batch is grouped by type as it is made: `signed` events join the
        // batch in row order at once, the others wait in one list per type (each in row order) and join it
        // after them. Nothing is moved twice (reordering a million events in place took a core a quarter of
        // a second, each move 328 bytes to a random place).
        let differ = self, ordered = pairs
        // What the windows' events leave behind once moved: holds nothing to release.
        let filler = LedgerEvent(type: .imported, importID: "", source: "", recorded: recorded)
        var later: [[LedgerEvent]] = Array(repeating: [], count: WindowPart.laterTypes)
        for windowStart in stride(from: 0, to: pairs.count, by: windowSize) {
            let window = windowStart..<min(windowStart + windowSize, pairs.count)
            var parts = ParallelChunks.map(count: window.count, chunkSize: 2048) { chunk in
                var part = WindowPart()
                for p in chunk {
                    let pair = ordered[window.lowerBound + p]
                    let record = merged[pair.new]
                    if pair.known < 0 {
                        part.signed.append(differ.event(.signed, id: pair.id, record: record, effective: record.signed, carry: record))
                        if let end = differ.endingEvent(record: record, stateBefore: .active, id: pair.id) { part.add(end) }
                    } else {
                        // Borrowed in place: a copy of the agreement would retain each of its strings.
                        for e in known.withUnsafeBufferPointer({ differ.compare($0[pair.known], with: record) }) { part.add(e) }
                    }
                }
                return part
            }
            for k in parts.indices {
                events.appendMoving(from: &parts[k].signed, leaving: filler)
                for t in later.indices { later[t].appendMoving(from: &parts[k].later[t], leaving: filler) }
            }
        }
        for i in match.unmatchedKnown where known[i].state != .closed {
            let old = known[i]
            later[WindowPart.laterIndex(.closed)].append(event(.closed, id: old.id, record: old.record, effective: nil))
        }
        for t in later.indices {
            events.appendMoving(from: &later[t], leaving: filler)
            later[t] = []
        }
        return (events, warnings)
    }

    /// One chunk's events: its `signed` ones, and the others in one list per type (`laterIndex`).
    private struct WindowPart: Sendable {
        /// Lists of the types after `signed`.
        static let laterTypes = 4
        var signed: [LedgerEvent] = []
        var later: [[LedgerEvent]] = Array(repeating: [], count: laterTypes)

        /// The list of a type after `signed`, in the batch's order: renewed, amended, expired, closed.
        static func laterIndex(_ type: EventType) -> Int {
            switch type {
            case .renewed: 0
            case .amended: 1
            case .expired: 2
            // `compare` and `endingEvent` give no `signed` or `imported` event; were one to come, it would close.
            case .closed, .imported, .signed: 3
            }
        }

        mutating func add(_ event: LedgerEvent) {
            later[WindowPart.laterIndex(event.type)].append(event)
        }
    }

    /// Pairs whose events are made together (on all cores) before they join the batch; tests lower it.
    var windowSize = 65_536

    // MARK: - A matched agreement

    static let validityFields = ["signed", "validUntil", "term", "indefinite"]
    static let descriptiveFields = ["partner", "country", "countryCode", "city", "kind", "reference", "url"]

    func compare(_ old: AgreementState, with new: AgreementRecord) -> [LedgerEvent] {
        // Most rows of an export are unchanged: with every field equal, only an ending can follow.
        let sameContent = old.record.hasSameContent(as: new)
        if old.state == .active && sameContent {
            return endingEvent(record: new, stateBefore: .active, id: old.id, carry: old.record).map { [$0] } ?? []
        }
        var events: [LedgerEvent] = []
        var validityChanges: [String: FieldChange] = [:]
        var amendments: [String: FieldChange] = [:]
        // Equal content has every field equal (an expired agreement listed again unchanged): nothing to compare.
        if !sameContent {
            for field in SnapshotDiffer.validityFields {
                let a = old.record.value(of: field), b = new.value(of: field)
                if a != b { validityChanges[field] = FieldChange(from: a, to: b) }
            }
            for field in SnapshotDiffer.descriptiveFields {
                let a = old.record.value(of: field), b = new.value(of: field)
                if !SnapshotDiffer.sameText(a, b) { amendments[field] = FieldChange(from: a, to: b) }
            }
        }
        var current = old.record
        var state = old.state
        let extends = SnapshotDiffer.extendsValidity(old: old.record, new: new)
        if extends {
            var changes = validityChanges
            if state == .closed { changes["state"] = FieldChange(from: .string("closed"), to: .string("active")) }
            if let from = old.record.status, new.status != from, new.status != nil {
                changes["status"] = FieldChange(from: .string(from.rawValue), to: .optional(new.status?.rawValue))
            }
            for (f, c) in changes { current.apply(field: f, value: c.to) }
            let effective = changes["signed"] != nil ? new.signed : nil
            events.append(event(.renewed, id: old.id, record: current, effective: effective, changes: changes))
            state = .active
        } else {
            // Validity changed without extending (an end date added, shortened or removed): an amendment.
            amendments.merge(validityChanges) { a, _ in a }
            let reopened = (state == .expired && new.status == .active) || (state == .closed && new.status != .closed)
            if reopened {
                var changes: [String: FieldChange] = [:]
                if state == .closed { changes["state"] = FieldChange(from: .string("closed"), to: .string("active")) }
                if old.record.status != new.status {
                    changes["status"] = FieldChange(from: .optional(old.record.status?.rawValue), to: .optional(new.status?.rawValue))
                }
                if changes.isEmpty { changes["state"] = FieldChange(from: .string(state.rawValue), to: .string("active")) }
                for (f, c) in changes { current.apply(field: f, value: c.to) }
                events.append(event(.renewed, id: old.id, record: current, effective: nil, changes: changes))
                state = .active
            }
        }
        if !amendments.isEmpty {
            for (f, c) in amendments { current.apply(field: f, value: c.to) }
            events.append(event(.amended, id: old.id, record: current, effective: nil, changes: amendments))
        }
        var merged = new
        merged.partner = current.partner
        if let end = endingEvent(record: merged, stateBefore: state, id: old.id, carry: current) { events.append(end) }
        return events
    }

    /// `expired` or `closed` when the snapshot shows an agreement so while the ledger had it otherwise.
    func endingEvent(record: AgreementRecord, stateBefore: AgreementStatus, id: String, carry: AgreementRecord? = nil) -> LedgerEvent? {
        let shown = carry ?? record
        switch record.status {
        case .closed?:
            return stateBefore == .closed ? nil : event(.closed, id: id, record: shown, effective: nil)
        case .expired?:
            return stateBefore == .active ? event(.expired, id: id, record: shown, effective: nil) : nil
        case .active?:
            return nil
        case nil:
            guard stateBefore == .active, !record.indefinite, let end = record.validUntil,
                  end.isWhollyBefore(recorded) else { return nil }
            return event(.expired, id: id, record: shown, effective: end)
        }
    }

    /// True when the new record extends the agreement's validity: a later end, a later signing,
    /// a new or longer term, or indefinite where it had an end.
    static func extendsValidity(old: AgreementRecord, new: AgreementRecord) -> Bool {
        if let a = old.validUntil, let b = new.validUntil, a.lastDay.dayNumber < b.lastDay.dayNumber { return true }
        if let a = old.signed, let b = new.signed, a.firstDay.dayNumber < b.firstDay.dayNumber { return true }
        if !old.indefinite && new.indefinite { return true }
        if let b = new.term {
            guard let a = old.term else { return true }
            if let ma = ISODuration.months(a), let mb = ISODuration.months(b), mb > ma { return true }
        }
        return false
    }

    /// Text equal but for letter case and spacing (both already collapsed by the normalizer).
    static func sameText(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if a == b { return true }
        guard let x = a.stringValue, let y = b.stringValue else { return false }
        return TextCleaning.collapse(x).lowercased() == TextCleaning.collapse(y).lowercased()
    }

    func event(_ type: EventType, id: String, record: AgreementRecord, effective: PartialDate?,
               changes: [String: FieldChange]? = nil, carry: AgreementRecord? = nil) -> LedgerEvent {
        LedgerEvent(type: type, importID: importID, source: source, recorded: recorded, agreement: id,
                    partner: record.partner, country: record.country, effective: effective, changes: changes,
                    record: type == .signed ? carry ?? record : nil)
    }
}

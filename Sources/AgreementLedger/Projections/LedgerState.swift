/// The current state of every agreement, as a pure fold over the log: `state = events.reduce(initial, apply)`.
///
/// Every view (status, replay to a date, the diff's starting point) is this fold over a prefix or a
/// filter of the log, so none of them can disagree with the log.
public struct LedgerState: Equatable, Sendable {
    /// Every agreement, in ledger order (the order of their `signed` events). An array plus an index by id,
    /// rather than a dictionary of states: a million agreements cost a third of the memory, and ledger order
    /// comes without a sort.
    public private(set) var agreements: [AgreementState] = []
    /// Position in `agreements` by id.
    private var positions = PositionIndex()
    /// The latest `imported` event of each source.
    public private(set) var lastImport: [String: LedgerEvent] = [:]
    /// Number of `imported` events folded.
    public private(set) var importCount = 0
    public private(set) var lastSeq = 0

    public init() {}

    /// A state restored from a cache (the store's checkpoint), exactly as the fold had left it.
    init(agreements: [AgreementState], lastImport: [String: LedgerEvent], importCount: Int, lastSeq: Int) {
        self.agreements = agreements
        var inOrder = true
        for i in agreements.indices.dropFirst() where agreements[i - 1].firstSeq >= agreements[i].firstSeq {
            inOrder = false
            break
        }
        if !inOrder { self.agreements.sort { $0.firstSeq < $1.firstSeq } }
        positions = LedgerState.index(of: self.agreements)
        self.lastImport = lastImport
        self.importCount = importCount
        self.lastSeq = lastSeq
    }

    /// The state after `events`, optionally only those recorded on or before `until` and of `source`.
    public init(events: some Sequence<LedgerEvent>, source: String? = nil, until: PartialDate? = nil) {
        reserveCapacity(events.underestimatedCount / 2)
        for event in events {
            if let source, event.source != source { continue }
            if let until, until < event.recorded { continue }
            apply(event)
        }
    }

    /// The agreement with this id.
    public subscript(id: String) -> AgreementState? {
        position(of: id).map { agreements[$0] }
    }

    /// Every agreement's id, in ledger order.
    public var ids: [String] { agreements.map(\.id) }

    /// The index of the agreement with this id in `agreements`.
    public func position(of id: String) -> Int? {
        positions.position(hash: PositionIndex.hash(id)) { ByteHash.sameBytes(agreements[$0].id, id) }
    }

    /// Room for `count` agreements, so that folding a big batch does not grow the storage step by step.
    public mutating func reserveCapacity(_ count: Int) {
        agreements.reserveCapacity(count)
    }

    /// The positions of `agreements` by id, their hashes computed on all cores.
    private static func index(of agreements: [AgreementState]) -> PositionIndex {
        let hashes = PositionIndex.hashes(count: agreements.count) { agreements[$0].id }
        return PositionIndex(hashes: hashes) { ByteHash.sameBytes(agreements[$0].id, agreements[$1].id) }
    }

    /// Equal when the agreements, imports and sequence are: the index by id follows from the agreements.
    public static func == (a: LedgerState, b: LedgerState) -> Bool {
        a.agreements == b.agreements && a.lastImport == b.lastImport && a.importCount == b.importCount && a.lastSeq == b.lastSeq
    }

    /// Folds one event in.
    public mutating func apply(_ event: LedgerEvent) {
        withUnsafePointer(to: event) { apply(at: $0) }
    }

    /// Folds in a batch's events, read where they are.
    mutating func apply(contentsOf batch: [LedgerEvent]) {
        batch.withUnsafeBufferPointer { events in
            for i in events.indices { apply(at: events.baseAddress! + i) }
        }
    }

    /// Folds in the event at `event`, reading only the fields it needs: a copy of the whole event (as passing
    /// it on from an array makes) retains every field, a million times over for a big batch.
    private mutating func apply(at event: UnsafePointer<LedgerEvent>) {
        lastSeq = event.pointee.seq
        switch event.pointee.type {
        case .imported:
            importCount += 1
            lastImport[event.pointee.source] = event.pointee
        case .signed:
            guard let id = event.pointee.agreement, let record = event.pointee.record else { return }
            let a = AgreementState(id: id, source: event.pointee.source, record: record, state: .active,
                                   firstSeq: event.pointee.seq, lastRecorded: event.pointee.recorded)
            let hash = PositionIndex.hash(id)
            if let p = positions.position(hash: hash, matches: { ByteHash.sameBytes(agreements[$0].id, id) }) {
                // An id signed twice (never written so) replaces the first, in its new place.
                agreements.remove(at: p)
                agreements.append(a)
                positions = LedgerState.index(of: agreements)
                return
            }
            positions.insert(agreements.count, hash: hash) { _ in false }
            agreements.append(a)
        case .renewed, .amended:
            guard let id = event.pointee.agreement, let p = position(of: id) else { return }
            // Changed in place: a copy taken out would share the record, which would then be copied to change.
            LedgerState.update(&agreements[p]) { a in
                for (field, change) in event.pointee.changes ?? [:] {
                    if field == "state" { continue }
                    a.record.apply(field: field, value: change.to)
                }
                if event.pointee.type == .renewed {
                    a.state = .active
                    a.endedOn = nil
                    if a.record.status != nil && event.pointee.changes?["status"] == nil { a.record.status = .active }
                }
                a.lastRecorded = event.pointee.recorded
            }
        case .expired, .closed:
            guard let id = event.pointee.agreement, let p = position(of: id) else { return }
            LedgerState.update(&agreements[p]) { a in
                a.state = event.pointee.type == .expired ? .expired : .closed
                if event.pointee.type == .closed || event.pointee.effective == nil { a.endedOn = event.pointee.recorded }
                if a.record.status != nil { a.record.status = a.state }
                a.lastRecorded = event.pointee.recorded
            }
        }
    }

    /// Changes `agreement` in place, through one access for the whole change.
    private static func update(_ agreement: inout AgreementState, _ change: (inout AgreementState) -> Void) {
        change(&agreement)
    }

    /// Agreements in ledger order (by their `signed` event), optionally of one source. The stored array
    /// itself (no copy) when every agreement qualifies.
    public func ordered(source: String? = nil) -> [AgreementState] {
        guard let source else { return agreements }
        if agreements.firstIndexInPlace(where: { $0.pointee.source != source }) == nil { return agreements }
        return agreements.filter { $0.source == source }
    }
}

extension AgreementRecord {
    /// Sets one RECORD field from its JSON value (how `changes` are replayed).
    mutating func apply(field: String, value: JSONValue) {
        let text = value.stringValue
        switch field {
        case "partner": if let text { partner = text }
        case "country": country = text
        case "countryCode": countryCode = text
        case "city": city = text
        case "signed": signed = text.flatMap { PartialDate($0) }
        case "validUntil": validUntil = text.flatMap { PartialDate($0) }
        case "indefinite": indefinite = value.boolValue ?? false
        case "term": term = text
        case "status": status = text.flatMap(AgreementStatus.init(rawValue:))
        case "kind": kind = text
        case "reference": reference = text
        case "url": url = text
        case "row": if let n = value.intValue { row = n }
        default: break
        }
    }

    /// One RECORD field as JSON (the `from`/`to` of a change).
    func value(of field: String) -> JSONValue {
        switch field {
        case "partner": .string(partner)
        case "country": .optional(country)
        case "countryCode": .optional(countryCode)
        case "city": .optional(city)
        case "signed": .optional(signed?.description)
        case "validUntil": .optional(validUntil?.description)
        case "indefinite": .bool(indefinite)
        case "term": .optional(term)
        case "status": .optional(status?.rawValue)
        case "kind": .optional(kind)
        case "reference": .optional(reference)
        case "url": .optional(url)
        case "row": .int(row)
        default: .null
        }
    }
}

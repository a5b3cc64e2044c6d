/// `ledger history QUERY`: every event of the agreements a person means by QUERY: an agreement id, or a
/// piece of any name the partner has had (case and diacritics ignored).
public struct HistoryQuery: Sendable {
    public var query: String

    public init(query: String) {
        self.query = query
    }

    /// The ids of the matching agreements and their events, oldest first.
    public func run(_ events: [LedgerEvent]) -> (agreements: [String], events: [LedgerEvent]) {
        let needle = PartnerName.folded(query)
        var ids: [String] = []
        var seen = Set<String>()
        for e in events {
            guard let id = e.agreement, !seen.contains(id) else { continue }
            if id == query || (!needle.isEmpty && CellText.contains(PartnerName.folded(e.partner ?? ""), needle)) {
                seen.insert(id)
                ids.append(id)
            }
        }
        return (ids, events.filter { $0.agreement.map(seen.contains) ?? false })
    }

    /// `run` over the store's log, decoding only the lines that can matter. With the store's history index
    /// (`cache/history`), those are read where it says they are; without it (or when it does not match the
    /// log), the log is scanned: first the lines whose agreement is the query or whose partner name matches,
    /// then every line of the agreements found.
    public func run(store: EventStore) throws(StoreError) -> (agreements: [String], events: [LedgerEvent]) {
        let needle = Array(PartnerName.folded(query).utf8)
        let queryBytes = Array(query.utf8)
        if let events = try HistoryIndex.events(directory: store.directory, logPath: store.logPath, id: queryBytes, needle: needle) {
            return run(events)
        }
        return try scan(store: store, needle: needle, queryBytes: queryBytes)
    }

    /// `run(store:)` by scanning the whole log (what the index spares).
    func scan(store: EventStore, needle: [UInt8], queryBytes: [UInt8]) throws(StoreError) -> (agreements: [String], events: [LedgerEvent]) {
        let candidates = try store.readCommitted { line in
            if let id = LogScanner.stringMember(line, "agreement"), id.elementsEqual(queryBytes) { return true }
            guard !needle.isEmpty, let raw = LogScanner.stringMember(line, "partner") else { return false }
            if !raw.contains(UInt8(ascii: "\\")) { return PartnerName.foldedContains(raw, needle) }
            guard let partner = LogScanner.stringValue(raw) else { return false }
            var text = partner
            return text.withUTF8 { PartnerName.foldedContains($0, needle) }
        }
        let ids = run(candidates).agreements
        if ids.isEmpty { return ([], []) }
        let wanted = Set(ids.map { Array($0.utf8) })
        let events = try store.readCommitted { line in
            LogScanner.stringMember(line, "agreement").map { wanted.contains(Array($0)) } ?? false
        }
        return (ids, events)
    }
}

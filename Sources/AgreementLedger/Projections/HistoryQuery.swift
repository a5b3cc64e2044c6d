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
            if id == query || (!needle.isEmpty && PartnerName.folded(e.partner ?? "").contains(needle)) {
                seen.insert(id)
                ids.append(id)
            }
        }
        return (ids, events.filter { $0.agreement.map(seen.contains) ?? false })
    }
}

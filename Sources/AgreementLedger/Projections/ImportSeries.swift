/// One point per import: what the import changed and how many agreements of its source were active
/// right after it, the data of the report's charts, folded from the log.
public struct ImportPoint: Sendable {
    /// The `imported` event closing the batch.
    public var imported: LedgerEvent
    /// Active agreements of the import's source once the batch is folded in.
    public var active: Int
    /// The events the import appended, by type.
    public var counts: EventCounts { imported.counts ?? EventCounts() }
}

/// The imports of a selection, in log order, with the active count after each.
public enum ImportSeries {
    /// Imports of `source` (all when nil) recorded on or before `until`, and, when given, in `from...to`
    /// (the fold still runs over all earlier events so the counts are right).
    public static func points(_ events: [LedgerEvent], source: String? = nil, from: PartialDate? = nil,
                              to: PartialDate? = nil) -> [ImportPoint] {
        var state = LedgerState()
        var points: [ImportPoint] = []
        for e in events {
            if let source, e.source != source { continue }
            if let to, to < e.recorded { continue }
            state.apply(e)
            guard e.type == .imported else { continue }
            if let from, e.recorded < from { continue }
            let active = state.agreements.filter { $0.source == e.source && $0.state == .active }.count
            points.append(ImportPoint(imported: e, active: active))
        }
        return points
    }
}

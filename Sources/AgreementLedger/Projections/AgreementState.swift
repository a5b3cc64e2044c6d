/// What the ledger knows of one agreement after folding its events: its latest fields and its state.
public struct AgreementState: Hashable, Sendable {
    public var id: String
    public var source: String
    /// The fields as last recorded (partner spelling, dates…); `row` is the row of the latest snapshot it was seen in.
    public var record: AgreementRecord
    public var state: AgreementStatus
    /// `seq` of the `signed` event, the agreement's place in the ledger's order.
    public var firstSeq: Int
    /// `recorded` of the latest event that touched it.
    public var lastRecorded: PartialDate
    /// When a stated expiry or a closure ended it (the `recorded` date of that event); nil while it
    /// runs, or when it expired by its own end date (the dates tell then).
    public var endedOn: PartialDate?

    /// True when, by everything known now, the agreement was in force on `day`: signed by then,
    /// its stated validity (end date, or signing plus term, or indefinite, or no end stated) covers the
    /// day, and no stated expiry or closure came before it.
    public func isInForce(on day: PartialDate) -> Bool {
        let d = day.dayNumber
        if let s = record.signed, s.firstDay.dayNumber > d { return false }
        if let ended = endedOn, ended.dayNumber <= d { return false }
        if record.indefinite { return true }
        if let end = record.validUntil { return end.lastDay.dayNumber >= d }
        if let term = record.term, let months = ISODuration.months(term), let s = record.signed {
            let start = s.firstDay
            let endMonth = start.month! - 1 + months
            let y = start.year + endMonth / 12, m = endMonth % 12 + 1
            let end = PartialDate(year: y, month: m, day: min(start.day!, PartialDate.daysIn(month: m, year: y)))!
            return end.dayNumber >= d
        }
        return state != .expired
    }

    /// The contract's `status` entry: the RECORD fields plus `agreement`, `source` and `state`.
    public var json: JSONValue {
        var fields = record.jsonFields
        fields["agreement"] = .string(id)
        fields["source"] = .string(source)
        fields["state"] = .string(state.rawValue)
        return .object(fields)
    }

    /// Appends `JSONWriter`'s pretty form of `json` nested `level` deep, without building the tree.
    func appendPrettyJSON<Out: ByteSink>(to out: inout Out, level: Int) {
        record.appendJSON(to: &out, indentLevel: level, agreement: id, source: source, state: state.rawValue)
    }
}

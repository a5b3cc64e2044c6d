/// `ledger expiring`: the running agreements whose validity ends within a window, soonest first, so an
/// office can renew them in time.
///
/// An end known only to the year or month ("2026", "2026-05") is kept at that precision: it counts as
/// ending on the last day of that period, and the days left are counted to that day; no day is invented.
public struct ExpiringQuery: Sendable {
    /// Days after `at` the window covers (inclusive).
    public var within: Int
    /// The day days are counted from; nil means the latest import date of the selection, so the
    /// output depends only on the log.
    public var at: PartialDate?
    /// Only this list (all when nil).
    public var source: String?

    public init(within: Int = 180, at: PartialDate? = nil, source: String? = nil) {
        self.within = within
        self.at = at
        self.source = source
    }

    /// The report date actually used: `at`, else the latest import date of the selection (nil when there is none).
    public func reportDate(_ events: [LedgerEvent]) -> PartialDate? {
        at ?? events.last { $0.type == .imported && (source == nil || $0.source == source) }?.recorded
    }

    /// The expiring agreements as the ledger knew them on the report date, soonest first.
    public func run(_ events: [LedgerEvent]) -> [ExpiringAgreement] {
        guard let day = reportDate(events) else { return [] }
        return run(state: LedgerState(events: events, source: source, until: day), on: day)
    }

    /// The expiring agreements of `state`, already folded to `day` (the report date) for `source`.
    public func run(state: LedgerState, on day: PartialDate) -> [ExpiringAgreement] {
        let from = day.dayNumber, to = from + within
        return state.ordered(source: source).compactMap { a -> ExpiringAgreement? in
            guard a.state == .active, let (end, basis) = ExpiringQuery.end(of: a.record) else { return nil }
            let last = end.lastDay.dayNumber
            guard last >= from && last <= to else { return nil }
            return ExpiringAgreement(agreement: a, ends: end, basis: basis, daysLeft: last - from)
        }.sorted { x, y in
            if x.daysLeft != y.daysLeft { return x.daysLeft < y.daysLeft }
            let px = PartnerName.folded(x.agreement.record.partner), py = PartnerName.folded(y.agreement.record.partner)
            return px != py ? px < py : x.agreement.id < y.agreement.id
        }
    }

    /// When an agreement's validity ends, at the precision known: the stated end date, else the signing
    /// date moved on by the stated term (as precise as the signing date); nil when indefinite or unknown.
    public static func end(of r: AgreementRecord) -> (PartialDate, ExpiringAgreement.Basis)? {
        if r.indefinite { return nil }
        if let v = r.validUntil { return (v, .validUntil) }
        guard let term = r.term, let months = ISODuration.months(term), let s = r.signed else { return nil }
        // A year-only signing plus a term that is not whole years ends, at the latest, in the later year.
        guard s.month != nil else { return PartialDate(year: s.year + (months + 11) / 12).map { ($0, .term) } }
        let index = s.year * 12 + (s.month ?? 1) - 1 + months
        let y = index / 12, m = index % 12 + 1
        guard let day = s.day else { return PartialDate(year: y, month: m).map { ($0, .term) } }
        return PartialDate(year: y, month: m, day: min(day, PartialDate.daysIn(month: m, year: y))).map { ($0, .term) }
    }

    /// The `expiring --json` object.
    public func json(_ items: [ExpiringAgreement], at day: PartialDate?) -> JSONValue {
        .object([
            "at": .optional(day?.description), "within": .int(within),
            "agreements": .array(items.map(\.json)),
        ])
    }

    /// The columns of `expiring --csv`.
    public static let csvColumns = ["agreement", "source", "partner", "country", "ends", "precision", "basis", "lastDay", "daysLeft"]

    /// `expiring --csv`.
    public static func csv(_ items: [ExpiringAgreement], excel: Bool = false) -> String {
        CSVWriter.render(header: csvColumns, rows: items.map { e in
            [e.agreement.id, e.agreement.source, e.agreement.record.partner, e.agreement.record.country ?? "",
             e.ends.description, e.precision, e.basis.rawValue, e.ends.lastDay.description, String(e.daysLeft)]
        }, excel: excel)
    }
}

/// One agreement of `ledger expiring`: when it ends, how precisely that is known, and the days left.
public struct ExpiringAgreement: Sendable {
    /// Where the end comes from: the stated end date, or signing date plus stated term.
    public enum Basis: String, Sendable { case validUntil, term }

    public var agreement: AgreementState
    /// The end as precisely as known ("2026", "2026-05" or "2026-05-31").
    public var ends: PartialDate
    public var basis: Basis
    /// Days from the report date to the last day `ends` can denote.
    public var daysLeft: Int

    /// "day", "month" or "year": how precisely the end is known.
    public var precision: String { ends.day != nil ? "day" : (ends.month != nil ? "month" : "year") }

    /// One entry of `expiring --json`.
    public var json: JSONValue {
        let r = agreement.record
        return .object([
            "agreement": .string(agreement.id), "source": .string(agreement.source), "partner": .string(r.partner),
            "country": .optional(r.country), "ends": .string(ends.description), "precision": .string(precision),
            "basis": .string(basis.rawValue), "lastDay": .string(ends.lastDay.description), "daysLeft": .int(daysLeft),
        ])
    }
}

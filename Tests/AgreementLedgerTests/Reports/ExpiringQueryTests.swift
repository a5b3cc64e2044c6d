import Testing
@testable import AgreementLedger

/// `ledger expiring`: the window, the days left, partial end dates kept at their precision.
@Suite struct ExpiringQueryTests {
    static let day = PartialDate("2026-03-01")!

    func signed(_ id: String, _ partner: String, validUntil: String? = nil, signed: String? = nil, term: String? = nil,
                indefinite: Bool = false, seq: Int) -> LedgerEvent {
        let record = AgreementRecord(partner: partner, signed: signed.flatMap { PartialDate($0) },
                                     validUntil: validUntil.flatMap { PartialDate($0) }, indefinite: indefinite,
                                     term: term, row: seq + 1)
        return LedgerEvent(type: .signed, importID: "1", source: "s", recorded: PartialDate("2026-01-15")!,
                           agreement: id, partner: partner, record: record, seq: seq)
    }

    var events: [LedgerEvent] {
        [
            signed("a", "Year Only", validUntil: "2026", seq: 1),
            signed("b", "Month Only", validUntil: "2026-04", seq: 2),
            signed("c", "Full Date", validUntil: "2026-03-10", seq: 3),
            signed("d", "Long Ago", validUntil: "2025-12-31", seq: 4),
            signed("e", "Far Away", validUntil: "2030", seq: 5),
            signed("f", "Forever", indefinite: true, seq: 6),
            signed("g", "By Term", signed: "2021-05", term: "P5Y", seq: 7),
            LedgerEvent(type: .closed, importID: "1", source: "s", recorded: PartialDate("2026-01-15")!, agreement: "c2",
                        partner: "x", seq: 8),
            LedgerEvent(type: .imported, importID: "1", source: "s", recorded: PartialDate("2026-01-15")!,
                        counts: EventCounts(), seq: 9),
        ]
    }

    @Test func soonestFirstWithDaysToTheLastDayOfThePeriod() {
        let items = ExpiringQuery(within: 365, at: Self.day).run(events)
        #expect(items.map(\.agreement.id) == ["c", "b", "g", "a"])
        #expect(items.map(\.daysLeft) == [9, 60, 91, 305])
        #expect(items.map(\.precision) == ["day", "month", "month", "year"])
        #expect(items.map(\.ends.description) == ["2026-03-10", "2026-04", "2026-05", "2026"], "no invented day")
        #expect(items[2].basis == .term, "signing 2021-05 plus five years, at month precision")
    }

    @Test func theWindowIsInclusiveAndExcludesWhatHasEnded() {
        #expect(ExpiringQuery(within: 9, at: Self.day).run(events).map(\.agreement.id) == ["c"])
        #expect(ExpiringQuery(within: 8, at: Self.day).run(events).isEmpty)
        #expect(ExpiringQuery(within: 60, at: Self.day).run(events).map(\.agreement.id) == ["c", "b"])
    }

    @Test func defaultsToTheLatestImportDate() {
        let q = ExpiringQuery(within: 60)
        #expect(q.reportDate(events)?.description == "2026-01-15")
        #expect(q.run(events).map(\.daysLeft) == [54], "2026-03-10 is 54 days after 2026-01-15")
    }

    @Test func termEndsKeepTheSigningPrecision() {
        let r = AgreementRecord(partner: "x", signed: PartialDate("2020"), term: "P18M", row: 1)
        #expect(ExpiringQuery.end(of: r)?.0.description == "2022", "a year-only signing plus 18 months ends in 2022 at the latest")
        let d = AgreementRecord(partner: "x", signed: PartialDate("2024-02-29"), term: "P1Y", row: 1)
        #expect(ExpiringQuery.end(of: d)?.0.description == "2025-02-28")
    }
}

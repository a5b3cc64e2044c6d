import Testing
@testable import AgreementLedger

@Suite struct PartialDateTests {
    @Test func parsesAndPrintsEachPrecision() {
        #expect(PartialDate("2024")?.description == "2024")
        #expect(PartialDate("2024-05")?.description == "2024-05")
        #expect(PartialDate("2024-05-07")?.description == "2024-05-07")
        #expect(PartialDate("2024-13") == nil, "month 13 is not a date")
        #expect(PartialDate("2023-02-29") == nil, "2023 is not a leap year")
        #expect(PartialDate("2024-02-29") != nil)
        #expect(PartialDate("24-01-01") == nil)
    }

    @Test func wholeYearIsOnlyBeforeTheNextYear() {
        let y2024 = PartialDate("2024")!
        #expect(y2024.isWhollyBefore(PartialDate("2025-01-01")!))
        #expect(!y2024.isWhollyBefore(PartialDate("2024-06-01")!))
        #expect(!y2024.isWhollyBefore(PartialDate("2024-12-31")!))
        #expect(PartialDate("2024-02")!.lastDay.description == "2024-02-29")
    }

    @Test func dayNumbersRoundTrip() {
        #expect(PartialDate("1970-01-01")!.dayNumber == 0)
        #expect(PartialDate("2000-03-01")!.dayNumber == 11_017)
        for n in stride(from: -1000, to: 30_000, by: 37) {
            #expect(PartialDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test func ordersByFirstDayThenPrecision() {
        let dates = ["2024-01-01", "2023", "2024", "2024-01"].compactMap { PartialDate($0) }
        #expect(dates.sorted().map(\.description) == ["2023", "2024", "2024-01", "2024-01-01"])
    }
}

import Testing
@testable import AgreementLedger

/// The chart geometry: where values land, which ticks an axis shows, how numbers are written.
@Suite struct ChartScaleTests {
    @Test func linearScaleMapsEndsAndMiddle() {
        let x = LinearScale(domain: 0...100, start: 50, end: 250)
        #expect(x(0) == 50)
        #expect(x(100) == 250)
        #expect(x(25) == 100)
    }

    @Test func verticalScaleGrowsUpwards() {
        let y = LinearScale.vertical(max: 400, top: 20, bottom: 220)
        #expect(y(0) == 220)
        #expect(y(400) == 20)
        #expect(y(100) == 170)
        #expect(LinearScale.vertical(max: 0, top: 0, bottom: 100)(1) == 0, "an empty chart still spans 0...1")
    }

    @Test func singlePointDomainLandsInTheMiddle() {
        #expect(LinearScale(domain: 5...5, start: 0, end: 10)(5) == 5)
    }

    @Test func valueTicksUseRoundSteps() {
        #expect(AxisTicks.values(maxValue: 412) == [0, 100, 200, 300, 400, 500])
        #expect(AxisTicks.values(maxValue: 95) == [0, 20, 40, 60, 80, 100])
        #expect(AxisTicks.values(maxValue: 7) == [0, 2, 4, 6, 8])
        #expect(AxisTicks.values(maxValue: 3) == [0, 1, 2, 3])
        #expect(AxisTicks.values(maxValue: 1) == [0, 1])
        #expect(AxisTicks.values(maxValue: 0) == [0, 1])
        #expect(AxisTicks.values(maxValue: 50) == [0, 10, 20, 30, 40, 50])
    }

    @Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(AxisTicks.niceStep(maxValue: 412, count: 5) == 100)
        #expect(AxisTicks.niceStep(maxValue: 1200, count: 5) == 500)
        #expect(AxisTicks.niceStep(maxValue: 11, count: 5) == 5)
        #expect(AxisTicks.niceStep(maxValue: 10, count: 5) == 2)
    }

    @Test func dateTicksAreYearlyOverLongSpans() {
        let ticks = AxisTicks.dates(from: PartialDate("2021-12-01")!, to: PartialDate("2026-10-15")!)
        #expect(ticks.map(\.label) == ["2022", "2023", "2024", "2025", "2026"])
        #expect(ticks.first?.day.description == "2022-01-01")
    }

    @Test func dateTicksAreMonthlyOverShortSpans() {
        let ticks = AxisTicks.dates(from: PartialDate("2025-01-10")!, to: PartialDate("2025-04-20")!)
        #expect(ticks.map(\.label) == ["2025-02", "2025-03", "2025-04"], "a tick only on a month's first day within the span")
        let year = AxisTicks.dates(from: PartialDate("2025-01-01")!, to: PartialDate("2025-12-31")!)
        #expect(year.map(\.label) == ["2025-01", "2025-03", "2025-05", "2025-07", "2025-09", "2025-11"],
                "every second month keeps to eight ticks")
    }

    @Test func svgNumbersHaveAtMostOneDecimal() {
        #expect(SVGNumber.format(12) == "12")
        #expect(SVGNumber.format(12.345) == "12.3")
        #expect(SVGNumber.format(0.06) == "0.1")
        #expect(SVGNumber.format(-3.25) == "-3.3" || SVGNumber.format(-3.25) == "-3.2")
        #expect(SVGNumber.format(-0.01) == "0")
    }
}

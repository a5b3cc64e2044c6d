import Testing
@testable import AgreementLedger

private func d(_ text: String) -> PartialDate { PartialDate(text)! }

@Suite struct DateCellParserTests {
    @Test func slashDatesFollowTheColumnOrder() {
        #expect(DateCellParser.parse("15/12/2003", order: .dayFirst)?.date == d("2003-12-15"))
        #expect(DateCellParser.parse("6/28/2019", order: .monthFirst)?.date == d("2019-06-28"))
        #expect(DateCellParser.parse("2/12/2020", order: .monthFirst)?.date == d("2020-02-12"))
        #expect(DateCellParser.parse("2/12/2020", order: .dayFirst)?.date == d("2020-12-02"))
        #expect(DateCellParser.parse("6/28/2019", order: .dayFirst) == nil, "month 28")
        #expect(DateCellParser.parse(" 01/01/2002 ", order: .dayFirst) == ParsedDate(date: d("2002-01-01")))
    }

    @Test func dottedAndDashedDatesAreAlwaysDayFirst() {
        #expect(DateCellParser.parse("29.01.2018", order: .monthFirst)?.date == d("2018-01-29"))
        #expect(DateCellParser.parse("04.01.2018", order: .monthFirst)?.date == d("2018-01-04"))
        #expect(DateCellParser.parse("15-06-2017", order: .monthFirst)?.date == d("2017-06-15"))
        #expect(DateCellParser.parse("15.06.2017.", order: .dayFirst)?.date == d("2017-06-15"))
    }

    @Test func isoYearMonthAndYearOnly() {
        #expect(DateCellParser.parse("2019-03-12", order: .monthFirst)?.date == d("2019-03-12"))
        #expect(DateCellParser.parse("2019-03", order: .dayFirst)?.date == d("2019-03"))
        #expect(DateCellParser.parse("2019", order: .dayFirst) == ParsedDate(date: d("2019")))
        #expect(DateCellParser.parse("1899", order: .dayFirst) == nil)
        #expect(DateCellParser.parse("2101", order: .dayFirst) == nil)
    }

    @Test func unknownDayGivesTheMonth() {
        for cell in ["xx.01.2018", "XX.01.2018", "??.01.2018"] {
            #expect(DateCellParser.parse(cell, order: .dayFirst) == ParsedDate(date: d("2018-01"), note: "day unknown"))
        }
    }

    @Test func yearWithThousandsSeparator() {
        #expect(DateCellParser.parse("2,006", order: .dayFirst) == ParsedDate(date: d("2006"), note: "year written as 2,006"))
        #expect(DateCellParser.parse("2.006", order: .dayFirst)?.date == d("2006"))
        #expect(DateCellParser.parse("2 006", order: .dayFirst)?.date == d("2006"))
        #expect(DateCellParser.parse("2,006", order: .dayFirst)?.note != nil)
    }

    @Test func excelSerials() {
        #expect(DateCellParser.excelSerial(1) == d("1900-01-01"))
        #expect(DateCellParser.excelSerial(59) == d("1900-02-28"))
        #expect(DateCellParser.excelSerial(60) == nil, "Excel's fictitious 1900-02-29")
        #expect(DateCellParser.excelSerial(61) == d("1900-03-01"))
        #expect(DateCellParser.excelSerial(43466) == d("2019-01-01"))
        #expect(DateCellParser.excelSerial(45658) == d("2025-01-01"))
        #expect(DateCellParser.excelSerial(0) == nil)
        let cell = DateCellParser.parse("43466", order: .dayFirst)
        #expect(cell?.date == d("2019-01-01") && cell?.note != nil)
        #expect(DateCellParser.parse("12345", order: .dayFirst) == nil, "outside the plausible serial range")
    }

    @Test func impossibleDatesAreNothing() {
        #expect(DateCellParser.parseAll("31/02/2020", order: .dayFirst).isEmpty)
        #expect(DateCellParser.parseAll("29/02/2023", order: .dayFirst).isEmpty)
        #expect(DateCellParser.parseAll("Permanent", order: .dayFirst).isEmpty)
        #expect(DateCellParser.parseAll("", order: .dayFirst).isEmpty)
    }

    @Test func twoDigitYearsPivotAt70() {
        let p = DateCellParser.parse("5/3/21", order: .monthFirst)
        #expect(p?.date == d("2021-05-03"))
        #expect(p?.note != nil)
        #expect(DateCellParser.parse("5/3/75", order: .monthFirst)?.date == d("1975-05-03"))
        #expect(DateCellParser.parse("5/3/69", order: .monthFirst)?.date == d("2069-05-03"))
    }

    @Test func severalDatesInOneCell() {
        let all = DateCellParser.parseAll("03/05/2007 15/11/2007", order: .dayFirst)
        #expect(all.map(\.date) == [d("2007-05-03"), d("2007-11-15")])
        #expect(DateCellParser.parse("03/05/2007 15/11/2007", order: .dayFirst) == nil)
    }

    @Test func orderInference() {
        #expect(DateCellParser.inferOrder(["01/01/2002", "15/12/2003"]) == .dayFirst)
        #expect(DateCellParser.inferOrder(["2/12/2020", "6/28/2019"]) == .monthFirst)
        #expect(DateCellParser.inferOrder(["01/01/2002", "02/03/2004"]) == nil)
        #expect(DateCellParser.inferOrder(["15/12/2003", "6/28/2019"]) == nil, "contradiction")
        #expect(DateCellParser.inferOrder(["29.01.2018", "6/5/2019"]) == nil, "dots do not vote")
        #expect(DateCellParser.inferOrder([String]()) == nil)
    }

    @Test func seedDateColumnsReadWholly() throws {
        let bosnian = try SeedFile.column(of: "000", named: "Datum/godina potpisivanja")
        #expect(DateCellParser.inferOrder(bosnian) == .dayFirst)
        for cell in bosnian where !cell.isEmpty {
            #expect(!DateCellParser.parseAll(cell, order: .dayFirst).isEmpty, "\(cell)")
        }
        let english = try SeedFile.column(of: "002", named: "Date of agreement")
        #expect(DateCellParser.inferOrder(english) == .monthFirst)
        for cell in english where !cell.isEmpty {
            #expect(DateCellParser.parse(cell, order: .monthFirst) != nil, "\(cell)")
        }
        for cell in try SeedFile.column(of: "003", named: "CONCLUSION DATE") where !cell.isEmpty {
            #expect(DateCellParser.parse(cell, order: .dayFirst) != nil, "\(cell)")
        }
    }
}

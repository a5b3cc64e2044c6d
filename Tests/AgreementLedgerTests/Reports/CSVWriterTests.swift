import Testing
@testable import AgreementLedger

/// RFC 4180 quoting, CRLF lines, the Excel BOM and formula-injection neutralization.
@Suite struct CSVWriterTests {
    @Test func plainFieldsStayAsTheyAre() {
        #expect(CSVWriter.field("Univerzitet u Bihaću") == "Univerzitet u Bihaću")
        #expect(CSVWriter.field("") == "")
        #expect(CSVWriter.field("2026-05") == "2026-05")
        #expect(CSVWriter.field("a-b") == "a-b", "a minus inside a cell is harmless")
    }

    @Test func quotesDelimitersQuotesAndLineBreaks() {
        #expect(CSVWriter.field("Kraków, Poland") == "\"Kraków, Poland\"")
        #expect(CSVWriter.field("the \"Old\" one") == "\"the \"\"Old\"\" one\"")
        #expect(CSVWriter.field("line1\nline2") == "\"line1\nline2\"")
        #expect(CSVWriter.field("a\rb") == "\"a\rb\"")
    }

    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"])
    func neutralizesFormulaLikeCells(_ cell: String) {
        let out = CSVWriter.field(cell)
        #expect(CSVWriter.isFormulaLike(cell))
        #expect(out.hasPrefix("\"'"), "quoted and led by an apostrophe: \(out)")
        #expect(out.hasSuffix("\""))
        let inner = String(out.dropFirst(2).dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        #expect(inner == cell, "the content is kept, only prefixed")
    }

    @Test func onlyTheFirstCharacterDecides() {
        #expect(!CSVWriter.isFormulaLike("A=B"))
        #expect(!CSVWriter.isFormulaLike(" =1"))
        #expect(!CSVWriter.isFormulaLike(""))
    }

    @Test func rendersCRLFLinesAndTheExcelBOM() {
        let plain = CSVWriter.render(header: ["a", "b"], rows: [["1", "x,y"], ["=2", ""]])
        #expect(plain == "a,b\r\n1,\"x,y\"\r\n\"'=2\",\r\n")
        let excel = CSVWriter.render(header: ["a"], rows: [["č"]], excel: true)
        #expect(Array(excel.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(excel.dropFirst() == "a\r\nč\r\n")
    }

    @Test func statusRowsFollowTheColumns() {
        let record = AgreementRecord(partner: "=cmd|' /C calc'!A0", country: "Hrvatska", countryCode: "HR",
                                     signed: PartialDate("2020"), indefinite: true, row: 2)
        let a = AgreementState(id: "abc", source: "s", record: record, state: .active, firstSeq: 1,
                               lastRecorded: PartialDate("2024-01-01")!)
        let lines = CSVWriter.status([a]).components(separatedBy: "\r\n")
        #expect(lines[0] == CSVWriter.statusColumns.joined(separator: ","))
        #expect(lines[1] == "abc,s,active,\"'=cmd|' /C calc'!A0\",Hrvatska,HR,,2020,,true,,,,,")
    }
}

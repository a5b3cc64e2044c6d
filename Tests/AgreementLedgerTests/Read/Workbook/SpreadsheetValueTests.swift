import Testing
@testable import AgreementLedger

/// Date serials (both date systems, the 1900 leap-year quirk), date formats, cell references and colours.
@Suite struct SpreadsheetValueTests {
    @Test(arguments: [
        (1.0, "1900-01-01"), (59.0, "1900-02-28"), (60.0, "1900-02-29"), (61.0, "1900-03-01"),
        (367.0, "1901-01-01"), (25569.0, "1970-01-01"), (36526.0, "2000-01-01"), (43129.0, "2018-01-29"),
        (45000.75, "2023-03-15"), (2958465.0, "9999-12-31"),
    ])
    func dates1900(_ serial: Double, _ iso: String) {
        #expect(ExcelDate.isoDate(serial: serial, date1904: false) == iso)
    }

    @Test func dates1904() {
        #expect(ExcelDate.isoDate(serial: 0, date1904: true) == "1904-01-01")
        #expect(ExcelDate.isoDate(serial: 1462, date1904: true) == "1908-01-02")
        #expect(ExcelDate.isoDate(serial: 43129 - 1462, date1904: true) == "2018-01-29")
    }

    @Test func notDates() {
        #expect(ExcelDate.isoDate(serial: 0, date1904: false) == nil)
        #expect(ExcelDate.isoDate(serial: -3, date1904: false) == nil)
        #expect(ExcelDate.isoDate(serial: 3e9, date1904: false) == nil)
        #expect(ExcelDate.isoDate(serial: .nan, date1904: false) == nil)
        #expect(ExcelDate.isoDate(serial: -1e300, date1904: true) == nil)
    }

    @Test func dateFormats() {
        for id in [14, 15, 16, 17, 22, 30] { #expect(NumberFormat.isDate(id: id, code: nil)) }
        for id in [0, 1, 2, 9, 18, 20, 45, 49] { #expect(!NumberFormat.isDate(id: id, code: nil)) }
        for code in ["DD/MM/YYYY", "d.m.yy", "[$-409]mmmm d, yyyy;@", "yyyy\\-mm", "mmm-yy", "DD.MM.YYYY"] {
            #expect(NumberFormat.codeShowsDate(code), "\(code)")
        }
        for code in ["General", "0.00", "h:mm", "[h]:mm:ss", "mm:ss", "0.00E+00", "\"day\" 0", "[Red]0", "#,##0;[Red]-#,##0"] {
            #expect(!NumberFormat.codeShowsDate(code), "\(code)")
        }
    }

    @Test func cellReferences() {
        #expect(CellReference("C17") == CellReference(row: 17, column: 2))
        #expect(CellReference("$AA$3") == CellReference(row: 3, column: 26))
        #expect(CellReference("XFD1048576")?.column == 16383)
        for bad in ["", "17", "C", "C0", "1C", "ABCD1", "C-1"] { #expect(CellReference(bad) == nil, "\(bad)") }
        #expect(CellReference.letters(0) == "A")
        #expect(CellReference.letters(25) == "Z")
        #expect(CellReference.letters(26) == "AA")
        #expect(CellRange("B2:C5")?.last == CellReference(row: 5, column: 2))
        #expect(CellRange("C5:B2") == nil)
        #expect(CellReference.sheetPrefix("Sheet1") == "Sheet1")
        #expect(CellReference.sheetPrefix("Umowy 2024") == "'Umowy 2024'")
    }

    @Test func colours() {
        #expect(FillColor(hex: "FFD9D9D9") == FillColor(rgb: 0xD9D9D9))
        #expect(FillColor(hex: "#c0c0c0")?.isGrey == true)
        #expect(FillColor(rgb: 0xFFFFFF).isGrey == false)
        #expect(FillColor(rgb: 0x000000).isGrey == false)
        #expect(FillColor(rgb: 0xFFFF00).isGrey == false)
        // "White, Background 1, Darker 15%" of the Office theme.
        #expect(FillColor(rgb: 0xFFFFFF).tinted(-0.1499984740745262) == FillColor(rgb: 0xD9D9D9))
        #expect(FillColor(rgb: 0x000000).tinted(0.5) == FillColor(rgb: 0x808080))
        #expect(FillStatusRule(parsing: "grey=expired") == FillStatusRule(color: .grey, status: .expired))
        #expect(FillStatusRule(parsing: "Gray = Closed")?.status == .closed)
        #expect(FillStatusRule(parsing: "#D9D9D9=expired")?.color == .exact(FillColor(rgb: 0xD9D9D9)))
        #expect(FillStatusRule(parsing: "grey") == nil)
        #expect(FillStatusRule(parsing: "pink=expired") == nil)
        #expect(FillStatusRule(parsing: "grey=gone") == nil)
    }
}

import Testing
@testable import AgreementLedger

/// Workbooks built by hand, one feature each: cell types, date systems, sheets, merges, fills, hidden rows.
@Suite struct WorkbookReaderTests {
    static let styles = """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="1"><numFmt numFmtId="164" formatCode="DD.MM.YYYY;@"/></numFmts>
        <fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>
        <fill><patternFill patternType="solid"><fgColor indexed="22"/></patternFill></fill>
        <fill><patternFill patternType="solid"><fgColor theme="0" tint="-0.1499984740745262"/></patternFill></fill></fills>
        <cellStyleXfs count="1"><xf numFmtId="0" fillId="3"/></cellStyleXfs>
        <cellXfs count="6"><xf numFmtId="0" fillId="0"/><xf numFmtId="14" fillId="0"/><xf numFmtId="164" fillId="0"/>
        <xf numFmtId="0" fillId="2"/><xf numFmtId="0" fillId="3"/><xf numFmtId="0" fillId="4"/></cellXfs>
        <dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFF0000"/></patternFill></fill></dxf></dxfs>
        </styleSheet>
        """

    static func sheet(_ rows: String, extra: String = "", strings: [String] = [], date1904: Bool = false) throws -> WorkbookSheet {
        var b = WorkbookBuilder()
        b.sheets = [("Sheet1", nil, rows, extra)]
        b.sharedStrings = strings
        b.styles = styles
        b.date1904 = date1904
        return try WorkbookReader.read(b.build())
    }

    @Test func cellTypes() throws {
        let s = try Self.sheet("""
            <row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>
            <row r="3"><c r="A3"><v>2006</v></c><c r="B3"><v>0.30000000000000004</v></c><c r="C3"><v>2.5</v></c><c r="D3"><v>1E3</v></c></row>
            <row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="str"><f>A1&amp;"x"</f><v>cached</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="d"><v>2024-05-06T00:00:00</v></c></row>
            <row r="5"><c r="A5" s="1"><v>43129</v></c><c r="B5" s="2"><v>43129.5</v></c><c r="C5" s="0"><v>43129</v></c><c r="D5" s="2"><v>60</v></c></row>
            <row><c><v>7</v></c><c t="s"><v>0</v></c></row>
            """, strings: ["Univerzitet u Grazu", "<r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space=\"preserve\"> text</t></r><rPh><t>ふりがな</t></rPh>"])
        #expect(s.table.rows.map(\.line) == [1, 2, 3, 4, 5, 6])
        #expect(s.table.rows[0].fields == [""])
        #expect(s.table.rows[1].fields == ["Univerzitet u Grazu", "Rich text", "inline", ""])
        #expect(s.table.rows[2].fields == ["2006", "0.3", "2.5", "1000"])
        #expect(s.table.rows[3].fields == ["TRUE", "cached", "#N/A", "2024-05-06"])
        #expect(s.table.rows[4].fields == ["2018-01-29", "2018-01-29", "43129", "1900-02-29"])
        #expect(s.table.rows[5].fields == ["7", "Univerzitet u Grazu", "", ""])
        #expect(s.name == "Sheet1")
    }

    @Test func date1904System() throws {
        let s = try Self.sheet("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>41667</v></c></row>", date1904: true)
        #expect(s.table.rows[0].fields == ["1904-01-01", "2018-01-29"])
    }

    @Test func sheetSelection() throws {
        var b = WorkbookBuilder()
        b.sheets = [("Old", "hidden", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>old</t></is></c></row>", ""),
                    ("Data", nil, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>data</t></is></c></row>", ""),
                    ("Umowy 2024", nil, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>umowy</t></is></c></row>", "")]
        let bytes = b.build()
        #expect(try WorkbookReader.read(bytes).table.rows[0].fields == ["data"])
        #expect(try WorkbookReader.read(bytes, sheet: "Old").table.rows[0].fields == ["old"])
        #expect(try WorkbookReader.read(bytes, sheet: "3").name == "Umowy 2024")
        #expect(try WorkbookReader.read(bytes, sheet: "umowy 2024").name == "Umowy 2024")
        #expect(try WorkbookReader.sheets(bytes).map(\.state) == ["hidden", "visible", "visible"])
        #expect(throws: WorkbookError.noSuchSheet("Missing", available: ["Old", "Data", "Umowy 2024"])) {
            try WorkbookReader.read(bytes, sheet: "Missing")
        }
        #expect(WorkbookError.noSuchSheet("Missing", available: ["Old", "Data"]).description
            == "no sheet \"Missing\"; the workbook has 1: \"Old\", 2: \"Data\" (give --sheet a name or a number)")
    }

    @Test func mergesApplyDownTheRowsTheySpan() throws {
        let s = try Self.sheet("""
            <row r="1"><c r="A1" t="inlineStr"><is><t>Title over three columns</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>Graz</t></is></c><c r="B2" t="inlineStr"><is><t>Austria</t></is></c><c r="C2"><v>1</v></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>Wien</t></is></c><c r="B3" s="0"/><c r="C3"><v>2</v></c></row>
            """, extra: "<mergeCells count=\"2\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"B2:B3\"/></mergeCells>")
        #expect(s.table.rows[0].fields == ["Title over three columns", "", ""])
        #expect(s.table.rows[2].fields == ["Wien", "Austria", "2"])
        #expect(s.merges.map(\.description) == ["A1:C1", "B2:B3"])
    }

    @Test func fillsAndHiddenRowsAndColumns() throws {
        let s = try Self.sheet("""
            <row r="1"><c r="A1" t="inlineStr" s="3"><is><t>a</t></is></c><c r="B1" t="inlineStr" s="3"><is><t>b</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr" s="4"><is><t>a</t></is></c></row>
            <row r="3" s="5" customFormat="1" hidden="1"><c r="A3" t="inlineStr"><is><t>a</t></is></c></row>
            <row r="4"><c r="A4" t="inlineStr" s="3"><is><t>a</t></is></c><c r="B4" t="inlineStr"><is><t>b</t></is></c><c r="C4" t="inlineStr"><is><t>c</t></is></c></row>
            """, extra: "<cols><col min=\"2\" max=\"3\" width=\"9\" hidden=\"1\"/></cols>")
        #expect(s.rowFills == [1: FillColor(rgb: 0xD9D9D9), 2: FillColor(rgb: 0xC0C0C0), 3: FillColor(rgb: 0xD9D9D9)])
        #expect(s.hiddenRows == [3])
        #expect(s.hiddenColumns == [1, 2])
    }

    @Test func zip64Workbook() throws {
        var b = WorkbookBuilder()
        b.sheets = [("S", nil, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>zip64</t></is></c></row>", "")]
        #expect(try WorkbookReader.read(b.build(zip64: true)).table.rows[0].fields == ["zip64"])
    }

    @Test func damagedParts() throws {
        #expect(throws: WorkbookError.self) { try Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>") }
        #expect(throws: WorkbookError.self) { try Self.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>") }
        #expect(throws: WorkbookError.self) { try Self.sheet("<row r=\"2\"/><row r=\"1\"/>") }
        var zip = ZipBuilder()
        zip.add("hello.txt", "not a workbook")
        #expect(throws: WorkbookError.missingPart("xl/workbook.xml")) { try WorkbookReader.read(zip.build()) }
    }
}

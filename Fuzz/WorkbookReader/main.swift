// libFuzzer target for the .xlsx path: ZIP directory, inflate, XML, workbook parts and the normalizer behind them.
// The first byte picks the layer, so mutations of small XML or DEFLATE inputs reach deep code without having to
// build a valid archive around them; the corpus seeds each mode with real parts of the fixture workbooks.

/// One input: never crashes, whatever the bytes (errors are the expected outcome for most of them).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbookReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let mode = data[0] % 6
    let rest = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch mode {
    case 0:
        // A whole workbook through the pipeline `ledger inspect` uses.
        _ = try? SnapshotReader(options: .init(statusFromFill: [FillStatusRule(color: .grey, status: .expired)]))
            .read(bytes: rest, name: "fuzz.xlsx")
    case 1:
        // The ZIP layer alone: every entry read.
        if let zip = try? ZipArchive(bytes: rest) {
            for entry in zip.entries { _ = try? zip.contents(of: entry) }
        }
    case 2:
        _ = try? Inflate.decompress(rest, limit: 1 << 22)
    case 3:
        if var reader = try? XMLReader(rest) {
            while let event = try? reader.next() { _ = event }
        }
    case 4:
        // A worksheet part with shared strings and date/fill styles in play.
        let styles = (try? WorkbookStyles(xml: Array(FuzzParts.styles.utf8), theme: ColorPalette.defaultTheme)) ?? WorkbookStyles()
        let parser = WorksheetParser(sharedStrings: ["Partner", "Country", "Signed"], styles: styles, date1904: rest.count % 2 == 0)
        if let sheet = try? parser.parse(rest, name: "sheet.xml") {
            _ = try? WorkbookSnapshot.normalize(sheet, mapping: nil, statusFromFill: [FillStatusRule(color: .grey, status: .expired)])
        }
    default:
        // Styles, theme and shared-string parts.
        _ = try? WorkbookStyles(xml: rest, theme: ColorPalette.defaultTheme)
        _ = try? ColorPalette.theme(from: rest)
        _ = try? SharedStrings.read(rest)
    }
    return 0
}

/// A styles part with a date format and fills, so worksheet inputs exercise both.
enum FuzzParts {
    static let styles = """
        <styleSheet><numFmts><numFmt numFmtId="164" formatCode="DD.MM.YYYY"/></numFmts>
        <fills><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/></patternFill></fill></fills>
        <cellXfs><xf numFmtId="0" fillId="0"/><xf numFmtId="14" fillId="0"/><xf numFmtId="164" fillId="2"/></cellXfs>
        </styleSheet>
        """
}

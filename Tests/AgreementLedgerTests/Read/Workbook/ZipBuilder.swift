@testable import AgreementLedger

/// Builds small ZIP archives of stored entries in memory, optionally in ZIP64 form, so tests can make exact
/// archives (and workbooks) without files or tools.
struct ZipBuilder {
    var entries: [(name: String, data: [UInt8])] = []

    mutating func add(_ name: String, _ text: String) {
        entries.append((name, Array(text.utf8)))
    }

    /// The archive; `zip64` saturates the 32-bit sizes and offsets and writes the ZIP64 extra fields,
    /// end record and locator, as a writer must for entries beyond 4 GiB.
    func build(zip64: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for e in entries {
            let offset = out.count
            let crc = CRC32.checksum(e.data)
            let name = Array(e.name.utf8)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
                + le32(UInt32(e.data.count)) + le32(UInt32(e.data.count)) + le16(name.count) + le16(0) + name + e.data
            let extra: [UInt8] = zip64 ? le16(1) + le16(24) + le64(e.data.count) + le64(e.data.count) + le64(offset) : []
            let size32: UInt32 = zip64 ? 0xFFFF_FFFF : UInt32(e.data.count)
            central += le32(0x0201_4B50) + le16(45) + le16(zip64 ? 45 : 20) + le16(0) + le16(0) + le16(0) + le16(0)
                + le32(crc) + le32(size32) + le32(size32) + le16(name.count) + le16(extra.count) + le16(0)
                + le16(0) + le16(0) + le32(0) + le32(zip64 ? 0xFFFF_FFFF : UInt32(offset)) + name + extra
        }
        let directoryOffset = out.count
        out += central
        if zip64 {
            let record = out.count
            out += le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
                + le64(entries.count) + le64(entries.count) + le64(central.count) + le64(directoryOffset)
            out += le32(0x0706_4B50) + le32(0) + le64(record) + le32(1)
            out += le32(0x0605_4B50) + le16(0xFFFF) + le16(0xFFFF) + le16(0xFFFF) + le16(0xFFFF)
                + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
        } else {
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
                + le32(UInt32(central.count)) + le32(UInt32(directoryOffset)) + le16(0)
        }
        return out
    }

    private func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    private func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(v >> (8 * $0) & 0xFF) } }
    private func le64(_ v: Int) -> [UInt8] { (0..<8).map { UInt8(UInt64(v) >> (8 * UInt64($0)) & 0xFF) } }
}

/// A minimal .xlsx package around one or more sheet XML bodies, for testing cell types and formatting.
struct WorkbookBuilder {
    var sheets: [(name: String, state: String?, rows: String, extra: String)] = []
    var sharedStrings: [String] = []
    var styles: String?
    var date1904 = false

    func build(zip64: Bool = false) -> [UInt8] {
        var zip = ZipBuilder()
        zip.add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        zip.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>
            """)
        let sheetList = sheets.enumerated().map { i, s in
            "<sheet name=\"\(s.name)\" sheetId=\"\(i + 1)\"\(s.state.map { " state=\"\($0)\"" } ?? "") r:id=\"rId\(i + 1)\"/>"
        }.joined()
        zip.add("xl/workbook.xml", """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheetList)</sheets></workbook>
            """)
        var rels = sheets.indices.map { i in
            "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        rels.append("<Relationship Id=\"rS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>")
        if styles != nil {
            rels.append("<Relationship Id=\"rY\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
        }
        zip.add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels.joined())</Relationships>")
        zip.add("xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + sharedStrings.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t>\($0)</t></si>" }.joined() + "</sst>")
        if let styles { zip.add("xl/styles.xml", styles) }
        for (i, s) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(i + 1).xml", """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(s.rows)</sheetData>\(s.extra)</worksheet>
                """)
        }
        return zip.build(zip64: zip64)
    }
}

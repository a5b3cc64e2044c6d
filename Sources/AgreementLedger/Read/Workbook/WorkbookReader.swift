/// Opens an .xlsx workbook (an OPC package of SpreadsheetML parts) and reads one worksheet as text rows:
/// the relationships lead from the package to the workbook, its sheets, shared strings, styles and theme.
public enum WorkbookReader {
    /// One sheet listed in `workbook.xml`.
    public struct SheetInfo: Hashable, Sendable {
        public var name: String
        /// "visible", "hidden" or "veryHidden".
        public var state: String
        /// The part holding the sheet, nil when the relationship is missing or is not a worksheet (a chart sheet).
        public var part: String?
    }

    /// Reads the sheet chosen by `sheet` (a name, or a 1-based number among all sheets), by default the first
    /// visible worksheet.
    public static func read(_ bytes: [UInt8], sheet: String? = nil) throws(WorkbookError) -> WorkbookSheet {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch { throw .archive(error) }
        let workbookPart = try officeDocument(archive)
        let relations = try relationships(of: workbookPart, in: archive)
        let (sheets, date1904) = try workbookSheets(workbookPart, relations: relations, archive: archive)
        let chosen = try choose(sheet, among: sheets)
        guard let part = chosen.part else {
            throw .corrupt("sheet \"\(chosen.name)\" is not a worksheet (a chart sheet?)")
        }

        var theme = ColorPalette.defaultTheme
        if let themePart = relations.first(where: { $0.type.hasSuffix("/theme") })?.target,
           let data = try optionalPart(themePart, archive) {
            do { theme = try ColorPalette.theme(from: data) } catch { throw .xml(part: themePart, error) }
        }
        var styles = WorkbookStyles()
        if let stylesPart = relations.first(where: { $0.type.hasSuffix("/styles") })?.target,
           let data = try optionalPart(stylesPart, archive) {
            do { styles = try WorkbookStyles(xml: data, theme: theme) } catch { throw .xml(part: stylesPart, error) }
        }
        var strings: [String] = []
        if let stringsPart = relations.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target,
           let data = try optionalPart(stringsPart, archive) {
            do { strings = try SharedStrings.read(data) } catch { throw .xml(part: stringsPart, error) }
        }
        guard let data = try optionalPart(part, archive) else { throw .missingPart(part) }
        let parser = WorksheetParser(sharedStrings: strings, styles: styles, date1904: date1904)
        var result = try parser.parse(data, name: part)
        result.name = chosen.name
        result.sheetNames = sheets.map(\.name)
        return result
    }

    /// The sheets of a workbook, in order, for listing or choosing.
    public static func sheets(_ bytes: [UInt8]) throws(WorkbookError) -> [SheetInfo] {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch { throw .archive(error) }
        let workbookPart = try officeDocument(archive)
        return try workbookSheets(workbookPart, relations: try relationships(of: workbookPart, in: archive),
                                  archive: archive).sheets
    }

    // MARK: - Package

    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    static func optionalPart(_ name: String, _ archive: ZipArchive) throws(WorkbookError) -> [UInt8]? {
        guard let entry = archive.entry(named: name) else { return nil }
        do { return try archive.contents(of: entry) } catch { throw .archive(error) }
    }

    /// The workbook part named by the package relationships, usually "xl/workbook.xml".
    static func officeDocument(_ archive: ZipArchive) throws(WorkbookError) -> String {
        let rels = try relationships(of: "", in: archive)
        if let main = rels.first(where: { $0.type.hasSuffix("/officeDocument") }) { return main.target }
        if archive.entry(named: "xl/workbook.xml") != nil { return "xl/workbook.xml" }
        throw .missingPart("xl/workbook.xml")
    }

    /// The relationships of `part` ("" for the package), targets resolved to archive paths.
    static func relationships(of part: String, in archive: ZipArchive) throws(WorkbookError) -> [Relationship] {
        let directory = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (directory.isEmpty ? "" : directory + "/") + "_rels/" + file + ".rels"
        guard let data = try optionalPart(relsPath, archive) else { return [] }
        var result: [Relationship] = []
        do {
            var reader = try XMLReader(data)
            while let event = try reader.next() {
                guard case .start("Relationship", let a) = event, a["TargetMode"] != "External",
                      let id = a["Id"], let target = a["Target"] else { continue }
                result.append(Relationship(id: id, type: a["Type"] ?? "", target: resolve(target, from: directory)))
            }
        } catch {
            throw .xml(part: relsPath, error)
        }
        return result
    }

    /// A relationship target as an archive path: absolute ("/xl/…") or relative to the source part's folder.
    static func resolve(_ target: String, from directory: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    static func workbookSheets(_ part: String, relations: [Relationship],
                               archive: ZipArchive) throws(WorkbookError) -> (sheets: [SheetInfo], date1904: Bool) {
        guard let data = try optionalPart(part, archive) else { throw .missingPart(part) }
        var sheets: [SheetInfo] = []
        var date1904 = false
        do {
            var reader = try XMLReader(data)
            while let event = try reader.next() {
                guard case .start(let name, let a) = event else { continue }
                if name == "workbookPr" { date1904 = a["date1904"] == "1" || a["date1904"] == "true" }
                if name == "sheet" {
                    let relation = relations.first { $0.id == a["id"] }
                    let isWorksheet = relation?.type.hasSuffix("/worksheet") ?? false
                    sheets.append(SheetInfo(name: a["name"] ?? "Sheet\(sheets.count + 1)", state: a["state"] ?? "visible",
                                            part: isWorksheet ? relation?.target : nil))
                }
            }
        } catch {
            throw .xml(part: part, error)
        }
        return (sheets, date1904)
    }

    /// The sheet `wanted` names: an exact name, else a 1-based number, else a name ignoring case.
    static func choose(_ wanted: String?, among sheets: [SheetInfo]) throws(WorkbookError) -> SheetInfo {
        guard let wanted else {
            guard let first = sheets.first(where: { $0.state == "visible" && $0.part != nil }) else {
                throw .noVisibleSheet
            }
            return first
        }
        if let s = sheets.first(where: { $0.name == wanted }) { return s }
        if let n = Int(wanted), n >= 1, n <= sheets.count { return sheets[n - 1] }
        if let s = sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) { return s }
        throw .noSuchSheet(wanted, available: sheets.map(\.name))
    }
}

import Foundation

/// Reads one worksheet part into text rows: each cell's value as the user sees it where it matters to the
/// normalizer (dates as yyyy-mm-dd, whole numbers without ".0", booleans as TRUE/FALSE, formulas by their
/// cached result), plus row fills, hidden rows and columns and merged ranges.
///
/// Merges: a range spanning several rows repeats its value down every row it spans (a country merged over
/// three partners belongs to each); across columns the value stays in its first column, because a title
/// merged over the width of the table is one cell, not one per column.
struct WorksheetParser {
    var sharedStrings: [String]
    var styles: WorkbookStyles
    var date1904: Bool

    struct Cell {
        var column: Int
        var value: String
        var style: Int
    }

    func parse(_ xml: [UInt8], name: String) throws(WorkbookError) -> WorkbookSheet {
        var rows: [(row: Int, cells: [Cell], style: Int?)] = []
        var hiddenRows: Set<Int> = []
        var hiddenColumns: Set<Int> = []
        var merges: [CellRange] = []

        var rowNumber = 0, rowStyle: Int?
        var cells: [Cell] = []
        var column = -1, cellType = "n", cellStyle = 0
        var value = "", inline = ""
        var capture = 0  // 1: <v>, 2: <t> of an inline string
        var phonetic = 0
        var inCell = false
        var reader: XMLReader
        do { reader = try XMLReader(xml) } catch { throw .xml(part: name, error) }
        do {
            while let event = try reader.next() {
                switch event {
                case .start(let tag, let a):
                    switch tag {
                    case "row":
                        rowNumber = a["r"].flatMap(Int.init) ?? rowNumber + 1
                        guard rowNumber >= 1, rowNumber <= 1_048_576 else { throw WorkbookError.corrupt("row number \(rowNumber) in \(name)") }
                        if let last = rows.last, rowNumber <= last.row {
                            throw WorkbookError.corrupt("row \(rowNumber) after row \(last.row) in \(name)")
                        }
                        if a["hidden"] == "1" || a["hidden"] == "true" { hiddenRows.insert(rowNumber) }
                        rowStyle = a["customFormat"] == "1" || a["customFormat"] == "true" ? a["s"].flatMap(Int.init) : nil
                        cells = []
                        column = -1
                    case "c":
                        inCell = true
                        if let r = a["r"] {
                            guard let ref = CellReference(r) else { throw WorkbookError.corrupt("cell reference \"\(r)\" in \(name)") }
                            column = ref.column
                        } else {
                            column += 1
                        }
                        cellType = a["t"] ?? "n"
                        cellStyle = a["s"].flatMap(Int.init) ?? 0
                        value = ""
                        inline = ""
                    case "v" where inCell: capture = 1
                    case "t" where inCell && phonetic == 0: capture = 2
                    case "rPh": phonetic += 1
                    case "col":
                        if a["hidden"] == "1" || a["hidden"] == "true",
                           let lo = a["min"].flatMap(Int.init), let hi = a["max"].flatMap(Int.init), lo >= 1, lo <= hi {
                            for c in lo...min(hi, lo + 16_384) { hiddenColumns.insert(c - 1) }
                        }
                    case "mergeCell":
                        if let ref = a["ref"], let range = CellRange(ref) { merges.append(range) }
                    default: break
                    }
                case .end(let tag):
                    switch tag {
                    case "v", "t": capture = 0
                    case "rPh": phonetic -= 1
                    case "c":
                        inCell = false
                        let text = try cellText(type: cellType, value: value, inline: inline, style: cellStyle,
                                                at: CellReference(row: max(rowNumber, 1), column: column), part: name)
                        if !text.isEmpty { cells.append(Cell(column: column, value: text, style: cellStyle)) }
                    case "row":
                        rows.append((rowNumber, cells, rowStyle))
                    default: break
                    }
                case .text(let t):
                    if capture == 1 { value += t } else if capture == 2 { inline += t }
                }
            }
        } catch let e as XMLError {
            throw .xml(part: name, e)
        } catch let e as WorkbookError {
            throw e
        } catch {
            throw .corrupt("\(error)")
        }
        return assemble(name: name, rows: rows, hiddenRows: hiddenRows, hiddenColumns: hiddenColumns, merges: merges)
    }

    /// The text of one cell by its type (ECMA-376 §18.18.11).
    func cellText(type: String, value: String, inline: String, style: Int, at ref: CellReference,
                  part: String) throws(WorkbookError) -> String {
        switch type {
        case "s":
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), i >= 0, i < sharedStrings.count else {
                throw .corrupt("cell \(ref) refers to shared string \"\(value)\" of \(sharedStrings.count)")
            }
            return sharedStrings[i]
        case "inlineStr": return inline
        case "str", "e": return value
        case "b": return value == "1" || value == "true" ? "TRUE" : "FALSE"
        case "d":
            // An ISO 8601 date-time; the date part is what the normalizer reads.
            return value.firstIndex(of: "T").map { String(value[..<$0]) } ?? value
        default:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return "" }
            guard let number = Double(trimmed) else { return trimmed }
            if style >= 0, style < styles.isDate.count, styles.isDate[style],
               let iso = ExcelDate.isoDate(serial: number, date1904: date1904) {
                return iso
            }
            return WorksheetParser.numberText(trimmed, number)
        }
    }

    /// A number as Excel's General format would show it: whole numbers without a decimal point, others with
    /// at most 15 significant digits (so 0.1 + 0.2 shows as 0.3).
    static func numberText(_ raw: String, _ number: Double) -> String {
        if raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 || $0 == 45 }) { return raw }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(format: "%.15g", number)
    }

    func assemble(name: String, rows: [(row: Int, cells: [Cell], style: Int?)], hiddenRows: Set<Int>,
                  hiddenColumns: Set<Int>, merges: [CellRange]) -> WorkbookSheet {
        var values: [Int: [Int: String]] = [:]
        var fills: [Int: FillColor] = [:]
        for r in rows {
            var byColumn: [Int: String] = [:]
            var votes: [FillColor: Int] = [:]
            for c in r.cells {
                byColumn[c.column] = c.value
                if c.style >= 0, c.style < styles.fill.count, let f = styles.fill[c.style] { votes[f, default: 0] += 1 }
            }
            if let best = votes.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.rgb > $1.key.rgb) }),
               best.value * 2 >= r.cells.count {
                fills[r.row] = best.key
            } else if let s = r.style, s >= 0, s < styles.fill.count, let f = styles.fill[s] {
                fills[r.row] = f
            }
            if !byColumn.isEmpty { values[r.row] = byColumn }
        }
        // A merge reaching past the last row with data adds nothing; the budget keeps a hostile file small.
        let lastDataRow = values.keys.max() ?? 0
        var budget = 1_000_000
        for m in merges where m.last.row > m.first.row && m.first.row < lastDataRow {
            guard let v = values[m.first.row]?[m.first.column] else { continue }
            for row in (m.first.row + 1)...min(m.last.row, lastDataRow) where budget > 0 {
                values[row, default: [:]][m.first.column] = v
                budget -= 1
            }
        }
        let lastRow = values.keys.max() ?? 0
        let widest = values.values.map { ($0.keys.max() ?? 0) + 1 }.max() ?? 0
        // Rows are padded to the widest row like a text export, unless that is absurdly wide.
        let padTo = widest <= 1024 ? widest : 0
        var textRows: [TextRow] = []
        textRows.reserveCapacity(lastRow)
        let blank = [""]
        for row in stride(from: 1, through: lastRow, by: 1) {
            guard let cells = values[row] else {
                textRows.append(TextRow(line: row, fields: blank))
                continue
            }
            var fields = [String](repeating: "", count: max(padTo, (cells.keys.max() ?? 0) + 1))
            for (c, v) in cells { fields[c] = v }
            textRows.append(TextRow(line: row, fields: fields))
        }
        return WorkbookSheet(name: name, table: DelimitedText(delimiter: .tab, encoding: .utf8, rows: textRows),
                             rowFills: fills, hiddenRows: hiddenRows, hiddenColumns: hiddenColumns, merges: merges)
    }
}

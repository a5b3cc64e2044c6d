/// Puts a read worksheet through the same normalizer as text exports, then adds what only a workbook knows:
/// cell references on warnings (`Sheet1!C17`), hidden rows and columns, and statuses from fill colours.
public enum WorkbookSnapshot {
    /// The snapshot of `sheet`; throws only when the normalizer finds the sheet unusable.
    public static func normalize(_ sheet: WorkbookSheet, mapping: MappingFile?,
                                 statusFromFill rules: [FillStatusRule] = []) throws(SnapshotIssue) -> Snapshot {
        var snapshot = try SnapshotNormalizer().normalize(sheet.table, mapping: mapping)
        snapshot.format = "xlsx"
        snapshot.sheet = sheet.name
        let rows = sheet.table.rows
        func fields(_ row: Int) -> [String] { row >= 1 && row <= rows.count ? rows[row - 1].fields : [] }
        func rowReference(_ row: Int) -> String { CellReference.sheetPrefix(sheet.name) + "!row \(row)" }

        var warnings = snapshot.warnings.map { w -> RowWarning in
            guard w.row > 0 else { return w }
            var located = w
            located.reference = locate(w.message, in: fields(w.row)).map { sheet.reference(row: w.row, column: $0) }
                ?? rowReference(w.row)
            return located
        }
        for row in sheet.hiddenRows.sorted() where fields(row).contains(where: { !$0.isEmpty }) {
            warnings.append(RowWarning(row: row, message: "the row is hidden in the workbook; read anyway",
                                       reference: rowReference(row)))
        }
        let header = snapshot.layout
        for column in sheet.hiddenColumns.sorted() where column < header.roles.count {
            let name = column < header.headers.count ? header.headers[column] : ""
            warnings.append(RowWarning(row: header.headerLine, message:
                "column \(CellReference.letters(column))\(name.isEmpty ? "" : " (\"\(name)\")") is hidden in the workbook; read anyway",
                reference: sheet.reference(row: header.headerLine, column: column)))
        }
        if !rules.isEmpty {
            var applied: [FillStatusRule: Int] = [:]
            for i in snapshot.records.indices {
                let row = snapshot.records[i].row
                guard let fill = sheet.rowFills[row], let rule = rules.first(where: { $0.matches(fill) }) else { continue }
                if let stated = snapshot.records[i].status {
                    if stated != rule.status {
                        warnings.append(RowWarning(row: row, message:
                            "the row's fill \(fill) means \(rule.status.rawValue) (--status-from-fill \(rule)), but the list states \(stated.rawValue); the stated status wins",
                            reference: rowReference(row)))
                    }
                    continue
                }
                snapshot.records[i].status = rule.status
                applied[rule, default: 0] += 1
            }
            for rule in rules where applied[rule] != nil {
                warnings.append(RowWarning(row: 0, message:
                    "\(applied[rule]!) record\(applied[rule]! == 1 ? "" : "s") read as \(rule.status.rawValue) from their rows' fill (--status-from-fill \(rule))"))
            }
        }
        // Stable: the normalizer's order within a row is kept.
        snapshot.warnings = warnings.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }
            .map(\.element)
        return snapshot
    }

    /// The column a warning is about, when the first quoted text in its message is exactly one cell of the row.
    static func locate(_ message: String, in fields: [String]) -> Int? {
        guard let open = message.firstIndex(of: "\"") else { return nil }
        let rest = message[message.index(after: open)...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        let quoted = String(rest[..<close])
        guard !quoted.isEmpty else { return nil }
        let hits = fields.indices.filter { TextCleaning.collapse(fields[$0]) == quoted }
        return hits.count == 1 ? hits[0] : nil
    }
}

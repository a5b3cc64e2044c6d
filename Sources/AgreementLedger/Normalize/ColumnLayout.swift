/// Where the header is and what each column holds: the bridge from a raw table to RECORD fields.
public struct ColumnLayout: Hashable, Sendable {
    /// Index into the table's rows of the header row.
    public var headerIndex: Int
    /// 1-based line of the header.
    public var headerLine: Int
    /// The header cells, whitespace collapsed.
    public var headers: [String]
    /// The role of each column (`extra` for columns no vocabulary or mapping names).
    public var roles: [ColumnRole]
    /// The language whose header words matched most, e.g. "en", "bs", "pl"; nil when unknown.
    public var language: String?

    /// The column holding `role`, if any.
    public func column(_ role: ColumnRole) -> Int? {
        roles.firstIndex(of: role)
    }

    /// The columns holding dates, whose day/month order the whole file decides.
    var dateColumns: [Int] {
        [ColumnRole.signed, .validUntil, .signedAndTerm].compactMap { column($0) }
    }

    /// The columns whose cells go in `extra`, with their keys, in the order of the keys: each row's extra cells
    /// come out sorted without a sort per row.
    func extraColumns() -> ExtraColumns {
        var seen: [String: Int] = [:]
        var columns: [(column: Int, key: String)] = []
        for (c, role) in roles.enumerated() {
            let header = c < headers.count ? headers[c] : ""
            let earlier = seen[header, default: 0]
            seen[header] = earlier + 1
            guard role == .extra || role == .ordinal else { continue }
            columns.append((c, ColumnLayout.key(header: header, column: c, earlier: earlier)))
        }
        // Equal keys (a header "X (2)" next to two "X") stay in column order: the last one wins, as it always has.
        return ExtraColumns(columns.sorted { $0.key == $1.key ? $0.column < $1.column : ExtraCells.precedes($0.key, $1.key) })
    }

    /// The key under which an unmapped column's value goes in `extra`.
    public func extraKey(_ column: Int) -> String {
        let header = column < headers.count ? headers[column] : ""
        return ColumnLayout.key(header: header, column: column, earlier: headers.prefix(column).filter { $0 == header }.count)
    }

    /// A column's key: its header, numbered when `earlier` columns have the same header.
    private static func key(header: String, column: Int, earlier: Int) -> String {
        let base = header.isEmpty ? "column \(column + 1)" : header
        return earlier == 0 ? base : "\(base) (\(earlier + 1))"
    }
}

/// A file's unmapped columns in the order of their keys, worked out once per file: with no key twice (the usual
/// case), a row's extra cells are built in that order with no check per row, and a row that fills every one of
/// them shares the file's array of keys.
struct ExtraColumns: Sendable {
    let columns: [(column: Int, key: String)]
    /// Every key, in order.
    let keys: [String]
    /// True when no key is there twice: the keys are then strictly increasing.
    let keysUnique: Bool

    init(_ columns: [(column: Int, key: String)]) {
        self.columns = columns
        keys = columns.map(\.key)
        keysUnique = zip(keys, keys.dropFirst()).allSatisfy { ExtraCells.precedes($0, $1) }
    }

    /// The row's unmapped cells that are not empty.
    func cells(of row: [String]) -> ExtraCells {
        guard keysUnique else {
            var cells: [ExtraCells.Cell] = []
            cells.reserveCapacity(columns.count)
            for (c, key) in columns where c < row.count && !row[c].isEmpty {
                cells.append(ExtraCells.Cell(header: key, value: row[c]))
            }
            return ExtraCells(cells)
        }
        var values: [String] = []
        values.reserveCapacity(columns.count)
        for (c, _) in columns where c < row.count && !row[c].isEmpty { values.append(row[c]) }
        if values.count == columns.count { return ExtraCells(sortedUniqueHeaders: keys, values: values) }
        let headers = columns.lazy.filter { $0.column < row.count && !row[$0.column].isEmpty }.map(\.key)
        return ExtraCells(sortedUniqueHeaders: Array(headers), values: values)
    }
}

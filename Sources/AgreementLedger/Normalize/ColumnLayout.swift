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
    func extraColumns() -> [(column: Int, key: String)] {
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
        return columns.sorted { $0.key == $1.key ? $0.column < $1.column : ExtraCells.precedes($0.key, $1.key) }
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

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

    /// The key under which an unmapped column's value goes in `extra`.
    public func extraKey(_ column: Int) -> String {
        let header = column < headers.count ? headers[column] : ""
        let base = header.isEmpty ? "column \(column + 1)" : header
        let earlier = headers.prefix(column).filter { $0 == header }.count
        return earlier == 0 ? base : "\(base) (\(earlier + 1))"
    }
}

/// One worksheet read as a table of text cells plus what only a workbook knows (fills, hidden rows and
/// columns, merges), so it joins the text pipeline and later layers may still use the formatting.
public struct WorkbookSheet: Sendable {
    /// The sheet's name, for references such as `Sheet1!C17`.
    public var name: String
    /// Every sheet row from 1 to the last with a value, empty rows as `[""]`; `TextRow.line` is the sheet row.
    /// Non-empty rows are padded to the widest row, as a tab-separated export would be.
    public var table: DelimitedText
    /// The fill colour of each filled row (the fill of at least half of its cells with values, else the row's
    /// own style), by sheet row.
    public var rowFills: [Int: FillColor]
    /// Sheet rows marked hidden.
    public var hiddenRows: Set<Int>
    /// 0-based columns marked hidden.
    public var hiddenColumns: Set<Int>
    /// The merged ranges; a value applies to every row its range spans (see `WorksheetParser`).
    public var merges: [CellRange]
    /// All sheet names in workbook order, so a caller can say which one was read.
    public var sheetNames: [String]

    /// Lets tests build a sheet without a workbook.
    public init(name: String, table: DelimitedText, rowFills: [Int: FillColor] = [:], hiddenRows: Set<Int> = [],
                hiddenColumns: Set<Int> = [], merges: [CellRange] = [], sheetNames: [String] = []) {
        self.name = name
        self.table = table
        self.rowFills = rowFills
        self.hiddenRows = hiddenRows
        self.hiddenColumns = hiddenColumns
        self.merges = merges
        self.sheetNames = sheetNames
    }

    /// `Sheet1!C17`, quoting the sheet name when needed.
    public func reference(row: Int, column: Int) -> String {
        CellReference.sheetPrefix(name) + "!" + CellReference(row: row, column: column).description
    }
}

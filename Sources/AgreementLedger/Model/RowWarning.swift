/// A located problem in the input: a messy row is a value the user sees, not an exception.
public struct RowWarning: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line (or sheet row) the warning is about; 0 for the file as a whole.
    public var row: Int
    public var message: String
    /// Where a workbook warning points, e.g. `Sheet1!C17` or `Sheet1!row 17`; nil for text files.
    public var reference: String?

    public init(row: Int, message: String, reference: String? = nil) {
        self.row = row
        self.message = message
        self.reference = reference
    }

    public var description: String {
        if let reference { return "\(reference): \(message)" }
        return row > 0 ? "row \(row): \(message)" : message
    }
}

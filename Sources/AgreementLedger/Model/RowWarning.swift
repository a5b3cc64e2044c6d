/// A located problem in the input: a messy row is a value the user sees, not an exception.
public struct RowWarning: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line (or sheet row) the warning is about; 0 for the file as a whole.
    public var row: Int
    public var message: String

    public init(row: Int, message: String) {
        self.row = row
        self.message = message
    }

    public var description: String { row > 0 ? "row \(row): \(message)" : message }
}

/// A fault that makes a whole snapshot unreadable, located at a line when one is to blame.
public struct SnapshotIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}

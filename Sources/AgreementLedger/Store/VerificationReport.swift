/// The outcome of `ledger verify`: a value rather than an error, because a faulty log is the expected
/// finding of an audit, not a failure of the audit.
public struct VerificationReport: Hashable, Sendable, CustomStringConvertible {
    /// Whether the log is intact: every check passed and it ends with a complete batch.
    public var ok: Bool
    /// Lines in the file, a partial last line counted.
    public var lineCount: Int
    /// Events verified (up to the first fault).
    public var eventCount: Int
    /// `imported` events verified (up to the first fault).
    public var importCount: Int
    /// 1-based line of the first fault.
    public var firstBadLine: Int?
    /// The first fault in words (the line's number is in `firstBadLine`).
    public var problem: String?

    /// A report as `verify` builds it; public so callers and tests can compare whole reports.
    public init(ok: Bool, lineCount: Int, eventCount: Int, importCount: Int, firstBadLine: Int? = nil,
                problem: String? = nil) {
        self.ok = ok
        self.lineCount = lineCount
        self.eventCount = eventCount
        self.importCount = importCount
        self.firstBadLine = firstBadLine
        self.problem = problem
    }

    /// One line for the terminal.
    public var description: String {
        if ok { return "ok: \(eventCount) events in \(importCount) imports, \(lineCount) lines" }
        return "line \(firstBadLine.map(String.init) ?? "?"): \(problem ?? "fault")"
    }
}

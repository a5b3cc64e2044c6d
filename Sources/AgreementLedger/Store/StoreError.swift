/// Why the store refused or failed: every case prints as one line naming the log and, where there is one,
/// the line at fault, because the user must be able to find and judge the fault themselves.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The store directory does not exist and was not to be created.
    case missingStore(directory: String)
    /// A file operation failed (`operation` says which, `reason` is the system's message).
    case io(path: String, operation: String, reason: String)
    /// A line of the log is faulty (reading).
    case badLine(log: String, line: Int, problem: String)
    /// A line of the log is faulty, so nothing was appended.
    case writeRefused(log: String, line: Int, problem: String)
    /// The log holds a format this code does not know.
    case newerFormat(log: String, line: Int, version: Int)
    /// The batch handed to `transaction` breaks the batch rules.
    case invalidBatch(log: String, reason: String)
    /// The append itself failed; `rolledBack` tells whether the log was cut back to its previous length.
    case writeFailed(log: String, reason: String, rolledBack: Bool)

    /// The one-line message the CLI prints.
    public var description: String {
        switch self {
        case .missingStore(let directory):
            return "\(directory): no ledger store here (the directory does not exist)"
        case .io(let path, let operation, let reason):
            return "\(path): cannot \(operation): \(reason)"
        case .badLine(let log, let line, let problem):
            return "\(log) line \(line): \(problem)"
        case .writeRefused(let log, let line, let problem):
            return "\(log) line \(line): \(problem); nothing was written: run `ledger verify` to see the fault; "
                + "the log is never repaired automatically"
        case .newerFormat(let log, let line, let version):
            return "\(log) line \(line): the log was written by a newer ledger (format \(version)); "
                + "this ledger reads format \(LedgerEvent.currentFormatVersion) and older"
        case .invalidBatch(let log, let reason):
            return "\(log): batch refused, nothing was written: \(reason)"
        case .writeFailed(let log, let reason, let rolledBack):
            return rolledBack
                ? "\(log): the append failed (\(reason)); the log was cut back to its previous length, nothing was written"
                : "\(log): the append failed (\(reason)) and cutting the log back failed too: run `ledger verify`"
        }
    }
}

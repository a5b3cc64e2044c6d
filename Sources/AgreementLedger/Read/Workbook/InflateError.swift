/// Why a DEFLATE stream could not be decompressed; a damaged workbook is reported, never a crash.
public enum InflateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stream ends before its final block does.
    case truncated
    /// The bits break a rule of RFC 1951; the text says which.
    case corrupt(String)
    /// The output would exceed the size the archive declared.
    case tooLarge(limit: Int)

    /// One line for the user, after the entry's name.
    public var description: String {
        switch self {
        case .truncated: return "the compressed data ends too early"
        case .corrupt(let why): return "corrupt compressed data (\(why))"
        case .tooLarge(let limit): return "the compressed data expands beyond its declared size of \(limit) bytes"
        }
    }
}

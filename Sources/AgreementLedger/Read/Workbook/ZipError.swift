/// Why a ZIP archive (an .xlsx workbook) cannot be read; each case is one line the user can act on.
public enum ZipError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No end-of-central-directory record: the file was cut short or is not a ZIP archive.
    case noDirectory
    /// A structure lies (partly) outside the file: the archive is truncated or damaged.
    case truncated(what: String)
    /// A signature or field that cannot be right.
    case corrupt(what: String)
    /// A feature this reader does not handle (encryption, a compression method other than stored/deflate).
    case unsupported(what: String)
    /// An entry's data does not decompress.
    case inflate(entry: String, InflateError)
    /// An entry decompresses to other bytes than the archive recorded.
    case checksum(entry: String)

    /// One line for the user, after the file name.
    public var description: String {
        switch self {
        case .noDirectory:
            return "not a complete ZIP archive (no central directory found: the file is truncated or damaged)"
        case .truncated(let what): return "the ZIP archive is truncated or damaged: \(what) lies past the end of the file"
        case .corrupt(let what): return "the ZIP archive is damaged: \(what)"
        case .unsupported(let what): return "the ZIP archive uses \(what), which cannot be read"
        case .inflate(let entry, let error): return "entry \(entry): \(error.description)"
        case .checksum(let entry): return "entry \(entry): CRC-32 mismatch, the archive is damaged"
        }
    }
}

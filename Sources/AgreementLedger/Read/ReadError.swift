/// Why a file could not be read as text; each case tells the user what to do next in one line.
public enum ReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Zero bytes, or only a byte-order mark.
    case empty
    /// A known binary signature, e.g. "a PNG image" or "a ZIP archive (an .xlsx workbook?)".
    case notText(what: String)
    /// The byte at `offset` (from the start of the file) cannot be decoded in `encoding`.
    case undecodable(offset: Int, encoding: TextEncoding)
    /// NUL at every other byte and no byte-order mark: UTF-16 that cannot be told LE from BE safely.
    case utf16WithoutBOM
    /// A NUL byte (or a NUL UTF-16 character) at `offset`: text exports never contain one.
    case nulByte(offset: Int)
    /// A quoted field opened on `line` runs to the end of the file.
    case unclosedQuote(line: Int)
    /// Reading failed part-way; `reason` is the system's.
    case unreadable(reason: String)
    /// The file's size or time changed between two passes over it (an export still being written?).
    case changedWhileReading

    /// One line for the user; the caller puts the file name in front of it.
    public var description: String {
        switch self {
        case .empty:
            return "the file is empty: there is nothing to read"
        case .notText(let what):
            return "this is \(what), not delimited text; export the sheet as tab-separated text or CSV"
        case .undecodable(let offset, let encoding):
            switch encoding {
            case .utf8:
                return "invalid UTF-8 at byte offset \(offset); if the file is an older export, "
                    + "try --encoding windows-1250, windows-1252 or iso-8859-2"
            case .utf16LE, .utf16BE:
                return "invalid \(encoding.rawValue.uppercased()) at byte offset \(offset) "
                    + "(an unpaired surrogate or a truncated character)"
            case .windows1250, .windows1252, .iso88592:
                return "the byte at offset \(offset) is not a character in \(encoding.rawValue); "
                    + "try another --encoding (utf-8, windows-1250, windows-1252 or iso-8859-2)"
            }
        case .utf16WithoutBOM:
            return "looks like UTF-16 without a byte-order mark; re-export as UTF-8 or 'Unicode Text', "
                + "or pass --encoding utf-16le"
        case .nulByte(let offset):
            return "NUL byte at byte offset \(offset): this is not plain text (a binary file, or text in another encoding)"
        case .unclosedQuote(let line):
            return "line \(line): a quoted field opened here is never closed before the end of the file"
        case .unreadable(let reason):
            return "cannot be read: \(reason)"
        case .changedWhileReading:
            return "the file changed while it was being read (is it still being written?); import it again once it is complete"
        }
    }
}

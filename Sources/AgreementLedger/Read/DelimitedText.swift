/// A whole file as rows of fields, with how it was read, so later layers never look at bytes again.
public struct DelimitedText: Sendable {
    /// The separator used, detected or given; reported back to the user as the file's format.
    public var delimiter: Delimiter
    /// The encoding the bytes were decoded from, so a guess can be shown and questioned.
    public var encoding: TextEncoding
    /// Every row of the file, blank lines included as fields == [""], so line numbers stay truthful.
    public var rows: [TextRow]

    /// Lets tests and other layers build a text without going through the reader.
    public init(delimiter: Delimiter, encoding: TextEncoding, rows: [TextRow]) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.rows = rows
    }
}

/// One row of the file with the physical line it starts on, so every later warning can point at the source.
public struct TextRow: Hashable, Sendable {
    /// 1-based physical line where the row starts (blank lines and line breaks inside quotes counted).
    public var line: Int
    /// The fields exactly as written, quotes of a quoted field removed; a blank line is `[""]`.
    public var fields: [String]

    /// Lets tests and other layers build rows without going through the reader.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Reads a spreadsheet's text export into rows in one pass over the bytes, fast enough for files of hundreds
/// of megabytes: Strings are built only per field.
public enum DelimitedTextReader {
    /// Decodes, detects the delimiter unless given, and splits the whole file into rows (blank lines kept).
    public static func read(
        _ data: [UInt8], delimiter: Delimiter? = nil, encoding: TextEncoding? = nil
    ) throws(ReadError) -> DelimitedText {
        let text = try scan(data, delimiter: delimiter, encoding: encoding)
        let rows = try text.bytes.withUnsafeBufferPointer { buffer throws(ReadError) in
            try readRows(buffer, delimiter: text.delimiter)
        }
        return DelimitedText(delimiter: text.delimiter, encoding: text.encoding, rows: rows)
    }

    /// Decodes and detects the delimiter unless given, leaving the rows to be scanned batch by batch: how a
    /// big file is read without holding all its rows.
    public static func scan(
        _ data: [UInt8], delimiter: Delimiter? = nil, encoding: TextEncoding? = nil
    ) throws(ReadError) -> ScannedText {
        let (bytes, actualEncoding) = try TextDecoding.utf8Bytes(of: data, declared: encoding)
        return ScannedText(bytes: bytes, delimiter: delimiter ?? detectDelimiter(utf8: bytes), encoding: actualEncoding)
    }

    /// Every row of the buffer, each with the line it starts on.
    static func readRows(_ buffer: UnsafeBufferPointer<UInt8>, delimiter: Delimiter) throws(ReadError) -> [TextRow] {
        var scanner = RowScanner(bytes: buffer, delimiter: delimiter)
        var rows: [TextRow] = []
        while let row = try scanner.next() { rows.append(row) }
        return rows
    }
}

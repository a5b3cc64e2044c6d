/// Reads a spreadsheet's text export into rows in one pass over the bytes, fast enough for files of hundreds
/// of megabytes: Strings are built only per field.
public enum DelimitedTextReader {
    /// Decodes, detects the delimiter unless given, and splits the whole file into rows (blank lines kept).
    public static func read(
        _ data: [UInt8], delimiter: Delimiter? = nil, encoding: TextEncoding? = nil
    ) throws(ReadError) -> DelimitedText {
        let (bytes, actualEncoding) = try TextDecoding.utf8Bytes(of: data, declared: encoding)
        let chosen = delimiter ?? detectDelimiter(utf8: bytes)
        let rows = try bytes.withUnsafeBufferPointer { buffer throws(ReadError) in
            try readRows(buffer, delimiter: chosen)
        }
        return DelimitedText(delimiter: chosen, encoding: actualEncoding, rows: rows)
    }

    /// Every row of the buffer, each with the line it starts on.
    static func readRows(_ buffer: UnsafeBufferPointer<UInt8>, delimiter: Delimiter) throws(ReadError) -> [TextRow] {
        var scanner = FieldScanner(bytes: buffer, delimiter: delimiter)
        var rows: [TextRow] = []
        var width = 1
        while !scanner.atEnd {
            let line = scanner.line
            var fields: [String] = []
            fields.reserveCapacity(width)
            while true {
                let field = try scanner.nextField()
                fields.append(scanner.string(of: field))
                if field.ended != .delimiter { break }
            }
            width = max(width, fields.count)
            rows.append(TextRow(line: line, fields: fields))
        }
        return rows
    }
}

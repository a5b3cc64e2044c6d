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

    /// The fields of every blank row share this one array instead of allocating their own.
    private static let blankFields = [""]

    /// Every row of the buffer, each with the line it starts on.
    ///
    /// Memory, not scanning, dominates on large files, so each row's fields are gathered in a scratch buffer and
    /// moved into an array of exactly their count.
    static func readRows(_ buffer: UnsafeBufferPointer<UInt8>, delimiter: Delimiter) throws(ReadError) -> [TextRow] {
        var scanner = FieldScanner(bytes: buffer, delimiter: delimiter)
        var rows: [TextRow] = []
        var capacity = 64
        var scratch = UnsafeMutablePointer<String>.allocate(capacity: capacity)
        var count = 0
        defer {
            scratch.deinitialize(count: count)
            scratch.deallocate()
        }
        while !scanner.atEnd {
            let line = scanner.line
            var field = try scanner.nextField()
            if field.ended != .delimiter && field.start == field.end {
                rows.append(TextRow(line: line, fields: blankFields))
                continue
            }
            while true {
                if count == capacity {
                    let larger = UnsafeMutablePointer<String>.allocate(capacity: capacity * 2)
                    larger.moveInitialize(from: scratch, count: count)
                    scratch.deallocate()
                    scratch = larger
                    capacity *= 2
                }
                (scratch + count).initialize(to: scanner.string(of: field))
                count += 1
                if field.ended != .delimiter { break }
                field = try scanner.nextField()
            }
            let fields = [String](unsafeUninitializedCapacity: count) { target, initialized in
                target.baseAddress!.moveInitialize(from: scratch, count: count)
                initialized = count
            }
            count = 0
            rows.append(TextRow(line: line, fields: fields))
        }
        return rows
    }
}

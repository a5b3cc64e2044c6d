// libFuzzer entry for the delimited-text reader (Sources/AgreementLedger/Read).
// Compiled together with the folders listed in `sources`, so internal API is visible.
//
// The first byte chooses the options (forced delimiter, declared encoding); the rest is the file.
// Besides "no crash", it checks what every caller relies on: rows come in line order and every row
// has at least one field; and the file read a window at a time (StreamedText, windows of 1 to 64 bytes
// chosen by the first byte) gives exactly the rows, or the fault, of the file read whole.

@_cdecl("LLVMFuzzerTestOneInput")
public func delimitedTextFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let selector = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let delimiters: [Delimiter?] = [nil, .tab, .comma, .semicolon]
    let encodings: [TextEncoding?] = [nil] + TextEncoding.allCases.map { Optional($0) }
    let delimiter = delimiters[Int(selector & 3)]
    let encoding = encodings[Int(selector >> 2) % encodings.count]
    checkRead(bytes, delimiter: delimiter, encoding: encoding)
    checkStreamed(bytes, delimiter: delimiter, encoding: encoding, window: 1 + Int(selector) % 64)
    return 0
}

/// The streamed reading agrees with the whole one: same rows and lines, or the same fault.
func checkStreamed(_ bytes: [UInt8], delimiter: Delimiter?, encoding: TextEncoding?, window: Int) {
    let whole = Result { () throws(ReadError) in try DelimitedTextReader.read(bytes, delimiter: delimiter, encoding: encoding) }
    let source = BytesInMemory(contents: bytes)
    guard let opened = try? StreamedText.open(source, declared: encoding, delimiter: delimiter, windowSize: window) else {
        // Left to the whole-file reader: only text that is not plain UTF-8 is.
        if case .success(let table) = whole, encoding == nil || encoding == .utf8 {
            precondition(table.encoding != .utf8 || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]),
                         "plain UTF-8 text was not streamed")
        }
        return
    }
    var rows: [TextRow] = []
    let streamed = Result { () throws(ReadError) in
        try opened.text.forEachBatch(size: 7, keeping: nil) { batch in
            rows += batch
            return true
        }
    }
    switch (whole, streamed) {
    case (.success(let table), .success):
        precondition(rows == table.rows, "streamed rows differ from the whole file's")
        precondition(opened.text.delimiter == table.delimiter, "another delimiter detected")
    case (.failure(let a), .failure(let b)):
        precondition(a == b, "another fault: \(a) / \(b)")
    default:
        preconditionFailure("streamed and whole reading disagree on success: \(whole) / \(streamed)")
    }
}

/// Reads `bytes` and traps on a broken invariant; a ReadError is a fine answer.
func checkRead(_ bytes: [UInt8], delimiter: Delimiter?, encoding: TextEncoding?) {
    guard let table = try? DelimitedTextReader.read(bytes, delimiter: delimiter, encoding: encoding) else { return }
    var previousLine = 0
    for row in table.rows {
        precondition(row.line > previousLine, "rows out of line order")
        precondition(!row.fields.isEmpty, "a row without fields")
        previousLine = row.line
    }
}

// libFuzzer entry for the delimited-text reader (Sources/AgreementLedger/Read).
// Compiled together with the folders listed in `sources`, so internal API is visible.
//
// The first byte chooses the options (forced delimiter, declared encoding); the rest is the file.
// Besides "no crash", it checks what every caller relies on: rows come in line order and every row
// has at least one field.

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
    return 0
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

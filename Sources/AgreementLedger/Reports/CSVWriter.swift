/// CSV that opens cleanly in a spreadsheet: RFC 4180 quoting, CRLF line ends, an optional UTF-8 BOM for
/// Excel, and cells that a spreadsheet would run as a formula neutralized.
///
/// A partner list is typed by people and pasted from web pages; a cell such as `=HYPERLINK(...)` or
/// `@SUM(...)` must reach the auditor as text, not as a live formula (CSV/formula injection).
public enum CSVWriter {
    /// The UTF-8 byte order mark Excel needs to read UTF-8 (diacritics) rather than the local code page.
    public static let byteOrderMark = "\u{FEFF}"

    /// The first characters that make a spreadsheet read a cell as a formula (or, for tab and CR, that
    /// can smuggle one in).
    public static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// True when `s` would be read as a formula.
    public static func isFormulaLike(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        return formulaTriggers.contains(Character(first))
    }

    /// One field: a formula-like cell gets a leading apostrophe (shown as text, the apostrophe hidden by
    /// spreadsheets) and is quoted; a field with a comma, quote or line break is quoted with quotes doubled.
    public static func field(_ s: String) -> String {
        // The common cell: no formula trigger, nothing to quote.
        if s.utf8.allSatisfy({ $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "\"") && $0 != 0x0A && $0 != 0x0D })
            && !isFormulaLike(s) {
            return s
        }
        let formula = isFormulaLike(s)
        let text = formula ? "'" + s : s
        let needsQuotes = formula || text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        var out = "\""
        for c in text.unicodeScalars {
            if c == "\"" { out += "\"\"" } else { out.unicodeScalars.append(c) }
        }
        return out + "\""
    }

    /// A whole table: the header, then the rows, each line ended by CRLF; with `excel`, the BOM first.
    public static func render(header: [String], rows: [[String]], excel: Bool = false) -> String {
        var out = excel ? byteOrderMark : ""
        for row in [header] + rows {
            out += row.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The columns of `status --csv`: the contract's status entry, flattened.
    public static let statusColumns = ["agreement", "source", "state", "partner", "country", "countryCode", "city", "signed",
                                       "validUntil", "indefinite", "term", "status", "kind", "reference", "url"]

    /// `status --csv`: one row per agreement.
    public static func status(_ agreements: [AgreementState], excel: Bool = false) -> String {
        var out = ""
        writeStatus(agreements, excel: excel) { out += $0 }
        return out
    }

    /// `status --csv` handed to `write` in pieces of about a megabyte (the same text as `status`): a
    /// million agreements never become one string.
    public static func writeStatus(_ agreements: [AgreementState], excel: Bool = false, to write: @escaping (String) -> Void) {
        writeStatus(from: { body in agreements.forEach(body) }, excel: excel, to: write)
    }

    /// As above, the agreements handed over one at a time by `agreements` (streamed from the store).
    public static func writeStatus<E: Error>(from agreements: ((AgreementState) -> Void) throws(E) -> Void, excel: Bool = false,
                                             to write: @escaping (String) -> Void) throws(E) {
        var out = excel ? byteOrderMark : ""
        out += statusColumns.map(field).joined(separator: ",") + "\r\n"
        try agreements { a in
            out += statusRow(a)
            if out.utf8.count >= 1 << 20 {
                write(out)
                out = ""
            }
        }
        write(out)
    }

    /// One agreement's line of `status --csv`, its CRLF included.
    static func statusRow(_ a: AgreementState) -> String {
        let r = a.record
        return [a.id, a.source, a.state.rawValue, r.partner, r.country ?? "", r.countryCode ?? "", r.city ?? "",
                r.signed?.description ?? "", r.validUntil?.description ?? "", r.indefinite ? "true" : "false",
                r.term ?? "", r.status?.rawValue ?? "", r.kind ?? "", r.reference ?? "", r.url ?? ""].map(field).joined(separator: ",")
            + "\r\n"
    }

    /// The line `statusRow` gives for the agreement, appended from the state checkpoint's bytes (`status --csv`
    /// of a million agreements makes no strings).
    static func appendStatusRow<Out: ByteSink>(_ entry: CheckpointEntry, to out: inout Out) {
        // An entry whose strings are not known to be plain is taken as the checkpoint decodes it.
        guard entry.isPlain else { return out.appendUTF8(statusRow(entry.agreementState)) }
        func text(_ bytes: CheckpointEntry.Text?) {
            if let bytes { appendField(bytes, to: &out) }
            out.append(UInt8(ascii: ","))
        }
        text(entry.id)
        text(entry.source)
        out.appendUTF8(entry.state.rawValue)
        out.append(UInt8(ascii: ","))
        text(entry.partner)
        text(entry.country)
        text(entry.countryCode)
        text(entry.city)
        entry.signed?.appendDescription(to: &out)
        out.append(UInt8(ascii: ","))
        entry.validUntil?.appendDescription(to: &out)
        if entry.indefinite { out.appendStatic(",true,") } else { out.appendStatic(",false,") }
        text(entry.term)
        if let status = entry.status { out.appendUTF8(status.rawValue) }
        out.append(UInt8(ascii: ","))
        text(entry.kind)
        text(entry.reference)
        if let url = entry.url { appendField(url, to: &out) }
        out.appendStatic("\r\n")
    }

    /// `field` of a UTF-8 cell, appended as bytes. Every formula trigger and every character that needs quotes
    /// is ASCII, so the bytes are looked at one by one.
    static func appendField<Out: ByteSink>(_ cell: UnsafeBufferPointer<UInt8>, to out: inout Out) {
        let quote = UInt8(ascii: "\"")
        let formula = cell.first.map { [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains($0) } ?? false
        guard formula || cell.contains(where: { $0 == UInt8(ascii: ",") || $0 == quote || $0 == 0x0A || $0 == 0x0D }) else {
            return out.append(contentsOf: cell)
        }
        out.append(quote)
        if formula { out.append(UInt8(ascii: "'")) }
        var start = 0
        for (i, byte) in cell.enumerated() where byte == quote {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: cell[start...i]))
            out.append(quote)
            start = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: cell[start...]))
        out.append(quote)
    }
}

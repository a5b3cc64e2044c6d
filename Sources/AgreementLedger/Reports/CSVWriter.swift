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
            let r = a.record
            for (n, cell) in [a.id, a.source, a.state.rawValue, r.partner, r.country ?? "", r.countryCode ?? "", r.city ?? "",
                              r.signed?.description ?? "", r.validUntil?.description ?? "", r.indefinite ? "true" : "false",
                              r.term ?? "", r.status?.rawValue ?? "", r.kind ?? "", r.reference ?? "", r.url ?? ""].enumerated() {
                if n > 0 { out += "," }
                out += field(cell)
            }
            out += "\r\n"
            if out.utf8.count >= 1 << 20 {
                write(out)
                out = ""
            }
        }
        write(out)
    }
}

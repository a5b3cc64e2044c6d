/// A plain-text table for people: columns padded to their widest cell, cells cut at `maxWidth`.
enum TextTable {
    static func render(header: [String], rows: [[String]], maxWidth: Int = 40) -> String {
        var lines = ""
        write(header: header, count: rows.count, row: { rows[$0] }, maxWidth: maxWidth) { lines += $0 }
        return String(lines.dropLast())
    }

    /// Each line followed by a newline, handed to `write` in pieces: a table of a million rows is made
    /// twice over from `row` (once for the widths) rather than held as cells.
    static func write(header: [String], count: Int, row: (Int) -> [String], maxWidth: Int = 40, to write: (String) -> Void) {
        func cut(_ s: String) -> String { s.count <= maxWidth ? s : String(s.prefix(maxWidth - 1)) + "…" }
        var widths = header.map(\.count)
        for i in 0..<count {
            for (c, cell) in row(i).enumerated() where c < widths.count { widths[c] = max(widths[c], cut(cell).count) }
        }
        var out = ""
        func line(_ cells: [String]) {
            for (c, cell) in cells.enumerated() {
                if c > 0 { out += "  " }
                out += c == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }
            out += "\n"
            if out.utf8.count >= 1 << 20 {
                write(out)
                out = ""
            }
        }
        line(header)
        for i in 0..<count { line(row(i).map(cut)) }
        write(out)
    }
}

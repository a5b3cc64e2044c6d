/// Plain-text tables for terminal output, cells cut to keep lines readable.
enum TextTable {
    static func render(header: [String], rows: [[String]], maxWidth: Int = 40) -> String {
        func cut(_ s: String) -> String { s.count <= maxWidth ? s : String(s.prefix(maxWidth - 1)) + "…" }
        let all = [header] + rows.map { $0.map(cut) }
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        return all.map { row in
            row.enumerated().map { i, c in
                i == row.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

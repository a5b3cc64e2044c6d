/// Finds the header line among a file's first lines and assigns each column a role.
///
/// Real lists start with blank lines or titles, so the header is the first of the first 40 rows where
/// the vocabulary (or the user's mapping) recognizes a partner column and at least one other field.
/// Columns no header word names but whose cells are mostly web addresses (Excel's "Kolumna1") are URLs.
public enum HeaderDetector {
    static let searchDepth = 40
    /// How many rows below the header the URL sniffing reads.
    static let sniffDepth = 500

    /// The layout of `rows`; throws when no partner column can be found, showing what was seen.
    public static func detect(
        rows: [TextRow], mapping: MappingFile? = nil, vocabulary: HeaderVocabulary = .standard
    ) throws(SnapshotIssue) -> ColumnLayout {
        var best: (index: Int, score: Int, layout: ColumnLayout)?
        var firstNonBlank: Int?
        var examined = 0
        for (index, row) in rows.enumerated() where examined < searchDepth {
            let cells = row.fields.map(TextCleaning.collapse)
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            examined += 1
            if firstNonBlank == nil { firstNonBlank = index }
            let layout = assign(cells: cells, index: index, line: row.line, mapping: mapping, vocabulary: vocabulary)
            guard layout.column(.partner) != nil else { continue }
            let score = Set(layout.roles.filter { $0 != .extra && $0 != .ignore }).count
            guard score >= 2 || (mapping.map { !$0.isEmpty } ?? false) else { continue }
            if best == nil || score > best!.score { best = (index, score, layout) }
            if score >= 3 { break }
        }
        guard var layout = best?.layout else {
            throw noPartnerColumn(rows: rows, at: firstNonBlank)
        }
        sniffURLColumn(&layout, rows: rows)
        return layout
    }

    static func assign(cells: [String], index: Int, line: Int, mapping: MappingFile?, vocabulary: HeaderVocabulary) -> ColumnLayout {
        var roles = [ColumnRole](repeating: .extra, count: cells.count)
        var taken = Set<ColumnRole>()
        var languageVotes: [String: Int] = [:]
        // The user's mapping first: it overrides the vocabulary.
        if let mapping {
            for (i, cell) in cells.enumerated() {
                if let role = mapping.role(column: i, header: cell) {
                    roles[i] = role
                    if role.isUnique { taken.insert(role) }
                }
            }
        }
        for (i, cell) in cells.enumerated() where roles[i] == .extra && mapping?.role(column: i, header: cell) == nil {
            guard let (role, language) = vocabulary.role(ofHeader: cell), !taken.contains(role) else { continue }
            roles[i] = role
            taken.insert(role)
            languageVotes[language, default: 0] += 1
        }
        let language = languageVotes.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key
        return ColumnLayout(headerIndex: index, headerLine: line, headers: cells, roles: roles, language: language)
    }

    /// An unnamed column whose non-empty cells are mostly web addresses holds URLs.
    static func sniffURLColumn(_ layout: inout ColumnLayout, rows: [TextRow]) {
        guard layout.column(.url) == nil else { return }
        // The first few hundred rows tell; reading a million would not tell more.
        let data = rows.dropFirst(layout.headerIndex + 1).prefix(sniffDepth)
        for column in layout.roles.indices where layout.roles[column] == .extra {
            var filled = 0, urls = 0
            for row in data where column < row.fields.count {
                let cell = TextCleaning.collapse(row.fields[column])
                guard !cell.isEmpty else { continue }
                filled += 1
                if TextCleaning.looksLikeURL(cell) { urls += 1 }
            }
            if filled >= 3 && urls * 10 >= filled * 6 {
                layout.roles[column] = .url
                return
            }
        }
    }

    static func noPartnerColumn(rows: [TextRow], at index: Int?) -> SnapshotIssue {
        guard let index else {
            return SnapshotIssue(line: nil, message: "holds no data rows (only blank lines)")
        }
        let cells = rows[index].fields.map(TextCleaning.collapse)
        let shown = cells.prefix(20).map { "\"\($0.count > 60 ? $0.prefix(59) + "…" : $0[...])\"" }.joined(separator: ", ")
            + (cells.count > 20 ? ", … (\(cells.count) cells)" : "")
        let example = cells.first(where: { !$0.isEmpty && $0.count <= 60 }) ?? "Name"
        return SnapshotIssue(
            line: rows[index].line,
            message: "no partner column found; the header seen was [\(shown)]. Write a mapping such as "
                + "{\"\(example)\": \"partner\"} (header text or column number -> field) to a file and pass --mapping FILE")
    }
}

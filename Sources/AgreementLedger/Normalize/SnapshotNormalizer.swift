/// Turns a table of raw cells into canonical records plus located warnings.
///
/// The steps per data row: skip blank rows silently; take footers ("Updated on …") as the file's date;
/// skip rows that are not agreements (titles, legends, lone types) with a warning; otherwise read each
/// mapped cell with its normalizer, and split a row that holds several agreements into several records
/// (same `row`) when its cells agree on how many there are.
public struct SnapshotNormalizer: Sendable {
    public var vocabulary: HeaderVocabulary = .standard
    public var countries: CountryTable = .shared

    public init() {}

    /// Normalizes a read table; throws only when the file as a whole is unusable (no partner column).
    public func normalize(_ table: DelimitedText, mapping: MappingFile? = nil) throws(SnapshotIssue) -> Snapshot {
        let layout = try HeaderDetector.detect(rows: table.rows, mapping: mapping, vocabulary: vocabulary)
        var warnings: [RowWarning] = []
        let dataRows = Array(table.rows[(layout.headerIndex + 1)...])
        let orders = dateOrders(layout: layout, rows: dataRows, warnings: &warnings)
        var asOf: PartialDate?
        var records: [AgreementRecord] = []
        // Rows are independent once the layout and date orders are known: read in chunks on all cores,
        // joined in file order.
        let normalizer = self
        let parts = ParallelChunks.map(dataRows, chunkSize: 2048) { rows in
            var part = RowsRead()
            for row in rows { normalizer.read(row, layout: layout, orders: orders, into: &part) }
            return part
        }
        records.reserveCapacity(parts.reduce(0) { $0 + $1.records.count })
        for part in parts {
            if let date = part.asOf { asOf = date }
            records += part.records
            warnings += part.warnings
        }
        let repeated = DuplicateRows.repeated(records)
        warnings += DuplicateRows.warnings(records, repeated: repeated)
        warnings += URLAlignment.warnings(records)
        warnings.sort { $0.row < $1.row }
        return Snapshot(asOf: asOf, format: table.delimiter == .tab ? "tsv" : "csv", encoding: table.encoding,
                        records: records, warnings: warnings, layout: layout, repeatedRows: repeated)
    }

    /// What a run of rows gave: records, warnings, and the date of the last footer among them.
    struct RowsRead: Sendable {
        var records: [AgreementRecord] = []
        var warnings: [RowWarning] = []
        var asOf: PartialDate?
    }

    /// One data row: skipped blank, a footer dating the list, skipped with a warning, or read as records.
    func read(_ row: TextRow, layout: ColumnLayout, orders: [ColumnRole: DateOrder], into part: inout RowsRead) {
        let cells = row.fields.map(TextCleaning.collapse)
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        if filled.isEmpty { return }
        var text: String { filled.map { cells[$0] }.joined(separator: " ") }
        if filled.count <= 2, let date = FooterDate.asOf(inFooter: text) {
            part.asOf = date
            part.warnings.append(RowWarning(row: row.line, message: "footer \"\(text)\": the list is dated \(date)"))
            return
        }
        if cells.count == layout.headers.count && zip(cells, layout.headers).allSatisfy({ $0.lowercased() == $1.lowercased() }) {
            part.warnings.append(RowWarning(row: row.line, message: "the header repeated; skipped"))
            return
        }
        if let reason = notAnAgreement(cells: cells, filled: filled, layout: layout) {
            part.warnings.append(RowWarning(row: row.line, message: "\(reason): \"\(text)\"; skipped"))
            return
        }
        part.records += readRow(cells: cells, line: row.line, layout: layout, orders: orders, warnings: &part.warnings)
    }

    // MARK: - Rows that are not agreements

    func notAnAgreement(cells: [String], filled: [Int], layout: ColumnLayout) -> String? {
        let partnerColumn = layout.column(.partner)!
        let partner = partnerColumn < cells.count ? cells[partnerColumn] : ""
        if TextCleaning.isPlaceholder(partner) {
            if filled.count == 1, let kindColumn = layout.column(.kind), filled[0] == kindColumn {
                return "only an agreement type, no partner"
            }
            if filled.count == 1 { return "not an agreement (a title or note line)" }
            return "no partner name in this row"
        }
        if filled == [partnerColumn] { return "only one cell filled (a title or section line)" }
        // A header repeated inside the table: header words in three columns and no number anywhere.
        if !cells.contains(where: { $0.contains(where: \.isNumber) }),
           HeaderDetector.assign(cells: cells, index: 0, line: 0, mapping: nil, vocabulary: vocabulary)
            .roles.filter({ $0 != .extra }).count >= 3 {
            return "another header line"
        }
        return nil
    }

    // MARK: - Day/month order per column

    func dateOrders(layout: ColumnLayout, rows: [TextRow], warnings: inout [RowWarning]) -> [ColumnRole: DateOrder] {
        let dateRoles: [ColumnRole] = [.signed, .validUntil, .signedAndTerm]
        var decided: [ColumnRole: DateOrder] = [:]
        var undecided: [ColumnRole] = []
        for role in dateRoles {
            guard let c = layout.column(role) else { continue }
            let cells = rows.lazy.compactMap { c < $0.fields.count ? $0.fields[c] : nil }
            if let order = DateCellParser.inferOrder(cells) { decided[role] = order } else { undecided.append(role) }
        }
        let fileOrder = decided.values.first
        let languageOrder: DateOrder = layout.language == "en" ? .monthFirst : .dayFirst
        for role in undecided {
            let c = layout.column(role)!
            let ambiguous = rows.contains { row in
                c < row.fields.count && row.fields[c].split(separator: "/").count == 3
            }
            decided[role] = fileOrder ?? languageOrder
            if ambiguous && fileOrder == nil {
                let name = layout.headers[c]
                let convention = languageOrder == .dayFirst ? "day/month/year" : "month/day/year"
                warnings.append(RowWarning(row: layout.headerLine, message:
                    "column \"\(name)\": no date decides between day/month and month/day; read as \(convention), the convention of the file's language (\(layout.language ?? "unknown"))"))
            }
        }
        return decided
    }

    // MARK: - One row

    func readRow(cells: [String], line: Int, layout: ColumnLayout, orders: [ColumnRole: DateOrder],
                 warnings: inout [RowWarning]) -> [AgreementRecord] {
        func cell(_ role: ColumnRole) -> String {
            guard let c = layout.column(role), c < cells.count else { return "" }
            return TextCleaning.isPlaceholder(cells[c]) ? "" : cells[c]
        }
        func warn(_ message: String) { warnings.append(RowWarning(row: line, message: message)) }

        // Partner, with any note carried in markup kept apart.
        var (partnerText, note) = PartnerName.clean(cell(.partner))
        var extra: [String: String] = [:]
        extra.reserveCapacity(layout.roles.count - layout.roles.filter { $0 != .extra && $0 != .ordinal }.count)
        for (c, role) in layout.roles.enumerated() where (role == .extra || role == .ordinal) && c < cells.count {
            if !cells[c].isEmpty { extra[layout.extraKey(c)] = cells[c] }
        }
        if let note {
            extra[layout.extraKey(layout.column(.partner)!) + " (note)"] = note
            warn("markup note \"\(note)\" is not part of the partner name; kept in extra")
        }

        // Signing dates.
        var signedDates: [PartialDate] = []
        let signedCell = cell(.signed)
        if !signedCell.isEmpty {
            let parsed = DateCellParser.parseAll(signedCell, order: orders[.signed] ?? .dayFirst)
            if parsed.isEmpty { warn("unreadable signing date \"\(signedCell)\"") }
            for p in parsed {
                signedDates.append(p.date)
                if let n = p.note { warn("signing date \"\(signedCell)\": \(n)") }
            }
        }

        // Validity: a date column, a duration column, a combined year-and-term column.
        var validDates: [PartialDate] = []
        var validWords: [TermSegment] = []
        let validCell = cell(.validUntil)
        if !validCell.isEmpty {
            let parsed = DateCellParser.parseAll(validCell, order: orders[.validUntil] ?? .dayFirst)
            if parsed.isEmpty {
                let words = TermParser.parseDuration(validCell)
                validWords = words.segments
                words.warnings.forEach { warn("validity \"\(validCell)\": \($0)") }
                if words.segments.isEmpty { warn("unreadable validity \"\(validCell)\"") }
            }
            for p in parsed {
                validDates.append(p.date)
                if let n = p.note { warn("validity \"\(validCell)\": \(n)") }
            }
        }
        var termSegments: [TermSegment] = []
        let termCell = cell(.term)
        if !termCell.isEmpty {
            let parse = TermParser.parseDuration(termCell)
            termSegments = parse.segments
            parse.warnings.forEach { warn("term \"\(termCell)\": \($0)") }
            if parse.segments.isEmpty { warn("unreadable term \"\(termCell)\"") }
        }
        var combined: [TermSegment] = []
        let combinedCell = cell(.signedAndTerm)
        if !combinedCell.isEmpty {
            let parse = TermParser.parseSignedAndTerm(combinedCell, order: orders[.signedAndTerm] ?? .dayFirst)
            combined = parse.segments
            parse.warnings.forEach { warn("\"\(combinedCell)\": \($0)") }
            if parse.segments.isEmpty { warn("unreadable year and term \"\(combinedCell)\"") }
        }

        // Status and kind; a status word in the type column is a status, not a type.
        let statusCell = cell(.status)
        var statuses = StatusVocabulary.statuses(in: statusCell)
        if !statusCell.isEmpty && statuses.isEmpty { warn("unknown status \"\(statusCell)\"") }
        var kindText: String? = cell(.kind).isEmpty ? nil : cell(.kind)
        if let k = kindText, let s = StatusVocabulary.status(of: k) {
            warn("the type column holds the status word \"\(k)\"; read as a status, not a type")
            kindText = nil
            if statuses.isEmpty { statuses = [s] }
        }

        // How many agreements does the row hold?
        let countryCell = cell(.country)
        let countryParts = countries.splitCountries(countryCell) ?? (countryCell.isEmpty ? [] : [countryCell])
        var cityCell = cell(.city)
        if InstitutionWords.names(cityCell) && !InstitutionWords.names(partnerText) && !partnerText.isEmpty {
            warn("the city cell \"\(cityCell)\" names an institution and the partner cell \"\(partnerText)\" does not; read as swapped")
            swap(&partnerText, &cityCell)
        }
        let counts = [signedDates.count, validDates.count, termSegments.count, combined.count, statuses.count,
                      countryParts.count, max(validWords.count, 0)]
        var n = max(1, counts.max() ?? 1)
        var cityParts = RowSplitting.split(cityCell, into: n)
        var partnerParts: [String] = [partnerText]
        if n > 1 && (countryParts.count == n || cityParts?.count == n) {
            if let parts = RowSplitting.split(partnerText, into: n) { partnerParts = parts.map(RowSplitting.dropJointPrefix) }
        } else if n == 1, let enumerated = RowSplitting.enumerated(partnerText), enumerated.count > 1,
                  RowSplitting.enumerated(cityCell)?.count == enumerated.count {
            n = enumerated.count
            partnerParts = enumerated
            cityParts = RowSplitting.enumerated(cityCell)
        }
        let kindParts = kindText.flatMap { RowSplitting.splitKinds($0, into: n) }
        if n > 1 {
            warn("the row holds \(n) agreements; read as \(n) records")
            if let k = kindText, kindParts == nil, RowSplitting.kindCount(k) > 1 {
                warn("cannot tell which agreement type belongs to which of the \(n) agreements; each keeps the whole type text")
            }
        }
        var mismatched = false
        func pick<T>(_ list: [T], _ i: Int) -> T? {
            if list.count == n { return list[i] }
            if list.count == 1 { return list[0] }
            if list.isEmpty { return nil }
            mismatched = true
            return list[min(i, list.count - 1)]
        }

        var records: [AgreementRecord] = []
        for i in 0..<n {
            var r = AgreementRecord(partner: pick(partnerParts, i) ?? partnerText, row: line, extra: extra)
            if let country = pick(countryParts, i) {
                r.country = country
                r.countryCode = countries.code(for: country)
            }
            // A column of ISO codes states the code outright.
            let code = cell(.countryCode).uppercased()
            if code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) { r.countryCode = code }
            if !cityCell.isEmpty { r.city = cityParts.map { $0[i] } ?? cityCell }
            r.signed = pick(signedDates, i)
            r.validUntil = pick(validDates, i)
            for segment in [pick(validWords, i), pick(termSegments, i), pick(combined, i)].compactMap({ $0 }) {
                if let s = segment.signed, r.signed == nil { r.signed = s }
                if let v = segment.validUntil, r.validUntil == nil { r.validUntil = v }
                if segment.indefinite { r.indefinite = true }
                if let t = segment.term, r.term == nil { r.term = t }
                if let k = segment.kind, kindText == nil { r.kind = k }
            }
            r.status = pick(statuses, i)
            if let kindText { r.kind = kindParts?[i] ?? kindText }
            r.reference = cell(.reference).isEmpty ? nil : cell(.reference)
            r.url = cell(.url).isEmpty ? nil : cell(.url)
            records.append(r)
        }
        if mismatched {
            warn("the row's cells disagree on how many agreements it holds; values were paired in order")
        }
        return records
    }
}

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

    /// Rows per batch taken from a row source: enough to keep both cores busy, few enough that a big file's
    /// rows never sit in memory at once. Tests lower it to exercise the batch boundaries.
    public var batchSize = 32_768
    /// Rows per piece of a batch, built and read on one core.
    public var pieceSize = 2048
    /// Whether each record works its content hash out as it is read, for matching against the ledger's agreements
    /// (`rememberContentHash`); an import into an empty ledger has none to match, and a million hashes to spare.
    public var remembersContentHashes = true

    /// Normalizes a text read as rows; throws only when the file as a whole is unusable (no partner column,
    /// or a fault the reader finds, such as an unclosed quote).
    ///
    /// A big file is never a table in memory. A first look finds the header and what the rows down to it say of
    /// each date column's day/month order; the rows are then read into records, a batch at a time on all cores,
    /// with the orders those rows suggest, while the evidence of the whole file is gathered. The order
    /// is a property of the whole file: in the rare file whose later rows decide otherwise, the rows are read
    /// again with the orders the whole file decides, so the result is always theirs.
    public func normalize(_ source: some RowSource, mapping: MappingFile? = nil) throws(SnapshotIssue) -> Snapshot {
        var warnings: [RowWarning] = []
        let (layout, headEvidence, complete) = try firstPass(source, mapping: mapping)
        // Warnings of undecided columns only from the whole file's evidence.
        var suggestedWarnings: [RowWarning] = []
        let suggested = dateOrders(layout: layout, evidence: headEvidence, warnings: &suggestedWarnings)
        if complete { warnings = suggestedWarnings }
        var read = try readRows(source, layout: layout, orders: suggested, gathering: !complete)
        if !complete {
            let decided = dateOrders(layout: layout, evidence: read.evidence, warnings: &warnings)
            if decided != suggested { read = try readRows(source, layout: layout, orders: decided, gathering: false) }
        }
        let (records, asOf) = (read.records, read.asOf)
        warnings += read.warnings
        let repeated = DuplicateRows.repeated(records)
        warnings += DuplicateRows.warnings(records, repeated: repeated)
        warnings += URLAlignment.warnings(records)
        warnings.sort { $0.row < $1.row }
        return Snapshot(asOf: asOf, format: source.delimiter == .tab ? "tsv" : "csv", encoding: source.encoding,
                        records: records, warnings: warnings, layout: layout, repeatedRows: repeated)
    }

    /// The rows read into records with the given date orders, a batch at a time on all cores, with their
    /// warnings and the date of the last footer; with `gathering`, also what the date columns' cells below the
    /// header say of their order.
    private func readRows(_ source: some RowSource, layout: ColumnLayout, orders: [ColumnRole: DateOrder],
                          gathering: Bool) throws(SnapshotIssue)
        -> (records: [AgreementRecord], warnings: [RowWarning], asOf: PartialDate?, evidence: [Int: DateCellParser.OrderEvidence]) {
        let plan = RowPlan(layout: layout, orders: orders)
        let dateColumns = gathering ? layout.dateColumns : []
        var evidence = Dictionary(uniqueKeysWithValues: dateColumns.map { ($0, DateCellParser.OrderEvidence()) })
        var asOf: PartialDate?
        var records: [AgreementRecord] = []
        var warnings: [RowWarning] = []
        let normalizer = self
        var index = 0
        try readingRows { () throws(ReadError) in
            try source.forEachRowBatch(size: batchSize, pieceSize: pieceSize) { batch in
                let first = index
                index += batch.rowCount
                // Rows are independent once the layout and date orders are known: each core builds and reads
                // pieces of them, joined in file order.
                let parts = ParallelChunks.map(count: batch.pieceCount, chunkSize: 1) { pieces in
                    var part = RowsRead()
                    var found = Dictionary(uniqueKeysWithValues: dateColumns.map { ($0, DateCellParser.OrderEvidence()) })
                    // Values repeated down a column share one string per piece of rows.
                    var interner = StringInterner()
                    var readings = RowReadings()
                    for p in pieces {
                        let (firstRow, rows) = batch.rows(ofPiece: p)
                        for (k, row) in rows.enumerated() where first + firstRow + k > layout.headerIndex {
                            for c in dateColumns where c < row.fields.count { found[c]!.add(row.fields[c]) }
                            let start = part.records.count
                            normalizer.read(row, plan: plan, readings: &readings, into: &part)
                            // Interned first (which changes fields), then the content hash matching will ask
                            // for, while the record is still in the cache.
                            for i in start..<part.records.count {
                                interner.intern(&part.records[i])
                                if normalizer.remembersContentHashes { part.records[i].rememberContentHash() }
                            }
                        }
                    }
                    return (part, found)
                }
                for (part, found) in parts {
                    if let date = part.asOf { asOf = date }
                    records += part.records
                    warnings += part.warnings
                    for (c, e) in found { evidence[c]!.join(e) }
                }
                return true
            }
        }
        return (records, warnings, asOf, evidence)
    }

    /// The first look: the layout, from the rows header detection looks at, what the date columns' cells below
    /// the header say of their day/month order, and whether that is the whole file. It reads rows one by one to
    /// the end of the piece of rows that settles the header, or to the end of the file when no header is found:
    /// a fault of the reader anywhere in the file is then reported before the missing header, as when the whole
    /// file was read first.
    func firstPass(_ source: some RowSource, mapping: MappingFile?) throws(SnapshotIssue)
        -> (layout: ColumnLayout, evidence: [Int: DateCellParser.OrderEvidence], complete: Bool) {
        var head: [TextRow] = []
        var detected: Result<ColumnLayout, SnapshotIssue>?
        var dateColumns: [Int] = []
        var evidence: [Int: DateCellParser.OrderEvidence] = [:]
        var index = 0
        // Header detection reads up to `searchDepth` non-blank rows, and the URL sniffing 500 rows below the header.
        var nonBlank = 0
        var headEnd = Int.max
        let vocabulary = self.vocabulary
        func decide() {
            detected = Result { () throws(SnapshotIssue) in
                try HeaderDetector.detect(rows: head, mapping: mapping, vocabulary: vocabulary)
            }
            if case .success(let layout) = detected {
                dateColumns = layout.dateColumns
                for c in dateColumns { evidence[c] = DateCellParser.OrderEvidence() }
                for (i, row) in head.enumerated() where i > layout.headerIndex { collect(row, into: &evidence) }
            }
            head = []
        }
        func collect(_ row: TextRow, into evidence: inout [Int: DateCellParser.OrderEvidence]) {
            for c in dateColumns where c < row.fields.count { evidence[c]!.add(row.fields[c]) }
        }
        var stopped = false
        try readingRows { () throws(ReadError) in
            try source.forEachRowBatch(size: batchSize, pieceSize: pieceSize) { batch in
                // A batch after the one that settled the header: left to the reading of the rows.
                if case .success = detected {
                    stopped = true
                    return false
                }
                var piece = 0
                // Until the header is decided, row by row in order.
                while detected == nil && piece < batch.pieceCount {
                    for row in batch.rows(ofPiece: piece).rows {
                        defer { index += 1 }
                        if detected == nil {
                            head.append(row)
                            if nonBlank < HeaderDetector.searchDepth && row.fields.contains(where: { !TextCleaning.collapse($0).isEmpty }) {
                                nonBlank += 1
                                if nonBlank == HeaderDetector.searchDepth { headEnd = index + HeaderDetector.sniffDepth }
                            }
                            if index >= headEnd { decide() }
                        } else if case .success(let layout) = detected, index > layout.headerIndex {
                            collect(row, into: &evidence)
                        }
                    }
                    piece += 1
                }
                // The header settled: the rest is left to the reading of the rows.
                if case .success = detected, piece < batch.pieceCount {
                    stopped = true
                    return false
                }
                guard piece < batch.pieceCount else { return true }
                let first = piece
                // With no header found, the rest is only counted (and read, so a fault is still reported).
                for p in first..<batch.pieceCount { index += batch.pieces[p].rowCount }
                return true
            }
        }
        if detected == nil { decide() }
        switch detected! {
        case .success(let layout): return (layout, evidence, !stopped)
        case .failure(let issue): throw issue
        }
    }

    /// Runs a pass over a source's rows, its read fault reported as the snapshot's.
    private func readingRows(_ pass: () throws(ReadError) -> Void) throws(SnapshotIssue) {
        do { try pass() } catch { throw SnapshotIssue(line: nil, message: error.description) }
    }

    /// What a run of rows gave: records, warnings, and the date of the last footer among them.
    struct RowsRead: Sendable {
        var records: [AgreementRecord] = []
        var warnings: [RowWarning] = []
        var asOf: PartialDate?
    }

    /// One data row: skipped blank, a footer dating the list, skipped with a warning, or read as records.
    func read(_ row: TextRow, plan: RowPlan, readings: inout RowReadings, into part: inout RowsRead) {
        let layout = plan.layout
        // The row's own array while every cell is already collapsed (nearly always): no copy per row.
        var cells = row.fields
        for i in cells.indices where !CellText.isCollapsed(cells[i]) { cells[i] = CellText.collapsedScalarByScalar(cells[i]) }
        var filledCount = 0, firstFilled = 0
        for i in cells.indices where !cells[i].isEmpty {
            if filledCount == 0 { firstFilled = i }
            filledCount += 1
        }
        if filledCount == 0 { return }
        var text: String { cells.filter { !$0.isEmpty }.joined(separator: " ") }
        if filledCount <= 2, let date = FooterDate.asOf(inFooter: text) {
            part.asOf = date
            part.warnings.append(RowWarning(row: row.line, message: "footer \"\(text)\": the list is dated \(date)"))
            return
        }
        if cells.count == plan.lowercasedHeaders.count && zip(cells, plan.lowercasedHeaders).allSatisfy({ $0.lowercased() == $1 }) {
            part.warnings.append(RowWarning(row: row.line, message: "the header repeated; skipped"))
            return
        }
        if let reason = notAnAgreement(cells: cells, filledCount: filledCount, firstFilled: firstFilled, layout: layout) {
            part.warnings.append(RowWarning(row: row.line, message: "\(reason): \"\(text)\"; skipped"))
            return
        }
        readRow(cells: cells, line: row.line, plan: plan, readings: &readings, warnings: &part.warnings, into: &part.records)
    }

    // MARK: - Rows that are not agreements

    /// Why a row with `filledCount` cells filled, the first at `firstFilled`, is not an agreement; nil when it is one.
    func notAnAgreement(cells: [String], filledCount: Int, firstFilled: Int, layout: ColumnLayout) -> String? {
        let partnerColumn = layout.column(.partner)!
        let partner = partnerColumn < cells.count ? cells[partnerColumn] : ""
        if TextCleaning.isPlaceholder(partner) {
            if filledCount == 1, let kindColumn = layout.column(.kind), firstFilled == kindColumn {
                return "only an agreement type, no partner"
            }
            if filledCount == 1 { return "not an agreement (a title or note line)" }
            return "no partner name in this row"
        }
        if filledCount == 1 && firstFilled == partnerColumn { return "only one cell filled (a title or section line)" }
        // A header repeated inside the table: header words in three columns and no number anywhere.
        if !cells.contains(where: { $0.contains(where: \.isNumber) }),
           HeaderDetector.assign(cells: cells, index: 0, line: 0, mapping: nil, vocabulary: vocabulary)
            .roles.filter({ $0 != .extra }).count >= 3 {
            return "another header line"
        }
        return nil
    }

    // MARK: - Day/month order per column

    /// The order of each date column, from its cells' `evidence` (keyed by column): decided by the column's own dates,
    /// else by another column of the file, else by the file's language (with a warning when a date could be
    /// read either way).
    func dateOrders(layout: ColumnLayout, evidence: [Int: DateCellParser.OrderEvidence], warnings: inout [RowWarning]) -> [ColumnRole: DateOrder] {
        let dateRoles: [ColumnRole] = [.signed, .validUntil, .signedAndTerm]
        var decided: [ColumnRole: DateOrder] = [:]
        var undecided: [ColumnRole] = []
        for role in dateRoles {
            guard let c = layout.column(role) else { continue }
            if let order = evidence[c]?.order { decided[role] = order } else { undecided.append(role) }
        }
        let fileOrder = decided.values.first
        let languageOrder: DateOrder = layout.language == "en" ? .monthFirst : .dayFirst
        for role in undecided {
            let c = layout.column(role)!
            let ambiguous = evidence[c]?.hasSlashDate ?? false
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

    /// What reading each row of one file needs from its layout, worked out once for the file: the column of each
    /// role (looked up a dozen times a row), the unmapped columns, the date orders, the headers in lower case.
    struct RowPlan: Sendable {
        let layout: ColumnLayout
        let extraColumns: ExtraColumns
        let signedOrder: DateOrder, validUntilOrder: DateOrder, signedAndTermOrder: DateOrder
        let lowercasedHeaders: [String]
        /// By `ColumnRole.ordinal`; -1 where no column has the role.
        private let columns: [Int]

        init(layout: ColumnLayout, orders: [ColumnRole: DateOrder]) {
            self.layout = layout
            extraColumns = layout.extraColumns()
            signedOrder = orders[.signed] ?? .dayFirst
            validUntilOrder = orders[.validUntil] ?? .dayFirst
            signedAndTermOrder = orders[.signedAndTerm] ?? .dayFirst
            lowercasedHeaders = layout.headers.map { $0.lowercased() }
            var columns = [Int](repeating: -1, count: ColumnRole.allCases.count)
            for role in ColumnRole.allCases { columns[role.ordinal] = layout.column(role) ?? -1 }
            self.columns = columns
        }

        /// The column holding `role`, as `ColumnLayout.column`.
        func column(_ role: ColumnRole) -> Int? {
            let c = columns[role.ordinal]
            return c < 0 ? nil : c
        }
    }

    // MARK: - One row

    func readRow(cells: [String], line: Int, plan: RowPlan, readings: inout RowReadings, warnings: inout [RowWarning],
                 into records: inout [AgreementRecord]) {
        let layout = plan.layout
        func cell(_ role: ColumnRole) -> String {
            guard let c = plan.column(role), c < cells.count else { return "" }
            return TextCleaning.isPlaceholder(cells[c]) ? "" : cells[c]
        }
        func warn(_ message: String) { warnings.append(RowWarning(row: line, message: message)) }

        // Partner, with any note carried in markup kept apart.
        var (partnerText, note) = PartnerName.clean(collapsed: cell(.partner))
        var extra = plan.extraColumns.cells(of: cells)
        if let note {
            extra[layout.extraKey(layout.column(.partner)!) + " (note)"] = note
            warn("markup note \"\(note)\" is not part of the partner name; kept in extra")
        }

        // Signing dates.
        // The parsed dates as read (a reading shared by the rows of a piece, or a fresh one): not copied into
        // another array per row.
        var signedDates: [ParsedDate] = []
        let signedCell = cell(.signed)
        if !signedCell.isEmpty {
            let order = plan.signedOrder
            signedDates = DateCellParser.plainDate(signedCell, order: order)
                ?? readings.signedDates.value(signedCell) { DateCellParser.parseGeneral($0, order: order) }
            if signedDates.isEmpty { warn("unreadable signing date \"\(signedCell)\"") }
            for p in signedDates {
                if let n = p.note { warn("signing date \"\(signedCell)\": \(n)") }
            }
        }

        // Validity: a date column, a duration column, a combined year-and-term column.
        var validDates: [ParsedDate] = []
        var validWords: [TermSegment] = []
        let validCell = cell(.validUntil)
        if !validCell.isEmpty {
            let order = plan.validUntilOrder
            validDates = DateCellParser.plainDate(validCell, order: order)
                ?? readings.validDates.value(validCell) { DateCellParser.parseGeneral($0, order: order) }
            if validDates.isEmpty {
                let words = readings.durations.value(validCell) { TermParser.parseDuration($0) }
                validWords = words.segments
                words.warnings.forEach { warn("validity \"\(validCell)\": \($0)") }
                if words.segments.isEmpty { warn("unreadable validity \"\(validCell)\"") }
            }
            for p in validDates {
                if let n = p.note { warn("validity \"\(validCell)\": \(n)") }
            }
        }
        var termSegments: [TermSegment] = []
        let termCell = cell(.term)
        if !termCell.isEmpty {
            let parse = readings.durations.value(termCell) { TermParser.parseDuration($0) }
            termSegments = parse.segments
            parse.warnings.forEach { warn("term \"\(termCell)\": \($0)") }
            if parse.segments.isEmpty { warn("unreadable term \"\(termCell)\"") }
        }
        var combined: [TermSegment] = []
        let combinedCell = cell(.signedAndTerm)
        if !combinedCell.isEmpty {
            let order = plan.signedAndTermOrder
            let parse = readings.signedAndTerms.value(combinedCell) { TermParser.parseSignedAndTerm($0, order: order) }
            combined = parse.segments
            parse.warnings.forEach { warn("\"\(combinedCell)\": \($0)") }
            if parse.segments.isEmpty { warn("unreadable year and term \"\(combinedCell)\"") }
        }

        // Status and kind; a status word in the type column is a status, not a type.
        let statusCell = cell(.status)
        var statuses = readings.statuses.value(statusCell) { StatusVocabulary.statuses(in: $0) }
        if !statusCell.isEmpty && statuses.isEmpty { warn("unknown status \"\(statusCell)\"") }
        var kindText: String? = cell(.kind).isEmpty ? nil : cell(.kind)
        // A type cell repeats down the column as a status cell does: read once per piece of rows.
        if let k = kindText, let s = StatusVocabulary.single(readings.statuses.value(k) { StatusVocabulary.statuses(in: $0) }) {
            warn("the type column holds the status word \"\(k)\"; read as a status, not a type")
            kindText = nil
            if statuses.isEmpty { statuses = [s] }
        }

        // How many agreements does the row hold?
        let countryCell = cell(.country)
        let countries = self.countries
        // Several countries when the cell splits into them; else the cell itself (no array per row).
        let countryParts = readings.countrySplits.value(countryCell) { countries.splitCountries($0) }
        let countryCount = countryParts?.count ?? (countryCell.isEmpty ? 0 : 1)
        var cityCell = cell(.city)
        if readings.institutionNames.value(cityCell, InstitutionWords.names) && !InstitutionWords.names(partnerText)
            && !partnerText.isEmpty {
            warn("the city cell \"\(cityCell)\" names an institution and the partner cell \"\(partnerText)\" does not; read as swapped")
            swap(&partnerText, &cityCell)
        }
        var n = max(1, signedDates.count, validDates.count, termSegments.count, combined.count, statuses.count,
                    countryCount, validWords.count)
        var cityParts = RowSplitting.split(cityCell, into: n)
        // nil: the partner cell's text for every record.
        var partnerParts: [String]?
        if n > 1 && (countryCount == n || cityParts?.count == n) {
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

        for i in 0..<n {
            var r = AgreementRecord(partner: partnerParts.flatMap { pick($0, i) } ?? partnerText, row: line, extra: extra)
            if let country = countryParts.map({ pick($0, i) }) ?? (countryCell.isEmpty ? nil : countryCell) {
                r.country = country
                r.countryCode = readings.countryCodes.value(country) { countries.code(for: $0) }
            }
            // A column of ISO codes states the code outright.
            let code = cell(.countryCode).uppercased()
            if code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) { r.countryCode = code }
            if !cityCell.isEmpty { r.city = cityParts.map { $0[i] } ?? cityCell }
            r.signed = pick(signedDates, i)?.date
            r.validUntil = pick(validDates, i)?.date
            // What the validity words, the term and the combined cell say, in that order (the first to say wins).
            func take(_ segment: TermSegment?) {
                guard let segment else { return }
                if let s = segment.signed, r.signed == nil { r.signed = s }
                if let v = segment.validUntil, r.validUntil == nil { r.validUntil = v }
                if segment.indefinite { r.indefinite = true }
                if let t = segment.term, r.term == nil { r.term = t }
                if let k = segment.kind, kindText == nil { r.kind = k }
            }
            take(pick(validWords, i))
            take(pick(termSegments, i))
            take(pick(combined, i))
            r.status = pick(statuses, i)
            if let kindText { r.kind = kindParts?[i] ?? kindText }
            r.reference = cell(.reference).isEmpty ? nil : cell(.reference)
            r.url = cell(.url).isEmpty ? nil : cell(.url)
            records.append(r)
        }
        if mismatched {
            warn("the row's cells disagree on how many agreements it holds; values were paired in order")
        }
    }
}

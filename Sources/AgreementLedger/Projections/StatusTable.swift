/// The plain-text `status` table for people: a header, one line per agreement with its columns padded to
/// the widest cell (a cell longer than `maxWidth` characters cut, its last kept character "…"), a blank line
/// and the agreements counted by state.
///
/// Made from bytes in two passes, the first measuring the columns and the second writing them, so a
/// million agreements streamed from the state checkpoint are never held, nor made into strings.
struct StatusTable {
    static let header = ["agreement", "state", "partner", "country", "signed", "valid until", "source"]
    static let maxWidth = 40

    /// Each column's width in characters, the header's included.
    private(set) var widths = StatusTable.header.map(\.count)
    /// The agreements measured, by state (`AgreementStatus.allCases`' order).
    private var counts = [Int](repeating: 0, count: AgreementStatus.allCases.count)
    private static let stateNames = AgreementStatus.allCases.map { Array($0.rawValue.utf8) }
    private static let indefinite = Array("indefinite".utf8)

    /// Takes a row's cells into the widths and its state into the counts.
    mutating func measure(_ entry: CheckpointEntry) {
        guard StatusTable.showsAsIs(entry) else { return measure(entry.agreementState) }
        counts[StatusTable.index(of: entry.state)] += 1
        var widths = self.widths
        StatusTable.forEachCell(of: entry, text: { c, text in widths[c] = max(widths[c], StatusTable.cut(text).width) },
                                date: { c, date in widths[c] = max(widths[c], StatusTable.width(of: date)) })
        self.widths = widths
    }

    mutating func measure(_ agreement: AgreementState) {
        counts[StatusTable.index(of: agreement.state)] += 1
        var widths = self.widths
        StatusTable.forEachCell(of: agreement) { c, text in widths[c] = max(widths[c], StatusTable.cut(text).width) }
        self.widths = widths
    }

    /// Takes in what another table measured (a part of the same rows).
    mutating func merge(_ other: StatusTable) {
        for c in widths.indices { widths[c] = max(widths[c], other.widths[c]) }
        for s in counts.indices { counts[s] += other.counts[s] }
    }

    /// Appends the header line, padded to the measured widths.
    func writeHeader<Out: ByteSink>(into out: inout Out) {
        for (c, name) in StatusTable.header.enumerated() {
            var name = name
            name.withUTF8 { writeCell(c, $0, into: &out) }
        }
    }

    /// Appends a row's line; every row must have been measured first.
    func write<Out: ByteSink>(_ entry: CheckpointEntry, into out: inout Out) {
        guard StatusTable.showsAsIs(entry) else { return write(entry.agreementState, into: &out) }
        StatusTable.forEachCell(of: entry, text: { c, text in writeCell(c, text, into: &out) }, date: { c, date in
            out.appendStatic("  ")
            date.appendDescription(to: &out)
            out.appendSpaces(widths[c] - StatusTable.width(of: date))
        })
    }

    func write<Out: ByteSink>(_ agreement: AgreementState, into out: inout Out) {
        StatusTable.forEachCell(of: agreement) { c, text in writeCell(c, text, into: &out) }
    }

    /// Appends the blank line and the counts ("68 agreements: 50 active, 17 expired, 1 closed").
    func writeFooter<Out: ByteSink>(into out: inout Out) {
        let states = zip(counts, AgreementStatus.allCases).map { "\($0) \($1.rawValue)" }
        out.appendUTF8("\n\(counts.reduce(0, +)) agreements: \(states.joined(separator: ", "))\n")
    }

    /// A cell as shown, padded to its column (the last column is not padded, but ends the line).
    private func writeCell<Out: ByteSink>(_ c: Int, _ text: UnsafeBufferPointer<UInt8>, into out: inout Out) {
        if c > 0 { out.appendStatic("  ") }
        let cut = StatusTable.cut(text)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<cut.shown]))
        if cut.ellipsis { out.appendStatic("…") }
        if c < widths.count - 1 { out.appendSpaces(widths[c] - cut.width) } else { out.append(0x0A) }
    }

    /// Whether the entry's cells in the table are valid UTF-8 without NUL, so that their bytes are what its
    /// decoded strings show; else it is taken as the checkpoint decodes it. (The entry's other strings do not
    /// show, so they are not looked at, as `isPlain` would.)
    private static func showsAsIs(_ entry: CheckpointEntry) -> Bool {
        func valid(_ text: CheckpointEntry.Text?) -> Bool { text.map { UTF8Validation.firstProblem(in: $0) == nil } ?? true }
        return valid(entry.id) && valid(entry.partner) && valid(entry.country) && valid(entry.term) && valid(entry.source)
    }

    /// Hands each cell of an entry's row, in column order, to `text` as UTF-8, or to `date` when it is a date
    /// (neither first nor last): the dates' widths are known without writing them.
    private static func forEachCell(of entry: CheckpointEntry, text: (Int, UnsafeBufferPointer<UInt8>) -> Void,
                                    date: (Int, PartialDate) -> Void) {
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        text(0, entry.id)
        stateNames[index(of: entry.state)].withUnsafeBufferPointer { text(1, $0) }
        text(2, entry.partner)
        text(3, entry.country ?? empty)
        if let signed = entry.signed { date(4, signed) } else { text(4, empty) }
        if let validUntil = entry.validUntil {
            date(5, validUntil)
        } else if entry.indefinite {
            indefinite.withUnsafeBufferPointer { text(5, $0) }
        } else {
            text(5, entry.term ?? empty)
        }
        text(6, entry.source)
    }

    /// The characters of `date.description`.
    private static func width(of date: PartialDate) -> Int {
        var digits = date.year < 0 ? 2 : 1, rest = date.year / 10
        while rest != 0 { digits += 1; rest /= 10 }
        return max(4, digits) + (date.month == nil ? 0 : 3) + (date.day == nil ? 0 : 3)
    }

    private static func forEachCell(of a: AgreementState, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        let r = a.record
        let cells = [a.id, a.state.rawValue, r.partner, r.country ?? "", r.signed?.description ?? "",
                     r.validUntil?.description ?? (r.indefinite ? "indefinite" : r.term ?? ""), a.source]
        for (c, cell) in cells.enumerated() {
            var cell = cell
            cell.withUTF8 { body(c, $0) }
        }
    }

    private static func index(of state: AgreementStatus) -> Int { AgreementStatus.allCases.firstIndex(of: state)! }

    /// How a cell is shown: its first `shown` bytes, then "…" when it was cut, `width` characters in all.
    struct Cut: Equatable {
        let shown: Int
        let ellipsis: Bool
        let width: Int
    }

    /// A cell (valid UTF-8) whole when it has at most `maxWidth` characters, else its first `maxWidth - 1` and
    /// "…"; characters counted by grapheme cluster, as `String.count` does.
    static func cut(_ text: UnsafeBufferPointer<UInt8>) -> Cut {
        if isASCIIWithoutCR(text) {
            if text.count <= maxWidth { return Cut(shown: text.count, ellipsis: false, width: text.count) }
            return Cut(shown: maxWidth - 1, ellipsis: true, width: maxWidth)
        }
        // Below U+0300 every scalar is a cluster of its own, but for CR joined by LF: such text is counted by
        // its scalars' first bytes. Anything else is counted by `String`.
        var characters = 0, cutAt = 0
        for (i, b) in text.enumerated() {
            if b >= 0x80 && b < 0xC0 { continue }
            guard b < 0xCC && b != 0x0D else { return clusteredCut(text) }
            if characters == maxWidth - 1 { cutAt = i }
            characters += 1
        }
        if characters <= maxWidth { return Cut(shown: text.count, ellipsis: false, width: characters) }
        return Cut(shown: cutAt, ellipsis: true, width: maxWidth)
    }

    /// Whether every byte is ASCII and none is CR: each byte is then one character. Eight bytes at a time.
    private static func isASCIIWithoutCR(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return true }
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        var i = 0
        while i + 8 <= text.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let cr = word ^ (ones &* 0x0D)
            // A byte with its high bit set, or a byte equal to CR (a zero byte of `cr`).
            if (word | ((cr &- ones) & ~cr)) & high != 0 { return false }
            i += 8
        }
        while i < text.count {
            if base[i] >= 0x80 || base[i] == 0x0D { return false }
            i += 1
        }
        return true
    }

    private static func clusteredCut(_ text: UnsafeBufferPointer<UInt8>) -> Cut {
        let string = String(decoding: text, as: UTF8.self)
        let count = string.count
        if count <= maxWidth { return Cut(shown: text.count, ellipsis: false, width: count) }
        let kept = String(string.prefix(maxWidth - 1))
        return Cut(shown: kept.utf8.count, ellipsis: true, width: (kept + "…").count)
    }
}

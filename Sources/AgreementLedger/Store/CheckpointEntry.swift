/// One agreement as the state checkpoint encodes it, read in place: its numbers decoded, its strings left
/// as bytes in the mapped file. `status` of a million agreements writes JSON straight from these, without
/// the strings, boxes and reference counting an `AgreementState` costs; `agreementState` decodes it fully.
///
/// Valid only while the bytes it was read from are mapped.
struct CheckpointEntry: @unchecked Sendable, RecordJSONFields {
    typealias Text = UnsafeBufferPointer<UInt8>

    let id: Text
    let source: Text
    let state: AgreementStatus
    let firstSeq: Int
    let lastRecorded: PartialDate
    let endedOn: PartialDate?
    let partner: Text
    let country: Text?
    let countryCode: Text?
    let city: Text?
    let signed: PartialDate?
    let validUntil: PartialDate?
    let indefinite: Bool
    let term: Text?
    let status: AgreementStatus?
    let kind: Text?
    let reference: Text?
    let url: Text?
    let row: Int
    /// The unmapped cells as encoded: header and value, `extraCount` times.
    private let extra: Text
    private let extraCount: Int
    /// What a look at the strings found, once `scanned()` took it. Reading leaves it to the thread that
    /// writes the entry: the checkpoint is read on one core, its entries written on all.
    private var scan: Scan?

    /// Every string is valid UTF-8 and the extra headers are strictly in canonical order, so the bytes
    /// are what the decoded strings would write. Files we write always are; anything else goes through
    /// `agreementState`, which repairs and sorts as decoding does.
    var isPlain: Bool { (scan ?? look()).plain }
    /// No string holds a control character, quote or backslash (seen while checking them for `isPlain`), so
    /// each is written as it is, between quotes, without a second look.
    var escapeFree: Bool { (scan ?? look()).escapeFree }

    private static let statuses = AgreementStatus.allCases

    /// Reads one agreement at the reader's place; nil (and `r.failed` set) when the bytes are malformed.
    static func read(_ r: inout BinaryReader) -> CheckpointEntry? {
        let id = r.text(), source = r.text()
        let stateIndex = r.int(), firstSeq = r.int()
        let lastRecorded = r.date(), endedOn = r.date()
        let partner = r.text(), country = r.optionalText(), countryCode = r.optionalText(), city = r.optionalText()
        let signed = r.date(), validUntil = r.date(), indefinite = r.bool(), term = r.optionalText()
        let statusIndex = r.int()
        let kind = r.optionalText(), reference = r.optionalText(), url = r.optionalText()
        let row = r.int(), extraCount = r.int()
        guard !r.failed, statuses.indices.contains(stateIndex), (0...statuses.count).contains(statusIndex),
              let lastRecorded, extraCount >= 0, extraCount <= r.remaining else {
            r.markFailed()
            return nil
        }
        let extraStart = r.offset
        for _ in 0..<extraCount {
            _ = r.text()
            _ = r.text()
        }
        guard !r.failed else { return nil }
        return CheckpointEntry(
            id: id, source: source, state: statuses[stateIndex], firstSeq: firstSeq, lastRecorded: lastRecorded,
            endedOn: endedOn, partner: partner, country: country, countryCode: countryCode, city: city,
            signed: signed, validUntil: validUntil, indefinite: indefinite, term: term,
            status: statusIndex > 0 ? statuses[statusIndex - 1] : nil, kind: kind, reference: reference, url: url,
            row: row, extra: r.bytes(extraStart..<r.offset), extraCount: extraCount)
    }

    /// The entry with its strings looked at once, for a writer that asks `isPlain` and `escapeFree` of every
    /// string.
    func scanned() -> CheckpointEntry {
        var entry = self
        entry.scan = entry.scan ?? look()
        return entry
    }

    private struct Scan {
        let plain: Bool
        let escapeFree: Bool
    }

    /// Looks at every string: valid UTF-8 without NUL, the extra headers strictly in order, any JSON escape.
    private func look() -> Scan {
        var scan = TextScan()
        scan.add(id)
        scan.add(source)
        scan.add(partner)
        scan.add(country)
        scan.add(countryCode)
        scan.add(city)
        scan.add(term)
        scan.add(kind)
        scan.add(reference)
        scan.add(url)
        var previous: Text?
        var ordered = true
        forEachExtraCell { header, value in
            guard scan.plain && ordered else { return }
            scan.add(header)
            scan.add(value)
            ordered = previous.map { CheckpointEntry.precedes($0, header) } ?? true
            previous = header
        }
        let plain = scan.plain && ordered
        return Scan(plain: plain, escapeFree: plain && scan.escapeFree)
    }

    /// The agreement decoded into strings, as decoding the checkpoint always gave it.
    var agreementState: AgreementState { agreementState(partner: nil) }

    /// The agreement decoded into strings, its partner's name `partner` when given (a string of the same bytes
    /// the caller already holds).
    func agreementState(partner heldPartner: String?) -> AgreementState {
        func string(_ text: Text) -> String { String(decoding: text, as: UTF8.self) }
        var cells: [ExtraCells.Cell] = []
        cells.reserveCapacity(extraCount)
        forEachExtraCell { cells.append(ExtraCells.Cell(header: string($0), value: string($1))) }
        let record = AgreementRecord(
            partner: heldPartner ?? string(partner), country: country.map(string), countryCode: countryCode.map(string),
            city: city.map(string), signed: signed, validUntil: validUntil, indefinite: indefinite,
            term: term.map(string), status: status, kind: kind.map(string), reference: reference.map(string),
            url: url.map(string), row: row, extra: ExtraCells(cells))
        return AgreementState(id: string(id), source: string(source), record: record, state: state, firstSeq: firstSeq,
                              lastRecorded: lastRecorded, endedOn: endedOn)
    }

    func forEachExtraCell(_ body: (Text, Text) -> Void) {
        var r = BinaryReader(extra)
        for _ in 0..<extraCount {
            let header = r.text()
            body(header, r.text())
        }
    }

    func appendJSONString<Out: ByteSink>(_ text: Text, to out: inout Out) {
        if escapeFree { JSONWriter.writeQuoted(utf8: text, into: &out) } else { JSONWriter.writeString(utf8: text, into: &out) }
    }

    /// The entry of `status --json`: the bytes `AgreementState.appendPrettyJSON` gives for `agreementState`.
    func appendStatusJSON<Out: ByteSink>(to out: inout Out, level: Int) {
        let entry = scanned()
        guard entry.isPlain else { return agreementState.appendPrettyJSON(to: &out, level: level) }
        entry.appendJSON(to: &out, indentLevel: level, agreement: id, source: source, state: state.rawValue)
    }

    /// Whether the agreement belongs to the source named by these UTF-8 bytes.
    func hasSource(_ utf8: [UInt8]) -> Bool {
        guard isPlain else { return agreementState.source.utf8.elementsEqual(utf8) }
        return source.elementsEqual(utf8)
    }

    /// What one look at an entry's strings finds: whether all are valid UTF-8 without NUL (which strings
    /// from the file would not hold), and whether any needs a JSON escape. Eight bytes at a time; a string
    /// with a byte outside ASCII goes through the full validator.
    private struct TextScan {
        private(set) var plain = true
        private(set) var escapeFree = true

        mutating func add(_ text: Text?) {
            guard let text, let base = text.baseAddress else { return }
            var odd: UInt64 = 0, control: UInt64 = 0
            var i = 0
            while i + 8 <= text.count {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                odd |= w & 0x8080_8080_8080_8080
                control |= JSONWriter.escapeBits(w)
                i += 8
            }
            while i < text.count {
                let c = base[i]
                if c >= 0x80 { odd |= 1 }
                if c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { control |= 1 }
                i += 1
            }
            // A NUL is a control character: the validator decides whether it is also a fault.
            if odd != 0 || control != 0 { plain = plain && UTF8Validation.firstProblem(in: text) == nil }
            escapeFree = escapeFree && control == 0
        }
    }

    private static func precedes(_ a: Text, _ b: Text) -> Bool { a.lexicographicallyPrecedes(b) }
}

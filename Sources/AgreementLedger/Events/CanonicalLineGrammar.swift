/// A scalar value of a `changes` member as the canonical grammar reads it; a string is its bytes' range in
/// the line (valid UTF-8, no escape).
enum CanonicalScalar {
    case null
    case bool(Bool)
    case int(Int)
    case string(Range<Int>)
}

/// What the canonical grammar hands its values to. `CanonicalLineDecoder` builds the event; `CanonicalLineCheck`
/// keeps only what links lines, so `verify` makes no string, record or event per line. One grammar serves both,
/// so the check accepts exactly the lines the decoder reads.
protocol CanonicalLineBuilder {
    associatedtype Record
    associatedtype Event
    /// A string's bytes: valid UTF-8 without escapes or control characters.
    typealias Text = Range<Int>

    mutating func extraCell(header: Text, value: Text)
    mutating func change(field: Text, from: CanonicalScalar, to: CanonicalScalar)
    /// The record read so far, with the extra cells given since the last record.
    mutating func record(partner: Text, country: Text?, countryCode: Text?, city: Text?, signed: PartialDate?,
                         validUntil: PartialDate?, indefinite: Bool, term: Text?, status: AgreementStatus?, kind: Text?,
                         reference: Text?, url: Text?, row: Int) -> Record
    /// A lifecycle event; `hasChanges` when the line held a `changes` member (its changes given before).
    mutating func lifecycle(type: EventType, importID: Text, source: Text, recorded: PartialDate, agreement: Text,
                            partner: Text?, country: Text?, effective: PartialDate?, hasChanges: Bool, record: Record?,
                            seq: Int, prev: Text, hash: Text) -> Event
    mutating func imported(importID: Text, source: Text, recorded: PartialDate, file: Text?, sha256: Text?,
                           counts: EventCounts, formatVersion: Int, seq: Int, prev: Text, hash: Text) -> Event
}

/// The canonical form of a log line as this code writes it (keys in their fixed order, no spaces, strings
/// without escapes), read straight from the bytes.
///
/// It accepts a line only when writing the values it read again gives the line's bytes exactly: numbers
/// without leading zeros or "-0", dates that exist, extra headers and changed fields in strictly increasing
/// byte order (as the writer sorts them), strings of valid UTF-8. Anything else (an escape, a `changes` value
/// that is not a scalar, a line written by hand) is refused, and the caller takes the general JSON path.
struct CanonicalLineGrammar<Builder: CanonicalLineBuilder> {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    private var builder: Builder

    /// The event of `line`, or nil when the line is not in the form this grammar reads.
    static func read(_ line: UnsafeBufferPointer<UInt8>, into builder: Builder) -> Builder.Event? {
        var grammar = CanonicalLineGrammar(bytes: line, builder: builder)
        return grammar.event()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, builder: Builder) {
        self.bytes = bytes
        self.builder = builder
    }

    private mutating func event() -> Builder.Event? {
        guard literal("{\"") else { return nil }
        if peek("counts\"") { return imported() }
        guard literal("agreement\":"), let agreement = string() else { return nil }
        var hasChanges = false
        if literal(",\"changes\":{") {
            hasChanges = true
            guard changes() else { return nil }
        }
        guard literal(",\"country\":"), let country = optionalString(),
              literal(",\"effective\":"), let effective = optionalDate(),
              literal(",\"hash\":"), let hash = string(),
              literal(",\"import\":"), let importID = string(),
              literal(",\"partner\":"), let partner = optionalString(),
              literal(",\"prev\":"), let prev = string() else { return nil }
        var record: Builder.Record?
        if literal(",\"record\":") {
            guard let r = self.record() else { return nil }
            record = r
        }
        guard literal(",\"recorded\":"), let recorded = date(), recorded.isFullDate,
              literal(",\"seq\":"), let seq = int(),
              literal(",\"source\":"), let source = string(),
              literal(",\"type\":"), let typeRange = string(), literal("}"), at == bytes.count,
              let type = EventType(rawValue: String(decoding: UnsafeBufferPointer(rebasing: bytes[typeRange]), as: UTF8.self)),
              type != .imported else { return nil }
        return builder.lifecycle(type: type, importID: importID, source: source, recorded: recorded, agreement: agreement,
                                 partner: partner, country: country, effective: effective, hasChanges: hasChanges,
                                 record: record, seq: seq, prev: prev, hash: hash)
    }

    private mutating func imported() -> Builder.Event? {
        guard literal("counts\":{\"amended\":"), let amended = int(), literal(",\"closed\":"), let closed = int(),
              literal(",\"expired\":"), let expired = int(), literal(",\"renewed\":"), let renewed = int(),
              literal(",\"signed\":"), let signed = int(), literal("}"),
              literal(",\"file\":"), let file = optionalString(),
              literal(",\"formatVersion\":"), let formatVersion = int(),
              literal(",\"hash\":"), let hash = string(),
              literal(",\"import\":"), let importID = string(),
              literal(",\"prev\":"), let prev = string(),
              literal(",\"recorded\":"), let recorded = date(), recorded.isFullDate,
              literal(",\"seq\":"), let seq = int(),
              literal(",\"sha256\":"), let sha256 = optionalString(),
              literal(",\"source\":"), let source = string(),
              literal(",\"type\":\"imported\"}"), at == bytes.count else { return nil }
        var counts = EventCounts()
        counts.amended = amended
        counts.closed = closed
        counts.expired = expired
        counts.renewed = renewed
        counts.signed = signed
        return builder.imported(importID: importID, source: source, recorded: recorded, file: file, sha256: sha256,
                                counts: counts, formatVersion: formatVersion, seq: seq, prev: prev, hash: hash)
    }

    /// The members of `changes` after its opening brace, through its closing one: each `{"from":…,"to":…}`
    /// of scalars, fields in strictly increasing byte order (an empty object too: the writer keeps one).
    private mutating func changes() -> Bool {
        if literal("}") { return true }
        var last: Range<Int>?
        repeat {
            guard let field = string(), isAfter(field, last), literal(":{\"from\":"), let from = scalar(),
                  literal(",\"to\":"), let to = scalar(), literal("}") else { return false }
            builder.change(field: field, from: from, to: to)
            last = field
        } while literal(",")
        return literal("}")
    }

    private mutating func record() -> Builder.Record? {
        guard literal("{\"city\":"), let city = optionalString(),
              literal(",\"country\":"), let country = optionalString(),
              literal(",\"countryCode\":"), let countryCode = optionalString(),
              literal(",\"extra\":{") else { return nil }
        if !literal("}") {
            var last: Range<Int>?
            repeat {
                guard let header = string(), isAfter(header, last), literal(":"), let value = string() else { return nil }
                builder.extraCell(header: header, value: value)
                last = header
            } while literal(",")
            guard literal("}") else { return nil }
        }
        guard literal(",\"indefinite\":"), let indefinite = bool(),
              literal(",\"kind\":"), let kind = optionalString(),
              literal(",\"partner\":"), let partner = string(),
              literal(",\"reference\":"), let reference = optionalString(),
              literal(",\"row\":"), let row = int(),
              literal(",\"signed\":"), let signed = optionalDate(),
              literal(",\"status\":"), let statusText = optionalString(),
              literal(",\"term\":"), let term = optionalString(),
              literal(",\"url\":"), let url = optionalString(),
              literal(",\"validUntil\":"), let validUntil = optionalDate(), literal("}") else { return nil }
        var status: AgreementStatus?
        if let range = statusText {
            guard let s = AgreementStatus(rawValue: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            else { return nil }
            status = s
        }
        return builder.record(partner: partner, country: country, countryCode: countryCode, city: city, signed: signed,
                              validUntil: validUntil, indefinite: indefinite, term: term, status: status, kind: kind,
                              reference: reference, url: url, row: row)
    }

    // MARK: - Tokens

    /// Whether the bytes of `key` come strictly after those of `previous` (the order canonical JSON gives keys).
    private func isAfter(_ key: Range<Int>, _ previous: Range<Int>?) -> Bool {
        guard let previous else { return true }
        return bytes[previous].lexicographicallyPrecedes(bytes[key])
    }

    private func peek(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard at + n <= bytes.count else { return false }
        for i in 0..<n where bytes[at + i] != text.utf8Start[i] { return false }
        return true
    }

    private mutating func literal(_ text: StaticString) -> Bool {
        guard peek(text) else { return false }
        at += text.utf8CodeUnitCount
        return true
    }

    /// A string without escapes or control characters, of valid UTF-8: the range of its bytes.
    private mutating func string() -> Range<Int>? {
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
        var end = at + 1
        var ascii = true
        while end < bytes.count {
            let b = bytes[end]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
            if b >= 0x80 { ascii = false }
            end += 1
        }
        guard end < bytes.count else { return nil }
        let range = (at + 1)..<end
        if !ascii && UTF8Validation.firstProblem(in: UnsafeBufferPointer(rebasing: bytes[range])) != nil { return nil }
        at = end + 1
        return range
    }

    /// `.some(nil)` for `null`, nil when the value is neither null nor a plain string.
    private mutating func optionalString() -> Range<Int>?? {
        if literal("null") { return .some(nil) }
        return string().map { .some($0) }
    }

    /// A quoted "YYYY", "YYYY-MM" or "YYYY-MM-DD" read from its digits (a date that exists, so it is written back
    /// the same).
    private mutating func date() -> PartialDate? {
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                let b = bytes[i]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                v = v * 10 + Int(b - 0x30)
            }
            return v
        }
        guard let year = digits(at + 1, 4) else { return nil }
        var end = at + 5, month: Int?, day: Int?
        if end < bytes.count && bytes[end] == UInt8(ascii: "-") {
            guard let m = digits(end + 1, 2) else { return nil }
            month = m
            end += 3
            if end < bytes.count && bytes[end] == UInt8(ascii: "-") {
                guard let d = digits(end + 1, 2) else { return nil }
                day = d
                end += 3
            }
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\""), let date = PartialDate(year: year, month: month, day: day) else { return nil }
        at = end + 1
        return date
    }

    /// `.some(nil)` for `null`, nil when the value is neither null nor a date.
    private mutating func optionalDate() -> PartialDate?? {
        if literal("null") { return .some(nil) }
        return date().map { .some($0) }
    }

    /// An integer as the writer writes one: no leading zero, no "-0", at most 18 digits.
    private mutating func int() -> Int? {
        var v = 0, digits = 0
        let negative = literal("-")
        while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39, digits < 18 {
            v = v * 10 + Int(bytes[at] - 0x30)
            at += 1
            digits += 1
        }
        guard digits > 0, !(digits > 1 && bytes[at - digits] == 0x30), !(negative && v == 0),
              at == bytes.count || bytes[at] < 0x30 || bytes[at] > 0x39 else { return nil }
        return negative ? -v : v
    }

    private mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    private mutating func scalar() -> CanonicalScalar? {
        if literal("null") { return .null }
        if let b = bool() { return .bool(b) }
        if at < bytes.count, bytes[at] == UInt8(ascii: "\"") { return string().map { .string($0) } }
        return int().map { .int($0) }
    }
}

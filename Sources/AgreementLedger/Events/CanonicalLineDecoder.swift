/// Reads an event straight from a log line in the canonical form this code writes (keys in their fixed
/// order, no spaces), without building a JSON tree: decoding millions of lines is what `verify`,
/// `status --at` and every fold of a long log spend their time on.
///
/// It returns nil for anything unusual (an escape in a string, a `changes` member, a key out of place,
/// a line written by hand); the caller then takes the general JSON path, which accepts the same lines
/// and names what is wrong. So this decoder only ever speeds up, never decides.
struct CanonicalLineDecoder {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    static func decode(_ line: UnsafeBufferPointer<UInt8>) -> LedgerEvent? {
        var d = CanonicalLineDecoder(bytes: line)
        return d.event()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func event() -> LedgerEvent? {
        guard literal("{\"") else { return nil }
        if peek("counts\"") { return imported() }
        guard literal("agreement\":"), let agreement = string(),
              literal(",\"country\":"), let country = optionalString(),
              literal(",\"effective\":"), let effective = optionalDate(),
              literal(",\"hash\":"), let hash = string(),
              literal(",\"import\":"), let importID = string(),
              literal(",\"partner\":"), let partner = optionalString(),
              literal(",\"prev\":"), let prev = string() else { return nil }
        var record: AgreementRecord?
        if literal(",\"record\":") {
            guard let r = self.record() else { return nil }
            record = r
        }
        guard literal(",\"recorded\":"), let recorded = date(), recorded.isFullDate,
              literal(",\"seq\":"), let seq = int(),
              literal(",\"source\":"), let source = string(),
              literal(",\"type\":"), let typeText = string(), literal("}"), at == bytes.count,
              let type = EventType(rawValue: typeText), type != .imported else { return nil }
        return LedgerEvent(type: type, importID: importID, source: source, recorded: recorded, agreement: agreement,
                           partner: partner, country: country, effective: effective, record: record,
                           seq: seq, prev: prev, hash: hash)
    }

    private mutating func imported() -> LedgerEvent? {
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
        return LedgerEvent(type: .imported, importID: importID, source: source, recorded: recorded, file: file,
                           sha256: sha256, counts: counts, formatVersion: formatVersion, seq: seq, prev: prev, hash: hash)
    }

    private mutating func record() -> AgreementRecord? {
        guard literal("{\"city\":"), let city = optionalString(),
              literal(",\"country\":"), let country = optionalString(),
              literal(",\"countryCode\":"), let countryCode = optionalString(),
              literal(",\"extra\":{") else { return nil }
        var extra: [ExtraCells.Cell] = []
        if !literal("}") {
            repeat {
                guard let key = string(), literal(":"), let value = string() else { return nil }
                extra.append(ExtraCells.Cell(header: key, value: value))
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
        if let t = statusText { guard let s = AgreementStatus(rawValue: t) else { return nil }; status = s }
        return AgreementRecord(partner: partner, country: country, countryCode: countryCode, city: city, signed: signed,
                               validUntil: validUntil, indefinite: indefinite, term: term, status: status, kind: kind,
                               reference: reference, url: url, row: row, extra: ExtraCells(extra))
    }

    // MARK: - Tokens

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

    /// A string without escapes (an escape sends the line to the general path).
    private mutating func string() -> String? {
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
        var end = at + 1
        while end < bytes.count {
            let b = bytes[end]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
            end += 1
        }
        guard end < bytes.count else { return nil }
        let raw = UnsafeBufferPointer(rebasing: bytes[(at + 1)..<end])
        let s: String
        if raw.allSatisfy({ $0 < 0x80 }) {
            s = String(decoding: raw, as: UTF8.self)
        } else {
            guard let valid = String(validating: raw, as: UTF8.self) else { return nil }
            s = valid
        }
        at = end + 1
        return s
    }

    /// `.some(nil)` for `null`, nil when the value is neither null nor a plain string.
    private mutating func optionalString() -> String?? {
        if literal("null") { return .some(nil) }
        return string().map { .some($0) }
    }

    /// A quoted "YYYY", "YYYY-MM" or "YYYY-MM-DD" read from its digits.
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

    private mutating func int() -> Int? {
        var v = 0, digits = 0
        let negative = literal("-")
        while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39, digits < 18 {
            v = v * 10 + Int(bytes[at] - 0x30)
            at += 1
            digits += 1
        }
        // No leading zeros in canonical form, and no more digits than read.
        guard digits > 0, !(digits > 1 && bytes[at - digits] == 0x30),
              at == bytes.count || bytes[at] < 0x30 || bytes[at] > 0x39 else { return nil }
        return negative ? -v : v
    }

    private mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }
}

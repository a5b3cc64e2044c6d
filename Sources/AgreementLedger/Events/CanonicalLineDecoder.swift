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
              literal(",\"effective\":"), let effectiveText = optionalString(),
              literal(",\"hash\":"), let hash = string(),
              literal(",\"import\":"), let importID = string(),
              literal(",\"partner\":"), let partner = optionalString(),
              literal(",\"prev\":"), let prev = string() else { return nil }
        var record: AgreementRecord?
        if literal(",\"record\":") {
            guard let r = self.record() else { return nil }
            record = r
        }
        guard literal(",\"recorded\":"), let recordedText = string(),
              literal(",\"seq\":"), let seq = int(),
              literal(",\"source\":"), let source = string(),
              literal(",\"type\":"), let typeText = string(), literal("}"), at == bytes.count,
              let type = EventType(rawValue: typeText), type != .imported,
              let recorded = PartialDate(recordedText), recorded.isFullDate else { return nil }
        var effective: PartialDate?
        if let text = effectiveText {
            guard let d = PartialDate(text) else { return nil }
            effective = d
        }
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
              literal(",\"recorded\":"), let recordedText = string(),
              literal(",\"seq\":"), let seq = int(),
              literal(",\"sha256\":"), let sha256 = optionalString(),
              literal(",\"source\":"), let source = string(),
              literal(",\"type\":\"imported\"}"), at == bytes.count,
              let recorded = PartialDate(recordedText), recorded.isFullDate else { return nil }
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
        var extra: [String: String] = [:]
        if !literal("}") {
            repeat {
                guard let key = string(), literal(":"), let value = string() else { return nil }
                extra[key] = value
            } while literal(",")
            guard literal("}") else { return nil }
        }
        guard literal(",\"indefinite\":"), let indefinite = bool(),
              literal(",\"kind\":"), let kind = optionalString(),
              literal(",\"partner\":"), let partner = string(),
              literal(",\"reference\":"), let reference = optionalString(),
              literal(",\"row\":"), let row = int(),
              literal(",\"signed\":"), let signedText = optionalString(),
              literal(",\"status\":"), let statusText = optionalString(),
              literal(",\"term\":"), let term = optionalString(),
              literal(",\"url\":"), let url = optionalString(),
              literal(",\"validUntil\":"), let validText = optionalString(), literal("}") else { return nil }
        var signed: PartialDate?, validUntil: PartialDate?, status: AgreementStatus?
        if let t = signedText { guard let d = PartialDate(t) else { return nil }; signed = d }
        if let t = validText { guard let d = PartialDate(t) else { return nil }; validUntil = d }
        if let t = statusText { guard let s = AgreementStatus(rawValue: t) else { return nil }; status = s }
        return AgreementRecord(partner: partner, country: country, countryCode: countryCode, city: city, signed: signed,
                               validUntil: validUntil, indefinite: indefinite, term: term, status: status, kind: kind,
                               reference: reference, url: url, row: row, extra: extra)
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
        guard end < bytes.count,
              let s = String(validating: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<end]), as: UTF8.self) else { return nil }
        at = end + 1
        return s
    }

    /// `.some(nil)` for `null`, nil when the value is neither null nor a plain string.
    private mutating func optionalString() -> String?? {
        if literal("null") { return .some(nil) }
        return string().map { .some($0) }
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

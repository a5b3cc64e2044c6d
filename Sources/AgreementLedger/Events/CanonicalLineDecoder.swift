/// Reads an event straight from a log line in the canonical form this code writes (`CanonicalLineGrammar`),
/// without building a JSON tree: decoding millions of lines is what `status --at`, `history` and every fold
/// of a long log spend their time on.
///
/// It returns nil for anything unusual (an escape in a string, a key out of place, a line written by hand);
/// the caller then takes the general JSON path, which accepts the same lines and names what is wrong. So this
/// decoder only ever speeds up, never decides.
struct CanonicalLineDecoder: CanonicalLineBuilder {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var extra: [ExtraCells.Cell] = []
    private var changes: [String: FieldChange] = [:]

    static func decode(_ line: UnsafeBufferPointer<UInt8>) -> LedgerEvent? {
        CanonicalLineGrammar.read(line, into: CanonicalLineDecoder(bytes: line))
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The string of a range the grammar found valid.
    private func text(_ range: Text) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func text(_ range: Text?) -> String? { range.map(text) }

    private func value(_ scalar: CanonicalScalar) -> JSONValue {
        switch scalar {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .string(let range): .string(text(range))
        }
    }

    mutating func extraCell(header: Text, value: Text) {
        extra.append(ExtraCells.Cell(header: text(header), value: text(value)))
    }

    mutating func change(field: Text, from: CanonicalScalar, to: CanonicalScalar) {
        changes[text(field)] = FieldChange(from: value(from), to: value(to))
    }

    mutating func record(partner: Text, country: Text?, countryCode: Text?, city: Text?, signed: PartialDate?,
                         validUntil: PartialDate?, indefinite: Bool, term: Text?, status: AgreementStatus?, kind: Text?,
                         reference: Text?, url: Text?, row: Int) -> AgreementRecord {
        defer { extra = [] }
        return AgreementRecord(partner: text(partner), country: text(country), countryCode: text(countryCode),
                               city: text(city), signed: signed, validUntil: validUntil, indefinite: indefinite,
                               term: text(term), status: status, kind: text(kind), reference: text(reference),
                               url: text(url), row: row, extra: ExtraCells(extra))
    }

    mutating func lifecycle(type: EventType, importID: Text, source: Text, recorded: PartialDate, agreement: Text,
                            partner: Text?, country: Text?, effective: PartialDate?, hasChanges: Bool,
                            record: AgreementRecord?, seq: Int, prev: Text, hash: Text) -> LedgerEvent {
        LedgerEvent(type: type, importID: text(importID), source: text(source), recorded: recorded,
                    agreement: text(agreement), partner: text(partner), country: text(country), effective: effective,
                    changes: hasChanges ? changes : nil, record: record, seq: seq, prev: text(prev), hash: text(hash))
    }

    mutating func imported(importID: Text, source: Text, recorded: PartialDate, file: Text?, sha256: Text?,
                           counts: EventCounts, formatVersion: Int, seq: Int, prev: Text, hash: Text) -> LedgerEvent {
        LedgerEvent(type: .imported, importID: text(importID), source: text(source), recorded: recorded,
                    file: text(file), sha256: text(sha256), counts: counts, formatVersion: formatVersion, seq: seq,
                    prev: text(prev), hash: text(hash))
    }
}

/// The contract's JSON shape of a RECORD, used by `inspect`, the `signed` event and `status`.
extension AgreementRecord {
    /// All RECORD fields; absent values are `null` so every record has the same keys.
    public var json: JSONValue {
        .object(jsonFields)
    }

    /// The fields as a dictionary, for callers that add their own (status adds `agreement`, `state`).
    public var jsonFields: [String: JSONValue] {
        [
            "partner": .string(partner),
            "country": .optional(country),
            "countryCode": .optional(countryCode),
            "city": .optional(city),
            "signed": .optional(signed?.description),
            "validUntil": .optional(validUntil?.description),
            "indefinite": .bool(indefinite),
            "term": .optional(term),
            "status": .optional(status?.rawValue),
            "kind": .optional(kind),
            "reference": .optional(reference),
            "url": .optional(url),
            "row": .int(row),
            "extra": .object(extra.dictionary.mapValues(JSONValue.string)),
        ]
    }

    /// Reads a RECORD back; nil when a required field is missing or malformed.
    public init?(json: JSONValue) {
        guard case .object(let o) = json,
              let partner = o["partner"]?.stringValue,
              let row = o["row"]?.intValue else { return nil }
        func text(_ key: String) -> String? { o[key]?.stringValue }
        func date(_ key: String) -> PartialDate?? {
            guard let v = o[key], !v.isNull else { return .some(nil) }
            guard let s = v.stringValue, let d = PartialDate(s) else { return nil }
            return .some(d)
        }
        guard let signed = date("signed"), let validUntil = date("validUntil") else { return nil }
        var status: AgreementStatus?
        if let s = text("status") {
            guard let parsed = AgreementStatus(rawValue: s) else { return nil }
            status = parsed
        }
        var extra: [ExtraCells.Cell] = []
        for (k, v) in o["extra"]?.objectValue ?? [:] {
            if let s = v.stringValue { extra.append(ExtraCells.Cell(header: k, value: s)) }
        }
        self.init(
            partner: partner, country: text("country"), countryCode: text("countryCode"), city: text("city"),
            signed: signed, validUntil: validUntil, indefinite: o["indefinite"]?.boolValue ?? false,
            term: text("term"), status: status, kind: text("kind"), reference: text("reference"),
            url: text("url"), row: row, extra: ExtraCells(extra))
    }
}

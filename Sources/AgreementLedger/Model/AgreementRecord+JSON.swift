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

extension AgreementRecord {
    /// Appends the record's JSON object, keys in canonical order: the bytes `JSONWriter` gives for `json`
    /// (canonical with `indentLevel` nil, else pretty at that depth), without a tree. `status` adds an
    /// agreement's `agreement`, `source` and `state`, each written at its place in the key order.
    func appendJSON(to out: inout [UInt8], indentLevel: Int? = nil,
                    agreement: String? = nil, source: String? = nil, state: String? = nil) {
        var w = JSONObjectWriter(&out, indentLevel: indentLevel)
        if let agreement {
            w.key("agreement", &out)
            JSONObjectWriter.string(agreement, &out)
        }
        w.key("city", &out)
        JSONObjectWriter.optionalString(city, &out)
        w.key("country", &out)
        JSONObjectWriter.optionalString(country, &out)
        w.key("countryCode", &out)
        JSONObjectWriter.optionalString(countryCode, &out)
        w.key("extra", &out)
        var inner = JSONObjectWriter(&out, indentLevel: w.innerLevel)
        for cell in extra {
            inner.key(cell.header, &out)
            JSONObjectWriter.string(cell.value, &out)
        }
        inner.finish(&out)
        w.key("indefinite", &out)
        JSONObjectWriter.bool(indefinite, &out)
        w.key("kind", &out)
        JSONObjectWriter.optionalString(kind, &out)
        w.key("partner", &out)
        JSONObjectWriter.string(partner, &out)
        w.key("reference", &out)
        JSONObjectWriter.optionalString(reference, &out)
        w.key("row", &out)
        JSONObjectWriter.int(row, &out)
        w.key("signed", &out)
        JSONObjectWriter.optionalDate(signed, &out)
        if let source {
            w.key("source", &out)
            JSONObjectWriter.string(source, &out)
        }
        if let state {
            w.key("state", &out)
            JSONObjectWriter.string(state, &out)
        }
        w.key("status", &out)
        JSONObjectWriter.optionalString(status?.rawValue, &out)
        w.key("term", &out)
        JSONObjectWriter.optionalString(term, &out)
        w.key("url", &out)
        JSONObjectWriter.optionalString(url, &out)
        w.key("validUntil", &out)
        JSONObjectWriter.optionalDate(validUntil, &out)
        w.finish(&out)
    }
}

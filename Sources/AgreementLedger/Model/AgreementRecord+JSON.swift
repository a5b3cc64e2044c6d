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

/// What the RECORD JSON writer reads: an `AgreementRecord`, or an agreement of the state checkpoint read in
/// place (`CheckpointEntry`), so one key sequence serves both and `status` never builds strings to print them.
protocol RecordJSONFields {
    associatedtype Text
    func appendJSONString<Out: ByteSink>(_ text: Text, to out: inout Out)
    var partner: Text { get }
    var country: Text? { get }
    var countryCode: Text? { get }
    var city: Text? { get }
    var signed: PartialDate? { get }
    var validUntil: PartialDate? { get }
    var indefinite: Bool { get }
    var term: Text? { get }
    var status: AgreementStatus? { get }
    var kind: Text? { get }
    var reference: Text? { get }
    var url: Text? { get }
    var row: Int { get }
    /// The unmapped cells, headers in canonical key order.
    func forEachExtraCell(_ body: (Text, Text) -> Void)
}

extension AgreementRecord: RecordJSONFields {
    func appendJSONString<Out: ByteSink>(_ text: String, to out: inout Out) { JSONWriter.writeString(text, into: &out) }

    func forEachExtraCell(_ body: (String, String) -> Void) {
        for cell in extra { body(cell.header, cell.value) }
    }
}

extension RecordJSONFields {
    /// Appends the record's JSON object, keys in canonical order: the bytes `JSONWriter` gives for `json`
    /// (canonical with `indentLevel` nil, else pretty at that depth), without a tree. `status` adds an
    /// agreement's `agreement`, `source` and `state`, each written at its place in the key order.
    func appendJSON<Out: ByteSink>(to out: inout Out, indentLevel: Int? = nil,
                    agreement: Text? = nil, source: Text? = nil, state: String? = nil) {
        func text(_ value: Text?) {
            if let value { appendJSONString(value, to: &out) } else { out.appendStatic("null") }
        }
        var w = JSONObjectWriter(&out, indentLevel: indentLevel)
        if let agreement {
            w.key("agreement", &out)
            text(agreement)
        }
        w.key("city", &out)
        text(city)
        w.key("country", &out)
        text(country)
        w.key("countryCode", &out)
        text(countryCode)
        w.key("extra", &out)
        var inner = JSONObjectWriter(&out, indentLevel: w.innerLevel)
        forEachExtraCell { header, value in
            inner.separate(&out)
            appendJSONString(header, to: &out)
            inner.colon(&out)
            appendJSONString(value, to: &out)
        }
        inner.finish(&out)
        w.key("indefinite", &out)
        JSONObjectWriter.bool(indefinite, &out)
        w.key("kind", &out)
        text(kind)
        w.key("partner", &out)
        text(partner)
        w.key("reference", &out)
        text(reference)
        w.key("row", &out)
        JSONObjectWriter.int(row, &out)
        w.key("signed", &out)
        JSONObjectWriter.optionalDate(signed, &out)
        if let source {
            w.key("source", &out)
            text(source)
        }
        if let state {
            w.key("state", &out)
            JSONObjectWriter.string(state, &out)
        }
        w.key("status", &out)
        JSONObjectWriter.optionalString(status?.rawValue, &out)
        w.key("term", &out)
        text(term)
        w.key("url", &out)
        text(url)
        w.key("validUntil", &out)
        JSONObjectWriter.optionalDate(validUntil, &out)
        w.finish(&out)
    }
}

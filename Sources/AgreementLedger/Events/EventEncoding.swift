/// The canonical line of an event written straight to bytes, keys in their fixed sorted order, without
/// building a JSON tree: an import writes one line per agreement, so this is the store's hot path.
///
/// It must give exactly the bytes of `JSONWriter.appendCanonical(event.json(...))` (the tests compare
/// both on every event of the samples); the tree form stays the reference.
extension LedgerEvent {
    /// Appends the canonical JSON without `hash` (what the hash covers) and returns the offset in `out`
    /// where the `hash` member belongs: just before `"import"`, the key that follows it in both shapes.
    @discardableResult
    func appendCanonicalWithoutHash(to out: inout [UInt8]) -> Int {
        appendCanonicalWithoutHash(to: &out, placeholderPrev: false).hashAt
    }

    /// As above, with `prev` written as the genesis hash when `placeholderPrev` (its real value is put in
    /// place later: see `ChainedLines`); returns where the `hash` member belongs and where `prev`'s 64
    /// hex digits start.
    func appendCanonicalWithoutHash(to out: inout [UInt8], placeholderPrev: Bool) -> (hashAt: Int, prevAt: Int) {
        var w = CanonicalObjectWriter(&out)
        let split: Int
        var prevAt = 0
        if type == .imported {
            w.key("counts", &out)
            JSONWriter.appendCanonical((counts ?? EventCounts()).json, to: &out)
            w.key("file", &out)
            CanonicalObjectWriter.optionalString(file, &out)
            w.key("formatVersion", &out)
            CanonicalObjectWriter.int(formatVersion ?? LedgerEvent.currentFormatVersion, &out)
            split = out.count
            w.key("import", &out)
            CanonicalObjectWriter.string(importID, &out)
            w.key("prev", &out)
            prevAt = out.count + 1
            CanonicalObjectWriter.string(placeholderPrev ? LedgerEvent.genesisHash : prev, &out)
            w.key("recorded", &out)
            CanonicalObjectWriter.string(recorded.description, &out)
            w.key("seq", &out)
            CanonicalObjectWriter.int(seq, &out)
            w.key("sha256", &out)
            CanonicalObjectWriter.optionalString(sha256, &out)
        } else {
            w.key("agreement", &out)
            CanonicalObjectWriter.optionalString(agreement, &out)
            if let changes {
                w.key("changes", &out)
                var inner = CanonicalObjectWriter(&out)
                for field in JSONWriter.sortedKeys(changes) {
                    inner.key(field, &out)
                    JSONWriter.appendCanonical(changes[field]!.json, to: &out)
                }
                inner.finish(&out)
            }
            w.key("country", &out)
            CanonicalObjectWriter.optionalString(country, &out)
            w.key("effective", &out)
            CanonicalObjectWriter.optionalString(effective?.description, &out)
            split = out.count
            w.key("import", &out)
            CanonicalObjectWriter.string(importID, &out)
            w.key("partner", &out)
            CanonicalObjectWriter.optionalString(partner, &out)
            w.key("prev", &out)
            prevAt = out.count + 1
            CanonicalObjectWriter.string(placeholderPrev ? LedgerEvent.genesisHash : prev, &out)
            if let record {
                w.key("record", &out)
                record.appendCanonical(to: &out)
            }
            w.key("recorded", &out)
            CanonicalObjectWriter.string(recorded.description, &out)
            w.key("seq", &out)
            CanonicalObjectWriter.int(seq, &out)
        }
        w.key("source", &out)
        CanonicalObjectWriter.string(source, &out)
        w.key("type", &out)
        CanonicalObjectWriter.string(type.rawValue, &out)
        w.finish(&out)
        // The member before "import" was followed by a comma: the hash member goes after it.
        return (split + 1, prevAt)
    }

    /// The hash computed over the event's canonical JSON without `hash`, and the canonical line with that
    /// hash in place, from one serialization (the event itself is not changed).
    func canonicalLineAndHash() -> (line: [UInt8], hash: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(768)
        let split = appendCanonicalWithoutHash(to: &bytes)
        let hash = SHA256.hex(of: SHA256.digest(bytes))
        var line: [UInt8] = []
        line.reserveCapacity(bytes.count + 80)
        LedgerEvent.insertHash(hash, into: bytes, at: split, appendingTo: &line)
        return (line, hash)
    }

    /// The canonical line: the JSON without `hash` with the `hash` member put back at `split`.
    static func insertHash(_ hash: String, into withoutHash: [UInt8], at split: Int, appendingTo out: inout [UInt8]) {
        out.append(contentsOf: withoutHash[..<split])
        out.append(contentsOf: #""hash":"#.utf8)
        JSONWriter.writeString(hash, into: &out)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: withoutHash[split...])
    }
}

extension AgreementRecord {
    /// The record's canonical JSON, keys in sorted order (as `JSONWriter.appendCanonical(json)`).
    func appendCanonical(to out: inout [UInt8]) {
        var w = CanonicalObjectWriter(&out)
        w.key("city", &out)
        CanonicalObjectWriter.optionalString(city, &out)
        w.key("country", &out)
        CanonicalObjectWriter.optionalString(country, &out)
        w.key("countryCode", &out)
        CanonicalObjectWriter.optionalString(countryCode, &out)
        w.key("extra", &out)
        var inner = CanonicalObjectWriter(&out)
        for cell in extra {
            inner.key(cell.header, &out)
            CanonicalObjectWriter.string(cell.value, &out)
        }
        inner.finish(&out)
        w.key("indefinite", &out)
        out.append(contentsOf: (indefinite ? "true" : "false").utf8)
        w.key("kind", &out)
        CanonicalObjectWriter.optionalString(kind, &out)
        w.key("partner", &out)
        CanonicalObjectWriter.string(partner, &out)
        w.key("reference", &out)
        CanonicalObjectWriter.optionalString(reference, &out)
        w.key("row", &out)
        CanonicalObjectWriter.int(row, &out)
        w.key("signed", &out)
        CanonicalObjectWriter.optionalString(signed?.description, &out)
        w.key("status", &out)
        CanonicalObjectWriter.optionalString(status?.rawValue, &out)
        w.key("term", &out)
        CanonicalObjectWriter.optionalString(term, &out)
        w.key("url", &out)
        CanonicalObjectWriter.optionalString(url, &out)
        w.key("validUntil", &out)
        CanonicalObjectWriter.optionalString(validUntil?.description, &out)
        w.finish(&out)
    }
}

/// Writes one JSON object member by member into a caller's buffer; the caller supplies keys in
/// canonical order.
struct CanonicalObjectWriter {
    private var first = true

    init(_ out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
    }

    mutating func key(_ name: StaticString, _ out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(contentsOf: #"":"#.utf8)
    }

    mutating func key(_ name: String, _ out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        JSONWriter.writeString(name, into: &out)
        out.append(UInt8(ascii: ":"))
    }

    static func string(_ value: String, _ out: inout [UInt8]) { JSONWriter.writeString(value, into: &out) }

    static func optionalString(_ value: String?, _ out: inout [UInt8]) {
        if let value { JSONWriter.writeString(value, into: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    static func int(_ value: Int, _ out: inout [UInt8]) { out.append(contentsOf: String(value).utf8) }

    func finish(_ out: inout [UInt8]) { out.append(UInt8(ascii: "}")) }
}

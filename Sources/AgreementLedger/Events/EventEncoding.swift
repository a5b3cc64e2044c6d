#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
    func appendCanonicalWithoutHash<Out: ByteSink>(to out: inout Out, placeholderPrev: Bool) -> (hashAt: Int, prevAt: Int) {
        var w = JSONObjectWriter(&out)
        let split: Int
        var prevAt = 0
        if type == .imported {
            w.key("counts", &out)
            JSONWriter.appendCanonical((counts ?? EventCounts()).json, to: &out)
            w.key("file", &out)
            JSONObjectWriter.optionalString(file, &out)
            w.key("formatVersion", &out)
            JSONObjectWriter.int(formatVersion ?? LedgerEvent.currentFormatVersion, &out)
            split = out.count
            w.key("import", &out)
            JSONObjectWriter.string(importID, &out)
            w.key("prev", &out)
            prevAt = out.count + 1
            JSONObjectWriter.string(placeholderPrev ? LedgerEvent.genesisHash : prev, &out)
            w.key("recorded", &out)
            JSONObjectWriter.optionalDate(recorded, &out)
            w.key("seq", &out)
            JSONObjectWriter.int(seq, &out)
            w.key("sha256", &out)
            JSONObjectWriter.optionalString(sha256, &out)
        } else {
            w.key("agreement", &out)
            JSONObjectWriter.optionalString(agreement, &out)
            if let changes {
                w.key("changes", &out)
                var inner = JSONObjectWriter(&out)
                for field in JSONWriter.sortedKeys(changes) {
                    inner.key(text: field, &out)
                    JSONWriter.appendCanonical(changes[field]!.json, to: &out)
                }
                inner.finish(&out)
            }
            w.key("country", &out)
            JSONObjectWriter.optionalString(country, &out)
            w.key("effective", &out)
            JSONObjectWriter.optionalDate(effective, &out)
            split = out.count
            w.key("import", &out)
            JSONObjectWriter.string(importID, &out)
            w.key("partner", &out)
            JSONObjectWriter.optionalString(partner, &out)
            w.key("prev", &out)
            prevAt = out.count + 1
            JSONObjectWriter.string(placeholderPrev ? LedgerEvent.genesisHash : prev, &out)
            if let record {
                w.key("record", &out)
                record.appendJSON(to: &out)
            }
            w.key("recorded", &out)
            JSONObjectWriter.optionalDate(recorded, &out)
            w.key("seq", &out)
            JSONObjectWriter.int(seq, &out)
        }
        w.key("source", &out)
        JSONObjectWriter.string(source, &out)
        w.key("type", &out)
        JSONObjectWriter.string(type.rawValue, &out)
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

    /// Whether `line` is exactly this event's canonical line, holding the hash of its content: `verify`'s
    /// check of every line, compared in place (no second copy of the line, no hash string).
    func isCanonicalLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.count)
        let split = appendCanonicalWithoutHash(to: &bytes)
        let opening = #""hash":""#.utf8, closing = #"","#.utf8
        let member = opening.count + 64 + closing.count
        guard line.count == bytes.count + member, let base = line.baseAddress else { return false }
        return bytes.withUnsafeBufferPointer { own -> Bool in
            guard memcmp(base, own.baseAddress!, split) == 0,
                  memcmp(base + split + member, own.baseAddress! + split, own.count - split) == 0,
                  line[split..<(split + opening.count)].elementsEqual(opening),
                  line[(split + member - closing.count)..<(split + member)].elementsEqual(closing) else { return false }
            let digest = SHA256.digest(UnsafeRawBufferPointer(own))
            let hex = split + opening.count
            for (i, byte) in digest.enumerated()
            where line[hex + 2 * i] != SHA256.hexDigit(byte >> 4) || line[hex + 2 * i + 1] != SHA256.hexDigit(byte & 0x0F) {
                return false
            }
            return true
        }
    }

    /// The canonical line: the JSON without `hash` with the `hash` member put back at `split`.
    static func insertHash(_ hash: String, into withoutHash: [UInt8], at split: Int, appendingTo out: inout [UInt8]) {
        out.append(contentsOf: withoutHash[..<split])
        out.appendStatic(#""hash":"#)
        JSONWriter.writeString(hash, into: &out)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: withoutHash[split...])
    }
}

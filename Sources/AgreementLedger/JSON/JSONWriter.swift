/// Writes JSON in the one canonical form the hash chain depends on: object keys sorted by their UTF-8
/// bytes, no insignificant whitespace, only `"`, `\` and control characters escaped.
///
/// The same value always gives the same bytes, whatever order the keys were inserted in; Foundation's
/// encoder promises neither the escaping nor the key order across versions, so we own this.
public enum JSONWriter {
    /// The canonical bytes of `value`.
    public static func canonical(_ value: JSONValue) -> String {
        var out = [UInt8]()
        out.reserveCapacity(256)
        write(value, into: &out, indent: nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the canonical bytes of `value` to `out` (the hot path of imports).
    public static func appendCanonical(_ value: JSONValue, to out: inout [UInt8]) {
        write(value, into: &out, indent: nil, level: 0)
    }

    /// As above, into any byte sink, through an array (what goes this way, an event's changes or an import's
    /// counts, is a small part of a batch).
    static func appendCanonical<Out: ByteSink>(_ value: JSONValue, to out: inout Out) {
        var bytes: [UInt8] = []
        appendCanonical(value, to: &bytes)
        bytes.withUnsafeBufferPointer { out.append(contentsOf: $0) }
    }

    /// Indented output for people; same key order as the canonical form.
    public static func pretty(_ value: JSONValue) -> String {
        var out = [UInt8]()
        write(value, into: &out, indent: 2, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` in the indented form as it appears nested `level` deep (for output written in
    /// pieces, e.g. one array item at a time).
    public static func appendPretty(_ value: JSONValue, to out: inout [UInt8], level: Int) {
        write(value, into: &out, indent: 2, level: level)
    }

    /// Keys in canonical order.
    public static func sortedKeys<V>(_ object: [String: V]) -> [String] {
        object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int?, level: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                write(item, into: &out, indent: indent, level: level + 1)
            }
            if !items.isEmpty { newline(&out, indent, level) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (n, key) in sortedKeys(members).enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                write(members[key]!, into: &out, indent: indent, level: level + 1)
            }
            if !members.isEmpty { newline(&out, indent, level) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString<Out: ByteSink>(_ s: String, into out: inout Out) {
        if s.utf8.withContiguousStorageIfAvailable({ writeString(utf8: $0, into: &out) }) == nil {
            Array(s.utf8).withUnsafeBufferPointer { writeString(utf8: $0, into: &out) }
        }
    }

    /// Nonzero when some byte of the eight in `w` must be escaped (a control character, a quote, a backslash):
    /// the classic "has less" test, exact for bytes below 0x80 (bytes above never count).
    @inline(__always)
    static func escapeBits(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        func below(_ w: UInt64, _ n: UInt64) -> UInt64 { (w &- ones &* n) & ~w & high }
        return below(w, 0x20) | below(w ^ (ones &* 0x22), 1) | below(w ^ (ones &* 0x5C), 1)
    }

    /// Whether any byte must be escaped (a control character, a quote, a backslash), tested eight bytes at a
    /// time: most strings have none, and `status` writes millions.
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = 0
        while i + 8 <= bytes.count {
            if escapeBits(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) != 0 { return true }
            i += 8
        }
        while i < bytes.count {
            let c = base[i]
            if c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { return true }
            i += 1
        }
        return false
    }

    /// A string whose UTF-8 bytes need no escape (the caller vouches: valid UTF-8, `needsEscape` false), in
    /// quotes.
    @inline(__always)
    static func writeQuoted<Out: ByteSink>(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout Out) {
        out.appendWriting(atMost: bytes.count + 2) { p in
            p[0] = UInt8(ascii: "\"")
            if let base = bytes.baseAddress { (p + 1).initialize(from: base, count: bytes.count) }
            p[bytes.count + 1] = UInt8(ascii: "\"")
            return bytes.count + 2
        }
    }

    /// A string given as its UTF-8 bytes (the caller vouches they are valid UTF-8): `status` writes
    /// strings straight from the state checkpoint's bytes.
    static func writeString<Out: ByteSink>(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout Out) {
        // Most strings need no escape: copied in one go, quotes and all.
        guard needsEscape(bytes) else { return writeQuoted(utf8: bytes, into: &out) }
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out.appendStatic(#"\""#)
            case UInt8(ascii: "\\"): out.appendStatic(#"\\"#)
            case 0x0A: out.appendStatic(#"\n"#)
            case 0x0D: out.appendStatic(#"\r"#)
            case 0x09: out.appendStatic(#"\t"#)
            case 0x08: out.appendStatic(#"\b"#)
            case 0x0C: out.appendStatic(#"\f"#)
            case 0..<0x20:
                out.appendStatic(#"\u00"#)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

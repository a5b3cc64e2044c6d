/// Writes one JSON object member by member into a caller's buffer, the caller supplying keys in canonical
/// order: the bytes of `JSONWriter` for the same object without building a tree (the hot paths of imports
/// and of `status --json`, a line or an entry per agreement).
///
/// With `indentLevel` nil the object is canonical (no whitespace); with a level it is `JSONWriter.pretty`'s
/// form of an object nested that deep.
struct JSONObjectWriter {
    private var first = true
    private let level: Int?

    init<Out: ByteSink>(_ out: inout Out, indentLevel: Int? = nil) {
        level = indentLevel
        out.append(UInt8(ascii: "{"))
    }

    /// A literal key (written as is: keys we name are plain identifiers). A literal given to `key` is always
    /// this one: the `String` form, which escapes its key, has its own label.
    @inline(__always)
    mutating func key<Out: ByteSink>(_ name: StaticString, _ out: inout Out) {
        let indent = level.map { 2 * ($0 + 1) } ?? -1
        let comma = !first
        first = false
        // [,] [\n and indent] "name": [space]
        out.appendWriting(atMost: 2 + max(0, indent) + name.utf8CodeUnitCount + 4) { p in
            var n = 0
            if comma { p[n] = UInt8(ascii: ","); n += 1 }
            if indent >= 0 {
                p[n] = UInt8(ascii: "\n")
                (p + n + 1).initialize(repeating: UInt8(ascii: " "), count: indent)
                n += 1 + indent
            }
            p[n] = UInt8(ascii: "\"")
            (p + n + 1).initialize(from: name.utf8Start, count: name.utf8CodeUnitCount)
            n += 1 + name.utf8CodeUnitCount
            p[n] = UInt8(ascii: "\""); p[n + 1] = UInt8(ascii: ":")
            n += 2
            if indent >= 0 { p[n] = UInt8(ascii: " "); n += 1 }
            return n
        }
    }

    /// A key known only at run time (a field name, an unmapped header), escaped as any string.
    mutating func key<Out: ByteSink>(text name: String, _ out: inout Out) {
        separate(&out)
        JSONWriter.writeString(name, into: &out)
        colon(&out)
    }

    /// After a key the caller wrote itself (following `separate`).
    func colon<Out: ByteSink>(_ out: inout Out) {
        if level == nil { out.append(UInt8(ascii: ":")) } else { out.appendStatic(": ") }
    }

    /// The indentation level of a value nested in this object.
    var innerLevel: Int? { level.map { $0 + 1 } }

    /// Before a member: the comma and, when pretty, the line break and indentation.
    mutating func separate<Out: ByteSink>(_ out: inout Out) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        if let level { JSONObjectWriter.newline(&out, level: level + 1) }
    }

    static func newline<Out: ByteSink>(_ out: inout Out, level: Int) {
        out.appendLineBreak(indent: 2 * level)
    }

    static func string<Out: ByteSink>(_ value: String, _ out: inout Out) { JSONWriter.writeString(value, into: &out) }

    static func optionalString<Out: ByteSink>(_ value: String?, _ out: inout Out) {
        if let value { JSONWriter.writeString(value, into: &out) } else { out.appendStatic("null") }
    }

    /// A date as its `description` string, or null.
    static func optionalDate<Out: ByteSink>(_ value: PartialDate?, _ out: inout Out) {
        guard let value else { return out.appendStatic("null") }
        out.append(UInt8(ascii: "\""))
        value.appendDescription(to: &out)
        out.append(UInt8(ascii: "\""))
    }

    static func bool<Out: ByteSink>(_ value: Bool, _ out: inout Out) {
        if value { out.appendStatic("true") } else { out.appendStatic("false") }
    }

    static func int<Out: ByteSink>(_ value: Int, _ out: inout Out) { out.appendDecimal(value) }

    func finish<Out: ByteSink>(_ out: inout Out) {
        if let level, !first { JSONObjectWriter.newline(&out, level: level) }
        out.append(UInt8(ascii: "}"))
    }
}

/// Writes one JSON object member by member into a caller's buffer, the caller supplying keys in canonical
/// order: the bytes of `JSONWriter` for the same object without building a tree (the hot paths of imports
/// and of `status --json`, a line or an entry per agreement).
///
/// With `indentLevel` nil the object is canonical (no whitespace); with a level it is `JSONWriter.pretty`'s
/// form of an object nested that deep.
struct JSONObjectWriter {
    private var first = true
    private let level: Int?

    init(_ out: inout [UInt8], indentLevel: Int? = nil) {
        level = indentLevel
        out.append(UInt8(ascii: "{"))
    }

    /// A literal key (written as is: keys we name are plain identifiers). A literal given to `key` is always
    /// this one: the `String` form, which escapes its key, has its own label.
    mutating func key(_ name: StaticString, _ out: inout [UInt8]) {
        separate(&out)
        out.append(UInt8(ascii: "\""))
        out.appendStatic(name)
        if level == nil { out.appendStatic(#"":"#) } else { out.appendStatic(#"": "#) }
    }

    /// A key known only at run time (a field name, an unmapped header), escaped as any string.
    mutating func key(text name: String, _ out: inout [UInt8]) {
        separate(&out)
        JSONWriter.writeString(name, into: &out)
        colon(&out)
    }

    /// After a key the caller wrote itself (following `separate`).
    func colon(_ out: inout [UInt8]) {
        if level == nil { out.append(UInt8(ascii: ":")) } else { out.appendStatic(": ") }
    }

    /// The indentation level of a value nested in this object.
    var innerLevel: Int? { level.map { $0 + 1 } }

    /// Before a member: the comma and, when pretty, the line break and indentation.
    mutating func separate(_ out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        if let level { JSONObjectWriter.newline(&out, level: level + 1) }
    }

    static func newline(_ out: inout [UInt8], level: Int) {
        out.appendLineBreak(indent: 2 * level)
    }

    static func string(_ value: String, _ out: inout [UInt8]) { JSONWriter.writeString(value, into: &out) }

    static func optionalString(_ value: String?, _ out: inout [UInt8]) {
        if let value { JSONWriter.writeString(value, into: &out) } else { out.appendStatic("null") }
    }

    /// A date as its `description` string, or null.
    static func optionalDate(_ value: PartialDate?, _ out: inout [UInt8]) {
        guard let value else { return out.appendStatic("null") }
        out.append(UInt8(ascii: "\""))
        value.appendDescription(to: &out)
        out.append(UInt8(ascii: "\""))
    }

    static func bool(_ value: Bool, _ out: inout [UInt8]) {
        if value { out.appendStatic("true") } else { out.appendStatic("false") }
    }

    static func int(_ value: Int, _ out: inout [UInt8]) { out.appendDecimal(value) }

    func finish(_ out: inout [UInt8]) {
        if let level, !first { JSONObjectWriter.newline(&out, level: level) }
        out.append(UInt8(ascii: "}"))
    }
}

/// Strict RFC 8259 JSON reader for the log, mapping files and `--json` round trips: byte-level and
/// allocation-light because it decodes millions of log lines, and strict because a lenient reader would
/// let an edited log line slip past as "equivalent".
///
/// Numbers are integers only (`JSONValue` has no fractions); duplicate object keys are an error.
public enum JSONParser {
    /// Objects and arrays nested deeper than this are refused rather than risking the stack.
    public static let maximumDepth = 512

    /// Parses one JSON document filling all of `bytes` (whitespace around it allowed).
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        let typed = UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        return try parse(typed)
    }

    /// Parses one JSON document from a typed byte buffer.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var reader = JSONByteReader(bytes)
        return try reader.document()
    }

    /// Parses a document that must be in `JSONWriter`'s canonical form (no whitespace, keys in order,
    /// only the writer's escapes), so a log line that parses here is byte-identical to its re-serialization.
    /// Also returns the byte range of the top-level `"hash"` member, for hashing the line without it.
    static func parseCanonical(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError)
        -> (value: JSONValue, hashMember: Range<Int>?) {
        var reader = JSONByteReader(bytes, canonical: true)
        let value = try reader.document()
        return (value, reader.hashMember)
    }

    /// Parses one JSON document from an array of bytes.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses one JSON document from a slice of bytes (a line of a larger buffer); offsets are relative
    /// to the slice's start.
    public static func parse(_ bytes: ArraySlice<UInt8>) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses one JSON document from text; offsets count UTF-8 bytes.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }
}

/// Why a document is not JSON the ledger accepts, and where.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 0-based byte offset of the fault in the input.
    public var offset: Int
    /// What is wrong, in words for the user.
    public var message: String

    /// Set when the document is JSON but not in canonical form (only from the canonical entry point).
    var isCanonicalViolation = false

    /// An error at `offset`; public so other readers (mapping files) can report in the same shape.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// "byte 12: duplicate key \"seq\"", for one-line diagnostics.
    public var description: String { "byte \(offset): \(message)" }
}

/// The cursor over one document's bytes.
struct JSONByteReader {
    /// An object member waiting for its object's end.
    private struct Member {
        var key: String
        var value: JSONValue
        var offset: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let canonical: Bool
    private var i = 0
    private var depth = 0
    /// Reused for strings with escapes.
    private var scratch: [UInt8] = []
    /// Members of the objects being parsed (innermost last), so each dictionary is built at its final size.
    private var members: [Member] = []
    /// Byte range of the top-level `"hash"` member (canonical mode).
    private(set) var hashMember: Range<Int>?

    init(_ bytes: UnsafeBufferPointer<UInt8>, canonical: Bool = false) {
        self.bytes = bytes
        self.canonical = canonical
    }

    private func notCanonical(_ message: String, at offset: Int? = nil) -> JSONParseError {
        var error = JSONParseError(offset: offset ?? i, message: "not in canonical form: " + message)
        error.isCanonicalViolation = true
        return error
    }

    mutating func document() throws(JSONParseError) -> JSONValue {
        if bytes.isEmpty { throw fail("empty input, expected a JSON value") }
        let value = try value()
        try skipWhitespace()
        if i != bytes.count { throw fail("unexpected characters after the JSON value") }
        return value
    }

    private func fail(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(offset: offset ?? i, message: message)
    }

    private func describeByte(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    @inline(__always)
    private mutating func skipWhitespace() throws(JSONParseError) {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09:
                if canonical { throw notCanonical("whitespace outside a string") }
                i += 1
            default: return
            }
        }
    }

    private mutating func value() throws(JSONParseError) -> JSONValue {
        try skipWhitespace()
        guard i < bytes.count else { throw fail("unexpected end of input, expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .int(try number())
        case let b: throw fail("unexpected \(describeByte(b)), expected a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let start = i
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { w in
            bytes.count - start >= count && (0..<count).allSatisfy { bytes[start + $0] == w[$0] }
        }
        guard matches else { throw fail("invalid literal, expected \(word)", at: start) }
        i += count
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > JSONParser.maximumDepth { throw fail("nesting deeper than \(JSONParser.maximumDepth) levels") }
    }

    private mutating func object() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        try skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return .object([:])
        }
        let base = members.count
        defer { members.removeSubrange(base...) }
        while true {
            try skipWhitespace()
            guard i < bytes.count else { throw fail("unexpected end of input inside an object") }
            guard bytes[i] == UInt8(ascii: "\"") else {
                throw fail("unexpected \(describeByte(bytes[i])), expected a string key")
            }
            let keyStart = i
            let key = try string()
            if canonical, members.count > base, !members[members.count - 1].key.utf8.lexicographicallyPrecedes(key.utf8) {
                throw notCanonical("key \"\(key)\" out of order", at: keyStart)
            }
            try skipWhitespace()
            guard i < bytes.count else { throw fail("unexpected end of input inside an object") }
            guard bytes[i] == UInt8(ascii: ":") else {
                throw fail("unexpected \(describeByte(bytes[i])), expected ':'")
            }
            i += 1
            let member = try value()
            if canonical && depth == 1 && key == "hash" { hashMember = keyStart..<i }
            members.append(Member(key: key, value: member, offset: keyStart))
            try skipWhitespace()
            guard i < bytes.count else { throw fail("unexpected end of input inside an object") }
            switch bytes[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"):
                i += 1
                depth -= 1
                var object = [String: JSONValue](minimumCapacity: members.count - base)
                for m in members[base...] where object.updateValue(m.value, forKey: m.key) != nil {
                    throw fail("duplicate key \"\(m.key)\"", at: m.offset)
                }
                return .object(object)
            case let b: throw fail("unexpected \(describeByte(b)), expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        var items: [JSONValue] = []
        try skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return .array(items)
        }
        while true {
            items.append(try value())
            try skipWhitespace()
            guard i < bytes.count else { throw fail("unexpected end of input inside an array") }
            switch bytes[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"):
                i += 1
                depth -= 1
                return .array(items)
            case let b: throw fail("unexpected \(describeByte(b)), expected ',' or ']'")
            }
        }
    }

    /// An integer: `-?(0|[1-9][0-9]*)`; a fraction or exponent is refused, as is overflow.
    private mutating func number() throws(JSONParseError) -> Int {
        let start = i
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") else {
            throw fail("expected a digit after '-'")
        }
        // Accumulate as a negative number so Int.min fits.
        var value = 0
        var overflow = false
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                throw fail("leading zero in a number", at: start)
            }
        } else {
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                let digit = Int(bytes[i] &- UInt8(ascii: "0"))
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.subtractingReportingOverflow(digit)
                overflow = overflow || o1 || o2
                value = s
                i += 1
            }
        }
        if i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                throw fail("non-integer number", at: start)
            default: break
            }
        }
        if canonical && negative && value == 0 { throw notCanonical("-0", at: start) }
        if !negative {
            if value == Int.min { overflow = true } else { value = -value }
        }
        if overflow { throw fail("number out of range of a 64-bit integer", at: start) }
        return value
    }

    /// A string starting at the opening quote; validates UTF-8 and decodes every escape.
    private mutating func string() throws(JSONParseError) -> String {
        i += 1
        let start = i
        // Fast path: no escapes, copy the bytes straight into the String.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("unescaped control character in a string") }
            if b < 0x80 { i += 1 } else { try skipUTF8Sequence() }
        }
        guard i < bytes.count else { throw fail("unterminated string", at: start - 1) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape()
            case 0..<0x20:
                throw fail("unescaped control character in a string")
            case 0..<0x80:
                scratch.append(b)
                i += 1
            default:
                let from = i
                try skipUTF8Sequence()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<i]))
            }
        }
        throw fail("unterminated string", at: start - 1)
    }

    /// Decodes the escape at `i` (the backslash) into `scratch`.
    private mutating func escape() throws(JSONParseError) {
        let at = i
        i += 1
        guard i < bytes.count else { throw fail("unterminated string") }
        let e = bytes[i]
        i += 1
        switch e {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"):
            if canonical { throw notCanonical("\\/ escape", at: at) }
            scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if scalar >= 0xD800 && scalar < 0xDC00 {
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw fail("high surrogate \\u\(String(scalar, radix: 16)) without its low surrogate", at: at)
                }
                i += 2
                let low = try hex4()
                guard low >= 0xDC00 && low < 0xE000 else {
                    throw fail("high surrogate not followed by a low surrogate", at: at)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                throw fail("lone low surrogate", at: at)
            }
            if canonical {
                let lowercase = bytes[(i - 4)..<i].allSatisfy { !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F")) }
                guard scalar < 0x20, ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(scalar), lowercase else {
                    throw notCanonical("\\u escape of a character written as is or with a short escape", at: at)
                }
            }
            appendUTF8(scalar)
        default:
            throw fail("invalid escape \\\(describeByte(e))", at: at)
        }
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw fail("invalid hex digit in \\u escape")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    private mutating func appendUTF8(_ s: UInt32) {
        switch s {
        case 0..<0x80:
            scratch.append(UInt8(s))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | s >> 6))
            scratch.append(UInt8(0x80 | s & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | s >> 12))
            scratch.append(UInt8(0x80 | s >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | s & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | s >> 18))
            scratch.append(UInt8(0x80 | s >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | s >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | s & 0x3F))
        }
    }

    /// Steps over one well-formed multi-byte UTF-8 sequence at `i` (Unicode table 3-7), or throws.
    private mutating func skipUTF8Sequence() throws(JSONParseError) {
        switch UTF8Validation.sequence(at: i, in: bytes) {
        case .valid(let length): i += length
        case .truncated: throw fail("invalid UTF-8 (truncated sequence)")
        case .invalid: throw fail("invalid UTF-8")
        }
    }
}

/// Appending text to a byte buffer without going through `String` or a generic sequence, one element at a
/// time: the serializers write a line or an entry per agreement, millions of them.
extension Array where Element == UInt8 {
    /// A literal's bytes, copied in one go.
    @inline(__always)
    mutating func appendStatic(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A string's UTF-8 bytes, copied in one go when the string is stored contiguously (native strings are).
    @inline(__always)
    mutating func appendUTF8(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { append(contentsOf: text.utf8) }
    }

    /// `value` in decimal, as `String(value)` writes it.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 {
            guard value != .min else { return appendUTF8(String(value)) }
            append(UInt8(ascii: "-"))
            return appendDecimal(-value)
        }
        if value < 10 { return append(UInt8(ascii: "0") + UInt8(value)) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits
        let count = Swift.withUnsafeMutableBytes(of: &digits) { buffer -> Int in
            var v = value, n = 0
            while v > 0 {
                n += 1
                buffer[buffer.count - n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
            return n
        }
        Swift.withUnsafeBytes(of: &digits) { raw in
            append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[(raw.count - count)...]).bindMemory(to: UInt8.self))
        }
    }

    /// `value` in decimal, zeros put in front up to `width` characters (a sign counts as one).
    mutating func appendDecimal(_ value: Int, width: Int) {
        var length = value < 0 ? 2 : 1, v = value / 10
        while v != 0 { length += 1; v /= 10 }
        for _ in 0..<Swift.max(0, width - length) { append(UInt8(ascii: "0")) }
        appendDecimal(value)
    }

    /// A line break and then 64 spaces: indentation is a prefix of it, copied in one go.
    private static let lineBreakAndSpaces = [UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// `count` spaces (indentation).
    mutating func appendSpaces(_ count: Int) {
        var left = count
        while left > 0 {
            let n = Swift.min(left, 64)
            Self.lineBreakAndSpaces.withUnsafeBufferPointer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[1...n])) }
            left -= n
        }
    }

    /// A line break and `count` spaces (a line of pretty JSON begins).
    mutating func appendLineBreak(indent count: Int) {
        guard count <= 64 else {
            append(UInt8(ascii: "\n"))
            return appendSpaces(count)
        }
        Self.lineBreakAndSpaces.withUnsafeBufferPointer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[...count])) }
    }
}

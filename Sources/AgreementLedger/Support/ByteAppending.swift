/// Where the serializers write bytes: an array, or a `ByteBuffer` (no uniqueness or generic-sequence work per
/// append, for `status` of a million agreements, a hundred small pieces each). Writers are generic over it, so
/// one key sequence serves both.
protocol ByteSink {
    /// Bytes written so far (writers note where members start).
    var count: Int { get }
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
    /// Lets `body` write up to `maxCount` bytes through a pointer and keeps the count it returns: a key with
    /// its comma and indentation, or a quoted string, in one step instead of four or five appends.
    mutating func appendWriting(atMost maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int)
}

extension Array: ByteSink where Element == UInt8 {
    /// Written on the stack (or a temporary for big pieces), then appended: an array has no public room past
    /// its end to write into.
    mutating func appendWriting(atMost maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxCount) { scratch in
            let written = body(scratch.baseAddress!)
            precondition(written <= maxCount)
            append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<written]))
        }
    }
}

/// Appending text to a byte buffer without going through `String` or a generic sequence, one element at a
/// time: the serializers write a line or an entry per agreement, millions of them.
extension ByteSink {
    /// A literal's bytes, copied in one go.
    @inline(__always)
    mutating func appendStatic(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A string's UTF-8 bytes, copied in one go when the string is stored contiguously (native strings are).
    @inline(__always)
    mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// `value` in decimal, as `String(value)` writes it.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 {
            guard value != .min else { return appendUTF8(String(value)) }
            append(UInt8(ascii: "-"))
            return appendDecimal(-value)
        }
        if value < 10 { return append(UInt8(ascii: "0") + UInt8(value)) }
        var length = 1, rest = value / 10
        while rest > 0 { length += 1; rest /= 10 }
        appendWriting(atMost: length) { p in
            var v = value
            for k in stride(from: length - 1, through: 0, by: -1) {
                p[k] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
            return length
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
    private static var lineBreakAndSpaces: StaticString { "\n                                                                " }

    /// `count` spaces (indentation).
    mutating func appendSpaces(_ count: Int) {
        var left = count
        while left > 0 {
            let n = Swift.min(left, 64)
            append(contentsOf: UnsafeBufferPointer(start: Self.lineBreakAndSpaces.utf8Start + 1, count: n))
            left -= n
        }
    }

    /// A line break and `count` spaces (a line of pretty JSON begins).
    mutating func appendLineBreak(indent count: Int) {
        guard count <= 64 else {
            append(UInt8(ascii: "\n"))
            return appendSpaces(count)
        }
        append(contentsOf: UnsafeBufferPointer(start: Self.lineBreakAndSpaces.utf8Start, count: count + 1))
    }
}

/// Real UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF, no NUL), so that every later
/// `String(decoding:)` is lossless and a wrongly encoded file is reported at the exact byte.
enum UTF8Validation {
    /// The first problem found, as an offset into the buffer.
    enum Problem: Equatable {
        case invalid(Int)
        case nul(Int)
    }

    /// Nil when the bytes are valid UTF-8 without NUL; otherwise the first problem (an ill-formed sequence is
    /// reported at its first byte).
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        var i = 0
        while i < n {
            // ASCII fast path: eight bytes at a time while none is >= 0x80 or == 0.
            if i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if (w | ((w &- ones) & ~w)) & high == 0 {
                    i += 8
                    continue
                }
            }
            let b0 = base[i]
            if b0 < 0x80 {
                if b0 == 0 { return .nul(i) }
                i += 1
                continue
            }
            guard case .valid(let length) = sequence(at: i, in: bytes) else { return .invalid(i) }
            i += length
        }
        return nil
    }

    /// What starts at `i` (a byte >= 0x80): a well-formed multi-byte sequence and its length, one cut
    /// off by the end of the buffer, or an ill-formed one (Unicode table 3-7). Shared by the text reader
    /// and the JSON parser, so both accept exactly the same bytes.
    enum Sequence: Equatable {
        case valid(Int)
        case truncated
        case invalid
    }

    static func sequence(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Sequence {
        let length: Int
        var low: UInt8 = 0x80, top: UInt8 = 0xBF  // allowed range of the second byte
        switch bytes[i] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; top = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; top = 0x8F
        default: return .invalid
        }
        guard i + length <= bytes.count else { return .truncated }
        let b1 = bytes[i + 1]
        guard b1 >= low && b1 <= top else { return .invalid }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return .invalid }
        return .valid(length)
    }
}

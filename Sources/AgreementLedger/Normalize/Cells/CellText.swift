/// Whitespace handling shared by the cell normalizers: spreadsheet cells arrive with tabs, non-breaking
/// spaces and doubled spaces that must never make two equal cells look different.
enum CellText {
    /// Whether `text` holds `needle`, byte for byte: the per-row checks run on every cell of a big file,
    /// where Foundation's locale-aware `contains` costs many times more.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { t in needle.withUTF8 { ByteSearch.contains(t, $0) } }
    }

    /// The text before and after the first `needle`, byte for byte (as `contains`); nil when there is none.
    /// `needle` is whole scalars, so both sides are whole scalars too.
    static func split(_ text: String, around needle: String) -> (before: String, after: String)? {
        var text = text, needle = needle
        return text.withUTF8 { t in
            needle.withUTF8 { n in
                ByteSearch.firstOffset(of: n, in: t).map {
                    (String(decoding: UnsafeBufferPointer(rebasing: t[..<$0]), as: UTF8.self),
                     String(decoding: UnsafeBufferPointer(rebasing: t[($0 + n.count)...]), as: UTF8.self))
                }
            }
        }
    }

    /// True for every scalar a spreadsheet may use as a space (ASCII whitespace, NBSP, narrow and figure spaces).
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// True for scalars that carry nothing visible (zero-width spaces, BOM, soft hyphen) and are dropped.
    @inline(__always)
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }

    /// The text with every run of spaces made one ASCII space, invisible scalars dropped, and the ends trimmed.
    static func collapsed(_ text: some StringProtocol) -> String {
        let string = String(text)
        return isCollapsed(string) ? string : collapsedScalarByScalar(string)
    }

    /// `collapsed` without the byte check that most cells pass: the rule itself, scalar by scalar.
    static func collapsedScalarByScalar(_ string: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in string.unicodeScalars {
            if isInvisible(s) { continue }
            if isSpace(s) {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(s)
        }
        return String(out)
    }

    /// The common case, checked over the string's storage, eight plain bytes at a time (every cell of a big file
    /// passes here): no leading, trailing or double ASCII space, no other space or invisible scalar, no control
    /// character. True only where collapsing would change nothing; names in any script pass.
    static func isCollapsed(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            var previousSpace = true
            var i = 0
            let n = bytes.count
            while i < n {
                // Eight bytes at a time while all of them are printable ASCII other than space.
                if i + 8 <= n {
                    let w = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
                    // A high bit where a byte is below 0x21, or above 0x7E (0x7F and up), or non-ASCII.
                    let below = (w &- ones &* 0x21) & ~w
                    let above = (w &+ ones &* 0x01) & high
                    if (below | above | w) & high == 0 {
                        previousSpace = false
                        i += 8
                        continue
                    }
                }
                let b = bytes[i]
                if b == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                    i += 1
                    continue
                }
                previousSpace = false
                if b < 0x20 || b == 0x7F { return false }
                if b < 0x80 {
                    i += 1
                    continue
                }
                // Valid UTF-8 (a String's storage): the second and third bytes are there when the lead says so.
                let second = i + 1 < n ? bytes[i + 1] : 0, third = i + 2 < n ? bytes[i + 2] : 0
                switch b {
                case 0xC2 where second == 0x85 || second == 0xA0 || second == 0xAD: return false  // NEL, NBSP, soft hyphen
                case 0xE1 where second == 0x9A && third == 0x80: return false  // U+1680
                case 0xE2 where second == 0x80 && (third <= 0x8D || third == 0xA8 || third == 0xA9 || third == 0xAF):
                    return false  // U+2000...200D, 2028, 2029, 202F
                case 0xE2 where second == 0x81 && (third == 0x9F || third == 0xA0): return false  // U+205F, 2060
                case 0xE3 where second == 0x80 && third == 0x80: return false  // U+3000
                case 0xEF where second == 0xBB && third == 0xBF: return false  // U+FEFF
                default: break
                }
                i += b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            }
            return n == 0 || !previousSpace
        }
    }
}

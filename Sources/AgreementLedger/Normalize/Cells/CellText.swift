/// Whitespace handling shared by the cell normalizers: spreadsheet cells arrive with tabs, non-breaking
/// spaces and doubled spaces that must never make two equal cells look different.
enum CellText {
    /// Whether `text` holds `needle`, byte for byte: the per-row checks run on every cell of a big file,
    /// where Foundation's locale-aware `contains` costs many times more.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { t in needle.withUTF8 { ByteSearch.contains(t, $0) } }
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
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
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

    /// The common case, checked byte by byte over the string's storage (not through its UTF-8 view's
    /// indices: every cell of a big file passes here): printable ASCII, no leading, trailing or double spaces.
    static func isCollapsedASCII(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            var previousSpace = true
            for b in bytes {
                if b >= 0x7F || b < 0x20 { return false }
                if b == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                } else {
                    previousSpace = false
                }
            }
            return bytes.isEmpty || !previousSpace
        }
    }

}

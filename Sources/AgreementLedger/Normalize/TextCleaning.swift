/// Small text helpers every normalizer shares: whitespace collapsing and shape tests.
public enum TextCleaning {
    /// Trims and collapses runs of whitespace (including non-breaking spaces and tabs) to one space.
    public static func collapse(_ s: String) -> String {
        if isCollapsedASCII(s) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The common case, checked byte by byte: printable ASCII, no leading, trailing or double spaces.
    static func isCollapsedASCII(_ s: String) -> Bool {
        var previousSpace = true
        var sawAny = false
        for b in s.utf8 {
            if b >= 0x7F || b < 0x20 { return false }
            if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                previousSpace = false
            }
            sawAny = true
        }
        return !sawAny || !previousSpace
    }

    /// True for cells that only mean "nothing here": empty, "-", "–", "n/a".
    public static func isPlaceholder(_ s: String) -> Bool {
        switch s {
        case "", "-", "–", "—", "/", "?", "n/a", "N/A", "NA", "x", "X": true
        default: false
        }
    }

    /// True for "https://…", "www.…" and "host.tld/…" shapes.
    public static func looksLikeURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") { return true }
        guard !lower.contains(" "), let dot = lower.firstIndex(of: ".") else { return false }
        return lower[lower.index(after: dot)...].contains(where: { $0.isLetter })
            && lower.contains("/")
    }
}

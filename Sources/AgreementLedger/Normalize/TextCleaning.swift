/// Small text helpers every normalizer shares: whitespace collapsing and shape tests.
public enum TextCleaning {
    /// Trims and collapses runs of whitespace (including non-breaking spaces and tabs) to one space,
    /// dropping invisible characters.
    public static func collapse(_ s: String) -> String {
        CellText.collapsed(s)
    }

    /// True for cells that only mean "nothing here": empty, "-", "–", "n/a".
    public static func isPlaceholder(_ s: String) -> Bool {
        // Every placeholder is at most three bytes long; most cells are longer and need no comparison.
        guard s.utf8.count <= 3 else { return false }
        return switch s {
        case "", "-", "–", "—", "/", "?", "n/a", "N/A", "NA", "x", "X": true
        default: false
        }
    }

    /// True for "https://…", "www.…" and "host.tld/…" shapes.
    public static func looksLikeURL(_ s: String) -> Bool {
        // Every shape below holds a "/" or a "."; most cells hold neither and need no lower-casing.
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }) else { return false }
        let lower = s.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") { return true }
        guard !lower.contains(" "), let dot = lower.firstIndex(of: ".") else { return false }
        return lower[lower.index(after: dot)...].contains(where: { $0.isLetter })
            && lower.contains("/")
    }
}

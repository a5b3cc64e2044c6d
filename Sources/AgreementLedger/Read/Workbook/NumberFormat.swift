/// Decides from a cell's number format whether its number is a date, since SpreadsheetML stores dates as plain
/// serial numbers and only the format tells them apart.
public enum NumberFormat {
    /// Built-in format ids (ECMA-376 §18.8.30) that show a date: 14-17 and 22 in every locale, 27-36 and 50-58
    /// in East Asian locales. 18-21 and 45-47 show only a time and are left as numbers.
    static let builtInDates: Set<Int> = Set([14, 15, 16, 17, 22] + Array(27...36) + Array(50...58))

    /// True when format `id` (with `code` for custom formats) displays a date.
    public static func isDate(id: Int, code: String?) -> Bool {
        if builtInDates.contains(id) { return true }
        guard let code else { return false }
        return codeShowsDate(code)
    }

    /// True when a format code has a year or day token, or months without hours or seconds beside them;
    /// quoted text, escaped characters and bracketed colours or conditions do not count.
    public static func codeShowsDate(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        var sawYearOrDay = false, sawMonth = false, sawTime = false
        // Only the first section (positive numbers) matters.
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case ";": return sawYearOrDay || (sawMonth && !sawTime)
            case "y", "d": sawYearOrDay = true
            case "m": sawMonth = true
            case "h", "s": sawTime = true
            default: break
            }
        }
        return sawYearOrDay || (sawMonth && !sawTime)
    }
}

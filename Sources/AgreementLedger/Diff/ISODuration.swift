/// Reads the ISO 8601 durations terms are stored as, to tell a longer term from a shorter one.
enum ISODuration {
    /// "P5Y" -> 60, "P6M" -> 6, "P1Y6M" -> 18; nil when not a year/month duration.
    static func months(_ text: String) -> Int? {
        guard text.hasPrefix("P") else { return nil }
        var total = 0, number = 0, sawDigit = false
        for ch in text.dropFirst() {
            if let d = ch.wholeNumberValue { number = number * 10 + d; sawDigit = true; continue }
            guard sawDigit else { return nil }
            switch ch {
            case "Y": total += number * 12
            case "M": total += number
            default: return nil
            }
            number = 0
            sawDigit = false
        }
        return sawDigit ? nil : total
    }
}

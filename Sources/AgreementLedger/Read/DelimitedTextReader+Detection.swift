extension DelimitedTextReader {
    /// How many non-blank rows detection looks at.
    static let detectionRows = 50
    /// How many bytes detection looks at, so a huge file costs no more than a small one.
    static let detectionBytes = 1 << 20

    /// Guesses the separator from the first non-blank rows, because exports rarely say which one they used.
    ///
    /// Each candidate is scored by how many of the first ~50 non-blank rows contain it (outside quotes) exactly
    /// its most frequent positive number of times; tab wins ties, then semicolon, then comma. No delimiter
    /// anywhere means a single column, read as tab-separated.
    public static func detectDelimiter(utf8 bytes: [UInt8]) -> Delimiter {
        var limit = min(bytes.count, detectionBytes)
        if limit < bytes.count, let lastBreak = bytes[..<limit].lastIndex(of: FieldScanner.lf) {
            limit = lastBreak + 1
        }
        var best = Delimiter.tab
        var bestScore = 0
        bytes.withUnsafeBufferPointer { all in
            let prefix = UnsafeBufferPointer(rebasing: all[..<limit])
            for candidate in [Delimiter.tab, .semicolon, .comma] {
                let score = consistencyScore(prefix, delimiter: candidate)
                if score > bestScore {
                    best = candidate
                    bestScore = score
                }
            }
        }
        return best
    }

    /// The number of rows that hold the candidate exactly as often as its most frequent positive count.
    private static func consistencyScore(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: Delimiter) -> Int {
        var scanner = FieldScanner(bytes: bytes, delimiter: delimiter)
        var frequency: [Int: Int] = [:]
        var rowsSeen = 0
        scanning: while !scanner.atEnd && rowsSeen < detectionRows {
            var delimiters = 0
            var blank = true
            while true {
                guard let field = try? scanner.nextField() else { break scanning }
                if field.end > field.start || field.ended == .delimiter { blank = false }
                if field.ended != .delimiter { break }
                delimiters += 1
            }
            if blank { continue }
            rowsSeen += 1
            if delimiters > 0 { frequency[delimiters, default: 0] += 1 }
        }
        return frequency.values.max() ?? 0
    }
}

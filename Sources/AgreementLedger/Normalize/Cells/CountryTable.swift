/// Country names in the languages the lists are written in, resolved to ISO 3166-1 alpha-2 codes, so that
/// "Njemačka", "Niemcy" and "Germany" are one country when lists are compared or filtered.
public struct CountryTable: Sendable {
    /// The table built from `CountryNames.data`, parsed once.
    public static let shared = CountryTable(data: CountryNames.data)

    /// Folded name -> code.
    private let codes: [String: String]
    /// Every code that has a line in the data.
    let allCodes: Set<String>
    /// Folded names that two lines claim, with the codes claiming them: a data error, kept for tests.
    let conflicts: [String: Set<String>]

    /// Parses lines of `CODE<TAB>name|name|...`; blank lines are skipped.
    init(data: String) {
        var codes: [String: String] = [:]
        var conflicts: [String: Set<String>] = [:]
        var all: Set<String> = []
        // Split on bytes (every separator is ASCII): the table is read once per run, by the first row that asks.
        let tab = UInt8(ascii: "\t")
        for line in data.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let at = line.firstIndex(of: tab), at != line.startIndex, line.index(after: at) != line.endIndex
            else { continue }
            let code = String(decoding: line[..<at], as: UTF8.self).filter { !$0.isWhitespace }
            all.insert(code)
            for name in line[line.index(after: at)...].split(separator: UInt8(ascii: "|")) {
                let key = PartnerName.folded(String(decoding: name, as: UTF8.self))
                guard !key.isEmpty else { continue }
                if let existing = codes[key], existing != code {
                    conflicts[key, default: [existing]].insert(code)
                } else {
                    codes[key] = code
                }
            }
        }
        self.codes = codes
        self.conflicts = conflicts
        self.allCodes = all
    }

    /// ISO 3166-1 alpha-2 for a country name in any supported language, or nil.
    ///
    /// Tries the whole name, then without a leading article or "Republic of", then the part before a
    /// parenthesised long form ("Arabia Saudyjska (Królestwo ...)") and the part inside it, then both sides
    /// of "A - B" (B first: "Wielka Brytania - Brytyjskie Wyspy Dziewicze" is the territory B), then the
    /// part before a comma.
    public func code(for name: String) -> String? { code(for: name, depth: 0) }

    /// How deep the rules below may nest (a part of a part of…): real names need two or three levels, and
    /// without a bound a cell of nested parentheses and commas takes exponential time (found by fuzzing).
    private static let maxDepth = 4

    private func code(for name: String, depth: Int) -> String? {
        if let code = directCode(for: name, depth: depth) { return code }
        guard depth < CountryTable.maxDepth else { return nil }
        // "Taiwan, Province of China"-like forms, unless the comma separates a list of countries.
        let text = CellText.collapsed(name)
        guard let comma = text.firstIndex(of: ","), splitCountries(text, depth: depth + 1) == nil else { return nil }
        return code(for: String(text[..<comma]), depth: depth + 1)
    }

    /// `code(for:)` without the comma rule, which needs `splitCountries` to tell a list from a long form.
    private func directCode(for name: String, depth: Int) -> String? {
        let key = PartnerName.folded(name)
        guard !key.isEmpty else { return nil }
        if let code = codes[key] { return code }
        for prefix in CountryTable.prefixes where key.hasPrefix(prefix + " ") {
            if let code = codes[String(key.dropFirst(prefix.count + 1))] { return code }
        }
        let text = CellText.collapsed(name)
        if CellText.contains(text, "&"), let code = codes[PartnerName.folded(text.replacingAll("&", with: " and "))] {
            return code
        }
        guard depth < CountryTable.maxDepth else { return nil }
        if let open = text.firstIndex(of: "(") {
            let before = String(text[..<open])
            let inside = String(text[text.index(after: open)...].prefix { $0 != ")" })
            if let code = code(for: before, depth: depth + 1) ?? code(for: inside, depth: depth + 1) { return code }
        }
        for dash in [" - ", " – ", " — "] {
            if let (left, right) = CellText.split(text, around: dash) {
                if let code = code(for: right, depth: depth + 1) ?? code(for: left, depth: depth + 1) { return code }
            }
        }
        return nil
    }

    /// Splits a cell naming several countries ("Austrija BiH", "Italija; Grčka") into names that each resolve;
    /// nil unless the whole cell splits into >= 2 recognized names.
    public func splitCountries(_ cell: String) -> [String]? { splitCountries(cell, depth: 0) }

    private func splitCountries(_ cell: String, depth: Int) -> [String]? {
        let text = CellText.collapsed(cell)
        guard !text.isEmpty, directCode(for: text, depth: depth) == nil else { return nil }
        var names: [String] = []
        for part in separatedParts(text) {
            if code(for: part, depth: depth + 1) != nil {
                names.append(part)
            } else if let groups = wordGroups(part) {
                names += groups
            } else {
                return nil
            }
        }
        return names.count >= 2 ? names : nil
    }

    // MARK: - Helpers

    /// Leading words that do not change the country ("the Netherlands", "Republic of Serbia").
    private static let prefixes: [String] = [
        "the", "republic of the", "republic of", "kingdom of the", "kingdom of", "state of", "commonwealth of",
        "republika", "republike", "republic", "rep", "republik", "republique de", "republique du", "republica de",
        "repubblica di", "royaume du", "krolestwo",
    ]

    /// Words and signs that separate two country names in one cell.
    private static let separatorWords: Set<String> = ["and", "i", "oraz", "und", "et", "y", "e", "ve", "и", "&", "+"]

    private func separatedParts(_ text: String) -> [String] {
        var parts: [String] = []
        var current: [Substring] = []
        for piece in text.split(whereSeparator: { ";,/".contains($0) }) {
            for word in piece.split(separator: " ") {
                if CountryTable.separatorWords.contains(word.lowercased()) {
                    if !current.isEmpty { parts.append(current.joined(separator: " ")) }
                    current = []
                } else {
                    current.append(word)
                }
            }
            if !current.isEmpty { parts.append(current.joined(separator: " ")) }
            current = []
        }
        return parts
    }

    /// The fewest runs of consecutive words that each resolve, or nil when no such cover exists.
    private func wordGroups(_ part: String) -> [String]? {
        let words = part.split(separator: " ")
        guard words.count >= 2, words.count <= 16 else { return nil }
        var best: [Int?] = Array(repeating: nil, count: words.count + 1)   // groups needed for words[..<i]
        var from: [Int] = Array(repeating: 0, count: words.count + 1)
        best[0] = 0
        for end in 1...words.count {
            for start in 0..<end {
                guard let before = best[start],
                      codes[PartnerName.folded(words[start..<end].joined(separator: " "))] != nil else { continue }
                if best[end] == nil || before + 1 < best[end]! {
                    best[end] = before + 1
                    from[end] = start
                }
            }
        }
        guard best[words.count] != nil else { return nil }
        var groups: [String] = []
        var end = words.count
        while end > 0 {
            groups.insert(words[from[end]..<end].joined(separator: " "), at: 0)
            end = from[end]
        }
        return groups
    }
}

private extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

/// How one cell is cut when a row holds several agreements ("A; B", "1) A 2) B", "A - zajednički ugovor B").
///
/// A split is only accepted when it yields exactly the number of agreements the row's other cells
/// (dates, countries, statuses) agree on, so a name that merely contains " - " is never cut.
enum RowSplitting {
    /// Separators tried in order, from the most to the least explicit.
    static let separators = [";", " - ", " – ", "/", ","]

    /// `text` cut into exactly `n` non-empty parts, or nil.
    static func split(_ text: String, into n: Int) -> [String]? {
        guard n > 1, !text.isEmpty else { return nil }
        if let parts = enumerated(text), parts.count == n { return parts }
        for separator in separators {
            let parts = text.components(separatedBy: separator).map(TextCleaning.collapse)
            if parts.count == n && parts.allSatisfy({ !$0.isEmpty }) { return parts }
        }
        return nil
    }

    /// The items of an explicit enumeration "1) A 2) B", or nil when the text is not one.
    static func enumerated(_ text: String) -> [String]? {
        // A byte test first (nearly no cell is an enumeration); the characters below decide.
        guard text.utf8.starts(with: "1)".utf8) || CellText.contains(text, " 1)") else { return nil }
        var items: [String] = []
        var current = ""
        var expected = 1
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let marker = Array("\(expected))")
            let atWordStart = i == 0 || chars[i - 1] == " "
            if atWordStart, i + marker.count <= chars.count, Array(chars[i..<(i + marker.count)]) == marker {
                if expected > 1 { items.append(TextCleaning.collapse(current)) }
                current = ""
                expected += 1
                i += marker.count
                continue
            }
            if expected == 1 { return nil }  // text before "1)": not an enumeration
            current.append(chars[i])
            i += 1
        }
        guard expected > 2 else { return nil }
        items.append(TextCleaning.collapse(current))
        return items.allSatisfy({ !$0.isEmpty }) ? items : nil
    }

    /// Folded phrases meaning "joint agreement (with)" that may lead the second party's name.
    static let jointPrefixes = ["zajednicki ugovor", "zajednicki sporazum", "joint agreement with", "joint agreement",
                                "wspolna umowa z", "wspolna umowa"]

    /// The name without a leading "joint agreement" phrase.
    static func dropJointPrefix(_ name: String) -> String {
        let words = name.split(separator: " ")
        for prefix in jointPrefixes {
            let count = prefix.split(separator: " ").count
            guard words.count > count else { continue }
            if PartnerName.folded(words.prefix(count).joined(separator: " ")) == prefix {
                return words.dropFirst(count).joined(separator: " ")
            }
        }
        return name
    }

    /// Words that begin an agreement type; a capitalized one after other words starts a new type.
    static let kindHeads: Set<String> = ["ugovor", "sporazum", "memorandum", "protokol", "opci", "opsti", "agreement",
                                         "umowa", "porozumienie", "vertrag", "vereinbarung", "accord", "convention",
                                         "convenio", "acuerdo", "accordo", "protocol", "mou", "list"]

    /// How many types the cell seems to name (1 when it is one phrase).
    static func kindCount(_ text: String) -> Int {
        kindParts(text).count
    }

    static func kindParts(_ text: String) -> [String] {
        var parts: [[Substring]] = []
        for word in text.split(separator: " ") {
            let isHead = word.first?.isUppercase == true && kindHeads.contains(PartnerName.folded(String(word)))
            if isHead || parts.isEmpty { parts.append([word]) } else { parts[parts.count - 1].append(word) }
        }
        return parts.map { $0.joined(separator: " ") }
    }

    /// The type cell cut into `n` types, or nil when it does not cut into exactly `n`.
    static func splitKinds(_ text: String, into n: Int) -> [String]? {
        guard n > 1 else { return nil }
        if let parts = split(text, into: n) { return parts }
        let parts = kindParts(text)
        return parts.count == n ? parts : nil
    }
}

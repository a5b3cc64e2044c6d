/// How alike two folded partner names are, from 0 to 1: tells a corrected typo
/// ("Univeristy" -> "University") from a different partner.
enum NameSimilarity {
    /// 1 - edit distance / longer length, on folded names.
    static func score(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        let longer = max(x.count, y.count)
        guard longer > 0 else { return 1 }
        // Cheap bound first: the length difference alone is a lower bound of the distance.
        if Double(abs(x.count - y.count)) / Double(longer) > 1 - threshold { return 0 }
        return 1 - Double(EditDistance.between(x, y)) / Double(longer)
    }

    /// Below this, two names are different partners.
    static let threshold = 0.8
}

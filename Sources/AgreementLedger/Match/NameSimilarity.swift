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
        return 1 - Double(distance(x, y)) / Double(longer)
    }

    /// Below this, two names are different partners.
    static let threshold = 0.8

    static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}

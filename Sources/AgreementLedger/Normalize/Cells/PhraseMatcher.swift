/// Finds vocabulary phrases in folded word sequences. Every normalizer keeps its words as plain tables in
/// their natural spelling; this folds them once and matches whole words, longest phrase first, so
/// "nieaktualna" never matches "aktualna" and "na czas nieokreślony" wins over "czas nieokreślony".
struct PhraseMatcher<Value: Sendable>: Sendable {
    private var byFirstWord: [String: [(phrase: String, value: Value)]] = [:]

    /// Builds the matcher from (phrase as written, value) pairs.
    init(_ entries: [(String, Value)]) {
        for (written, value) in entries {
            let phrase = PartnerName.folded(written)
            guard let first = phrase.split(separator: " ").first else { continue }
            byFirstWord[String(first), default: []].append((phrase, value))
        }
        for key in byFirstWord.keys {
            byFirstWord[key]!.sort { $0.phrase.utf8.count > $1.phrase.utf8.count }
        }
    }

    /// The longest phrase starting at `words[start]`: its value and how many words it covers.
    /// A word may itself fold to several ("n/a" -> "n a"); words are compared joined by spaces.
    func match(_ words: [String], at start: Int) -> (value: Value, length: Int)? {
        guard start < words.count,
              let first = words[start].split(separator: " ").first,
              let candidates = byFirstWord[String(first)] else { return nil }
        for candidate in candidates {
            var joined = ""
            var k = start
            while k < words.count && joined.utf8.count < candidate.phrase.utf8.count {
                if !joined.isEmpty { joined += " " }
                joined += words[k]
                k += 1
            }
            if joined == candidate.phrase { return (candidate.value, k - start) }
        }
        return nil
    }

    /// Every phrase in `words`, left to right, not overlapping.
    func all(in words: [String]) -> [(value: Value, start: Int, length: Int)] {
        var found: [(Value, Int, Int)] = []
        var i = 0
        while i < words.count {
            if let m = match(words, at: i) {
                found.append((m.value, i, m.length))
                i += m.length
            } else {
                i += 1
            }
        }
        return found
    }
}

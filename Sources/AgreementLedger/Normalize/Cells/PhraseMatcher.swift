/// Finds vocabulary phrases in folded word sequences. Every normalizer keeps its words as plain tables in
/// their natural spelling; this folds them once and matches whole words, longest phrase first, so
/// "nieaktualna" never matches "aktualna" and "na czas nieokreślony" wins over "czas nieokreślony".
struct PhraseMatcher<Value: Sendable>: Sendable {
    private var byFirstWord: [String: [(words: [String], value: Value)]] = [:]

    /// Builds the matcher from (phrase as written, value) pairs.
    init(_ entries: [(String, Value)]) {
        for (phrase, value) in entries {
            let words = PartnerName.folded(phrase).split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append((words, value))
        }
        for key in byFirstWord.keys {
            byFirstWord[key]!.sort { $0.words.count > $1.words.count }
        }
    }

    /// The longest phrase starting at `words[start]`: its value and how many words it covers.
    func match(_ words: [String], at start: Int) -> (value: Value, length: Int)? {
        guard start < words.count, let candidates = byFirstWord[words[start]] else { return nil }
        for candidate in candidates where start + candidate.words.count <= words.count {
            var ok = true
            for (offset, w) in candidate.words.enumerated() where words[start + offset] != w {
                ok = false
                break
            }
            if ok { return (candidate.value, candidate.words.count) }
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

/// Indices ordered by a hash of what they stand for: equal hashes sit together, so equal items are found by one
/// walk of a sorted array instead of a hash table (less memory at a million records, and no lookups jumping
/// around memory). Equal hashes still need their items compared.
struct HashOrder {
    /// A hash and the index it belongs to (32 bits: a million records fit many times over).
    struct Entry {
        var hash: Int
        var index: Int32
    }

    /// Every index of the hashes, ordered by hash, then index.
    let entries: [Entry]

    init(hashes: [Int]) {
        var order = hashes.enumerated().map { Entry(hash: $0.element, index: Int32($0.offset)) }
        order.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.index < $1.index }
        entries = order
    }

    /// Where the run of equal hashes starting at `start` ends.
    func runEnd(from start: Int) -> Int {
        var end = start + 1
        while end < entries.count && entries[end].hash == entries[start].hash { end += 1 }
        return end
    }
}

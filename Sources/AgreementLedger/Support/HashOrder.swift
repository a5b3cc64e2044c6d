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
        let order = hashes.enumerated().map { Entry(hash: $0.element, index: Int32($0.offset)) }
        entries = hashes.count < 256 ? order.sorted(by: HashOrder.precedes) : HashOrder.radixSorted(order)
    }

    /// The order of `entries`: by hash, then index.
    static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        a.hash != b.hash ? a.hash < b.hash : a.index < b.index
    }

    /// `order` (in index order) sorted as `precedes` sorts it, by a radix sort of the hashes: a byte at a time
    /// from the lowest, each pass stable, so equal hashes keep their index order. A million entries take a
    /// tenth of what a comparison sort took, and every pass is a straight walk of memory.
    static func radixSorted(_ order: [Entry]) -> [Entry] {
        var from = order
        var to = order
        // The hash's bits with the sign flipped: unsigned order of these is the signed order of the hashes.
        @inline(__always) func key(_ e: Entry) -> UInt64 { UInt64(bitPattern: Int64(e.hash)) ^ (1 << 63) }
        var counts = [Int](repeating: 0, count: 8 * 256)
        for e in from {
            let k = key(e)
            for d in 0..<8 { counts[d * 256 + Int(truncatingIfNeeded: (k >> (8 * UInt64(d))) & 0xFF)] += 1 }
        }
        for d in 0..<8 {
            let shift = 8 * UInt64(d)
            // A byte every hash shares puts nothing out of place.
            if counts[(d * 256)..<(d * 256 + 256)].contains(order.count) { continue }
            var start = [Int](repeating: 0, count: 256)
            var sum = 0
            for b in 0..<256 {
                start[b] = sum
                sum += counts[d * 256 + b]
            }
            from.withUnsafeBufferPointer { source in
                to.withUnsafeMutableBufferPointer { target in
                    start.withUnsafeMutableBufferPointer { start in
                        for e in source {
                            let b = Int(truncatingIfNeeded: (key(e) >> shift) & 0xFF)
                            target[start[b]] = e
                            start[b] += 1
                        }
                    }
                }
            }
            swap(&from, &to)
        }
        return from
    }

    /// Where the run of equal hashes starting at `start` ends.
    func runEnd(from start: Int) -> Int {
        var end = start + 1
        while end < entries.count && entries[end].hash == entries[start].hash { end += 1 }
        return end
    }
}

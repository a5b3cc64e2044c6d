/// Positions of strings held elsewhere (an array's ids, a snapshot's names), found by a hash of their bytes.
///
/// A `[String: Int]` of a million keys is built on one core (half a second at a million agreements) and holds a
/// second reference to every key. Here the hashes are computed on all cores, each slot is one word (the key's
/// hash and its position), and keys are compared where they live, through `matches`.
struct PositionIndex: Sendable {
    /// Per slot: the key's 32-bit hash in the high half, its position + 1 in the low half; 0 when empty.
    private var slots: [UInt64]
    /// The number of positions held.
    private(set) var count = 0

    /// An empty index.
    init() {
        slots = Array(repeating: 0, count: 16)
    }

    /// The positions `0..<hashes.count`, `hashes[p]` the hash of the key at `p`. A key equal to an earlier
    /// one (`matches(earlier, later)`) takes its place, as assigning into a dictionary would.
    init(hashes: [UInt32], matches: (_ earlier: Int, _ later: Int) -> Bool) {
        var size = 16
        while size < 2 * hashes.count { size *= 2 }
        slots = Array(repeating: 0, count: size)
        for (p, hash) in hashes.enumerated() {
            insert(p, hash: hash) { matches($0, p) }
        }
    }

    /// The hash of each of `count` keys (`key(i)`), computed on all cores.
    static func hashes(count: Int, key: @Sendable (Int) -> String) -> [UInt32] {
        ParallelChunks.mapEach(count: count, chunkSize: 16_384) { hash(key($0)) }
    }

    /// The position of the key whose hash is `hash` and for whose position `matches` is true.
    func position(hash: UInt32, matches: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            var i = Int(hash) & mask
            while true {
                let slot = slots[i]
                if slot == 0 { return nil }
                if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                    let p = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                    if matches(p) { return p }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Holds `position` for a key with hash `hash`; a held key for which `matches` is true moves there.
    mutating func insert(_ position: Int, hash: UInt32, matches: (Int) -> Bool) {
        precondition(position >= 0 && position < Int(UInt32.max), "position out of range")
        if 2 * (count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        let entry = UInt64(hash) << 32 | UInt64(position + 1)
        var i = Int(hash) & mask
        while true {
            let slot = slots[i]
            if slot == 0 {
                slots[i] = entry
                count += 1
                return
            }
            if UInt32(truncatingIfNeeded: slot >> 32) == hash && matches(Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1) {
                slots[i] = entry
                return
            }
            i = (i + 1) & mask
        }
    }

    /// Room for `count` positions in all without growing.
    mutating func reserveCapacity(_ count: Int) {
        while 2 * count > slots.count { grow() }
    }

    /// Twice the slots, every entry placed again by its hash (keys are not needed: each is already unique).
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var i = Int(truncatingIfNeeded: entry >> 32) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = entry
        }
    }

    /// A hash of the string's UTF-8 bytes (`ByteHash`, folded to 32 bits). Equal bytes give equal hashes; strings
    /// that are equal as Swift compares them but differ in bytes (another normalization form) count as different
    /// keys.
    static func hash(_ text: String) -> UInt32 {
        let h = ByteHash.of(text)
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// The hash of a key's UTF-8 bytes, as `hash` of the string.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let h = ByteHash.of(bytes)
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }
}

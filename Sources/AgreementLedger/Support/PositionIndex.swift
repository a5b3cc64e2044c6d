#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// A hash of the string's UTF-8 bytes, eight at a time. Equal bytes give equal hashes; strings that are
    /// equal as Swift compares them but differ in bytes (another normalization form) count as different keys.
    static func hash(_ text: String) -> UInt32 {
        if let h = text.utf8.withContiguousStorageIfAvailable({ hash(bytes: $0) }) { return h }
        var copy = text
        return copy.withUTF8 { hash(bytes: $0) }
    }

    /// Whether the two strings have the same UTF-8 bytes (the keys' equality here: stricter than `==`, which
    /// also equates other normalization forms).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let same = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        return (same ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }

    /// A hash of `bytes` (multiply and shift per eight bytes, then a final mix).
    static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        guard n > 0, let base = bytes.baseAddress else { return UInt32(truncatingIfNeeded: h >> 32) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for k in 0..<(n - i) { tail |= UInt64(base[i + k]) << (8 * UInt64(k)) }
            h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        }
        h ^= h >> 29
        h = h &* 0x94D0_49BB_1331_11EB
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }
}

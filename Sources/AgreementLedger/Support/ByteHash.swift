#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fast 64-bit hash of bytes, eight at a time, for tables and orders built by this program and thrown away
/// with it (the index by id, the held names, the keys of repeated rows): Swift's `Hasher` seeds and finalizes
/// per value and hashes a string's normalized form, which costs more than the lookup it serves.
///
/// Not for anything stored or compared across runs, and not resistant to chosen collisions: a table that
/// meets many simply gets slower.
enum ByteHash {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        guard n > 0, let base = bytes.baseAddress else { return h }
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
        return h ^ (h >> 32)
    }

    /// The hash of the string's UTF-8 bytes.
    static func of(_ text: String) -> UInt64 {
        if let h = text.utf8.withContiguousStorageIfAvailable({ of($0) }) { return h }
        var copy = text
        return copy.withUTF8 { of($0) }
    }

    /// Whether the two strings have the same UTF-8 bytes (the equality that goes with the hash: stricter than
    /// `==`, which also equates other normalization forms).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let same = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        return (same ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }

    /// Whether the string's UTF-8 bytes are `b`.
    static func sameBytes(_ a: String, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let same = a.utf8.withContiguousStorageIfAvailable { x in
            x.count == b.count && (x.isEmpty || memcmp(x.baseAddress!, b.baseAddress!, x.count) == 0)
        }
        return same ?? a.utf8.elementsEqual(b)
    }
}

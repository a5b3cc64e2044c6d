#if arch(x86_64)
import _Builtin_intrinsics.intel
import _Builtin_intrinsics.intel.cpuid

/// SHA-256 blocks compressed by the processor's SHA extensions (AMD since 2017, Intel's desktop and server
/// processors since about 2019): the log's hash chain is one serial run of SHA-256 over every event line, and
/// these instructions hash several times the bytes per second that the portable rounds of `SHA256` do.
///
/// The package compiles with `-Xcc -msha` on x86-64 (Package.swift) so that the instructions can be emitted;
/// they run only when `available` says the processor has them. Bit for bit the same function as the portable
/// rounds (the tests compare both on messages of every length up to 600 bytes, fed in seeded pieces).
enum SHA256Instructions {
    /// Whether this processor has the SHA extensions (CPUID leaf 7, EBX bit 29), asked once.
    static let available: Bool = {
        var eax: UInt32 = 0, ebx: UInt32 = 0, ecx: UInt32 = 0, edx: UInt32 = 0
        guard __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) != 0 else { return false }
        return ebx & (1 << 29) != 0
    }()

    /// The round constants four to a vector, lowest round in the lowest lane.
    private static let k: [__m128i] = (0..<16).map { g in
        let k = SHA256.k
        return _mm_set_epi32(Int32(bitPattern: k[4 * g + 3]), Int32(bitPattern: k[4 * g + 2]),
                             Int32(bitPattern: k[4 * g + 1]), Int32(bitPattern: k[4 * g]))
    }

    /// Compresses `count` 64-byte blocks at `p` into the eight state words `h` (h0 first).
    static func compress(_ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
                         _ p: UnsafeRawPointer, blocks count: Int) {
        func word(_ x: UInt32) -> Int32 { Int32(bitPattern: x) }
        // The instructions keep the working variables as (A, B, E, F) and (C, D, G, H), A in the top lane.
        var abef = _mm_set_epi32(word(h.0), word(h.1), word(h.4), word(h.5))
        var cdgh = _mm_set_epi32(word(h.2), word(h.3), word(h.6), word(h.7))
        k.withUnsafeBufferPointer { k in
            for block in 0..<count {
                let at = p + 64 * block
                let savedABEF = abef, savedCDGH = cdgh
                var m0 = loadBigEndian(at), m1 = loadBigEndian(at + 16)
                var m2 = loadBigEndian(at + 32), m3 = loadBigEndian(at + 48)
                // Sixteen groups of four rounds; group g uses message vector g mod 4 and extends the schedule
                // in the two vectors beside it (the schedule is done by group 14).
                @inline(__always)
                func group(_ g: Int, _ current: __m128i, _ previous: inout __m128i, _ next: inout __m128i) {
                    var message = _mm_add_epi32(current, k[g])
                    cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
                    if g >= 3 && g <= 14 {
                        next = _mm_sha256msg2_epu32(_mm_add_epi32(next, alignRight4(current, previous)), current)
                    }
                    message = _mm_unpackhi_epi64(message, message)  // the next two rounds' words, moved down
                    abef = _mm_sha256rnds2_epu32(abef, cdgh, message)
                    if g >= 1 && g <= 12 { previous = _mm_sha256msg1_epu32(previous, current) }
                }
                for base in stride(from: 0, to: 16, by: 4) {
                    group(base, m0, &m3, &m1)
                    group(base + 1, m1, &m0, &m2)
                    group(base + 2, m2, &m1, &m3)
                    group(base + 3, m3, &m2, &m0)
                }
                abef = _mm_add_epi32(abef, savedABEF)
                cdgh = _mm_add_epi32(cdgh, savedCDGH)
            }
        }
        let x = unsafeBitCast(abef, to: SIMD4<UInt32>.self), y = unsafeBitCast(cdgh, to: SIMD4<UInt32>.self)
        h = (x[3], x[2], y[3], y[2], x[1], x[0], y[1], y[0])
    }

    /// Sixteen message bytes as four big-endian words, the first in the lowest lane (SSE2 only: a byte
    /// swap within each half-word, then the half-words of each word swapped).
    @inline(__always)
    private static func loadBigEndian(_ p: UnsafeRawPointer) -> __m128i {
        let x = _mm_loadu_si128(p.assumingMemoryBound(to: __m128i.self))
        let swapped = _mm_or_si128(_mm_slli_epi16(x, 8), _mm_srli_epi16(x, 8))
        return _mm_or_si128(_mm_slli_epi32(swapped, 16), _mm_srli_epi32(swapped, 16))
    }

    /// Words 1, 2 and 3 of `low` and word 0 of `high` (what `palignr` by 4 bytes gives).
    @inline(__always)
    private static func alignRight4(_ high: __m128i, _ low: __m128i) -> __m128i {
        let h = unsafeBitCast(high, to: SIMD4<UInt32>.self), l = unsafeBitCast(low, to: SIMD4<UInt32>.self)
        return unsafeBitCast(SIMD4(l[1], l[2], l[3], h[0]), to: __m128i.self)
    }
}
#endif

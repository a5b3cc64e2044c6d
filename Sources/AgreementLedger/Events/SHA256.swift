/// SHA-256 (FIPS 180-4), streaming: the hash chain of the log and the fingerprint of imported files
/// must not depend on a platform crypto library, and hashing millions of log lines must be fast.
///
/// Feed bytes with `update` in pieces of any size, then call `finalize` once for the 32-byte digest.
public struct SHA256: Sendable {
    private var h0: UInt32 = 0x6a09_e667, h1: UInt32 = 0xbb67_ae85, h2: UInt32 = 0x3c6e_f372, h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f, h5: UInt32 = 0x9b05_688c, h6: UInt32 = 0x1f83_d9ab, h7: UInt32 = 0x5be0_cd19
    /// Bytes waiting for a full 64-byte block (kept inline: no heap allocation per block).
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var byteLength: UInt64 = 0
    /// Whether blocks go to the processor's SHA instructions (where it has them) or the portable rounds.
    private let usesInstructions: Bool

    /// A hasher in the initial state, ready for `update`.
    public init() { self.init(portable: false) }

    /// A hasher that never uses the processor's SHA instructions when `portable`, so that tests can compare
    /// the two.
    init(portable: Bool) {
        #if arch(x86_64)
        usesInstructions = !portable && SHA256Instructions.available
        #else
        usesInstructions = false
        #endif
    }

    /// Adds bytes to the message; the cheapest entry point, used for whole files and log lines.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var p = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        byteLength &+= UInt64(remaining)
        if pendingCount > 0 {
            let take = min(64 - pendingCount, remaining)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) { buf in
                (buf.baseAddress! + offset).copyMemory(from: p, byteCount: take)
            }
            pendingCount += take
            p += take
            remaining -= take
            if pendingCount < 64 { return }
            var block = pending
            withUnsafeBytes(of: &block) { compress($0.baseAddress!, blocks: 1) }
            pendingCount = 0
        }
        if remaining >= 64 {
            let blocks = remaining / 64
            compress(p, blocks: blocks)
            p += 64 * blocks
            remaining -= 64 * blocks
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { buf in
                buf.baseAddress!.copyMemory(from: p, byteCount: remaining)
            }
            pendingCount = remaining
        }
    }

    /// Adds bytes to the message, for callers holding an array.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Pads the message and returns the 32-byte digest; the hasher must not be updated afterwards.
    public mutating func finalize() -> [UInt8] {
        let bitLength = byteLength &* 8
        let padLength = pendingCount < 56 ? 56 - pendingCount : 120 - pendingCount
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: padLength + 8) { tail in
            tail.initialize(repeating: 0)
            tail[0] = 0x80
            for i in 0..<8 { tail[padLength + i] = UInt8(truncatingIfNeeded: bitLength >> (56 - 8 * UInt64(i))) }
            update(UnsafeRawBufferPointer(tail))
        }
        let words = (h0, h1, h2, h3, h4, h5, h6, h7)
        return [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            withUnsafeBytes(of: words) { raw in
                for i in 0..<8 {
                    let word = raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)
                    out[4 * i] = UInt8(truncatingIfNeeded: word >> 24)
                    out[4 * i + 1] = UInt8(truncatingIfNeeded: word >> 16)
                    out[4 * i + 2] = UInt8(truncatingIfNeeded: word >> 8)
                    out[4 * i + 3] = UInt8(truncatingIfNeeded: word)
                }
            }
            count = 32
        }
    }

    /// Lowercase hex of `bytes`: the form hashes take in the log and in reports.
    public static func hex(of bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            writeHex(of: bytes, into: out)
            return bytes.count * 2
        }
    }

    /// Lowercase hex of `bytes` written over the first `2 * bytes.count` bytes of `out`, for callers
    /// avoiding a String.
    static func writeHex(of bytes: [UInt8], into out: UnsafeMutableBufferPointer<UInt8>) {
        for (i, b) in bytes.enumerated() {
            out[2 * i] = hexDigits[Int(b >> 4)]
            out[2 * i + 1] = hexDigits[Int(b & 0x0F)]
        }
    }

    /// Lowercase hex SHA-256 of the UTF-8 bytes of `s`, for hashing text in one call.
    public static func hex(_ s: String) -> String {
        var text = s
        return hex(of: text.withUTF8 { digest(UnsafeRawBufferPointer($0)) })
    }

    /// The digest of `bytes` in one call.
    static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of `bytes` in one call.
    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { digest($0) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The lowercase hex digit of a value below 16.
    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

    /// The round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    /// One round with the working variables passed in rotated order, so no variable is shuffled:
    /// the new `e` lands in `d` and the new `a` in `h`.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
    ) {
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let ch = (e & f) ^ (~e & g)
        let t1 = h &+ s1 &+ ch &+ kw
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let maj = (a & b) ^ (a & c) ^ (b & c)
        d = d &+ t1
        h = t1 &+ s0 &+ maj
    }

    /// Processes `blocks` 64-byte blocks at `p`.
    private mutating func compress(_ p: UnsafeRawPointer, blocks: Int) {
        #if arch(x86_64)
        if usesInstructions {
            var h = (h0, h1, h2, h3, h4, h5, h6, h7)
            SHA256Instructions.compress(&h, p, blocks: blocks)
            (h0, h1, h2, h3, h4, h5, h6, h7) = h
            return
        }
        #endif
        for block in 0..<blocks { compress(p + 64 * block) }
    }

    /// Processes one 64-byte block at `p` with the portable rounds: the message schedule kept in 16 locals (a
    /// window of the 64 words, each computed just before the round that uses it), the working variables in
    /// rotated order.
    private mutating func compress(_ p: UnsafeRawPointer) {
        @inline(__always) func load(_ t: Int) -> UInt32 { UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self)) }
        @inline(__always) func s0(_ x: UInt32) -> UInt32 { SHA256.rotr(x, 7) ^ SHA256.rotr(x, 18) ^ (x >> 3) }
        @inline(__always) func s1(_ x: UInt32) -> UInt32 { SHA256.rotr(x, 17) ^ SHA256.rotr(x, 19) ^ (x >> 10) }
        var w0 = load(0), w1 = load(1), w2 = load(2), w3 = load(3), w4 = load(4), w5 = load(5), w6 = load(6), w7 = load(7)
        var w8 = load(8), w9 = load(9), w10 = load(10), w11 = load(11), w12 = load(12), w13 = load(13), w14 = load(14), w15 = load(15)
        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
        SHA256.k.withUnsafeBufferPointer { k in
            var t = 0
            while true {
                SHA256.round(a, b, c, &d, e, f, g, &h, k[t] &+ w0)
                SHA256.round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w1)
                SHA256.round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w2)
                SHA256.round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w3)
                SHA256.round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w4)
                SHA256.round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w5)
                SHA256.round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w6)
                SHA256.round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w7)
                SHA256.round(a, b, c, &d, e, f, g, &h, k[t + 8] &+ w8)
                SHA256.round(h, a, b, &c, d, e, f, &g, k[t + 9] &+ w9)
                SHA256.round(g, h, a, &b, c, d, e, &f, k[t + 10] &+ w10)
                SHA256.round(f, g, h, &a, b, c, d, &e, k[t + 11] &+ w11)
                SHA256.round(e, f, g, &h, a, b, c, &d, k[t + 12] &+ w12)
                SHA256.round(d, e, f, &g, h, a, b, &c, k[t + 13] &+ w13)
                SHA256.round(c, d, e, &f, g, h, a, &b, k[t + 14] &+ w14)
                SHA256.round(b, c, d, &e, f, g, h, &a, k[t + 15] &+ w15)
                t += 16
                if t == 64 { break }
                // The next 16 words of the schedule.
                w0 = w0 &+ s0(w1) &+ w9 &+ s1(w14)
                w1 = w1 &+ s0(w2) &+ w10 &+ s1(w15)
                w2 = w2 &+ s0(w3) &+ w11 &+ s1(w0)
                w3 = w3 &+ s0(w4) &+ w12 &+ s1(w1)
                w4 = w4 &+ s0(w5) &+ w13 &+ s1(w2)
                w5 = w5 &+ s0(w6) &+ w14 &+ s1(w3)
                w6 = w6 &+ s0(w7) &+ w15 &+ s1(w4)
                w7 = w7 &+ s0(w8) &+ w0 &+ s1(w5)
                w8 = w8 &+ s0(w9) &+ w1 &+ s1(w6)
                w9 = w9 &+ s0(w10) &+ w2 &+ s1(w7)
                w10 = w10 &+ s0(w11) &+ w3 &+ s1(w8)
                w11 = w11 &+ s0(w12) &+ w4 &+ s1(w9)
                w12 = w12 &+ s0(w13) &+ w5 &+ s1(w10)
                w13 = w13 &+ s0(w14) &+ w6 &+ s1(w11)
                w14 = w14 &+ s0(w15) &+ w7 &+ s1(w12)
                w15 = w15 &+ s0(w0) &+ w8 &+ s1(w13)
            }
        }
        h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
        h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
    }
}

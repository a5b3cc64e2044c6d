/// Four SHA-256 digests computed together, one message per lane of 4 x 32-bit vectors: `verify` hashes
/// millions of independent lines (each line's hash covers its own bytes, which hold the hash before it, so
/// checking needs no order), and one core hashes about twice the bytes this way as one message at a time.
///
/// Bit for bit the same function as `SHA256` (the tests compare both on messages of every length).
struct SHA256x4 {
    /// The eight state words of the four lanes after each lane's last block.
    private var words = [SIMD4<UInt32>](repeating: SIMD4(), count: 8)

    /// The digests of up to four messages, each given as two pieces hashed as one (a log line without its
    /// `hash` member). Where the processor has SHA instructions they hash the messages one by one, unless
    /// `portable` (for tests).
    init(_ messages: [(UnsafeRawBufferPointer, UnsafeRawBufferPointer)], portable: Bool = false) {
        precondition(messages.count <= 4)
        #if arch(x86_64)
        if !portable && SHA256Instructions.available {
            // The processor's SHA instructions hash one message faster than the vectors hash four.
            for (lane, (a, b)) in messages.enumerated() {
                var hasher = SHA256()
                hasher.update(a)
                hasher.update(b)
                let digest = hasher.finalize()
                for i in 0..<8 {
                    words[i][lane] = (0..<4).reduce(0) { $0 << 8 | UInt32(digest[4 * i + $1]) }
                }
            }
            return
        }
        #endif
        var blocks = SIMD4<Int>(repeating: 0), starts = SIMD4<Int>(repeating: 0)
        var total = 0
        for (lane, (a, b)) in messages.enumerated() {
            let count = a.count + b.count
            blocks[lane] = (count + 9 + 63) / 64
            starts[lane] = total
            total += blocks[lane] * 64
        }
        let padded = UnsafeMutableRawBufferPointer.allocate(byteCount: max(64, total), alignment: 16)
        defer { padded.deallocate() }
        for (lane, (a, b)) in messages.enumerated() {
            let start = starts[lane], count = a.count + b.count, end = start + blocks[lane] * 64
            if let base = a.baseAddress { (padded.baseAddress! + start).copyMemory(from: base, byteCount: a.count) }
            if let base = b.baseAddress { (padded.baseAddress! + start + a.count).copyMemory(from: base, byteCount: b.count) }
            padded[start + count] = 0x80
            for i in (start + count + 1)..<(end - 8) { padded[i] = 0 }
            let bits = UInt64(count) &* 8
            for i in 0..<8 { padded[end - 8 + i] = UInt8(truncatingIfNeeded: bits >> (56 - 8 * UInt64(i))) }
        }
        let v = SHA256x4.initial
        var state = State(h0: v[0], h1: v[1], h2: v[2], h3: v[3], h4: v[4], h5: v[5], h6: v[6], h7: v[7])
        let rounds = messages.isEmpty ? 0 : blocks.max()
        for block in 0..<rounds {
            // A lane already done hashes its last block again; its result was saved and is not used.
            var at = SIMD4<Int>(repeating: 0)
            for lane in 0..<messages.count { at[lane] = starts[lane] + 64 * min(block, blocks[lane] - 1) }
            SHA256x4.compress(&state, padded.baseAddress!, at)
            for lane in 0..<messages.count where blocks[lane] == block + 1 {
                let done = [state.h0, state.h1, state.h2, state.h3, state.h4, state.h5, state.h6, state.h7]
                for i in 0..<8 { words[i][lane] = done[i][lane] }
            }
        }
    }

    /// Whether the 64 lowercase hex digits at `hex` are the digest of the message in `lane`.
    func matches(lane: Int, hex: UnsafePointer<UInt8>) -> Bool {
        for i in 0..<8 {
            let word = words[i][lane]
            for k in 0..<4 {
                let byte = UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32(k)))
                if hex[8 * i + 2 * k] != SHA256.hexDigit(byte >> 4) || hex[8 * i + 2 * k + 1] != SHA256.hexDigit(byte & 0x0F) {
                    return false
                }
            }
        }
        return true
    }

    /// The 32-byte digest of the message in `lane`.
    func digest(lane: Int) -> [UInt8] {
        (0..<32).map { UInt8(truncatingIfNeeded: words[$0 / 4][lane] >> (24 - 8 * UInt32($0 % 4))) }
    }

    private static let initial: [SIMD4<UInt32>] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ].map { SIMD4(repeating: $0) }

    /// The round constants of `SHA256`, one per round, in every lane.
    private static let k: [SIMD4<UInt32>] = SHA256.k.map { SIMD4(repeating: $0) }

    /// A rotation written as a sum of the two shifts (the bits do not overlap): written with `|`, the compiler
    /// turns it into a rotate instruction per lane, moving every word out of the vector and back.
    @inline(__always)
    private static func rotr(_ x: SIMD4<UInt32>, _ n: UInt32) -> SIMD4<UInt32> { (x &>> n) &+ (x &<< (32 - n)) }

    @inline(__always)
    private static func round(
        _ a: SIMD4<UInt32>, _ b: SIMD4<UInt32>, _ c: SIMD4<UInt32>, _ d: inout SIMD4<UInt32>,
        _ e: SIMD4<UInt32>, _ f: SIMD4<UInt32>, _ g: SIMD4<UInt32>, _ h: inout SIMD4<UInt32>, _ kw: SIMD4<UInt32>
    ) {
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let ch = g ^ (e & (f ^ g))
        let t1 = h &+ s1 &+ ch &+ kw
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let maj = (a & b) | (c & (a | b))
        d = d &+ t1
        h = t1 &+ s0 &+ maj
    }

    /// The working state of the four lanes.
    private struct State {
        var h0, h1, h2, h3, h4, h5, h6, h7: SIMD4<UInt32>
    }

    /// One 64-byte block of each lane (at byte offsets `at` of `base`), as `SHA256.compress` does for one message:
    /// the schedule in 16 locals, the working variables in rotated order.
    private static func compress(_ state: inout State, _ base: UnsafeMutableRawPointer, _ at: SIMD4<Int>) {
        @inline(__always) func load(_ t: Int) -> SIMD4<UInt32> {
            SIMD4(UInt32(bigEndian: base.loadUnaligned(fromByteOffset: at[0] + 4 * t, as: UInt32.self)),
                  UInt32(bigEndian: base.loadUnaligned(fromByteOffset: at[1] + 4 * t, as: UInt32.self)),
                  UInt32(bigEndian: base.loadUnaligned(fromByteOffset: at[2] + 4 * t, as: UInt32.self)),
                  UInt32(bigEndian: base.loadUnaligned(fromByteOffset: at[3] + 4 * t, as: UInt32.self)))
        }
        @inline(__always) func s0(_ x: SIMD4<UInt32>) -> SIMD4<UInt32> { rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3) }
        @inline(__always) func s1(_ x: SIMD4<UInt32>) -> SIMD4<UInt32> { rotr(x, 17) ^ rotr(x, 19) ^ (x &>> 10) }
        var w0 = load(0), w1 = load(1), w2 = load(2), w3 = load(3), w4 = load(4), w5 = load(5), w6 = load(6), w7 = load(7)
        var w8 = load(8), w9 = load(9), w10 = load(10), w11 = load(11), w12 = load(12), w13 = load(13), w14 = load(14), w15 = load(15)
        var a = state.h0, b = state.h1, c = state.h2, d = state.h3, e = state.h4, f = state.h5, g = state.h6, h = state.h7
        k.withUnsafeBufferPointer { k in
            var t = 0
            while true {
                round(a, b, c, &d, e, f, g, &h, k[t] &+ w0)
                round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w1)
                round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w2)
                round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w3)
                round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w4)
                round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w5)
                round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w6)
                round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w7)
                round(a, b, c, &d, e, f, g, &h, k[t + 8] &+ w8)
                round(h, a, b, &c, d, e, f, &g, k[t + 9] &+ w9)
                round(g, h, a, &b, c, d, e, &f, k[t + 10] &+ w10)
                round(f, g, h, &a, b, c, d, &e, k[t + 11] &+ w11)
                round(e, f, g, &h, a, b, c, &d, k[t + 12] &+ w12)
                round(d, e, f, &g, h, a, b, &c, k[t + 13] &+ w13)
                round(c, d, e, &f, g, h, a, &b, k[t + 14] &+ w14)
                round(b, c, d, &e, f, g, h, &a, k[t + 15] &+ w15)
                t += 16
                if t == 64 { break }
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
        state.h0 &+= a; state.h1 &+= b; state.h2 &+= c; state.h3 &+= d
        state.h4 &+= e; state.h5 &+= f; state.h6 &+= g; state.h7 &+= h
    }
}

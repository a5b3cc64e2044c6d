/// A fast 64-bit checksum of the log's bytes, so a writer can trust an earlier full verification only
/// while the bytes it covered are unchanged (several GB/s: far cheaper than re-hashing every line).
///
/// Not a security measure (the checkpoint file is as writable as the log); it catches edits, truncations
/// and corruption made since the checkpoint, which is what "refuse to append to a damaged log" needs.
enum PrefixChecksum {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> UInt64 {
        precondition(count <= bytes.count)
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15, b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 16 <= count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let y = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
            a = ((a ^ x) &* 0xFF51_AFD7_ED55_8CCD).rotated(29)
            b = ((b ^ y) &* 0xC4CE_B9FE_1A85_EC53).rotated(31)
            i += 16
        }
        while i < count {
            a = ((a ^ UInt64(raw[i])) &* 0x1000_0000_01B3).rotated(7)
            i += 1
        }
        var h = a ^ (b &* 0x2545_F491_4F6C_DD1D) ^ UInt64(count)
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}

extension UInt64 {
    fileprivate func rotated(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}

/// The ZIP checksum (IEEE 802.3 polynomial, reflected), so a damaged workbook is reported instead of misread.
public struct CRC32: Sendable {
    /// One entry per byte value: the remainder of that byte shifted through the reflected polynomial.
    static let table: [UInt32] = (0..<256).map { (n: Int) -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    private var state: UInt32 = 0xFFFF_FFFF

    /// Starts an empty checksum; feed it with `update`.
    public init() {}

    /// Adds bytes, so a large entry can be checked as it is produced.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        var c = state
        CRC32.table.withUnsafeBufferPointer { t in
            for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        state = c
    }

    /// The checksum of everything fed so far.
    public var value: UInt32 { state ^ 0xFFFF_FFFF }

    /// The checksum of `bytes` in one call.
    public static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}

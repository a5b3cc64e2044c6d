/// Reads a DEFLATE stream's bits least-significant first, with a 64-bit reservoir so most reads touch no array.
///
/// Past the end of the input the reservoir is filled with zero bits, counted as `overrun`; consuming any of
/// them means the stream was cut short, which `consume` reports instead of reading garbage.
struct InflateBitReader {
    let bytes: [UInt8]
    private(set) var position = 0
    private(set) var reservoir: UInt64 = 0
    private(set) var count = 0
    private var overrun = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Tops the reservoir up to at least 57 bits.
    @inline(__always)
    mutating func refill() {
        while count <= 56 {
            if position < bytes.count {
                reservoir |= UInt64(bytes[position]) << UInt64(count)
                position += 1
            } else {
                overrun += 8
            }
            count += 8
        }
    }

    /// The next `n` (at most 56) bits without consuming them.
    @inline(__always)
    mutating func peek(_ n: Int) -> UInt64 {
        if count < n { refill() }
        return reservoir & ((1 << UInt64(n)) - 1)
    }

    /// Drops `n` bits already peeked; fails when they lie past the end of the input.
    @inline(__always)
    mutating func consume(_ n: Int) throws(InflateError) {
        reservoir >>= UInt64(n)
        count -= n
        if overrun > count { throw .truncated }
    }

    /// Reads `n` (at most 56) bits as a number.
    @inline(__always)
    mutating func bits(_ n: Int) throws(InflateError) -> Int {
        if n == 0 { return 0 }
        let v = Int(peek(n))
        try consume(n)
        return v
    }

    /// Skips to the next byte boundary and hands back the byte position there, emptying the reservoir;
    /// stored blocks are then copied straight from `bytes`.
    mutating func alignToByte() -> Int {
        let drop = count % 8
        reservoir >>= UInt64(drop)
        count -= drop
        let bytePosition = position - (count - overrun) / 8
        reservoir = 0
        count = 0
        overrun = 0
        position = bytePosition
        return bytePosition
    }

    /// Continues reading at byte `offset` after a stored block.
    mutating func resume(at offset: Int) {
        position = offset
    }
}

/// A canonical Huffman code (RFC 1951 §3.2.2) as one lookup table indexed by the next `maxLength` input bits.
///
/// Each entry packs `symbol << 4 | codeLength`; 0 marks bit patterns no code uses (an incomplete code), which
/// decoding reports as a corrupt stream rather than trusting.
struct HuffmanTable: Sendable {
    let entries: [UInt16]
    let maxLength: Int

    /// Builds the table from the code length of each symbol (0 = unused); nil when the lengths over-subscribe
    /// the code space.
    init?(lengths: [Int]) {
        var counts = [Int](repeating: 0, count: 16)
        for l in lengths { counts[l] += 1 }
        counts[0] = 0
        var left = 1
        for l in 1...15 {
            left = left * 2 - counts[l]
            if left < 0 { return nil }
        }
        let maxLength = max(1, lengths.max() ?? 1)
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for l in 1...15 {
            code = (code + counts[l - 1]) << 1
            next[l] = code
        }
        var entries = [UInt16](repeating: 0, count: 1 << maxLength)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let c = next[length]
            next[length] += 1
            var reversed = 0
            for i in 0..<length where c & (1 << i) != 0 { reversed |= 1 << (length - 1 - i) }
            let entry = UInt16(symbol << 4 | length)
            var index = reversed
            while index < entries.count {
                entries[index] = entry
                index += 1 << length
            }
        }
        self.entries = entries
        self.maxLength = maxLength
    }

    /// Reads one symbol.
    @inline(__always)
    func decode(_ reader: inout InflateBitReader) throws(InflateError) -> Int {
        let entry = entries[Int(reader.peek(maxLength))]
        let length = Int(entry & 15)
        if length == 0 { throw .corrupt("a bit pattern that is no Huffman code") }
        try reader.consume(length)
        return Int(entry >> 4)
    }
}

/// DEFLATE decompression (RFC 1951) written here, since the package takes no dependencies and workbooks are
/// ZIP archives of deflated XML.
public enum Inflate {
    /// Decompresses a raw DEFLATE stream (no zlib or gzip wrapper); `limit` caps the output, so a hostile
    /// archive cannot exhaust memory.
    public static func decompress(_ input: [UInt8], expectedSize: Int? = nil,
                                  limit: Int = 1 << 31) throws(InflateError) -> [UInt8] {
        var reader = InflateBitReader(input)
        var output: [UInt8] = []
        output.reserveCapacity(min(expectedSize ?? input.count * 4, limit, 1 << 26))
        var final = false
        while !final {
            final = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0:
                try copyStored(&reader, into: &output, limit: limit)
            case 1:
                try inflateBlock(&reader, literals: fixedLiterals, distances: fixedDistances,
                                 into: &output, limit: limit)
            case 2:
                let (literals, distances) = try dynamicTables(&reader)
                try inflateBlock(&reader, literals: literals, distances: distances, into: &output, limit: limit)
            default:
                throw .corrupt("block type 3 is reserved")
            }
        }
        return output
    }

    // MARK: - Stored blocks

    static func copyStored(_ reader: inout InflateBitReader, into output: inout [UInt8],
                           limit: Int) throws(InflateError) {
        let start = reader.alignToByte()
        let bytes = reader.bytes
        guard start + 4 <= bytes.count else { throw .truncated }
        let length = Int(bytes[start]) | Int(bytes[start + 1]) << 8
        let complement = Int(bytes[start + 2]) | Int(bytes[start + 3]) << 8
        guard length == complement ^ 0xFFFF else { throw .corrupt("a stored block's length check fails") }
        guard start + 4 + length <= bytes.count else { throw .truncated }
        guard output.count + length <= limit else { throw .tooLarge(limit: limit) }
        output.append(contentsOf: bytes[(start + 4)..<(start + 4 + length)])
        reader.resume(at: start + 4 + length)
    }

    // MARK: - Huffman blocks

    /// Base lengths of symbols 257...285 and their extra bits (RFC 1951 §3.2.5).
    static let lengthBase: [Int] = (257...285).map { code in
        if code < 265 { return code - 254 }
        if code == 285 { return 258 }
        let extra = (code - 261) / 4
        return ((4 + (code - 265) % 4) << extra) + 3
    }
    static let lengthExtra: [Int] = (257...285).map { code in
        code < 265 || code == 285 ? 0 : (code - 261) / 4
    }
    /// Base distances of codes 0...29 and their extra bits.
    static let distanceBase: [Int] = (0..<30).map { code in
        code < 4 ? code + 1 : ((2 + code % 2) << (code / 2 - 1)) + 1
    }
    static let distanceExtra: [Int] = (0..<30).map { code in code < 4 ? 0 : code / 2 - 1 }

    static let fixedLiterals = HuffmanTable(lengths: (0..<288).map { s in
        s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8
    })!
    static let fixedDistances = HuffmanTable(lengths: [Int](repeating: 5, count: 32))!

    /// The order in which code-length code lengths are sent.
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static func dynamicTables(_ reader: inout InflateBitReader) throws(InflateError) -> (HuffmanTable, HuffmanTable) {
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeLengthCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .corrupt("too many codes in a dynamic block") }
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeLengthCount { codeLengthLengths[codeLengthOrder[i]] = try reader.bits(3) }
        guard let codeLengths = HuffmanTable(lengths: codeLengthLengths) else {
            throw .corrupt("over-subscribed code length code")
        }
        var lengths: [Int] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try codeLengths.decode(&reader)
            var repeatValue = 0, times = 1
            switch symbol {
            case 0...15: repeatValue = symbol
            case 16:
                guard let last = lengths.last else { throw .corrupt("a repeat with no previous length") }
                repeatValue = last
                times = 3 + (try reader.bits(2))
            case 17: times = 3 + (try reader.bits(3))
            default: times = 11 + (try reader.bits(7))
            }
            guard lengths.count + times <= literalCount + distanceCount else {
                throw .corrupt("code lengths run past their count")
            }
            lengths += repeatElement(repeatValue, count: times)
        }
        guard lengths[256] > 0 else { throw .corrupt("no end-of-block code") }
        guard let literals = HuffmanTable(lengths: Array(lengths[0..<literalCount])),
              let distances = HuffmanTable(lengths: Array(lengths[literalCount...])) else {
            throw .corrupt("over-subscribed literal or distance code")
        }
        return (literals, distances)
    }

    static func inflateBlock(_ reader: inout InflateBitReader, literals: HuffmanTable, distances: HuffmanTable,
                             into output: inout [UInt8], limit: Int) throws(InflateError) {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 {
                guard output.count < limit else { throw .tooLarge(limit: limit) }
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let l = symbol - 257
            guard l < 29 else { throw .corrupt("length symbol \(symbol)") }
            let length = lengthBase[l] + (try reader.bits(lengthExtra[l]))
            let d = try distances.decode(&reader)
            guard d < 30 else { throw .corrupt("distance symbol \(d)") }
            let distance = distanceBase[d] + (try reader.bits(distanceExtra[d]))
            guard distance <= output.count else { throw .corrupt("a distance reaching before the start") }
            guard output.count + length <= limit else { throw .tooLarge(limit: limit) }
            var from = output.count - distance
            for _ in 0..<length {
                output.append(output[from])
                from += 1
            }
        }
    }
}

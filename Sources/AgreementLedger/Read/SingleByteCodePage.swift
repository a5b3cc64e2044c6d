/// The 8-bit code pages older Central and Western European exports use, each a table for the high half
/// (0x80–0xFF; the low half is ASCII), written out here from the published code page charts.
struct SingleByteCodePage: Sendable {
    /// The Unicode scalar for bytes 0x80...0xFF; 0 marks a byte the code page leaves undefined.
    let high: [UInt16]

    /// windows-1250 (Central European): 0x81, 0x83, 0x88, 0x90 and 0x98 are undefined.
    static let windows1250 = SingleByteCodePage(high: [
        // 0x80
        0x20AC, 0, 0x201A, 0, 0x201E, 0x2026, 0x2020, 0x2021,
        0, 0x2030, 0x0160, 0x2039, 0x015A, 0x0164, 0x017D, 0x0179,
        // 0x90
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0, 0x2122, 0x0161, 0x203A, 0x015B, 0x0165, 0x017E, 0x017A,
        // 0xA0
        0x00A0, 0x02C7, 0x02D8, 0x0141, 0x00A4, 0x0104, 0x00A6, 0x00A7,
        0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B,
        // 0xB0
        0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
        0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E, 0x017C,
    ] + centralEuropeanUpperHalf)

    /// windows-1252 (Western European): Latin-1 plus typographic marks in 0x80–0x9F; 0x81, 0x8D, 0x8F, 0x90
    /// and 0x9D are undefined.
    static let windows1252 = SingleByteCodePage(high: [
        // 0x80
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        // 0x90
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ] + (0xA0...0xFF).map { UInt16($0) })

    /// iso-8859-2 (Latin-2): C1 controls in 0x80–0x9F, letters in 0xA0–0xFF.
    static let iso88592 = SingleByteCodePage(high: (0x80...0x9F).map { UInt16($0) } + [
        // 0xA0
        0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A, 0x00A7,
        0x00A8, 0x0160, 0x015E, 0x0164, 0x0179, 0x00AD, 0x017D, 0x017B,
        // 0xB0
        0x00B0, 0x0105, 0x02DB, 0x0142, 0x00B4, 0x013E, 0x015B, 0x02C7,
        0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C,
    ] + centralEuropeanUpperHalf)

    /// 0xC0–0xFF, identical in windows-1250 and iso-8859-2.
    private static let centralEuropeanUpperHalf: [UInt16] = [
        // 0xC0
        0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7,
        0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,
        // 0xD0
        0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7,
        0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,
        // 0xE0
        0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,
        0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,
        // 0xF0
        0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7,
        0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
    ]

    /// The table for an 8-bit encoding, nil for the Unicode ones.
    static func forEncoding(_ encoding: TextEncoding) -> SingleByteCodePage? {
        switch encoding {
        case .windows1250: windows1250
        case .windows1252: windows1252
        case .iso88592: iso88592
        case .utf8, .utf16LE, .utf16BE: nil
        }
    }

    /// The UTF-8 bytes, or the failure with its offset into the buffer.
    enum Outcome {
        case bytes([UInt8])
        case undefined(Int)
        case nul(Int)
    }

    /// Decodes every byte through the table into UTF-8 (at most 3 bytes per input byte).
    func decode(_ data: [UInt8]) -> Outcome {
        precondition(high.count == 128, "a code page table has 128 entries")
        let n = data.count
        var failure: Outcome?
        let out = data.withUnsafeBufferPointer { src -> [UInt8] in
            high.withUnsafeBufferPointer { table -> [UInt8] in
                [UInt8](unsafeUninitializedCapacity: n * 3) { dst, count in
                    var o = 0
                    for i in 0..<n {
                        let b = src[i]
                        if b < 0x80 {
                            if b == 0 { failure = .nul(i); break }
                            dst[o] = b; o += 1
                            continue
                        }
                        let scalar = UInt32(table[Int(b) - 0x80])
                        if scalar == 0 { failure = .undefined(i); break }
                        if scalar < 0x800 {
                            dst[o] = UInt8(0xC0 | scalar >> 6)
                            dst[o + 1] = UInt8(0x80 | scalar & 0x3F)
                            o += 2
                        } else {
                            dst[o] = UInt8(0xE0 | scalar >> 12)
                            dst[o + 1] = UInt8(0x80 | (scalar >> 6) & 0x3F)
                            dst[o + 2] = UInt8(0x80 | scalar & 0x3F)
                            o += 3
                        }
                    }
                    count = failure == nil ? o : 0
                }
            }
        }
        return failure ?? .bytes(out)
    }
}

import Testing
@testable import AgreementLedger

private let sample = "Država\tŁódź\n\"Müller, café\"\t€ 😀\n"

/// UTF-16 bytes of `text` in the given byte order, with or without a BOM.
private func utf16(_ text: String, bigEndian: Bool, bom: Bool = true) -> [UInt8] {
    var bytes: [UInt8] = []
    for unit in ((bom ? "\u{FEFF}" : "") + text).utf16 {
        let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
        bytes += bigEndian ? [hi, lo] : [lo, hi]
    }
    return bytes
}

@Suite struct TextDecodingTests {
    @Test func utf8BOMIsStripped() throws {
        let read = try DelimitedTextReader.read([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        let plain = try DelimitedTextReader.read(Array(sample.utf8))
        #expect(read.rows == plain.rows)
        #expect(read.encoding == .utf8)
        #expect(read.rows[0].fields == ["Država", "Łódź"])
    }

    @Test func utf16LittleAndBigEndianWithBOMReadLikeUTF8() throws {
        let plain = try DelimitedTextReader.read(Array(sample.utf8))
        let le = try DelimitedTextReader.read(utf16(sample, bigEndian: false))
        let be = try DelimitedTextReader.read(utf16(sample, bigEndian: true))
        #expect(le.rows == plain.rows)
        #expect(be.rows == plain.rows)
        #expect(le.encoding == .utf16LE)
        #expect(be.encoding == .utf16BE)
        #expect(plain.rows[1].fields == ["Müller, café", "€ 😀"])
    }

    @Test func bomWinsOverDeclaredEncoding() throws {
        let read = try DelimitedTextReader.read(utf16(sample, bigEndian: false), encoding: .windows1250)
        #expect(read.encoding == .utf16LE)
        #expect(read.rows[0].fields == ["Država", "Łódź"])
    }

    @Test func declaredUTF16WithoutBOMIsHonoured() throws {
        let (bytes, encoding) = try TextDecoding.utf8Bytes(of: utf16("Łódź", bigEndian: true, bom: false),
                                                           declared: .utf16BE)
        #expect(encoding == .utf16BE)
        #expect(bytes == Array("Łódź".utf8))
    }

    @Test func unpairedSurrogateIsUndecodableAtItsOffset() {
        // BOM, "a", lone high surrogate D800, "b"
        #expect(throws: ReadError.undecodable(offset: 4, encoding: .utf16LE)) {
            try TextDecoding.utf8Bytes(of: [0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x62, 0x00], declared: nil)
        }
        // BOM, lone low surrogate DC00
        #expect(throws: ReadError.undecodable(offset: 2, encoding: .utf16BE)) {
            try TextDecoding.utf8Bytes(of: [0xFE, 0xFF, 0xDC, 0x00, 0x00, 0x61], declared: nil)
        }
    }

    @Test func truncatedUTF16IsUndecodableAtTheLoneByte() {
        #expect(throws: ReadError.undecodable(offset: 4, encoding: .utf16LE)) {
            try DelimitedTextReader.read([0xFF, 0xFE, 0x61, 0x00, 0x62])
        }
    }

    @Test func windows1250Letters() throws {
        // "Łódź", "Država", "čćđšśąęńżźž"
        let bytes: [UInt8] = [0xA3, 0xF3, 0x64, 0x9F, 0x09, 0x44, 0x72, 0x9E, 0x61, 0x76, 0x61, 0x0A,
                              0x8E, 0xE8, 0xE6, 0xF0, 0x9A, 0x9C, 0xB9, 0xEA, 0xF1, 0xBF, 0x9F, 0xB3]
        let read = try DelimitedTextReader.read(bytes, delimiter: .tab, encoding: .windows1250)
        #expect(read.encoding == .windows1250)
        #expect(read.rows.map(\.fields) == [["Łódź", "Država"], ["Žčćđšśąęńżźł"]])
    }

    @Test func iso88592Letters() throws {
        // "Łódź", "Država", "Žčćđšśążźł"
        let bytes: [UInt8] = [0xA3, 0xF3, 0x64, 0xBC, 0x09, 0x44, 0x72, 0xBE, 0x61, 0x76, 0x61, 0x0A,
                              0xAE, 0xE8, 0xE6, 0xF0, 0xB9, 0xB6, 0xB1, 0xBF, 0xBC, 0xB3]
        let read = try DelimitedTextReader.read(bytes, delimiter: .tab, encoding: .iso88592)
        #expect(read.rows.map(\.fields) == [["Łódź", "Država"], ["Žčćđšśążźł"]])
    }

    @Test func windows1252Letters() throws {
        // "Müller café" and the typographic quotes, euro sign and dash of 0x80–0x9F
        let bytes: [UInt8] = [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x20, 0x63, 0x61, 0x66, 0xE9,
                              0x09, 0x93, 0x80, 0x96, 0x94]
        let (utf8, _) = try TextDecoding.utf8Bytes(of: bytes, declared: .windows1252)
        #expect(String(decoding: utf8, as: UTF8.self) == "Müller café\t\u{201C}€\u{2013}\u{201D}")
    }

    @Test func undefinedCodePageBytesAreUndecodable() {
        for byte: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            #expect(throws: ReadError.undecodable(offset: 1, encoding: .windows1252)) {
                try TextDecoding.utf8Bytes(of: [0x41, byte, 0x41], declared: .windows1252)
            }
        }
        for byte: UInt8 in [0x81, 0x83, 0x88, 0x90, 0x98] {
            #expect(throws: ReadError.undecodable(offset: 2, encoding: .windows1250)) {
                try TextDecoding.utf8Bytes(of: [0x41, 0x42, byte], declared: .windows1250)
            }
        }
    }

    @Test func invalidUTF8NamesTheExactByteOffset() {
        // "Müller" in windows-1252 read as UTF-8: 0xFC at offset 1.
        #expect(throws: ReadError.undecodable(offset: 1, encoding: .utf8)) {
            try TextDecoding.utf8Bytes(of: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], declared: nil)
        }
        // After a BOM and a valid two-byte letter: offset counts from the file's first byte.
        #expect(throws: ReadError.undecodable(offset: 6, encoding: .utf8)) {
            try TextDecoding.utf8Bytes(of: [0xEF, 0xBB, 0xBF, 0xC5, 0xBD, 0x61, 0xE9, 0x20], declared: nil)
        }
        // Past the eight-byte fast path.
        let long = Array("0123456789abcdefghij".utf8) + [0x80]
        #expect(throws: ReadError.undecodable(offset: 20, encoding: .utf8)) {
            try TextDecoding.utf8Bytes(of: long, declared: nil)
        }
        let message = ReadError.undecodable(offset: 1234, encoding: .utf8).description
        #expect(message.contains("1234") && message.contains("--encoding windows-1250"))
    }

    @Test func overlongsSurrogatesAndTruncationsAreInvalidUTF8() {
        let bad: [[UInt8]] = [
            [0xC0, 0xAF], [0xC1, 0x81], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF],  // overlong
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],                                   // surrogates
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],               // beyond U+10FFFF
            [0xE2, 0x82], [0xC5], [0xE2, 0x28, 0xA1], [0x80],                         // truncated, stray
        ]
        for bytes in bad {
            #expect(throws: ReadError.undecodable(offset: 1, encoding: .utf8), "\(bytes)") {
                try TextDecoding.utf8Bytes(of: [0x41] + bytes, declared: nil)
            }
        }
        let good: [UInt8] = [0xC2, 0x80, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80,
                             0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF]
        #expect((try? TextDecoding.utf8Bytes(of: good, declared: nil))?.bytes == good)
    }

    @Test func nulByteIsAnErrorWithItsOffset() {
        #expect(throws: ReadError.nulByte(offset: 3)) {
            try TextDecoding.utf8Bytes(of: [0x61, 0x09, 0x62, 0x00, 0x63, 0x0A], declared: nil)
        }
        #expect(throws: ReadError.nulByte(offset: 10)) {
            try TextDecoding.utf8Bytes(of: Array("abcdefghij".utf8) + [0, 0x61], declared: .windows1250)
        }
    }

    @Test func pngAndZipSignaturesAreNotText() {
        #expect(throws: ReadError.notText(what: "a PNG image")) {
            try DelimitedTextReader.read([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        }
        #expect(throws: ReadError.notText(what: "a ZIP archive (an .xlsx workbook?)")) {
            try DelimitedTextReader.read([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])
        }
        #expect(ReadError.notText(what: "a PNG image").description.contains("a PNG image"))
    }

    @Test func utf16WithoutBOMIsRecognized() {
        for bigEndian in [false, true] {
            #expect(throws: ReadError.utf16WithoutBOM) {
                try DelimitedTextReader.read(utf16("No\tPartner\nŽ\tGraz\n", bigEndian: bigEndian, bom: false))
            }
        }
        #expect(ReadError.utf16WithoutBOM.description.contains("byte-order mark"))
    }

    @Test func emptyFileOrOnlyABOMIsEmpty() {
        #expect(throws: ReadError.empty) { try DelimitedTextReader.read([]) }
        #expect(throws: ReadError.empty) { try DelimitedTextReader.read([0xEF, 0xBB, 0xBF]) }
        #expect(throws: ReadError.empty) { try DelimitedTextReader.read([0xFF, 0xFE]) }
    }

    @Test func encodingNamesAreAccepted() {
        for encoding in TextEncoding.allCases {
            #expect(TextEncoding(name: encoding.rawValue) == encoding)
        }
        #expect(TextEncoding(name: "CP1250") == .windows1250)
        #expect(TextEncoding(name: "latin2") == .iso88592)
        #expect(TextEncoding(name: "ebcdic") == nil)
    }
}

import Testing
@testable import AgreementLedger

/// The ZIP checksum against its published check value and incremental use.
@Suite struct CRC32Tests {
    @Test func checkValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func emptyAndSingleBytes() {
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum([0x00]) == 0xD202_EF8D)
        #expect(CRC32.checksum(Array("a".utf8)) == 0xE8B7_BE43)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test func incrementalEqualsOneShot() {
        let data = Array("Univerzitet u Zagrebu, Ekonomski fakultet".utf8)
        var crc = CRC32()
        crc.update(data[0..<10])
        crc.update(data[10...])
        #expect(crc.value == CRC32.checksum(data))
    }
}

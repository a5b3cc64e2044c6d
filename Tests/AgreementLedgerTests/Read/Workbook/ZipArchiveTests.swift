import Testing
@testable import AgreementLedger

/// The central directory, ZIP64 and damage: a bad archive is a clear error, never a crash.
@Suite struct ZipArchiveTests {
    static var sample: ZipBuilder {
        var z = ZipBuilder()
        z.add("a.txt", "first entry")
        z.add("dir/b.xml", "<x>second</x>")
        return z
    }

    @Test func readsStoredEntries() throws {
        let zip = try ZipArchive(bytes: Self.sample.build())
        #expect(zip.entries.map(\.name) == ["a.txt", "dir/b.xml"])
        #expect(try zip.contents(of: #require(zip.entry(named: "dir/b.xml"))) == Array("<x>second</x>".utf8))
        #expect(zip.entry(named: "/DIR/B.xml") != nil)
    }

    @Test func readsZip64() throws {
        let zip = try ZipArchive(bytes: Self.sample.build(zip64: true))
        #expect(zip.entries.map(\.uncompressedSize) == [11, 13])
        #expect(try zip.contents(of: #require(zip.entry(named: "a.txt"))) == Array("first entry".utf8))
        #expect(try zip.contents(of: #require(zip.entry(named: "dir/b.xml"))) == Array("<x>second</x>".utf8))
    }

    @Test func everyTruncationIsAnError() {
        for zip64 in [false, true] {
            let bytes = Self.sample.build(zip64: zip64)
            for cut in 0..<bytes.count {
                let prefix = Array(bytes.prefix(cut))
                let result = Result { () throws(ZipError) -> [[UInt8]] in
                    let zip = try ZipArchive(bytes: prefix)
                    return try zip.entries.map { e throws(ZipError) in try zip.contents(of: e) }
                }
                if case .success = result { Issue.record("a cut at \(cut) of \(bytes.count) read without error") }
            }
        }
    }

    @Test func checksumMismatch() throws {
        var bytes = Self.sample.build()
        bytes[30 + 5] ^= 0x20  // a data byte of a.txt
        let zip = try ZipArchive(bytes: bytes)
        #expect(throws: ZipError.checksum(entry: "a.txt")) { try zip.contents(of: zip.entries[0]) }
    }

    @Test func notAnArchive() {
        #expect(throws: ZipError.noDirectory) { try ZipArchive(bytes: Array("PK\u{3}\u{4} and then nothing useful".utf8)) }
        #expect(ZipError.noDirectory.description.contains("truncated"))
    }

    /// Every byte of a real workbook flipped in turn: reading either works or throws.
    @Test func flippedBytesNeverCrash() throws {
        let bytes = try TestFixtures.bytes(TestFixtures.directory.appendingPathComponent("xlsx/openpyxl/english.xlsx").path)
        for i in stride(from: 0, to: bytes.count, by: 97) {
            var damaged = bytes
            damaged[i] ^= 0xA5
            _ = try? WorkbookReader.read(damaged)
        }
    }
}

import Foundation
import Testing
@testable import AgreementLedger

/// Inflate against streams made by zlib (raw DEFLATE): one of each block type, real files, and damaged input.
@Suite struct InflateTests {
    static func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var i = s.startIndex
        while i < s.endIndex {
            let j = s.index(i, offsetBy: 2)
            out.append(UInt8(s[i..<j], radix: 16)!)
            i = j
        }
        return out
    }

    /// zlib level 0: one stored block.
    static let stored = hex("011400ebff48656c6c6f2c2073746f72656420626c6f636b21")
    /// zlib with Z_FIXED: the fixed Huffman code, with back-references.
    static let fixed = hex("4b4c4a4e44420a19a93939f9c82400")
    /// zlib level 9 on 60 generated lines: a dynamic Huffman block.
    static let dynamic = hex(
        "75d55b4ac5301485e17747d12174df7271368207f1e5285570fa1e9a487fd8f179d134f9b2577b7cfc6cfbf3f6f9727cdf6fc7b66f5fef6ff7dbeba6fbbe3f1d8f50ae5010ca19ea153a423d43bbc28ed0ced0b16c41ea671a57aa8134ceb45ca9f1d972a6157be27beb99b62b2ddc723bd37ea58da7ed83025076a532a120a5585a0695d0aa221e5802adaa880797c08be9e0127819f62dc34b0056f8f40013887568cb101390198f3dc8046615e323c34c612678b70e34055a60719df305b48eabd681a6407390eb4053a075b0e85053a8b9a5c157a875cfa30fb5d8d3f02bd45a9a7e055a8934fe0634ad69fe0d68ada50218d0c253030c68aaa90206b4d653070c684552098cdd8c5402039a482a8111ada41218d54a6a8143cd5b6a8143cd720b1c6ad2520b1c6a2595c03969964ae0406b914ae040ab3d95c081562395c081562d95c0fb3ff1fcd2eeebc5670942d65b9b25085d1f6c96206ccd325b10be34fdfb07c4fa426609a2acaf739620ea7a186609a2ad47699620fa7a101f25f805")
    static let dynamicText = (0..<60).map { i in "row \(i): partner \(i * i % 97) signed \(2000 + i % 25)\n" }.joined()

    @Test func storedBlock() throws {
        #expect(Self.stored[0] >> 1 & 3 == 0)
        #expect(try Inflate.decompress(Self.stored) == Array("Hello, stored block!".utf8))
    }

    @Test func fixedHuffmanBlock() throws {
        #expect(Self.fixed[0] >> 1 & 3 == 1)
        #expect(try Inflate.decompress(Self.fixed) == Array("abcabcabcabcabc hello hello hello".utf8))
    }

    @Test func dynamicHuffmanBlock() throws {
        #expect(Self.dynamic[0] >> 1 & 3 == 2)
        let out = try Inflate.decompress(Self.dynamic)
        #expect(out == Array(Self.dynamicText.utf8))
        #expect(CRC32.checksum(out) == 0x982B_7D38)
    }

    @Test func emptyFinalFixedBlock() throws {
        // BFINAL=1, BTYPE=01, then the 7-bit end-of-block code 0000000.
        #expect(try Inflate.decompress([0x03, 0x00]) == [])
    }

    /// The seeds zipped by Python's zipfile (deflated, one stored) inflate to the seed files byte for byte.
    @Test func realFilesRoundTrip() throws {
        let zip = try ZipArchive(bytes: try TestFixtures.bytes(TestFixtures.directory.appendingPathComponent("xlsx/seeds.zip").path))
        for (name, file) in TestFixtures.seeds {
            let entry = try #require(zip.entry(named: "\(name).txt"))
            #expect(entry.method == 8)
            #expect(try zip.contents(of: entry) == TestFixtures.seedBytes(name), "\(file)")
        }
        let stored = try #require(zip.entry(named: "english-stored.txt"))
        #expect(stored.method == 0)
        #expect(try zip.contents(of: stored) == TestFixtures.seedBytes("english"))
    }

    @Test func truncatedStreamsAreErrors() {
        for stream in [Self.stored, Self.fixed, Self.dynamic] {
            for cut in [0, 1, stream.count / 2, stream.count - 1] {
                #expect(throws: InflateError.self) { try Inflate.decompress(Array(stream.prefix(cut))) }
            }
        }
    }

    @Test func corruptStreamsAreErrors() {
        #expect(throws: InflateError.corrupt("block type 3 is reserved")) { try Inflate.decompress([0x07]) }
        var badLength = Self.stored
        badLength[3] ^= 0xFF
        #expect(throws: InflateError.self) { try Inflate.decompress(badLength) }
        // A distance reaching before the start of the output: fixed block, length 3 at distance 1 first.
        #expect(throws: InflateError.self) { try Inflate.decompress([0x03, 0x02]) }
    }

    /// Every single-byte corruption of a real stream either inflates to something or throws; none crashes.
    @Test func flippedBytesNeverCrash() {
        for i in Self.dynamic.indices {
            var damaged = Self.dynamic
            damaged[i] ^= 0x5A
            _ = try? Inflate.decompress(damaged, limit: 1 << 16)
        }
    }

    @Test func outputLimit() {
        #expect(throws: InflateError.tooLarge(limit: 100)) { try Inflate.decompress(Self.dynamic, limit: 100) }
    }
}

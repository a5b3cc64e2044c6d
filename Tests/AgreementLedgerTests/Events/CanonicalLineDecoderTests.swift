import Foundation
import Testing
@testable import AgreementLedger

/// The direct decoder of log lines must read exactly what the JSON path reads, or step aside.
@Suite struct CanonicalLineDecoderTests {
    @Test func decodesWhatTheJSONPathDecodesOrStepsAside() throws {
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        var lines = StoreFixtures.bytes(store.logPath).split(separator: 0x0A).map(Array.init)
        lines += StoreFixtures.batch("odd", events: 4).map { Array($0.canonicalLine.utf8) }
        var direct = 0
        for line in lines {
            let general = try LedgerEvent(json: try line.withUnsafeBufferPointer { try JSONParser.parse($0) })
            let decoded = line.withUnsafeBufferPointer { CanonicalLineDecoder.decode($0) }
            if let decoded {
                direct += 1
                #expect(decoded == general)
            } else {
                // Only lines with `changes` or an escaped character step aside.
                let text = String(decoding: line, as: UTF8.self)
                #expect(general.changes != nil || text.contains("\\"), "\(text)")
            }
        }
        #expect(direct > lines.count * 8 / 10, "\(direct) of \(lines.count)")
        // Anything not written by this code steps aside.
        let signed = try #require(lines.first { String(decoding: $0, as: UTF8.self).contains(#""type":"signed""#) })
        let spaced = Array(String(decoding: signed, as: UTF8.self).replacingOccurrences(of: "\",\"", with: "\", \"").utf8)
        #expect(spaced.withUnsafeBufferPointer { CanonicalLineDecoder.decode($0) } == nil)
        let extraKey = Array(String(decoding: signed, as: UTF8.self).replacingOccurrences(of: "{\"agreement\"", with: "{\"a\":1,\"agreement\"").utf8)
        #expect(extraKey.withUnsafeBufferPointer { CanonicalLineDecoder.decode($0) } == nil)
        let cut = Array(signed.dropLast())
        #expect(cut.withUnsafeBufferPointer { CanonicalLineDecoder.decode($0) } == nil)
    }
}

import Foundation
import Testing
@testable import AgreementLedger

/// The direct encoder of event lines must give the bytes of the JSON tree writer, the reference form.
@Suite struct EventEncodingTests {
    /// Every event of the four sample lists imported in order, plus the store fixtures (odd strings:
    /// quotes, backslashes, control characters, emoji, changes with nulls).
    func allEvents() throws -> [LedgerEvent] {
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        return try store.readCommitted() + StoreFixtures.batch("odd \"import\"\\\u{1}", events: 6)
    }

    @Test func directEncodingMatchesTheTreeWriter() throws {
        let events = try allEvents()
        #expect(events.count > 700)
        #expect(Set(events.map(\.type)) == Set(EventType.allCases))
        for event in events {
            var direct: [UInt8] = []
            event.appendCanonicalWithoutHash(to: &direct)
            var tree: [UInt8] = []
            JSONWriter.appendCanonical(event.json(includingHash: false), to: &tree)
            #expect(direct == tree, "\(event.type) \(event.seq)")
            #expect(event.canonicalLine == JSONWriter.canonical(event.json(includingHash: true)))
            let (line, hash) = event.canonicalLineAndHash()
            #expect(hash == SHA256.hex(of: SHA256.digest(tree)))
            var withHash = event
            withHash.hash = hash
            #expect(String(decoding: line, as: UTF8.self) == JSONWriter.canonical(withHash.json(includingHash: true)))
        }
    }
}

import Foundation
import Testing
@testable import AgreementLedger

/// The direct encoder of event lines must give the bytes of the JSON tree writer, the reference form.
@Suite struct EventEncodingTests {
    /// Every event of the four sample lists imported in order, plus the store fixtures (odd strings:
    /// quotes, backslashes, control characters, emoji, changes with nulls).
    func allEvents() throws -> [LedgerEvent] {
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        for source in ["aitu", "bosnian", "english", "polish"] {
            let folder = TestFixtures.sample(source, "")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            for file in files {
                _ = try importer.importFiles([folder + "/" + file], source: source,
                                            asOf: PartialDate(String(file.prefix(10))))
            }
        }
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

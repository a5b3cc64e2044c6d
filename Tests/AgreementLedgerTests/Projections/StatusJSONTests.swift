import Foundation
import Testing
@testable import AgreementLedger

/// `status --json` is written in pieces; the text must be exactly the pretty form of the whole object.
@Suite struct StatusJSONTests {
    @Test func piecewiseOutputIsThePrettyObject() throws {
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        for file in ["2024-01-15.tsv", "2025-01-10.tsv"] {
            _ = try importer.importFiles([TestFixtures.sample("bosnian", file)], source: "bosnian",
                                         asOf: PartialDate(String(file.prefix(10))))
        }
        let events = try store.readCommitted()
        let queries = [StatusQuery(), StatusQuery(at: PartialDate("2024-06-01")), StatusQuery(inForce: PartialDate("2024-06-01")),
                       StatusQuery(at: PartialDate("2020-01-01"))]
        for query in queries {
            let agreements = query.run(events)
            var pieces: [[UInt8]] = []
            query.writeJSON(agreements) { pieces.append(Array($0)) }
            #expect(String(decoding: pieces.joined(), as: UTF8.self) == JSONWriter.pretty(query.json(agreements)) + "\n")
        }
        #expect(StatusQuery().run(events).count == 79)
        #expect(StatusQuery(at: PartialDate("2020-01-01")).run(events).isEmpty)
    }
}

import Foundation
import Testing
@testable import AgreementLedger

/// The `status` table is measured and written from the state checkpoint's bytes in two passes; it must be
/// exactly the table of the folded agreements, cut and padded by characters as people see them.
@Suite struct StatusTableTests {
    /// The table as it was first made, from strings: each cell cut to 40 characters (`String.count`), columns
    /// padded to their widest cut cell, the last column not padded.
    static func referenceTable(_ agreements: [AgreementState]) -> String {
        func cut(_ s: String) -> String { s.count <= 40 ? s : String(s.prefix(39)) + "…" }
        let header = ["agreement", "state", "partner", "country", "signed", "valid until", "source"]
        let rows = agreements.map { a in
            [a.id, a.state.rawValue, a.record.partner, a.record.country ?? "", a.record.signed?.description ?? "",
             a.record.validUntil?.description ?? (a.record.indefinite ? "indefinite" : a.record.term ?? ""), a.source].map(cut)
        }
        var widths = header.map(\.count)
        for row in rows { for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.count) } }
        var text = ""
        for cells in [header] + rows {
            for (c, cell) in cells.enumerated() {
                if c > 0 { text += "  " }
                text += c == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }
            text += "\n"
        }
        let counts = AgreementStatus.allCases.map { s in "\(agreements.filter { $0.state == s }.count) \(s.rawValue)" }
        return text + "\n\(agreements.count) agreements: " + counts.joined(separator: ", ") + "\n"
    }

    static func table(_ query: StatusQuery, _ store: EventStore?) throws -> String {
        var bytes: [UInt8] = []
        try query.writeTable(in: store) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func tableFromTheCheckpointIsTheTableOfTheFold() throws {
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        let events = try store.readCommitted()
        let queries = [StatusQuery(), StatusQuery(source: "bosnian"), StatusQuery(state: .expired),
                       StatusQuery(at: PartialDate("2024-06-01")), StatusQuery(at: PartialDate("2020-01-01")),
                       StatusQuery(source: "polish", at: PartialDate("2025-03-01"), state: .active),
                       StatusQuery(inForce: PartialDate("2024-06-01"))]
        #expect(try store.forEachCheckpointBatch(size: 100) { _, _ in }, "the checkpoint serves the present")
        var fromCheckpoint: [String] = []
        for query in queries {
            let table = try StatusTableTests.table(query, store)
            #expect(table == StatusTableTests.referenceTable(query.run(events)))
            fromCheckpoint.append(table)
        }
        // The one row, exactly: a Bosnian name with diacritics and quotes cut at 40 characters, padded by characters.
        let line = try #require(fromCheckpoint[0].split(separator: "\n").first { $0.hasPrefix("8d4a5fdc4439") })
        #expect(line.hasPrefix("8d4a5fdc4439  expired  Metalurški Institut „Kemal Kapetanović“…  BiH      "))
        #expect(line.hasSuffix("  2007-11-15  P1Y          bosnian"))
        #expect(fromCheckpoint[0].hasSuffix("\n635 agreements: 590 active, 39 expired, 6 closed\n"))
        #expect(fromCheckpoint[4] == "agreement  state  partner  country  signed  valid until  source\n\n0 agreements: 0 active, 0 expired, 0 closed\n")

        // Without the caches the fold gives the same bytes.
        try FileManager.default.removeItem(atPath: dir + "/cache")
        #expect(try !store.forEachCheckpointBatch(size: 100) { _, _ in })
        for (query, table) in zip(queries, fromCheckpoint) { #expect(try StatusTableTests.table(query, store) == table) }
        #expect(try StatusTableTests.table(StatusQuery(), nil) == fromCheckpoint[4])
    }

    /// The changes written on top of the whole checkpoint are merged into both passes.
    @Test func changesOnTopOfTheCheckpointAreListed() throws {
        let tests = StateChangesTests()
        let (store, importer, dir) = try tests.layeredStore(steps: 2)
        defer { TestFixtures.remove(dir) }
        _ = try StateCheckpointTests().importStep(importer, tests.files[2])
        #expect(FileManager.default.fileExists(atPath: dir + "/" + StateChanges.relativePath))
        let events = try store.readCommitted()
        for query in [StatusQuery(), StatusQuery(at: PartialDate("2024-08-01"))] {
            #expect(try StatusTableTests.table(query, store) == StatusTableTests.referenceTable(query.run(events)))
        }
    }

    /// `cut` counts characters as `String` does, on the real lists' cells and on strings made to be hard:
    /// combining marks, CR LF, flags, Hangul, the scalars just below and at U+0300.
    @Test func cellsAreCutByCharactersAsStringCountsThem() throws {
        func expected(_ s: String) -> StatusTable.Cut {
            if s.count <= 40 { return StatusTable.Cut(shown: s.utf8.count, ellipsis: false, width: s.count) }
            return StatusTable.Cut(shown: String(s.prefix(39)).utf8.count, ellipsis: true, width: 40)
        }
        func cut(_ s: String) -> StatusTable.Cut {
            var s = s
            return s.withUTF8 { StatusTable.cut($0) }
        }
        let (store, dir) = try TestFixtures.samplesStore(["bosnian", "polish"])
        defer { TestFixtures.remove(dir) }
        var cells: [String] = []
        for a in try store.readState().agreements { cells += [a.record.partner, a.record.country ?? "", a.record.term ?? ""] }
        let pieces = ["a", "Z", " ", "\r", "\n", "\r\n", "\t", "ł", "ž", "Ü", "\u{2FF}", "\u{300}", "e\u{301}", "\u{AD}",
                      "\u{85}", "🇵🇱", "👩‍🔬", "한", "\u{1100}\u{1161}", "„", "…", "\u{200D}", "\u{FE0F}"]
        var rng = SplitMix(state: 2026)
        for _ in 0..<3000 {
            let length = Int(rng.next() % 60)
            cells.append((0..<length).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        cells += [String(repeating: "x", count: 40), String(repeating: "x", count: 41), String(repeating: "ż", count: 41),
                  String(repeating: "x", count: 39) + "\r\n", String(repeating: "x", count: 38) + "\r\n" + "y"]
        for cell in cells { #expect(cut(cell) == expected(cell), "\(cell.debugDescription)") }
    }

    /// Entries whose bytes are not what their decoded strings would write (a partner's name that is not UTF-8,
    /// extra headers out of order, a NUL) show in the table and the CSV as they decode, and so do plain ones
    /// with quotes, commas and a long name in other scripts.
    @Test func entriesShowAsTheyDecode() throws {
        let past = CheckpointEntryTests()
        var a = LedgerState(events: StoreFixtures.batch("imp-1", events: 1)).agreements[0]
        a.record.partner = "Quote \" comma , Łódź 😀 " + String(repeating: "é", count: 40)
        a.record.extra = ["zeta": "z", "Alpha": "here", "ä": "ü"]
        func replaced(_ what: String, by: @escaping (inout [UInt8], Int) -> Void) -> ([UInt8]) -> [UInt8] {
            { bytes in
                var bytes = bytes
                let at = bytes.indices.first { bytes[$0...].starts(with: Array(what.utf8)) }!
                by(&bytes, at)
                return bytes
            }
        }
        var nul = a
        nul.record.country = "nul \u{0} here"
        let entries = [past.entry(a), past.entry(nul),
                       past.entry(a, encoded: replaced("Łódź") { bytes, at in bytes[at] = 0xFF }),
                       past.entry(a, encoded: replaced("Alpha") { bytes, at in bytes.replaceSubrange(at..<(at + 5), with: Array("zzzzz".utf8)) })]
        #expect(entries.map(\.isPlain) == [true, false, false, false])
        for entry in entries {
            var fromEntry = StatusTable(), decoded = StatusTable()
            fromEntry.measure(entry)
            decoded.measure(entry.agreementState)
            var tableBytes: [UInt8] = [], decodedBytes: [UInt8] = []
            fromEntry.write(entry, into: &tableBytes)
            decoded.write(entry.agreementState, into: &decodedBytes)
            #expect(String(decoding: tableBytes, as: UTF8.self) == String(decoding: decodedBytes, as: UTF8.self))
            #expect(fromEntry.widths == decoded.widths)
            var csv: [UInt8] = []
            CSVWriter.appendStatusRow(entry, to: &csv)
            #expect(String(decoding: csv, as: UTF8.self) == CSVWriter.statusRow(entry.agreementState))
        }
        var table = StatusTable(), line: [UInt8] = []
        table.measure(entries[2])
        table.write(entries[2], into: &line)
        let repaired = try #require(String(decoding: line, as: UTF8.self).split(separator: "  ").dropFirst(2).first)
        #expect(repaired.hasPrefix("Quote \" comma , \u{FFFD}"))
        #expect(repaired.hasSuffix("é…"))
    }
}

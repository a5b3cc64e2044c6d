import Foundation
import Testing
@testable import AgreementLedger

/// RFC 4180 quoting, CRLF lines, the Excel BOM and formula-injection neutralization.
@Suite struct CSVWriterTests {
    @Test func plainFieldsStayAsTheyAre() {
        #expect(CSVWriter.field("Univerzitet u Bihaću") == "Univerzitet u Bihaću")
        #expect(CSVWriter.field("") == "")
        #expect(CSVWriter.field("2026-05") == "2026-05")
        #expect(CSVWriter.field("a-b") == "a-b", "a minus inside a cell is harmless")
    }

    @Test func quotesDelimitersQuotesAndLineBreaks() {
        #expect(CSVWriter.field("Kraków, Poland") == "\"Kraków, Poland\"")
        #expect(CSVWriter.field("the \"Old\" one") == "\"the \"\"Old\"\" one\"")
        #expect(CSVWriter.field("line1\nline2") == "\"line1\nline2\"")
        #expect(CSVWriter.field("a\rb") == "\"a\rb\"")
    }

    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"])
    func neutralizesFormulaLikeCells(_ cell: String) {
        let out = CSVWriter.field(cell)
        #expect(CSVWriter.isFormulaLike(cell))
        #expect(out.hasPrefix("\"'"), "quoted and led by an apostrophe: \(out)")
        #expect(out.hasSuffix("\""))
        let inner = String(out.dropFirst(2).dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        #expect(inner == cell, "the content is kept, only prefixed")
    }

    @Test func onlyTheFirstCharacterDecides() {
        #expect(!CSVWriter.isFormulaLike("A=B"))
        #expect(!CSVWriter.isFormulaLike(" =1"))
        #expect(!CSVWriter.isFormulaLike(""))
    }

    @Test func rendersCRLFLinesAndTheExcelBOM() {
        let plain = CSVWriter.render(header: ["a", "b"], rows: [["1", "x,y"], ["=2", ""]])
        #expect(plain == "a,b\r\n1,\"x,y\"\r\n\"'=2\",\r\n")
        let excel = CSVWriter.render(header: ["a"], rows: [["č"]], excel: true)
        #expect(Array(excel.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(excel.dropFirst() == "a\r\nč\r\n")
    }

    @Test func statusRowsFollowTheColumns() {
        let record = AgreementRecord(partner: "=cmd|' /C calc'!A0", country: "Hrvatska", countryCode: "HR",
                                     signed: PartialDate("2020"), indefinite: true, row: 2)
        let a = AgreementState(id: "abc", source: "s", record: record, state: .active, firstSeq: 1,
                               lastRecorded: PartialDate("2024-01-01")!)
        let lines = CSVWriter.status([a]).components(separatedBy: "\r\n")
        #expect(lines[0] == CSVWriter.statusColumns.joined(separator: ","))
        #expect(lines[1] == "abc,s,active,\"'=cmd|' /C calc'!A0\",Hrvatska,HR,,2020,,true,,,,,")
    }
}

/// `status --csv` is written from the state checkpoint's bytes; it must be exactly the CSV of the folded
/// agreements, formula cells and quotes included.
@Suite struct StatusCSVTests {
    static func csv(_ query: StatusQuery, _ store: EventStore?, excel: Bool = false) throws -> String {
        var bytes: [UInt8] = []
        try query.writeCSV(in: store, excel: excel) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func csvFromTheCheckpointIsTheCSVOfTheFold() throws {
        let (store, dir) = try TestFixtures.samplesStore(["bosnian", "polish"])
        defer { TestFixtures.remove(dir) }
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        _ = try importer.importFiles([TestFixtures.directory.appendingPathComponent("reports/hostile.tsv").path],
                                     source: "hostile", asOf: PartialDate("2025-01-01"))
        let events = try store.readCommitted()
        let queries = [StatusQuery(), StatusQuery(source: "hostile"), StatusQuery(state: .expired),
                       StatusQuery(at: PartialDate("2024-06-01")), StatusQuery(at: PartialDate("2020-01-01")),
                       StatusQuery(inForce: PartialDate("2024-06-01"))]
        #expect(try store.forEachCheckpointBatch(size: 100) { _, _ in }, "the checkpoint serves the present")
        var fromCheckpoint: [String] = []
        for query in queries {
            let csv = try StatusCSVTests.csv(query, store)
            #expect(csv == CSVWriter.status(query.run(events)))
            fromCheckpoint.append(csv)
        }
        #expect(try StatusCSVTests.csv(StatusQuery(), store, excel: true) == CSVWriter.status(StatusQuery().run(events), excel: true))
        // The hostile list's formula cell reaches the file as text, quoted, its quotes doubled.
        #expect(fromCheckpoint[1].contains(",\"'=HYPERLINK(\"\"http://example.org\"\") College\",France,"))

        try FileManager.default.removeItem(atPath: dir + "/cache")
        for (query, csv) in zip(queries, fromCheckpoint) { #expect(try StatusCSVTests.csv(query, store) == csv) }
        #expect(try StatusCSVTests.csv(StatusQuery(), nil) == CSVWriter.status([]))
    }

    /// The byte-level field is `field`'s text, on strings made of every character that matters.
    @Test func fieldBytesAreTheField() {
        let pieces = [",", "\"", "\n", "\r", "=", "+", "-", "@", "\t", "'", "ł", "a", " ", "„"]
        var rng = SplitMix(state: 4180)
        for _ in 0..<3000 {
            var cell = (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            var bytes: [UInt8] = []
            cell.withUTF8 { CSVWriter.appendField($0, to: &bytes) }
            #expect(String(decoding: bytes, as: UTF8.self) == CSVWriter.field(cell), "\(cell.debugDescription)")
        }
    }
}

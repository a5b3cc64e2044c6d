import Foundation
import Testing
@testable import AgreementLedger

/// A file scanned batch by batch must read exactly as the same file read whole into a table: the header
/// found in the first batch or across several, date orders decided by a row far down, batches of any size.
@Suite struct StreamedNormalizingTests {
    /// The snapshot of `bytes` read whole into a table, and scanned in batches of `batchSize` rows cut in pieces
    /// of `pieceSize`.
    func bothWays(_ bytes: [UInt8], batchSize: Int, pieceSize: Int = 2048) throws -> (table: Snapshot, streamed: Snapshot) {
        var normalizer = SnapshotNormalizer()
        let table = try normalizer.normalize(try DelimitedTextReader.read(bytes))
        normalizer.batchSize = batchSize
        normalizer.pieceSize = pieceSize
        let streamed = try normalizer.normalize(try DelimitedTextReader.scan(bytes))
        return (table, streamed)
    }

    @Test(arguments: ["bosnian", "polish", "aitu", "english"], [1, 3, 64, 32_768])
    func realListsReadTheSameInBatchesOfAnySize(_ seed: String, _ batchSize: Int) throws {
        for pieceSize in [1, 2, 5, 2048] {
            let (table, streamed) = try bothWays(try TestFixtures.seedBytes(seed), batchSize: batchSize, pieceSize: pieceSize)
            #expect(table.records.count > 50)
            #expect(streamed.records == table.records, "pieces of \(pieceSize)")
            #expect(streamed.warnings == table.warnings, "pieces of \(pieceSize)")
            #expect(JSONWriter.pretty(streamed.json) == JSONWriter.pretty(table.json))
        }
    }

    /// 1,200 rows under three title lines: the header is found after the first batches, the unnamed URL
    /// column is sniffed from rows in later ones, and row 1,100 alone shows the dates are day-first.
    @Test(arguments: [5, 100, 32_768], [1, 7, 2048])
    func headerAndDateOrderComeFromTheWholeFile(_ batchSize: Int, _ pieceSize: Int) throws {
        var text = "International agreements\n\nAs of today\nPartner\tCountry\tSigned\tKolumna1\n"
        for n in 1...1_200 {
            let day = n == 1_100 ? 25 : n % 12 + 1
            text += "University \(n)\tPoland\t\(day)/04/2020\thttps://uni\(n).example.org\n"
        }
        let (table, streamed) = try bothWays(Array(text.utf8), batchSize: batchSize, pieceSize: pieceSize)
        #expect(streamed.layout.headerLine == 4)
        #expect(streamed.layout.column(.url) == 3)
        #expect(streamed.records.count == 1_200)
        #expect(streamed.records[0].signed?.description == "2020-04-02", "2/04/2020 read day-first because of row 1,100")
        #expect(streamed.records[1_099].signed?.description == "2020-04-25")
        #expect(streamed.records[5].url == "https://uni6.example.org")
        #expect(streamed.records == table.records)
        #expect(streamed.warnings == table.warnings)
    }

    /// With no date deciding, the file's language decides and the ambiguity is warned about, whichever piece
    /// holds the dates.
    @Test(arguments: [1, 7, 2048])
    func undecidedDatesAreWarnedAboutInPiecesOfAnySize(_ pieceSize: Int) throws {
        var text = "Partner\tCountry\tSigned\n"
        for n in 1...100 { text += "University \(n)\tPoland\t\(n % 12 + 1)/04/2020\n" }
        let (table, streamed) = try bothWays(Array(text.utf8), batchSize: 10, pieceSize: pieceSize)
        #expect(streamed.warnings.count == 1 && streamed.warnings[0].message.contains("read as month/day/year"))
        #expect(streamed.records == table.records)
        #expect(streamed.warnings == table.warnings)
    }

    @Test func aReadFaultAnywhereIsReportedBeforeAMissingHeader() throws {
        var text = "Name of thing\tWhere\n"
        for n in 1...100 { text += "Thing \(n)\tSomewhere\n" }
        text += "\"never closed\tend\n"
        var normalizer = SnapshotNormalizer()
        normalizer.batchSize = 10
        #expect(throws: SnapshotIssue(line: nil, message: ReadError.unclosedQuote(line: 102).description)) {
            try normalizer.normalize(try DelimitedTextReader.scan(Array(text.utf8)))
        }
        let noHeader = try #require(throws: SnapshotIssue.self) {
            try normalizer.normalize(try DelimitedTextReader.scan(Array(text.dropLast(20).utf8)))
        }
        #expect(noHeader.line == 1 && noHeader.message.hasPrefix("no partner column found"))
    }

    /// The rows of a source, counting the batches handed out.
    final class CountedRows<Source: RowSource>: RowSource {
        let source: Source
        var batches = 0
        init(_ source: Source) { self.source = source }
        var delimiter: Delimiter { source.delimiter }
        var encoding: TextEncoding { source.encoding }
        func forEachBatch(size: Int, keeping keep: ((Int) -> Bool)?, _ body: ([TextRow]) -> Bool) throws(ReadError) {
            try source.forEachBatch(size: size, keeping: keep) { batches += 1; return body($0) }
        }
        func forEachRowBatch(size: Int, pieceSize: Int, _ body: (RowBatch) -> Bool) throws(ReadError) {
            try source.forEachRowBatch(size: size, pieceSize: pieceSize) { batches += 1; return body($0) }
        }
    }

    /// The rows are read once after the first look down to the header, when the orders the rows it saw suggest
    /// are the whole file's; once more when a later row decides otherwise, reading as the whole file says.
    @Test func rowsAreReadAgainOnlyWhenALaterRowDecidesTheDatesOtherwise() throws {
        func list(dayFirstAt row: Int) -> [UInt8] {
            var text = "Partner\tCountry\tSigned\n"
            for n in 1...1_000 { text += "University \(n)\tPoland\t\(n == row ? 25 : n % 12 + 1)/04/2020\n" }
            return Array(text.utf8)
        }
        var normalizer = SnapshotNormalizer()
        normalizer.batchSize = 100
        normalizer.pieceSize = 25
        // The header and 1,000 rows: 11 batches. The header is settled 500 rows below the 40th (`sniffDepth`), in
        // the sixth batch's second piece, where the first look stops.
        for (row, batches) in [(300, 6 + 11), (900, 6 + 11 + 11)] {
            let source = CountedRows(try DelimitedTextReader.scan(list(dayFirstAt: row)))
            let snapshot = try normalizer.normalize(source)
            #expect(source.batches == batches, "day-first at row \(row)")
            #expect(snapshot.records[0].signed?.description == "2020-04-02")
            #expect(snapshot.warnings.isEmpty)
            #expect(snapshot.records == (try SnapshotNormalizer().normalize(try DelimitedTextReader.read(list(dayFirstAt: row)))).records)
        }
    }
}

import Foundation
import Testing
@testable import AgreementLedger

/// A file scanned batch by batch must read exactly as the same file read whole into a table: the header
/// found in the first batch or across several, date orders decided by a row far down, batches of any size.
@Suite struct StreamedNormalizingTests {
    /// The snapshot of `bytes` read whole into a table, and scanned in batches of `batchSize` rows.
    func bothWays(_ bytes: [UInt8], batchSize: Int) throws -> (table: Snapshot, streamed: Snapshot) {
        var normalizer = SnapshotNormalizer()
        let table = try normalizer.normalize(try DelimitedTextReader.read(bytes))
        normalizer.batchSize = batchSize
        let streamed = try normalizer.normalize(try DelimitedTextReader.scan(bytes))
        return (table, streamed)
    }

    @Test(arguments: ["bosnian", "polish", "aitu", "english"], [1, 3, 64, 32_768])
    func realListsReadTheSameInBatchesOfAnySize(_ seed: String, _ batchSize: Int) throws {
        let (table, streamed) = try bothWays(try TestFixtures.seedBytes(seed), batchSize: batchSize)
        #expect(table.records.count > 50)
        #expect(streamed.records == table.records)
        #expect(streamed.warnings == table.warnings)
        #expect(JSONWriter.pretty(streamed.json) == JSONWriter.pretty(table.json))
    }

    /// 1,200 rows under three title lines: the header is found after the first batches, the unnamed URL
    /// column is sniffed from rows in later ones, and row 1,100 alone shows the dates are day-first.
    @Test(arguments: [5, 100, 32_768])
    func headerAndDateOrderComeFromTheWholeFile(_ batchSize: Int) throws {
        var text = "International agreements\n\nAs of today\nPartner\tCountry\tSigned\tKolumna1\n"
        for n in 1...1_200 {
            let day = n == 1_100 ? 25 : n % 12 + 1
            text += "University \(n)\tPoland\t\(day)/04/2020\thttps://uni\(n).example.org\n"
        }
        let (table, streamed) = try bothWays(Array(text.utf8), batchSize: batchSize)
        #expect(streamed.layout.headerLine == 4)
        #expect(streamed.layout.column(.url) == 3)
        #expect(streamed.records.count == 1_200)
        #expect(streamed.records[0].signed?.description == "2020-04-02", "2/04/2020 read day-first because of row 1,100")
        #expect(streamed.records[1_099].signed?.description == "2020-04-25")
        #expect(streamed.records[5].url == "https://uni6.example.org")
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
}

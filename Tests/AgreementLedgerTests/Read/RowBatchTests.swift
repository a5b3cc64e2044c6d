import Foundation
import Testing
@testable import AgreementLedger

/// Rows handed out in pieces, each built on whichever thread reads it, must be exactly the rows read one after
/// another: the same fields on the same lines, in the same order, wherever windows, batches and pieces end.
@Suite struct RowBatchTests {
    /// The rows of every batch, piece by piece, with a check that pieces and batches tile the rows in order.
    private func rowsInPieces(_ source: some RowSource, size: Int, pieceSize: Int) throws -> [TextRow] {
        var rows: [TextRow] = []
        try source.forEachRowBatch(size: size, pieceSize: pieceSize) { batch in
            #expect(batch.rowCount > 0 && batch.rowCount <= size)
            var inBatch = 0
            for p in 0..<batch.pieceCount {
                let (firstRow, piece) = batch.rows(ofPiece: p)
                #expect(firstRow == inBatch)
                #expect(!piece.isEmpty && piece.count <= pieceSize)
                inBatch += piece.count
                rows += piece
            }
            #expect(inBatch == batch.rowCount)
            return true
        }
        return rows
    }

    /// The tricky text of the streaming tests, and a quote that closes on a later line with text after it, so the
    /// field is read literally and its row ends at the first line break: a row whose reading looks past its end.
    static let texts: [[UInt8]] = [
        StreamedTextTests.tricky,
        Array("Partner\tCountry\n\"open\tFrance\nnext\"late\tItaly\n\"\"\tSpain\r\nlast\t\"q\"".utf8),
    ]

    @Test func piecesGiveTheRowsOfTheWholeText() throws {
        for bytes in Self.texts {
            let whole = try DelimitedTextReader.read(bytes)
            let scanned = try DelimitedTextReader.scan(bytes, delimiter: nil, encoding: nil)
            for size in [1, 2, 3, 5, 100] {
                for pieceSize in [1, 2, 3, 100] {
                    #expect(try rowsInPieces(scanned, size: size, pieceSize: pieceSize) == whole.rows, "\(size) \(pieceSize)")
                    #expect(try rowsInPieces(whole, size: size, pieceSize: pieceSize) == whole.rows, "\(size) \(pieceSize)")
                }
            }
        }
    }

    @Test func piecesOfAStreamedTextGiveTheSameRowsInAnyWindow() throws {
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        for (n, bytes) in Self.texts.enumerated() {
            let path = dir + "/list-\(n).tsv"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let whole = try DelimitedTextReader.read(bytes)
            for window in [1, 2, 3, 5, 16, 64, 1 << 20] {
                let (text, _) = try #require(try StreamedText.open(try OpenTextFile(path: path), declared: nil, delimiter: nil,
                                                                  windowSize: window))
                for (size, pieceSize) in [(1, 1), (3, 2), (100, 2), (100, 100)] {
                    #expect(try rowsInPieces(text, size: size, pieceSize: pieceSize) == whole.rows,
                            "text \(n), window \(window), \(size) \(pieceSize)")
                }
            }
        }
    }

    @Test func anUnclosedQuoteIsReportedWhenTheBatchIsCut() throws {
        let bytes = Array("Partner\tCountry\nUni A\tFrance\n\"Uni B\tItaly\nUni C\tSpain\n".utf8)
        let scanned = try DelimitedTextReader.scan(bytes, delimiter: nil, encoding: nil)
        var delivered = 0
        #expect(throws: ReadError.unclosedQuote(line: 3)) {
            try scanned.forEachRowBatch(size: 1, pieceSize: 1) { batch in
                delivered += batch.rowCount
                return true
            }
        }
        #expect(delivered == 2)
    }

    @Test func aBatchRefusedStopsTheRows() throws {
        let scanned = try DelimitedTextReader.scan(StreamedTextTests.tricky, delimiter: nil, encoding: nil)
        var batches = 0
        try scanned.forEachRowBatch(size: 2, pieceSize: 1) { _ in
            batches += 1
            return false
        }
        #expect(batches == 1)
    }

    /// Stepping over rows (quote-free ones by their line ends alone) stops where reading them does, on the same
    /// lines, and throws where reading throws: every text of up to six pieces of quote, delimiter, line end
    /// (LF, CR, CRLF) and text, and longer ones past the eight-byte steps.
    @Test func skippingRowsStopsWhereReadingThem() {
        let parts = ["\"", "\t", "\n", "\r", "\r\n", "ab", "abcdefghij"]
        var texts: [String] = [""]
        var frontier: [String] = [""]
        for _ in 0..<5 {
            frontier = frontier.flatMap { t in parts.map { t + $0 } }
            texts += frontier
        }
        texts += ["x\ty\tlonger than eight bytes\n\"q\"\tz\r\nplain row of text here\rlast", String(repeating: "abcdefg\t", count: 9) + "\"\n"]
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                var reading = RowScanner(bytes: buffer, delimiter: .tab, firstLine: 3)
                var skipping = RowScanner(bytes: buffer, delimiter: .tab, firstLine: 3)
                while true {
                    let read = Result { () throws(ReadError) in try reading.next() != nil }
                    let skipped = Result { () throws(ReadError) in try skipping.skip() }
                    switch (read, skipped) {
                    case (.success(let r), .success(let s)):
                        #expect(r == s && reading.position == skipping.position && reading.line == skipping.line, "\(text.debugDescription)")
                        if !r { return }
                    case (.failure(let r), .failure(let s)):
                        #expect(r == s, "\(text.debugDescription)")
                        return
                    default:
                        Issue.record("one threw and the other did not: \(text.debugDescription)")
                        return
                    }
                }
            }
        }
    }
}

import Testing
@testable import AgreementLedger

/// Reads UTF-8 text given as a String, tab-separated unless told otherwise.
private func rows(_ text: String, _ delimiter: Delimiter = .tab) throws -> [TextRow] {
    try DelimitedTextReader.read(Array(text.utf8), delimiter: delimiter).rows
}

private func fields(_ text: String, _ delimiter: Delimiter = .tab) throws -> [[String]] {
    try rows(text, delimiter).map(\.fields)
}

@Suite struct DelimitedTextReaderTests {
    @Test func quotedFieldKeepsDelimiterLiteral() throws {
        #expect(try fields("a,\"b,c\",d\n", .comma) == [["a", "b,c", "d"]])
        #expect(try fields("\"x\ty\"\tz", .tab) == [["x\ty", "z"]])
    }

    @Test func doubledQuotesInsideQuotesAreOneQuote() throws {
        #expect(try fields("\"say \"\"hi\"\"\",b\n", .comma) == [["say \"hi\"", "b"]])
        #expect(try fields("\"\"\"\"\n", .comma) == [["\""]])
        #expect(try fields("\"\",x\n", .comma) == [["", "x"]])
    }

    @Test func lineBreakInsideQuotesIsLiteralAndCountedForLaterRows() throws {
        let read = try rows("h1,h2\n\"two\nlines\",x\n\"three\r\nline\rs\",y\nlast,z\n", .comma)
        #expect(read.map(\.fields) == [["h1", "h2"], ["two\nlines", "x"], ["three\r\nline\rs", "y"], ["last", "z"]])
        #expect(read.map(\.line) == [1, 2, 4, 7])
    }

    @Test func lfCrlfAndCrGiveIdenticalRows() throws {
        let lf = try rows("a\tb\n\nc\td\n")
        let crlf = try rows("a\tb\r\n\r\nc\td\r\n")
        let cr = try rows("a\tb\r\rc\td\r")
        #expect(lf == crlf)
        #expect(lf == cr)
        #expect(lf == [TextRow(line: 1, fields: ["a", "b"]), TextRow(line: 2, fields: [""]),
                       TextRow(line: 3, fields: ["c", "d"])])
    }

    @Test func finalLineEndAddsNoRowAndMissingOneLosesNoRow() throws {
        #expect(try fields("a\tb\n") == [["a", "b"]])
        #expect(try fields("a\tb") == [["a", "b"]])
        #expect(try fields("a\tb\nc") == [["a", "b"], ["c"]])
        #expect(try fields("a\t") == [["a", ""]])
    }

    @Test func blankLinesAreKeptWithTheirLineNumbers() throws {
        let read = try rows("\n\nh1\th2\n1\t2\n\n\n3\t4\n\nfooter")
        #expect(read.map(\.line) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(read.map(\.fields) == [[""], [""], ["h1", "h2"], ["1", "2"], [""], [""], ["3", "4"], [""], ["footer"]])
    }

    @Test func onlyBlankLinesAreRowsOfOneEmptyField() throws {
        let read = try DelimitedTextReader.read(Array("\n\r\n\n".utf8))
        #expect(read.rows == [TextRow(line: 1, fields: [""]), TextRow(line: 2, fields: [""]),
                              TextRow(line: 3, fields: [""])])
    }

    @Test func fieldsAreNotTrimmed() throws {
        #expect(try fields("  a \t b\t\t") == [["  a ", " b", "", ""]])
    }

    @Test func quoteInTheMiddleOfAFieldIsLiteral() throws {
        #expect(try fields("Kantonalna bolnica \"Dr. Irfan\"\tBiH\n") == [["Kantonalna bolnica \"Dr. Irfan\"", "BiH"]])
    }

    @Test func textAfterTheClosingQuoteMakesTheFieldLiteral() throws {
        #expect(try fields("69\t\"EDUCA\" LLP\tSt Petersburg\n") == [["69", "\"EDUCA\" LLP", "St Petersburg"]])
        #expect(try fields("\"Lviv Polytechnic\" National University\tUA") ==
            [["\"Lviv Polytechnic\" National University", "UA"]])
        // The closing quote found on a later line does not swallow that line either.
        let read = try rows("\"a\tb\nc\" d\te\nf\tg\n")
        #expect(read.map(\.fields) == [["\"a", "b"], ["c\" d", "e"], ["f", "g"]])
        #expect(read.map(\.line) == [1, 2, 3])
    }

    @Test func unclosedQuoteNamesTheLineItOpenedOn() {
        #expect(throws: ReadError.unclosedQuote(line: 3)) {
            try DelimitedTextReader.read(Array("a,b\n\n1,\"open\n2,3\n".utf8), delimiter: .comma)
        }
        #expect(ReadError.unclosedQuote(line: 3).description.contains("line 3"))
    }

    @Test func readReportsDetectedDelimiterAndEncoding() throws {
        let read = try DelimitedTextReader.read(Array("a;b;c\n1;2;3\n".utf8))
        #expect(read.delimiter == .semicolon)
        #expect(read.encoding == .utf8)
        #expect(read.rows.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func delimiterNamesRoundTrip() {
        for d in Delimiter.allCases {
            #expect(Delimiter(name: d.name) == d)
            #expect(Delimiter(name: String(UnicodeScalar(d.rawValue))) == d)
        }
        #expect(Delimiter(name: "pipe") == nil)
    }
}

import AgreementLedger
import Foundation
@testable import LedgerCLI
import Testing

@Suite("ledger inspect")
struct InspectTests {
    static let recordFields = ["city", "country", "countryCode", "extra", "indefinite", "kind", "partner", "reference",
                               "row", "signed", "status", "term", "url", "validUntil"]

    @Test("--json of the English sample: asOf, format, 68 records, warnings; the store is not touched")
    func englishJSON() throws {
        try withScratch { s in
            let r = s.run(["inspect", Samples.englishFirst, "--json"])
            #expect(r.code == 0)
            #expect(r.err == "")
            let json = r.json()
            #expect(json.keys == ["asOf", "format", "records", "warnings"])
            #expect(json["asOf"] == .string("2022-01-17"))
            #expect(json["format"] == .string("tsv"))
            let records = json["records"]?.items ?? []
            #expect(records.count == 68)
            for record in records { #expect(record.keys == Self.recordFields) }
            #expect(json["warnings"] == .array([
                .object(["row": .int(4), "message": .string("signing date \"xx.01.2018\": day unknown")]),
                .object(["row": .int(49), "message": .string(
                    "markup note \"*Valid for Project-Based International Exchange Program.\" is not part of the partner name; kept in extra")]),
                .object(["row": .int(75), "message": .string("footer \"Updated on January 17, 2022\": the list is dated 2022-01-17")]),
            ]))
            // inspect never creates the store.
            #expect(!FileManager.default.fileExists(atPath: s.store))
        }
    }

    @Test("the first record's fields, checked against the raw line it names")
    func firstRecord() throws {
        let r = CLI.run(["inspect", Samples.englishFirst, "--json"])
        #expect(r.code == 0)
        let first = r.json()["records"]?.items.first ?? .null
        #expect(first == .object([
            "partner": .string("Ivane Javakhishvili Tbilisi State University"),
            "country": .string("Georgia"),
            "countryCode": .string("GE"),
            "city": .null,
            "signed": .string("2018-01"),
            "validUntil": .string("2023"),
            "indefinite": .bool(false),
            "term": .null,
            "status": .null,
            "kind": .null,
            "reference": .null,
            "url": .null,
            "row": .int(4),
            "extra": .object(["NO.": .string("1")]),
        ]))
        // `row` is the 1-based line number, blank lines counted: read that line of the file.
        let lines = String(decoding: Samples.bytes(Samples.englishFirst), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(first["row"]?.intValue)
        let cells = lines[row - 1].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(cells == ["1", "Ivane Javakhishvili Tbilisi State University", "Georgia", "xx.01.2018", "2023"])
        #expect(lines[row - 2] == "NO.\tUNIVERSITY\tCOUNTRY\tCONCLUSION DATE\tEFFECTIVE UNTIL")
        // And the last record is the last data line.
        let last = r.json()["records"]?.items.last ?? .null
        #expect(last["partner"] == .string("Ziauddin University"))
        let lastRow = try #require(last["row"]?.intValue)
        #expect(lines[lastRow - 1] == "68\tZiauddin University\tPakistan\t25.08.2021\t2026")
    }

    @Test("a CSV re-export with reordered columns reads as the same records")
    func csvReexport() throws {
        let tsv = CLI.run(["inspect", Samples.englishSecond, "--json"]).json()
        let csv = CLI.run(["inspect", Samples.englishThird, "--json"]).json()
        #expect(csv["format"] == .string("csv"))
        #expect(csv["asOf"] == .string("2023-03-01"))
        #expect(tsv["asOf"] == .string("2023-01-16"))
        #expect(csv["records"]?.items.count == 67)
        #expect(csv["records"] == tsv["records"])
    }

    @Test("the table output lists the records and then the warnings")
    func table() {
        let r = CLI.run(["inspect", Samples.englishFirst])
        #expect(r.code == 0)
        #expect(r.err == "")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("row  partner") == true)
        #expect(lines.contains { $0.hasPrefix("4    Ivane Javakhishvili Tbilisi State Unive…") && $0.contains("Georgia (GE)") })
        #expect(r.out.hasSuffix("""

            68 records (tsv, header on line 3, dated 2022-01-17), 3 warnings
              row 4: signing date "xx.01.2018": day unknown
              row 49: markup note "*Valid for Project-Based International Exchange Program." is not part of the partner name; kept in extra
              row 75: footer "Updated on January 17, 2022": the list is dated 2022-01-17

            """))
    }

    // MARK: - Files that cannot be read: exit 1, one line naming the file

    @Test("a missing file, a directory, an empty file")
    func unreadableFiles() throws {
        try withScratch { s in
            let missing = s.root + "/missing.tsv"
            let directory = s.root + "/folder.tsv"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            let empty = try s.write("empty.tsv", "")
            let cases = [
                (missing, "ledger inspect: \(missing): no such file"),
                (directory, "ledger inspect: \(directory): is a directory, not a file"),
                (empty, "ledger inspect: \(empty): the file is empty: there is nothing to read"),
            ]
            for (path, message) in cases {
                let r = s.run(["inspect", path, "--json"])
                #expect(r.code == 1, "\(path)")
                #expect(r.out == "", "\(path)")
                #expect(r.errLine == message)
            }
        }
    }

    @Test("a PNG renamed .tsv")
    func png() throws {
        try withScratch { s in
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                                0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89]
            let path = try s.write("partners.tsv", bytes: png)
            let r = s.run(["inspect", path])
            #expect(r.code == 1)
            #expect(r.out == "")
            #expect(r.errLine == "ledger inspect: \(path): this is a PNG image, not delimited text; export the sheet as tab-separated text or CSV")
        }
    }

    @Test("invalid UTF-8 names the byte and suggests --encoding; --encoding then reads it")
    func invalidUTF8() throws {
        try withScratch { s in
            // "Université de Paris" in Windows-1252: é is the single byte 0xE9.
            let bytes = Array("University\tCountry\nUniversit".utf8) + [0xE9] + Array(" de Paris\tFrance\n".utf8)
            let path = try s.write("latin.tsv", bytes: bytes)
            let r = s.run(["inspect", path])
            #expect(r.code == 1)
            #expect(r.out == "")
            #expect(r.errLine == "ledger inspect: \(path): invalid UTF-8 at byte offset 28; if the file is an older export, try --encoding windows-1250, windows-1252 or iso-8859-2")

            let fixed = s.run(["inspect", path, "--encoding", "windows-1252", "--json"])
            #expect(fixed.code == 0, "\(fixed.err)")
            let record = fixed.json()["records"]?.items.first ?? .null
            #expect(record["partner"] == .string("Université de Paris"))
            #expect(record["countryCode"] == .string("FR"))
        }
    }

    @Test("--encoding bogus is a usage error, exit 2")
    func bogusEncoding() throws {
        let r = CLI.run(["inspect", Samples.englishFirst, "--encoding", "bogus"])
        #expect(r.code == 2)
        #expect(r.out == "")
        #expect(r.errLine == "ledger inspect: --encoding must be one of utf-8, utf-16le, utf-16be, windows-1250, windows-1252, iso-8859-2 (got \"bogus\")")
    }

    static let unmappable = "Foo\tBar\tBaz\nAlpha College\tFrance\t2020\nBeta School\tItaly\t12.03.2021\n"

    @Test("no partner column: the message shows the header seen and mentions --mapping")
    func noPartnerColumn() throws {
        try withScratch { s in
            let path = try s.write("odd.tsv", Self.unmappable)
            let r = s.run(["inspect", path, "--json"])
            #expect(r.code == 1)
            #expect(r.out == "")
            #expect(r.errLine == "ledger inspect: \(path): line 1: no partner column found; the header seen was [\"Foo\", \"Bar\", \"Baz\"]. Write a mapping such as {\"Foo\": \"partner\"} (header text or column number -> field) to a file and pass --mapping FILE")
        }
    }

    @Test("--mapping makes an otherwise unmappable file readable (by header and by column number)")
    func mappingReads() throws {
        try withScratch { s in
            let path = try s.write("odd.tsv", Self.unmappable)
            let mapping = try s.write("columns.json", #"{"Foo": "partner", "bar": "country", "3": "signed"}"#)
            let r = s.run(["inspect", path, "--mapping", mapping, "--json"])
            #expect(r.code == 0, "\(r.err)")
            #expect(r.err == "")
            let json = r.json()
            #expect(json["asOf"] == .null)
            #expect(json["format"] == .string("tsv"))
            #expect(json["warnings"] == .array([]))
            let records = json["records"]?.items ?? []
            #expect(records.map { $0.string("partner") } == ["Alpha College", "Beta School"])
            #expect(records.map { $0.string("countryCode") } == ["FR", "IT"])
            #expect(records.map { $0.string("signed") } == ["2020", "2021-03-12"])
            #expect(records.map { $0.int("row") } == [2, 3])
            #expect(records.map { $0["extra"] } == [.object([:]), .object([:])])
        }
    }

    @Test("a mapping file that is not JSON, has an unknown field, or is missing: exit 1 naming it")
    func badMappings() throws {
        try withScratch { s in
            let path = try s.write("odd.tsv", Self.unmappable)
            let notJSON = try s.write("not.json", "partner = Foo\n")
            let unknown = try s.write("unknown.json", #"{"Foo": "partnr"}"#)
            let notObject = try s.write("array.json", #"["partner"]"#)
            let missing = s.root + "/none.json"
            let cases = [
                (notJSON, "ledger inspect: \(notJSON): is not valid JSON (byte 0: unexpected 'p', expected a value)"),
                (unknown, "ledger inspect: \(unknown): unknown field \"partnr\" for \"Foo\"; valid fields: partner, country, countryCode, city, signed, validUntil, term, signedAndTerm, status, kind, reference, url, extra, ignore"),
                (notObject, "ledger inspect: \(notObject): must be a JSON object of \"header or column number\": \"field\""),
                (missing, "ledger inspect: \(missing): no such file"),
            ]
            for (mapping, message) in cases {
                let r = s.run(["inspect", path, "--mapping", mapping])
                #expect(r.code == 1, "\(mapping)")
                #expect(r.out == "")
                #expect(r.errLine == message)
            }
        }
    }
}

import AgreementLedger
import Foundation
@testable import LedgerCLI
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Broken and hostile input to `ledger import`: each gets its exact one-line answer and exit status, and the
/// log is never touched (an English import is in the store first; it must stay byte-identical).
/// The big ones (10,000 columns, one 10 MB line, a 200 MB file with its peak memory) run against the release
/// build in `Scripts/big-input`, with their exact outputs: in a debug build they take most of a minute.
@Suite("hostile input")
struct HostileInputTests {
    /// Imports `file` (written from `bytes` unless it already exists) into source "hostile" and checks the
    /// exit status, the exact stderr line (with `PATH` standing for the file's path) and an unchanged log.
    private func expectRefusal(_ name: String, _ bytes: [UInt8]?, extra: [String] = [], code: Int32 = 1,
                               _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try withScratch { s in
            s.importEnglish(1, sourceLocation: sourceLocation)
            let before = s.logBytes()
            let path = bytes == nil ? s.root + "/" + name : try s.write(name, bytes: bytes!)
            let r = s.run(["import", path, "--source", "hostile"] + extra)
            #expect(r.code == code, sourceLocation: sourceLocation)
            #expect(r.out == "", sourceLocation: sourceLocation)
            #expect(r.errLine == message.replacingOccurrences(of: "PATH", with: path), sourceLocation: sourceLocation)
            #expect(!r.errLine.contains("\n"), sourceLocation: sourceLocation)
            #expect(s.logBytes() == before, sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: s.store + "/rejected"), sourceLocation: sourceLocation)
        }
    }

    @Test func emptyFile() throws {
        try expectRefusal("empty.tsv", [], "ledger import: PATH: the file is empty: there is nothing to read")
    }

    @Test func onlyBlankLines() throws {
        try expectRefusal("blank.tsv", Array("\n\n \t \r\n\n".utf8),
                          "ledger import: PATH: holds no data rows (only blank lines)")
    }

    @Test func aPNGRenamedTSV() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8)
        try expectRefusal("logo.tsv", png, "ledger import: PATH: this is a PNG image, not delimited text; "
            + "export the sheet as tab-separated text or CSV")
    }

    @Test func nulBytes() throws {
        try expectRefusal("nul.tsv", Array("Partner\tCountry\nA".utf8) + [0] + Array("B\tX\n".utf8),
                          "ledger import: PATH: NUL byte at byte offset 17: this is not plain text "
                          + "(a binary file, or text in another encoding)")
    }

    @Test func invalidUTF8() throws {
        try expectRefusal("latin1.tsv", Array("Partner\tCountry\nUniversit".utf8) + [0xE9] + Array("\tFrance\n".utf8),
                          "ledger import: PATH: invalid UTF-8 at byte offset 25; if the file is an older export, "
                          + "try --encoding windows-1250, windows-1252 or iso-8859-2")
    }

    @Test func utf16WithoutBOM() throws {
        let text = "Partner\tCountry\nUni A\tFrance\n"
        try expectRefusal("unicode.tsv", text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                          "ledger import: PATH: looks like UTF-16 without a byte-order mark; re-export as UTF-8 or "
                          + "'Unicode Text', or pass --encoding utf-16le")
    }

    @Test func anUnclosedQuote() throws {
        try expectRefusal("quote.csv", Array("Partner,Country\n\"Uni A, Open,France\nUni B,Spain\n".utf8),
                          "ledger import: PATH: line 2: a quoted field opened here is never closed before the end of the file")
    }

    @Test func aHeaderWithoutRows() throws {
        try expectRefusal("header.tsv", Array("Partner\tCountry\tSigned\n".utf8),
                          "ledger import: PATH: has a header but no agreement rows (a truncated export?); "
                          + "pass --allow-mass-closure if that is really so")
    }

    @Test func aDirectory() throws {
        try withScratch { s in
            s.importEnglish(1)
            let before = s.logBytes()
            let path = s.root + "/dir.tsv"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            let r = s.run(["import", path, "--source", "hostile"])
            #expect(r.code == 1)
            #expect(r.errLine == "ledger import: \(path): is a directory, not a file")
            #expect(s.logBytes() == before)
        }
    }

    @Test func aMissingFile() throws {
        try expectRefusal("missing.tsv", nil, "ledger import: PATH: no such file")
    }

    /// Root reads any file whatever its mode, so this runs for other users only; `Scripts/big-input` checks
    /// the same message as `nobody` when run as root.
    @Test(.enabled(if: geteuid() != 0)) func anUnreadableFile() throws {
        try withScratch { s in
            let path = try s.write("secret.tsv", "Partner\tCountry\nUni A\tFrance\n")
            chmod(path, 0)
            let r = s.run(["import", path, "--source", "hostile"])
            #expect(r.code == 1)
            #expect(r.errLine == "ledger import: \(path): cannot be read: Permission denied")
            #expect(s.logBytes() == nil)
        }
    }

    @Test func pathsWithSpacesAndNonASCIILetters() throws {
        try withScratch { s in
            let folder = s.root + "/Umowy partnerskie/Łódź – ünï"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/lista č ž.tsv"
            try Data(Samples.bytes(Samples.englishFirst)).write(to: URL(fileURLWithPath: path))
            let store = s.root + "/My Ledger ß"
            let r = CLI.run(["import", path, "--source", "wide", "--ledger", store])
            #expect(r.code == 0)
            #expect(r.out == "lista č ž.tsv: imported into \"wide\" as of 2022-01-17 (import 1): 68 signed, 0 renewed, 0 amended, 0 expired, 0 closed\n")
            #expect(r.errLine == "\(path): 3 warnings (see 'ledger inspect \(path)')")
            let log = CLI.run(["log", "--json", "--ledger", store])
            #expect(log.json()["imports"]?.items.first?["file"] == .string("lista č ž.tsv"))
            #expect(CLI.run(["verify", "--ledger", store]).code == 0)
        }
    }

    @Test func anImpossibleAsOfDate() throws {
        try expectRefusal("english.tsv", Samples.bytes(Samples.englishFirst), extra: ["--as-of", "2024-13-45"], code: 2,
                          "ledger import: --as-of needs a date as YYYY-MM-DD (got \"2024-13-45\")")
    }

    @Test func anUnknownMappingField() throws {
        try withScratch { s in
            let mapping = try s.write("mapping.json", "{\"Partner\": \"partnr\"}")
            let list = try s.write("list.tsv", "Partner\tCountry\nUni A\tFrance\n")
            let r = s.run(["import", list, "--mapping", mapping])
            #expect(r.code == 1)
            #expect(r.errLine == "ledger import: \(mapping): unknown field \"partnr\" for \"Partner\"; valid fields: "
                + "partner, country, countryCode, city, signed, validUntil, term, signedAndTerm, status, kind, "
                + "reference, url, extra, ignore")
            #expect(s.logBytes() == nil)
        }
    }

    @Test func aMappingFileThatIsNotJSON() throws {
        try withScratch { s in
            let mapping = try s.write("mapping.json", "Partner: partner\n")
            let list = try s.write("list.tsv", "Partner\tCountry\nUni A\tFrance\n")
            let r = s.run(["import", list, "--mapping", mapping])
            #expect(r.code == 1)
            #expect(r.errLine.hasPrefix("ledger import: \(mapping): is not valid JSON (byte 0: "))
            #expect(s.logBytes() == nil)
        }
    }
}

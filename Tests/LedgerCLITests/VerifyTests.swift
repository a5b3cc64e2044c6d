import AgreementLedger
import Foundation
@testable import LedgerCLI
import Testing

@Suite("ledger verify")
struct VerifyTests {
    /// Changes one character of line `line` (1-based) of the log: the byte at `offset` within the first
    /// occurrence of `needle` in that line becomes `to`.
    static func tamper(_ s: Scratch, line: Int, needle: String, offset: Int = 0, to: UInt8) throws {
        var bytes = try #require(s.logBytes())
        var lineStart = 0
        for _ in 1..<line { lineStart = try #require(bytes[lineStart...].firstIndex(of: 10)) + 1 }
        let lineEnd = try #require(bytes[lineStart...].firstIndex(of: 10))
        let pattern = Array(needle.utf8)
        let found = try #require((lineStart...(lineEnd - pattern.count)).first { Array(bytes[$0..<$0 + pattern.count]) == pattern })
        bytes[found + offset] = to
        try Data(bytes).write(to: URL(fileURLWithPath: s.log))
    }

    /// The parsed line `line` (1-based) of the log.
    static func logLine(_ s: Scratch, _ line: Int) throws -> JSONValue {
        let text = String(decoding: try #require(s.logBytes()), as: UTF8.self)
        return try JSONParser.parse(String(text.split(separator: "\n")[line - 1]))
    }

    @Test("ok after imports, exit 0; --json reports the counts")
    func ok() throws {
        try withScratch { s in
            s.importEnglish(3)
            let r = s.run(["verify"])
            #expect(r.code == 0)
            #expect(r.err == "")
            #expect(r.out == "ok: 91 events in 3 imports; the hash chain holds\n")
            let j = s.run(["verify", "--json"])
            #expect(j.code == 0)
            #expect(j.json() == .object([
                "ok": .bool(true), "lines": .int(91), "events": .int(91), "imports": .int(3),
                "firstBadLine": .null, "problem": .null,
            ]))
        }
    }

    @Test("a store that does not exist yet verifies as empty and is not created")
    func missingStore() throws {
        try withScratch { s in
            let r = s.run(["verify"])
            #expect(r.code == 0)
            #expect(r.out == "ok: 0 events in 0 imports; the hash chain holds\n")
            #expect(!FileManager.default.fileExists(atPath: s.store))
        }
    }

    @Test("one changed character: exit 3 naming the line; a later import refuses to append", arguments: [5, 80])
    func tampered(line: Int) throws {
        try withScratch { s in
            s.importEnglish(2)
            // Line 5 is a "signed" event of the first batch, line 80 an "expired" one of the second. Change the
            // second letter of the partner name: the line still parses, only the hash gives it away.
            let partner = try #require(try Self.logLine(s, line).string("partner"))
            let original = Array(partner.utf8)[1]
            try Self.tamper(s, line: line, needle: "\"partner\":\"" + partner, offset: 12, to: original == 0x78 ? 0x79 : 0x78)
            #expect(try Self.logLine(s, line).string("partner") != partner)
            let tamperedBytes = try #require(s.logBytes())

            let r = s.run(["verify"])
            #expect(r.code == 3)
            #expect(r.out == "")
            #expect(r.errLine == "ledger verify: \(s.log) line \(line): hash does not match the line's content (was the line edited?)")

            let j = s.run(["verify", "--json"])
            #expect(j.code == 3)
            #expect(j.json()["ok"] == .bool(false))
            #expect(j.json()["firstBadLine"] == .int(line))

            // Importing the next snapshot refuses to append to a log that fails verification.
            let imp = s.run(["import", Samples.englishThird, "--source", "english"])
            #expect(imp.code == 3)
            #expect(imp.out == "")
            #expect(imp.errLine == "ledger import: \(s.log) line \(line): hash does not match the line's content (was the line edited?); nothing was written: run `ledger verify` to see the fault; the log is never repaired automatically")
            #expect(s.logBytes() == tamperedBytes)
            // A dry run is refused too.
            #expect(s.run(["import", Samples.englishThird, "--source", "english", "--dry-run"]).code == 3)
            #expect(s.logBytes() == tamperedBytes)
        }
    }

    @Test("a line that is no longer JSON: exit 3 naming it, for verify and for readers")
    func brokenLine() throws {
        try withScratch { s in
            s.importEnglish(1)
            try Self.tamper(s, line: 3, needle: "{", to: UInt8(ascii: "["))
            let r = s.run(["verify"])
            #expect(r.code == 3)
            #expect(r.errLine.hasPrefix("ledger verify: \(s.log) line 3: "))
            let status = s.run(["status"])
            #expect(status.code == 3)
            #expect(status.errLine.hasPrefix("ledger status: \(s.log) line 3: "))
        }
    }
}

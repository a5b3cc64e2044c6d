import Foundation
import Testing
@testable import AgreementLedger

/// The real exports in shared/seeds, found from this file's path (worktree or main checkout, shared/ beside it).
private func seed(_ name: String) -> [UInt8]? {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    for _ in 0..<6 {
        dir = dir.deletingLastPathComponent()
        let candidate = dir.appendingPathComponent("shared/seeds/\(name)")
        if let data = FileManager.default.contents(atPath: candidate.path) { return [UInt8](data) }
    }
    return FileManager.default.contents(atPath: "/work/shared/seeds/\(name)").map { [UInt8]($0) }
}

@Suite struct SeedFileTests {
    @Test func aituListReadsAsTabSeparatedRows() throws {
        let data = try #require(seed("002_ac16d23dd6c85d43.txt"), "the seed file is missing")
        let read = try DelimitedTextReader.read(data)
        #expect(read.delimiter == .tab)
        #expect(read.encoding == .utf8)
        // 80 line feeds, and the footer line has none after it: 81 physical lines.
        #expect(data.filter { $0 == 0x0A }.count == 80)
        #expect(read.rows.count == 81)
        #expect(read.rows.map(\.line) == Array(1...81))
        #expect(read.rows[0].fields == [
            "No", "Date of agreement", "Partner University / Organisation", "City", "Country",
            "QS ranking", "THE ranking", "Valid until", "Initiating actor", "Registration number",
        ])
        let educa = try #require(read.rows.first { $0.line == 79 })
        #expect(educa.fields.prefix(4) == ["69", "1/10/2025", "\"EDUCA\" LLP", "St Petersburg"])
        #expect(read.rows.last?.fields == ["Gray - Expired Agreements"])
    }

    @Test func everySeedReadsAsTabSeparatedWithOneRowPerLine() throws {
        for name in ["000_4ec7be47f2d66810.txt", "001_ed64fcf3a3d14cb7.txt", "003_d7a138244befba5f.txt"] {
            let data = try #require(seed(name), "\(name) is missing")
            let read = try DelimitedTextReader.read(data)
            #expect(read.delimiter == .tab, "\(name)")
            let breaks = data.filter { $0 == 0x0A }.count
            let lines = data.last == 0x0A ? breaks : breaks + 1
            #expect(read.rows.count == lines, "\(name)")
        }
    }
}

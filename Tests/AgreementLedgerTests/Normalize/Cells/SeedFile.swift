import Foundation

/// Reads the real lists in shared/seeds (beside the repository) for tests that run over every real cell.
enum SeedFile {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The seeds folder: `../shared/seeds` next to the repository root, found from this file's path.
    static func directory() throws -> URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }  // Cells, Normalize, AgreementLedgerTests, Tests, file
        let candidates = [
            url.appendingPathComponent("Tests/AgreementLedgerTests/Fixtures/seeds"),
            url.deletingLastPathComponent().appendingPathComponent("shared/seeds"),
        ]
        for c in candidates where FileManager.default.fileExists(atPath: c.path) { return c }
        throw Missing(description: "seed lists not found; looked in \(candidates.map(\.path))")
    }

    /// The lines of the seed whose file name starts with `prefix` ("000").
    static func lines(of prefix: String) throws -> [String] {
        let dir = try directory()
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        guard let name = names.first(where: { $0.hasPrefix(prefix + "_") && $0.hasSuffix(".txt") }) else {
            throw Missing(description: "no seed \(prefix)_*.txt in \(dir.path)")
        }
        let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    /// Every cell below the header in the column named `header` (exact header text), in file order.
    static func column(of prefix: String, named header: String) throws -> [String] {
        let lines = try lines(of: prefix)
        guard let headerIndex = lines.firstIndex(where: { $0.split(separator: "\t").contains { $0 == header } })
        else { throw Missing(description: "no column \(header) in seed \(prefix)") }
        let headerCells = lines[headerIndex].split(separator: "\t", omittingEmptySubsequences: false)
        let col = headerCells.firstIndex { $0 == header }!
        return lines[(headerIndex + 1)...].compactMap { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            return cells.count > col ? String(cells[col]) : nil
        }
    }
}

import Foundation
import Testing
@testable import AgreementLedger

/// Where the test fixtures live, and small helpers to read them.
enum TestFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The four real lists, by short name.
    static let seeds: [String: String] = [
        "bosnian": "000_4ec7be47f2d66810.txt",
        "polish": "001_ed64fcf3a3d14cb7.txt",
        "aitu": "002_ac16d23dd6c85d43.txt",
        "english": "003_d7a138244befba5f.txt",
    ]

    static func seedBytes(_ name: String) throws -> [UInt8] {
        try bytes(directory.appendingPathComponent("seeds").appendingPathComponent(seeds[name]!).path)
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A sample snapshot under Ledger/samples.
    static func sample(_ source: String, _ file: String) -> String {
        repository.appendingPathComponent("Ledger/samples/\(source)/\(file)").path
    }

    static func snapshot(_ bytes: [UInt8], name: String = "test") throws -> Snapshot {
        try SnapshotReader().read(bytes: bytes, name: name)
    }

    /// A scratch directory, removed by the caller with `remove`.
    static func temporaryDirectory() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A store in a fresh scratch directory (remove it with `remove`) holding every sample snapshot of
    /// `sources` (Ledger/samples), each list's files in name order, dated as their names say.
    static func samplesStore(_ sources: [String] = ["aitu", "bosnian", "english", "polish"]) throws -> (store: EventStore, dir: String) {
        let dir = temporaryDirectory()
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        for source in sources {
            let folder = sample(source, "")
            for file in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
                _ = try importer.importFiles([folder + "/" + file], source: source, asOf: PartialDate(String(file.prefix(10))))
            }
        }
        return (store, dir)
    }

    /// Compares `actual` with the golden file at `relativePath` under Fixtures, recording the first line
    /// that differs; RECORD_GOLDEN=1 rewrites the file first (then review the diff line by line).
    static func expectMatchesGolden(_ actual: String, _ relativePath: String) throws {
        let golden = directory.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        guard actual != expected else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record("\(relativePath) differs at line \(first + 1): got \(first < a.count ? String(a[first]) : "<end>"), expected \(first < e.count ? String(e[first]) : "<end>")")
    }
}

/// A deterministic generator (SplitMix64), so a test drawing random cases draws the same ones on every run
/// and a failure can be replayed.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation
import Testing
@testable import AgreementLedger

/// Every row of the four real lists against golden files of the records a careful human would write.
///
/// The golden files under Fixtures/golden were drafted by the code and then checked row by row against
/// the raw lines; Fixtures/golden/NOTES.md says why each hard row reads as it does. Set RECORD_GOLDEN=1
/// to rewrite them after a deliberate change, then review the diff line by line.
@Suite struct SeedGoldenTests {
    @Test(arguments: ["bosnian", "polish", "aitu", "english"])
    func seedMatchesGolden(_ seed: String) throws {
        let snapshot = try TestFixtures.snapshot(try TestFixtures.seedBytes(seed), name: seed)
        let actual = JSONWriter.pretty(snapshot.json) + "\n"
        let golden = TestFixtures.directory.appendingPathComponent("golden/\(seed).json")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("\(seed): differs from golden at line \(first + 1): got \(first < a.count ? String(a[first]) : "<end>"), expected \(first < e.count ? String(e[first]) : "<end>")")
        }
    }
}

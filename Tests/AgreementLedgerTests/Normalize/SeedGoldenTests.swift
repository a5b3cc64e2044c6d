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
        try TestFixtures.expectMatchesGolden(actual, "golden/\(seed).json")
    }
}

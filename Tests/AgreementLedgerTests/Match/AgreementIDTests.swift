import Testing
@testable import AgreementLedger

@Suite struct AgreementIDTests {
    /// The id as the contract-notes define it: 12 hex digits of SHA-256 over the source and the folded key
    /// fields joined by U+001F, built from strings.
    private static func reference(source: String, record: AgreementRecord) -> String {
        let key = AgreementKey(record)
        let material = [source, key.partner, key.country, key.signed, key.kind].joined(separator: "\u{1F}")
        return String(SHA256.hex(material).prefix(12))
    }

    /// The id folded from bytes into a reused buffer equals the string-built one on every row of the four
    /// real lists (Cyrillic, Bosnian and Polish letters, rows without a country code or date), under two
    /// source names, one of them not ASCII.
    @Test func bytesGiveTheStringBuiltID() throws {
        var scratch: [UInt8] = []
        var checked = 0
        for seed in TestFixtures.seeds.keys.sorted() {
            for record in try TestFixtures.snapshot(TestFixtures.seedBytes(seed)).records {
                for source in ["default", "Međunarodni ured"] {
                    let id = AgreementID.base(source: source, record: record, scratch: &scratch)
                    #expect(id == Self.reference(source: source, record: record), "\(seed) row \(record.row)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    @Test func knownRowKeepsItsID() throws {
        let record = try #require(TestFixtures.snapshot(TestFixtures.seedBytes("bosnian")).records.first)
        #expect(AgreementID.base(source: "default", record: record) == Self.reference(source: "default", record: record))
        #expect(AgreementID.base(source: "default", record: record).utf8.count == 12)
    }
}

import Testing
@testable import AgreementLedger

@Suite struct EventHashingTests {
    @Test func hashIsSHA256OfCanonicalJSONWithoutHash() {
        let event = StoreFixtures.signed(partner: "Université \"Libre\" \\ de Bruxelles", n: 1)
        let expected = SHA256.hex(JSONWriter.canonical(event.json(includingHash: false)))
        #expect(event.computedHash() == expected)
        #expect(event.computedHash().count == 64)
    }

    @Test func hashIgnoresTheHashFieldButNotTheRest() {
        var event = StoreFixtures.signed(partner: "Uniwersytet Łódzki", n: 2)
        let before = event.computedHash()
        event.hash = "whatever"
        #expect(event.computedHash() == before)
        event.prev = String(repeating: "1", count: 64)
        #expect(event.computedHash() != before)
    }

    @Test func canonicalLineRoundTrips() throws {
        var event = StoreFixtures.signed(partner: "東京大学 🎓", n: 3)
        event.seq = 7
        event.prev = LedgerEvent.genesisHash
        event.hash = event.computedHash()
        let line = event.canonicalLine
        #expect(line == JSONWriter.canonical(event.json(includingHash: true)))
        #expect(!line.contains("\n"))
        let decoded = try LedgerEvent(json: try JSONParser.parse(line))
        #expect(decoded == event)
        #expect(decoded.canonicalLine == line)
    }
}

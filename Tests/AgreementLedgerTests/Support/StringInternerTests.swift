import Foundation
import Testing
@testable import AgreementLedger

/// Interning must change where strings live, never what they say.
@Suite struct StringInternerTests {
    /// True when two strings share one storage (the bytes are at the same address).
    private func sameStorage(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
    }

    @Test func equalLongStringsShareStorageAndShortOnesAreUntouched() {
        var interner = StringInterner(size: 64)
        let first = String(decoding: Array("Quality Assurance Department".utf8), as: UTF8.self)
        let second = String(decoding: Array("Quality Assurance Department".utf8), as: UTF8.self)
        #expect(!sameStorage(first, second))
        #expect(interner.intern(first) == first)
        let shared = interner.intern(second)
        #expect(shared == second && sameStorage(shared, first))
        // 15 bytes or fewer are stored inline: nothing to share.
        #expect(interner.intern("Sarajevo") == "Sarajevo")
        // A different value in the same slot replaces the one remembered, and is returned as it is.
        let other = String(decoding: Array("School of Creative Industries".utf8), as: UTF8.self)
        #expect(interner.intern(other) == other)
    }

    @Test func aSlotHeldByAnotherValueNeverReturnsIt() {
        // One slot: every long value collides; each must come back equal to itself.
        var interner = StringInterner(size: 1)
        let values = (0..<50).map { "Faculty of Engineering number \($0)" }
        for v in values + values.reversed() { #expect(interner.intern(v) == v) }
        #expect(interner.intern(String?.none) == nil)
    }

    @Test func aRecordKeepsItsContentAndSharesHeadersWithTheRecordBefore() throws {
        let rows = try TestFixtures.snapshot(TestFixtures.seedBytes("aitu")).records
        let records = rows.filter { $0.extra.count >= 2 }
        try #require(records.count > 10)
        var interner = StringInterner()
        var interned: [AgreementRecord] = []
        for var r in records {
            interner.intern(&r)
            interned.append(r)
        }
        #expect(interned == records)
        #expect(interned.map(\.json) == records.map(\.json))
        // Rows of the same columns now hold one header array between them.
        let pairs = zip(interned, interned.dropFirst()).filter { $0.0.extra.map(\.header) == $0.1.extra.map(\.header) }
        try #require(!pairs.isEmpty)
        for (a, b) in pairs {
            for (x, y) in zip(a.extra, b.extra) where x.header.utf8.count > 15 { #expect(sameStorage(x.header, y.header)) }
        }
    }

    @Test func copiesOfARecordAreIndependent() {
        var a = AgreementRecord(partner: "Uni A", country: "France", row: 1, extra: ["No": "1"])
        let b = a
        a.city = "Paris"
        a.extra["No"] = "2"
        #expect(b.city == nil && b.extra["No"] == "1")
        #expect(a.city == "Paris" && a.extra["No"] == "2")
        #expect(a != b)
        var c = b
        c.row = 1
        #expect(c == b && c.hashValue == b.hashValue)
    }
}

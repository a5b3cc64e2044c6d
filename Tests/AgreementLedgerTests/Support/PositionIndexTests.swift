import Testing
@testable import AgreementLedger

/// The index by hash finds what a dictionary would, through collisions and growth; the state's index by id and
/// the held strings built on it keep their meaning.
@Suite struct PositionIndexTests {
    /// Keys of every length around the eight-byte steps, in several scripts, some repeated.
    private static let keys: [String] = (0..<5_000).map { n in
        let stem = ["a", "Ž", "ą", "€", "😀", "Uni", "Sveučilište u Zagrebu"][n % 7]
        return String(repeating: stem, count: n % 19) + "\(n % 3_100)"
    }

    @Test func findsWhatADictionaryFinds() {
        let keys = PositionIndexTests.keys
        var expected: [String: Int] = [:]
        for (p, k) in keys.enumerated() { expected[k] = p }
        let index = PositionIndex(hashes: PositionIndex.hashes(count: keys.count) { keys[$0] }) {
            ByteHash.sameBytes(keys[$0], keys[$1])
        }
        #expect(index.count == expected.count)
        for (k, p) in expected {
            #expect(index.position(hash: PositionIndex.hash(k)) { ByteHash.sameBytes(keys[$0], k) } == p, "\(k)")
        }
        for missing in ["", "b", "Uni-", "Sveučilište u Zagrebu", String(repeating: "a", count: 40)] {
            #expect(index.position(hash: PositionIndex.hash(missing)) { ByteHash.sameBytes(keys[$0], missing) } == nil)
        }
    }

    /// Every key given the same hash: each is still found by comparing keys along the one long run of slots,
    /// and the table grows as positions are added one by one.
    @Test func collidingHashesAndGrowth() {
        let keys = (0..<300).map { "k\($0)" }
        var index = PositionIndex()
        for p in keys.indices {
            index.insert(p, hash: 7) { ByteHash.sameBytes(keys[$0], keys[p]) }
        }
        #expect(index.count == 300)
        for (p, k) in keys.enumerated() {
            #expect(index.position(hash: 7) { ByteHash.sameBytes(keys[$0], k) } == p)
            #expect(index.position(hash: 8) { ByteHash.sameBytes(keys[$0], k) } == nil)
        }
        // A key inserted again moves to its new position and is not counted twice.
        index.insert(999, hash: 7) { $0 < keys.count && keys[$0] == "k5" }
        #expect(index.count == 300)
        #expect(index.position(hash: 7) { $0 == 999 || ($0 < keys.count && keys[$0] == "k5") } == 999)
    }

    @Test func hashDependsOnBytesOnly() {
        let composed = "Universit\u{E9}", decomposed = "Universite\u{301}"
        #expect(composed == decomposed)  // Swift's equality...
        #expect(!ByteHash.sameBytes(composed, decomposed))  // ...is not the index's
        let native = String(decoding: Array(composed.utf8), as: UTF8.self)
        #expect(PositionIndex.hash(native) == PositionIndex.hash(composed))
        #expect(ByteHash.sameBytes(native, composed))
        // Every length up to 24 bytes, each last byte counted.
        for n in 1...24 {
            let a = String(repeating: "x", count: n), b = String(repeating: "x", count: n - 1) + "y"
            #expect(PositionIndex.hash(a) != PositionIndex.hash(b), "\(n)")
            #expect(PositionIndex.hash(a) != PositionIndex.hash(a + "\u{0}"), "\(n)")
        }
    }

    @Test func heldStringsGiveTheirOwnStorage() {
        let held = HeldStrings(["Uniwersytet Jagielloński w Krakowie", "Short", "Uniwersytet Warszawski (UW) Wydział"])
        var copy = String(decoding: Array("Uniwersytet Jagielloński w Krakowie".utf8), as: UTF8.self)
        let found = held.equal(to: copy)
        #expect(found == copy)
        var shared = found!
        #expect(shared.withUTF8 { $0.baseAddress } != copy.withUTF8 { $0.baseAddress })
        #expect(held.equal(to: "Uniwersytet Jagielloński") == nil)
        #expect(HeldStrings.none.equal(to: "Short") == nil)
        #expect(HeldStrings.none.isEmpty && !held.isEmpty)
    }

    /// The state's index by id follows the agreements through a fold, including an id signed a second time
    /// (never written so): the later one replaces the first, in its new place, as it always did.
    @Test func stateIndexThroughAFold() {
        var events = (0..<2_000).map { StoreFixtures.signed(partner: "Partner \($0)", n: $0) }
        events.append(StoreFixtures.signed(partner: "Partner again", n: 10))
        for (i, _) in events.enumerated() { events[i].seq = i + 1 }
        let state = LedgerState(events: events)
        #expect(state.agreements.count == 2_000)
        #expect(state.agreements.last?.id == "agr-10" && state.agreements.last?.record.partner == "Partner again")
        for (p, a) in state.agreements.enumerated() { #expect(state.position(of: a.id) == p) }
        #expect(state["agr-10"]?.record.partner == "Partner again")
        #expect(state["agr-2000"] == nil && state.position(of: "agr-") == nil)
        #expect(state.ids == state.agreements.map(\.id))
        // Restored from its agreements (as from the checkpoint), the state is equal and finds the same.
        let restored = LedgerState(agreements: state.agreements, lastImport: state.lastImport,
                                   importCount: state.importCount, lastSeq: state.lastSeq)
        #expect(restored == state)
        for a in state.agreements { #expect(restored.position(of: a.id) == state.position(of: a.id)) }
    }
}

/// A batch folded in place gives the state folding it event by event gives.
@Suite struct BatchFoldTests {
    @Test func aBatchFoldedInPlaceIsTheEventByEventFold() {
        var events = StoreFixtures.batch("1", events: 40) + StoreFixtures.batch("2", events: 40)
        // Every kind of event, on agreements known and unknown.
        let day = PartialDate("2024-06-01")!
        events.append(LedgerEvent(type: .renewed, importID: "3", source: "default", recorded: day, agreement: "agr-2",
                                  changes: ["validUntil": FieldChange(from: .string("2026"), to: .string("2031"))]))
        events.append(LedgerEvent(type: .expired, importID: "3", source: "default", recorded: day, agreement: "agr-4",
                                  effective: PartialDate("2024-05-31")))
        events.append(LedgerEvent(type: .closed, importID: "3", source: "default", recorded: day, agreement: "agr-6"))
        events.append(LedgerEvent(type: .closed, importID: "3", source: "default", recorded: day, agreement: "agr-unknown"))
        events.append(StoreFixtures.imported("3"))
        for i in events.indices { events[i].seq = i + 1 }
        var one = LedgerState()
        for e in events { one.apply(e) }
        var batch = LedgerState()
        batch.apply(contentsOf: events)
        #expect(batch == one)
        #expect(batch["agr-2"]?.record.validUntil == PartialDate("2031"))
        #expect(batch["agr-4"]?.state == .expired && batch["agr-6"]?.state == .closed)
        #expect(batch.lastImport["default"]?.importID == "3" && batch.importCount == 3 && batch.lastSeq == events.count)
    }
}

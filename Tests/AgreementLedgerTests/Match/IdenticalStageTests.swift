import Foundation
import Testing
@testable import AgreementLedger

/// Stage 0 of matching: a record identical to exactly one known agreement, and to no other record, pairs
/// with it; anything less certain is left to the later stages.
@Suite struct IdenticalStageTests {
    private func states(_ records: [AgreementRecord]) -> [AgreementState] {
        records.enumerated().map { i, r in
            AgreementState(id: "id\(i)", source: "s", record: r, state: .active, firstSeq: i + 1,
                           lastRecorded: PartialDate("2024-01-01")!)
        }
    }

    @Test func onlyContentUniqueOnBothSidesPairs() {
        let a = AgreementRecord(partner: "Uni A", country: "France", row: 2)
        let b = AgreementRecord(partner: "Uni B", country: "Italy", row: 3)
        let c = AgreementRecord(partner: "Uni C", country: "Spain", row: 4)
        var moved = a
        moved.row = 9  // the row is not content
        // Known: A, B twice, C. New: C, A (moved), B, and C again.
        let known = states([a, b, b, c])
        let result = AgreementMatcher.identical(new: [c, moved, b, c], known: known)
        #expect(result.pairs.map(\.new) == [1] && result.pairs.map { known[$0.known].id } == ["id0"],
                "A pairs; B is twice among the known, C twice among the new")
        #expect(result.freeNew == [0, 2, 3])
        #expect(result.freeKnown.map { known[$0].id } == ["id1", "id2", "id3"])
    }

    /// The content hash a record remembers from when it was made is the one its fields give, on every record the
    /// normalizer reads from the real lists and every agreement a checkpoint gives back; a change forgets it, in
    /// the changed copy only.
    @Test func rememberedContentHashesAreThoseOfTheFields() throws {
        var records: [AgreementRecord] = []
        for name in TestFixtures.seeds.keys.sorted() {
            records += try TestFixtures.snapshot(try TestFixtures.seedBytes(name), name: name).records
        }
        #expect(records.count > 500)
        #expect(records.allSatisfy { $0.rememberedContentHash != 0 && $0.rememberedContentHash == $0.computedContentHash })
        // A reader told there is nothing to match (an empty ledger) leaves them to matching.
        var reader = SnapshotReader()
        reader.remembersContentHashes = false
        let unremembered = try reader.read(bytes: try TestFixtures.seedBytes("polish"), name: "polish").records
        #expect(!unremembered.isEmpty && unremembered.allSatisfy { $0.rememberedContentHash == 0 })
        #expect(unremembered.map(\.contentHash) == unremembered.map(\.computedContentHash))

        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        let state = try #require(StateCheckpoint.read(directory: dir)).state
        #expect(state.agreements.count > 100)
        #expect(state.agreements.allSatisfy { $0.record.rememberedContentHash == $0.record.computedContentHash })
        #expect(try store.readState() == state)

        var changed = records[0]
        let before = records[0].contentHash
        changed.city = (changed.city ?? "") + " Nord"
        #expect(changed.rememberedContentHash == 0 && changed.contentHash == changed.computedContentHash)
        #expect(changed.contentHash != before)
        #expect(records[0].rememberedContentHash == before, "the copy that did not change keeps it")
        changed.city = records[0].city
        #expect(changed.contentHash == before)
    }

    /// On a real list against itself with a few edits: the same pairs as a plain search of every pair.
    @Test func pairsWhatAnExhaustiveSearchPairs() throws {
        let records = try TestFixtures.snapshot(TestFixtures.seedBytes("english")).records
        var edited = records
        edited[3].city = "Elsewhere"
        edited[7] = edited[8]  // a repeated row: its content is no longer unique
        edited.swapAt(10, 20)
        let known = states(records)
        let result = AgreementMatcher.identical(new: edited, known: known)
        var expected: [(Int, String)] = []
        for (n, r) in edited.enumerated() {
            let sameKnown = known.indices.filter { known[$0].record.hasSameContent(as: r) }
            let sameNew = edited.indices.filter { edited[$0].hasSameContent(as: r) }
            if sameKnown.count == 1 && sameNew == [n] { expected.append((n, known[sameKnown[0]].id)) }
        }
        #expect(result.pairs.map(\.new) == expected.map(\.0))
        #expect(result.pairs.map { known[$0.known].id } == expected.map(\.1))
        #expect(expected.count > 20 && expected.count < edited.count - 2)
    }

    /// The ledger's own id check gives the batch the copied id set gives.
    @Test func theLedgersLookupsGiveTheSameBatchAsACopiedIDSet() throws {
        let (store, dir) = try TestFixtures.samplesStore(["aitu", "english"])
        defer { TestFixtures.remove(dir) }
        let state = try store.readState()
        let snapshot = try TestFixtures.snapshot(TestFixtures.seedBytes("english"))
        var records = snapshot.records
        records[0].validUntil = PartialDate("2031-01-01")
        records.removeLast(2)
        records.append(AgreementRecord(partner: "Universidade Nova de Lisboa", country: "Portugal", row: 999))
        for source in ["english", "aitu"] {
            let differ = SnapshotDiffer(source: source, recorded: PartialDate("2026-01-01")!, importID: "9")
            let known = state.ordered(source: source)
            let copied = differ.diff(records: records, known: known, takenIDs: Set(state.ids))
            let everything = state
            let looked = differ.diff(records: records, known: known, isTaken: { everything.position(of: $0) != nil })
            #expect(looked.events == copied.events, "\(source)")
            #expect(copied.events.contains { $0.type == .signed } && copied.events.contains { $0.type == .closed })
        }
    }
}

/// The matcher's pairs come in record order: stage 0's already are, the later stages' are merged in.
@Suite struct PairOrderTests {
    @Test func aSortedPrefixMergedWithTheRestIsTheSortedWhole() {
        var state: UInt64 = 11
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<300 {
            let n = next(30)
            // Some record indices for stage 0 (in order), the others in any order after them.
            let chosen = (0..<n).filter { _ in next(3) != 0 }
            var rest = (0..<n).filter { !chosen.contains($0) }
            for i in rest.indices.reversed() { rest.swapAt(i, next(i + 1)) }
            let pairs = (chosen + rest).map { (new: $0, known: "id-\($0)") }
            let merged = AgreementMatcher.mergedByRecord(pairs, sortedPrefix: chosen.count)
            #expect(merged.map(\.new) == Array(0..<n))
            #expect(merged.allSatisfy { $0.known == "id-\($0.new)" })
        }
    }

    /// The content hash follows `==`: strings Swift calls equal (canonically equivalent, in other bytes) hash
    /// alike, including the three scalars outside ASCII equivalent to ASCII ones.
    @Test func canonicallyEqualStringsHashAlike() {
        let pairs = [("K", "\u{212A}"), ("Kelvin Institute", "\u{212A}elvin Institute"), ("a;b", "a\u{37E}b"),
                     ("`x", "\u{1FEF}x"), ("Kraków", "Krako\u{301}w"), ("\u{1E30}", "\u{212A}\u{301}"),
                     ("\u{3A9}hm", "\u{2126}hm"), ("Zürich", "Zu\u{308}rich")]
        for (a, b) in pairs {
            #expect(a == b && Array(a.utf8) != Array(b.utf8))
            #expect(ContentHash.of(a) == ContentHash.of(b), "\(a)")
        }
        #expect(ContentHash.of("K") != ContentHash.of("k"))
        #expect(ContentHash.of("Kraków") != ContentHash.of("Krakow"))
    }

    /// On the four real lists: each record equals, and hashes as, itself with every string decomposed (NFD);
    /// changing any one field of content changes the hash, and the row does not.
    @Test func realRecordsHashByTheirContent() throws {
        var checked = 0
        for seed in ["bosnian", "polish", "aitu", "english"] {
            for r in try TestFixtures.snapshot(TestFixtures.seedBytes(seed)).records {
                var decomposed = r
                decomposed.partner = r.partner.decomposedStringWithCanonicalMapping
                decomposed.city = r.city?.decomposedStringWithCanonicalMapping
                decomposed.country = r.country?.decomposedStringWithCanonicalMapping
                decomposed.row += 1
                #expect(decomposed.hasSameContent(as: r) && decomposed.contentHash == r.contentHash)
                var other = r
                other.partner += " "
                #expect(other.contentHash != r.contentHash)
                other = r
                other.signed = PartialDate(year: (r.signed?.year ?? 2000) + 1)
                #expect(other.contentHash != r.contentHash)
                other = r
                other.reference = (r.reference ?? "") + "1"
                #expect(other.contentHash != r.contentHash)
                checked += 1
            }
        }
        #expect(checked > 500)
    }
}

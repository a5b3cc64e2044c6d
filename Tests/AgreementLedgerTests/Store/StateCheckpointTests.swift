import Foundation
import Testing
@testable import AgreementLedger

/// The derived caches under `cache/`: the state checkpoint must always give the state the log folds to,
/// and a stale, damaged or missing one must change nothing but speed.
@Suite struct StateCheckpointTests {
    /// The Bosnian samples imported into a fresh store (four imports, every event type).
    func importedStore(steps: Int = 4) throws -> (store: EventStore, dir: String) {
        let dir = TestFixtures.temporaryDirectory()
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        for file in ["2024-01-15.tsv", "2024-07-01.tsv", "2025-01-10.tsv", "2025-06-02.csv"].prefix(steps) {
            _ = try importStep(importer, file)
        }
        return (store, dir)
    }

    /// Imports one Bosnian sample, dated as its file name says.
    func importStep(_ importer: Importer, _ file: String, dryRun: Bool = false) throws -> [ImportOutcome] {
        try importer.importFiles([TestFixtures.sample("bosnian", file)], source: "bosnian",
                                 asOf: PartialDate(String(file.prefix(10))), dryRun: dryRun)
    }

    @Test func checksumIsTheSameInAnyChunking() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 / 3) }
        bytes.withUnsafeBufferPointer { all in
            for count in [0, 1, 15, 16, 17, 31, 33, 999, 1000] {
                let whole = PrefixChecksum.of(all, count: count)
                for chunk in [1, 3, 16, 17, 250] {
                    var acc = PrefixChecksum.Accumulator()
                    var i = 0
                    while i < count {
                        acc.add(UnsafeBufferPointer(rebasing: all[i..<min(count, i + chunk)]))
                        i += chunk
                    }
                    #expect(acc.value == whole, "count \(count), chunks of \(chunk)")
                    #expect(acc.count == count)
                }
            }
            #expect(PrefixChecksum.of(all, count: 100) != PrefixChecksum.of(all, count: 101))
        }
    }

    @Test func checkpointHoldsTheFoldOfTheLog() throws {
        let (store, dir) = try importedStore()
        defer { TestFixtures.remove(dir) }
        let events = try store.readCommitted()
        let folded = LedgerState(events: events)
        let checkpoint = try #require(StateCheckpoint.read(directory: dir))
        #expect(checkpoint.state == folded)
        #expect(checkpoint.stamp.lines == events.count)
        #expect(checkpoint.stamp.hash == events.last?.hash)
        #expect(checkpoint.state.agreements.count == 79, "78 of the first list plus Maribor")
        #expect(try store.readState() == folded)
        // The encoding is a pure function of the state.
        #expect(checkpoint.encode().withUnsafeBufferPointer { StateCheckpoint.decode($0) }?.state == folded)
    }

    /// Read from a mapping, the pages behind the reader are handed back: every byte of the payload is
    /// reported read (once while checked, once while decoded), in order and within the file.
    @Test func aMappedCheckpointIsHandedBackAsItIsRead() throws {
        let (store, dir) = try importedStore()
        defer { TestFixtures.remove(dir) }
        let folded = try store.readState()
        let bytes = try #require(StateCheckpoint.read(directory: dir)).encode()
        var ranges: [Range<Int>] = []
        let decoded = bytes.withUnsafeBufferPointer { StateCheckpoint.decode($0, release: { ranges.append($0) }) }
        #expect(decoded?.state == folded)
        #expect(ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= bytes.count - 8 })
        // The checking pass runs from the payload's start to its end without a gap.
        let checked = ranges.prefix { $0.upperBound <= bytes.count - 8 }
        #expect(zip(checked, checked.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(checked.first.map { bytes[$0.lowerBound - 1] } == 0x0A, "the payload starts after the header line")
        #expect(checked.last?.upperBound == bytes.count - 8)
        // The mapped file gives the same state.
        let file = try #require(MappedFile(path: dir + "/" + StateCheckpoint.relativePath))
        #expect(Array(file.bytes) == bytes)
        file.release(0..<file.bytes.count)
        #expect(Array(file.bytes) == bytes, "released pages are read from the file again")
        #expect(MappedFile(path: dir + "/no-such-file") == nil)
    }

    /// Names the caller already holds (an import's snapshot) are shared by the state read: same state, one
    /// storage for each equal long name.
    @Test func partnerNamesTheCallerHoldsAreShared() throws {
        let (store, dir) = try importedStore()
        defer { TestFixtures.remove(dir) }
        let folded = try store.readState()
        let long = folded.agreements.map(\.record.partner).filter { $0.utf8.count > 15 }
        try #require(long.count > 20)
        // Copies with storage of their own, as a freshly read snapshot has.
        let held = Set(long.map { String(decoding: Array($0.utf8), as: UTF8.self) })
        let plain = try #require(StateCheckpoint.read(directory: dir))
        let shared = try #require(StateCheckpoint.read(directory: dir, sharing: { held }))
        #expect(shared.state == folded && plain.state == folded)
        func storage(_ s: String) -> UnsafePointer<UInt8>? {
            var s = s
            return s.withUTF8 { $0.baseAddress }
        }
        let heldStorage = Set(held.map { storage($0).map { Int(bitPattern: $0) } ?? 0 })
        for a in shared.state.agreements where a.record.partner.utf8.count > 15 {
            #expect(heldStorage.contains(storage(a.record.partner).map { Int(bitPattern: $0) } ?? -1), "\(a.record.partner)")
        }
        for a in plain.state.agreements where a.record.partner.utf8.count > 15 {
            #expect(!heldStorage.contains(storage(a.record.partner).map { Int(bitPattern: $0) } ?? -1))
        }
    }

    @Test func aStateRestoredInAnyOrderIsTheFoldInLedgerOrder() throws {
        let (store, dir) = try importedStore()
        defer { TestFixtures.remove(dir) }
        let folded = LedgerState(events: try store.readCommitted())
        #expect(folded.agreements.map(\.firstSeq) == folded.agreements.map(\.firstSeq).sorted())
        // A checkpoint written by an earlier version listed agreements in hash-table order.
        let shuffled = LedgerState(agreements: folded.agreements.reversed(), lastImport: folded.lastImport,
                                   importCount: folded.importCount, lastSeq: folded.lastSeq)
        #expect(shuffled == folded)
        let some = try #require(folded.agreements.last)
        #expect(shuffled[some.id] == some)
        #expect(Set(shuffled.ids) == Set(folded.agreements.map(\.id)))
    }

    @Test func aBatchNotReturnedIsWrittenAndFoldedAlike() throws {
        let (kept, keptDir) = try importedStore()
        defer { TestFixtures.remove(keptDir) }
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        var total = 0
        for file in ["2024-01-15.tsv", "2024-07-01.tsv", "2025-01-10.tsv", "2025-06-02.csv"] {
            let outcome = try importer.importFiles([TestFixtures.sample("bosnian", file)], source: "bosnian",
                                                   asOf: PartialDate(String(file.prefix(10))), keepingEvents: false)
            #expect(outcome.count == 1 && outcome[0].events.isEmpty)
            total += outcome.first?.counts.total ?? 0
        }
        let lifecycle = try kept.readCommitted().filter { $0.type != .imported }.count
        #expect(total > 0 && total == lifecycle)
        #expect(try TestFixtures.bytes(store.logPath) == (try TestFixtures.bytes(kept.logPath)))
        #expect(try TestFixtures.bytes(dir + "/" + StateCheckpoint.relativePath)
                == (try TestFixtures.bytes(keptDir + "/" + StateCheckpoint.relativePath)))
    }

    @Test func aMissingDamagedOrStaleCheckpointChangesNothingButSpeed() throws {
        let (store, dir) = try importedStore(steps: 1)
        defer { TestFixtures.remove(dir) }
        let path = dir + "/" + StateCheckpoint.relativePath
        let stale = try TestFixtures.bytes(path)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        _ = try importStep(importer, "2024-07-01.tsv")
        let folded = LedgerState(events: try store.readCommitted())

        // Stale: an earlier checkpoint, whose lines are still the log's first; the rest is folded on top.
        StoreFixtures.write(stale, to: path)
        #expect(try store.readState() == folded)
        // Damaged: one byte of the payload flipped; the payload checksum rejects it.
        var damaged = stale
        damaged[damaged.count / 2] ^= 0x20
        StoreFixtures.write(damaged, to: path)
        #expect(StateCheckpoint.read(directory: dir) == nil)
        #expect(try store.readState() == folded)
        // Missing.
        try FileManager.default.removeItem(atPath: path)
        #expect(try store.readState() == folded)

        // A writer working from the stale checkpoint appends exactly what one working from the log does.
        StoreFixtures.write(stale, to: path)
        let fromStale = try importStep(importer, "2025-01-10.tsv", dryRun: true)
        try FileManager.default.removeItem(atPath: path)
        let fromLog = try importStep(importer, "2025-01-10.tsv", dryRun: true)
        #expect(fromStale.map(\.events) == fromLog.map(\.events))
        #expect(fromLog.first?.events.count == 7)
        #expect(store.verify().ok)
    }

    @Test func aCheckpointNeverHidesAnEditedLine() throws {
        let (store, dir) = try importedStore(steps: 2)
        defer { TestFixtures.remove(dir) }
        #expect(StateCheckpoint.read(directory: dir) != nil)
        // Edit a partner's name inside the lines the checkpoint covers, keeping the length.
        var log = StoreFixtures.bytes(store.logPath)
        let needle = Array("Univerzitet".utf8)
        let at = try #require((0...(log.count - needle.count)).first { Array(log[$0..<($0 + needle.count)]) == needle })
        log[at] = UInt8(ascii: "X")
        StoreFixtures.write(log, to: store.logPath)
        #expect(throws: StoreError.self) { try store.transaction { _ in nil } }
        #expect(!store.verify().ok)
    }
}

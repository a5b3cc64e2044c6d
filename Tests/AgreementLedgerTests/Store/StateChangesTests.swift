import Foundation
import Testing
@testable import AgreementLedger

/// Imports on top of a big state checkpoint write only the agreements they change (`cache/state-changes`):
/// the whole file with its changes must always read as the fold of the log, in every reader, and changes
/// that do not belong to the whole file under them must change nothing but speed.
@Suite struct StateChangesTests {
    let files = ["2024-01-15.tsv", "2024-07-01.tsv", "2025-01-10.tsv", "2025-06-02.csv"]

    /// A store that layers any checkpoint, with the Bosnian samples imported up to `steps`.
    func layeredStore(steps: Int) throws -> (store: EventStore, importer: Importer, dir: String) {
        let dir = TestFixtures.temporaryDirectory()
        let store = try EventStore(directory: dir, create: true)
        store.smallestLayeredCheckpoint = 1
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        for file in files.prefix(steps) { _ = try StateCheckpointTests().importStep(importer, file) }
        return (store, importer, dir)
    }

    /// Every reader sees the fold of the log: the checkpoint read for a writer (the fold of the lines it covers,
    /// all of them when `current`), the state, the stream of `status` (only from a current checkpoint) and the
    /// list at past dates.
    func expectEveryReaderSeesTheFold(_ store: EventStore, _ dir: String, current: Bool = true) throws {
        let events = try store.readCommitted()
        let folded = LedgerState(events: events)
        let read = try #require(StateCheckpoint.read(directory: dir))
        let readIsFold = read.state == LedgerState(events: events.prefix(read.stamp.lines))
        #expect(readIsFold)
        #expect((read.stamp.lines == events.count) == current)
        let stateIsFold = try store.readState() == folded
        #expect(stateIsFold)
        var listed: [AgreementState] = []
        #expect(try store.streamCheckpoint { listed.append($0) } == current)
        let streamIsFold = listed == folded.agreements
        #expect(streamIsFold || !current)
        for query in [StatusQuery(), StatusQuery(at: PartialDate("2024-08-01")), StatusQuery(at: PartialDate("2025-02-01"))] {
            var viaStore: [AgreementState] = []
            try query.forEach(in: store) { viaStore.append($0) }
            let same = viaStore == query.run(events)
            #expect(same)
        }
    }

    @Test func changesAreWrittenOnTopOfTheWholeFileUntilTheyPassAQuarterOfIt() throws {
        let (store, importer, dir) = try layeredStore(steps: 1)
        defer { TestFixtures.remove(dir) }
        let wholePath = dir + "/" + StateCheckpoint.relativePath
        let changesPath = dir + "/" + StateChanges.relativePath
        let whole = try TestFixtures.bytes(wholePath)
        #expect(!FileManager.default.fileExists(atPath: changesPath), "a first import writes the whole file")

        // An import that changes nothing: the changes file only moves the stamp on.
        _ = try StateCheckpointTests().importStep(importer, files[1])
        #expect(try TestFixtures.bytes(wholePath) == whole, "the whole file is left as it was")
        #expect(StateCheckpoint.read(directory: dir)?.layers?.changed == [])
        #expect(FileManager.default.fileExists(atPath: changesPath))
        try expectEveryReaderSeesTheFold(store, dir)

        // Six agreements change and Maribor is added: exactly their places are written.
        let outcome = try StateCheckpointTests().importStep(importer, files[2])
        #expect(try TestFixtures.bytes(wholePath) == whole)
        let read = try #require(StateCheckpoint.read(directory: dir))
        let named = Set(outcome[0].events.compactMap(\.agreement)).compactMap { read.state.position(of: $0) }.sorted()
        #expect(read.layers == StateCheckpoint.Layers(base: read.layers!.base, baseCount: 78, changed: named))
        #expect(named == [4, 20, 25, 27, 62, 64, 78])
        #expect(try TestFixtures.bytes(changesPath).count < whole.count / 4)
        try expectEveryReaderSeesTheFold(store, dir)

        // The Polish list's agreements would pass a quarter of the 79: the whole file is written again.
        _ = try importer.importFiles([TestFixtures.sample("polish", "2026-04-02.tsv")], source: "polish",
                                     asOf: PartialDate("2026-04-02"))
        #expect(try TestFixtures.bytes(wholePath) != whole)
        #expect(!FileManager.default.fileExists(atPath: changesPath))
        let rewritten = try #require(StateCheckpoint.read(directory: dir))
        #expect(rewritten.layers == StateCheckpoint.Layers(base: try #require(VerifiedCheckpoint.read(directory: dir)),
                                                           baseCount: rewritten.state.agreements.count, changed: []))
        #expect(rewritten.state.agreements.count > 79 + 20)
        try expectEveryReaderSeesTheFold(store, dir)

        // And the next import writes changes on top of that file.
        _ = try StateCheckpointTests().importStep(importer, files[3])
        #expect(FileManager.default.fileExists(atPath: changesPath))
        try expectEveryReaderSeesTheFold(store, dir)
        #expect(store.verify().ok)
    }

    @Test func smallCheckpointsAreAlwaysWrittenWhole() throws {
        let (store, dir) = try StateCheckpointTests().importedStore(steps: 2)
        defer { TestFixtures.remove(dir) }
        #expect(store.smallestLayeredCheckpoint > 78)
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + StateChanges.relativePath))
        #expect(StateCheckpoint.read(directory: dir)?.layers?.changed == [])
    }

    @Test func changesThatDoNotFitTheWholeFileChangeNothingButSpeed() throws {
        let (store, importer, dir) = try layeredStore(steps: 3)
        defer { TestFixtures.remove(dir) }
        let wholePath = dir + "/" + StateCheckpoint.relativePath
        let changesPath = dir + "/" + StateChanges.relativePath
        let changes = try TestFixtures.bytes(changesPath)
        let folded = LedgerState(events: try store.readCommitted())

        // Damaged: the checksum refuses them; the whole file alone covers fewer lines, so the rest is folded.
        var damaged = changes
        damaged[damaged.count / 2] ^= 0x20
        StoreFixtures.write(damaged, to: changesPath)
        #expect(StateCheckpoint.read(directory: dir)?.layers?.changed == [])
        try expectEveryReaderSeesTheFold(store, dir, current: false)

        // A writer working from the whole file alone appends exactly what one working from the log does, and
        // what one working from the changes does.
        // (The first list again, later: what the third import changed is changed back.)
        func firstListAgain() throws -> [ImportOutcome] {
            try importer.importFiles([TestFixtures.sample("bosnian", files[0])], source: "bosnian",
                                     asOf: PartialDate("2025-03-01"), dryRun: true)
        }
        let fromWhole = try firstListAgain()
        StoreFixtures.write(changes, to: changesPath)
        let fromChanges = try firstListAgain()
        try FileManager.default.removeItem(atPath: wholePath)
        let fromLog = try firstListAgain()
        #expect(fromWhole.map(\.events) == fromLog.map(\.events))
        #expect(fromChanges.map(\.events) == fromLog.map(\.events))
        #expect(fromLog.first?.events.count ?? 0 > 1)

        // Made on another whole file: a writer with nothing to append writes the whole file again (the log was
        // folded on top of nothing) and removes the changes; put back, they name the old whole file and are ignored.
        _ = try store.transaction { _ in nil }
        #expect(!FileManager.default.fileExists(atPath: changesPath))
        StoreFixtures.write(changes, to: changesPath)
        let read = try #require(StateCheckpoint.read(directory: dir))
        #expect(read.layers?.changed == [])
        #expect(read.state == folded)
        try expectEveryReaderSeesTheFold(store, dir)
    }
}

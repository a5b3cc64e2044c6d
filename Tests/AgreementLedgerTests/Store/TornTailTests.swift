import Foundation
import Testing
@testable import AgreementLedger

/// A batch cut off by a crash is moved to `rejected/` by the next writer, never by a reader.
@Suite struct TornTailTests {
    /// The lines a batch would get if appended after `committed`, as the store would write them.
    private func chainedLines(_ batch: [LedgerEvent], after committed: [LedgerEvent]) -> [UInt8] {
        var prev = committed.last?.hash ?? LedgerEvent.genesisHash
        var text = ""
        for (offset, var event) in batch.enumerated() {
            event.seq = committed.count + offset + 1
            event.prev = prev
            event.hash = event.computedHash()
            prev = event.hash
            text += event.canonicalLine + "\n"
        }
        return Array(text.utf8)
    }

    private func checkRecovery(torn: (_ next: [UInt8]) -> [UInt8], expectedName: String, lines: Int) throws {
        try StoreFixtures.withStore { store throws in
            store.walkChunkSize = 2
            _ = try store.transaction { _ in StoreFixtures.batch("imp-1", events: 2) }
            let committed = try store.readCommitted()
            let before = StoreFixtures.bytes(store.logPath)
            let tail = torn(chainedLines(StoreFixtures.batch("imp-2", events: 3), after: committed))
            StoreFixtures.append(tail, to: store.logPath)

            // Readers ignore the tail and leave the file alone.
            #expect(try store.readCommitted() == committed)
            #expect(StoreFixtures.bytes(store.logPath) == before + tail)
            let report = store.verify()
            #expect(!report.ok)
            #expect(report.firstBadLine == 4)
            #expect(report.eventCount == 3)
            #expect(StoreFixtures.bytes(store.logPath) == before + tail)

            // The next writer moves it aside and appends after the committed part.
            let written = try store.transaction { state in
                #expect(state == LedgerState(events: committed))
                return StoreFixtures.batch("imp-3", events: 1)
            }
            #expect(written.map(\.seq) == [4, 5])
            #expect(store.recoveredBatches.count == 1)
            let recovered = try #require(store.recoveredBatches.first)
            let digest = SHA256.hex(of: SHA256.digest(tail)).prefix(16)
            #expect(recovered.path == store.directory + "/rejected/\(expectedName)-\(digest).jsonl")
            #expect(recovered.byteCount == tail.count)
            #expect(recovered.lineCount == lines)
            #expect(StoreFixtures.bytes(recovered.path) == tail)
            let after = StoreFixtures.bytes(store.logPath)
            #expect(Array(after.prefix(before.count)) == before)
            #expect(after.count > before.count)
            #expect(store.verify().ok)
            #expect(try store.readCommitted().count == 5)
        }
    }

    @Test func halfALineIsMovedAside() throws {
        try checkRecovery(torn: { next in Array(next.prefix(150)) }, expectedName: "torn-partial", lines: 1)
    }

    @Test func wholeLinesWithoutImportedAreMovedAside() throws {
        try checkRecovery(torn: { next in
            let newlines = next.indices.filter { next[$0] == 0x0A }
            return Array(next[...newlines[1]])
        }, expectedName: "torn-4", lines: 2)
    }

    @Test func wholeLinesAndAPartialOneAreMovedAside() throws {
        try checkRecovery(torn: { next in
            let newlines = next.indices.filter { next[$0] == 0x0A }
            return Array(next[...(newlines[2] + 20)])
        }, expectedName: "torn-4", lines: 4)
    }

    @Test func theWholeBatchButItsLastNewlineIsMovedAside() throws {
        try checkRecovery(torn: { next in Array(next.dropLast()) }, expectedName: "torn-4", lines: 4)
    }

    @Test func aTornFirstBatchLeavesAnEmptyLog() throws {
        try StoreFixtures.withStore { store throws in
            let tail = Array(chainedLines(StoreFixtures.batch("imp-1", events: 2), after: []).dropLast(9))
            StoreFixtures.write(tail, to: store.logPath)
            #expect(try store.readCommitted().isEmpty)
            _ = try store.transaction { state in
                #expect(state == LedgerState())
                return nil
            }
            #expect(StoreFixtures.bytes(store.logPath).isEmpty)
            #expect(store.recoveredBatches.map(\.lineCount) == [3])
            #expect(store.verify().ok)
        }
    }
}

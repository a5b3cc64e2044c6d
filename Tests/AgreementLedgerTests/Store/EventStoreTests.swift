import Foundation
import Testing
@testable import AgreementLedger

@Suite struct EventStoreTests {
    @Test func appendsTwoBatchesAndReadsThemBack() throws {
        try StoreFixtures.withStore { store throws in
            let first = try store.transaction { committed in
                #expect(committed == LedgerState())
                return StoreFixtures.batch("imp-1", events: 3)
            }
            let second = try store.transaction { committed in
                #expect(committed == LedgerState(events: first))
                return StoreFixtures.batch("imp-2", events: 2)
            }
            let events = try store.readCommitted()
            #expect(events == first + second)
            #expect(events.map(\.seq) == Array(1...7))
            var prev = LedgerEvent.genesisHash
            for event in events {
                #expect(event.prev == prev)
                #expect(event.hash == event.computedHash())
                prev = event.hash
            }
            #expect(events[3].formatVersion == LedgerEvent.currentFormatVersion)
            let expected = events.map { $0.canonicalLine + "\n" }.joined()
            #expect(StoreFixtures.bytes(store.logPath) == Array(expected.utf8))
            let report = store.verify()
            #expect(report == VerificationReport(ok: true, lineCount: 7, eventCount: 7, importCount: 2))
            #expect(store.recoveredBatches.isEmpty)
        }
    }

    @Test func anEmptyBatchAppendsNothing() throws {
        try StoreFixtures.withStore { store throws in
            #expect(try store.transaction { _ in nil }.isEmpty)
            #expect(try store.transaction { _ in [] }.isEmpty)
            #expect(StoreFixtures.bytes(store.logPath).isEmpty)
            #expect(store.verify().ok)
        }
    }

    @Test func emptyAndMissingLogsVerifyWithNoEvents() throws {
        try StoreFixtures.withStore { store throws in
            #expect(store.verify() == VerificationReport(ok: true, lineCount: 0, eventCount: 0, importCount: 0))
            #expect(try store.readCommitted().isEmpty)
            StoreFixtures.write([], to: store.logPath)
            #expect(store.verify() == VerificationReport(ok: true, lineCount: 0, eventCount: 0, importCount: 0))
            #expect(try store.readCommitted().isEmpty)
        }
    }

    @Test func openingAMissingStoreWithoutCreateFails() throws {
        let path = StoreFixtures.temporaryStorePath()
        #expect(throws: StoreError.missingStore(directory: path)) { try EventStore(directory: path, create: false) }
        let nested = path + "/a/b"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try EventStore(directory: nested, create: true)
        #expect(store.logPath == nested + "/events.jsonl")
        _ = try EventStore(directory: nested, create: false)
    }

    @Test func batchMustEndWithItsOnlyImportedEvent() throws {
        try StoreFixtures.withStore { store throws in
            _ = try store.transaction { _ in StoreFixtures.batch("imp-1", events: 1) }
            let before = StoreFixtures.bytes(store.logPath)
            let noImported = Array(StoreFixtures.batch("imp-2", events: 2).dropLast())
            #expect { try store.transaction { _ in noImported } } throws: { error in
                guard case StoreError.invalidBatch(_, let reason)? = error as? StoreError else { return false }
                return reason.contains("must end with")
            }
            let twoImported = [StoreFixtures.imported("imp-2")] + StoreFixtures.batch("imp-2", events: 1)
            #expect { try store.transaction { _ in twoImported } } throws: { error in
                guard case StoreError.invalidBatch(_, let reason)? = error as? StoreError else { return false }
                return reason.contains("event 1 of 3")
            }
            let future = StoreFixtures.batch("imp-3", events: 0).map { event -> LedgerEvent in
                var event = event
                event.formatVersion = LedgerEvent.currentFormatVersion + 1
                return event
            }
            #expect(throws: StoreError.self) { try store.transaction { _ in future } }
            #expect(StoreFixtures.bytes(store.logPath) == before)
        }
    }

    @Test func aThrowingBodyWritesNothing() throws {
        struct Boom: Error {}
        try StoreFixtures.withStore { store throws in
            #expect(throws: Boom.self) { try store.transaction { _ in throw Boom() } }
            #expect(StoreFixtures.bytes(store.logPath).isEmpty)
        }
    }

    @Test func aLogFromANewerLedgerIsRefused() throws {
        try StoreFixtures.withStore { store throws in
            _ = try store.transaction { _ in StoreFixtures.batch("imp-1", events: 1) }
            // Hand-write a correctly chained batch in format 2.
            let committed = try store.readCommitted()
            var future = StoreFixtures.batch("imp-2", events: 1)
            future[1].formatVersion = LedgerEvent.currentFormatVersion + 1
            var prev = committed.last!.hash
            var text = ""
            for index in future.indices {
                future[index].seq = committed.count + index + 1
                future[index].prev = prev
                future[index].hash = future[index].computedHash()
                prev = future[index].hash
                text += future[index].canonicalLine + "\n"
            }
            StoreFixtures.append(Array(text.utf8), to: store.logPath)
            let before = StoreFixtures.bytes(store.logPath)
            let expected = StoreError.newerFormat(log: store.logPath, line: 4, version: 2)
            #expect(throws: expected) { try store.readCommitted() }
            #expect(throws: expected) { try store.transaction { _ in StoreFixtures.batch("imp-3", events: 1) } }
            #expect(expected.description.contains("events.jsonl line 4: the log was written by a newer ledger (format 2)"))
            let report = store.verify()
            #expect(!report.ok)
            #expect(report.firstBadLine == 4)
            #expect(report.problem == "the log was written by a newer ledger (format 2)")
            #expect(StoreFixtures.bytes(store.logPath) == before)
        }
    }

    @Test func aBatchWrittenInPiecesIsTheSameBytesAndFailsWhole() throws {
        let batch = StoreFixtures.batch("imp-1", events: 12)
        var whole: [UInt8] = []
        try StoreFixtures.withStore { store throws in
            _ = try store.transaction { _ in batch }
            whole = StoreFixtures.bytes(store.logPath)
        }
        try StoreFixtures.withStore { store throws in
            store.appendPieceSize = 700
            store.appendWindowSize = 5
            var writes = 0
            // The third piece fails: the two already written are cut off again.
            store.appendWrite = { fd, bytes, count in
                writes += 1
                if writes == 3 { errno = EIO; return -1 }
                return write(fd, bytes, count)
            }
            #expect(throws: StoreError.self) { try store.transaction { _ in batch } }
            #expect(writes == 3)
            #expect(StoreFixtures.bytes(store.logPath).isEmpty)
            store.appendWrite = { fd, bytes, count in
                writes += 1
                return write(fd, bytes, count)
            }
            _ = try store.transaction { _ in batch }
            #expect(writes > 6, "several pieces")
            #expect(StoreFixtures.bytes(store.logPath) == whole)
            #expect(store.verify().ok)
            #expect(try store.readState() == LedgerState(events: try store.readCommitted()))
        }
    }

    @Test func aFailedWriteIsCutBackToThePreviousLength() throws {
        try StoreFixtures.withStore { store throws in
            _ = try store.transaction { _ in StoreFixtures.batch("imp-1", events: 2) }
            let before = StoreFixtures.bytes(store.logPath)
            // The disk fills up half-way through the batch.
            store.appendWrite = { fd, bytes, count in
                _ = write(fd, bytes, count / 2)
                errno = ENOSPC
                return -1
            }
            #expect { try store.transaction { _ in StoreFixtures.batch("imp-2", events: 3) } } throws: { error in
                guard case StoreError.writeFailed(_, let reason, true)? = error as? StoreError else { return false }
                return reason.contains("space")
            }
            #expect(StoreFixtures.bytes(store.logPath) == before)
            // A short write is a failure too.
            store.appendWrite = { fd, bytes, count in write(fd, bytes, count - 5) }
            #expect(throws: StoreError.self) { try store.transaction { _ in StoreFixtures.batch("imp-2", events: 3) } }
            #expect(StoreFixtures.bytes(store.logPath) == before)
            #expect(store.verify().ok)
            store.appendWrite = { fd, bytes, count in write(fd, bytes, count) }
            let written = try store.transaction { _ in StoreFixtures.batch("imp-2", events: 3) }
            #expect(written.first?.seq == 4)
            #expect(store.verify().ok)
        }
    }

    @Test func errorsNameTheLogAndTheLine() {
        let bad = StoreError.badLine(log: "Ledger/events.jsonl", line: 42,
                                     problem: "hash does not match the line's content (was the line edited?)")
        #expect(bad.description == "Ledger/events.jsonl line 42: hash does not match the line's content (was the line edited?)")
        let refused = StoreError.writeRefused(log: "Ledger/events.jsonl", line: 3, problem: "not valid JSON")
        #expect(refused.description.hasPrefix("Ledger/events.jsonl line 3: not valid JSON"))
        #expect(refused.description.contains("run `ledger verify` to see the fault; the log is never repaired automatically"))
        for error in [bad, refused] { #expect(!error.description.contains("\n")) }
    }
}

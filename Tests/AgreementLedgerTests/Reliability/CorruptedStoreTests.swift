import Foundation
import Testing
@testable import AgreementLedger

/// Every kind of damage the reliability issue lists, injected into a real two-batch log: `verify` names the
/// first bad line and the fault exactly, a writer refuses to append (saying how to inspect the log), and
/// nothing rewrites, moves or deletes a committed line. (`TamperDetectionTests` covers every byte and line
/// position; this suite pins the exact answers.)
@Suite struct CorruptedStoreTests {
    /// A store with two batches written by the store itself: lines 1-4 (import 1), 5-7 (import 2).
    private func withTwoBatches(_ body: (EventStore, [[UInt8]]) throws -> Void) throws {
        try StoreFixtures.withStore { store throws in
            _ = try store.transaction { _ in StoreFixtures.batch("imp-1", events: 3) }
            _ = try store.transaction { _ in StoreFixtures.batch("imp-2", events: 2) }
            let lines = StoreFixtures.lines(store.logPath)
            #expect(lines.count == 7)
            try body(store, lines)
        }
    }

    /// Writes `damaged` as the log, then checks verify's answer and that a writer refuses and changes nothing.
    private func expectDamage(_ store: EventStore, _ damaged: [UInt8], line: Int, problem: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        StoreFixtures.write(damaged, to: store.logPath)
        let report = store.verify()
        #expect(!report.ok, sourceLocation: sourceLocation)
        #expect(report.firstBadLine == line, sourceLocation: sourceLocation)
        #expect(report.problem == problem, sourceLocation: sourceLocation)
        var ran = false
        #expect(sourceLocation: sourceLocation) {
            try store.transaction { _ in
                ran = true
                return StoreFixtures.batch("imp-3", events: 1)
            }
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            switch error {
            case .writeRefused(_, let at, _), .badLine(_, let at, _), .newerFormat(_, let at, _):
                return at == line && error.description.contains("run `ledger verify` to see the fault")
                    || error.description.contains("newer ledger")
            default: return false
            }
        }
        #expect(!ran, sourceLocation: sourceLocation)
        #expect(StoreFixtures.bytes(store.logPath) == damaged, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: store.directory + "/rejected"), sourceLocation: sourceLocation)
    }

    private func joined(_ lines: [[UInt8]]) -> [UInt8] { lines.flatMap { $0 + [0x0A] } }

    @Test func aTruncatedLastLineIsMissingCommittedLinesNotATornWrite() throws {
        try withTwoBatches { store, lines in
            let whole = joined(lines)
            let cut = Array(whole.dropLast(40))
            let committed = joined(Array(lines[..<4])).count
            expectDamage(store, cut, line: 5, problem: "committed lines are missing: the log's complete batches "
                + "end after line 4 (byte \(committed)), but 7 lines (\(whole.count) bytes) were committed, as "
                + "cache/verified records (a truncated log? if it was replaced on purpose, delete cache/verified)")
        }
    }

    @Test func aLastBatchCutOffAtALineEndIsDetectedToo() throws {
        try withTwoBatches { store, lines in
            // Whole lines gone: the hash chain alone cannot see this; the writers' checkpoint can.
            let whole = joined(lines)
            let cut = joined(Array(lines[..<4]))
            expectDamage(store, cut, line: 5, problem: "committed lines are missing: the log's complete batches "
                + "end after line 4 (byte \(cut.count)), but 7 lines (\(whole.count) bytes) were committed, as "
                + "cache/verified records (a truncated log? if it was replaced on purpose, delete cache/verified)")
        }
    }

    @Test func anEmptiedLogIsDetected() throws {
        try withTwoBatches { store, lines in
            expectDamage(store, [], line: 1, problem: "committed lines are missing: the log's complete batches "
                + "end after line 0 (byte 0), but 7 lines (\(joined(lines).count) bytes) were committed, as "
                + "cache/verified records (a truncated log? if it was replaced on purpose, delete cache/verified)")
        }
    }

    @Test func withoutTheCheckpointATruncatedLastBatchIsMovedAsideNotDeleted() throws {
        try withTwoBatches { store, lines in
            // The checkpoint is derived data and may be gone; then a cut-off last batch cannot be told from a
            // torn write. Its bytes are still kept, in rejected/, and verify said so before.
            try FileManager.default.removeItem(atPath: store.directory + "/cache")
            let cut = Array(joined(lines).dropLast(40))
            StoreFixtures.write(cut, to: store.logPath)
            let report = store.verify()
            #expect(report.firstBadLine == 5)
            #expect(report.problem == "the log ends with an unfinished batch (3 line(s) without a closing "
                + "\"imported\" event, cut off by a crash?); the next import moves them to rejected/")
            _ = try store.transaction { _ in nil }
            let moved = try #require(store.recoveredBatches.first)
            #expect(StoreFixtures.bytes(moved.path) == Array(cut[joined(Array(lines[..<4])).count...]))
            #expect(StoreFixtures.bytes(store.logPath) == joined(Array(lines[..<4])))
        }
    }

    @Test func anEditedLine() throws {
        try withTwoBatches { store, lines in
            var edited = lines
            let text = String(decoding: lines[2], as: UTF8.self)
            edited[2] = Array(text.replacingOccurrences(of: "REF/2", with: "REF/9").utf8)
            #expect(edited[2].count == lines[2].count && edited[2] != lines[2])
            expectDamage(store, joined(edited), line: 3,
                         problem: "hash does not match the line's content (was the line edited?)")
        }
    }

    @Test func aDeletedLine() throws {
        try withTwoBatches { store, lines in
            var edited = lines
            edited.remove(at: 2)
            expectDamage(store, joined(edited), line: 3,
                         problem: "seq is 4 where 3 belongs (a line was deleted, duplicated or moved?)")
        }
    }

    @Test func aDuplicatedLine() throws {
        try withTwoBatches { store, lines in
            var edited = lines
            edited.insert(lines[5], at: 5)
            expectDamage(store, joined(edited), line: 7,
                         problem: "seq is 6 where 7 belongs (a line was deleted, duplicated or moved?)")
        }
    }

    @Test func swappedLines() throws {
        try withTwoBatches { store, lines in
            var edited = lines
            edited.swapAt(1, 2)
            expectDamage(store, joined(edited), line: 2,
                         problem: "seq is 3 where 2 belongs (a line was deleted, duplicated or moved?)")
        }
    }

    @Test func aWrongPrevWithARecomputedHash() throws {
        try withTwoBatches { store, lines in
            var event = try LedgerEvent(json: try JSONParser.parse(lines[5]))
            event.prev = String(repeating: "0", count: 64)
            event.hash = event.computedHash()
            var edited = lines
            edited[5] = Array(event.canonicalLine.utf8)
            expectDamage(store, joined(edited), line: 6, problem:
                "prev does not match the hash of line 5 (a line was deleted, inserted or moved?)")
        }
    }

    @Test func garbageAppendedAsALine() throws {
        try withTwoBatches { store, lines in
            let damaged = joined(lines) + Array("garbage\n".utf8)
            StoreFixtures.write(damaged, to: store.logPath)
            let problem = try #require(store.verify().problem)
            #expect(problem.hasPrefix("not valid JSON ("))
            expectDamage(store, damaged, line: 8, problem: problem)
        }
    }

    @Test func garbageAppendedWithoutANewline() throws {
        try withTwoBatches { store, lines in
            expectDamage(store, joined(lines) + Array("garbage".utf8), line: 8,
                         problem: "the log ends with bytes that cannot start an event line (garbage appended?)")
            expectDamage(store, joined(lines) + [0x00, 0x7B], line: 8,
                         problem: "the log ends with bytes that cannot start an event line (garbage appended?)")
        }
    }

    @Test func aLogOfAnotherFormatVersion() throws {
        try withTwoBatches { store, lines in
            var json = try JSONParser.parse(lines[3]).objectValue!
            json["formatVersion"] = .int(9)
            var event = try LedgerEvent(json: .object(json))
            event.hash = event.computedHash()
            var edited = lines
            edited[3] = Array(event.canonicalLine.utf8)
            expectDamage(store, joined(edited), line: 4, problem: "the log was written by a newer ledger (format 9)")
        }
    }

    @Test func aDeletedLogIsDetected() throws {
        try withTwoBatches { store, lines in
            try FileManager.default.removeItem(atPath: store.logPath)
            let report = store.verify()
            #expect(report.firstBadLine == 1)
            #expect(report.problem?.hasPrefix("committed lines are missing: the log's complete batches end after line 0 (byte 0), but 7 lines") == true)
            #expect(throws: StoreError.self) { try store.transaction { _ in StoreFixtures.batch("imp-3", events: 1) } }
            #expect(StoreFixtures.bytes(store.logPath).isEmpty)
        }
    }

    @Test func anEmptyFileInANewStoreIsAnEmptyLog() throws {
        try StoreFixtures.withStore { store throws in
            StoreFixtures.write([], to: store.logPath)
            #expect(store.verify() == VerificationReport(ok: true, lineCount: 0, eventCount: 0, importCount: 0))
            let written = try store.transaction { _ in StoreFixtures.batch("imp-1", events: 1) }
            #expect(written.map(\.seq) == [1, 2])
            #expect(store.verify().ok)
        }
    }

    @Test func verifyWaitsForAWriterInsteadOfReportingItsBatchAsTorn() throws {
        try withTwoBatches { store, lines in
            // Hold the writers' lock with half a batch on disk, as an append in progress looks to a reader.
            let directory = store.directory, log = store.logPath
            let full = joined(lines), torn = Array(lines[0].prefix(30))
            let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
            let done = DispatchSemaphore(value: 0)
            let box = ReportBox()
            Thread {
                let writer = try? EventStore(directory: directory, create: false)
                _ = try? writer?.transaction { _ in
                    StoreFixtures.append(torn, to: log)
                    started.signal()
                    release.wait()
                    // Leave the log as it was: the torn bytes go, nothing is appended.
                    StoreFixtures.write(full, to: log)
                    return nil
                }
            }.start()
            started.wait()
            Thread {
                box.report = (try? EventStore(directory: directory, create: false))?.verify()
                done.signal()
            }.start()
            #expect(done.wait(timeout: .now() + 0.3) == .timedOut)
            release.signal()
            done.wait()
            #expect(box.report?.ok == true)
            #expect(box.report?.eventCount == 7)
        }
    }

    final class ReportBox: @unchecked Sendable {
        var report: VerificationReport?
    }
}

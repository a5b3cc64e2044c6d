import Foundation
import Testing
@testable import AgreementLedger

/// Any edit to the log must make `verify` fail at the edited line or before it, and make writers refuse.
@Suite struct TamperDetectionTests {
    /// A store holding two batches (7 lines), its lines, and the body to run; run twice: walking the log
    /// in one chunk and in chunks of two lines (the parallel path and its chunk boundaries).
    private func withTwoBatches(_ body: (EventStore, [[UInt8]]) throws -> Void) throws {
        for chunkSize in [LogVerifier.defaultChunkSize, 2] {
            try StoreFixtures.withStore { store throws in
                store.walkChunkSize = chunkSize
                _ = try store.transaction { _ in StoreFixtures.batch("imp-1", events: 3) }
                _ = try store.transaction { _ in StoreFixtures.batch("imp-2", events: 2) }
                try body(store, StoreFixtures.lines(store.logPath))
            }
        }
    }

    @Test func aRehashedLineWithAnUnknownFieldIsDetected() throws {
        try withTwoBatches { store, lines in
            // Add a field the ledger does not know, keep the line canonical, re-chain everything after it.
            var json = try JSONParser.parse(lines[1]).objectValue!
            json["zzz"] = .int(1)
            json["hash"] = nil
            json["hash"] = .string(SHA256.hex(JSONWriter.canonical(.object(json))))
            var edited = lines
            edited[1] = Array(JSONWriter.canonical(.object(json)).utf8)
            StoreFixtures.write(lines: edited, to: store.logPath)
            let report = store.verify()
            #expect(report.firstBadLine == 2)
            #expect(report.problem?.contains("does not know") == true)
        }
    }

    @Test func editingAnyCharacterOfAnyLineIsDetected() throws {
        try withTwoBatches { store, lines in
            #expect(lines.count == 7)
            for (index, line) in lines.enumerated() {
                // Every 5th byte, with a digit, a letter or a space in turn (whichever differs).
                for position in stride(from: index % 5, to: line.count, by: 5) {
                    let candidate = [UInt8(ascii: "0"), UInt8(ascii: "x"), UInt8(ascii: " ")][(position / 5) % 3]
                    let replacement = candidate == line[position] ? UInt8(ascii: "y") : candidate
                    var edited = lines
                    edited[index][position] = replacement
                    StoreFixtures.write(lines: edited, to: store.logPath)
                    let report = store.verify()
                    #expect(!report.ok, "line \(index + 1) byte \(position)")
                    #expect((report.firstBadLine ?? .max) <= index + 1, "line \(index + 1) byte \(position)")
                }
            }
        }
    }

    @Test func theLastCharacterOfEachLineIsCoveredToo() throws {
        try withTwoBatches { store, lines in
            for (index, line) in lines.enumerated() {
                var edited = lines
                edited[index][line.count - 1] = UInt8(ascii: " ")
                StoreFixtures.write(lines: edited, to: store.logPath)
                let report = store.verify()
                #expect(!report.ok)
                #expect((report.firstBadLine ?? .max) <= index + 1)
            }
        }
    }

    @Test func deletingDuplicatingOrSwappingLinesIsDetected() throws {
        try withTwoBatches { store, lines in
            for index in lines.indices {
                var deleted = lines
                deleted.remove(at: index)
                StoreFixtures.write(lines: deleted, to: store.logPath)
                #expect(!store.verify().ok, "deleting line \(index + 1)")

                var duplicated = lines
                duplicated.insert(lines[index], at: index)
                StoreFixtures.write(lines: duplicated, to: store.logPath)
                #expect(!store.verify().ok, "duplicating line \(index + 1)")

                if index + 1 < lines.count {
                    var swapped = lines
                    swapped.swapAt(index, index + 1)
                    StoreFixtures.write(lines: swapped, to: store.logPath)
                    let report = store.verify()
                    #expect(!report.ok, "swapping lines \(index + 1) and \(index + 2)")
                    #expect(report.firstBadLine == index + 1)
                }
            }
        }
    }

    @Test func aWrongPrevIsDetectedEvenWithAMatchingHash() throws {
        try withTwoBatches { store, lines in
            var event = try LedgerEvent(json: try JSONParser.parse(lines[2]))
            event.prev = String(repeating: "ab", count: 32)
            event.hash = event.computedHash()
            var edited = lines
            edited[2] = Array(event.canonicalLine.utf8)
            StoreFixtures.write(lines: edited, to: store.logPath)
            let report = store.verify()
            #expect(!report.ok)
            #expect(report.firstBadLine == 3)
            #expect(report.problem?.contains("prev does not match the hash of line 2") == true)
            #expect(throws: StoreError.badLine(log: store.logPath, line: 3, problem: report.problem!)) {
                try store.readCommitted()
            }
        }
    }

    @Test func anEditedHashOrReformattedLineIsDetected() throws {
        try withTwoBatches { store, lines in
            // Same content, but a space after a colon: not canonical.
            var edited = lines
            let text = String(decoding: lines[1], as: UTF8.self).replacingOccurrences(of: "\"seq\":2", with: "\"seq\": 2")
            edited[1] = Array(text.utf8)
            StoreFixtures.write(lines: edited, to: store.logPath)
            var report = store.verify()
            #expect(report.firstBadLine == 2)
            #expect(report.problem?.contains("canonical") == true)

            // Content changed and the hash recomputed, but the next line's prev no longer links.
            var event = try LedgerEvent(json: try JSONParser.parse(lines[1]))
            event.partner = "Someone else"
            event.hash = event.computedHash()
            edited = lines
            edited[1] = Array(event.canonicalLine.utf8)
            StoreFixtures.write(lines: edited, to: store.logPath)
            report = store.verify()
            #expect(report.firstBadLine == 3)

            // Content changed, hash left alone.
            event.hash = try LedgerEvent(json: try JSONParser.parse(lines[1])).hash
            edited[1] = Array(event.canonicalLine.utf8)
            StoreFixtures.write(lines: edited, to: store.logPath)
            report = store.verify()
            #expect(report.firstBadLine == 2)
            #expect(report.problem == "hash does not match the line's content (was the line edited?)")
        }
    }

    @Test func aWriterRefusesADamagedLogAndLeavesItAlone() throws {
        try withTwoBatches { store, lines in
            var edited = lines
            edited[4][10] = UInt8(ascii: "#")
            StoreFixtures.write(lines: edited, to: store.logPath)
            let before = StoreFixtures.bytes(store.logPath)
            var ran = false
            #expect {
                try store.transaction { _ in
                    ran = true
                    return StoreFixtures.batch("imp-3", events: 1)
                }
            } throws: { error in
                guard let error = error as? StoreError, case .writeRefused(_, 5, _) = error else { return false }
                return error.description.contains("events.jsonl line 5: ")
                    && error.description.contains("the log is never repaired automatically")
            }
            #expect(!ran)
            #expect(StoreFixtures.bytes(store.logPath) == before)
            #expect(store.recoveredBatches.isEmpty)
        }
    }

    @Test func aGarbageLineAfterTheLastBatchIsDamageNotATornWrite() throws {
        try withTwoBatches { store, lines in
            StoreFixtures.write(lines: lines + [Array("not json".utf8)], to: store.logPath)
            let before = StoreFixtures.bytes(store.logPath)
            #expect(throws: StoreError.self) { try store.transaction { _ in StoreFixtures.batch("imp-3", events: 1) } }
            #expect(throws: StoreError.self) { try store.readCommitted() }
            let report = store.verify()
            #expect(report.firstBadLine == 8)
            #expect(report.problem?.contains("not valid JSON") == true)
            #expect(StoreFixtures.bytes(store.logPath) == before)
            #expect(!FileManager.default.fileExists(atPath: store.directory + "/rejected"))
        }
    }
}

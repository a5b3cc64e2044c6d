import Foundation
import Testing
@testable import AgreementLedger

/// `verify` of a big log reads it window by window; on every kind of damage it must report exactly what
/// the whole-file walk reports.
@Suite struct LogWindowsTests {
    func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }

    func joined(_ lines: [[UInt8]]) -> [UInt8] {
        lines.flatMap { $0 + [0x0A] }
    }

    @Test func windowedVerifyReportsWhatTheWholeWalkReports() throws {
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        for file in ["2024-01-15.tsv", "2024-07-01.tsv", "2025-01-10.tsv"] {
            _ = try importer.importFiles([TestFixtures.sample("bosnian", file)], source: "bosnian",
                                         asOf: PartialDate(String(file.prefix(10))))
        }
        let original = StoreFixtures.bytes(store.logPath)
        let ls = lines(original)
        #expect(ls.count > 90)
        var edited = ls
        edited[40][30] ^= 0x01
        var swapped = ls
        swapped.swapAt(20, 21)
        var deleted = ls
        deleted.remove(at: 50)
        var duplicated = ls
        duplicated.insert(ls[60], at: 61)
        let variants: [(String, [UInt8])] = [
            ("intact", original),
            ("edited", joined(edited)),
            ("swapped", joined(swapped)),
            ("deleted", joined(deleted)),
            ("duplicated", joined(duplicated)),
            ("cut mid-line", Array(original.dropLast(40))),
            ("last batch unfinished", joined(Array(ls.dropLast()))),
            ("garbage line", original + Array("garbage\n".utf8)),
            ("garbage bytes", original + Array("xyz".utf8)),
        ]
        for (name, bytes) in variants {
            StoreFixtures.write(bytes, to: store.logPath)
            store.wholeLogLimit = LogWindows.wholeFileLimit
            let whole = store.verify()
            store.wholeLogLimit = 0
            for window in [300, 2_000, 4_096, 50_000] {
                store.logWindowSize = window
                #expect(store.verify() == whole, "\(name), windows of \(window)")
            }
            #expect(whole.ok == (name == "intact"), "\(name): \(whole)")
        }
        // The windowed path was taken: the end window finds the last batch.
        StoreFixtures.write(original, to: store.logPath)
        let fd = open(store.logPath, O_RDONLY)
        defer { close(fd) }
        let tail = try #require(try LogWindows.tail(fd: fd, path: store.logPath, size: original.count, windowSize: 4_096))
        #expect(tail.committedEnd == original.count)
        let (walk, count) = try LogWindows.walk(fd: fd, path: store.logPath, from: 0, to: original.count, firstSeq: 1,
                                                previousHash: LedgerEvent.genesisHash, full: true, chunkSize: 8,
                                                windowSize: 2_000) { _ in }
        #expect(walk.fault == nil && walk.validCount == ls.count && count == ls.count)
    }

    @Test func windowedReadsGiveTheWholeReads() throws {
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        for (source, files) in [("bosnian", ["2024-01-15.tsv", "2024-07-01.tsv", "2025-01-10.tsv"]),
                                ("english", ["2022-01-17.tsv", "2023-01-16.tsv"])] {
            for file in files {
                _ = try importer.importFiles([TestFixtures.sample(source, file)], source: source,
                                             asOf: PartialDate(String(file.prefix(10))))
            }
        }
        let events = try store.readCommitted()
        store.wholeLogLimit = 0
        // Windows shorter than a line (each read grows the buffer) and longer ones.
        store.logWindowSize = 300
        #expect(try store.readCommitted() == events)
        store.logWindowSize = 3_000
        #expect(try store.readCommitted() == events)
        for source in [nil, "bosnian", "english"] {
            for until in [nil, "2022-06-30", "2024-01-15", "2024-12-31"].map({ $0.flatMap { PartialDate($0) } }) {
                let folded = LedgerState(events: events, source: source, until: until)
                #expect(try store.readState(source: source, until: until).ordered(source: source) == folded.ordered(source: source),
                        "\(source ?? "all") \(until?.description ?? "now")")
            }
        }
    }
}

import Foundation
import Testing
@testable import AgreementLedger

/// `cache/history` must give exactly the history a scan of the log gives, and whenever it does not match
/// the log (missing, behind, damaged, or the log edited under it) the answer must still be the scan's.
@Suite struct HistoryIndexTests {
    /// Queries of every kind: names, pieces of names, a name an agreement had only before a spelling fix,
    /// diacritics, ids, nothing, and what matches nothing.
    func queries(_ events: [LedgerEvent]) -> [String] {
        let amended = events.first { $0.type == .amended }?.agreement ?? ""
        let expired = events.first { $0.type == .expired || $0.type == .closed }?.agreement ?? ""
        return ["Mariboru", "univerzitet", "Medimursko", "zagreb", "Łódź", "of", "a", amended, expired,
                "no such partner", ""] + renamedTo(events).prefix(1)
    }

    /// Names agreements took only after their first event (a spelling fix): found by them, their earlier
    /// lines must come too.
    func renamedTo(_ events: [LedgerEvent]) -> [String] {
        events.compactMap { e in
            guard let change = e.changes?["partner"], let from = change.from.stringValue, let to = change.to.stringValue,
                  !CellText.contains(PartnerName.folded(from), PartnerName.folded(to)) else { return nil }
            return to
        }
    }

    /// Each query answered through the store equals the answer over all events; whether the index was used.
    func expectSameHistories(_ store: EventStore, indexed: Bool, _ comment: Comment? = nil) throws {
        let all = try store.readCommitted()
        for query in queries(all) {
            let expected = HistoryQuery(query: query).run(all)
            let answer = try HistoryQuery(query: query).run(store: store)
            #expect(answer.agreements == expected.agreements, "\(query) \(comment?.rawValue ?? "")")
            #expect(answer.events == expected.events, "\(query) \(comment?.rawValue ?? "")")
            let folded = Array(PartnerName.folded(query).utf8)
            let viaIndex = try HistoryIndex.events(directory: store.directory, logPath: store.logPath,
                                                   id: Array(query.utf8), needle: folded)
            #expect((viaIndex != nil) == indexed, "\(query) \(comment?.rawValue ?? "")")
        }
    }

    func indexPath(_ store: EventStore) -> String { store.directory + "/" + HistoryIndex.relativePath }

    func logEnd(_ store: EventStore) throws -> (lines: Int, bytes: Int) {
        (try store.readCommitted().count, StoreFixtures.bytes(store.logPath).count)
    }

    @Test func everyImportAddsASegmentAndHistoryReadsThroughIt() throws {
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        let end = try logEnd(store)
        let current = try #require(HistoryIndex.current(directory: dir))
        #expect(current.lines == end.lines && current.bytes == end.bytes)
        // The segments point into the file's bytes: read while those are held.
        let index = StoreFixtures.bytes(indexPath(store))
        var named = 0, unnamed = 0, signedUnnamed = 0
        index.withUnsafeBufferPointer { bytes in
            let segments = HistoryIndex.segments(bytes).segments
            #expect(segments.count == 12)
            // Names are written where a line brings one: every `signed` line, not the renewals that repeat it.
            for var segment in segments {
                for _ in 0..<segment.count {
                    let entry = HistoryIndex.nextEntry(&segment)
                    if entry.name.isEmpty { unnamed += 1 } else { named += 1 }
                    if entry.signed && entry.name.isEmpty { signedUnnamed += 1 }
                }
                #expect(segment.entries.isAtEnd)
            }
        }
        let all = try store.readCommitted()
        #expect(named + unnamed == all.filter { $0.agreement != nil }.count)
        #expect(named >= all.filter { $0.type == .signed }.count && unnamed > 0 && signedUnnamed == 0)
        try expectSameHistories(store, indexed: true)
        #expect(try HistoryQuery(query: "Medimursko").run(store: store).agreements.count == 1)
        let renamed = try #require(renamedTo(try store.readCommitted()).first)
        let history = try HistoryQuery(query: renamed).run(store: store)
        #expect(history.events.first?.type == .signed && history.events.first?.partner != renamed)
    }

    @Test func anIndexBehindTheLogIsCompletedByTheLinesAfterIt() throws {
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        var behind: [UInt8] = []
        for (n, file) in ["2024-01-15.tsv", "2024-07-01.tsv", "2025-01-10.tsv", "2025-06-02.csv"].enumerated() {
            _ = try importer.importFiles([TestFixtures.sample("bosnian", file)], source: "bosnian",
                                         asOf: PartialDate(String(file.prefix(10))))
            if n == 1 { behind = StoreFixtures.bytes(indexPath(store)) }
        }
        try expectSameHistories(store, indexed: true, "current")
        let whole = StoreFixtures.bytes(indexPath(store))

        // Two imports behind: the lines after it are scanned.
        StoreFixtures.write(behind, to: indexPath(store))
        try expectSameHistories(store, indexed: true, "behind")
        // Its last segment damaged: the segments before it are used, the rest scanned.
        var damaged = whole
        damaged[damaged.count - 3] ^= 0x01
        StoreFixtures.write(damaged, to: indexPath(store))
        #expect(HistoryIndex.current(directory: dir) == nil)
        try expectSameHistories(store, indexed: true, "damaged")
        // Its first segment damaged, or no index at all: the log is scanned.
        damaged = whole
        damaged[30] ^= 0x01
        StoreFixtures.write(damaged, to: indexPath(store))
        try expectSameHistories(store, indexed: false, "first segment damaged")
        try FileManager.default.removeItem(atPath: indexPath(store))
        try expectSameHistories(store, indexed: false, "missing")

        // The next writer, even with nothing to append, rebuilds it to the log's end.
        _ = try store.transaction { _ in nil }
        let end = try logEnd(store)
        let rebuilt = try #require(HistoryIndex.current(directory: dir))
        #expect(rebuilt.lines == end.lines && rebuilt.bytes == end.bytes)
        try expectSameHistories(store, indexed: true, "rebuilt")
        // A writer appending after a damaged index rebuilds it too, rather than adding to it.
        StoreFixtures.write(damaged, to: indexPath(store))
        _ = try importer.importFiles([TestFixtures.sample("bosnian", "2025-06-02.csv")], source: "other",
                                     asOf: PartialDate("2025-07-01"))
        let after = try logEnd(store)
        let appended = try #require(HistoryIndex.current(directory: dir))
        #expect(appended.lines == after.lines && appended.bytes == after.bytes)
        try expectSameHistories(store, indexed: true, "after a rebuild and an append")
    }

    @Test func aRebuildInAnySegmentSizeReadsTheSame() throws {
        let (store, dir) = try TestFixtures.samplesStore(["bosnian", "polish"])
        defer { TestFixtures.remove(dir) }
        let end = try logEnd(store)
        let stamp = try #require(VerifiedCheckpoint.read(directory: dir))
        #expect(stamp.lines == end.lines)
        for size in [1, 2, 7, 100, 1_000_000] {
            HistoryIndex.rebuild(directory: dir, logPath: store.logPath, committed: stamp, segmentLines: size)
            let segments = StoreFixtures.bytes(indexPath(store)).withUnsafeBufferPointer { HistoryIndex.segments($0).segments }
            #expect(segments.count == (end.lines + size - 1) / size, "segments of \(size) lines")
            try expectSameHistories(store, indexed: true, "segments of \(size) lines")
        }
    }

    private struct Entry: Equatable {
        var id: String, name: String, signed: Bool, seq: Int, offset: Int, length: Int
    }

    /// The entries as the index holds them, segment boundaries aside.
    private func entries(_ store: EventStore) -> [Entry] {
        // The segments point into the file's bytes: read while those are held.
        StoreFixtures.bytes(indexPath(store)).withUnsafeBufferPointer { bytes in
            var out: [Entry] = []
            for var segment in HistoryIndex.segments(bytes).segments {
                for _ in 0..<segment.count {
                    let e = HistoryIndex.nextEntry(&segment)
                    out.append(Entry(id: String(decoding: e.id, as: UTF8.self), name: String(decoding: e.name, as: UTF8.self),
                                     signed: e.signed, seq: e.seq, offset: e.offset, length: e.length))
                }
            }
            return out
        }
    }

    @Test func entriesAppendedByImportsAreThoseARebuildWritesFromTheLog() throws {
        // Imports fold each name into bytes; a rebuild folds the name it reads from the line into a string.
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        let appended = entries(store)
        #expect(appended.count > 500)
        #expect(appended.contains { $0.name.hasPrefix("sveuciliste") })
        let stamp = try #require(VerifiedCheckpoint.read(directory: dir))
        HistoryIndex.rebuild(directory: dir, logPath: store.logPath, committed: stamp)
        let rebuilt = entries(store)
        #expect(rebuilt.count == appended.count)
        var named = 0
        for (a, r) in zip(appended, rebuilt) {
            // An import names only the lines that bring a name; a rebuild names every line.
            var expected = r
            if a.name.isEmpty { expected.name = "" } else { named += 1 }
            #expect(a == expected)
        }
        #expect(named > 300)
    }

    @Test func anEditedLineIsNeverReadThroughTheIndex() throws {
        let (store, dir) = try TestFixtures.samplesStore(["bosnian"])
        defer { TestFixtures.remove(dir) }
        // A partner's name changed inside the log, keeping the line's length: the line's hash no longer holds.
        var log = StoreFixtures.bytes(store.logPath)
        let needle = Array("Univerzitet".utf8)
        let at = try #require((0...(log.count - needle.count)).first { Array(log[$0..<($0 + needle.count)]) == needle })
        log[at + 1] = UInt8(ascii: "N")
        StoreFixtures.write(log, to: store.logPath)
        let all = try store.readCommitted()
        let edited = try #require(all.first { ($0.partner ?? "").contains("UNiverzitet") })
        let viaIndex = try HistoryIndex.events(directory: dir, logPath: store.logPath, id: Array(edited.agreement!.utf8),
                                               needle: [])
        #expect(viaIndex == nil)
        let answer = try HistoryQuery(query: edited.agreement!).run(store: store)
        #expect(answer.events == HistoryQuery(query: edited.agreement!).run(all).events)
        #expect(answer.events.contains { $0.partner == edited.partner })
    }

    @Test func aLogReplacedUnderTheIndexIsNotReadThroughIt() throws {
        let (store, dir) = try TestFixtures.samplesStore(["bosnian"])
        defer { TestFixtures.remove(dir) }
        let index = StoreFixtures.bytes(indexPath(store))
        let (other, otherDir) = try TestFixtures.samplesStore(["polish"])
        defer { TestFixtures.remove(otherDir) }
        StoreFixtures.write(index, to: indexPath(other))
        try expectSameHistories(other, indexed: false)
    }
}

/// A damaged index file, whatever the damage, is read without a crash, and whatever it gives is the scan's answer.
@Suite struct DamagedHistoryIndexTests {
    @Test func anyDamageGivesTheScansAnswerOrNone() throws {
        let (store, dir) = try TestFixtures.samplesStore(["bosnian"])
        defer { TestFixtures.remove(dir) }
        let path = dir + "/" + HistoryIndex.relativePath
        let whole = StoreFixtures.bytes(path)
        let all = try store.readCommitted()
        let query = "univerzitet"
        let expected = HistoryQuery(query: query).run(all)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var used = 0
        for round in 0..<300 {
            var damaged = whole
            switch round % 3 {
            case 0: damaged[next(damaged.count)] ^= UInt8(1 + next(255))
            case 1: damaged = Array(damaged.prefix(next(damaged.count)))
            default:
                // A length field or a whole run of bytes set to 0xFF: sizes and counts beyond the file.
                let at = next(max(1, damaged.count - 8))
                for i in at..<min(at + 8, damaged.count) { damaged[i] = 0xFF }
            }
            StoreFixtures.write(damaged, to: path)
            let viaIndex = try HistoryIndex.events(directory: dir, logPath: store.logPath, id: Array(query.utf8),
                                                   needle: Array(PartnerName.folded(query).utf8))
            if let events = viaIndex {
                used += 1
                let answer = HistoryQuery(query: query).run(events)
                #expect(answer.agreements == expected.agreements, "round \(round)")
                #expect(answer.events == expected.events, "round \(round)")
            }
            #expect(try HistoryQuery(query: query).run(store: store).events == expected.events)
        }
        #expect(used > 0)
    }
}

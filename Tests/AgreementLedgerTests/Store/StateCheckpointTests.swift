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

    /// Whole blocks are summed on their own (on all cores) and folded in order: the value must not depend on
    /// where the pieces fed in begin and end, and must still see one changed byte anywhere and blocks swapped.
    @Test func checksumBlocksAreSummedAlikeInAnyChunking() {
        let block = PrefixChecksum.blockSize
        let size = 2 * block + 12_345
        // No period: every block differs from the others.
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<size).map { _ -> UInt8 in
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            return UInt8(truncatingIfNeeded: seed)
        }
        bytes.withUnsafeBufferPointer { all in
            let whole = PrefixChecksum.of(all, count: size)
            func fed(_ cuts: [Int]) -> PrefixChecksum.Accumulator {
                var acc = PrefixChecksum.Accumulator()
                var from = 0
                for cut in cuts + [size] {
                    acc.add(UnsafeBufferPointer(rebasing: all[from..<cut]))
                    from = cut
                }
                return acc
            }
            // Large pieces that straddle the block ends, and small ones of 7 bytes across the first end.
            for cuts in [Array(stride(from: 999_983, to: size, by: 999_983)), [block + 1], [block - 1, block, block + 32],
                         Array(stride(from: block - 49, to: block + 50, by: 7))] {
                let acc = fed(cuts)
                #expect(acc.value == whole, "cut at \(cuts.prefix(3))")
                #expect(acc.count == size)
            }
            // Rounds of one block, each summed range handed on in order, without a gap.
            var ranges: [Range<Int>] = []
            let rounds = PrefixChecksum.accumulate(UnsafeRawBufferPointer(all), roundSize: block) { ranges.append($0) }
            #expect(rounds.value == whole)
            #expect(ranges == [0..<block, block..<(2 * block), (2 * block)..<size])
            // Continuing after the parallel part is continuing the sum.
            var continued = PrefixChecksum.accumulate(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(all)[..<(2 * block)]))
            continued.add(UnsafeBufferPointer(rebasing: all[(2 * block)...]))
            #expect(continued.value == whole)
        }
        var copy = bytes
        for at in [0, 31, 32, block - 1, block, block + 8, 2 * block, size - 1] {
            copy[at] ^= 0x40
            #expect(copy.withUnsafeBufferPointer { PrefixChecksum.of($0, count: size) } != bytes.withUnsafeBufferPointer { PrefixChecksum.of($0, count: size) },
                    "byte \(at)")
            copy[at] ^= 0x40
        }
        let swapped = Array(bytes[block..<(2 * block)]) + Array(bytes[..<block]) + Array(bytes[(2 * block)...])
        #expect(swapped.withUnsafeBufferPointer { PrefixChecksum.of($0, count: size) }
                    != bytes.withUnsafeBufferPointer { PrefixChecksum.of($0, count: size) })
    }

    @Test func aFileIsSummedTheSameMappedOrRead() throws {
        // Over 16 MB, so the mapping is summed (and handed back) in more than one piece.
        let bytes = (0..<(17 << 20) + 13).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        let path = dir + "/bytes"
        StoreFixtures.write(bytes, to: path)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        try #require(fd >= 0)
        bytes.withUnsafeBufferPointer { all in
            for count in [0, 1, 4095, 4096, 4097, 1 << 24, (1 << 24) + 1, (17 << 20) + 3, bytes.count] {
                let mapped = PrefixChecksum.accumulate(fd: fd, count: count)
                let read = PrefixChecksum.read(fd: fd, count: count)
                #expect(mapped?.value == PrefixChecksum.of(all, count: count), "\(count)")
                #expect(read?.value == mapped?.value && mapped?.count == count, "\(count)")
            }
        }
        // More than the file holds: none.
        #expect(PrefixChecksum.accumulate(fd: fd, count: bytes.count + 1) == nil)
        #expect(PrefixChecksum.read(fd: fd, count: bytes.count + 1) == nil)
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
        // The checking pass runs from the payload's start to its end without a gap; so does the decoding pass,
        // from the first agreement on.
        let checkEnd = try #require(ranges.firstIndex { $0.upperBound == bytes.count - 8 })
        let checked = ranges[...checkEnd], read = ranges[(checkEnd + 1)...]
        #expect(zip(checked, checked.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(checked.first.map { bytes[$0.lowerBound - 1] } == 0x0A, "the payload starts after the header line")
        #expect(zip(read, read.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(read.last?.upperBound == bytes.count - 8)
        // The mapped file gives the same state.
        let file = try #require(MappedFile(path: dir + "/" + StateCheckpoint.relativePath))
        #expect(Array(file.bytes) == bytes)
        file.release(0..<file.bytes.count)
        #expect(Array(file.bytes) == bytes, "released pages are read from the file again")
        #expect(MappedFile(path: dir + "/no-such-file") == nil)
    }

    /// A state big enough for many pieces and rounds (encoded and decoded on all cores): it reads back as it
    /// was, its bytes are each agreement's encoding in ledger order, and equal long strings share storage.
    /// A state of no agreements (a ledger whose only import was an empty list) reads back as it was written.
    @Test func anEmptyStateIsEncodedAndDecoded() throws {
        let state = LedgerState(agreements: [], lastImport: [:], importCount: 1, lastSeq: 1)
        let stamp = VerifiedCheckpoint(lines: 1, bytes: 321, checksum: 0x5, hash: String(repeating: "a", count: 64))
        let bytes = StateCheckpoint(stamp: stamp, state: state).encode()
        let decoded = try #require(bytes.withUnsafeBufferPointer { StateCheckpoint.decode($0) })
        #expect(decoded.stamp == stamp && decoded.state == state && decoded.state.agreements.isEmpty)
    }

    @Test func aBigStateIsEncodedAndDecodedPieceByPiece() throws {
        let count = 40_000
        let cities = ["Sarajevo", "Kraków", "Almaty and its metropolitan area", "Banja Luka, Republika Srpska"]
        let agreements = (0..<count).map { n -> AgreementState in
            var record = AgreementRecord(partner: "Université nº\(n) \"quoted\"", row: n + 2,
                                         extra: ExtraCells([ExtraCells.Cell(header: "Initiating department of the faculty", value: "Dept \(n % 7)")]))
            record.city = cities[n % cities.count]
            record.country = n % 3 == 0 ? nil : "Bosnia and Herzegovina"
            record.signed = PartialDate(year: 2000 + n % 25, month: 1 + n % 12, day: 1 + n % 28)
            record.status = n % 5 == 0 ? .closed : nil
            return AgreementState(id: String(format: "%012x", n * 7919), source: n % 2 == 0 ? "default" : "krakow",
                                  record: record, state: n % 4 == 0 ? .expired : .active, firstSeq: 2 * n + 1,
                                  lastRecorded: PartialDate(year: 2025, month: 1, day: 1)!)
        }
        let state = LedgerState(agreements: agreements, lastImport: [:], importCount: 3, lastSeq: 2 * count + 5)
        let stamp = VerifiedCheckpoint(lines: 2 * count + 5, bytes: 123_456, checksum: 0xABC, hash: String(repeating: "7", count: 64))
        let bytes = StateCheckpoint(stamp: stamp, state: state).encode()
        // The agreements' bytes: each one's encoding, in order.
        var each = BinaryWriter()
        for a in agreements { StateCheckpoint.encode(a, into: &each) }
        #expect(Array(bytes[(bytes.count - 8 - each.bytes.count)..<(bytes.count - 8)]) == each.bytes)
        let decoded = try #require(bytes.withUnsafeBufferPointer { StateCheckpoint.decode($0) })
        #expect(decoded.stamp == stamp)
        #expect(decoded.state == state)
        // Interned: the long city of every fourth agreement is one storage per piece of a batch, not one per agreement.
        let long = decoded.state.agreements.compactMap(\.record.city).filter { $0.utf8.count > 15 }
        let storages = Set(long.map { city -> UInt in
            var city = city
            return city.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        })
        #expect(long.count == count / 2 && storages.count <= 2 * 8 * 3, "\(storages.count) storages")
        // A byte after the last agreement, sealed with a valid checksum: refused once two whole batches have
        // been made in place, and what was made is let go with the array.
        let headerEnd = try #require(bytes.indices.filter { bytes[$0] == 0x0A }.dropFirst().first)
        let payload = Array(bytes[(headerEnd + 1)..<(bytes.count - 8)]) + [0]
        var sum = payload.withUnsafeBufferPointer { PrefixChecksum.of($0, count: $0.count) }.littleEndian
        let damaged = Array(bytes[...headerEnd]) + payload + withUnsafeBytes(of: &sum) { Array($0) }
        #expect(damaged.withUnsafeBufferPointer { StateCheckpoint.decode($0) } == nil)
    }

    /// A checkpoint whose agreements do not end exactly at its end (bytes a writer of ours never leaves, sealed
    /// with a valid checksum) is refused, and its last batch never handed on, whatever the batch size.
    @Test func agreementsThatDoNotEndTheFileAreRefused() throws {
        let (store, dir) = try importedStore()
        defer { TestFixtures.remove(dir) }
        let bytes = try #require(StateCheckpoint.read(directory: dir)).encode()
        let agreements = try store.readState().agreements.count
        let headerEnd = try #require(bytes.indices.filter { bytes[$0] == 0x0A }.dropFirst().first)
        let payload = Array(bytes[(headerEnd + 1)..<(bytes.count - 8)])
        func sealed(_ payload: [UInt8]) -> [UInt8] {
            var sum = payload.withUnsafeBufferPointer { PrefixChecksum.of($0, count: $0.count) }.littleEndian
            return Array(bytes[...headerEnd]) + payload + withUnsafeBytes(of: &sum) { Array($0) }
        }
        for size in [1, 7, agreements, agreements + 1] {
            let whole = sealed(payload)
            #expect(whole == bytes)
            for (damaged, what) in [(sealed(payload + [0]), "a byte after the last"), (sealed(payload.dropLast()), "the last cut short")] {
                var handed = 0
                let read = damaged.withUnsafeBufferPointer { buffer -> Bool in
                    guard var checked = StateCheckpoint.Checked(buffer) else { return true }
                    return checked.forEachBatch(size: size) { entries, readAhead in
                        readAhead()
                        handed += entries.count
                    }
                }
                #expect(!read, "\(what), batches of \(size)")
                #expect(handed < agreements && handed >= (agreements - 1) / size * size - size, "\(what), batches of \(size)")
            }
            var handed = 0
            let read = whole.withUnsafeBufferPointer { buffer -> Bool in
                var checked = StateCheckpoint.Checked(buffer)!
                return checked.forEachBatch(size: size) { entries, _ in handed += entries.count }
            }
            #expect(read && handed == agreements, "batches of \(size)")
        }
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
        let shared = try #require(StateCheckpoint.read(directory: dir, sharing: { HeldStrings(Array(held)) }))
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

    /// Caches of an older format (a checksum summed another way) are set aside and written again by the next
    /// import, even one that appends nothing.
    @Test func cachesOfAnOlderFormatAreRewrittenByTheNextImport() throws {
        let (store, dir) = try importedStore(steps: 2)
        defer { TestFixtures.remove(dir) }
        let verifiedPath = dir + "/" + VerifiedCheckpoint.relativePath
        let current = try #require(VerifiedCheckpoint.read(directory: dir))
        let folded = try store.readState()
        let old = "v2 \(current.lines) \(current.bytes) \(String(current.checksum ^ 1, radix: 16)) \(current.hash)\n"
        StoreFixtures.write(Array(old.utf8), to: verifiedPath)
        var state = try TestFixtures.bytes(dir + "/" + StateCheckpoint.relativePath)
        state[Array("ledger-state v".utf8).count] = UInt8(ascii: "2")
        StoreFixtures.write(state, to: dir + "/" + StateCheckpoint.relativePath)
        #expect(VerifiedCheckpoint.read(directory: dir) == nil)
        #expect(StateCheckpoint.read(directory: dir) == nil)
        #expect(try store.readState() == folded)

        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        let again = try importStep(importer, "2024-07-01.tsv")
        #expect(again.allSatisfy { $0.events.isEmpty }, "the same snapshot again appends nothing")
        #expect(VerifiedCheckpoint.read(directory: dir) == current)
        #expect(StateCheckpoint.read(directory: dir)?.state == folded)
        #expect(StateCheckpoint.read(directory: dir)?.stamp == current)
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

/// `status` of the present streams the agreements from the checkpoint, one at a time; whenever the checkpoint
/// cannot be used, the same agreements come from the fold of the log.
@Suite struct StreamedStateTests {
    func streamed(_ store: EventStore) throws -> (agreements: [AgreementState], fromCheckpoint: Bool) {
        var agreements: [AgreementState] = []
        let fromCheckpoint = try store.streamCheckpoint { agreements.append($0) }
        if !fromCheckpoint {
            #expect(agreements.isEmpty)
            try store.forEachAgreement { agreements.append($0) }
        }
        var viaStore: [AgreementState] = []
        try store.forEachAgreement { viaStore.append($0) }
        #expect(viaStore == agreements)
        return (agreements, fromCheckpoint)
    }

    @Test func aCurrentCheckpointIsStreamedAndAnyOtherFolded() throws {
        let tests = StateCheckpointTests()
        let (store, dir) = try tests.importedStore(steps: 1)
        defer { TestFixtures.remove(dir) }
        let path = dir + "/" + StateCheckpoint.relativePath
        let first = try TestFixtures.bytes(path)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        _ = try tests.importStep(importer, "2024-07-01.tsv")
        let folded = LedgerState(events: try store.readCommitted())
        #expect(folded.agreements.count > 50)

        let current = try streamed(store)
        #expect(current.fromCheckpoint)
        #expect(current.agreements == folded.agreements)

        // Stale: lines were committed after it; those are folded on top, so nothing is streamed.
        StoreFixtures.write(first, to: path)
        let stale = try streamed(store)
        #expect(!stale.fromCheckpoint)
        #expect(stale.agreements == folded.agreements)

        // Damaged, or of the first format (which did not promise ledger order): ignored.
        // A writer with nothing to append brings the checkpoint up to date again.
        _ = try store.transaction { _ in nil }
        let good = try TestFixtures.bytes(path)
        #expect(try streamed(store).fromCheckpoint)
        var damaged = good
        damaged[damaged.count / 2] ^= 0x01
        StoreFixtures.write(damaged, to: path)
        #expect(try !streamed(store).fromCheckpoint)
        var older = good
        older[Array("ledger-state v".utf8).count] = UInt8(ascii: "1")
        StoreFixtures.write(older, to: path)
        #expect(try !streamed(store).fromCheckpoint)
        #expect(try streamed(store).agreements == folded.agreements)

        // A torn, never committed tail after the covered lines does not stop the stream.
        StoreFixtures.write(good, to: path)
        var log = StoreFixtures.bytes(store.logPath)
        log += Array(#"{"agreement":"x"#.utf8)
        StoreFixtures.write(log, to: store.logPath)
        let torn = try streamed(store)
        #expect(torn.fromCheckpoint)
        #expect(torn.agreements == folded.agreements)
    }

    @Test func streamedStatusIsTheStatusOfTheFold() throws {
        let (store, dir) = try StateCheckpointTests().importedStore()
        defer { TestFixtures.remove(dir) }
        let events = try store.readCommitted()
        let queries = [StatusQuery(), StatusQuery(source: "bosnian"), StatusQuery(source: "other"),
                       StatusQuery(state: .closed), StatusQuery(inForce: PartialDate("2024-06-01")),
                       StatusQuery(at: PartialDate("2024-08-01"))]
        for query in queries {
            let expected = query.run(events)
            var listed: [AgreementState] = []
            try query.forEach(in: store) { listed.append($0) }
            #expect(listed == expected)
            var whole: [[UInt8]] = []
            query.writeJSON(expected) { whole.append(Array($0)) }
            for batchSize in [1, 2, 3, 7, 8192] {
                var pieces: [[UInt8]] = []
                try query.writeJSON(from: { (body: (AgreementState) -> Void) throws(StoreError) in try query.forEach(in: store, body) },
                                    batchSize: batchSize) { pieces.append(Array($0)) }
                #expect(Array(pieces.joined()) == Array(whole.joined()), "batches of \(batchSize)")
            }
            var csv = ""
            try CSVWriter.writeStatus(from: { (body: (AgreementState) -> Void) throws(StoreError) in try query.forEach(in: store, body) }) { csv += $0 }
            #expect(csv == CSVWriter.status(expected))
        }
        #expect(StatusQuery(state: .closed).run(events).count > 0)
    }
}

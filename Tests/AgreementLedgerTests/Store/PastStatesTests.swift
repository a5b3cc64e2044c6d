import Foundation
import Testing
@testable import AgreementLedger

/// `cache/past` and `status --at` from it: the present taken back must be exactly the fold of the log to
/// the day, for every day, source and filter, and anything amiss with the file must fall back to the fold.
@Suite struct PastStatesTests {
    /// Every import date of the four samples (four sources, their dates interleaved out of log order), the
    /// days either side, and days before and after all of them.
    func days(_ events: [LedgerEvent]) -> [PartialDate] {
        var days: Set<PartialDate> = [PartialDate("1999-01-01")!, PartialDate("2099-12-31")!]
        for e in events where e.type == .imported {
            for n in [-1, 0, 1] { days.insert(shifted(e.recorded, by: n)) }
        }
        return days.sorted()
    }

    func shifted(_ day: PartialDate, by days: Int) -> PartialDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        let c = calendar.dateComponents([.year, .month, .day], from: date.addingTimeInterval(Double(days) * 86_400))
        return PartialDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    func queries(at day: PartialDate) -> [StatusQuery] {
        [StatusQuery(at: day), StatusQuery(source: "bosnian", at: day), StatusQuery(source: "polish", at: day),
         StatusQuery(at: day, state: .expired), StatusQuery(at: day, state: .closed), StatusQuery(at: day, state: .active),
         StatusQuery(at: day, inForce: PartialDate("2025-03-01"))]
    }

    /// Whether `status --at day` can be served from the caches.
    func takenBack(_ store: EventStore, _ day: PartialDate) throws -> Bool {
        try store.forEachCheckpointBatch(size: 8192, at: day) { _, _ in }
    }

    /// `status --at` through the store equals the fold for each day (every `sparse`-th one) and query; the
    /// JSON text too, for the unfiltered list and one source (in batches of 7, so batches cut the list).
    func expectStatusAtIsTheFold(_ store: EventStore, viaCache: Bool, sparse: Int = 1, _ comment: Comment = "") throws {
        let events = try store.readCommitted()
        for (n, day) in days(events).enumerated() where n % sparse == 0 {
            #expect(try takenBack(store, day) == viaCache, "\(day) \(comment)")
            for (k, query) in queries(at: day).enumerated() {
                let expected = query.run(events)
                var listed: [AgreementState] = []
                try query.forEach(in: store) { listed.append($0) }
                #expect(listed == expected, "\(day) \(query) \(comment)")
                guard k < 2 else { continue }
                var whole: [[UInt8]] = []
                query.writeJSON(expected) { whole.append(Array($0)) }
                var pieces: [[UInt8]] = []
                try query.writeJSON(in: store, batchSize: 7) { pieces.append(Array($0)) }
                #expect(Array(pieces.joined()) == Array(whole.joined()), "\(day) \(query) \(comment)")
            }
        }
    }

    @Test func statusOnAnyDayIsTheFoldOfTheLogToIt() throws {
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        let events = try store.readCommitted()
        // The samples' lists change between imports, so the days do list different agreements.
        let counts = Set(days(events).map { StatusQuery(at: $0).run(events).count })
        #expect(counts.count >= 8)
        #expect(StatusQuery(at: PartialDate("2099-12-31")!).run(events) == StatusQuery().run(events))
        try expectStatusAtIsTheFold(store, viaCache: true)
    }

    @Test func theFileRebuiltFromTheLogIsTheOneWrittenBatchByBatch() throws {
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        let path = dir + "/" + PastStates.relativePath
        let written = try TestFixtures.bytes(path)
        unlink(path)
        try expectStatusAtIsTheFold(store, viaCache: false, sparse: 5, "missing")
        // A writer with nothing to append rebuilds it.
        _ = try store.transaction { _ in nil }
        #expect(try TestFixtures.bytes(path) == written)
        try expectStatusAtIsTheFold(store, viaCache: true, sparse: 5, "rebuilt")
    }

    @Test func aFileThatDoesNotCoverTheLogIsNotUsed() throws {
        let (store, dir) = try TestFixtures.samplesStore(["bosnian", "english"])
        defer { TestFixtures.remove(dir) }
        let path = dir + "/" + PastStates.relativePath
        let good = try TestFixtures.bytes(path)
        let day = PartialDate("2024-08-01")!

        // Behind the log (its last segment cut off), or damaged anywhere: the fold answers.
        var segments = good.withUnsafeBufferPointer { bytes in
            PastStates.file.segments(bytes).segments.map(\.range)
        }
        #expect(segments.count == 7)
        StoreFixtures.write(Array(good[..<segments.removeLast().lowerBound]), to: path)
        #expect(try !takenBack(store, day))
        try expectStatusAtIsTheFold(store, viaCache: false, sparse: 4, "behind")
        for position in [10, good.count / 3, good.count - 5] {
            var damaged = good
            damaged[position] ^= 0x20
            StoreFixtures.write(damaged, to: path)
            #expect(try !takenBack(store, day), "damaged at \(position)")
            var listed: [AgreementState] = []
            try StatusQuery(at: day).forEach(in: store) { listed.append($0) }
            #expect(listed == StatusQuery(at: day).run(try store.readCommitted()))
        }

        // The next import finds it does not end where the log did and rebuilds it.
        StoreFixtures.write(Array(good[..<segments.last!.lowerBound]), to: path)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        _ = try importer.importFiles([TestFixtures.sample("polish", "2026-04-02.tsv")], source: "polish",
                                     asOf: PartialDate("2026-04-02"))
        #expect(try takenBack(store, day))
        try expectStatusAtIsTheFold(store, viaCache: true, sparse: 4, "rebuilt by an import")

        // A checkpoint stale against the log (lines committed after it) is not taken back from either.
        let state = dir + "/" + StateCheckpoint.relativePath
        let checkpoint = try TestFixtures.bytes(state)
        _ = try importer.importFiles([TestFixtures.sample("polish", "2026-06-03.tsv")], source: "polish",
                                     asOf: PartialDate("2026-06-03"))
        StoreFixtures.write(checkpoint, to: state)
        #expect(try !takenBack(store, day))
        try expectStatusAtIsTheFold(store, viaCache: false, sparse: 4, "stale checkpoint")
    }

    @Test func aBatchThatCannotBeTakenBackExactlySendsEveryDayToTheFold() throws {
        func amendment(_ day: String, _ importID: String) -> [LedgerEvent] {
            [StoreFixtures.amended(n: 0, importID: importID), StoreFixtures.imported(importID)].map { e in
                var e = e
                e.recorded = PartialDate(day)!
                return e
            }
        }
        let days = ["2024-01-01", "2024-03-15", "2024-03-20", "2024-04-01", "2024-05-01", "2024-06-01"].map { PartialDate($0)! }
        func expectTheFold(_ store: EventStore) throws {
            let events = try store.readCommitted()
            for day in days {
                var listed: [AgreementState] = []
                try StatusQuery(at: day).forEach(in: store) { listed.append($0) }
                #expect(listed == StatusQuery(at: day).run(events), "\(day)")
            }
            #expect(Set(days.map { StatusQuery(at: $0).run(events).map(\.record.city) }).count >= 2)
        }
        // Batches as an import writes them: every day is taken back.
        try StoreFixtures.withStore { store in
            _ = try store.transaction { _ in StoreFixtures.batch("imp-1", events: 2) }
            _ = try store.transaction { _ in amendment("2024-05-01", "imp-2") }
            try expectTheFold(store)
            for day in days { #expect(try takenBack(store, day), "\(day)") }
        }
        // A batch whose events carry two days, or one taking an agreement's dates back: no day is.
        try StoreFixtures.withStore { store in
            var first = StoreFixtures.batch("imp-1", events: 2)
            first.insert(amendment("2024-03-20", "imp-1")[0], at: 1)
            _ = try store.transaction { _ in first }
            _ = try store.transaction { _ in amendment("2024-05-01", "imp-2") }
            try expectTheFold(store)
            for day in days { #expect(try !takenBack(store, day), "\(day)") }
        }
        try StoreFixtures.withStore { store in
            _ = try store.transaction { _ in StoreFixtures.batch("imp-1", events: 2) }
            _ = try store.transaction { _ in amendment("2024-05-01", "imp-2") }
            _ = try store.transaction { _ in amendment("2024-04-01", "imp-3") }
            try expectTheFold(store)
            for day in days { #expect(try !takenBack(store, day), "\(day)") }
        }
        // One signing the same id twice (never written so by an import): no day is either.
        try StoreFixtures.withStore { store in
            var twice = StoreFixtures.batch("imp-1", events: 2)
            twice.insert(StoreFixtures.signed(partner: "Université bis", n: 0), at: 1)
            _ = try store.transaction { _ in twice }
            _ = try store.transaction { _ in amendment("2024-05-01", "imp-2") }
            try expectTheFold(store)
            for day in days { #expect(try !takenBack(store, day), "\(day)") }
        }
    }
}

/// `cache/past` damaged inside segments whose checksums still hold (as only a faulty writer or a hand could
/// make them): reading must never trap, and whatever it cannot parse sends `status --at` to the fold.
@Suite struct DamagedPastStatesTests {
    @Test func damageBehindValidChecksumsNeverTraps() throws {
        let (store, dir) = try TestFixtures.samplesStore(["bosnian"])
        defer { TestFixtures.remove(dir) }
        let path = dir + "/" + PastStates.relativePath
        let file = PastStates.file
        let whole = StoreFixtures.bytes(path)
        // Each segment's coverage, count and entries, to be framed again around damaged entries.
        let segments = whole.withUnsafeBufferPointer { bytes in
            file.segments(bytes).segments.map { s in
                (s.coverage, s.count, Array(bytes[(s.payloadStart + s.entries.offset)..<s.range.upperBound]))
            }
        }
        #expect(segments.count == 4)
        let day = PartialDate("2024-03-01")!
        let expected = StatusQuery(at: day).run(try store.readCommitted())
        #expect(!expected.isEmpty)
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var refused = 0, believed = 0
        for round in 0..<240 {
            let victim = next(segments.count)
            unlink(path)
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            for (n, (coverage, count, entries)) in segments.enumerated() {
                var damaged = entries
                if n == victim && !damaged.isEmpty {
                    switch round % 4 {
                    case 0: damaged[next(damaged.count)] ^= UInt8(1 + next(255))
                    case 1: damaged = Array(damaged.prefix(next(damaged.count)))
                    case 2:
                        // Lengths and counts beyond the file.
                        let at = next(damaged.count)
                        for i in at..<min(at + 9, damaged.count) { damaged[i] = 0xFF }
                    default: damaged.insert(UInt8(next(256)), at: next(damaged.count))
                    }
                }
                #expect(file.writeSegment([damaged], count: count, covering: coverage, to: fd))
            }
            close(fd)
            var listed: [AgreementState] = []
            try StatusQuery(at: day).forEach(in: store) { listed.append($0) }
            if try store.forEachCheckpointBatch(size: 8192, at: day, { _, _ in }) { believed += 1 } else {
                refused += 1
                #expect(listed == expected, "round \(round)")
            }
        }
        // Most damage is seen; what is not was a change to a value (a city, a date) the checksum vouched for.
        #expect(refused > 60 && believed > 0, "refused \(refused), believed \(believed)")
    }
}

/// The state checkpoint's agreements written as `status --json` entries straight from their bytes.
@Suite struct CheckpointEntryTests {
    /// `a` encoded as in the checkpoint (the bytes then changed by `transform`) and read in place; the buffer
    /// is left allocated for the test's life, as the entry points into it.
    func entry(_ a: AgreementState, encoded transform: ([UInt8]) -> [UInt8] = { $0 }) -> CheckpointEntry {
        var w = BinaryWriter()
        StateCheckpoint.encode(a, into: &w)
        let bytes = transform(w.bytes)
        let pointer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = pointer.initialize(from: bytes)
        var r = BinaryReader(UnsafeBufferPointer(pointer))
        let e = CheckpointEntry.read(&r)!
        #expect(r.isAtEnd)
        return e
    }

    func json(_ e: CheckpointEntry) -> [UInt8] {
        var out: [UInt8] = []
        e.appendStatusJSON(to: &out, level: 2)
        return out
    }

    func json(_ a: AgreementState) -> [UInt8] {
        var out: [UInt8] = []
        a.appendPrettyJSON(to: &out, level: 2)
        return out
    }

    @Test func everyAgreementOfTheSamplesIsWrittenAsItsDecodedState() throws {
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        let folded = LedgerState(events: try store.readCommitted()).agreements
        var read: [AgreementState] = []
        let streamed = try store.forEachCheckpointBatch(size: 100) { entries, _ in
            for e in entries {
                #expect(e.isPlain)
                #expect(e.escapeFree == (json(e.agreementState) == json(e.agreementState).filter { $0 != UInt8(ascii: "\\") }))
                #expect(json(e) == json(e.agreementState))
                read.append(e.agreementState)
            }
        }
        #expect(streamed)
        #expect(read == folded)
        #expect(read.contains { $0.record.partner.unicodeScalars.contains { !$0.isASCII } })
        #expect(read.contains { !$0.record.extra.isEmpty })
    }

    @Test func stringsThatNeedEscapesOrRepairAreWrittenAsTheDecodedState() throws {
        var a = LedgerState(events: StoreFixtures.batch("imp-1", events: 1)).agreements[0]
        a.record.partner = "Quote \" backslash \\ bell \u{7} Łódź 😀"
        a.record.city = nil
        a.record.extra = ["zeta": "z", "Alpha": "tab\there", "ä": "ü"]
        let plain = entry(a)
        #expect(plain.isPlain && !plain.escapeFree)
        #expect(json(plain) == json(a))
        // Without the quote, backslash and bell: written without a second look, to the same bytes.
        var clean = a
        clean.record.partner = "Łódź 😀"
        clean.record.extra = ["zeta": "z", "Alpha": "here", "ä": "ü"]
        let escapeFree = entry(clean)
        #expect(escapeFree.isPlain && escapeFree.escapeFree)
        #expect(json(escapeFree) == json(clean))
        // NUL is left to the general path (the validator stops at it), with the same result.
        var nul = a
        nul.record.kind = "nul \u{0} here"
        let withNUL = entry(nul)
        #expect(!withNUL.isPlain)
        #expect(json(withNUL) == json(nul))

        // Bytes a writer of ours never leaves: a header out of order, a string that is not UTF-8.
        let unsorted = entry(a) { bytes in
            // "Alpha" renamed in place to "zzzzz" (the same length), which sorts after "zeta" and before "ä".
            var bytes = bytes
            let alpha = Array("Alpha".utf8)
            let at = bytes.indices.first { bytes[$0...].starts(with: alpha) }!
            bytes.replaceSubrange(at..<(at + 5), with: Array("zzzzz".utf8))
            return bytes
        }
        #expect(!unsorted.isPlain)
        #expect(json(unsorted) == json(unsorted.agreementState))
        #expect(unsorted.agreementState.record.extra.map(\.header) == ["zeta", "zzzzz", "ä"])

        let broken = entry(a) { bytes in
            var bytes = bytes
            let ł = Array("Łódź".utf8)
            let at = bytes.indices.first { bytes[$0...].starts(with: ł) }!
            bytes[at] = 0xFF
            return bytes
        }
        #expect(!broken.isPlain)
        #expect(json(broken) == json(broken.agreementState))
        #expect(broken.agreementState.record.partner.contains("\u{FFFD}"))
    }
}

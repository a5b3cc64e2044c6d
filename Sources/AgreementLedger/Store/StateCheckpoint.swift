#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The fold of the log up to a verified line, cached in `cache/state` so that opening a big ledger costs
/// reading its agreements, not decoding every event ever written.
///
/// Stamped with the line count, byte length, prefix checksum and last hash it covers (as
/// `cache/verified`); used only while the log's first `bytes` bytes still have that checksum, and then
/// only the lines after it are read. A stale, damaged or missing file is ignored and the state is
/// folded from the log as before: never needed for correctness. Only writers, after verifying every
/// line it covers in full, write it.
struct StateCheckpoint {
    var stamp: VerifiedCheckpoint
    var state: LedgerState
    /// What the checkpoint was read from (nil for one made from a fold): the next import writes only its
    /// changes on top of the same whole file.
    var layers: Layers? = nil

    /// The whole file a read checkpoint came from, and the places its changes file (`StateChanges`) filled.
    struct Layers: Equatable {
        /// What the whole file covers.
        let base: VerifiedCheckpoint
        /// The whole file's agreements.
        let baseCount: Int
        /// Positions the changes file replaced or added, in order (empty without one).
        let changed: [Int]
    }

    static let relativePath = "cache/state"
    /// Version 2 promises agreements in ledger order (version 1 files, which did not, are ignored and
    /// rewritten by the next import); version 3 states checksums summed in blocks (`PrefixChecksum`), which
    /// older files do not.
    private static let magic = Array("ledger-state v3\n".utf8)

    /// The checkpoint when the file exists, is whole and is well formed (its stamp not yet checked
    /// against the log), with the changes written since (`StateChanges`) on top when they are whole and made
    /// on this very file; otherwise the file alone, which covers fewer lines.
    ///
    /// Partner names equal to one in `sharing()` (asked for only when the file exists) take that string's
    /// storage.
    static func read(directory: String, sharing: () -> HeldStrings = { .none }) -> StateCheckpoint? {
        guard let file = MappedFile(path: EventStore.join(directory, relativePath)) else { return nil }
        let held = sharing()
        guard var (head, agreements) = decodeAgreements(file.bytes, sharing: held, release: file.release) else { return nil }
        let base = head.stamp, baseCount = agreements.count
        var changed: [Int] = []
        if let changes = StateChanges.Mapped(directory: directory, base: base, baseCount: baseCount),
           let positions = changes.apply(to: &agreements, sharing: held) {
            head = changes.head
            changed = positions
        }
        let state = LedgerState(agreements: agreements, lastImport: head.lastImport, importCount: head.importCount,
                                lastSeq: head.lastSeq)
        return StateCheckpoint(stamp: head.stamp, state: state, layers: Layers(base: base, baseCount: baseCount, changed: changed))
    }

    /// The checkpoint file mapped and checked whole, its agreements left to stream (`status`), with the changes
    /// written on top of it when there are (as `read` takes them).
    static func mapped(directory: String) -> (file: MappedFile, checked: Checked)? {
        guard let file = MappedFile(path: EventStore.join(directory, relativePath)),
              var checked = Checked(file.bytes, release: file.release) else { return nil }
        if let changes = StateChanges.Mapped(directory: directory, base: checked.stamp, baseCount: checked.count) {
            checked.adopt(changes)
        }
        return (file, checked)
    }

    /// Writes atomically (a temporary file of this process, then rename), in pieces so a big state is
    /// never encoded whole in memory; a failure only costs a slower open next time.
    /// Changes written on top of an older whole file are let go once this one is in place.
    func write(directory: String) {
        guard StateCheckpoint.writeAtomically(directory: directory, relativePath: StateCheckpoint.relativePath, encode) else { return }
        unlink(EventStore.join(directory, StateChanges.relativePath))
    }

    /// Writes the bytes `encode` hands on to a temporary file of this process, on another thread while the next
    /// piece is made, then renames it to `relativePath`; false (nothing replaced) on any failure.
    static func writeAtomically(directory: String, relativePath: String, _ encode: (_ sink: ([UInt8]) -> Void) -> Void) -> Bool {
        let cache = EventStore.join(directory, "cache")
        try? LogFile.makeDirectory(cache)
        let path = EventStore.join(directory, relativePath)
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let writer = PieceWriter(fd: fd, write: { fd, bytes, count in
            LogFile.writeAll(fd: fd, UnsafeRawBufferPointer(start: bytes, count: count)) ? count : -1
        }, accumulator: nil)
        encode { piece in
            if writer.failure == nil { writer.submit(taking: piece) }
        }
        _ = writer.finish()
        let ok = writer.failure == nil && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// The whole file's bytes (tests; `write` streams the same bytes).
    func encode() -> [UInt8] {
        var bytes: [UInt8] = []
        encode { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Hands the file's bytes to `sink` in pieces of about a megabyte, in order.
    func encode(_ sink: ([UInt8]) -> Void) {
        var header = BinaryWriter()
        header.raw(StateCheckpoint.magic)
        header.raw(Array(stamp.line.utf8))
        sink(header.bytes)
        var w = BinaryWriter()
        Head(of: state, stamp: stamp).write(into: &w)
        w.int(state.agreements.count)
        let agreements = state.agreements
        StateCheckpoint.encodePayload(head: w.bytes, count: agreements.count, sink) { i, w in
            StateCheckpoint.encode(agreements[i], into: &w)
        }
    }

    /// Hands on `head`, then the `count` entries `entry` encodes, then the checksum of all of it. The entries
    /// are encoded on all cores, a round at a time, each round's pieces then summed and handed on in order.
    static func encodePayload(head: [UInt8], count: Int, _ sink: ([UInt8]) -> Void,
                              entry: @escaping @Sendable (Int, inout BinaryWriter) -> Void) {
        var payload = PrefixChecksum.Accumulator()
        head.withUnsafeBufferPointer { payload.add($0) }
        sink(head)
        let round = 8 * agreementsPerPiece
        for start in stride(from: 0, to: count, by: round) {
            let end = min(start + round, count)
            let pieces = ParallelChunks.map(count: end - start, chunkSize: agreementsPerPiece) { range in
                var w = BinaryWriter(capacity: range.count * 320)
                for i in range { entry(start + i, &w) }
                return w.bytes
            }
            for piece in pieces {
                piece.withUnsafeBufferPointer { payload.add($0) }
                sink(piece)
            }
        }
        withUnsafeBytes(of: payload.value.littleEndian) { sink(Array($0)) }
    }

    /// What a checkpoint holds besides its agreements: the fold's counters and each source's last import.
    struct Head {
        let stamp: VerifiedCheckpoint
        let lastSeq: Int
        let importCount: Int
        let lastImport: [String: LedgerEvent]

        init(of state: LedgerState, stamp: VerifiedCheckpoint) {
            (self.stamp, lastSeq, importCount, lastImport) = (stamp, state.lastSeq, state.importCount, state.lastImport)
        }

        /// Reads the head at the reader's place; nil when malformed or not of the fold `stamp` covers.
        init?(_ r: inout BinaryReader, stamp: VerifiedCheckpoint) {
            let lastSeq = r.int(), importCount = r.int(), importsCount = r.int()
            guard !r.failed, importsCount >= 0, lastSeq == stamp.lines else { return nil }
            var lastImport: [String: LedgerEvent] = [:]
            for _ in 0..<importsCount {
                let line = r.raw(count: r.int())
                guard !r.failed, let json = try? JSONParser.parse(line), let event = try? LedgerEvent(json: json) else { return nil }
                lastImport[event.source] = event
            }
            (self.stamp, self.lastSeq, self.importCount, self.lastImport) = (stamp, lastSeq, importCount, lastImport)
        }

        func write(into w: inout BinaryWriter) {
            w.int(lastSeq)
            w.int(importCount)
            w.int(lastImport.count)
            for (_, event) in lastImport.sorted(by: { $0.key < $1.key }) {
                var line: [UInt8] = []
                event.appendCanonicalLine(to: &line)
                w.int(line.count)
                w.raw(line)
            }
        }
    }

    /// Checks a file's magic, reads its stamp lines (as many as `stamps`), and checks the payload after them
    /// against the checksum that ends the file; the stamps and the payload, or nil. `release` is handed each
    /// range of bytes once summed.
    static func sealed(_ bytes: UnsafeBufferPointer<UInt8>, magic: [UInt8], stamps: Int,
                       release: (Range<Int>) -> Void = { _ in }) -> (stamps: [VerifiedCheckpoint], payload: UnsafeBufferPointer<UInt8>, payloadStart: Int)? {
        guard bytes.count > magic.count + 8, bytes.starts(with: magic) else { return nil }
        var found: [VerifiedCheckpoint] = []
        var start = magic.count
        for _ in 0..<stamps {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return nil }
            let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<newline]), as: UTF8.self)
            guard let stamp = VerifiedCheckpoint(text: header) else { return nil }
            found.append(stamp)
            start = newline + 1
        }
        let payloadEnd = bytes.count - 8
        guard start <= payloadEnd else { return nil }
        var stored: UInt64 = 0
        withUnsafeMutableBytes(of: &stored) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[payloadEnd...])) }
        let payload = UnsafeBufferPointer(rebasing: bytes[start..<payloadEnd])
        let checksum = PrefixChecksum.accumulate(UnsafeRawBufferPointer(payload)) { piece in
            release((start + piece.lowerBound)..<(start + piece.upperBound))
        }
        guard checksum.value == UInt64(littleEndian: stored) else { return nil }
        return (found, payload, start)
    }

    /// Agreements encoded (or decoded) together by one thread: about a megabyte of the file.
    private static let agreementsPerPiece = 2048

    /// One agreement, as `CheckpointEntry.read` reads it (also the encoding of `cache/past`).
    static func encode(_ a: AgreementState, into w: inout BinaryWriter) {
        w.string(a.id)
        w.string(a.source)
        w.int(statuses.firstIndex(of: a.state)!)
        w.int(a.firstSeq)
        w.date(a.lastRecorded)
        w.date(a.endedOn)
        let r = a.record
        w.string(r.partner)
        w.optionalString(r.country)
        w.optionalString(r.countryCode)
        w.optionalString(r.city)
        w.date(r.signed)
        w.date(r.validUntil)
        w.bool(r.indefinite)
        w.optionalString(r.term)
        w.int(r.status.map { statuses.firstIndex(of: $0)! + 1 } ?? 0)
        w.optionalString(r.kind)
        w.optionalString(r.reference)
        w.optionalString(r.url)
        w.int(r.row)
        w.int(r.extra.count)
        for cell in r.extra {
            w.string(cell.header)
            w.string(cell.value)
        }
    }

    /// The checkpoint in `bytes` (the whole file alone); `release` is handed each range of bytes once read
    /// (twice over: checked, then decoded), so a mapped file's pages can be given back behind the reader.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, sharing: HeldStrings = .none,
                       release: (Range<Int>) -> Void = { _ in }) -> StateCheckpoint? {
        guard let (head, agreements) = decodeAgreements(bytes, sharing: sharing, release: release) else { return nil }
        let state = LedgerState(agreements: agreements, lastImport: head.lastImport, importCount: head.importCount,
                                lastSeq: head.lastSeq)
        return StateCheckpoint(stamp: head.stamp, state: state)
    }

    /// The file's head and agreements, before the state's index by id is built (changes may come first).
    private static func decodeAgreements(_ bytes: UnsafeBufferPointer<UInt8>, sharing: HeldStrings,
                                         release: (Range<Int>) -> Void) -> (Head, [AgreementState])? {
        guard var checked = Checked(bytes, release: release) else { return nil }
        // Strings are made on all cores, a batch at a time, while the next batch is read; each piece of a
        // batch has its own interner, kept from batch to batch. Each agreement is made in its place in the
        // array (gathering pieces would copy every agreement once more), and the array has room for a
        // typical import's new agreements, so that it need not be moved to grow.
        let interners = Interners(count: 8)
        var complete = false
        let capacity = max(16, checked.count + checked.count / 8)  // never zero, so the buffer surely has an address
        let agreements = [AgreementState](unsafeUninitializedCapacity: capacity) { buffer, made in
            let slots = Slots(base: buffer.baseAddress!)
            complete = checked.forEachBatch(size: 8 * agreementsPerPiece, release: release) { entries, readAhead in
                let first = made
                _ = ParallelChunks.map(count: entries.count, chunkSize: agreementsPerPiece,
                                       alongside: [readAhead]) { range in
                    interners.using(range.lowerBound / agreementsPerPiece) { interner in
                        for i in range {
                            (slots.base + first + i).initialize(to: decoded(entries[i], interner: &interner, sharing: sharing))
                        }
                    }
                }
                made += entries.count
            }
        }
        guard complete else { return nil }
        return (checked.head, agreements)
    }

    /// An entry decoded, its repeated strings sharing storage through `interner`, its partner name through
    /// `sharing`.
    static func decoded(_ entry: CheckpointEntry, interner: inout StringInterner, sharing: HeldStrings) -> AgreementState {
        // A name the caller holds is looked for by its bytes, before a string of them is made (only plain
        // entries' bytes are the string's).
        let held = sharing.isEmpty || !entry.isPlain ? nil : sharing.equal(to: entry.partner)
        var a = entry.agreementState(partner: held)
        interner.intern(&a.record)
        a.record.rememberContentHash()
        return a
    }

    /// A checkpoint file found whole (its magic, stamp, checksum and head read), its agreements not yet
    /// decoded: `status` streams them from here without building the state.
    struct Checked {
        /// The fold's counters and last imports, with what they cover.
        private(set) var head: Head
        var stamp: VerifiedCheckpoint { head.stamp }
        /// The number of agreements that follow (with the changes, when adopted).
        private(set) var count: Int
        private var reader: BinaryReader
        /// Where the payload starts in the file's bytes.
        private let payloadStart: Int
        /// The whole file's agreements.
        private let baseCount: Int
        /// Changes written on top of the file, merged into what is handed on.
        private var changes: StateChanges.Mapped?

        init?(_ bytes: UnsafeBufferPointer<UInt8>, release: (Range<Int>) -> Void = { _ in }) {
            guard let (stamps, payload, payloadStart) = StateCheckpoint.sealed(bytes, magic: StateCheckpoint.magic, stamps: 1,
                                                                                release: release) else { return nil }
            var r = BinaryReader(payload)
            guard let head = Head(&r, stamp: stamps[0]) else { return nil }
            let count = r.int()
            guard !r.failed, count >= 0, count <= r.remaining else { return nil }
            (self.head, self.count, baseCount) = (head, count, count)
            reader = r
            self.payloadStart = payloadStart
        }

        /// Takes the changes written on top of this file: their stamp, head and agreements replace the file's.
        mutating func adopt(_ changes: StateChanges.Mapped) {
            head = changes.head
            count = changes.count
            self.changes = changes
        }

        /// Decodes the agreements in order, handing each to `body`; false when the bytes turn out malformed
        /// or do not end with the last one (what `body` was given is then meaningless). Pages are handed to
        /// `release` behind the reader.
        mutating func forEachAgreement(release: (Range<Int>) -> Void = { _ in }, _ body: (AgreementState) -> Void) -> Bool {
            forEachBatch(size: 8192, release: release) { batch, _ in
                for entry in batch { body(entry.agreementState) }
            }
        }

        /// The agreements read in place, handed to `body` `size` at a time in order; false as above (the
        /// last batch is handed on only once the file is seen to end with it). A batch's pages are handed
        /// to `release` once `body` is done with it.
        ///
        /// `body` is also handed `readAhead`, which reads the next batch: it may run it once on another
        /// thread while it works on this batch (`status` does, so reading overlaps writing); else it runs
        /// after `body` returns.
        mutating func forEachBatch(size: Int, release: (Range<Int>) -> Void = { _ in },
                                   _ body: ([CheckpointEntry], _ readAhead: @escaping @Sendable () -> Void) -> Void) -> Bool {
            let batches = Batches(reader: reader, count: baseCount, size: size)
            var read = reader.offset
            var merge = changes.map { ChangesMerge(changes: $0.changes) }
            while case .batch(var entries, let end) = batches.take() {
                // The changes go in their places in the batch's own array (its only owner: no copy).
                guard merge?.replace(in: &entries) ?? true else { return false }
                body(entries, { batches.readAhead() })
                batches.recycle(consume entries)
                merge?.releaseRead()
                // The next batch may already be read: only this batch's pages are let go.
                release((payloadStart + read)..<(payloadStart + end))
                read = end
            }
            reader = batches.reader
            guard !batches.failed else { return false }
            return merge?.forEachAdded(size: size, { body($0, {}) }) ?? true
        }

        /// The changes' agreements put in the places they replace, then the added ones after the file's.
        private struct ChangesMerge {
            var changes: StateChanges.Mapped.Changes
            /// The change read but not yet placed, and the first position of the next batch.
            var pending: (position: Int, entry: CheckpointEntry)?
            var position = 0
            /// The file's last agreement's `signed` line, which the first added one must follow.
            var lastSeq = Int.min

            init(changes: StateChanges.Mapped.Changes) {
                self.changes = changes
                pending = self.changes.next()
            }

            /// Puts the changes that fall in `entries` (the next batch of the file) in their places; false when
            /// one does not belong to the agreement it replaces, or the changes are malformed.
            mutating func replace(in entries: inout [CheckpointEntry]) -> Bool {
                defer { position += entries.count }
                lastSeq = entries.last?.firstSeq ?? lastSeq
                let end = position + entries.count
                while let (at, entry) = pending, at < end {
                    guard entry.firstSeq == entries[at - position].firstSeq else { return false }
                    entries[at - position] = entry
                    pending = changes.next()
                }
                return !changes.failed
            }

            /// Hands back the pages of the changes read so far (the one read ahead, if its page goes, is read from the
            /// file again when it is placed).
            func releaseRead() { changes.releaseRead() }

            /// Hands on the added agreements (after the file's last), `size` at a time; false when they do not
            /// follow it or the changes are malformed.
            mutating func forEachAdded(size: Int, _ body: ([CheckpointEntry]) -> Void) -> Bool {
                var batch: [CheckpointEntry] = []
                batch.reserveCapacity(size)
                if let (_, first) = pending, first.firstSeq <= lastSeq { return false }
                while let (at, entry) = pending {
                    guard at == position else { return false }
                    batch.append(entry)
                    position += 1
                    if batch.count == size {
                        body(batch)
                        batch.removeAll(keepingCapacity: true)
                        changes.releaseRead()
                    }
                    pending = changes.next()
                }
                if !batch.isEmpty { body(batch) }
                return !changes.failed
            }
        }

        /// The agreements' batches, read one ahead of the one being used.
        private final class Batches: @unchecked Sendable {
            enum Outcome {
                /// Entries, and where the last one ends in the payload.
                case batch(entries: [CheckpointEntry], end: Int)
                case end
            }

            private(set) var reader: BinaryReader
            private var left: Int
            private let size: Int
            private var previousSeq = Int.min
            private(set) var failed = false
            private var next: Outcome?
            /// A batch's array once used, its storage kept for the batch after next: a fresh one each time
            /// would be new pages for the kernel to clear (a worker thread's allocations go back to the system
            /// as soon as they are freed).
            private var spare: [CheckpointEntry] = []

            init(reader: BinaryReader, count: Int, size: Int) {
                (self.reader, left, self.size) = (reader, count, size)
            }

            /// Reads the next batch unless it is read already. One thread at a time: the caller of `take` and a
            /// thread running this meanwhile are ordered by the work that runs it finishing first.
            func readAhead() {
                guard next == nil else { return }
                next = read()
            }

            func take() -> Outcome {
                readAhead()
                defer { next = nil }
                return next!
            }

            /// Keeps the storage of a batch's array (handed over as its only owner) for a later batch.
            func recycle(_ entries: consuming [CheckpointEntry]) {
                entries.removeAll(keepingCapacity: true)
                spare = entries
            }

            private func read() -> Outcome {
                guard left > 0, !failed else {
                    failed = failed || !reader.isAtEnd
                    return .end
                }
                var entries: [CheckpointEntry] = []
                swap(&entries, &spare)
                entries.reserveCapacity(min(size, left))
                while entries.count < size && left > 0 {
                    // Ledger order is the order the file was written in; anything else is not a file we wrote.
                    guard let entry = CheckpointEntry.read(&reader), entry.firstSeq > previousSeq else {
                        failed = true
                        return .end
                    }
                    previousSeq = entry.firstSeq
                    entries.append(entry)
                    left -= 1
                }
                // The last batch only once the file is seen to end with it.
                if left == 0 && !reader.isAtEnd {
                    failed = true
                    return .end
                }
                return .batch(entries: entries, end: reader.offset)
            }
        }
    }

    private static let statuses = AgreementStatus.allCases

    /// The decoded array's storage, each piece of a batch initializing its own elements.
    private struct Slots: @unchecked Sendable {
        let base: UnsafeMutablePointer<AgreementState>
    }

    /// One interner per piece of a batch: each used by one thread at a time (the piece's), in turn.
    private final class Interners: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<StringInterner>
        private let count: Int

        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: StringInterner(size: 4096), count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        func using<R>(_ index: Int, _ body: (inout StringInterner) -> R) -> R {
            precondition(index < count)
            return body(&slots[index])
        }
    }
}

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

    static let relativePath = "cache/state"
    /// Version 2 promises agreements in ledger order (version 1 files, which did not, are ignored and
    /// rewritten by the next import); version 3 states checksums summed in blocks (`PrefixChecksum`), which
    /// older files do not.
    private static let magic = Array("ledger-state v3\n".utf8)

    /// The checkpoint when the file exists, is whole and is well formed (its stamp not yet checked
    /// against the log).
    /// Partner names equal to one in `sharing()` (asked for only when the file exists) take that string's
    /// storage.
    static func read(directory: String, sharing: () -> HeldStrings = { .none }) -> StateCheckpoint? {
        guard let file = MappedFile(path: EventStore.join(directory, relativePath)) else { return nil }
        return decode(file.bytes, sharing: sharing(), release: file.release)
    }

    /// The checkpoint file mapped and checked whole, its agreements left to stream (`status`).
    static func mapped(directory: String) -> (file: MappedFile, checked: Checked)? {
        guard let file = MappedFile(path: EventStore.join(directory, relativePath)),
              let checked = Checked(file.bytes, release: file.release) else { return nil }
        return (file, checked)
    }

    /// Writes atomically (a temporary file of this process, then rename), in pieces so a big state is
    /// never encoded whole in memory; a failure only costs a slower open next time.
    func write(directory: String) {
        let cache = EventStore.join(directory, "cache")
        try? LogFile.makeDirectory(cache)
        let path = EventStore.join(directory, StateCheckpoint.relativePath)
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        // Written on another thread while the next agreements are encoded.
        let writer = PieceWriter(fd: fd, write: { fd, bytes, count in
            LogFile.writeAll(fd: fd, UnsafeRawBufferPointer(start: bytes, count: count)) ? count : -1
        }, accumulator: nil)
        encode { piece in
            if writer.failure == nil { writer.submit(taking: piece) }
        }
        _ = writer.finish()
        let ok = writer.failure == nil && fsync(fd) == 0
        close(fd)
        if !ok || rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// The whole file's bytes (tests; `write` streams the same bytes).
    func encode() -> [UInt8] {
        var bytes: [UInt8] = []
        encode { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Hands the file's bytes to `sink` in pieces of about a megabyte, in order.
    func encode(_ sink: ([UInt8]) -> Void) {
        var w = BinaryWriter(capacity: 1 << 20)
        var payload = PrefixChecksum.Accumulator()
        var inPayload = false
        func flush(force: Bool = false) {
            guard force || w.bytes.count >= 1 << 20 else { return }
            if inPayload { w.bytes.withUnsafeBufferPointer { payload.add($0) } }
            sink(w.bytes)
            w = BinaryWriter(capacity: 1 << 20)
        }
        w.raw(StateCheckpoint.magic)
        w.raw(Array("\(stamp.lines) \(stamp.bytes) \(String(stamp.checksum, radix: 16)) \(stamp.hash)\n".utf8))
        flush(force: true)
        inPayload = true
        w.int(state.lastSeq)
        w.int(state.importCount)
        w.int(state.lastImport.count)
        for (_, event) in state.lastImport.sorted(by: { $0.key < $1.key }) {
            var line: [UInt8] = []
            event.appendCanonicalLine(to: &line)
            w.int(line.count)
            w.raw(line)
        }
        w.int(state.agreements.count)
        flush(force: true)
        // The agreements encoded on all cores, a round at a time, each round's pieces then summed and handed
        // on in order.
        let agreements = state.agreements
        let round = 8 * StateCheckpoint.agreementsPerPiece
        for start in stride(from: 0, to: agreements.count, by: round) {
            let end = min(start + round, agreements.count)
            let pieces = ParallelChunks.map(count: end - start, chunkSize: StateCheckpoint.agreementsPerPiece) { range in
                var w = BinaryWriter(capacity: range.count * 320)
                for i in range { StateCheckpoint.encode(agreements[start + i], into: &w) }
                return w.bytes
            }
            for piece in pieces {
                piece.withUnsafeBufferPointer { payload.add($0) }
                sink(piece)
            }
        }
        withUnsafeBytes(of: payload.value.littleEndian) { sink(Array($0)) }
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

    /// The checkpoint in `bytes`; `release` is handed each range of bytes once read (twice over: checked,
    /// then decoded), so a mapped file's pages can be given back behind the reader.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, sharing: HeldStrings = .none,
                       release: (Range<Int>) -> Void = { _ in }) -> StateCheckpoint? {
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
                            var a = entries[i].agreementState
                            interner.intern(&a.record)
                            if !sharing.isEmpty, let held = sharing.equal(to: a.record.partner) { a.record.partner = held }
                            (slots.base + first + i).initialize(to: a)
                        }
                    }
                }
                made += entries.count
            }
        }
        guard complete else { return nil }
        let state = LedgerState(agreements: agreements, lastImport: checked.lastImport, importCount: checked.importCount,
                                lastSeq: checked.lastSeq)
        return StateCheckpoint(stamp: checked.stamp, state: state)
    }

    /// A checkpoint file found whole (its magic, stamp, checksum and head read), its agreements not yet
    /// decoded: `status` streams them from here without building the state.
    struct Checked {
        let stamp: VerifiedCheckpoint
        let lastSeq: Int
        let importCount: Int
        let lastImport: [String: LedgerEvent]
        /// The number of agreements that follow.
        let count: Int
        private var reader: BinaryReader
        /// Where the payload starts in the file's bytes.
        private let payloadStart: Int

        init?(_ bytes: UnsafeBufferPointer<UInt8>, release: (Range<Int>) -> Void = { _ in }) {
            let magic = StateCheckpoint.magic
            guard bytes.count > magic.count + 8, bytes.starts(with: magic),
                  let newline = bytes[magic.count...].firstIndex(of: 0x0A) else { return nil }
            let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[magic.count..<newline]), as: UTF8.self)
            guard let stamp = VerifiedCheckpoint(text: header) else { return nil }
            let payloadEnd = bytes.count - 8
            guard newline + 1 <= payloadEnd else { return nil }
            var stored: UInt64 = 0
            withUnsafeMutableBytes(of: &stored) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[payloadEnd...])) }
            let payload = UnsafeBufferPointer(rebasing: bytes[(newline + 1)..<payloadEnd])
            let checksum = PrefixChecksum.accumulate(UnsafeRawBufferPointer(payload)) { piece in
                release((newline + 1 + piece.lowerBound)..<(newline + 1 + piece.upperBound))
            }
            guard checksum.value == UInt64(littleEndian: stored) else { return nil }
            var r = BinaryReader(payload)
            let lastSeq = r.int(), importCount = r.int(), importsCount = r.int()
            guard !r.failed, importsCount >= 0, lastSeq == stamp.lines else { return nil }
            var lastImport: [String: LedgerEvent] = [:]
            for _ in 0..<importsCount {
                let line = r.raw(count: r.int())
                guard !r.failed, let json = try? JSONParser.parse(line), let event = try? LedgerEvent(json: json) else { return nil }
                lastImport[event.source] = event
            }
            let count = r.int()
            guard !r.failed, count >= 0, count <= r.remaining else { return nil }
            (self.stamp, self.lastSeq, self.importCount, self.lastImport, self.count) = (stamp, lastSeq, importCount, lastImport, count)
            reader = r
            payloadStart = newline + 1
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
            let batches = Batches(reader: reader, count: count, size: size)
            var read = reader.offset
            while case .batch(let entries, let end) = batches.take() {
                body(entries, { batches.readAhead() })
                batches.recycle(consume entries)
                // The next batch may already be read: only this batch's pages are let go.
                release((payloadStart + read)..<(payloadStart + end))
                read = end
            }
            reader = batches.reader
            return !batches.failed
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

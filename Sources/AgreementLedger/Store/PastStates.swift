/// `cache/past`: for each batch, the state every agreement it changed had just before it (or that it had none:
/// the batch signed it). The list as the ledger knew it on a past day is then the present list (the state
/// checkpoint) with the changes of the batches recorded after that day taken back: `status --at` reads the
/// checkpoint and those segments, never the events, however long the log.
///
/// Segments as in `SegmentFile`, one per batch. A segment's entries start with the batch's `recorded` date and
/// whether the batch can be taken back exactly (every event recorded that date, no agreement's dates going
/// back, no id signed twice: always so for batches an import wrote, as imports of a source come in date
/// order); then, per agreement, its `firstSeq` and its state before the batch in the checkpoint's encoding,
/// prefixed by its length (0: it had none). A single inexact batch makes readers fold the log for every day.
/// Derived and never needed for correctness: a reader that finds anything amiss folds the log instead.
enum PastStates {
    static let relativePath = "cache/past"
    static let file = SegmentFile(magic: "PST2", relativePath: relativePath)

    /// Builds one segment's entries, event by event: each event is noted with the state just before it
    /// (or before its whole batch: the same for the event's own agreement, since a batch's first event on
    /// an agreement is the first to change it).
    struct SegmentBuilder {
        private(set) var recorded: PartialDate?
        private(set) var exact = true
        private(set) var count = 0
        private(set) var entries = BinaryWriter(capacity: 1 << 16)
        /// Agreements already given an entry in this batch, found by their ids' bytes as the state finds them (a
        /// `Set<String>` hashed each id's normalized form: most of a million-event batch's segment).
        private var notedIDs: [String] = []
        private var noted = PositionIndex()

        mutating func note(_ event: LedgerEvent, before state: LedgerState) {
            withUnsafePointer(to: event) { note(at: $0, before: state) }
        }

        /// Room for `count` more agreements given an entry.
        mutating func reserveCapacity(_ count: Int) {
            notedIDs.reserveCapacity(notedIDs.count + count)
            noted.reserveCapacity(notedIDs.count + count)
        }

        /// As `note`, reading the event at `event` in place (a copy of it would retain every field).
        mutating func note(at event: UnsafePointer<LedgerEvent>, before state: LedgerState) {
            let recordedNow = event.pointee.recorded
            if let recorded, recorded != recordedNow { exact = false }
            recorded = recorded ?? recordedNow
            guard let id = event.pointee.agreement else { return }
            let type = event.pointee.type
            let known = state.position(of: id)
            let hash = PositionIndex.hash(id)
            let seen = noted.position(hash: hash) { ByteHash.sameBytes(notedIDs[$0], id) } != nil
            if type == .signed && (known != nil || seen) { exact = false }
            guard !seen else { return }
            if let known {
                state.agreements.withUnsafeBufferPointer { agreements in
                    if recordedNow < agreements[known].lastRecorded { exact = false }
                    entries.int(agreements[known].firstSeq)
                    var encoded = BinaryWriter(capacity: 512)
                    StateCheckpoint.encode(agreements[known], into: &encoded)
                    entries.int(encoded.bytes.count)
                    entries.raw(encoded.bytes)
                }
            } else if type == .signed {
                entries.int(event.pointee.seq)
                entries.int(0)
            } else {
                return  // an event on an agreement never signed changes nothing
            }
            noted.insert(notedIDs.count, hash: hash) { _ in false }
            notedIDs.append(id)
            count += 1
        }

        /// The payload's entries: the date and exactness first, then the entries.
        var pieces: [[UInt8]] {
            var head = BinaryWriter(capacity: 16)
            head.date(recorded)
            head.bool(exact && recorded != nil)
            return [head.bytes, entries.bytes]
        }
    }

    /// A segment's serialized entries (in pieces) and their number.
    typealias Segment = (pieces: [[UInt8]], count: Int)

    /// The segment for `batch` (seqs assigned, not yet folded) on top of `state`.
    static func segment(for batch: [LedgerEvent], before state: LedgerState) -> Segment {
        var builder = SegmentBuilder()
        builder.reserveCapacity(batch.count)
        batch.withUnsafeBufferPointer { events in
            for i in events.indices { builder.note(at: events.baseAddress! + i, before: state) }
        }
        return (builder.pieces, builder.count)
    }

    /// Appends `segment`, the segment of a batch a writer appended to the committed log `before` (now
    /// `after`), when the file ended there (`file.isAppendable`); false when it did not, and the file must be
    /// rebuilt (`rebuild`). A failed write only costs speed.
    static func append(directory: String, before: (lines: Int, bytes: Int), segment: Segment,
                       after: VerifiedCheckpoint) -> Bool {
        guard file.isAppendable(directory: directory, after: before) else { return false }
        file.append(directory: directory, segment.pieces, count: segment.count,
                    covering: SegmentFile.Coverage(firstSeq: before.lines + 1, lastSeq: after.lines, start: before.bytes,
                                                   end: after.bytes, lastHash: after.hash))
        return true
    }

    /// Rebuilds the file when it does not end exactly where the committed log does (a writer with nothing to
    /// append, on a store whose file is missing, stale or of an older build).
    static func ensureCurrent(directory: String, logPath: String, committed: VerifiedCheckpoint) {
        if file.isCurrent(directory: directory, committed: committed) { return }
        rebuild(directory: directory, logPath: logPath, committed: committed)
    }

    /// Writes the file afresh from the committed log, folding every event and writing a segment at the end of
    /// each batch (its `imported` event), then renames it into place. A one-time cost: the whole log is
    /// decoded and the whole state held, as a fold of the log does.
    static func rebuild(directory: String, logPath: String, committed: VerifiedCheckpoint) {
        file.rebuild(directory: directory, logPath: logPath) { log, out in
            var ok = true
            var state = LedgerState()
            var builder = SegmentBuilder()
            var seq = 0
            var start = (seq: 1, byte: 0)
            var lastHash = ""
            do {
                try LogScanner.forEachLine(fd: log, path: logPath, to: committed.bytes) { line, offset in
                    guard case .success(let event) = LogLine.decode(line, 0..<line.count), event.seq == seq + 1 else {
                        ok = false
                        return false
                    }
                    seq = event.seq
                    lastHash = event.hash
                    builder.note(event, before: state)
                    state.apply(event)
                    if event.type == .imported {
                        let end = offset + line.count + 1
                        ok = file.writeSegment(builder.pieces, count: builder.count,
                                               covering: SegmentFile.Coverage(firstSeq: start.seq, lastSeq: seq, start: start.byte,
                                                                              end: end, lastHash: lastHash), to: out)
                        builder = SegmentBuilder()
                        start = (seq + 1, end)
                    }
                    return ok
                }
            } catch {
                ok = false
            }
            // The committed log ends with a batch's `imported` line, so every line is in a segment.
            return ok && seq == committed.lines && lastHash == committed.hash && start.seq == seq + 1
        }
    }

    // MARK: - Readers

    /// What taking the present back to a day needs: for each agreement changed after the day, in order of
    /// `firstSeq`, where its state on that day is encoded in the file (nil: it did not exist yet).
    final class TakenBack {
        let file: MappedFile
        let changes: [(firstSeq: Int, entry: Int?)]

        init(file: MappedFile, changes: [(firstSeq: Int, entry: Int?)]) {
            self.file = file
            self.changes = changes
        }

        /// The agreement's state at the entry (checked well formed when the changes were read).
        func entry(at offset: Int) -> CheckpointEntry {
            var r = BinaryReader(file.bytes, offset: offset)
            return CheckpointEntry.read(&r)!
        }
    }

    /// The changes to take the present (the checkpoint stamped `covered`) back to the end of `day`: nil when
    /// the file does not cover exactly the checkpoint's lines, or a batch recorded after the day cannot be
    /// taken back exactly, or anything in it is malformed.
    static func takenBack(to day: PartialDate, directory: String, covered: VerifiedCheckpoint) -> TakenBack? {
        guard let mapped = MappedFile(path: EventStore.join(directory, relativePath)) else { return nil }
        let (found, _) = file.segments(mapped.bytes, release: mapped.release)
        guard let last = found.last?.coverage, last.lastSeq == covered.lines, last.end == covered.bytes,
              last.lastHash == covered.hash else { return nil }
        // Every batch must be exact: one that is not may hold events of any day, or move an agreement's dates
        // back so that its state on a day is not its state before any one batch.
        var heads: [(segment: SegmentFile.Segment, recorded: PartialDate)] = []
        for var segment in found {
            let recorded = segment.entries.date(), exact = segment.entries.bool()
            guard let recorded, exact, !segment.entries.failed else { return nil }
            heads.append((segment, recorded))
        }
        var changes: [(firstSeq: Int, order: Int, entry: Int?)] = []
        for (found, recorded) in heads where day < recorded {
            var segment = found
            for _ in 0..<segment.count {
                let firstSeq = segment.entries.int(), length = segment.entries.int()
                guard !segment.entries.failed, length >= 0, length <= segment.entries.remaining else { return nil }
                if length == 0 {
                    changes.append((firstSeq, changes.count, nil))
                    continue
                }
                let start = segment.entries.offset
                guard let before = CheckpointEntry.read(&segment.entries), before.firstSeq == firstSeq,
                      segment.entries.offset == start + length else { return nil }
                changes.append((firstSeq, changes.count, segment.payloadStart + start))
            }
            guard segment.entries.isAtEnd else { return nil }
            mapped.release(segment.range)
        }
        // The earliest batch after the day that changed an agreement holds its state on the day.
        changes.sort { ($0.firstSeq, $0.order) < ($1.firstSeq, $1.order) }
        var kept: [(firstSeq: Int, entry: Int?)] = []
        kept.reserveCapacity(changes.count)
        for c in changes where kept.last?.firstSeq != c.firstSeq { kept.append((c.firstSeq, c.entry)) }
        return TakenBack(file: mapped, changes: kept)
    }
}

/// The agreements changed or added since the whole state checkpoint was written, in `cache/state-changes`.
///
/// A monthly import of a big ledger touches a few percent of its agreements, yet rewriting the whole
/// checkpoint (hundreds of megabytes at a million agreements) took longer than the import's own diff. So an
/// import that read a big checkpoint writes only the agreements that differ from the whole file's, by
/// position, with the fold's head; the next one reads the whole file with these on top, and writes both
/// imports' changes. Once they would pass a quarter of the whole file, the whole file is written anew and
/// this one removed.
///
/// Names the stamp of the whole file it was made on: over any other (replaced since, or a crash between
/// the two writes) it is ignored, and the log after the whole file is folded instead. Like every cache,
/// never needed for correctness.
struct StateChanges {
    static let relativePath = "cache/state-changes"
    private static let magic = Array("ledger-state-changes v1\n".utf8)

    /// The whole file is written anew once the changes would be more than this share of it (one part in).
    static let largestShare = 4

    /// A changes file found whole (its checksum holding) and made on the given whole file, its agreements read
    /// in place, in order, as they are wanted (valid while this value lives: it keeps the file mapped).
    struct Mapped: @unchecked Sendable {
        private let file: MappedFile
        /// What the whole file and these changes hold together, besides agreements.
        let head: StateCheckpoint.Head
        /// The agreements in all.
        let count: Int
        /// The whole file's agreements.
        let baseCount: Int
        /// The changes that follow.
        let changed: Int
        /// At the first change.
        private let reader: BinaryReader

        /// The changes in `directory`, when whole and made on the whole file stamped `base` that holds
        /// `baseCount` agreements.
        init?(directory: String, base: VerifiedCheckpoint, baseCount: Int) {
            guard let file = MappedFile(path: EventStore.join(directory, StateChanges.relativePath)),
                  let (stamps, payload, payloadStart) = StateCheckpoint.sealed(file.bytes, magic: StateChanges.magic, stamps: 2,
                                                                               release: file.release),
                  stamps[0] == base else { return nil }
            var r = BinaryReader(payload)
            guard let head = StateCheckpoint.Head(&r, stamp: stamps[1]), head.stamp.lines > base.lines else { return nil }
            let count = r.int(), changed = r.int()
            guard !r.failed, count >= baseCount, changed >= count - baseCount, changed <= min(count, r.remaining) else { return nil }
            (self.file, self.head, self.count, self.baseCount, self.changed, reader) = (file, head, count, baseCount, changed, r)
            self.payloadStart = payloadStart
        }

        /// Where the payload starts in the file.
        private let payloadStart: Int

        /// The changes in order, read where they lie.
        var changes: Changes {
            Changes(reader: reader, left: changed, count: count, baseCount: baseCount, file: file, payloadStart: payloadStart)
        }

        /// The changes read one after another: each a position and the agreement there, the positions increasing,
        /// those from the whole file's count on the added ones, each in ledger order after the one before.
        struct Changes {
            private var reader: BinaryReader
            private let file: MappedFile
            private let payloadStart: Int
            private var left: Int
            private let count: Int, baseCount: Int
            private var lastPosition = -1, lastSeq = Int.min
            /// Set when the bytes turn out malformed or out of order (then the changes end).
            private(set) var failed = false

            fileprivate init(reader: BinaryReader, left: Int, count: Int, baseCount: Int, file: MappedFile, payloadStart: Int) {
                (self.reader, self.left, self.count, self.baseCount) = (reader, left, count, baseCount)
                (self.file, self.payloadStart) = (file, payloadStart)
            }

            /// Hands back the pages of the changes read so far (read from the file again if touched again): `status`
            /// of a big ledger need not hold them all.
            func releaseRead() {
                file.release(0..<(payloadStart + reader.offset))
            }

            /// The next change, or nil at the end (which is checked to be the file's, every added agreement listed).
            mutating func next() -> (position: Int, entry: CheckpointEntry)? {
                guard !failed else { return nil }
                guard left > 0 else {
                    failed = !reader.isAtEnd || (lastPosition < baseCount ? baseCount : lastPosition + 1) != count
                    return nil
                }
                let position = reader.int()
                guard !reader.failed, position > lastPosition, position < count,
                      let entry = CheckpointEntry.read(&reader),
                      position < baseCount || (position == max(baseCount, lastPosition + 1) && entry.firstSeq > lastSeq) else {
                    failed = true
                    return nil
                }
                if position >= baseCount { lastSeq = entry.firstSeq }
                (lastPosition, left) = (position, left - 1)
                return (position, entry)
            }
        }

        /// Puts the changes into the whole file's agreements (decoded, in order), decoded on all cores as the
        /// whole file's are, and returns their positions; nil, changing nothing, when they are malformed or one
        /// does not fit (it replaces an agreement signed by another event, or the first added one does not
        /// follow the file's last).
        func apply(to agreements: inout [AgreementState], sharing: HeldStrings) -> [Int]? {
            guard agreements.count == baseCount else { return nil }
            var positions: [Int] = [], entries: [CheckpointEntry] = []
            positions.reserveCapacity(changed)
            entries.reserveCapacity(changed)
            var changes = self.changes
            while let (position, entry) = changes.next() {
                let fits = position < baseCount ? agreements[position].firstSeq == entry.firstSeq
                    : position > baseCount || entry.firstSeq > (agreements.last?.firstSeq ?? .min)
                guard fits else { return nil }
                positions.append(position)
                entries.append(entry)
            }
            guard !changes.failed else { return nil }
            let found = entries
            let pieces = ParallelChunks.map(count: found.count, chunkSize: 2048) { range in
                var interner = StringInterner(size: 4096)
                return range.map { StateCheckpoint.decoded(found[$0], interner: &interner, sharing: sharing) }
            }
            var i = 0
            for piece in pieces {
                for a in piece {
                    if positions[i] < baseCount { agreements[positions[i]] = a } else { agreements.append(a) }
                    i += 1
                }
            }
            return positions
        }
    }

    /// Writes the changes of `state` (the state read through `layers`, with `batch` folded in) since the whole
    /// file: the places its changes already filled and the agreements `batch` names. False, writing nothing,
    /// when the whole checkpoint should be written instead: the whole file holds fewer than `smallestBase`
    /// agreements, the changes would pass `largestShare` of it, the batch moved an agreement (an id signed
    /// twice, which no import writes), or the file cannot be written.
    static func write(directory: String, stamp: VerifiedCheckpoint, state: LedgerState, layers: StateCheckpoint.Layers,
                      batch: [LedgerEvent], countBefore: Int, smallestBase: Int) -> Bool {
        let count = state.agreements.count
        guard layers.baseCount >= max(1, smallestBase), countBefore >= layers.baseCount else { return false }
        let signed = batch.withUnsafeBufferPointer { events in events.indices.count { events[$0].type == .signed } }
        guard count == countBefore + signed else { return false }
        var isChanged = [Bool](repeating: false, count: count)
        for p in layers.changed where p < count { isChanged[p] = true }
        for p in layers.baseCount..<count { isChanged[p] = true }
        batch.forEachInPlace { _, event in
            if let id = event.pointee.agreement, let p = state.position(of: id) { isChanged[p] = true }
        }
        let positions = isChanged.indices.filter { isChanged[$0] }
        guard positions.count * largestShare <= layers.baseCount else { return false }

        return StateCheckpoint.writeAtomically(directory: directory, relativePath: relativePath) { sink in
            var header = BinaryWriter()
            header.raw(magic)
            header.raw(Array(layers.base.line.utf8))
            header.raw(Array(stamp.line.utf8))
            sink(header.bytes)
            var head = BinaryWriter()
            StateCheckpoint.Head(of: state, stamp: stamp).write(into: &head)
            head.int(count)
            head.int(positions.count)
            let agreements = state.agreements
            StateCheckpoint.encodePayload(head: head.bytes, count: positions.count, sink) { i, w in
                w.int(positions[i])
                StateCheckpoint.encode(agreements[positions[i]], into: &w)
            }
        }
    }
}

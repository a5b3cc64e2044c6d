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

    /// A changes file found whole and made on the given whole file, its agreements read in place (valid while
    /// this value lives: it keeps the file mapped).
    struct Mapped: @unchecked Sendable {
        private let file: MappedFile
        /// What the whole file and these changes hold together, besides agreements.
        let head: StateCheckpoint.Head
        /// The agreements in all.
        let count: Int
        /// The positions replaced or added, increasing; those from the whole file's count on are added ones.
        let positions: [Int]
        /// Where each position's agreement starts in the payload.
        private let offsets: [Int]
        private let payload: UnsafeBufferPointer<UInt8>

        /// The changes in `directory`, when whole, well formed and made on the whole file stamped `base` that
        /// holds `baseCount` agreements.
        init?(directory: String, base: VerifiedCheckpoint, baseCount: Int) {
            guard let file = MappedFile(path: EventStore.join(directory, StateChanges.relativePath)),
                  let (stamps, payload, _) = StateCheckpoint.sealed(file.bytes, magic: StateChanges.magic, stamps: 2),
                  stamps[0] == base else { return nil }
            var r = BinaryReader(payload)
            guard let head = StateCheckpoint.Head(&r, stamp: stamps[1]), head.stamp.lines > base.lines else { return nil }
            let count = r.int(), changed = r.int()
            guard !r.failed, count >= baseCount, changed >= count - baseCount, changed <= min(count, r.remaining) else { return nil }
            var positions: [Int] = [], offsets: [Int] = []
            positions.reserveCapacity(changed)
            offsets.reserveCapacity(changed)
            for _ in 0..<changed {
                let position = r.int()
                guard !r.failed, position > (positions.last ?? -1), position < count else { return nil }
                offsets.append(r.offset)
                guard CheckpointEntry.read(&r) != nil else { return nil }
                positions.append(position)
            }
            // Positions increase and stay below the count, so as many at or past the whole file's count as were
            // added are exactly the added ones.
            let added = positions.count - (positions.firstIndex { $0 >= baseCount } ?? positions.count)
            guard r.isAtEnd, added == count - baseCount else { return nil }
            (self.file, self.head, self.count, self.positions, self.offsets, self.payload) = (file, head, count, positions, offsets, payload)
        }

        /// The agreement of the `i`th change, read in place.
        func entry(_ i: Int) -> CheckpointEntry {
            var r = BinaryReader(payload, offset: offsets[i])
            return CheckpointEntry.read(&r)!
        }

        /// Puts the changes into the whole file's agreements (decoded, in order), decoded on all cores as the
        /// whole file's are; false, changing nothing, when one does not fit (it replaces an agreement signed by
        /// another event, or an added one is out of ledger order).
        func apply(to agreements: inout [AgreementState], sharing: HeldStrings) -> Bool {
            let pieces = ParallelChunks.map(count: positions.count, chunkSize: 2048) { range in
                var interner = StringInterner(size: 4096)
                return range.map { StateCheckpoint.decoded(entry($0), interner: &interner, sharing: sharing) }
            }
            var lastSeq = agreements.last?.firstSeq ?? .min
            var nextAdded = agreements.count
            var i = 0
            for piece in pieces {
                for a in piece {
                    if positions[i] < agreements.count {
                        guard agreements[positions[i]].firstSeq == a.firstSeq else { return false }
                    } else {
                        guard positions[i] == nextAdded, a.firstSeq > lastSeq else { return false }
                        (nextAdded, lastSeq) = (nextAdded + 1, a.firstSeq)
                    }
                    i += 1
                }
            }
            guard nextAdded == count else { return false }
            i = 0
            for piece in pieces {
                for a in piece {
                    if positions[i] < agreements.count { agreements[positions[i]] = a } else { agreements.append(a) }
                    i += 1
                }
            }
            return true
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `cache/history`: where each agreement's lines are in the log, and the partner names they carry, so that
/// `history` of one agreement reads a few lines of a log of millions instead of scanning all of it.
///
/// A sequence of segments, each covering consecutive committed lines (a batch when appended by a writer;
/// a run of lines when rebuilt from the log). Each segment states the lines and bytes it covers and the hash
/// of its last line, and is closed by a checksum of its own bytes. Readers use the segments that chain from
/// the log's first byte, check that the log's line at their end still has that hash, read the lines after
/// them the slow way, and check every line they fetch (its place, its agreement, its canonical bytes and
/// hash). Anything that does not hold sends them back to scanning the whole log: derived, never needed for
/// correctness. Writers append a segment per batch, and rebuild the file (a temporary file renamed over it)
/// when it does not end where the log's committed part did.
enum HistoryIndex {
    static let relativePath = "cache/history"
    private static let file = SegmentFile(magic: "HIX2", relativePath: relativePath)
    /// Lines per segment when the file is rebuilt from the log (bounds a rebuild's memory).
    static let rebuildSegmentLines = 262_144

    /// Appends one lifecycle event's entry: its agreement, its partner folded (the bytes of `PartnerName.folded`,
    /// folded by the caller into a buffer it reuses), whether it is the agreement's `signed` event, and its
    /// line's seq, offset and length (newline excluded).
    static func appendEntry(_ w: inout BinaryWriter, id: String, name: [UInt8], signed: Bool, seq: Int, offset: Int, length: Int) {
        w.string(id)
        w.string(utf8: name)
        w.bool(signed)
        w.int(seq)
        w.int(offset)
        w.int(length)
    }

    /// The next entry of `segment`, as `appendEntry` wrote it (meaningless once `segment.entries.failed` is set).
    static func nextEntry(_ segment: inout SegmentFile.Segment)
        -> (id: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, signed: Bool, seq: Int, offset: Int, length: Int) {
        let id = segment.entries.text(), name = segment.entries.text()
        let signed = segment.entries.bool()
        let seq = segment.entries.int(), offset = segment.entries.int(), length = segment.entries.int()
        return (id, name, signed, seq, offset, length)
    }

    /// The segments of the index's bytes that chain from the log's first line (`SegmentFile.segments`).
    static func segments(_ bytes: UnsafeBufferPointer<UInt8>,
                         release: (Range<Int>) -> Void = { _ in }) -> (segments: [SegmentFile.Segment], end: Int) {
        file.segments(bytes, release: release)
    }

    // MARK: - Writers

    /// Which events of a batch bring a partner name their agreement did not have just before it (its `signed`
    /// event, a spelling fix): only their names are written to the index. A later line repeating the name is
    /// found through its agreement, already wanted once the name matched, so the index shrinks by most of its
    /// names and a lookup skips them. (A rebuilt index keeps every line's name.)
    static func bringsName(_ batch: [LedgerEvent], before state: LedgerState) -> [Bool] {
        var brings: [Bool] = []
        brings.reserveCapacity(batch.count)
        // Fields read in place: a copy of an event or an agreement would retain every field.
        batch.withUnsafeBufferPointer { events in
            state.agreements.withUnsafeBufferPointer { agreements in
                for i in events.indices {
                    guard let id = events[i].agreement else {
                        brings.append(false)
                        continue
                    }
                    if events[i].type == .signed { brings.append(true); continue }
                    guard let p = state.position(of: id) else { brings.append(events[i].partner != nil); continue }
                    brings.append(agreements[p].record.partner != events[i].partner)
                }
            }
        }
        return brings
    }

    /// Brings the index up to the committed log `after` once a writer appended `batch` (its lines
    /// `lineLengths` long, newline excluded) to the committed log `before`: a segment is appended when the
    /// index ended at `before`; otherwise the index is rebuilt from the log. Failures only cost speed.
    /// `names` says which events' partner names to write (`bringsName`).
    static func update(directory: String, logPath: String, before: (lines: Int, bytes: Int, hash: String),
                       batch: [LedgerEvent], names: [Bool], lineLengths: [Int], after: VerifiedCheckpoint) {
        guard file.isAppendable(directory: directory, after: (before.lines, before.bytes)) else {
            return rebuild(directory: directory, logPath: logPath, committed: after)
        }
        // Lines' offsets, then the entries serialized on all cores (folding the names is most of the work).
        var offsets: [Int] = []
        offsets.reserveCapacity(batch.count)
        var offset = before.bytes
        for length in lineLengths {
            offsets.append(offset)
            offset += length + 1
        }
        let parts = ParallelChunks.map(count: batch.count, chunkSize: 16_384) { [batch, offsets] range in
            var w = BinaryWriter(capacity: range.count * 64)
            var count = 0
            var name: [UInt8] = []
            batch.forEachInPlace(in: range) { i, e in
                guard let id = e.pointee.agreement else { return }
                name.removeAll(keepingCapacity: true)
                if names[i] { PartnerName.fold(e.pointee.partner ?? "", into: &name) }
                appendEntry(&w, id: id, name: name, signed: e.pointee.type == .signed,
                            seq: e.pointee.seq, offset: offsets[i], length: lineLengths[i])
                count += 1
            }
            return (w.bytes, count)
        }
        file.append(directory: directory, parts.map(\.0), count: parts.reduce(0) { $0 + $1.1 },
                    covering: SegmentFile.Coverage(firstSeq: before.lines + 1, lastSeq: after.lines, start: before.bytes,
                                                   end: after.bytes, lastHash: after.hash))
    }

    /// Rebuilds the index when it does not end exactly where the committed log does (a writer with nothing
    /// to append, on a store whose index is missing, stale or of an older build).
    static func ensureCurrent(directory: String, logPath: String, committed: VerifiedCheckpoint) {
        if file.isCurrent(directory: directory, committed: committed) { return }
        rebuild(directory: directory, logPath: logPath, committed: committed)
    }

    /// The lines and bytes the index covers when the whole file is segments that chain; nil otherwise.
    static func current(directory: String) -> (lines: Int, bytes: Int)? { file.current(directory: directory) }

    /// Writes the index of the committed log's lines afresh, a segment per run of lines, and renames it
    /// into place.
    static func rebuild(directory: String, logPath: String, committed: VerifiedCheckpoint,
                        segmentLines: Int = rebuildSegmentLines) {
        file.rebuild(directory: directory, logPath: logPath) { log, out in
            var ok = true
            var entries = BinaryWriter(capacity: 1 << 20)
            var count = 0
            var seq = 0
            // Each line's folded name, in one reused buffer.
            var name: [UInt8] = []
            var segmentStart = (seq: 1, byte: 0)
            var lastHash = ""
            func emit(end: Int) {
                ok = ok && file.writeSegment([entries.bytes], count: count,
                                             covering: SegmentFile.Coverage(firstSeq: segmentStart.seq, lastSeq: seq,
                                                                            start: segmentStart.byte, end: end,
                                                                            lastHash: lastHash), to: out)
                entries = BinaryWriter(capacity: 1 << 20)
                count = 0
                segmentStart = (seq + 1, end)
            }
            do {
                try LogScanner.forEachLine(fd: log, path: logPath, to: committed.bytes) { line, offset in
                    seq += 1
                    guard let hash = LogScanner.stringMember(line, "hash") else { ok = false; return false }
                    lastHash = String(decoding: hash, as: UTF8.self)
                    if let id = LogScanner.stringMember(line, "agreement") {
                        let partner = LogScanner.stringMember(line, "partner").flatMap(LogScanner.stringValue) ?? ""
                        name.removeAll(keepingCapacity: true)
                        PartnerName.fold(partner, into: &name)
                        appendEntry(&entries, id: LogScanner.stringValue(id) ?? "", name: name,
                                    signed: LogScanner.isSignedLine(line), seq: seq, offset: offset, length: line.count)
                        count += 1
                    }
                    if seq % segmentLines == 0 { emit(end: offset + line.count + 1) }
                    return ok
                }
            } catch {
                ok = false
            }
            if seq >= segmentStart.seq { emit(end: committed.bytes) }
            return ok && seq == committed.lines && lastHash == committed.hash
        }
    }

    // MARK: - Readers

    /// Every event of the agreements whose id is `id` or whose partner, folded, has ever held `needle`, in
    /// log order; nil when the index cannot be used (the caller scans the log instead).
    static func events(directory: String, logPath: String, id: [UInt8], needle: [UInt8]) throws(StoreError) -> [LedgerEvent]? {
        guard let file = MappedFile(path: EventStore.join(directory, relativePath)) else { return nil }
        // Pages are handed back as segments are read: the file grows with the log, the memory must not.
        let (found, _) = segments(file.bytes, release: file.release)
        guard let covered = found.last?.coverage else { return nil }
        let fd = open(logPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // The log's line at the end of what the index covers must still be the one it recorded.
        guard let last = lastLine(fd: fd, end: covered.end),
              last.withUnsafeBufferPointer({ LogScanner.stringMember($0, "hash")?.elementsEqual(covered.lastHash.utf8) }) == true
        else { return nil }

        // The agreements wanted: by the index, then among the lines after it.
        var wanted = WantedIDs()
        var late = false  // an agreement matched on a line that was not its first: its earlier lines need a second pass
        var lines: [(offset: Int, length: Int, seq: Int, id: String)] = []
        for var segment in found {
            for n in 0..<segment.count {
                if n % 65_536 == 65_535 { file.release(segment.range.lowerBound..<(segment.payloadStart + segment.entries.offset)) }
                let e = nextEntry(&segment)
                guard !segment.entries.failed else { return nil }
                // An entry without a name repeats its agreement's: already tested at an earlier entry.
                if e.id.elementsEqual(id) || (!needle.isEmpty && !e.name.isEmpty
                                              && needle.withUnsafeBufferPointer { ByteSearch.contains(e.name, $0) }) {
                    if wanted.insert(e.id) && !e.signed { late = true }
                } else if !wanted.contains(e.id) {
                    continue
                }
                lines.append((e.offset, e.length, e.seq, String(decoding: e.id, as: UTF8.self)))
            }
            file.release(segment.range)
        }
        // Lines after the index, scanned as `history` scans a whole log: first the lines that match, then every
        // line of the agreements found.
        let folded = String(decoding: needle, as: UTF8.self)
        let matched = try LogScanner.events(path: logPath, from: covered.end, firstLine: covered.lastSeq + 1) { line in
            if let e = LogScanner.stringMember(line, "agreement"), e.elementsEqual(id) { return true }
            guard !needle.isEmpty, let raw = LogScanner.stringMember(line, "partner"),
                  let partner = LogScanner.stringValue(raw) else { return false }
            return CellText.contains(PartnerName.folded(partner), folded)
        }
        for e in matched { if let a = e.agreement, wanted.insert(a.utf8) { late = true } }
        // Agreements matched only by a later line: their lines in the index, from the start.
        if late {
            lines = []
            for var segment in found {
                for _ in 0..<segment.count {
                    let e = nextEntry(&segment)
                    if wanted.contains(e.id) { lines.append((e.offset, e.length, e.seq, String(decoding: e.id, as: UTF8.self))) }
                }
                file.release(segment.range)
            }
        }
        var events: [LedgerEvent] = []
        for line in lines {
            guard let event = fetch(fd: fd, line) else { return nil }
            events.append(event)
        }
        if wanted.isEmpty { return events }
        let tail = try LogScanner.events(path: logPath, from: covered.end, firstLine: covered.lastSeq + 1) { line in
            LogScanner.stringMember(line, "agreement").map { wanted.contains($0) } ?? false
        }
        return events + tail
    }

    /// The ids an index lookup wants: compared byte for byte while they are few (the usual case, one
    /// partner's agreements), hashed when many.
    private struct WantedIDs {
        private var list: [[UInt8]] = []
        private var set: Set<[UInt8]> = []
        var isEmpty: Bool { list.isEmpty && set.isEmpty }

        /// True when `id` was not wanted yet.
        mutating func insert(_ id: some Collection<UInt8>) -> Bool {
            if contains(id) { return false }
            if set.isEmpty && list.count < 16 {
                list.append(Array(id))
            } else {
                if set.isEmpty { set = Set(list) }
                set.insert(Array(id))
            }
            return true
        }

        func contains(_ id: some Collection<UInt8>) -> Bool {
            if !set.isEmpty { return set.contains(Array(id)) }
            return list.contains { $0.elementsEqual(id) }
        }
    }

    /// The line `entry` points to, when it is a whole line there, of that agreement and seq, in canonical
    /// form with a hash that holds.
    private static func fetch(fd: Int32, _ entry: (offset: Int, length: Int, seq: Int, id: String)) -> LedgerEvent? {
        guard entry.offset >= 0, entry.offset < 1 << 52, entry.length > 0, entry.length < 1 << 30 else { return nil }
        var bytes = [UInt8](repeating: 0, count: entry.length + 2)
        let start = entry.offset - 1
        let wanted = start < 0 ? entry.length + 1 : entry.length + 2
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + (start < 0 ? 1 : 0), wanted, off_t(max(0, start))) }
        guard n == wanted, bytes[entry.length + 1] == 0x0A, start < 0 || bytes[0] == 0x0A else { return nil }
        return bytes.withUnsafeBufferPointer { all -> LedgerEvent? in
            let line = UnsafeBufferPointer(rebasing: all[1...entry.length])
            guard let event = try? LogLine.decode(line, 0..<line.count).get(), event.seq == entry.seq,
                  event.agreement == entry.id, event.isCanonicalLine(line) else { return nil }
            return event
        }
    }

    /// The complete line that ends just before byte `end` (its newline at `end - 1`).
    private static func lastLine(fd: Int32, end: Int) -> [UInt8]? {
        var window = 1 << 16
        while true {
            let start = max(0, end - window)
            var bytes = [UInt8](repeating: 0, count: end - start)
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(start)) }
            guard n == bytes.count, bytes.last == 0x0A else { return nil }
            if let newline = bytes.dropLast().lastIndex(of: 0x0A) { return Array(bytes[(newline + 1)..<(bytes.count - 1)]) }
            if start == 0 { return Array(bytes.dropLast()) }
            window *= 4
        }
    }
}

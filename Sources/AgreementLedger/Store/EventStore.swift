#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only event log, `<dir>/events.jsonl`: the ledger's source of truth. It is never rewritten;
/// batches are appended whole under an exclusive lock, and only a torn, never-committed tail is ever removed.
public final class EventStore {
    /// The log's file name inside the store.
    public static let logFileName = "events.jsonl"
    /// The writers' lock file inside the store.
    public static let lockFileName = ".lock"
    /// Where recovery puts torn batches, inside the store.
    public static let rejectedDirectoryName = "rejected"

    /// The store directory as given (messages name paths under it).
    public let directory: String
    /// `<directory>/events.jsonl`, as messages name it.
    public let logPath: String
    /// Batches moved aside by recovery during this process (so the CLI can report them).
    public private(set) var recoveredBatches: [RecoveredBatch] = []

    /// Lines per chunk of the parallel walk; tests lower it to exercise the chunk boundaries.
    var walkChunkSize = LogVerifier.defaultChunkSize

    /// Logs larger than this are read window by window (tests lower both to exercise the windows).
    var wholeLogLimit = LogWindows.wholeFileLimit
    var logWindowSize = LogWindows.windowSize

    /// Bytes per `write(2)` of an append; tests lower it to make a batch span several writes.
    var appendPieceSize = 4 << 20

    /// The fewest agreements a state checkpoint must hold for an import to write only its changes on top of it
    /// (`StateChanges`) rather than all of it again; tests lower it to exercise the changes.
    var smallestLayeredCheckpoint = 8192

    /// Events serialized together before they are chained and written; tests lower it to exercise windows.
    var appendWindowSize = 32_768

    /// The `write(2)` of an append; tests replace it to simulate a disk that fails part-way.
    var appendWrite: (Int32, UnsafeRawPointer, Int) -> Int = { fd, bytes, count in write(fd, bytes, count) }

    /// Opens (creating the directory when `create`) the store at `directory`.
    public init(directory: String, create: Bool) throws(StoreError) {
        self.directory = directory
        self.logPath = EventStore.join(directory, EventStore.logFileName)
        var st = stat()
        if stat(directory, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFDIR else {
                throw .io(path: directory, operation: "open the store", reason: "not a directory")
            }
        } else if create {
            try EventStore.makeDirectories(directory)
        } else {
            throw .missingStore(directory: directory)
        }
    }

    /// All committed events (complete batches only: lines after the last `imported` event are an unfinished
    /// or torn batch and are not returned). Checks JSON, seq contiguity and prev links (cheap); throws
    /// StoreError naming the line on a fault. Does not take the lock (readers never block).
    public func readCommitted() throws(StoreError) -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        try walkCommitted { events.append($0) }
        return events
    }

    /// The state folded from the committed events of `source` (all when nil) recorded on or before `until`
    /// (all when nil): `status --at` and `expiring`, without holding the events.
    public func readState(source: String?, until: PartialDate?) throws(StoreError) -> LedgerState {
        if source == nil && until == nil { return try readState() }
        var state = LedgerState()
        try walkCommitted { event in
            if let source, event.source != source { return }
            if let until, until < event.recorded { return }
            state.apply(event)
        }
        return state
    }

    /// The cheap structural walk of the committed lines, each event handed to `consume` in order; a big
    /// log is read window by window.
    private func walkCommitted(_ consume: (LedgerEvent) -> Void) throws(StoreError) {
        let fd = open(logPath, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return }
            throw .io(path: logPath, operation: "open", reason: LogFile.errorText())
        }
        defer { close(fd) }
        let size = try LogFile.size(fd: fd, path: logPath)
        if size > wholeLogLimit, let tail = try LogWindows.tail(fd: fd, path: logPath, size: size, windowSize: logWindowSize) {
            let (walk, _) = try LogWindows.walk(fd: fd, path: logPath, from: 0, to: tail.committedEnd, firstSeq: 1,
                                                previousHash: LedgerEvent.genesisHash, full: false,
                                                chunkSize: walkChunkSize, windowSize: logWindowSize, consume: consume)
            if let fault = walk.fault { throw EventStore.error(fault, log: logPath, writing: false) }
            return
        }
        let bytes = try LogFile.readAll(fd: fd, path: logPath)
        let log = logPath
        let chunkSize = walkChunkSize
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<Void, StoreError> in
            let layout = LogLayout(buffer)
            let walk = LogVerifier.walk(buffer, lines: layout.lines[..<layout.committedLines], full: false,
                                        chunkSize: chunkSize, keepEvents: false, consume: consume)
            if let fault = walk.fault { return .failure(EventStore.error(fault, log: log, writing: false)) }
            return .success(())
        }
        try result.get()
    }

    /// The committed events whose line `keep` accepts (a cheap test on its raw bytes), read in pieces and
    /// decoded only when kept: for readers that need a few events of a big log. Unlike `readCommitted`,
    /// lines are not checked against each other (`verify` does that).
    public func readCommitted(keepingLines keep: (UnsafeBufferPointer<UInt8>) -> Bool) throws(StoreError) -> [LedgerEvent] {
        try LogScanner.events(path: logPath, keep: keep)
    }

    /// The `imported` events that close each batch: the import log.
    public func readImports() throws(StoreError) -> [LedgerEvent] {
        try readCommitted { LogScanner.isImportedLine($0) }
    }

    /// The events of one import, its closing `imported` event last; the latest import when `id` is nil.
    /// Empty when there is no such import.
    public func readImport(_ id: String?) throws(StoreError) -> [LedgerEvent] {
        var wanted = id
        if wanted == nil { wanted = try readImports().last?.importID }
        guard let id = wanted else { return [] }
        var member: [UInt8] = Array(#","import":"#.utf8)
        JSONWriter.writeString(id, into: &member)
        member.append(UInt8(ascii: ","))
        return try readCommitted { LogScanner.contains($0, member) }
    }

    /// The current state of every agreement (the fold of the committed log) without keeping the events:
    /// what `status` needs. Uses the state checkpoint when the log still holds what it covers and reads
    /// only the lines after it; otherwise folds the whole log. Checks like `readCommitted`.
    public func readState() throws(StoreError) -> LedgerState {
        let fd = open(logPath, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return LedgerState() }
            throw .io(path: logPath, operation: "open", reason: LogFile.errorText())
        }
        defer { close(fd) }
        var baseState = LedgerState()
        let base = try checkpointedBase(fd: fd, state: &baseState)
        let tail = try LogFile.readAll(fd: fd, path: logPath, from: base?.stamp.bytes ?? 0)
        let log = logPath
        let chunkSize = walkChunkSize
        let walked = tail.withUnsafeBufferPointer { buffer -> Result<LedgerState, StoreError> in
            let layout = LogLayout(buffer)
            var state = LedgerState()
            swap(&state, &baseState)
            let walk = LogVerifier.walk(buffer, lines: layout.lines[..<layout.committedLines], full: false,
                                        firstSeq: (base?.stamp.lines ?? 0) + 1,
                                        previousHash: base?.stamp.hash ?? LedgerEvent.genesisHash, chunkSize: chunkSize,
                                        keepEvents: false) { state.apply($0) }
            if let fault = walk.fault { return .failure(EventStore.error(fault, log: log, writing: false)) }
            return .success(state)
        }
        return try walked.get()
    }

    /// Hands every agreement of the current state to `body`, in ledger order: `readState().agreements`
    /// without holding them. When the state checkpoint covers every committed line they are decoded from it
    /// one at a time (a million agreements never in memory at once); otherwise the state is folded first.
    public func forEachAgreement(_ body: (AgreementState) -> Void) throws(StoreError) {
        if try streamCheckpoint(body) { return }
        for a in try readState().agreements { body(a) }
    }

    /// Streams the checkpoint's agreements when it is current and nothing was committed after it; false
    /// (nothing handed on) otherwise.
    func streamCheckpoint(_ body: (AgreementState) -> Void) throws(StoreError) -> Bool {
        try withCurrentCheckpoint { checked, file in checked.forEachAgreement(release: file.release, body) }
    }

    /// The agreements read in place from the state checkpoint, `size` at a time in ledger order, when it is
    /// current and nothing was committed after it; false (nothing handed on) otherwise. The entries are
    /// valid only inside `body`. `status --json` writes them without decoding them, reading the next batch
    /// (`readAhead`, as `StateCheckpoint.Checked.forEachBatch` says) while it writes this one.
    ///
    /// With `at`, the list as it stood at the end of that day: the checkpoint's agreements with the changes
    /// of the batches recorded after it taken back (`cache/past`); false also when that file cannot serve.
    func forEachCheckpointBatch(size: Int, at day: PartialDate? = nil,
                                _ body: ([CheckpointEntry], _ readAhead: @escaping @Sendable () -> Void) -> Void) throws(StoreError) -> Bool {
        try forEachCheckpointBatch(size: size, at: day, passes: 1) { _, entries, readAhead in body(entries, readAhead) }
    }

    /// As above, the agreements handed on `passes` times over (`pass` counting from 0) from one check of the
    /// checkpoint: the `status` table measures its columns in a first pass and writes them in a second.
    func forEachCheckpointBatch(size: Int, at day: PartialDate? = nil, passes: Int,
                                _ body: (_ pass: Int, [CheckpointEntry], _ readAhead: @escaping @Sendable () -> Void) -> Void)
        throws(StoreError) -> Bool {
        guard let day else {
            return try withCurrentCheckpoint { checked, file in
                for pass in 0..<passes {
                    var reading = checked
                    guard reading.forEachBatch(size: size, release: file.release, { body(pass, $0, $1) }) else { return false }
                }
                return true
            }
        }
        var past: PastStates.TakenBack?
        return try withCurrentCheckpoint(accepting: { stamp in
            past = PastStates.takenBack(to: day, directory: directory, covered: stamp)
            return past != nil
        }) { checked, file in
            let changes = past!.changes
            var kept: [CheckpointEntry] = []
            kept.reserveCapacity(size)
            for pass in 0..<passes {
                var reading = checked
                var next = 0
                let read = reading.forEachBatch(size: size, release: file.release) { entries, readAhead in
                    kept.removeAll(keepingCapacity: true)
                    for entry in entries {
                        while next < changes.count && changes[next].firstSeq < entry.firstSeq { next += 1 }
                        guard next < changes.count && changes[next].firstSeq == entry.firstSeq else {
                            kept.append(entry)
                            continue
                        }
                        // Changed after the day: as it was then, or not listed when it did not exist yet.
                        if let offset = changes[next].entry { kept.append(past!.entry(at: offset)) }
                        next += 1
                    }
                    body(pass, kept, readAhead)
                }
                guard read else { return false }
            }
            return true
        }
    }

    /// Runs `read` on the state checkpoint when it is current (the last writer's record of the log file vouches
    /// for its stamp, or the stamp's checksum holds on the log), no line was committed after it, and `accepting`
    /// its stamp says yes; false otherwise. `read` returns false for a malformed file.
    private func withCurrentCheckpoint(accepting: (VerifiedCheckpoint) -> Bool = { _ in true },
                                       _ read: (inout StateCheckpoint.Checked, MappedFile) -> Bool) throws(StoreError) -> Bool {
        guard let (file, found) = StateCheckpoint.mapped(directory: directory), accepting(found.stamp) else { return false }
        var checked = found
        let fd = open(logPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // The log's bytes are those the stamp covers when the last writer's record of the file still holds, else
        // when their checksum does.
        if !LogIdentity.vouches(for: checked.stamp, directory: directory, fd: fd) {
            guard try prefixChecksum(ofCovered: checked.stamp, fd: fd) != nil else { return false }
        }
        let tail = try LogFile.readAll(fd: fd, path: logPath, from: checked.stamp.bytes)
        guard tail.withUnsafeBufferPointer({ LogLayout($0).committedLines }) == 0 else { return false }
        // The file's checksum held, so only a fault in the code that wrote it could stop the decode part-way.
        guard read(&checked, file) else {
            throw .io(path: EventStore.join(directory, StateCheckpoint.relativePath), operation: "read",
                      reason: "malformed although its checksum holds; delete it (it is derived) and run the command again")
        }
        return true
    }

    /// Runs `body` holding the exclusive write lock: recovers a torn tail first, verifies the log
    /// (refusing with an error naming the first bad line), passes the state of the committed log to
    /// `body`, and appends the batch `body` returns (nil or empty = append nothing) in writes of a few
    /// megabytes and an fsync. The batch's last event must be `.imported` and no other may be; seq, prev
    /// and hash are assigned here. Returns the batch as written, or nothing when `returningBatch` is false: a
    /// caller that only needs to know it landed spares memory the size of a big batch. A failed write is cut
    /// back off the log before throwing.
    ///
    /// Lines covered by the state checkpoint (verified in full by an earlier writer, their bytes unchanged
    /// since, as a checksum shows) are not read again; every other line is verified in full.
    ///
    /// `sharing` gives strings the caller already has (an import: the snapshot's partner names), asked for only
    /// when a checkpoint is read: the state's equal ones share their storage, and the set is let go then.
    public func transaction(returningBatch: Bool = true, sharing: () -> HeldStrings = { .none },
                            _ body: (LedgerState) throws -> [LedgerEvent]?) throws -> [LedgerEvent] {
        try FileLock.withExclusiveLock(path: EventStore.join(directory, EventStore.lockFileName)) {
            try locked(returningBatch: returningBatch, sharing: sharing, body)
        }
    }

    /// Walks the whole log: every line parses as JSON and as an event, seq is 1,2,3..., prev links, each
    /// hash matches, the bytes are canonical, the format is known, the log ends with a complete batch.
    /// Never modifies anything. Waits for a writer's append in progress (a shared lock on the lock file),
    /// so a batch being written is never reported as torn.
    public func verify() -> VerificationReport {
        FileLock.withSharedLockIfPresent(path: EventStore.join(directory, EventStore.lockFileName)) { verifyUnlocked() }
    }

    private func verifyUnlocked() -> VerificationReport {
        if let report = verifyInWindows() { return report }
        let bytes: [UInt8]
        do {
            // A missing log is an empty one (unless the checkpoint says lines were committed: see below).
            bytes = try LogFile.readAll(path: logPath) ?? []
        } catch {
            return VerificationReport(ok: false, lineCount: 0, eventCount: 0, importCount: 0, problem: error.description)
        }
        return bytes.withUnsafeBufferPointer { buffer in
            let layout = LogLayout(buffer)
            let walk = LogVerifier.walk(buffer, lines: layout.lines[..<layout.committedLines], full: true,
                                        chunkSize: walkChunkSize, keepEvents: false, handingOn: false)
            var report = VerificationReport(ok: true, lineCount: layout.lineCount, eventCount: walk.validCount,
                                            importCount: walk.importCount)
            if let fault = walk.fault {
                report.ok = false
                report.firstBadLine = fault.line
                report.problem = EventStore.text(fault.problem)
            } else if layout.partialUnreadable {
                report.ok = false
                report.firstBadLine = layout.lineCount
                report.problem = EventStore.garbageProblem
            } else if let c = VerifiedCheckpoint.read(directory: directory), c.bytes > layout.committedEnd {
                report.ok = false
                report.firstBadLine = layout.committedLines + 1
                report.problem = EventStore.missingLinesProblem(c, lines: layout.committedLines, end: layout.committedEnd)
            } else if layout.hasTail {
                report.ok = false
                report.firstBadLine = layout.committedLines + 1
                report.problem = "the log ends with an unfinished batch (\(layout.tailLineCount) line(s) without a "
                    + "closing \"imported\" event, cut off by a crash?); the next import moves them to "
                    + "\(EventStore.rejectedDirectoryName)/"
            }
            return report
        }
    }

    /// `verify` of a big log, read window by window (memory does not grow with the log); nil when the log
    /// is small, missing, or its end holds no complete batch in one window: then it is read whole.
    private func verifyInWindows() -> VerificationReport? {
        let fd = open(logPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        do {
            let size = try LogFile.size(fd: fd, path: logPath)
            guard size > wholeLogLimit,
                  let tail = try LogWindows.tail(fd: fd, path: logPath, size: size, windowSize: logWindowSize) else { return nil }
            let (walk, committedLines) = try LogWindows.walk(fd: fd, path: logPath, from: 0, to: tail.committedEnd,
                                                             firstSeq: 1, previousHash: LedgerEvent.genesisHash, full: true,
                                                             chunkSize: walkChunkSize, windowSize: logWindowSize,
                                                             handingOn: false) { _ in }
            var report = VerificationReport(ok: true, lineCount: committedLines + tail.layout.tailLineCount,
                                            eventCount: walk.validCount, importCount: walk.importCount)
            if let fault = walk.fault {
                report.ok = false
                report.firstBadLine = fault.line
                report.problem = EventStore.text(fault.problem)
            } else if tail.layout.partialUnreadable {
                report.ok = false
                report.firstBadLine = report.lineCount
                report.problem = EventStore.garbageProblem
            } else if let c = VerifiedCheckpoint.read(directory: directory), c.bytes > tail.committedEnd {
                report.ok = false
                report.firstBadLine = committedLines + 1
                report.problem = EventStore.missingLinesProblem(c, lines: committedLines, end: tail.committedEnd)
            } else if tail.layout.hasTail {
                report.ok = false
                report.firstBadLine = committedLines + 1
                report.problem = "the log ends with an unfinished batch (\(tail.layout.tailLineCount) line(s) without a "
                    + "closing \"imported\" event, cut off by a crash?); the next import moves them to "
                    + "\(EventStore.rejectedDirectoryName)/"
            }
            return report
        } catch {
            return VerificationReport(ok: false, lineCount: 0, eventCount: 0, importCount: 0, problem: error.description)
        }
    }

    // MARK: - The locked part of a transaction

    private func locked(returningBatch: Bool, sharing: () -> HeldStrings,
                        _ body: (LedgerState) throws -> [LedgerEvent]?) throws -> [LedgerEvent] {
        let existed = LogFile.exists(logPath)
        let fd = open(logPath, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.io(path: logPath, operation: "open", reason: LogFile.errorText()) }
        defer { close(fd) }
        if !existed { try LogFile.syncDirectory(directory) }

        // Only the bytes after a still-valid state checkpoint are read; without one, the whole log.
        // The state is moved out of the checkpoint read, so that nothing else holds it when it changes.
        var state = LedgerState()
        let base = try checkpointedBase(fd: fd, sharing: sharing, state: &state)
        let offset = base?.stamp.bytes ?? 0
        let baseLines = base?.stamp.lines ?? 0
        let baseHash = base?.stamp.hash ?? LedgerEvent.genesisHash
        var bytes = try LogFile.readAll(fd: fd, path: logPath, from: offset)
        var layout = bytes.withUnsafeBufferPointer { LogLayout($0) }
        // Lines a previous writer verified in full (the checkpoint) get the cheap structural walk only;
        // a checkpoint that does not match the log is ignored and everything is checked again.
        let checkpoint = VerifiedCheckpoint.read(directory: directory)
        if layout.partialUnreadable {
            throw StoreError.writeRefused(log: logPath, line: baseLines + layout.lineCount, problem: EventStore.garbageProblem)
        }
        // A torn write only ever follows the committed part. When a writer recorded more committed bytes than
        // the complete batches now hold, committed lines were cut off (a truncated log): appending, or moving
        // an unfinished batch aside, would bury that: refuse instead.
        if let c = checkpoint, c.bytes > offset + layout.committedEnd, !layout.tailUnreadable {
            // Name the first bad line when there is one before the cut.
            let walk = bytes.withUnsafeBufferPointer {
                LogVerifier.walk($0, lines: layout.lines[..<layout.committedLines], full: true, firstSeq: baseLines + 1,
                                 previousHash: baseHash, chunkSize: walkChunkSize, keepEvents: false)
            }
            if let fault = walk.fault { throw EventStore.error(fault, log: logPath, writing: true) }
            throw StoreError.writeRefused(log: logPath, line: baseLines + layout.committedLines + 1,
                                          problem: EventStore.missingLinesProblem(c, lines: baseLines + layout.committedLines,
                                                                                  end: offset + layout.committedEnd))
        }
        if layout.hasTail && !layout.tailUnreadable {
            try recoverTail(bytes, layout, offset: offset, fd: fd)
            bytes.removeSubrange(layout.committedEnd...)
            layout = bytes.withUnsafeBufferPointer { LogLayout($0) }
        }
        // Without a state checkpoint, lines the verified checkpoint covers get the cheap walk only.
        var from = 0
        if base == nil, let c = checkpoint, c.lines <= layout.committedLines, c.bytes <= layout.committedEnd,
           bytes.withUnsafeBufferPointer({ c.covers($0) }) {
            from = c.lines
        }
        // The committed lines not yet verified, folded onto the checkpointed state as they are checked.
        var hashAtFrom: String?
        var walk = bytes.withUnsafeBufferPointer { buffer in
            LogVerifier.walk(buffer, lines: layout.lines[..<layout.committedLines], full: true, fullFrom: from,
                             firstSeq: baseLines + 1, previousHash: baseHash, chunkSize: walkChunkSize, keepEvents: false) { event in
                if event.seq == from { hashAtFrom = event.hash }
                state.apply(event)
            }
        }
        if from > 0, walk.fault != nil || walk.validCount < from || hashAtFrom != checkpoint!.hash {
            state = LedgerState()
            walk = bytes.withUnsafeBufferPointer { buffer in
                LogVerifier.walk(buffer, lines: layout.lines[..<layout.committedLines], full: true,
                                 chunkSize: walkChunkSize, keepEvents: false) { state.apply($0) }
            }
        }
        if let fault = walk.fault { throw EventStore.error(fault, log: logPath, writing: true) }

        var accumulator = base?.accumulator ?? PrefixChecksum.Accumulator()
        bytes.withUnsafeBufferPointer { accumulator.add(UnsafeBufferPointer(rebasing: $0[..<layout.committedEnd])) }
        let lastHash = walk.lastHash ?? baseHash
        let committedLines = baseLines + layout.committedLines
        let committed = VerifiedCheckpoint(lines: committedLines, bytes: accumulator.count, checksum: accumulator.value,
                                           hash: lastHash)
        // Written again when it differs in anything (one of an older version, or stale, reads as none).
        if committedLines > 0 && checkpoint != committed { committed.write(directory: directory) }

        guard var batch = try body(state), !batch.isEmpty else {
            if committedLines > 0 {
                LogIdentity.write(directory: directory, stamp: committed, fd: fd)
                if baseLines != committedLines { StateCheckpoint(stamp: committed, state: state).write(directory: directory) }
                state = LedgerState()
                HistoryIndex.ensureCurrent(directory: directory, logPath: logPath, committed: committed)
                PastStates.ensureCurrent(directory: directory, logPath: logPath, committed: committed)
            }
            return []
        }
        try validate(&batch)
        let previousLength = offset + bytes.count
        bytes = []
        let (stamp, lineLengths) = try append(&batch, after: (committedLines, previousLength, lastHash), fd: fd,
                                              accumulator: &accumulator, keepingEnvelopes: returningBatch)
        stamp.write(directory: directory)
        LogIdentity.write(directory: directory, stamp: stamp, fd: fd)
        // Which events bring a name to the history index, and the batch's past states, worked out at once on two
        // cores: both only read the batch and the state before it. The state is lent to them (moved out and back),
        // so that no copy of it is alive when it grows.
        let before = consume state
        let written = batch
        let (names, segment) = ParallelChunks.both({ HistoryIndex.bringsName(written, before: before) },
                                                   { PastStates.segment(for: written, before: before) })
        _ = consume written
        state = consume before
        // Past states are written at once (their bytes let go before the state grows); a file that must be
        // rebuilt instead waits until the state is let go.
        let pastAppended = PastStates.append(directory: directory, before: (committedLines, previousLength),
                                             segment: segment, after: stamp)
        let signed = batch.withUnsafeBufferPointer { events in events.indices.count { events[$0].type == .signed } }
        let countBefore = state.agreements.count
        state.reserveCapacity(countBefore + signed)
        state.apply(contentsOf: batch)
        // Only the changes when the state was read from a big checkpoint and nothing was folded on top of it.
        let layered = baseLines == committedLines && (base?.layers).map {
            StateChanges.write(directory: directory, stamp: stamp, state: state, layers: $0, batch: batch,
                               countBefore: countBefore, smallestBase: smallestLayeredCheckpoint)
        } == true
        if !layered { StateCheckpoint(stamp: stamp, state: state).write(directory: directory) }
        // The state is let go (on another core) before the history index is brought up to date from the batch.
        BackgroundRelease.release(consume state)
        state = LedgerState()
        HistoryIndex.update(directory: directory, logPath: logPath, before: (committedLines, previousLength, lastHash),
                            batch: batch, names: names, lineLengths: lineLengths, after: stamp)
        if !pastAppended { PastStates.rebuild(directory: directory, logPath: logPath, committed: stamp) }
        if returningBatch { return batch }
        // Freeing a big batch keeps a core busy (half a second for a million events) that the caller need not wait for.
        BackgroundRelease.release(consume batch)
        return []
    }

    /// The state checkpoint, when the log's first bytes are still those it covers, with the checksum
    /// accumulated over them (so a writer can extend it); nil when there is none or it is stale.
    /// The state is moved into `state` (left as it is without a usable checkpoint).
    private func checkpointedBase(fd: Int32, sharing: () -> HeldStrings = { .none }, state: inout LedgerState) throws(StoreError)
        -> (stamp: VerifiedCheckpoint, accumulator: PrefixChecksum.Accumulator, layers: StateCheckpoint.Layers?)? {
        guard var cached = StateCheckpoint.read(directory: directory, sharing: sharing),
              let accumulator = try prefixChecksum(ofCovered: cached.stamp, fd: fd) else { return nil }
        swap(&state, &cached.state)
        return (cached.stamp, accumulator, cached.layers)
    }

    /// The checksum of the log's first bytes when they are still those `stamp` covers, else nil.
    private func prefixChecksum(ofCovered stamp: VerifiedCheckpoint, fd: Int32) throws(StoreError) -> PrefixChecksum.Accumulator? {
        guard stamp.bytes <= (try LogFile.size(fd: fd, path: logPath)),
              let accumulator = PrefixChecksum.accumulate(fd: fd, count: stamp.bytes),
              accumulator.value == stamp.checksum else { return nil }
        return accumulator
    }

    /// Moves the bytes after the committed part to `rejected/` (durably), then cuts them off the log.
    private func recoverTail(_ bytes: [UInt8], _ layout: LogLayout, offset: Int, fd: Int32) throws(StoreError) {
        let rejected = EventStore.join(directory, EventStore.rejectedDirectoryName)
        try LogFile.makeDirectory(rejected)
        let tail = bytes[layout.committedEnd...]
        let digest = tail.withUnsafeBytes { SHA256.hex(of: SHA256.digest($0)) }
        let name = "torn-\(layout.tailFirstSeq.map(String.init) ?? "partial")-\(digest.prefix(16)).jsonl"
        let path = EventStore.join(rejected, name)
        let written = tail.withUnsafeBufferPointer { buffer in
            Result { () throws(StoreError) in try LogFile.writeDurably(buffer, to: path) }
        }
        try written.get()
        try LogFile.syncDirectory(rejected)
        try LogFile.syncDirectory(directory)
        guard ftruncate(fd, off_t(offset + layout.committedEnd)) == 0 else {
            throw .io(path: logPath, operation: "cut off the torn tail", reason: LogFile.errorText())
        }
        guard fsync(fd) == 0 else { throw .io(path: logPath, operation: "fsync", reason: LogFile.errorText()) }
        recoveredBatches.append(RecoveredBatch(path: path, lineCount: layout.tailLineCount, byteCount: tail.count))
    }

    /// The batch rules: `imported` last and only last; its format is the one this code writes.
    private func validate(_ batch: inout [LedgerEvent]) throws(StoreError) {
        let last = batch.count - 1
        guard batch[last].type == .imported else {
            throw .invalidBatch(log: logPath, reason: "its last event is \"\(batch[last].type.rawValue)\", "
                + "but a batch must end with its \"imported\" event")
        }
        if let early = batch.firstIndexInPlace(in: 0..<last, where: { $0.pointee.type == .imported }) {
            throw .invalidBatch(log: logPath, reason: "event \(early + 1) of \(batch.count) is \"imported\"; "
                + "only the last event of a batch may be")
        }
        let version = batch[last].formatVersion ?? LedgerEvent.currentFormatVersion
        guard version == LedgerEvent.currentFormatVersion else {
            throw .invalidBatch(log: logPath, reason: "its \"imported\" event declares format \(version), "
                + "but this ledger writes format \(LedgerEvent.currentFormatVersion)")
        }
        batch[last].formatVersion = version
    }

    /// Assigns seq, prev and hash to the batch's events and appends their lines after `last` (the committed
    /// log: its line count, byte length and last hash), in pieces of a few megabytes so a big batch's
    /// lines are never all in memory, then fsyncs. Readers ignore a batch until its last line is written. On any
    /// failure the log is cut back to its committed length. Without `keepingEnvelopes`, only `seq` stays set on
    /// the lifecycle events (the closing event keeps its hashes): a hash string per event is not kept for nothing.
    /// Returns the stamp of the log with the batch, and each event's line length (newline excluded).
    private func append(_ batch: inout [LedgerEvent], after last: (lines: Int, bytes: Int, hash: String), fd: Int32,
                        accumulator: inout PrefixChecksum.Accumulator,
                        keepingEnvelopes: Bool) throws(StoreError) -> (stamp: VerifiedCheckpoint, lineLengths: [Int]) {
        let pieceSize = appendPieceSize
        var seq = last.lines
        var out = [UInt8]()
        out.reserveCapacity(min(batch.count * 640, pieceSize) + 4096)
        var flushed = 0
        // Pieces are written on another thread while the next is hashed.
        let writer = PieceWriter(fd: fd, write: appendWrite, accumulator: accumulator)
        var stopped = false
        func flush(_ out: inout [UInt8]) {
            flushed += out.count
            writer.submit(&out)
            stopped = writer.failure != nil
        }
        for index in batch.indices {
            seq += 1
            batch[index].seq = seq
        }
        // Serialized on both cores, chained and written in order; the batch is only read meanwhile, and
        // each event's envelope is set afterwards.
        var chain = ChainedLines(after: last.hash)
        chain.windowSize = appendWindowSize
        var envelopes: [(prev: String, hash: String)] = []
        if keepingEnvelopes { envelopes.reserveCapacity(batch.count) }
        var closing = (prev: "", hash: "")
        let lastIndex = batch.count - 1
        var lineLengths: [Int] = []
        lineLengths.reserveCapacity(batch.count)
        var lineStart = 0
        chain.chain(batch, into: &out) { index, out, prev, hash in
            let end = flushed + out.count
            lineLengths.append(end - lineStart - 1)
            lineStart = end
            if keepingEnvelopes || index == lastIndex {
                let envelope = (String(decoding: prev, as: UTF8.self), String(decoding: hash, as: UTF8.self))
                if keepingEnvelopes { envelopes.append(envelope) }
                if index == lastIndex { closing = envelope }
            }
            if out.count >= pieceSize { flush(&out) }
            return !stopped
        }
        if !stopped && !out.isEmpty { flush(&out) }
        accumulator = writer.finish()!
        var failure = writer.failure
        if keepingEnvelopes {
            for (index, envelope) in envelopes.enumerated() { (batch[index].prev, batch[index].hash) = envelope }
        } else {
            for index in batch.indices.dropLast() where !batch[index].prev.isEmpty { batch[index].prev = "" }
        }
        (batch[lastIndex].prev, batch[lastIndex].hash) = closing
        if failure == nil && fsync(fd) != 0 { failure = "fsync: " + LogFile.errorText() }
        guard let failure else {
            return (VerifiedCheckpoint(lines: seq, bytes: accumulator.count, checksum: accumulator.value, hash: closing.hash),
                    lineLengths)
        }
        let rolledBack = ftruncate(fd, off_t(last.bytes)) == 0 && fsync(fd) == 0
        throw .writeFailed(log: logPath, reason: failure, rolledBack: rolledBack)
    }

    // MARK: - Helpers

    static let garbageProblem = "the log ends with bytes that cannot start an event line (garbage appended?)"

    static func missingLinesProblem(_ c: VerifiedCheckpoint, lines: Int, end: Int) -> String {
        "committed lines are missing: the log's complete batches end after line \(lines) "
            + "(byte \(end)), but \(c.lines) lines (\(c.bytes) bytes) were committed, as "
            + "\(VerifiedCheckpoint.relativePath) records (a truncated log? if it was replaced on purpose, delete "
            + "\(VerifiedCheckpoint.relativePath))"
    }

    private static func error(_ fault: (line: Int, problem: LineProblem), log: String, writing: Bool) -> StoreError {
        switch fault.problem {
        case .newerFormat(let version): return .newerFormat(log: log, line: fault.line, version: version)
        case .other(let text):
            return writing ? .writeRefused(log: log, line: fault.line, problem: text)
                : .badLine(log: log, line: fault.line, problem: text)
        }
    }

    private static func text(_ problem: LineProblem) -> String {
        switch problem {
        case .newerFormat(let version): "the log was written by a newer ledger (format \(version))"
        case .other(let text): text
        }
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `mkdir -p`.
    private static func makeDirectories(_ path: String) throws(StoreError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            try LogFile.makeDirectory(prefix)
            prefix += "/"
        }
    }
}

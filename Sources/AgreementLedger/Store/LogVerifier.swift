import Dispatch

/// The forward walk over a log's committed lines: the checks that make the file an audit trail
/// (parse, seq 1, 2, 3..., prev links, hash, canonical bytes, known format).
///
/// Per-line work (parsing, decoding, hashing) runs on all cores in chunks; the links between lines
/// (seq, prev) are then checked in one cheap sequential pass.
enum LogVerifier {
    /// What a walk found.
    struct Walk {
        /// The events, when the walk was asked to keep them.
        var events: [LedgerEvent] = []
        /// Lines that passed every check (a prefix of the walked lines).
        var validCount = 0
        var importCount = 0
        /// Hash of the last valid line (nil when none).
        var lastHash: String?
        /// 1-based line and its problem; the walk stops there.
        var fault: (line: Int, problem: LineProblem)?
    }

    /// The per-line outcome of one chunk: how many of its lines (from its first) passed and were stored,
    /// and its first faulty line; then, checked on the same core, how many of those also follow each other
    /// (seq, and prev for all but the first line, whose link to the chunk before is checked in order later).
    private struct Chunk {
        var stored = 0
        var fault: (line: Int, problem: LineProblem)?
        /// Leading lines that decoded and link up inside the chunk.
        var linked = 0
        /// The first link fault inside the chunk (it comes before `fault`, at line `linked`).
        var linkFault: (line: Int, problem: LineProblem)?
        /// `prev` of the chunk's first line, `hash` of its last linked one; `imported` events among the linked.
        var firstPrev: LinkText?
        var lastHash: LinkText?
        var imports = 0
    }

    /// The buffers the parallel chunks share: the log is only read and outlives the work, and each chunk
    /// writes only its own slot and its own range of events and links, so no access races.
    private struct SharedBuffers: @unchecked Sendable {
        let log: UnsafeBufferPointer<UInt8>
        let chunks: UnsafeMutablePointer<Chunk>
        let events: UnsafeMutablePointer<LedgerEvent>
        let links: UnsafeMutablePointer<LineLink>
    }

    /// Lines per chunk of parallel work.
    static let defaultChunkSize = 8_192
    /// Chunks decoded at once: a round's events are handed on and released before the next round, so a
    /// walk's memory does not grow with the log.
    static let chunksPerRound = 8

    /// Walks `lines` of `log` (which must start at index 0) from the first. `full` adds the hash and
    /// canonical-form checks; without it the walk is the cheap structural check readers use.
    /// With `fullFrom`, only lines from that 0-based index on get the full checks (the ones before were
    /// verified earlier, as the store's checkpoint records). A walk of the lines after a checkpoint gives
    /// the `seq` of its first line and the hash of the line before it. Every valid event is passed to
    /// `consume` in log order; `keepEvents` also collects them in the result.
    /// With `handingOn` false (`verify`: no events kept, `consume` not called), the events are let go on the
    /// cores that decoded them.
    static func walk(_ log: UnsafeBufferPointer<UInt8>, lines: ArraySlice<Range<Int>>, full: Bool, fullFrom: Int = 0,
                     firstSeq: Int = 1, previousHash: String = LedgerEvent.genesisHash,
                     chunkSize: Int = defaultChunkSize, keepEvents: Bool = true, handingOn: Bool = true,
                     consume: (LedgerEvent) -> Void = { _ in }) -> Walk {
        let handsOn = handingOn || keepEvents
        precondition(lines.startIndex == 0)
        var result = Walk()
        if keepEvents { result.events.reserveCapacity(lines.count) }
        var previousHash = previousHash
        let roundSize = chunkSize * chunksPerRound
        // One buffer of events and one of links serve every round (fresh pages each round cost a fault per page).
        let roundCapacity = min(roundSize, lines.count)
        let buffer = UnsafeMutablePointer<LedgerEvent>.allocate(capacity: handsOn ? roundCapacity : 0)
        let links = UnsafeMutablePointer<LineLink>.allocate(capacity: roundCapacity)
        defer {
            buffer.deallocate()
            links.deallocate()
        }
        var roundStart = 0
        rounds: while roundStart < lines.count {
            let roundLines = lines[roundStart..<min(roundStart + roundSize, lines.count)]
            let chunkCount = (roundLines.count + chunkSize - 1) / chunkSize
            var chunks = [Chunk](repeating: Chunk(), count: chunkCount)
            chunks.withUnsafeMutableBufferPointer { slots in
                let shared = SharedBuffers(log: log, chunks: slots.baseAddress!, events: buffer, links: links)
                let base = roundStart
                let work: @Sendable (Int) -> Void = { n in
                    let from = base + n * chunkSize
                    let to = min(from + chunkSize, base + roundLines.count)
                    var chunk = checkLines(shared.log, lines: lines[from..<to], into: handsOn ? shared.events - base : nil,
                                           links: shared.links - base, full: full, fullFrom: fullFrom, firstSeq: firstSeq)
                    let first = shared.links + (from - base)
                    linkInside(&chunk, first, firstLine: from + firstSeq)
                    first.deinitialize(count: chunk.stored)
                    if !handsOn { chunk.stored = 0 }
                    shared.chunks[n] = chunk
                }
                if chunkCount == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunkCount, execute: work) }
            }
            // The links between chunks, in order, up to the first fault; each valid event handed on.
            var stopped = false
            for (n, chunk) in chunks.enumerated() {
                let firstLine = roundStart + n * chunkSize + firstSeq
                // The first line's seq is checked inside its chunk; its prev only here, after that.
                if chunk.linkFault?.line != firstLine, let prev = chunk.firstPrev, prev != LinkText(previousHash) {
                    result.fault = (firstLine, .other(LogVerifier.prevProblem(firstLine)))
                    stopped = true
                    break
                }
                if chunk.linked > 0 {
                    result.validCount += chunk.linked
                    result.importCount += chunk.imports
                    previousHash = chunk.lastHash!.text
                    result.lastHash = previousHash
                    if handsOn {
                        for offset in (n * chunkSize)..<(n * chunkSize + chunk.linked) {
                            consume(buffer[offset])
                            if keepEvents { result.events.append(buffer[offset]) }
                        }
                    }
                }
                if let fault = chunk.linkFault ?? chunk.fault {
                    result.fault = fault
                    stopped = true
                    break
                }
            }
            // Release what the chunks stored.
            for (n, chunk) in chunks.enumerated() where chunk.stored > 0 {
                (buffer + n * chunkSize).deinitialize(count: chunk.stored)
            }
            if stopped { break rounds }
            roundStart += roundLines.count
        }
        if let found = result.fault, case .other = found.problem,
           let newer = newerFormat(log, lines: lines[(found.line - firstSeq)...], firstSeq: firstSeq) {
            result.fault = (newer.line, .newerFormat(newer.version))
        }
        return result
    }

    /// Checks that the stored events of a chunk starting at line `firstLine` follow each other (seq 1, 2, 3…
    /// from `firstLine`; each prev the hash of the line before, from the second line on).
    private static func linkInside(_ chunk: inout Chunk, _ links: UnsafeMutablePointer<LineLink>, firstLine: Int) {
        chunk.firstPrev = chunk.stored > 0 ? links[0].prev : nil
        defer { if chunk.linked > 0 { chunk.lastHash = links[chunk.linked - 1].hash } }
        for k in 0..<chunk.stored {
            let lineNumber = firstLine + k
            if links[k].seq != lineNumber {
                chunk.linkFault = (lineNumber, .other("seq is \(links[k].seq) where \(lineNumber) belongs "
                    + "(a line was deleted, duplicated or moved?)"))
                return
            }
            if k > 0 && links[k].prev != links[k - 1].hash {
                chunk.linkFault = (lineNumber, .other(prevProblem(lineNumber)))
                return
            }
            chunk.linked += 1
            if links[k].imported { chunk.imports += 1 }
        }
    }

    private static func prevProblem(_ lineNumber: Int) -> String {
        lineNumber == 1
            ? "prev of the first line is not 64 zeros (lines were deleted before it?)"
            : "prev does not match the hash of line \(lineNumber - 1) (a line was deleted, inserted or moved?)"
    }

    /// The per-line checks of `lines`, storing each line's link at its index in `links` and, given `events`,
    /// its event there too, stopping at the first faulty line. Without `events`, a line needing the full
    /// checks takes `CanonicalLineCheck` first, which makes no event.
    private static func checkLines(_ log: UnsafeBufferPointer<UInt8>, lines: ArraySlice<Range<Int>>,
                                   into events: UnsafeMutablePointer<LedgerEvent>?, links: UnsafeMutablePointer<LineLink>,
                                   full: Bool, fullFrom: Int, firstSeq: Int) -> Chunk {
        var chunk = Chunk()
        var index = lines.startIndex
        while index < lines.endIndex {
            let fullCheck = full && index >= fullFrom
            // Without events, lines needing the full checks go four at a time through the check, their hashes
            // computed together; a line it does not read takes the decoding path, in order.
            let bare = events == nil && fullCheck
            let group = index..<(bare ? min(index + 4, lines.endIndex) : index + 1)
            let outcomes = bare ? CanonicalLineCheck.check(group.map { UnsafeBufferPointer(rebasing: log[lines[$0]]) }) : [nil]
            for at in group {
                switch outcomes[at - index] {
                case .valid(let link)?:
                    (links + at).initialize(to: link)
                    chunk.stored += 1
                case .newerFormat(let version)?:
                    chunk.fault = (at + firstSeq, .newerFormat(version))
                    return chunk
                case nil:
                    switch checkLine(log, lines[at], full: fullCheck) {
                    case .success(let event):
                        (links + at).initialize(to: LineLink(event))
                        events.map { ($0 + at).initialize(to: event) }
                        chunk.stored += 1
                    case .failure(let problem):
                        chunk.fault = (at + firstSeq, problem)
                        return chunk
                    }
                }
            }
            index = group.upperBound
        }
        return chunk
    }

    /// One line on its own: parses, decodes, known format; with `full`, canonical bytes and a hash that
    /// matches the line's content.
    private static func checkLine(_ log: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, full: Bool)
        -> Result<LedgerEvent, LineProblem> {
        guard full else {
            return LogLine.decode(log, range).flatMap { event in
                if event.type == .imported, let version = event.formatVersion, version > LedgerEvent.currentFormatVersion {
                    return .failure(.newerFormat(version))
                }
                return .success(event)
            }
        }
        let line = UnsafeBufferPointer(rebasing: log[range])
        // The usual line: decoded directly, and valid when writing the event again gives exactly its bytes
        // (canonical, nothing unknown) with the hash it holds. Anything else takes the general path below,
        // which names the fault.
        if let event = CanonicalLineDecoder.decode(line) {
            if event.type == .imported, let version = event.formatVersion, version > LedgerEvent.currentFormatVersion {
                return .failure(.newerFormat(version))
            }
            if event.isCanonicalLine(line) { return .success(event) }
        }
        let value: JSONValue
        let hashMember: Range<Int>?
        do {
            (value, hashMember) = try JSONParser.parseCanonical(line)
        } catch {
            return .failure(.other(error.isCanonicalViolation
                ? "the line is not in canonical form (was the line edited?)"
                : "not valid JSON (\(error))"))
        }
        let event: LedgerEvent
        do {
            event = try LedgerEvent(json: value)
        } catch {
            return .failure(.other("not a valid event: \(error)"))
        }
        if event.type == .imported, let version = event.formatVersion, version > LedgerEvent.currentFormatVersion {
            return .failure(.newerFormat(version))
        }
        // The line is canonical, so it is the canonical JSON of `value`; the event must say all of it.
        guard event.json(includingHash: true) == value, let member = hashMember else {
            return .failure(.other("the line holds fields this ledger does not know (was the line edited?)"))
        }
        // In canonical form, dropping the `hash` member and one comma next to it yields the canonical JSON
        // without `hash`: what the hash covers.
        let cut = line[member.lowerBound - 1] == UInt8(ascii: ",")
            ? (member.lowerBound - 1)..<member.upperBound : member.lowerBound..<(member.upperBound + 1)
        var hasher = SHA256()
        hasher.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line[..<cut.lowerBound])))
        hasher.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line[cut.upperBound...])))
        guard SHA256.hex(of: hasher.finalize()) == event.hash else {
            return .failure(.other("hash does not match the line's content (was the line edited?)"))
        }
        return .success(event)
    }

    /// The first `imported` line among `lines` declaring a format newer than this code's: when a log
    /// fails to decode, that is the likelier and more useful explanation.
    private static func newerFormat(_ log: UnsafeBufferPointer<UInt8>, lines: ArraySlice<Range<Int>>,
                                    firstSeq: Int) -> (line: Int, version: Int)? {
        for index in lines.indices {
            guard let json = try? JSONParser.parse(UnsafeBufferPointer(rebasing: log[lines[index]])),
                  json["type"]?.stringValue == EventType.imported.rawValue,
                  let version = json["formatVersion"]?.intValue,
                  version > LedgerEvent.currentFormatVersion else { continue }
            return (index + firstSeq, version)
        }
        return nil
    }
}

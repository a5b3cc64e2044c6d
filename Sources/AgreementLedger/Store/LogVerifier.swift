/// The forward walk over a log's committed lines: the checks that make the file an audit trail
/// (parse, seq 1, 2, 3..., prev links, hash, canonical bytes, known format).
enum LogVerifier {
    /// What a walk found.
    struct Walk {
        var events: [LedgerEvent] = []
        var importCount = 0
        /// 1-based line and its problem; the walk stops there.
        var fault: (line: Int, problem: LineProblem)?
    }

    /// Walks `lines` of `log` from the first. `full` adds the hash and canonical-form checks (each line is
    /// re-serialized and hashed); without it the walk is the cheap structural check readers use.
    static func walk(_ log: UnsafeBufferPointer<UInt8>, lines: ArraySlice<Range<Int>>, full: Bool) -> Walk {
        var walk = Walk()
        walk.events.reserveCapacity(lines.count)
        var previousHash = LedgerEvent.genesisHash
        var scratch = [UInt8]()
        scratch.reserveCapacity(1024)
        for index in lines.indices {
            let range = lines[index]
            let lineNumber = index + 1
            func fail(_ problem: LineProblem) -> Walk {
                walk.fault = (lineNumber, problem)
                if case .other = problem, let newer = newerFormat(log, lines: lines[index...]) {
                    walk.fault = (newer.line, .newerFormat(newer.version))
                }
                return walk
            }
            let event: LedgerEvent
            switch LogLine.decode(log, range) {
            case .success(let e): event = e
            case .failure(let problem): return fail(problem)
            }
            if event.type == .imported, let version = event.formatVersion, version > LedgerEvent.currentFormatVersion {
                return fail(.newerFormat(version))
            }
            if event.seq != lineNumber {
                return fail(.other("seq is \(event.seq) where \(lineNumber) belongs (a line was deleted, duplicated or moved?)"))
            }
            if event.prev != previousHash {
                return fail(.other(lineNumber == 1
                    ? "prev of the first line is not 64 zeros (lines were deleted before it?)"
                    : "prev does not match the hash of line \(lineNumber - 1) (a line was deleted, inserted or moved?)"))
            }
            if full {
                scratch.removeAll(keepingCapacity: true)
                JSONWriter.appendCanonical(event.json(includingHash: false), to: &scratch)
                if SHA256.hex(of: SHA256.digest(scratch)) != event.hash {
                    return fail(.other("hash does not match the line's content (was the line edited?)"))
                }
                scratch.removeAll(keepingCapacity: true)
                event.appendCanonicalLine(to: &scratch)
                let canonical = scratch.withUnsafeBufferPointer { $0.elementsEqual(UnsafeBufferPointer(rebasing: log[range])) }
                if !canonical {
                    return fail(.other("the line is not in canonical form (was the line edited?)"))
                }
            }
            previousHash = event.hash
            if event.type == .imported { walk.importCount += 1 }
            walk.events.append(event)
        }
        return walk
    }

    /// The first `imported` line among `lines` declaring a format newer than this code's: when a log
    /// fails to decode, that is the likelier and more useful explanation.
    private static func newerFormat(_ log: UnsafeBufferPointer<UInt8>, lines: ArraySlice<Range<Int>>) -> (line: Int, version: Int)? {
        for index in lines.indices {
            guard let json = try? JSONParser.parse(UnsafeBufferPointer(rebasing: log[lines[index]])),
                  json["type"]?.stringValue == EventType.imported.rawValue,
                  let version = json["formatVersion"]?.intValue,
                  version > LedgerEvent.currentFormatVersion else { continue }
            return (index + 1, version)
        }
        return nil
    }
}

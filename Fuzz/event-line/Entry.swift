// libFuzzer entry for the event-line decoder and the log walk (Sources/AgreementLedger/JSON, Events, Store).
//
// The input is treated both as one log line and as a whole log file:
// - a line that decodes as an event must re-encode to a canonical line that decodes to the same event;
// - the canonical parser must accept its own output;
// - LogLayout and the full LogVerifier walk over the bytes must not crash, and a walk that reports no fault
//   must have stored exactly one event per committed line, numbered 1, 2, 3...;
// - `verify`'s walk without events (CanonicalLineCheck) reports exactly what the decoding walk reports.

@_cdecl("LLVMFuzzerTestOneInput")
public func eventLineFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    checkLog(UnsafeBufferPointer(start: data, count: size))
    return 0
}

func checkLog(_ log: UnsafeBufferPointer<UInt8>) {
    // As one line.
    if case .success(let event) = LogLine.decode(log, 0..<log.count) {
        let line = Array(event.canonicalLine.utf8)
        line.withUnsafeBufferPointer { buffer in
            guard case .success(let again) = LogLine.decode(buffer, 0..<buffer.count) else {
                preconditionFailure("a decoded event's canonical line does not decode")
            }
            precondition(again == event, "an event does not survive a round trip through its canonical line")
            precondition((try? JSONParser.parseCanonical(buffer)) != nil, "a canonical line is refused as canonical")
        }
    }
    _ = try? JSONParser.parseCanonical(log)
    // As a log.
    let layout = LogLayout(log)
    precondition(layout.committedLines <= layout.lines.count)
    precondition(layout.committedEnd <= log.count)
    let walk = LogVerifier.walk(log, lines: layout.lines[..<layout.committedLines], full: true, chunkSize: 4)
    if walk.fault == nil {
        precondition(walk.events.count == layout.committedLines, "a clean walk skipped lines")
        for (index, event) in walk.events.enumerated() { precondition(event.seq == index + 1) }
    }
    // `verify`'s walk, which makes no events, must judge the bytes exactly as the walk that decodes them.
    let bare = LogVerifier.walk(log, lines: layout.lines[..<layout.committedLines], full: true, chunkSize: 4,
                                keepEvents: false, handingOn: false)
    precondition(bare.validCount == walk.validCount && bare.importCount == walk.importCount && bare.lastHash == walk.lastHash
                 && bare.fault?.line == walk.fault?.line && bare.fault?.problem == walk.fault?.problem,
                 "verify's walk and the decoding walk disagree")
}

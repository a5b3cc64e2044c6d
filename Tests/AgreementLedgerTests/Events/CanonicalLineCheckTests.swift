import Foundation
import Testing
@testable import AgreementLedger

/// `verify`'s check without events must accept only lines the decoding check accepts (decode, write again,
/// compare), and the walk must report the same thing either way.
@Suite struct CanonicalLineCheckTests {
    /// Lines of every kind, as a log holds them: the four samples' imports (signed, renewed, amended with
    /// changes, expired, closed, imported; Bosnian and Polish text).
    private static func lines() throws -> [[UInt8]] {
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        return StoreFixtures.bytes(store.logPath).split(separator: 0x0A).map(Array.init)
    }

    /// The line with its `hash` member set to the hash of what it now holds (so an edit is judged on its
    /// form, not caught by its hash); unchanged when it has no such member.
    private static func rehashed(_ line: [UInt8]) -> [UInt8] {
        let opening = Array(#","hash":""#.utf8)
        guard let start = (0..<max(0, line.count - opening.count)).first(where: { line[$0..<($0 + opening.count)].elementsEqual(opening) }),
              start + opening.count + 65 <= line.count, line[start + opening.count + 64] == UInt8(ascii: "\"") else { return line }
        let digits = (start + opening.count)..<(start + opening.count + 64)
        let covered = Array(line[..<start]) + Array(line[(digits.upperBound + 1)...])
        var out = line
        out.replaceSubrange(digits, with: Array(SHA256.hex(of: SHA256.digest(covered)).utf8))
        return out
    }

    /// Both walks over one line placed where it claims to be (its own seq, after its own prev).
    private static func walks(_ line: [UInt8], seq: Int, prev: String) -> (fast: LogVerifier.Walk, slow: LogVerifier.Walk) {
        let log = line + [0x0A]
        return log.withUnsafeBufferPointer { buffer in
            let lines = [0..<line.count][...]
            let fast = LogVerifier.walk(buffer, lines: lines, full: true, firstSeq: seq, previousHash: prev,
                                        keepEvents: false, handingOn: false)
            let slow = LogVerifier.walk(buffer, lines: lines, full: true, firstSeq: seq, previousHash: prev, keepEvents: true)
            return (fast, slow)
        }
    }

    private static func expectSame(_ w: (fast: LogVerifier.Walk, slow: LogVerifier.Walk), _ note: @autoclosure () -> String) {
        #expect(w.fast.validCount == w.slow.validCount, "\(note())")
        #expect(w.fast.importCount == w.slow.importCount, "\(note())")
        #expect(w.fast.lastHash == w.slow.lastHash, "\(note())")
        #expect(w.fast.fault?.line == w.slow.fault?.line && w.fast.fault?.problem == w.slow.fault?.problem,
                "\(note()): \(String(describing: w.fast.fault)) against \(String(describing: w.slow.fault))")
    }

    /// Whether the decoding check accepts the line: the event read back writes exactly these bytes.
    private static func decodesCanonically(_ line: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { buffer in CanonicalLineDecoder.decode(buffer)?.isCanonicalLine(buffer) ?? false }
    }

    private static func accepted(_ line: [UInt8]) -> Bool {
        guard case .valid = line.withUnsafeBufferPointer({ CanonicalLineCheck.check($0) }) else { return false }
        return true
    }

    @Test func everyLineThisCodeWritesPassesWithoutAnEvent() throws {
        let lines = try Self.lines()
        var changes = 0, imports = 0
        for line in lines {
            let text = String(decoding: line, as: UTF8.self)
            let event = try #require(try? LedgerEvent(json: try line.withUnsafeBufferPointer { try JSONParser.parse($0) }))
            // Every line here is canonical; the check reads it unless a string holds an escape.
            #expect(Self.accepted(line) == !text.contains("\\"), "\(text)")
            if event.changes != nil { changes += 1 }
            if event.type == .imported { imports += 1 }
            guard case .valid(let link) = line.withUnsafeBufferPointer({ CanonicalLineCheck.check($0) }) else { continue }
            #expect(link.seq == event.seq && link.prev.text == event.prev && link.hash.text == event.hash
                    && link.imported == (event.type == .imported))
        }
        #expect(changes > 5 && imports > 5, "\(changes) lines with changes, \(imports) imports")
    }

    @Test func aWholeLogWalksTheSameWithAndWithoutEvents() throws {
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        let log = StoreFixtures.bytes(store.logPath)
        log.withUnsafeBufferPointer { buffer in
            let layout = LogLayout(buffer)
            let lines = layout.lines[..<layout.committedLines]
            for chunkSize in [1, 7, 8_192] {
                let fast = LogVerifier.walk(buffer, lines: lines, full: true, chunkSize: chunkSize, keepEvents: false, handingOn: false)
                let slow = LogVerifier.walk(buffer, lines: lines, full: true, chunkSize: chunkSize, keepEvents: true)
                Self.expectSame((fast, slow), "chunks of \(chunkSize)")
                #expect(fast.fault == nil && fast.validCount == layout.committedLines)
            }
        }
    }

    /// Edits that keep a line valid JSON with a matching hash but not in this code's form (or not an event
    /// it would write) must be refused the same way on both paths; edits that keep it canonical pass both.
    @Test func anEditedLineWithAMatchingHashIsJudgedTheSameWay() throws {
        let lines = try Self.lines()
        let pick = Self.sampleOfEveryKind(lines)
        let edits: [(String, String)] = [
            (#""row":"#, #""row":0"#), (#""row":"#, #""row":-"#), (#""row":"#, #""row":-0"#), (#""seq":"#, #""seq":0"#),
            (#""seq":"#, #""seq":+"#), (#""indefinite":false"#, #""indefinite":0"#), (#""signed":"20"#, #""signed":"19"#),
            (#""validUntil":"20"#, #""validUntil":"00"#), (#"-01""#, #"-00""#), (#"-1"#, #"-2"#), (#"-0"#, #"-3"#),
            (#""recorded":"2026-11-23""#, #""recorded":"2026-11""#), (#""recorded":"2026-11-23""#, #""recorded":"2023-02-29""#),
            (#""extra":{"#, #""extra":{"A":"1","#), (#""extra":{"#, #""extra":{"~":"1","#), (#""extra":{}"#, #""extra":{"a":"b","a":"c"}"#),
            (#""changes":{"#, #""changes":{"zz":{"from":1,"to":2},"#), (#""changes":{"#, #""changes":{"a":{"from":{},"to":2},"#),
            (#""changes":{"#, #""changes":{"a":{"to":2,"from":1},"#), (#""changes":{"#, #""changes":{"a":{"from":01,"to":2},"#),
            (#""changes":{"#, #""changes":{"a":{"from":-0,"to":2},"#), (#""changes":{"#, #""changes":{"a":{"from":"x\/","to":2},"#),
            (#""changes":{"#, #""changes":{"a":{"from":[],"to":2},"#), (#""changes":{"#, #""changes":{"a":{"from":1.5,"to":2},"#),
            (#","country":"#, #","changes":{},"country":"#), (#","country":"#, #","changes":{"b":{"from":null,"to":true},"a":{"from":null,"to":false}},"country":"#),
            (#","country":"#, #","changes":{"a":{"from":null,"to":false}},"country":"#),
            (#""type":"signed""#, #""type":"imported""#), (#""type":"signed""#, #""type":"Signed""#),
            (#""status":null"#, #""status":"nonsense""#), (#""status":null"#, #""status":"active""#),
            (#""partner":""#, "\"partner\":\"\u{00E9}"), (#""partner":""#, "\"partner\":\"\\u00e9"), (#""city":""#, "\"city\":\"\u{2028}"),
            (#""kind":null"#, #""kind":"a\"b""#), (#""url":null"#, #""url":"x\ty""#), (#""formatVersion":1"#, #""formatVersion":2"#),
            (#""formatVersion":1"#, #""formatVersion":01"#), (#""file":"#, #""file":1,"x":"#), (#""counts":{"#, #""counts":{"a":1,"#),
            (#""source":""#, #""source":" "#), (#"}"#, #"} "#), (#"{"#, #" {"#), (#"":"#, #"": "#),
        ]
        var judged = 0, passed = 0
        for (line, event) in pick {
            for (from, to) in edits {
                guard let range = String(decoding: line, as: UTF8.self).range(of: from) else { continue }
                var text = String(decoding: line, as: UTF8.self)
                text.replaceSubrange(range, with: to)
                let edited = Self.rehashed(Array(text.utf8))
                judged += 1
                if Self.accepted(edited) {
                    passed += 1
                    #expect(Self.decodesCanonically(edited), "accepted but not canonical: \(text)")
                }
                Self.expectSame(Self.walks(edited, seq: event.seq, prev: event.prev), "\(from) -> \(to)")
            }
            // Bytes the JSON grammar cares about, put anywhere outside the hash.
            for at in stride(from: 0, to: line.count, by: 7) {
                for byte: UInt8 in [0x30, 0x2D, 0x22, 0x5C, 0x7D, 0x80, 0xED, 0x00] {
                    var replaced = line
                    replaced[at] = byte
                    var inserted = line
                    inserted.insert(byte, at: at)
                    var removed = line
                    removed.remove(at: at)
                    for edited in [replaced, inserted, removed].map(Self.rehashed) {
                        judged += 1
                        if Self.accepted(edited) {
                            passed += 1
                            #expect(Self.decodesCanonically(edited), "accepted but not canonical: \(String(decoding: edited, as: UTF8.self))")
                        }
                        Self.expectSame(Self.walks(edited, seq: event.seq, prev: event.prev), "byte \(byte) at \(at)")
                    }
                }
            }
        }
        // Some edits keep a line canonical (another digit, another letter): the check must still pass those.
        #expect(judged > 5_000 && passed > 100, "\(passed) of \(judged) edited lines passed")
    }

    /// Two lines of each event type, with and without `changes`.
    private static func sampleOfEveryKind(_ lines: [[UInt8]]) -> [([UInt8], LedgerEvent)] {
        var seen: [String: Int] = [:]
        var pick: [([UInt8], LedgerEvent)] = []
        for line in lines {
            guard let event = line.withUnsafeBufferPointer({ CanonicalLineDecoder.decode($0) }) else { continue }
            let kind = "\(event.type.rawValue) \(event.changes != nil) \(event.record?.extra.isEmpty ?? true)"
            if seen[kind, default: 0] < 2 {
                seen[kind, default: 0] += 1
                pick.append((line, event))
            }
        }
        return pick
    }
}

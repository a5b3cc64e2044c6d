import Dispatch

/// A batch's log lines with their hash chain, built on both cores where the chain allows.
///
/// Each event's line covers the hash of the line before it (`prev`), so hashing is serial; serializing is
/// not. Events are serialized with a placeholder `prev`, a window at a time; then, in order, the previous
/// hash is written over the placeholder, the bytes are hashed and the line is emitted with its `hash`
/// member in place. While one window is hashed, the next is serialized on another thread. The bytes are
/// exactly those of `canonicalLineAndHash` (tested).
struct ChainedLines {
    /// The hash of the line before the next one (lowercase hex, 64 digits).
    private var previousHash: [UInt8]

    /// Events serialized per piece.
    var chunkSize = 2048
    /// Events per window: one window is hashed while the next is serialized.
    var windowSize = 32_768

    init(after previousHash: String) {
        precondition(previousHash.utf8.count == 64, "a log hash has 64 hex digits")
        self.previousHash = Array(previousHash.utf8)
    }

    /// Serialized events: their bytes without `hash`, one after the other, and per event where it starts,
    /// where its `hash` member belongs and where its `prev` digits are.
    struct Serialized: Sendable {
        var bytes = ByteBuffer(capacity: 16)
        var marks: [(start: Int, hashAt: Int, prevAt: Int)] = []
    }

    /// Chains `events` in order: appends each event's line and a newline to `out`, then hands `emit` the
    /// event's index, the hash before it (its `prev`) and its own hash. `emit` may take the bytes out of
    /// `out`; it returns false to stop early (a failed write).
    mutating func chain(_ events: [LedgerEvent], into out: inout [UInt8],
                        _ emit: (_ index: Int, _ out: inout [UInt8], _ prev: UnsafeBufferPointer<UInt8>,
                                 _ hash: UnsafeBufferPointer<UInt8>) -> Bool) {
        let windows = stride(from: 0, to: events.count, by: windowSize).map { $0..<min($0 + windowSize, events.count) }
        guard !windows.isEmpty else { return }
        let chunkSize = self.chunkSize
        // The first window on all cores; each later one on a helper thread while the one before is hashed.
        var current = ParallelChunks.map(count: windows[0].count, chunkSize: chunkSize) { chunk in
            ChainedLines.serialize(events, chunk.lowerBound..<chunk.upperBound)
        }
        for (w, window) in windows.enumerated() {
            let next = w + 1 < windows.count ? Pending(events, windows[w + 1], chunkSize: chunkSize) : nil
            var index = window.lowerBound
            var stopped = false
            for p in current.indices where !stopped {
                chainPart(&current[p], into: &out) { out, prev, hash in
                    defer { index += 1 }
                    if !emit(index, &out, prev, hash) { stopped = true }
                    return !stopped
                }
                current[p] = Serialized()
            }
            guard let next else { return }
            current = next.wait()
            if stopped { return }
        }
    }

    /// `events[range]` serialized, in one piece per `chunkSize` events.
    private static func serialize(_ events: [LedgerEvent], _ range: Range<Int>) -> Serialized {
        var part = Serialized()
        part.bytes = ByteBuffer(capacity: range.count * 1024)
        part.marks.reserveCapacity(range.count)
        events.forEachInPlace(in: range) { _, event in
            let start = part.bytes.count
            let (hashAt, prevAt) = event.pointee.appendCanonicalWithoutHash(to: &part.bytes, placeholderPrev: true)
            part.marks.append((start, hashAt, prevAt))
        }
        return part
    }

    /// Chains one serialized piece; stops when `emit` returns false.
    private mutating func chainPart(_ part: inout Serialized, into out: inout [UInt8],
                                    _ emit: (inout [UInt8], UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool) {
        var hash = [UInt8](repeating: 0, count: 64)
        let count = part.bytes.count
        let marks = part.marks
        part.bytes.withMutableBytes { bytes in
            for (n, mark) in marks.enumerated() {
                let end = n + 1 < marks.count ? marks[n + 1].start : count
                for d in 0..<64 { bytes[mark.prevAt + d] = previousHash[d] }
                let digest = SHA256.digest(UnsafeRawBufferPointer(start: bytes.baseAddress! + mark.start, count: end - mark.start))
                hash.withUnsafeMutableBufferPointer { SHA256.writeHex(of: digest, into: $0) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[mark.start..<mark.hashAt]))
                out.append(contentsOf: #""hash":""#.utf8)
                out.append(contentsOf: hash)
                out.append(contentsOf: #"","#.utf8)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[mark.hashAt..<end]))
                out.append(0x0A)
                let go = previousHash.withUnsafeBufferPointer { p in hash.withUnsafeBufferPointer { h in emit(&out, p, h) } }
                swap(&previousHash, &hash)
                if !go { return }
            }
        }
    }

    /// A window being serialized on a helper thread.
    private final class Pending: @unchecked Sendable {
        private var result: [Serialized] = []
        private let done = DispatchSemaphore(value: 0)

        init(_ events: [LedgerEvent], _ window: Range<Int>, chunkSize: Int) {
            DispatchQueue.global().async { [self] in
                result = stride(from: window.lowerBound, to: window.upperBound, by: chunkSize).map {
                    ChainedLines.serialize(events, $0..<min($0 + chunkSize, window.upperBound))
                }
                done.signal()
            }
        }

        /// The serialized window, once ready.
        func wait() -> [Serialized] {
            done.wait()
            return result
        }
    }
}

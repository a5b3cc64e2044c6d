#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The framing of the caches that grow with the log a segment per batch (`cache/history`, `cache/past`):
/// each segment states the log lines and bytes it covers and the hash of its last line, and is closed by a
/// checksum of its own bytes, so a reader takes exactly the segments that are whole and chain from the log's
/// first line, and a writer knows whether it can append or must rebuild.
///
/// A segment: magic (4 bytes), payload length and payload checksum (8 bytes each, little-endian), then the
/// payload: the coverage, the entry count, the entries.
struct SegmentFile {
    let magic: [UInt8]
    let relativePath: String
    /// Magic, payload length, payload checksum.
    static let headSize = 4 + 8 + 8

    init(magic: StaticString, relativePath: String) {
        self.magic = Array(UnsafeBufferPointer(start: magic.utf8Start, count: magic.utf8CodeUnitCount))
        precondition(self.magic.count == 4)
        self.relativePath = relativePath
    }

    /// What a segment covers: lines `firstSeq...lastSeq`, bytes `start..<end`; `lastHash` is its last line's hash.
    struct Coverage: Equatable {
        var firstSeq: Int
        var lastSeq: Int
        var start: Int
        var end: Int
        var lastHash: String
    }

    /// Writes a segment of `count` entries (`entries`, the pieces of its serialized entries) to `fd`; false
    /// on failure.
    func writeSegment(_ entries: [[UInt8]], count: Int, covering c: Coverage, to fd: Int32) -> Bool {
        var w = BinaryWriter(capacity: 128)
        w.int(c.firstSeq)
        w.int(c.lastSeq)
        w.int(c.start)
        w.int(c.end)
        w.string(c.lastHash)
        w.int(count)
        var checksum = PrefixChecksum.Accumulator()
        w.bytes.withUnsafeBufferPointer { checksum.add($0) }
        for part in entries { part.withUnsafeBufferPointer { checksum.add($0) } }
        var head = magic
        withUnsafeBytes(of: UInt64(checksum.count).littleEndian) { head.append(contentsOf: $0) }
        withUnsafeBytes(of: checksum.value.littleEndian) { head.append(contentsOf: $0) }
        head += w.bytes
        guard head.withUnsafeBytes({ LogFile.writeAll(fd: fd, $0) }) else { return false }
        return entries.allSatisfy { part in part.withUnsafeBytes { LogFile.writeAll(fd: fd, $0) } }
    }

    /// A segment found whole in the file: what it covers and its entries, not yet decoded.
    struct Segment {
        var coverage: Coverage
        var count: Int
        var entries: BinaryReader
        /// Where it lies in the file.
        var range: Range<Int>
        /// Where `entries` reads from in the file (its offsets count from here).
        var payloadStart: Int { range.lowerBound + SegmentFile.headSize }
    }

    /// The segments of `bytes` that chain from the log's first line, each checked whole, and where the
    /// last of them ends in the file (anything after is not a segment that chains).
    /// Each segment's range of the file is handed to `release` once checked (a mapped file's pages can go).
    func segments(_ bytes: UnsafeBufferPointer<UInt8>,
                  release: (Range<Int>) -> Void = { _ in }) -> (segments: [Segment], end: Int) {
        let headSize = SegmentFile.headSize
        var found: [Segment] = []
        var at = 0
        var next = (seq: 1, byte: 0)
        while bytes.count - at >= headSize, UnsafeBufferPointer(rebasing: bytes[at..<(at + 4)]).elementsEqual(magic) {
            var length: UInt64 = 0, stored: UInt64 = 0
            withUnsafeMutableBytes(of: &length) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[(at + 4)..<(at + 12)])) }
            withUnsafeMutableBytes(of: &stored) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[(at + 12)..<(at + 20)])) }
            let declared = UInt64(littleEndian: length)
            guard declared <= UInt64(bytes.count - at - headSize) else { break }
            let size = Int(declared)
            let payload = UnsafeBufferPointer(rebasing: bytes[(at + headSize)..<(at + headSize + size)])
            // Checked in pieces, each handed back once read: a big batch's segment is never resident whole.
            var checksum = PrefixChecksum.Accumulator()
            for piece in stride(from: 0, to: payload.count, by: 1 << 22) {
                checksum.add(UnsafeBufferPointer(rebasing: payload[piece..<min(piece + (1 << 22), payload.count)]))
                release((at + headSize + piece)..<(at + headSize + min(piece + (1 << 22), payload.count)))
            }
            guard checksum.value == UInt64(littleEndian: stored) else { break }
            var r = BinaryReader(payload)
            let c = Coverage(firstSeq: r.int(), lastSeq: r.int(), start: r.int(), end: r.int(), lastHash: r.string())
            let count = r.int()
            guard !r.failed, c.firstSeq == next.seq, c.start == next.byte, c.lastSeq >= c.firstSeq, c.end > c.start,
                  count >= 0, count <= r.remaining else { break }
            found.append(Segment(coverage: c, count: count, entries: r, range: at..<(at + headSize + size)))
            release(at..<(at + headSize + size))
            next = (c.lastSeq + 1, c.end)
            at += headSize + size
        }
        return (found, at)
    }

    // MARK: - Writers

    /// Whether a writer that committed a batch after the committed log `before` can append its segment: the
    /// file ends exactly there (or, before the log's first batch, does not exist yet). Otherwise it rebuilds.
    func isAppendable(directory: String, after before: (lines: Int, bytes: Int)) -> Bool {
        if let c = current(directory: directory) { return c.lines == before.lines && c.bytes == before.bytes }
        return before.lines == 0 && access(EventStore.join(directory, relativePath), F_OK) != 0
    }

    /// Whether the file ends exactly where the committed log does.
    func isCurrent(directory: String, committed: VerifiedCheckpoint) -> Bool {
        guard let c = current(directory: directory) else { return false }
        return c.lines == committed.lines && c.bytes == committed.bytes
    }

    /// Appends one segment to the file; a failure only costs readers speed.
    func append(directory: String, _ entries: [[UInt8]], count: Int, covering c: Coverage) {
        try? LogFile.makeDirectory(EventStore.join(directory, "cache"))
        let fd = open(EventStore.join(directory, relativePath), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = writeSegment(entries, count: count, covering: c, to: fd)
    }

    /// Writes the file afresh: `write` is given the log open for reading and a temporary file open for writing,
    /// which is renamed into place when `write` returns true (and removed otherwise).
    func rebuild(directory: String, logPath: String, _ write: (_ log: Int32, _ out: Int32) -> Bool) {
        let path = EventStore.join(directory, relativePath)
        try? LogFile.makeDirectory(EventStore.join(directory, "cache"))
        let temporary = path + ".\(getpid()).tmp"
        let log = open(logPath, O_RDONLY | O_CLOEXEC)
        guard log >= 0 else { return }
        defer { close(log) }
        let out = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard out >= 0 else { return }
        let ok = write(log, out)
        close(out)
        if !ok || rename(temporary, path) != 0 { unlink(temporary) }
    }

    // MARK: - Readers

    /// The lines and bytes the file covers when the whole of it is segments that chain; nil otherwise.
    func current(directory: String) -> (lines: Int, bytes: Int)? {
        guard let file = MappedFile(path: EventStore.join(directory, relativePath)) else { return nil }
        let (found, end) = segments(file.bytes)
        guard end == file.bytes.count, let last = found.last else { return nil }
        return (last.coverage.lastSeq, last.coverage.end)
    }
}

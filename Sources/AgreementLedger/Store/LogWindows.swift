#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A big log read window by window instead of whole: `verify` and the readers that fold every event
/// keep a few megabytes of it in memory, however long the log grows.
enum LogWindows {
    /// Logs up to this size are simply read whole.
    static let wholeFileLimit = 64 << 20
    /// Bytes read per window (grown when one line is longer).
    static let windowSize = 16 << 20

    /// The end of a log file: where its committed part ends, and the layout of the window read there.
    struct Tail {
        /// Byte offset just past the committed part.
        var committedEnd: Int
        /// The layout of the window read at the end of the file (line numbers relative to it).
        var layout: LogLayout
    }

    /// The committed end, found from a window at the end of the file; nil when that window holds no
    /// `imported` line (then the caller reads the whole file).
    static func tail(fd: Int32, path: String, size: Int, windowSize: Int = windowSize) throws(StoreError) -> Tail? {
        var start = max(0, size - windowSize)
        var bytes = try LogFile.readAll(fd: fd, path: path, from: start)
        if start > 0 {
            // Begin at a line start.
            guard let nl = bytes.firstIndex(of: 0x0A) else { return nil }
            bytes.removeSubrange(...nl)
            start += nl + 1
        }
        let layout = bytes.withUnsafeBufferPointer { LogLayout($0) }
        if layout.committedLines == 0 && start > 0 { return nil }
        return Tail(committedEnd: start + layout.committedEnd, layout: layout)
    }

    /// The walk of the lines in bytes `from..<end` of the file (which must start and end at line
    /// boundaries), window by window, each valid event handed to `consume`. Returns the combined walk (no
    /// events kept) and the number of lines in the range (all of them, also after a fault).
    static func walk(fd: Int32, path: String, from: Int, to end: Int, firstSeq: Int, previousHash: String, full: Bool,
                     chunkSize: Int, windowSize: Int = windowSize,
                     handingOn: Bool = true,
                     consume: (LedgerEvent) -> Void) throws(StoreError) -> (walk: LogVerifier.Walk, lines: Int) {
        var total = LogVerifier.Walk()
        var lineCount = 0
        var offset = from
        var seq = firstSeq
        var prev = previousHash
        var size = windowSize
        // One buffer for every window: a fresh 16 MB array per window cost a page fault per page each time.
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, min(size, end - from)))
        defer { buffer.deallocate() }
        while offset < end {
            let wanted = min(size, end - offset)
            if buffer.count < wanted {
                buffer.deallocate()
                buffer = .allocate(capacity: wanted)
            }
            let n = pread(fd, buffer.baseAddress!, wanted, off_t(offset))
            guard n == wanted else {
                throw .io(path: path, operation: "read", reason: n < 0 ? LogFile.errorText() : "the file shrank while being read")
            }
            let read = UnsafeBufferPointer(rebasing: buffer[..<wanted])
            guard let lastNewline = read.lastIndex(of: 0x0A) else {
                // One line longer than the window: read more. (The range ends with a newline, so only a
                // log changed under us can leave none at all.)
                guard offset + wanted < end else {
                    throw .io(path: path, operation: "read", reason: "the log changed while being read")
                }
                size *= 2
                continue
            }
            let window = UnsafeBufferPointer(rebasing: read[...lastNewline])
            offset += window.count
            let lines = LogLayout.lines(window)
            lineCount += lines.count
            // After a fault the rest is only counted.
            if total.fault != nil { continue }
            // A window holds some 20,000 lines: in chunks of a sixteenth, the cores finish it together.
            let walk = LogVerifier.walk(window, lines: lines[...], full: full, firstSeq: seq, previousHash: prev,
                                        chunkSize: min(chunkSize, max(64, lines.count / 16)), keepEvents: false,
                                        handingOn: handingOn, consume: consume)
            total.validCount += walk.validCount
            total.importCount += walk.importCount
            total.lastHash = walk.lastHash ?? total.lastHash
            total.fault = walk.fault
            seq += walk.validCount
            prev = walk.lastHash ?? prev
        }
        return (total, lineCount)
    }
}

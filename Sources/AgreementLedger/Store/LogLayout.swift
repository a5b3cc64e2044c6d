#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A log's bytes cut into lines, and where its committed part ends: after the last complete line that is
/// an `imported` event. Whatever follows is a torn batch that was never committed.
struct LogLayout {
    /// Complete lines (each was followed by `\n`), as byte ranges without the `\n`.
    var lines: [Range<Int>] = []
    /// Bytes after the last `\n`, if any: a line cut off mid-write.
    var partial: Range<Int>?
    /// Complete lines up to and including the last `imported` one.
    var committedLines = 0
    /// `seq` of the first complete line after the committed part, when there is one.
    var tailFirstSeq: Int?
    /// A complete line after the last `imported` is not an event at all: that is damage, not a torn write,
    /// so nothing may be moved aside and the walk over all lines will name the fault.
    var tailUnreadable = false
    /// The bytes after the last `\n` cannot be the start of an event line: damage, not a torn write.
    var partialUnreadable = false
    let byteCount: Int

    init(_ log: UnsafeBufferPointer<UInt8>) {
        byteCount = log.count
        guard log.count > 0 else { return }
        lines = LogLayout.lines(log)
        let start = lines.last.map { $0.upperBound + 1 } ?? 0
        if start < log.count { partial = start..<log.count }
        // A write cut off mid-line leaves the start of an event line: `{"` (canonical keys come first).
        // Anything else after the last newline is damage (garbage appended), never moved aside.
        if let p = partial, log[p.lowerBound] != UInt8(ascii: "{") || (p.count > 1 && log[p.lowerBound + 1] != UInt8(ascii: "\"")) {
            partialUnreadable = true
        }
        var j = lines.count - 1
        while j >= 0 {
            guard let event = try? LogLine.decode(log, lines[j]).get() else {
                tailUnreadable = true
                tailFirstSeq = nil
                committedLines = lines.count
                return
            }
            if event.type == .imported {
                committedLines = j + 1
                return
            }
            tailFirstSeq = event.seq
            j -= 1
        }
        committedLines = 0
    }

    /// Only the complete lines of `log` (no committed-part analysis): for windows of a big log.
    static func lines(_ log: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        guard let base = log.baseAddress else { return lines }
        var start = 0
        while start < log.count, let nl = memchr(base + start, 0x0A, log.count - start) {
            let end = UnsafeRawPointer(nl) - UnsafeRawPointer(base)
            lines.append(start..<end)
            start = end + 1
        }
        return lines
    }

    /// Byte offset just past the committed part.
    var committedEnd: Int { committedLines == 0 ? 0 : lines[committedLines - 1].upperBound + 1 }

    /// Lines in the file, a partial last line counted.
    var lineCount: Int { lines.count + (partial == nil ? 0 : 1) }

    /// Whether bytes follow the committed part.
    var hasTail: Bool { committedEnd < byteCount }

    /// Lines after the committed part, a partial last line counted.
    var tailLineCount: Int { lineCount - committedLines }
}

/// Decoding one log line.
enum LogLine {
    /// The event on `range` of `log`, or what is wrong with it.
    static func decode(_ log: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Result<LedgerEvent, LineProblem> {
        if let event = CanonicalLineDecoder.decode(UnsafeBufferPointer(rebasing: log[range])) { return .success(event) }
        let json: JSONValue
        do {
            json = try JSONParser.parse(UnsafeBufferPointer(rebasing: log[range]))
        } catch {
            return .failure(.other("not valid JSON (\(error))"))
        }
        do {
            return .success(try LedgerEvent(json: json))
        } catch {
            return .failure(.other("not a valid event: \(error)"))
        }
    }
}

/// What is wrong with one line.
enum LineProblem: Error, Hashable {
    case newerFormat(Int)
    case other(String)
}

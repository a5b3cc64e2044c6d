#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the committed lines of a log in pieces, decoding only the lines a cheap test on their raw bytes
/// keeps: the import log, one import's summary and one agreement's history need a few events out of
/// millions, and must neither decode nor hold the rest.
///
/// Lines are not checked against each other here (that is `verify`'s and the writers' job); a line that
/// is kept but does not decode is reported with its number. Lines after the last `imported` event (an
/// unfinished batch) are never returned.
enum LogScanner {
    /// The decoded events of the committed lines `keep` accepts, in log order; with `from`, only lines
    /// from that byte offset on (the start of a line), numbered from `firstLine`.
    static func events(path: String, from: Int = 0, firstLine: Int = 1,
                       keep: (UnsafeBufferPointer<UInt8>) -> Bool) throws(StoreError) -> [LedgerEvent] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return [] }
            throw .io(path: path, operation: "open", reason: LogFile.errorText())
        }
        defer { close(fd) }
        var committed: [LedgerEvent] = []
        var pending: [LedgerEvent] = []  // kept lines of the batch not yet closed
        var failure: StoreError?
        var lineNumber = firstLine - 1
        try forEachLine(fd: fd, path: path, from: from) { bytes, _ in
            lineNumber += 1
            let isImported = LogScanner.isImportedLine(bytes)
            let kept = keep(bytes)
            if isImported || kept {
                switch LogLine.decode(bytes, 0..<bytes.count) {
                case .success(let event):
                    if isImported {
                        committed += pending
                        pending.removeAll()
                        if kept { committed.append(event) }
                    } else {
                        pending.append(event)
                    }
                case .failure(let problem):
                    let text: String
                    switch problem {
                    case .newerFormat(let version): text = "the log was written by a newer ledger (format \(version))"
                    case .other(let message): text = message
                    }
                    failure = .badLine(log: path, line: lineNumber, problem: text)
                    return false
                }
            }
            return true
        }
        if let failure { throw failure }
        return committed
    }

    /// Hands each complete line from byte `from` to byte `to` (or the end) to `body` with its offset, without
    /// its newline, reading the file in pieces; stops when `body` returns false.
    static func forEachLine(fd: Int32, path: String, from: Int = 0, to: Int = .max,
                            _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) throws(StoreError) {
        var carry: [UInt8] = []  // the start of a line cut by the end of a piece
        let pieceSize = 8 << 20
        let piece = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: pieceSize)
        defer { piece.deallocate() }
        var offset = from
        while offset < to {
            let n = pread(fd, piece.baseAddress!, min(pieceSize, to - offset), off_t(offset))
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "read", reason: LogFile.errorText())
            }
            if n == 0 { break }
            var start = 0
            while start < n {
                guard let nl = memchr(piece.baseAddress! + start, 0x0A, n - start) else { break }
                let end = UnsafeRawPointer(nl) - UnsafeRawPointer(piece.baseAddress!)
                let ok: Bool
                if carry.isEmpty {
                    ok = body(UnsafeBufferPointer(rebasing: piece[start..<end]), offset + start)
                } else {
                    let lineStart = offset + start - carry.count
                    carry.append(contentsOf: piece[start..<end])
                    ok = carry.withUnsafeBufferPointer { body($0, lineStart) }
                    carry.removeAll(keepingCapacity: true)
                }
                if !ok { return }
                start = end + 1
            }
            carry.append(contentsOf: piece[start..<n])
            offset += n
        }
    }

    /// Whether a canonical line is an `imported` event: its last member is `"type":"imported"`.
    static func isImportedLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { ends(bytes, importedSuffix) }

    /// Whether a canonical line is a `signed` event (its last member is `"type":"signed"`).
    static func isSignedLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { ends(bytes, signedSuffix) }

    private static let importedSuffix = Array(#""type":"imported"}"#.utf8)
    private static let signedSuffix = Array(#""type":"signed"}"#.utf8)

    private static func ends(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard bytes.count >= suffix.count else { return false }
        return bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
    }

    /// Whether `bytes` hold `needle`.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { ByteSearch.contains(bytes, $0) }
    }

    /// The raw bytes of the string member `key` of a canonical line (between its quotes, escapes left as
    /// written), or nil when the line has no such string member.
    static func stringMember(_ line: UnsafeBufferPointer<UInt8>, _ key: String) -> UnsafeBufferPointer<UInt8>? {
        let pattern = Array("\"\(key)\":\"".utf8)
        guard let base = line.baseAddress, line.count >= pattern.count else { return nil }
        var start = 0
        while start <= line.count - pattern.count {
            guard let hit = memchr(base + start, Int32(pattern[0]), line.count - pattern.count - start + 1) else { return nil }
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            // A key starts right after `{` or `,`; the same bytes inside a value do not count.
            if (at == 1 || (at > 0 && line[at - 1] == UInt8(ascii: ","))), memcmp(base + at, pattern, pattern.count) == 0 {
                var end = at + pattern.count
                while end < line.count && line[end] != UInt8(ascii: "\"") {
                    end += line[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard end < line.count else { return nil }
                return UnsafeBufferPointer(rebasing: line[(at + pattern.count)..<end])
            }
            start = at + 1
        }
        return nil
    }

    /// A string member's value as text (escapes decoded).
    static func stringValue(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(validating: raw, as: UTF8.self) }
        let quoted = [UInt8(ascii: "\"")] + Array(raw) + [UInt8(ascii: "\"")]
        return (try? quoted.withUnsafeBufferPointer { try JSONParser.parse($0) })?.stringValue
    }
}

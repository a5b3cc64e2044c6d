/// The rows of a UTF-8 text file read from disk a window at a time: how a snapshot of hundreds of megabytes is
/// imported without its bytes ever being in memory whole (each pass over the rows reads the file again).
///
/// `open` first reads the file once to hash it and to check that it is plain UTF-8; anything else (another
/// encoding, a byte-order mark of UTF-16, a binary file, a workbook, an invalid byte) is left to the reader
/// that loads the whole file, which decodes it or reports the fault at its exact byte.
public struct StreamedText: RowSource, Sendable {
    let file: any RandomAccessBytes
    /// Where the text starts: after a UTF-8 byte-order mark, if any.
    let start: Int
    public let delimiter: Delimiter
    public var encoding: TextEncoding { .utf8 }
    /// Bytes read at a time; a row longer than this widens the window. Tests lower it to put row and
    /// character boundaries across windows.
    var windowSize: Int

    /// The window used unless a test asks for another.
    public static let defaultWindowSize = 4 << 20

    /// The file as a streamed text and the SHA-256 of all its bytes, or nil when it is not plain UTF-8
    /// text (then the whole-file reader takes it).
    static func open(_ file: any RandomAccessBytes, declared: TextEncoding?, delimiter: Delimiter?,
                     windowSize: Int = defaultWindowSize) throws(ReadError) -> (text: StreamedText, sha256: String)? {
        guard let text = try candidate(file, declared: declared, delimiter: delimiter, windowSize: windowSize),
              let sha = try text.plainUTF8SHA256() else { return nil }
        return (text, sha)
    }

    /// The file as a streamed text when its first bytes allow it (no other encoding declared, no byte-order
    /// mark of UTF-16, not binary, not empty); whether all of it is plain UTF-8 is `plainUTF8SHA256`'s to say,
    /// and the text may be used only if it says so. An import reads the rows meanwhile.
    static func candidate(_ file: any RandomAccessBytes, declared: TextEncoding?, delimiter: Delimiter?,
                          windowSize: Int = defaultWindowSize) throws(ReadError) -> StreamedText? {
        guard declared == nil || declared == .utf8 else { return nil }
        let head = try file.bytes(at: 0, count: min(file.size, 512))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || FileSignature.binaryKind(of: head) != nil {
            return nil
        }
        let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if start == 0 && FileSignature.looksLikeUTF16WithoutBOM(head) { return nil }
        guard file.size > start else { return nil }
        // Detection reads at most its limit of bytes (plus one, so it knows the text goes on), as from a whole file.
        let detectionHead = try file.bytes(at: start, count: min(file.size - start, DelimitedTextReader.detectionBytes + 1))
        return StreamedText(file: file, start: start,
                            delimiter: delimiter ?? DelimitedTextReader.detectDelimiter(utf8: detectionHead),
                            windowSize: windowSize)
    }

    /// The SHA-256 of the whole file, or nil when the text is not valid UTF-8 without NUL (then the whole-file
    /// reader takes the file).
    func plainUTF8SHA256() throws(ReadError) -> String? {
        try StreamedText.hashIfPlainUTF8(file, start: start, windowSize: windowSize)
    }

    /// The SHA-256 of the whole file, or nil when the text from `start` is not valid UTF-8 without NUL.
    /// A character cut by the end of a window is carried into the next one.
    private static func hashIfPlainUTF8(_ file: any RandomAccessBytes, start: Int, windowSize: Int) throws(ReadError) -> String? {
        var hasher = SHA256()
        var valid = true
        var carried: [UInt8] = []
        try file.forEachPiece(from: 0, size: windowSize) { piece, offset throws(ReadError) in
            hasher.update(UnsafeRawBufferPointer(piece))
            guard valid else { return }
            let text = UnsafeBufferPointer(rebasing: piece[min(piece.count, max(0, start - offset))...])
            if carried.isEmpty {
                valid = validPrefix(text, carrying: &carried)
            } else {
                // The first bytes of a character the last piece cut off, checked with the rest of it.
                let joined = carried + Array(text)
                valid = joined.withUnsafeBufferPointer { validPrefix($0, carrying: &carried) }
            }
        }
        guard valid, carried.isEmpty else { return nil }
        return SHA256.hex(of: hasher.finalize())
    }

    /// Whether `bytes` are valid UTF-8 without NUL up to a character the buffer's end cuts off; that
    /// character's first bytes are put in `carried`.
    private static func validPrefix(_ bytes: UnsafeBufferPointer<UInt8>, carrying carried: inout [UInt8]) -> Bool {
        var cut = bytes.count
        for i in max(0, bytes.count - 3)..<bytes.count where bytes[i] >= 0xC0 {
            if UTF8Validation.sequence(at: i, in: bytes) == .truncated {
                cut = i
                break
            }
        }
        carried = Array(bytes[cut...])
        return UTF8Validation.firstProblem(in: UnsafeBufferPointer(rebasing: bytes[..<cut])) == nil
    }

    public func forEachBatch(size: Int, keeping keep: ((Int) -> Bool)?, _ body: ([TextRow]) -> Bool) throws(ReadError) {
        var batch: [TextRow] = []
        batch.reserveCapacity(size)
        var stopped = false
        try forEachWindow { window, line, atEnd throws(ReadError) in
            // Rows whose end lies inside the window; the last one may go on in the next window unless the file ends.
            var used = (bytes: 0, line: line)
            var scanner = RowScanner(bytes: window, delimiter: delimiter, firstLine: line)
            while true {
                let row: TextRow?
                do throws(ReadError) {
                    row = try scanner.next(keeping: keep)
                } catch {
                    if atEnd { throw error }
                    break  // a quote that may close in the next window
                }
                guard let row, atEnd || scanner.position < window.count else { break }
                used = (scanner.position, scanner.line)
                batch.append(row)
                if batch.count == size {
                    if !body(batch) {
                        stopped = true
                        return nil
                    }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            return used
        }
        if !stopped && !batch.isEmpty { _ = body(batch) }
    }

    public func forEachRowBatch(size: Int, pieceSize: Int, _ body: (RowBatch) -> Bool) throws(ReadError) {
        try forEachWindow { window, line, atEnd throws(ReadError) in
            var used = (bytes: 0, line: line)
            while true {
                let (batch, end, next) = try RowBatch.cut(window, from: used.bytes, line: used.line, delimiter: delimiter,
                                                         maxRows: size, pieceSize: pieceSize, final: atEnd)
                if batch.rowCount == 0 { return used }
                if !body(batch) { return nil }
                used = (end, next)
            }
        }
    }

    /// Reads the text a window at a time. `body` gets the window's bytes, the line they start on, and whether the
    /// file ends with them; it returns how many bytes of whole rows it used and the line after them (the rest
    /// starts the next window), or nil to stop. A window whose first row does not end inside it is widened.
    /// Checks, after the last window, that the file did not change meanwhile.
    private func forEachWindow(_ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws(ReadError) -> (bytes: Int, line: Int)?) throws(ReadError) {
        var window = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: windowSize)
        defer { window.deallocate() }
        var filled = 0, offset = start, line = 1
        while true {
            while offset < file.size && filled < window.count {
                let n = try file.read(into: window.baseAddress! + filled, count: window.count - filled, at: offset)
                if n == 0 { throw .changedWhileReading }
                filled += n
                offset += n
            }
            let atEnd = offset >= file.size
            guard let used = try body(UnsafeBufferPointer(rebasing: window[..<filled]), line, atEnd) else { return }
            if atEnd { break }
            line = used.line
            if used.bytes == 0 {
                // One row fills the whole window: a wider one.
                let wider = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: window.count * 2)
                _ = wider.initialize(from: window[..<filled])
                window.deallocate()
                window = wider
            } else {
                (window.baseAddress!).update(from: window.baseAddress! + used.bytes, count: filled - used.bytes)
                filled -= used.bytes
            }
        }
        guard file.isUnchanged else { throw .changedWhileReading }
    }
}

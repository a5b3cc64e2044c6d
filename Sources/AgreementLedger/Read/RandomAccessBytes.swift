/// Bytes read by offset, as `StreamedText` needs them: a file on disk, or (for tests and fuzzing) bytes in
/// memory.
protocol RandomAccessBytes: Sendable {
    /// The number of bytes when opened.
    var size: Int { get }
    /// True while the bytes are still those that were opened.
    var isUnchanged: Bool { get }
    /// Reads up to `count` bytes at `offset` into `target`; the number read (0 at the end).
    func read(into target: UnsafeMutableRawPointer, count: Int, at offset: Int) throws(ReadError) -> Int
}

extension RandomAccessBytes {
    /// Up to `count` bytes from `offset`; fewer only where the bytes end.
    func bytes(at offset: Int, count: Int) throws(ReadError) -> [UInt8] {
        var failure: ReadError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                do throws(ReadError) {
                    let n = try read(into: buffer.baseAddress! + filled, count: count - filled, at: offset + filled)
                    if n == 0 { break }
                    filled += n
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// All the bytes (for the readers that need the whole file: workbooks, other encodings).
    func readAll() throws(ReadError) -> [UInt8] {
        let bytes = try self.bytes(at: 0, count: size)
        guard bytes.count == size, isUnchanged else { throw .changedWhileReading }
        return bytes
    }

    /// Calls `body` with consecutive pieces of the bytes from `start` to the end, each at most `pieceSize`
    /// long, with the offset where it starts.
    func forEachPiece(from start: Int, size pieceSize: Int,
                      _ body: (UnsafeBufferPointer<UInt8>, Int) throws(ReadError) -> Void) throws(ReadError) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: pieceSize)
        defer { buffer.deallocate() }
        var offset = start
        while true {
            let n = try read(into: buffer.baseAddress!, count: pieceSize, at: offset)
            if n == 0 { break }
            try body(UnsafeBufferPointer(rebasing: buffer[..<n]), offset)
            offset += n
        }
        guard offset == size, isUnchanged else { throw .changedWhileReading }
    }
}

/// Bytes already in memory, read as if from a file (tests and fuzzing use it to put windows anywhere).
struct BytesInMemory: RandomAccessBytes {
    let contents: [UInt8]
    var size: Int { contents.count }
    var isUnchanged: Bool { true }

    func read(into target: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Int {
        let n = max(0, min(count, contents.count - offset))
        if n > 0 { contents.withUnsafeBytes { target.copyMemory(from: $0.baseAddress! + offset, byteCount: n) } }
        return n
    }
}

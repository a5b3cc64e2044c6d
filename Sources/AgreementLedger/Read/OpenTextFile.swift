#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

/// A snapshot file held open for the whole import and read a window at a time, so that a file of hundreds of
/// megabytes is never in memory whole. Kept open (not reopened per pass) so that every pass reads the same
/// file even if its name is replaced meanwhile; a file changed in place is caught by its size and time.
final class OpenTextFile: RandomAccessBytes, @unchecked Sendable {
    let path: String
    private let fd: Int32
    /// Size and modification time when opened: every pass checks them again.
    private let identity: Identity

    private struct Identity: Equatable {
        var size: Int
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    /// Opens `path` for reading; the error is the system's reason ("Permission denied").
    init(path: String) throws(InputError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(file: path, message: "cannot be read: \(String(cString: strerror(errno)))") }
        guard let identity = OpenTextFile.identity(of: fd) else {
            close(fd)
            throw InputError(file: path, message: "cannot be read: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        self.identity = identity
    }

    deinit { close(fd) }

    /// The file's size when it was opened.
    var size: Int { identity.size }

    /// True while the file still has the size and modification time it had when opened.
    var isUnchanged: Bool { OpenTextFile.identity(of: fd) == identity }

    /// Reads up to `count` bytes at `offset` into `target`; the number read (0 at the end of the file).
    func read(into target: UnsafeMutableRawPointer, count: Int, at offset: Int) throws(ReadError) -> Int {
        while true {
            let n = pread(fd, target, count, off_t(offset))
            if n >= 0 { return n }
            if errno != EINTR { throw .unreadable(reason: String(cString: strerror(errno))) }
        }
    }

    private static func identity(of fd: Int32) -> Identity? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        #if canImport(Darwin)
        return Identity(size: Int(st.st_size), modifiedSeconds: Int(st.st_mtimespec.tv_sec),
                        modifiedNanoseconds: Int(st.st_mtimespec.tv_nsec))
        #else
        return Identity(size: Int(st.st_size), modifiedSeconds: Int(st.st_mtim.tv_sec),
                        modifiedNanoseconds: Int(st.st_mtim.tv_nsec))
        #endif
    }
}

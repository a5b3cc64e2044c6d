#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A snapshot file held open for the whole import and read a window at a time, so that a file of hundreds of
/// megabytes is never in memory whole. Kept open (not reopened per pass) so that every pass reads the same
/// file even if its name is replaced meanwhile; a file changed in place is caught by its size and time.
final class OpenTextFile: RandomAccessBytes, @unchecked Sendable {
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        let identity = fd >= 0 ? OpenTextFile.identity(of: fd) : nil
        guard let identity else {
            let reason = ReadError.unreadable(reason: String(cString: strerror(errno)))
            if fd >= 0 { close(fd) }
            throw InputError(file: path, message: reason.description)
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, error-typed wrappers over the POSIX calls the store needs, so durability steps (fsync of files and
/// directories, truncation) are explicit and every failure names its path.
enum LogFile {
    /// The system's message for the current `errno`.
    static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Whether the file at `path` holds no byte (or is not there).
    static func isEmpty(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) != 0 || st.st_size == 0
    }

    /// The whole file at `path`, or nil when there is no such file.
    static func readAll(path: String) throws(StoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .io(path: path, operation: "open", reason: errorText())
        }
        defer { close(fd) }
        return try readAll(fd: fd, path: path)
    }

    /// The file open as `fd` from byte `offset` to its end (usually one `read`).
    static func readAll(fd: Int32, path: String, from offset: Int = 0) throws(StoreError) -> [UInt8] {
        let size = max(0, try self.size(fd: fd, path: path) - offset)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = pread(fd, buffer.baseAddress! + count, size - count, off_t(offset + count))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }  // the file shrank meanwhile
                count += n
            }
        }
        if failure != 0 { throw .io(path: path, operation: "read", reason: errorText(failure)) }
        // A file that grows while we read (a writer appending) yields a prefix ending at an earlier batch
        // or inside the new one; callers treat either like any other log state.
        return bytes
    }

    /// The size of the file open as `fd`.
    static func size(fd: Int32, path: String) throws(StoreError) -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, operation: "stat", reason: errorText()) }
        return Int(st.st_size)
    }

    /// Writes all of `bytes` to `fd` (retrying short writes); false on any failure.
    static func writeAll(fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    /// Writes `bytes` to a new file (replacing any), then fsyncs it.
    static func writeDurably(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "create", reason: errorText()) }
        defer { close(fd) }
        guard writeAll(fd: fd, UnsafeRawBufferPointer(bytes)) else { throw .io(path: path, operation: "write", reason: errorText()) }
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "fsync", reason: errorText()) }
    }

    /// Makes a directory entry change (a created or renamed file) durable.
    static func syncDirectory(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, operation: "open the directory", reason: errorText()) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "fsync the directory", reason: errorText()) }
    }

    /// Creates the directory `path` (not its parents) when missing.
    static func makeDirectory(_ path: String) throws(StoreError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw .io(path: path, operation: "create the directory", reason: errorText())
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The writers' mutex: an exclusive `flock` on a file in the store, so two `ledger import`s (or two
/// threads with their own `EventStore`) never interleave their read-verify-append cycles.
///
/// `flock` locks belong to the open file description, so each holder opens the file itself; on Linux and
/// Darwin two descriptions conflict even within one process.
enum FileLock {
    /// Runs `body` while holding the lock on `path` (created when missing), waiting for it as long as needed.
    static func withExclusiveLock<T>(path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.io(path: path, operation: "open the lock file", reason: LogFile.errorText()) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw StoreError.io(path: path, operation: "lock the store", reason: LogFile.errorText())
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}

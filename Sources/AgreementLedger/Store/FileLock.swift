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

    /// Runs `body` holding a shared lock on `path` when that file exists (never creating it), so it never
    /// overlaps a writer's append; without a lock file (no writer ever ran, or a store that cannot be
    /// opened for reading) it runs unlocked.
    static func withSharedLockIfPresent<T>(path: String, _ body: () throws -> T) rethrows -> T {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        var locked = true
        while flock(fd, LOCK_SH) != 0 {
            if errno == EINTR { continue }
            locked = false
            break
        }
        defer { if locked { flock(fd, LOCK_UN) } }
        return try body()
    }
}

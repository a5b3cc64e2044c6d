import Foundation

/// The log file as the writer that last appended to it left it (device, inode, size, modification and change
/// times), with the stamp of the lines it then held: `cache/log-identity`.
///
/// Any write to a file moves its change time, which no user can set back, so while `fstat` still gives the
/// same the log's bytes are those the stamp covers, and a reader need not sum them to trust a checkpoint
/// stamped the same (0.3 s of each `status` on a 1.5 GB log). The checksum stays the check whenever anything
/// differs: a log edited, touched, copied or restored. A derived file, never needed for correctness; writers
/// and `ledger verify` never use it.
struct LogIdentity {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: timespec
    let changed: timespec

    static let relativePath = "cache/log-identity"
    private static let version = "v1"

    /// The identity of the open file `fd`; nil when `fstat` fails.
    static func of(fd: Int32) -> LogIdentity? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return LogIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                           modified: info.st_mtim, changed: info.st_ctim)
    }

    private var fields: [Int64] {
        [Int64(bitPattern: device), Int64(bitPattern: inode), size, Int64(modified.tv_sec), Int64(modified.tv_nsec),
         Int64(changed.tv_sec), Int64(changed.tv_nsec)]
    }

    /// Records that the log open as `fd`, as it is now, holds what `stamp` covers and nothing more. Written
    /// atomically (temporary file, then rename); a failure only costs readers the checksum.
    static func write(directory: String, stamp: VerifiedCheckpoint, fd: Int32) {
        guard let identity = of(fd: fd), identity.size == Int64(stamp.bytes) else { return remove(directory: directory) }
        let text = version + " " + identity.fields.map(String.init).joined(separator: " ") + " " + stamp.line
        VerifiedCheckpoint.writeSmallCacheFile(directory: directory, relativePath: relativePath, text: text)
    }

    /// Removes the record (a writer that cannot vouch for the log it leaves).
    static func remove(directory: String) {
        _ = unlink(EventStore.join(directory, relativePath))
    }

    /// True when the record names `stamp` and the log open as `fd` is still the file it describes, unchanged.
    static func vouches(for stamp: VerifiedCheckpoint, directory: String, fd: Int32) -> Bool {
        guard let bytes = try? LogFile.readAll(path: EventStore.join(directory, relativePath)),
              let now = of(fd: fd) else { return false }
        let parts = String(decoding: bytes, as: UTF8.self).split(separator: " ", maxSplits: 8, omittingEmptySubsequences: false)
        guard parts.count == 9, parts[0] == version, let recorded = VerifiedCheckpoint(text: String(parts[8])),
              recorded == stamp else { return false }
        return parts[1...7].map { Int64($0) } == now.fields.map(Optional.some)
    }
}

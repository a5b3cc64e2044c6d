#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only, so a big cache file (the state checkpoint, hundreds of megabytes at a million
/// agreements) is decoded where it lies instead of being copied into memory first; pages already read are
/// handed back as the reader moves on, so only a window of it is ever resident.
///
/// Only for files that are replaced by rename or appended to, never truncated or rewritten in place: a
/// mapping of a file truncated under it would fault (appended bytes are simply not in the mapping).
final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// The mapped file, or nil when it is missing, empty or cannot be mapped.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        _ = madvise(base, size, MADV_SEQUENTIAL)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress!), bytes.count)
    }

    /// Drops the pages of `range` from memory (the bytes are read from the file again if touched again);
    /// a page the range only partly covers stays.
    func release(_ range: Range<Int>) {
        let page = MappedFile.pageSize
        let start = (range.lowerBound + page - 1) / page * page
        let end = min(range.upperBound, bytes.count) / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress! + start), end - start, MADV_DONTNEED)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fast 64-bit checksum of the log's bytes, so a writer can trust an earlier full verification only
/// while the bytes it covered are unchanged (several GB/s: far cheaper than re-hashing every line).
///
/// Not a security measure (the checkpoint file is as writable as the log); it catches edits, truncations
/// and corruption made since the checkpoint, which is what "refuse to append to a damaged log" needs.
/// Computed incrementally (`Accumulator`), so the log never has to be in memory at once: a writer checks
/// the covered prefix straight from the file and continues over the lines it adds.
struct PrefixChecksum {
    /// The running state over bytes fed in any chunking; the result depends only on the bytes.
    struct Accumulator {
        private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
        private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        /// Bytes fed so far.
        private(set) var count = 0
        /// Up to 15 bytes waiting for a whole 16-byte block.
        private var pending: (UInt64, UInt64) = (0, 0)

        init() {}

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var i = 0
            // Complete a pending block first.
            while count % 16 != 0 && i < bytes.count {
                setPending(count % 16, bytes[i])
                i += 1
                count += 1
                if count % 16 == 0 { block(pending.0, pending.1) }
            }
            while i + 16 <= bytes.count {
                block(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self),
                      bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                i += 16
                count += 16
            }
            while i < bytes.count {
                setPending(count % 16, bytes[i])
                i += 1
                count += 1
            }
        }

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) { add(UnsafeRawBufferPointer(bytes)) }

        /// The checksum of everything fed so far (the accumulator can go on afterwards).
        var value: UInt64 {
            var a = self.a
            for k in 0..<(count % 16) {
                let byte = k < 8 ? (pending.0 >> (UInt64(k) * 8)) & 0xFF : (pending.1 >> (UInt64(k - 8) * 8)) & 0xFF
                a = ((a ^ byte) &* 0x1000_0000_01B3).rotated(7)
            }
            var h = a ^ (b &* 0x2545_F491_4F6C_DD1D) ^ UInt64(count)
            h ^= h >> 33
            h = h &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 33
            return h
        }

        private mutating func block(_ x: UInt64, _ y: UInt64) {
            a = ((a ^ x) &* 0xFF51_AFD7_ED55_8CCD).rotated(29)
            b = ((b ^ y) &* 0xC4CE_B9FE_1A85_EC53).rotated(31)
            pending = (0, 0)
        }

        private mutating func setPending(_ k: Int, _ byte: UInt8) {
            // Little-endian, as loadUnaligned reads on the platforms we build for.
            if k < 8 { pending.0 |= UInt64(byte) << (UInt64(k) * 8) } else { pending.1 |= UInt64(byte) << (UInt64(k - 8) * 8) }
        }
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> UInt64 {
        precondition(count <= bytes.count)
        var accumulator = Accumulator()
        accumulator.add(UnsafeBufferPointer(rebasing: bytes[..<count]))
        return accumulator.value
    }

    /// The accumulator over the first `count` bytes of the open file `fd`; nil when the file holds fewer
    /// bytes or cannot be read. The bytes are read where the page cache holds them (a read-only mapping, its
    /// pages handed back as the sum moves on): copying a log of gigabytes out first cost as much as summing it.
    static func accumulate(fd: Int32, count: Int) -> Accumulator? {
        guard count > 0 else { return Accumulator() }
        var st = stat()
        if fstat(fd, &st) == 0, Int(st.st_size) >= count,
           let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED {
            defer { munmap(base, count) }
            _ = madvise(base, count, MADV_SEQUENTIAL)
            var accumulator = Accumulator()
            let piece = 1 << 24
            for start in stride(from: 0, to: count, by: piece) {
                let length = min(piece, count - start)
                accumulator.add(UnsafeRawBufferPointer(start: base + start, count: length))
                // Whole pages only: `piece` is a multiple of any page size, and the last piece ends the mapping.
                _ = madvise(base + start, length, MADV_DONTNEED)
            }
            return accumulator
        }
        return read(fd: fd, count: count)
    }

    /// As `accumulate`, read in 1 MiB pieces (when the file cannot be mapped).
    static func read(fd: Int32, count: Int) -> Accumulator? {
        var accumulator = Accumulator()
        let size = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while accumulator.count < count {
            let want = min(size, count - accumulator.count)
            let n = pread(fd, buffer.baseAddress!, want, off_t(accumulator.count))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            accumulator.add(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
        return accumulator
    }
}

extension UInt64 {
    fileprivate func rotated(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}

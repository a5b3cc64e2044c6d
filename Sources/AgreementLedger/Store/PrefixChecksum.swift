#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fast 64-bit checksum of the log's bytes, so a writer can trust an earlier full verification only
/// while the bytes it covered are unchanged (several GB/s a core: far cheaper than re-hashing every line).
///
/// Not a security measure (the checkpoint file is as writable as the log); it catches edits, truncations
/// and corruption made since the checkpoint, which is what "refuse to append to a damaged log" needs.
/// Computed incrementally (`Accumulator`), so the log never has to be in memory at once: a writer checks
/// the covered prefix straight from the file and continues over the lines it adds.
///
/// The bytes are summed in blocks of `blockSize`, each on its own (four lanes of 8 bytes), the blocks' sums
/// then folded in order: so the blocks of a long prefix are summed on all cores (`status` checks 1.5 GB
/// before it writes a line), and any chunking of the same bytes gives the same value.
struct PrefixChecksum {
    static let blockSize = 1 << 22

    /// The running sum of one block: four independent lanes, so a core keeps four multiplications in flight.
    private struct Lanes {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var c: UInt64 = 0x1656_67B1_9E37_79F9
        var d: UInt64 = 0x85EB_CA77_C2B2_AE63

        @inline(__always)
        mutating func stripe(_ w: UnsafeRawPointer) {
            a = ((a ^ w.loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD).rotated(29)
            b = ((b ^ w.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) &* 0xC4CE_B9FE_1A85_EC53).rotated(31)
            c = ((c ^ w.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15).rotated(27)
            d = ((d ^ w.loadUnaligned(fromByteOffset: 24, as: UInt64.self)) &* 0xD6E8_FEB8_6659_FD93).rotated(33)
        }

        /// Whole stripes of 32 bytes from `base`, `count` a multiple of 32.
        mutating func stripes(_ base: UnsafeRawPointer, count: Int) {
            var offset = 0
            while offset < count {
                stripe(base + offset)
                offset += 32
            }
        }

        mutating func byte(_ byte: UInt8) {
            a = ((a ^ UInt64(byte)) &* 0x1000_0000_01B3).rotated(7)
        }

        var digest: UInt64 {
            PrefixChecksum.mix(a ^ PrefixChecksum.mix(b ^ PrefixChecksum.mix(c ^ PrefixChecksum.mix(d))))
        }

        /// The digest of one whole block.
        static func digest(ofBlock base: UnsafeRawPointer) -> UInt64 {
            var lanes = Lanes()
            lanes.stripes(base, count: PrefixChecksum.blockSize)
            return lanes.digest
        }
    }

    /// The running state over bytes fed in any chunking; the result depends only on the bytes.
    struct Accumulator {
        /// The whole blocks so far, folded in order.
        private var blocks: UInt64 = 0x2545_F491_4F6C_DD1D
        /// The block under way.
        private var lanes = Lanes()
        /// Bytes fed so far.
        private(set) var count = 0
        /// Up to 31 bytes waiting for a whole 32-byte stripe.
        private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        init() {}

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress else { return }
            var i = 0
            while i < bytes.count {
                let inStripe = count % 32
                if inStripe == 0 && bytes.count - i >= 32 {
                    // Whole stripes, up to the end of the block.
                    let n = min(PrefixChecksum.blockSize - count % PrefixChecksum.blockSize, (bytes.count - i) & ~31)
                    lanes.stripes(base + i, count: n)
                    i += n
                    count += n
                } else {
                    setPending(inStripe, bytes[i])
                    i += 1
                    count += 1
                    guard count % 32 == 0 else { continue }
                    withUnsafeBytes(of: pending) { lanes.stripe($0.baseAddress!) }
                    pending = (0, 0, 0, 0)
                }
                if count % PrefixChecksum.blockSize == 0 { endBlock(lanes.digest) }
            }
        }

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) { add(UnsafeRawBufferPointer(bytes)) }

        /// Whole blocks summed elsewhere (in order), at a block boundary.
        fileprivate mutating func addBlocks(_ digests: [UInt64]) {
            precondition(count % PrefixChecksum.blockSize == 0)
            for digest in digests {
                count += PrefixChecksum.blockSize
                endBlock(digest)
            }
        }

        private mutating func endBlock(_ digest: UInt64) {
            blocks = ((blocks ^ digest) &* 0xFF51_AFD7_ED55_8CCD).rotated(23)
            lanes = Lanes()
        }

        /// The checksum of everything fed so far (the accumulator can go on afterwards).
        var value: UInt64 {
            var lanes = self.lanes
            withUnsafeBytes(of: pending) { raw in
                for k in 0..<(count % 32) { lanes.byte(raw[k]) }
            }
            return PrefixChecksum.mix(blocks ^ lanes.digest ^ UInt64(count) &* 0x9E37_79B9_7F4A_7C15)
        }

        private mutating func setPending(_ k: Int, _ byte: UInt8) {
            withUnsafeMutableBytes(of: &pending) { $0[k] = byte }
        }
    }

    /// Murmur3's finalizer: every bit of the input moves every bit of the output.
    fileprivate static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// The accumulator over `bytes` (from their start, as a prefix is), whole blocks summed on all cores a round
    /// of `roundSize` bytes at a time; `summed` is handed each round's range once it is summed (its pages may
    /// be handed back), on the calling thread.
    static func accumulate(_ bytes: UnsafeRawBufferPointer, roundSize: Int = 1 << 24,
                           summed: (Range<Int>) -> Void = { _ in }) -> Accumulator {
        var accumulator = Accumulator()
        guard let base = bytes.baseAddress else { return accumulator }
        let shared = SharedBytes(base: base)
        let blocksPerRound = max(1, roundSize / blockSize)
        let wholeBlocks = bytes.count / blockSize
        var block = 0
        while block < wholeBlocks {
            let round = block..<min(block + blocksPerRound, wholeBlocks)
            accumulator.addBlocks(ParallelChunks.map(count: round.count, chunkSize: 1) { r in
                Lanes.digest(ofBlock: shared.base + (round.lowerBound + r.lowerBound) * blockSize)
            })
            summed((round.lowerBound * blockSize)..<(round.upperBound * blockSize))
            block = round.upperBound
        }
        let tail = (wholeBlocks * blockSize)..<bytes.count
        accumulator.add(UnsafeRawBufferPointer(rebasing: bytes[tail]))
        if !tail.isEmpty { summed(tail) }
        return accumulator
    }

    /// Bytes read by several threads at once, none writing them.
    private struct SharedBytes: @unchecked Sendable {
        let base: UnsafeRawPointer
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> UInt64 {
        precondition(count <= bytes.count)
        return accumulate(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[..<count])).value
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
            // Whole pages only: a round is a multiple of any page size, and the last one ends the mapping.
            return accumulate(UnsafeRawBufferPointer(start: base, count: count)) { summed in
                _ = madvise(base + summed.lowerBound, summed.count, MADV_DONTNEED)
            }
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

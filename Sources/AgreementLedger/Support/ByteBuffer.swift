/// A growable run of bytes for the serializers' hottest loops: an append is a bounds test and a copy, without
/// the uniqueness check and generic-sequence path of `Array`'s (`status --json` of a million agreements makes
/// a hundred million small appends).
///
/// Not a value type: copies share their bytes. Each buffer has one owner at a time, which appends and reads
/// it (a worker thread fills it, the writer thread then takes it); the storage is freed with the last copy.
struct ByteBuffer: ByteSink, @unchecked Sendable {
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }

    private var storage: Storage
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(16, capacity)
        storage = Storage(capacity: self.capacity)
        base = storage.base
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if bytes.count > capacity - count { grow(toHold: bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func appendWriting(atMost maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if maxCount > capacity - count { grow(toHold: maxCount) }
        let written = body(base + count)
        precondition(written <= maxCount)
        count += written
    }

    /// Empties the buffer, its storage kept.
    mutating func removeAll() { count = 0 }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// The bytes written, to change in place (the hash chain writes each line's `prev` over a placeholder).
    mutating func withMutableBytes<R>(_ body: (UnsafeMutableBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeMutableBufferPointer(start: base, count: count))
    }

    private mutating func grow(toHold extra: Int) {
        let newCapacity = max(2 * capacity, count + extra)
        let bigger = Storage(capacity: newCapacity)
        bigger.base.update(from: base, count: count)
        (storage, base, capacity) = (bigger, bigger.base, newCapacity)
    }
}

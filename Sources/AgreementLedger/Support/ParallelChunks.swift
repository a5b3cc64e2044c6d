import Dispatch

/// Work on independent pieces of a big input on every core, results in input order: how reading a
/// snapshot and walking the log use both cores of a small machine.
enum ParallelChunks {
    /// `transform` applied to consecutive slices of `items` (at most `chunkSize` each), on all cores;
    /// one result per slice, in order. A small input runs on the calling thread.
    static func map<T: Sendable, R: Sendable>(_ items: [T], chunkSize: Int,
                                              _ transform: @Sendable (ArraySlice<T>) -> R) -> [R] {
        precondition(chunkSize > 0)
        let count = (items.count + chunkSize - 1) / chunkSize
        if count <= 1 { return items.isEmpty ? [] : [transform(items[...])] }
        let slots = Slots<R>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { n in
            let from = n * chunkSize
            slots.set(n, transform(items[from..<min(from + chunkSize, items.count)]))
        }
        return slots.results()
    }

    /// `transform` applied to consecutive ranges of `0..<count` (at most `chunkSize` each), on all cores;
    /// one result per range, in order: for work that reads a shared array by index rather than copying it.
    static func map<R: Sendable>(count: Int, chunkSize: Int, _ transform: @Sendable (Range<Int>) -> R) -> [R] {
        precondition(chunkSize > 0)
        let chunks = (count + chunkSize - 1) / chunkSize
        if chunks <= 1 { return count == 0 ? [] : [transform(0..<count)] }
        let slots = Slots<R>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { n in
            let from = n * chunkSize
            slots.set(n, transform(from..<min(from + chunkSize, count)))
        }
        return slots.results()
    }

    /// As `map(count:chunkSize:_:)`, with each of `alongside` run once meanwhile on one of the same threads
    /// (first, so they overlap the chunks): how `status` writes out one batch and reads the next while this
    /// one is serialized.
    static func map<R: Sendable>(count: Int, chunkSize: Int, alongside: [@Sendable () -> Void],
                                 _ transform: @Sendable (Range<Int>) -> R) -> [R] {
        precondition(chunkSize > 0)
        let chunks = (count + chunkSize - 1) / chunkSize
        let slots = Slots<R>(count: chunks)
        let tasks = alongside.count
        DispatchQueue.concurrentPerform(iterations: chunks + tasks) { n in
            guard n >= tasks else { return alongside[n]() }
            let from = (n - tasks) * chunkSize
            slots.set(n - tasks, transform(from..<min(from + chunkSize, count)))
        }
        return slots.results()
    }

    /// `transform` of every index of `0..<count`, computed on all cores, in index order.
    static func mapEach<R: Sendable>(count: Int, chunkSize: Int, _ transform: @Sendable (Int) -> R) -> [R] {
        let parts = map(count: count, chunkSize: chunkSize) { range in range.map(transform) }
        var out: [R] = []
        out.reserveCapacity(count)
        for part in parts { out += part }
        return out
    }

    /// `first` and `second` run at once, one on each of two cores; returns both results.
    static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let a = Slots<A>(count: 1), b = Slots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { n in
            if n == 0 { a.set(0, first()) } else { b.set(0, second()) }
        }
        return (a.results()[0], b.results()[0])
    }

    /// One slot per chunk; each chunk writes only its own, and all are read after the work ends.
    private final class Slots<R>: @unchecked Sendable {
        private let pointer: UnsafeMutablePointer<R?>
        private let count: Int

        init(count: Int) {
            self.count = count
            pointer = .allocate(capacity: count)
            pointer.initialize(repeating: nil, count: count)
        }

        deinit {
            pointer.deinitialize(count: count)
            pointer.deallocate()
        }

        func set(_ n: Int, _ value: R) { pointer[n] = value }

        func results() -> [R] { (0..<count).map { pointer[$0]! } }
    }
}

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

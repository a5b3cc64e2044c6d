import Dispatch

/// Lets a big value go on another thread. Freeing a million agreements keeps a core busy for most of a second,
/// which a writer finishing its files need not wait for (and a process that ends meanwhile need not wait at all).
enum BackgroundRelease {
    /// Frees `value` (its last owner) on a background thread.
    static func release<T>(_ value: consuming T) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.empty() }
    }

    /// The value's only owner, emptied on the background thread.
    private final class Box<T>: @unchecked Sendable {
        private var value: T?

        init(_ value: consuming T) { self.value = value }

        func empty() { value = nil }
    }
}

import Dispatch
import Synchronization

/// A value computed on another thread while the caller goes on: how an import hashes a file (and checks that
/// it is plain UTF-8) while it reads the file's rows, so that pass costs no time of its own. `finishedValue`
/// can be polled meanwhile.
final class BackgroundResult<Value: Sendable>: Sendable {
    private let group = DispatchGroup()
    /// Set once by the work, read after it (`wait`) or as it goes (`finishedValue`).
    private let slot = Mutex<Value?>(nil)

    init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global().async { [self] in
            let value = work()
            slot.withLock { $0 = value }
            group.leave()
        }
    }

    /// The value when the work has finished; nil while it runs.
    var finishedValue: Value? { slot.withLock { $0 } }

    /// Waits for the work and returns its value.
    func wait() -> Value {
        group.wait()
        return slot.withLock { $0! }
    }
}

import Dispatch
import Synchronization

/// Writes a file a piece at a time and in order, on another thread while the next piece is made: a batch's log
/// lines while the next are hashed (the hash chain keeps one core busy, and the kernel's copy of the bytes into
/// the file's pages cost that core a third of its time), the state checkpoint while the next agreements are
/// encoded. At most two pieces wait. A log's checksum is kept as the bytes go, for the writer's stamp.
final class PieceWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "agreement-ledger.append")
    /// Pieces that may be written or waiting at once.
    private let slots = DispatchSemaphore(value: 2)
    private let fd: Int32
    private let write: (Int32, UnsafeRawPointer, Int) -> Int
    /// Touched only on `queue` until `finish`; nil when no checksum is kept.
    private var accumulator: PrefixChecksum.Accumulator?
    private let state = Mutex<(failure: String?, spare: [[UInt8]])>((nil, []))

    /// A writer to `fd` through `write` (`write(2)`, or a test's failing one), its checksum going on from
    /// `accumulator` (none kept when nil).
    init(fd: Int32, write: @escaping (Int32, UnsafeRawPointer, Int) -> Int, accumulator: PrefixChecksum.Accumulator?) {
        self.fd = fd
        self.write = write
        self.accumulator = accumulator
    }

    /// Why a write failed, once one has (later pieces are then dropped).
    var failure: String? { state.withLock { $0.failure } }

    /// Queues `piece`'s bytes for writing and leaves an empty buffer (one handed back, when there is one) in
    /// its place; waits while two pieces are already queued.
    func submit(_ piece: inout [UInt8]) {
        slots.wait()
        var bytes = state.withLock { $0.spare.popLast() } ?? []
        bytes.reserveCapacity(piece.capacity)
        swap(&bytes, &piece)
        enqueue(bytes, handingBack: true)
    }

    /// Queues `piece`'s bytes for writing, its buffer let go once written; waits while two pieces are
    /// already queued.
    func submit(taking piece: [UInt8]) {
        slots.wait()
        enqueue(piece, handingBack: false)
    }

    private func enqueue(_ bytes: [UInt8], handingBack: Bool) {
        let handed = Handed(bytes)
        queue.async { [self] in
            defer { slots.signal() }
            var bytes = handed.take()
            if failure == nil {
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
                if written != bytes.count {
                    let reason = written < 0 ? LogFile.errorText() : "only \(written) of \(bytes.count) bytes were written"
                    state.withLock { $0.failure = $0.failure ?? reason }
                }
                if accumulator != nil { bytes.withUnsafeBufferPointer { accumulator!.add($0) } }
            }
            guard handingBack else { return }
            bytes.removeAll(keepingCapacity: true)
            let spare = Handed(bytes)
            state.withLock { $0.spare.append(spare.take()) }
        }
    }

    /// Waits for every queued piece; returns the checksum of all bytes written (nil when none is kept).
    func finish() -> PrefixChecksum.Accumulator? {
        queue.sync {}
        return accumulator
    }

    /// A buffer passed to the writing thread, owned by one side at a time.
    private final class Handed: @unchecked Sendable {
        private var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func take() -> [UInt8] {
            defer { bytes = [] }
            return bytes
        }
    }
}

/// Text written a batch at a time: each batch rendered in eighths on all cores while the batch before it is
/// handed to `write`, into buffers reused from the batch before that. `status` of a million agreements never
/// holds its text whole, nor lays it in fresh pages (zeroing them cost as much as writing the text).
struct PipelinedOutput {
    private let write: (UnsafeRawBufferPointer) -> Void
    /// The last batch's pieces, written while the next batch is rendered (or at `flush`).
    private var pending: [ByteBuffer] = []
    /// Pieces already written, emptied, their storage kept for the next batch.
    private var spare: [ByteBuffer] = []

    init(write: @escaping (UnsafeRawBufferPointer) -> Void) { self.write = write }

    /// Renders items `0..<count` of a batch in order, `render` appending a range of them to a piece;
    /// `alongside` (reading the next batch) runs meanwhile.
    mutating func append(count: Int, alongside: @escaping @Sendable () -> Void = {},
                         render: @escaping @Sendable (Range<Int>, inout ByteBuffer) -> Void) {
        guard count > 0 else { return alongside() }
        let previous = Pieces(pending)
        let buffers = Pieces(spare)
        pending = []
        spare = []
        let chunkSize = max(1, (count + 7) / 8)
        let writer = Writer(write: write)
        pending = ParallelChunks.map(count: count, chunkSize: chunkSize,
                                     alongside: [{ previous.forEach(writer.writePiece) }, alongside]) { range in
            var bytes = buffers.take(range.lowerBound / chunkSize) ?? ByteBuffer(capacity: range.count * 800)
            bytes.removeAll()
            render(range, &bytes)
            return bytes
        }
        spare = previous.takeAll()
    }

    /// Writes what is rendered and not yet written: before anything written directly after it.
    mutating func flush() {
        for piece in pending { piece.withBytes(write) }
        spare += pending
        pending = []
    }

    /// `write`, handed to a worker thread: it is only ever called by one thread at a time, each call ordered
    /// after the one before (the batches are rendered in turn).
    private struct Writer: @unchecked Sendable {
        let write: (UnsafeRawBufferPointer) -> Void

        func writePiece(_ piece: ByteBuffer) { piece.withBytes(write) }
    }

    /// Byte buffers shared with the worker threads: each index is taken by one thread only, `forEach` and
    /// `takeAll` run when no other thread touches them.
    private final class Pieces: @unchecked Sendable {
        private var slots: UnsafeMutablePointer<ByteBuffer?>
        private let count: Int

        init(_ pieces: [ByteBuffer]) {
            count = pieces.count
            slots = .allocate(capacity: max(1, count))
            slots.initialize(from: pieces.map(Optional.some), count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        /// The buffer at `index`, moved out (so that one thread alone appends to it); nil if none.
        func take(_ index: Int) -> ByteBuffer? {
            guard index < count else { return nil }
            let taken = slots[index]
            slots[index] = nil
            return taken
        }

        func forEach(_ body: (ByteBuffer) -> Void) {
            for i in 0..<count { if let piece = slots[i] { body(piece) } }
        }

        func takeAll() -> [ByteBuffer] { (0..<count).compactMap(take) }
    }
}

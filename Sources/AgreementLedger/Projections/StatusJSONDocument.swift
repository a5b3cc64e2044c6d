/// The `status --json` document written in pieces: its head at once, entries a batch at a time, its tail at
/// `finish`. A batch is serialized in eighths on all cores while the batch before it is handed to `write`, into
/// buffers reused from the batch before that: a million agreements' 800 MB of text never lies in fresh pages
/// (zeroing them cost as much as writing the text).
struct StatusJSONDocument {
    private let query: StatusQuery
    private let write: (UnsafeRawBufferPointer) -> Void
    private var out: [UInt8] = []
    private var first = true
    /// The last batch's pieces, written while the next batch is serialized (or at `finish`).
    private var pending: [ByteBuffer] = []
    /// Pieces already written, emptied, their storage kept for the next batch.
    private var spare: [ByteBuffer] = []

    init(query: StatusQuery, write: @escaping (UnsafeRawBufferPointer) -> Void) {
        (self.query, self.write) = (query, write)
        out.append(contentsOf: "{\n  \"agreements\": [".utf8)
    }

    private mutating func flush() {
        guard !out.isEmpty else { return }
        out.withUnsafeBytes(write)
        out.removeAll(keepingCapacity: true)
    }

    /// Appends the entries `entry` writes for `batch`, in order; `alongside` (reading the next batch) runs
    /// meanwhile.
    mutating func append<T: Sendable>(_ batch: [T], alongside: @escaping @Sendable () -> Void = {},
                                      entry: @escaping @Sendable (T, inout ByteBuffer) -> Void) {
        guard !batch.isEmpty else { return alongside() }
        let leading = first
        first = false
        flush()
        let previous = Pieces(pending)
        let buffers = Pieces(spare)
        pending = []
        spare = []
        let chunkSize = max(1, (batch.count + 7) / 8)
        let writer = Writer(write: write)
        pending = ParallelChunks.map(count: batch.count, chunkSize: chunkSize,
                                     alongside: [{ previous.forEach(writer.writePiece) }, alongside]) { range in
            var bytes = buffers.take(range.lowerBound / chunkSize) ?? ByteBuffer(capacity: range.count * 800)
            bytes.removeAll()
            for n in range {
                // The first entry of all takes no comma.
                if leading && n == 0 { bytes.appendStatic("\n    ") } else { bytes.appendStatic(",\n    ") }
                entry(batch[n], &bytes)
            }
            return bytes
        }
        spare = previous.takeAll()
    }

    mutating func finish() {
        for piece in pending { piece.withBytes(write) }
        pending = []
        spare = []
        if !first { out.append(contentsOf: "\n  ".utf8) }
        out.append(contentsOf: "],\n  \"at\": ".utf8)
        JSONWriter.appendPretty(.optional(query.at?.description), to: &out, level: 1)
        if let inForce = query.inForce {
            out.append(contentsOf: ",\n  \"inForce\": ".utf8)
            JSONWriter.appendPretty(.string(inForce.description), to: &out, level: 1)
        }
        out.append(contentsOf: "\n}\n".utf8)
        flush()
    }

    /// `write`, handed to a worker thread: it is only ever called by one thread at a time, each call ordered
    /// after the one before (the batches are serialized in turn).
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

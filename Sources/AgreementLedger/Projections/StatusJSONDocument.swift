/// The `status --json` document written in pieces: its head at once, entries a batch at a time, its tail at
/// `finish`. A batch is serialized in eighths on all cores while the batch before it is handed to `write`, into
/// buffers reused from the batch before that: a million agreements' 800 MB of text never lies in fresh pages
/// (zeroing them cost as much as writing the text).
struct StatusJSONDocument {
    private let query: StatusQuery
    private let write: ([UInt8]) -> Void
    private var out: [UInt8] = []
    private var first = true
    /// The last batch's pieces, written while the next batch is serialized (or at `finish`).
    private var pending: [[UInt8]] = []
    /// Pieces already written, emptied, their storage kept for the next batch.
    private var spare: [[UInt8]] = []

    init(query: StatusQuery, write: @escaping ([UInt8]) -> Void) {
        (self.query, self.write) = (query, write)
        out.append(contentsOf: "{\n  \"agreements\": [".utf8)
    }

    private mutating func flush() {
        guard !out.isEmpty else { return }
        write(out)
        out.removeAll(keepingCapacity: true)
    }

    /// Appends the entries `entry` writes for `batch`, in order.
    mutating func append<T: Sendable>(_ batch: [T], entry: @escaping @Sendable (T, inout [UInt8]) -> Void) {
        guard !batch.isEmpty else { return }
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
                                     alongside: { previous.forEach(writer.write) }) { range in
            var bytes = buffers.take(range.lowerBound / chunkSize)
            bytes.removeAll(keepingCapacity: true)
            bytes.reserveCapacity(range.count * 800)
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
        pending.forEach(write)
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
        let write: ([UInt8]) -> Void
    }

    /// Byte buffers shared with the worker threads: each index is taken by one thread only, `forEach` and
    /// `takeAll` run when no other thread touches them.
    private final class Pieces: @unchecked Sendable {
        private var slots: UnsafeMutablePointer<[UInt8]>
        private let count: Int

        init(_ pieces: [[UInt8]]) {
            count = pieces.count
            slots = .allocate(capacity: max(1, count))
            slots.initialize(from: pieces, count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        /// The buffer at `index`, moved out (its storage unshared, so appending reuses it); empty if none.
        func take(_ index: Int) -> [UInt8] {
            guard index < count else { return [] }
            return swap(index, [])
        }

        private func swap(_ index: Int, _ value: [UInt8]) -> [UInt8] {
            let taken = slots[index]
            slots[index] = value
            return taken
        }

        func forEach(_ body: ([UInt8]) -> Void) {
            for i in 0..<count { body(slots[i]) }
        }

        func takeAll() -> [[UInt8]] { (0..<count).map(take) }
    }
}

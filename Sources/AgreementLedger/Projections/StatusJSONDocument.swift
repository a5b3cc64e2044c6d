/// The `status --json` document written in pieces: its head at once, entries a batch at a time on all cores
/// (`PipelinedOutput`), its tail at `finish`.
struct StatusJSONDocument {
    private let query: StatusQuery
    private let write: (UnsafeRawBufferPointer) -> Void
    private var out: [UInt8] = []
    private var first = true
    private var entries: PipelinedOutput

    init(query: StatusQuery, write: @escaping (UnsafeRawBufferPointer) -> Void) {
        (self.query, self.write) = (query, write)
        entries = PipelinedOutput(write: write)
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
        entries.append(count: batch.count, alongside: alongside) { range, bytes in
            for n in range {
                // The first entry of all takes no comma.
                if leading && n == 0 { bytes.appendStatic("\n    ") } else { bytes.appendStatic(",\n    ") }
                entry(batch[n], &bytes)
            }
        }
    }

    mutating func finish() {
        entries.flush()
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
}

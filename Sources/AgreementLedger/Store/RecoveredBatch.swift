/// A torn batch (cut off by a crash, never committed) that recovery moved out of the log, so the CLI can
/// tell the user where its bytes went.
public struct RecoveredBatch: Hashable, Sendable {
    /// The file under `rejected/` now holding the bytes.
    public var path: String
    /// Lines moved, a partial last line counted.
    public var lineCount: Int
    /// Bytes moved (the file's size).
    public var byteCount: Int

    /// A record of one move; built by the store.
    public init(path: String, lineCount: Int, byteCount: Int) {
        self.path = path
        self.lineCount = lineCount
        self.byteCount = byteCount
    }
}

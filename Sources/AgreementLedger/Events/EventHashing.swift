/// The hash chain's view of an event: what its `hash` must be and the exact line the log holds for it.
extension LedgerEvent {
    /// Lowercase hex SHA-256 of the canonical JSON without `hash`: recomputing it is how tampering shows.
    public func computedHash() -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(512)
        JSONWriter.appendCanonical(json(includingHash: false), to: &bytes)
        return SHA256.hex(of: SHA256.digest(bytes))
    }

    /// The event's line in `events.jsonl` (without the newline): canonical, so the same event is always
    /// the same bytes.
    public var canonicalLine: String {
        JSONWriter.canonical(json(includingHash: true))
    }

    /// The canonical line's bytes appended to `out` (the store's hot path, no String round trip).
    func appendCanonicalLine(to out: inout [UInt8]) {
        JSONWriter.appendCanonical(json(includingHash: true), to: &out)
    }
}

/// What ties a log line to its neighbours: its `seq`, its `prev` and its own `hash`. The log walk checks these
/// between lines, so a walk that keeps no events (`verify`) keeps only these.
struct LineLink {
    var seq: Int
    var prev: LinkText
    var hash: LinkText
    /// An `imported` line (the walk counts them).
    var imported: Bool

    init(seq: Int, prev: LinkText, hash: LinkText, imported: Bool) {
        (self.seq, self.prev, self.hash, self.imported) = (seq, prev, hash, imported)
    }

    init(_ event: LedgerEvent) {
        self.init(seq: event.seq, prev: LinkText(event.prev), hash: LinkText(event.hash), imported: event.type == .imported)
    }
}

/// A `prev` or `hash` value, compared as the walk compares them: 64 bytes held inline (every hash this code
/// writes), any other text as a string, so two values are equal exactly when their texts are.
struct LinkText: Equatable {
    private var digits = SIMD64<UInt8>()
    private var other: String?

    init(_ text: String) {
        var text = text
        if !text.withUTF8({ load($0) }) { other = text }
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !load(bytes) { other = String(decoding: bytes, as: UTF8.self) }
    }

    private mutating func load(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 64, let base = bytes.baseAddress else { return false }
        digits = UnsafeRawPointer(base).loadUnaligned(as: SIMD64<UInt8>.self)
        return true
    }

    var text: String {
        if let other { return other }
        return withUnsafeBytes(of: digits) { String(decoding: $0, as: UTF8.self) }
    }
}

/// Strings the program already holds (an import's partner names), so that an equal string read from a file can
/// take that storage instead of keeping a copy of its own: at a million agreements, the state read for the diff
/// and the snapshot it is diffed against would otherwise each hold every long name.
public struct HeldStrings: Sendable {
    private let strings: [String]
    private let index: PositionIndex

    /// None: every string read keeps its own storage.
    public static let none = HeldStrings([])

    /// `strings` (hashed on all cores).
    public init(_ strings: [String]) {
        self.strings = strings
        let hashes = PositionIndex.hashes(count: strings.count) { strings[$0] }
        index = PositionIndex(hashes: hashes) { ByteHash.sameBytes(strings[$0], strings[$1]) }
    }

    public var isEmpty: Bool { strings.isEmpty }

    /// The held string with the same bytes as `text`, or nil.
    public func equal(to text: String) -> String? {
        index.position(hash: PositionIndex.hash(text)) { ByteHash.sameBytes(strings[$0], text) }.map { strings[$0] }
    }

    /// The held string with these UTF-8 bytes, or nil: found before a string of them is made.
    func equal(to bytes: UnsafeBufferPointer<UInt8>) -> String? {
        index.position(hash: PositionIndex.hash(bytes)) { ByteHash.sameBytes(strings[$0], bytes) }.map { strings[$0] }
    }
}

/// Turns validated UTF-8 bytes into rows one at a time, so a caller can hold a few thousand rows of a big
/// file instead of all of them.
///
/// Memory, not scanning, dominates on large files, so each row's fields are gathered in a scratch buffer and
/// moved into an array of exactly their count.
struct RowScanner: ~Copyable {
    private var fields: FieldScanner
    private var scratch: UnsafeMutablePointer<String>
    private var capacity = 64
    private var count = 0

    /// The fields of every blank row share this one array instead of allocating their own.
    private static let blankFields = [""]

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: Delimiter, firstLine: Int = 1) {
        fields = FieldScanner(bytes: bytes, delimiter: delimiter, firstLine: firstLine)
        scratch = .allocate(capacity: capacity)
    }

    deinit {
        scratch.deinitialize(count: count)
        scratch.deallocate()
    }

    /// True when no further row starts.
    var atEnd: Bool { fields.atEnd }
    /// Index of the next unread byte: where the next row starts.
    var position: Int { fields.position }
    /// The line the next row starts on.
    var line: Int { fields.line }
    /// How many bytes are scanned.
    var byteCount: Int { fields.bytes.count }

    /// Steps over the next row without building its fields (false at the end): how a batch is cut into pieces
    /// whose rows other threads build.
    mutating func skip() throws(ReadError) -> Bool {
        guard !fields.atEnd else { return false }
        if fields.skipRowWithoutQuotes() { return true }
        while try fields.nextField().ended == .delimiter {}
        return true
    }

    /// The next row (blank lines as `[""]`), or nil at the end. `keep`, when given, says which columns
    /// are wanted: the others come back as "" without a String being built (the row keeps its width).
    mutating func next(keeping keep: ((Int) -> Bool)? = nil) throws(ReadError) -> TextRow? {
        guard !fields.atEnd else { return nil }
        let line = fields.line
        var field = try fields.nextField()
        if field.ended != .delimiter && field.start == field.end {
            return TextRow(line: line, fields: RowScanner.blankFields)
        }
        while true {
            if count == capacity {
                let larger = UnsafeMutablePointer<String>.allocate(capacity: capacity * 2)
                larger.moveInitialize(from: scratch, count: count)
                scratch.deallocate()
                scratch = larger
                capacity *= 2
            }
            let wanted = keep.map { $0(count) } ?? true
            (scratch + count).initialize(to: wanted ? fields.string(of: field) : "")
            count += 1
            if field.ended != .delimiter { break }
            field = try fields.nextField()
        }
        let n = count
        let row = [String](unsafeUninitializedCapacity: n) { target, initialized in
            target.baseAddress!.moveInitialize(from: scratch, count: n)
            initialized = n
        }
        count = 0
        return TextRow(line: line, fields: row)
    }
}

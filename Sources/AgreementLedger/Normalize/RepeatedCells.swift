/// What a cell read to, remembered for cells that repeat down a column ("Permanent", "5 years", a country, a
/// status): a big list has a few hundred such values on a million rows, and reading a phrase costs microseconds
/// where looking it up costs a hash. Kept per piece of rows, so no two threads share one.
///
/// A fixed table found by a hash of the cell's bytes (`ByteHash`), not a `[String: Value]`: Swift's hashing of a
/// string (seeded, over its normalized form) cost more than the rest of a lookup, several times a row. A cell is
/// the same cell only byte for byte, so `read` is never handed another spelling's answer.
struct RepeatedCells<Value> {
    /// Per slot: the cell's hash with its lowest bit set (0: empty), the cell, what it read to.
    private var hashes: [UInt64] = []
    private var cells: [String] = []
    private var values: [Value?] = []
    private var count = 0
    /// Cells remembered at most; the first ones seen are kept (the repeating values appear early).
    private static var capacity: Int { 512 }
    /// Slots: twice the capacity, so a search always meets an empty one soon.
    private static var slots: Int { 1024 }
    /// Longer cells are read each time: they are rarely repeats.
    private static var longestCell: Int { 64 }

    /// What `read` gives for `cell`, read once per distinct cell.
    mutating func value(_ cell: String, _ read: (String) -> Value) -> Value {
        guard cell.utf8.count <= Self.longestCell else { return read(cell) }
        if hashes.isEmpty {
            hashes = Array(repeating: 0, count: Self.slots)
            cells = Array(repeating: "", count: Self.slots)
            values = Array(repeating: nil, count: Self.slots)
        }
        let hash = ByteHash.of(cell) | 1
        let mask = Self.slots - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while hashes[i] != 0 {
            if hashes[i] == hash && ByteHash.sameBytes(cells[i], cell) { return values[i]! }
            i = (i + 1) & mask
        }
        let value = read(cell)
        if count < Self.capacity {
            (hashes[i], cells[i], values[i]) = (hash, cell, value)
            count += 1
        }
        return value
    }
}

/// One memory per kind of cell a row's reading looks up (each with its column's date order fixed for the file).
struct RowReadings {
    var signedDates = RepeatedCells<[ParsedDate]>()
    var validDates = RepeatedCells<[ParsedDate]>()
    var durations = RepeatedCells<TermParse>()
    var signedAndTerms = RepeatedCells<TermParse>()
    var statuses = RepeatedCells<[AgreementStatus]>()
    var countrySplits = RepeatedCells<[String]?>()
    var countryCodes = RepeatedCells<String?>()
    var institutionNames = RepeatedCells<Bool>()
}

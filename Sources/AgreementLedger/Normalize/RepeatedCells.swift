/// What a cell read to, remembered for cells that repeat down a column ("Permanent", "5 years", a country, a
/// status): a big list has a few hundred such values on a million rows, and reading a phrase costs microseconds
/// where looking it up costs a hash. Kept per piece of rows, so no two threads share one.
struct RepeatedCells<Value> {
    private var values: [String: Value] = [:]
    /// Cells remembered at most; the first ones seen are kept (the repeating values appear early).
    private static var capacity: Int { 512 }
    /// Longer cells are read each time: they are rarely repeats.
    private static var longestCell: Int { 64 }

    /// What `read` gives for `cell`, read once per distinct cell.
    mutating func value(_ cell: String, _ read: (String) -> Value) -> Value {
        guard cell.utf8.count <= Self.longestCell else { return read(cell) }
        if let value = values[cell] { return value }
        let value = read(cell)
        if values.count < Self.capacity { values[cell] = value }
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

/// One export of a list, read and normalized: what `inspect` shows and `import` diffs.
public struct Snapshot: Sendable {
    /// The date the file states for itself (a footer), if any.
    public var asOf: PartialDate?
    /// "tsv", "csv" (comma or semicolon separated) or "xlsx".
    public var format: String
    /// The worksheet read, for a workbook; nil for text.
    public var sheet: String?
    public var encoding: TextEncoding
    public var records: [AgreementRecord]
    public var warnings: [RowWarning]
    public var layout: ColumnLayout
    /// Indices of records that name one agreement, two or more per group (`DuplicateRows.repeated`):
    /// found once while reading, merged by the diff.
    public var repeatedRows: [[Int]]

    public init(asOf: PartialDate?, format: String, encoding: TextEncoding, records: [AgreementRecord],
                warnings: [RowWarning], layout: ColumnLayout, repeatedRows: [[Int]]? = nil) {
        self.repeatedRows = repeatedRows ?? DuplicateRows.repeated(records)
        self.asOf = asOf
        self.format = format
        self.encoding = encoding
        self.records = records
        self.warnings = warnings
        self.layout = layout
    }

    /// The contract's `inspect --json` shape.
    /// A workbook adds "sheet", and "ref" (`Sheet1!C17`) on its warnings.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "asOf": .optional(asOf?.description),
            "format": .string(format),
            "records": .array(records.map(\.json)),
            "warnings": .array(warnings.map { w in
                var o: [String: JSONValue] = ["row": .int(w.row), "message": .string(w.message)]
                if let ref = w.reference { o["ref"] = .string(ref) }
                return .object(o)
            }),
        ]
        if let sheet { object["sheet"] = .string(sheet) }
        return .object(object)
    }
}

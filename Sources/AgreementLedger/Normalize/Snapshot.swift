/// One export of a list, read and normalized: what `inspect` shows and `import` diffs.
public struct Snapshot: Sendable {
    /// The date the file states for itself (a footer), if any.
    public var asOf: PartialDate?
    /// "tsv" or "csv" (comma or semicolon separated).
    public var format: String
    public var encoding: TextEncoding
    public var records: [AgreementRecord]
    public var warnings: [RowWarning]
    public var layout: ColumnLayout

    public init(asOf: PartialDate?, format: String, encoding: TextEncoding, records: [AgreementRecord],
                warnings: [RowWarning], layout: ColumnLayout) {
        self.asOf = asOf
        self.format = format
        self.encoding = encoding
        self.records = records
        self.warnings = warnings
        self.layout = layout
    }

    /// The contract's `inspect --json` shape.
    public var json: JSONValue {
        .object([
            "asOf": .optional(asOf?.description),
            "format": .string(format),
            "records": .array(records.map(\.json)),
            "warnings": .array(warnings.map { .object(["row": .int($0.row), "message": .string($0.message)]) }),
        ])
    }
}

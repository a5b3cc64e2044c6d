import AgreementLedger

/// `status --csv`: RFC 4180 CSV of the agreements, written by the library's `CSVWriter`
/// (formula-like cells neutralized; `--excel` adds a UTF-8 BOM).
enum StatusCSV {
    static func render(_ agreements: [AgreementState], excel: Bool = false) -> String {
        CSVWriter.status(agreements, excel: excel)
    }
}

/// One CSV field, kept for callers of the old name; the rules live in `CSVWriter.field`.
enum CSVField {
    static func escape(_ s: String) -> String { CSVWriter.field(s) }
}

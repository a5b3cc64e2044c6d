/// Why a workbook cannot be read; one line the user can act on, the file name put in front by the caller.
public enum WorkbookError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The ZIP container is damaged or unsupported.
    case archive(ZipError)
    /// A part is not well-formed XML.
    case xml(part: String, XMLError)
    /// A part the workbook needs is not in the archive.
    case missingPart(String)
    /// `--sheet` names no sheet; lists the ones there are.
    case noSuchSheet(String, available: [String])
    /// Every sheet is hidden or a chart, and none was asked for.
    case noVisibleSheet
    /// The data contradicts itself (e.g. a shared string index past the table).
    case corrupt(String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .archive(let e): return e.description
        case .xml(let part, let e): return "\(part): \(e.description)"
        case .missingPart(let part): return "not a spreadsheet workbook: the part \(part) is missing"
        case .noSuchSheet(let wanted, let available):
            return "no sheet \"\(wanted)\"; the workbook has "
                + available.enumerated().map { "\($0.offset + 1): \"\($0.element)\"" }.joined(separator: ", ")
                + " (give --sheet a name or a number)"
        case .noVisibleSheet: return "the workbook has no visible worksheet; choose one with --sheet NAME|N"
        case .corrupt(let what): return "the workbook is damaged: \(what)"
        }
    }
}

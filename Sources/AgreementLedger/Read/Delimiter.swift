/// The separators spreadsheet exports use; the raw value is the byte, so the reader compares bytes directly.
public enum Delimiter: UInt8, Sendable, CaseIterable {
    /// The byte values as they appear in the file.
    case tab = 9, comma = 44, semicolon = 59

    /// A word for messages and JSON ("format"), since the character itself is invisible or ambiguous.
    public var name: String {
        switch self {
        case .tab: "tab"
        case .comma: "comma"
        case .semicolon: "semicolon"
        }
    }

    /// Lets a mapping file or option name the delimiter either by word or by the character itself.
    public init?(name: String) {
        switch name.lowercased() {
        case "tab", "\t": self = .tab
        case "comma", ",": self = .comma
        case "semicolon", ";": self = .semicolon
        default: return nil
        }
    }
}

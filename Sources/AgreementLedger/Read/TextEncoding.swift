/// The character encodings a spreadsheet export realistically arrives in; anything else must be re-exported.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// Unicode, what current exports write (UTF-16 is Excel's "Unicode Text").
    case utf8 = "utf-8", utf16LE = "utf-16le", utf16BE = "utf-16be"
    /// 8-bit code pages of older Central and Western European exports; never guessed, only declared.
    case windows1250 = "windows-1250", windows1252 = "windows-1252", iso88592 = "iso-8859-2"

    /// Lets `--encoding` accept the spellings people type ("utf8", "cp1250", "latin2"), not only the canonical one.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "utf8": self = .utf8
        case "utf16le": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "windows1250", "cp1250", "win1250": self = .windows1250
        case "windows1252", "cp1252", "win1252": self = .windows1252
        case "iso88592", "latin2", "l2": self = .iso88592
        default: return nil
        }
    }
}

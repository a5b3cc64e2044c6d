/// Resolves the three ways SpreadsheetML names a colour (ARGB, legacy palette index, theme slot with tint)
/// to RGB, so fills written by any program compare alike.
struct ColorPalette: Sendable {
    /// The workbook's theme colours in SpreadsheetML slot order (0 = lt1, 1 = dk1, 2 = lt2, 3 = dk2,
    /// 4-9 = accent1-6, 10 = hlink, 11 = folHlink).
    var theme: [FillColor]
    /// The legacy palette, replaced by `<indexedColors>` when the styles declare one.
    var indexed: [FillColor] = ColorPalette.defaultIndexed

    /// The colours of the default Office theme, used when a workbook carries no theme part.
    static let defaultTheme: [FillColor] = [
        0xFFFFFF, 0x000000, 0xE7E6E6, 0x44546A, 0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000, 0x5B9BD5, 0x70AD47,
        0x0563C1, 0x954F72,
    ].map { FillColor(rgb: $0) }

    /// The 64-entry legacy palette (0-7 repeat the first eight of 8-15).
    static let defaultIndexed: [FillColor] = {
        let base: [UInt32] = [
            0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF,
            0x800000, 0x008000, 0x000080, 0x808000, 0x800080, 0x008080, 0xC0C0C0, 0x808080,
            0x9999FF, 0x993366, 0xFFFFCC, 0xCCFFFF, 0x660066, 0xFF8080, 0x0066CC, 0xCCCCFF,
            0x000080, 0xFF00FF, 0xFFFF00, 0x00FFFF, 0x800080, 0x800000, 0x008080, 0x0000FF,
            0x00CCFF, 0xCCFFFF, 0xCCFFCC, 0xFFFF99, 0x99CCFF, 0xFF99CC, 0xCC99FF, 0xFFCC99,
            0x3366FF, 0x33CCCC, 0x99CC00, 0xFFCC00, 0xFF9900, 0xFF6600, 0x666699, 0x969696,
            0x003366, 0x339966, 0x003300, 0x333300, 0x993300, 0x993366, 0x333399, 0x333333,
        ]
        return (Array(base.prefix(8)) + base).map { FillColor(rgb: $0) }
    }()

    /// The RGB of a `<fgColor>`-like element's attributes; nil for "automatic" or an unknown slot.
    func resolve(_ attributes: [XMLAttribute]) -> FillColor? {
        let tint = attributes["tint"].flatMap(Double.init) ?? 0
        if let rgb = attributes["rgb"], let c = FillColor(hex: rgb) { return c.tinted(tint) }
        if let t = attributes["theme"].flatMap(Int.init), t >= 0, t < theme.count { return theme[t].tinted(tint) }
        if let i = attributes["indexed"].flatMap(Int.init), i >= 0, i < indexed.count { return indexed[i].tinted(tint) }
        return nil
    }

    /// Reads the colour scheme of a theme part (`a:clrScheme`: dk1, lt1, dk2, lt2, accents, links).
    static func theme(from xml: [UInt8]) throws(XMLError) -> [FillColor] {
        let order = ["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
                     "accent6", "hlink", "folHlink"]
        var found: [String: FillColor] = [:]
        var reader = try XMLReader(xml)
        var inScheme = false
        var slot: String?
        while let event = try reader.next() {
            switch event {
            case .start(let name, let attributes):
                if name == "clrScheme" { inScheme = true } else if inScheme, order.contains(name) { slot = name } else if inScheme, let s = slot {
                    if name == "srgbClr", let c = attributes["val"].flatMap({ FillColor(hex: $0) }) { found[s] = c }
                    if name == "sysClr", let c = attributes["lastClr"].flatMap({ FillColor(hex: $0) }) { found[s] = c }
                }
            case .end(let name):
                if name == "clrScheme" { inScheme = false }
                if name == slot { slot = nil }
            case .text: break
            }
        }
        let scheme = order.enumerated().map { i, name in found[name] ?? defaultTheme[i < 4 ? [1, 0, 3, 2][i] : i] }
        // SpreadsheetML swaps the first two pairs: slot 0 is lt1, 1 dk1, 2 lt2, 3 dk2.
        return [scheme[1], scheme[0], scheme[3], scheme[2]] + scheme[4...]
    }
}

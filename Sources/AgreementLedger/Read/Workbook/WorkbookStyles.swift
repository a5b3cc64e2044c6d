/// What the workbook's styles part says about each cell style: whether its number is a date and its fill,
/// looked up by a cell's `s` attribute (an index into `cellXfs`).
struct WorkbookStyles: Sendable {
    /// Per cell format: the number is a date.
    var isDate: [Bool] = []
    /// Per cell format: the fill colour, nil for none.
    var fill: [FillColor?] = []

    /// Reads `numFmts`, `fills` and `cellXfs` of a styles part (other sections, such as the `dxfs` of
    /// conditional formats, are skipped).
    init(xml: [UInt8], theme: [FillColor]) throws(XMLError) {
        var palette = ColorPalette(theme: theme)
        var formats: [Int: String] = [:]
        var rawFills: [[XMLAttribute]?] = []
        var xfs: [(format: Int, fill: Int)] = []
        var reader = try XMLReader(xml)
        var path: [String] = []
        var customIndexed: [FillColor] = []
        var patternType: String?
        var current: [XMLAttribute]?
        while let event = try reader.next() {
            switch event {
            case .start(let name, let a):
                let parent = path.last
                path.append(name)
                switch (parent, name) {
                case ("numFmts", "numFmt"):
                    if let id = a["numFmtId"].flatMap(Int.init) { formats[id] = a["formatCode"] ?? "" }
                case ("fills", "fill"):
                    patternType = nil
                    current = nil
                case ("fill", "patternFill") where path.count == 4:
                    patternType = a["patternType"]
                case ("patternFill", "fgColor") where path.count == 5:
                    current = a
                case ("cellXfs", "xf"):
                    xfs.append((a["numFmtId"].flatMap(Int.init) ?? 0, a["fillId"].flatMap(Int.init) ?? 0))
                case ("indexedColors", "rgbColor"):
                    if let c = a["rgb"].flatMap({ FillColor(hex: $0) }) { customIndexed.append(c) }
                default: break
                }
            case .end(let name):
                path.removeLast()
                if name == "fill" && path.last == "fills" {
                    rawFills.append(patternType == nil || patternType == "none" ? nil : current)
                }
            case .text: break
            }
        }
        if !customIndexed.isEmpty { palette.indexed = customIndexed + palette.indexed.dropFirst(customIndexed.count) }
        let fills = rawFills.map { $0.flatMap(palette.resolve) }
        isDate = xfs.map { NumberFormat.isDate(id: $0.format, code: formats[$0.format]) }
        fill = xfs.map { $0.fill >= 0 && $0.fill < fills.count ? fills[$0.fill] : nil }
    }

    /// No styles part: every number is a plain number, no cell is filled.
    init() {}
}

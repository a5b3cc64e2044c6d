/// Recognizes common binary files by their first bytes, so a wrongly chosen file gets a message naming what it is
/// instead of a confusing decoding error.
enum FileSignature {
    private static let known: [(magic: [UInt8], what: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (an .xlsx workbook?)"),
        ([0x50, 0x4B, 0x05, 0x06], "a ZIP archive (an .xlsx workbook?)"),
        ([0x50, 0x4B, 0x07, 0x08], "a ZIP archive (an .xlsx workbook?)"),
        ([0x25, 0x50, 0x44, 0x46, 0x2D], "a PDF document"),
        ([0x47, 0x49, 0x46, 0x38, 0x37, 0x61], "a GIF image"),
        ([0x47, 0x49, 0x46, 0x38, 0x39, 0x61], "a GIF image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Office file (an .xls workbook?)"),
    ]

    /// What the data is when it starts with a known binary signature, else nil.
    static func binaryKind(of data: [UInt8]) -> String? {
        for entry in known where data.count >= entry.magic.count {
            if data[0..<entry.magic.count].elementsEqual(entry.magic) { return entry.what }
        }
        return nil
    }

    /// True when the first bytes have NUL in one position of most byte pairs, the mark of BOM-less UTF-16.
    static func looksLikeUTF16WithoutBOM(_ data: [UInt8]) -> Bool {
        let pairs = min(data.count, 512) / 2
        guard pairs >= 2 else { return false }
        var zeroHigh = 0, zeroLow = 0
        for p in 0..<pairs {
            let a = data[2 * p], b = data[2 * p + 1]
            if a != 0 && b == 0 { zeroHigh += 1 }
            if a == 0 && b != 0 { zeroLow += 1 }
        }
        return zeroHigh * 4 >= pairs * 3 || zeroLow * 4 >= pairs * 3
    }
}

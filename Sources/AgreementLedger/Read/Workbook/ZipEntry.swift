/// One file inside a ZIP archive as its central directory describes it.
public struct ZipEntry: Hashable, Sendable {
    /// The path inside the archive, e.g. "xl/worksheets/sheet1.xml".
    public var name: String
    /// 0 = stored, 8 = deflated.
    public var method: Int
    public var crc32: UInt32
    public var compressedSize: Int
    public var uncompressedSize: Int
    /// Where the entry's local header starts.
    public var localHeaderOffset: Int
    /// General-purpose flags; bit 0 means encrypted.
    public var flags: Int
}

/// Reads a ZIP archive held in memory through its central directory (APPNOTE 4.3), with ZIP64 where sizes
/// demand it; enough for the .xlsx packages offices save, and defensive against damaged ones.
public struct ZipArchive: Sendable {
    public let bytes: [UInt8]
    /// The entries in central-directory order.
    public let entries: [ZipEntry]

    /// Parses the directory; entry data is only touched by `contents(of:)`.
    public init(bytes: [UInt8]) throws(ZipError) {
        self.bytes = bytes
        self.entries = try ZipArchive.readDirectory(bytes)
    }

    /// The entry with this path (ZIP paths are case-sensitive, but Office matches them case-insensitively).
    public func entry(named name: String) -> ZipEntry? {
        let trimmed = name.hasPrefix("/") ? String(name.dropFirst()) : name
        return entries.first { $0.name == trimmed }
            ?? entries.first { $0.name.lowercased() == trimmed.lowercased() }
    }

    /// The entry's bytes, decompressed and checked against its CRC-32 and size.
    public func contents(of entry: ZipEntry) throws(ZipError) -> [UInt8] {
        guard entry.flags & 1 == 0 else { throw .unsupported(what: "encryption (entry \(entry.name))") }
        let h = entry.localHeaderOffset
        guard h >= 0, h <= bytes.count - 30 else { throw .truncated(what: "the local header of \(entry.name)") }
        guard u32(bytes, h) == 0x0403_4B50 else { throw .corrupt(what: "bad local header signature for \(entry.name)") }
        let start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28)
        guard entry.compressedSize >= 0, start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw .truncated(what: "the data of \(entry.name)")
        }
        let data = Array(bytes[start..<(start + entry.compressedSize)])
        let output: [UInt8]
        switch entry.method {
        case 0:
            output = data
        case 8:
            do {
                output = try Inflate.decompress(data, expectedSize: entry.uncompressedSize,
                                                limit: entry.uncompressedSize)
            } catch {
                throw .inflate(entry: entry.name, error)
            }
        default:
            throw .unsupported(what: "compression method \(entry.method) (entry \(entry.name))")
        }
        guard output.count == entry.uncompressedSize, CRC32.checksum(output) == entry.crc32 else {
            throw .checksum(entry: entry.name)
        }
        return output
    }

    // MARK: - Directory

    static func readDirectory(_ b: [UInt8]) throws(ZipError) -> [ZipEntry] {
        guard b.count >= 22 else { throw .noDirectory }
        var eocd = -1
        var p = b.count - 22
        let lowest = max(0, b.count - 22 - 0xFFFF)
        while p >= lowest {
            if b[p] == 0x50, u32(b, p) == 0x0605_4B50 { eocd = p; break }
            p -= 1
        }
        guard eocd >= 0 else { throw .noDirectory }
        var count = u16(b, eocd + 10)
        var size = u32(b, eocd + 12)
        var offset = u32(b, eocd + 16)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: a locator right before the end record points at the ZIP64 end record.
            let locator = eocd - 20
            guard locator >= 0, u32(b, locator) == 0x0706_4B50 else {
                throw .corrupt(what: "ZIP64 sizes without a ZIP64 locator")
            }
            let record = u64(b, locator + 8)
            guard record >= 0, record <= b.count - 56 else { throw .truncated(what: "the ZIP64 end record") }
            guard u32(b, record) == 0x0606_4B50 else { throw .corrupt(what: "bad ZIP64 end record signature") }
            count = u64(b, record + 32)
            size = u64(b, record + 40)
            offset = u64(b, record + 48)
        }
        guard offset >= 0, size >= 0, offset <= b.count, size <= b.count - offset else {
            throw .truncated(what: "the central directory")
        }
        guard count >= 0, count <= size / 46 + 1 else { throw .corrupt(what: "more entries than the directory can hold") }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var q = offset
        let end = offset + size
        for _ in 0..<count {
            guard q + 46 <= end else { throw .truncated(what: "a central directory entry") }
            guard u32(b, q) == 0x0201_4B50 else { throw .corrupt(what: "bad central directory signature") }
            let nameLength = u16(b, q + 28), extraLength = u16(b, q + 30), commentLength = u16(b, q + 32)
            guard q + 46 + nameLength + extraLength + commentLength <= end else {
                throw .truncated(what: "a central directory entry")
            }
            var entry = ZipEntry(
                name: String(decoding: b[(q + 46)..<(q + 46 + nameLength)], as: UTF8.self),
                method: u16(b, q + 10), crc32: UInt32(u32(b, q + 16)),
                compressedSize: u32(b, q + 20), uncompressedSize: u32(b, q + 24),
                localHeaderOffset: u32(b, q + 42), flags: u16(b, q + 8))
            try applyZip64(&entry, extra: q + 46 + nameLength, length: extraLength, in: b)
            entries.append(entry)
            q += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// Replaces the 32-bit fields saturated at 0xFFFFFFFF with the 64-bit values of the ZIP64 extra field,
    /// which holds exactly those, in the order uncompressed, compressed, offset.
    static func applyZip64(_ entry: inout ZipEntry, extra: Int, length: Int, in b: [UInt8]) throws(ZipError) {
        let needs = entry.uncompressedSize == 0xFFFF_FFFF || entry.compressedSize == 0xFFFF_FFFF
            || entry.localHeaderOffset == 0xFFFF_FFFF
        guard needs else { return }
        var p = extra
        while p + 4 <= extra + length {
            let id = u16(b, p), size = u16(b, p + 2)
            guard p + 4 + size <= extra + length else { break }
            if id == 1 {
                var f = p + 4
                func next() throws(ZipError) -> Int {
                    guard f + 8 <= p + 4 + size else { throw .corrupt(what: "short ZIP64 field in \(entry.name)") }
                    defer { f += 8 }
                    let v = u64(b, f)
                    guard v >= 0 else { throw .corrupt(what: "ZIP64 size out of range in \(entry.name)") }
                    return v
                }
                if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = try next() }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = try next() }
                if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = try next() }
                return
            }
            p += 4 + size
        }
        throw .corrupt(what: "ZIP64 sizes without a ZIP64 field in \(entry.name)")
    }
}

@inline(__always) private func u16(_ b: [UInt8], _ p: Int) -> Int { Int(b[p]) | Int(b[p + 1]) << 8 }
@inline(__always) private func u32(_ b: [UInt8], _ p: Int) -> Int { u16(b, p) | u16(b, p + 2) << 16 }
@inline(__always) private func u64(_ b: [UInt8], _ p: Int) -> Int {
    let v = UInt64(u32(b, p)) | UInt64(u32(b, p + 4)) << 32
    return v > UInt64(Int.max) ? -1 : Int(v)
}

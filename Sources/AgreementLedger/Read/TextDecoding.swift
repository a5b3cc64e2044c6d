/// Turns a file's bytes into validated UTF-8 once, so the parser can work on bytes and build Strings without
/// checks, and so every encoding problem is reported with its byte offset before any row is read.
public enum TextDecoding {
    /// Valid UTF-8 bytes of the file with any BOM removed, and the encoding it was read as.
    ///
    /// A UTF-8 or UTF-16 byte-order mark always decides; otherwise `declared` does; otherwise the bytes must be
    /// valid UTF-8. Offsets in errors count from the start of `data` (BOM included).
    public static func utf8Bytes(
        of data: [UInt8], declared: TextEncoding?
    ) throws(ReadError) -> (bytes: [UInt8], encoding: TextEncoding) {
        if data.isEmpty { throw .empty }

        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (try validatedUTF8(data, from: 3), .utf8)
        }
        if data.starts(with: [0xFF, 0xFE]) {
            return (try utf16(data, from: 2, encoding: .utf16LE), .utf16LE)
        }
        if data.starts(with: [0xFE, 0xFF]) {
            return (try utf16(data, from: 2, encoding: .utf16BE), .utf16BE)
        }

        if let kind = FileSignature.binaryKind(of: data) { throw .notText(what: kind) }

        let encoding = declared ?? .utf8
        switch encoding {
        case .utf16LE, .utf16BE:
            return (try utf16(data, from: 0, encoding: encoding), encoding)
        case .utf8, .windows1250, .windows1252, .iso88592:
            if FileSignature.looksLikeUTF16WithoutBOM(data) { throw .utf16WithoutBOM }
        }
        guard let codePage = SingleByteCodePage.forEncoding(encoding) else {
            return (try validatedUTF8(data, from: 0), .utf8)
        }
        switch codePage.decode(data) {
        case .bytes(let bytes): return (bytes, encoding)
        case .undefined(let offset): throw .undecodable(offset: offset, encoding: encoding)
        case .nul(let offset): throw .nulByte(offset: offset)
        }
    }

    /// `data[start...]` after checking it is UTF-8; copies only when a BOM has to be dropped.
    private static func validatedUTF8(_ data: [UInt8], from start: Int) throws(ReadError) -> [UInt8] {
        if start == data.count { throw .empty }
        let problem = data.withUnsafeBufferPointer { all in
            UTF8Validation.firstProblem(in: UnsafeBufferPointer(rebasing: all[start...]))
        }
        switch problem {
        case nil: return start == 0 ? data : Array(data[start...])
        case .invalid(let offset): throw .undecodable(offset: start + offset, encoding: .utf8)
        case .nul(let offset): throw .nulByte(offset: start + offset)
        }
    }

    /// `data[start...]` transcoded from UTF-16 to UTF-8.
    private static func utf16(_ data: [UInt8], from start: Int, encoding: TextEncoding) throws(ReadError) -> [UInt8] {
        if start == data.count { throw .empty }
        switch UTF16Transcoding.transcode(data, from: start, bigEndian: encoding == .utf16BE) {
        case .bytes(let bytes): return bytes
        case .invalid(let offset): throw .undecodable(offset: offset, encoding: encoding)
        case .nul(let offset): throw .nulByte(offset: offset)
        }
    }
}

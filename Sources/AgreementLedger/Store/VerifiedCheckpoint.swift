import Foundation

/// How much of the log a writer has already verified in full: `cache/verified` holds the line count,
/// the byte length and a checksum of those bytes, and the hash of the last verified line.
///
/// A derived file, never needed for correctness: writers trust it only while the log's first `bytes`
/// bytes still have that checksum (any edit, deletion or truncation since shows) and verify every later
/// line in full; otherwise they verify everything. It spares each import from re-hashing millions of
/// old lines; `ledger verify` never uses it and always walks the whole log.
struct VerifiedCheckpoint: Equatable {
    var lines: Int
    var bytes: Int
    var checksum: UInt64
    var hash: String

    static let relativePath = "cache/verified"
    /// Version 3: the checksum summed in blocks (`PrefixChecksum`); files of older versions are ignored.
    private static let version = "v3 "

    static func read(directory: String) -> VerifiedCheckpoint? {
        let path = EventStore.join(directory, relativePath)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix(VerifiedCheckpoint.version) else { return nil }
        return VerifiedCheckpoint(text: String(text.dropFirst(3)))
    }

    init(lines: Int, bytes: Int, checksum: UInt64, hash: String) {
        self.lines = lines
        self.bytes = bytes
        self.checksum = checksum
        self.hash = hash
    }

    /// Parses "LINES BYTES CHECKSUM HASH" (how both cache files state what they cover).
    init?(text: String) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard parts.count == 4, let lines = Int(parts[0]), lines > 0, let bytes = Int(parts[1]), bytes > 0,
              let checksum = UInt64(parts[2], radix: 16), parts[3].count == 64 else { return nil }
        self.init(lines: lines, bytes: bytes, checksum: checksum, hash: String(parts[3]))
    }

    /// The stamp as both cache files state it: "LINES BYTES CHECKSUM HASH" and a newline.
    var line: String { "\(lines) \(bytes) \(String(checksum, radix: 16)) \(hash)\n" }

    /// True when the log's first `bytes` bytes are still the ones this checkpoint covered.
    func covers(_ log: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes <= log.count && PrefixChecksum.of(log, count: bytes) == checksum
    }

    /// Writes atomically (temporary file, then rename); a failure only costs a full check next time.
    func write(directory: String) {
        VerifiedCheckpoint.writeSmallCacheFile(directory: directory, relativePath: VerifiedCheckpoint.relativePath,
                                               text: VerifiedCheckpoint.version + line)
    }

    /// Replaces a one-line cache file (this one, `cache/log-identity`) atomically: a temporary file, then
    /// rename. Failures are ignored: the file is derived, and missing it only costs a full check.
    static func writeSmallCacheFile(directory: String, relativePath: String, text: String) {
        let cache = EventStore.join(directory, "cache")
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        let path = EventStore.join(directory, relativePath)
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return }
        _ = rename(temporary, path)
    }
}

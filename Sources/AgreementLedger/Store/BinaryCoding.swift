/// A compact binary form for derived caches (the state checkpoint): decoding it is many times faster
/// than parsing the same data as JSON, which is what lets a big ledger open in a fraction of a second.
/// Never used for the log itself, which stays canonical JSON.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// LEB128, so small numbers (most of them) take one byte.
    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A string given as its UTF-8 bytes, written as `string` writes one.
    mutating func string(utf8: [UInt8]) {
        int(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func optionalString(_ value: String?) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        string(value)
    }

    /// Year, month and day as three numbers (0 for an unknown part); 0 alone for no date.
    mutating func date(_ value: PartialDate?) {
        guard let value else { return int(0) }
        int(value.year)
        int(value.month ?? 0)
        int(value.day ?? 0)
    }

    mutating func raw(_ value: some Sequence<UInt8>) { bytes.append(contentsOf: value) }
}

/// Reads what `BinaryWriter` wrote. Every read is bounds-checked; a malformed input sets `failed` (and
/// reads yield empty values from then on), so a damaged cache is simply not used. Reads return plain
/// values rather than optionals: decoding a million agreements must not pay for nested optionals.
struct BinaryReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset: Int
    private(set) var failed = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// Bytes not yet read.
    var remaining: Int { bytes.count - offset }

    /// Marks the input malformed (a value read was out of its range).
    mutating func markFailed() { fail() }

    private mutating func fail() {
        failed = true
        offset = bytes.count
    }

    /// Most numbers (lengths, flags, small counts) take one byte: read inline.
    @inline(__always)
    mutating func int() -> Int {
        if offset < bytes.count, bytes[offset] < 0x80 {
            offset += 1
            return Int(bytes[offset - 1])
        }
        return longInt()
    }

    private mutating func longInt() -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: result)) }
            shift += 7
        }
        fail()
        return 0
    }

    mutating func bool() -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { fail(); return false }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() -> String {
        String(decoding: text(), as: UTF8.self)
    }

    mutating func optionalString() -> String? {
        bool() ? string() : nil
    }

    /// A string's bytes where they lie, not made into a `String` (`status` writes them straight out).
    mutating func text() -> UnsafeBufferPointer<UInt8> {
        raw(count: int())
    }

    mutating func optionalText() -> UnsafeBufferPointer<UInt8>? {
        bool() ? text() : nil
    }

    mutating func date() -> PartialDate? {
        let year = int()
        if year == 0 { return nil }
        let month = int(), day = int()
        guard let date = PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day) else {
            fail()
            return nil
        }
        return date
    }

    /// Bytes already read (a range of earlier offsets).
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    mutating func raw(count: Int) -> UnsafeBufferPointer<UInt8> {
        guard count >= 0, count <= bytes.count - offset, let base = bytes.baseAddress else {
            if count != 0 { fail() }
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        defer { offset += count }
        return UnsafeBufferPointer(start: base + offset, count: count)
    }
}

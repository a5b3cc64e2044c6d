/// Splits validated UTF-8 bytes into fields one at a time, applying RFC 4180 quoting with the leniency real
/// exports need; shared by the reader and the delimiter detector so both see fields the same way.
struct FieldScanner {
    /// What stopped a field: the row goes on only after a delimiter.
    enum End { case delimiter, lineEnd, endOfInput }

    /// A field as a byte range; quoted fields exclude their quotes and may still hold doubled quotes.
    struct Field {
        var start: Int
        var end: Int
        var hasDoubledQuotes: Bool
        var ended: End
    }

    static let quote: UInt8 = 0x22
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    /// Index of the next unread byte.
    private(set) var position = 0
    /// 1-based physical line of `position`.
    private(set) var line = 1

    /// `firstLine` is the line the bytes start on (a window of a file read in windows starts part-way).
    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: Delimiter, firstLine: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter.rawValue
        self.line = firstLine
    }

    /// True when every byte has been consumed: no further row starts.
    var atEnd: Bool { position >= bytes.count }

    /// Reads the field at `position` and the delimiter or line end after it.
    mutating func nextField() throws(ReadError) -> Field {
        let n = bytes.count
        let start = position
        if start < n && bytes[start] == Self.quote {
            let openLine = line
            var j = start + 1
            var breaks = 0
            var doubled = false
            while true {
                guard j < n else { throw .unclosedQuote(line: openLine) }
                let c = bytes[j]
                if c == Self.quote {
                    if j + 1 < n && bytes[j + 1] == Self.quote {
                        doubled = true
                        j += 2
                        continue
                    }
                    break
                } else if c == Self.lf {
                    breaks += 1
                } else if c == Self.cr {
                    breaks += 1
                    if j + 1 < n && bytes[j + 1] == Self.lf { j += 1 }
                }
                j += 1
            }
            let after = j + 1
            if after >= n || bytes[after] == delimiter || bytes[after] == Self.lf || bytes[after] == Self.cr {
                line += breaks
                position = after
                return Field(start: start + 1, end: j, hasDoubledQuotes: doubled, ended: consumeTerminator())
            }
            // Text follows the closing quote ("EDUCA" LLP): not a quoted field, re-read it literally below.
        }
        var k = skipWords(from: start, avoiding: delimiter, Self.lf, Self.cr)
        while k < n {
            let c = bytes[k]
            if c == delimiter || c == Self.lf || c == Self.cr { break }
            k += 1
        }
        position = k
        return Field(start: start, end: k, hasDoubledQuotes: false, ended: consumeTerminator())
    }

    /// Steps over a whole row when none of its bytes is a quote: then none of its fields is quoted, so the row ends
    /// at the first line end, found eight bytes at a time (finding the rows of a big file before they are read is
    /// otherwise the one serial part of reading it). False, with nothing consumed, when a quote comes first: the
    /// row is then stepped over field by field.
    mutating func skipRowWithoutQuotes() -> Bool {
        let n = bytes.count
        var k = skipWords(from: position, avoiding: Self.quote, Self.lf, Self.cr)
        while k < n {
            let c = bytes[k]
            if c == Self.quote { return false }
            if c == Self.lf || c == Self.cr { break }
            k += 1
        }
        position = k
        _ = consumeTerminator()
        return true
    }

    /// The first offset from `start` where an eight-byte word may hold `a`, `b` or `c` (or where fewer than eight
    /// bytes are left): the words before it hold none of them. The bytes from there on are looked at one by one.
    private func skipWords(from start: Int, avoiding a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let n = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let wa = ones &* UInt64(a), wb = ones &* UInt64(b), wc = ones &* UInt64(c)
        var k = start
        while k + 8 <= n {
            let w = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
            let xa = w ^ wa, xb = w ^ wb, xc = w ^ wc
            // A high bit where a byte is zero after the xor, that is, equal to one of the three (or next to one).
            let zero = ((xa &- ones) & ~xa) | ((xb &- ones) & ~xb) | ((xc &- ones) & ~xc)
            if zero & high != 0 { break }
            k += 8
        }
        return k
    }

    /// Steps over the delimiter or line end (LF, CRLF or CR) at `position`, counting lines.
    private mutating func consumeTerminator() -> End {
        guard position < bytes.count else { return .endOfInput }
        let c = bytes[position]
        position += 1
        if c == delimiter { return .delimiter }
        if c == Self.cr && position < bytes.count && bytes[position] == Self.lf { position += 1 }
        line += 1
        return .lineEnd
    }

    /// The field's text, with doubled quotes of a quoted field collapsed.
    func string(of field: Field) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.hasDoubledQuotes else { return String(decoding: slice, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(slice.count)
        var i = 0
        while i < slice.count {
            unescaped.append(slice[i])
            i += slice[i] == Self.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }
}

/// A record's content: every RECORD field but `row` and `extra`, exactly as read. Two records with equal
/// content describe an agreement identically, matching's surest evidence (stage 0) and the diff's
/// "nothing changed".
extension AgreementRecord {
    func hasSameContent(as o: AgreementRecord) -> Bool {
        partner == o.partner && signed == o.signed && validUntil == o.validUntil && country == o.country
            && countryCode == o.countryCode && city == o.city && indefinite == o.indefinite && term == o.term
            && status == o.status && kind == o.kind && reference == o.reference && url == o.url
    }

    /// A hash of the content (equal content, equal hash), from the strings' bytes: Swift's `Hasher` seeds,
    /// normalizes and finalizes per value, and took a fifth of matching a million records. Never 0; the one
    /// remembered when the record was made (`rememberContentHash`) when there is one.
    var contentHash: Int {
        let remembered = rememberedContentHash
        return remembered != 0 ? remembered : computedContentHash
    }

    /// Works the content hash out and remembers it with the fields: for whoever just made the record and holds
    /// it alone (the normalizer's and the checkpoint's reading threads).
    func rememberContentHash() {
        remember(contentHash: computedContentHash)
    }

    /// The content hash worked out from the fields.
    var computedContentHash: Int {
        var h = ContentHash()
        h.add(partner)
        h.add(country)
        h.add(countryCode)
        h.add(city)
        h.add(signed)
        h.add(validUntil)
        h.add(indefinite ? 1 : 2)
        h.add(term)
        h.add(status.map { UInt64(AgreementStatus.allCases.firstIndex(of: $0)!) + 1 } ?? 0)
        h.add(kind)
        h.add(reference)
        h.add(url)
        let value = Int(truncatingIfNeeded: h.value)
        return value == 0 ? 1 : value
    }
}

/// The hash of a record's content, one field after another, equal for fields `==` calls equal.
///
/// `==` on strings is canonical equivalence, not byte equality. A string of ASCII bytes is hashed by its bytes.
/// Only three scalars outside ASCII are canonically equivalent to ASCII ones (KELVIN SIGN, GREEK QUESTION MARK
/// and GREEK VARIA), so a string of ASCII and those is hashed as its ASCII twin; any other string with a byte
/// outside ASCII equals no ASCII string, and takes Swift's hash, which is of its normalized form.
struct ContentHash {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    mutating func add(_ x: UInt64) {
        value = (value ^ x) &* 0x9FB2_1C65_1E98_DF25
        value ^= value >> 28
    }

    mutating func add(_ date: PartialDate?) {
        add(date.map { UInt64($0.year) << 16 | UInt64($0.month ?? 0) << 8 | UInt64($0.day ?? 0) } ?? 1 << 40)
    }

    @inline(__always)
    mutating func add(_ text: String?) {
        guard let text else { return add(1 << 41) }
        add(ContentHash.of(text))
    }

    /// Inlined into `contentHash`, so that the compiler sees the string stays alive through the look at its
    /// bytes and retains none of a record's strings (a retain is an atomic write; retains were a fifth of
    /// matching's samples in `perf` at a million records).
    @inline(__always)
    static func of(_ text: String) -> UInt64 {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            isASCII(bytes) ? ByteHash.of(bytes) : nil
        }
        if let hash = ascii ?? nil { return hash }
        return ofNonASCII(text)
    }

    private static func ofNonASCII(_ text: String) -> UInt64 {
        var twin: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: twin.append(UInt8(scalar.value))
            case 0x212A: twin.append(UInt8(ascii: "K"))
            case 0x037E: twin.append(UInt8(ascii: ";"))
            case 0x1FEF: twin.append(UInt8(ascii: "`"))
            default: return UInt64(UInt(bitPattern: text.hashValue))
            }
        }
        return twin.withUnsafeBufferPointer { ByteHash.of($0) }
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var high: UInt64 = 0, i = 0
        while i + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < bytes.count {
            high |= UInt64(base[i])
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }
}

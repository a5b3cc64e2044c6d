#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes equal strings share one storage: a list's cities, countries, types and unmapped cells repeat on
/// thousands of rows, and each longer than 15 bytes (shorter ones live inline) would otherwise hold its own
/// heap copy for as long as the record lives.
///
/// A fixed table of recent strings by hash, not a dictionary: a value missing from it (evicted, or never
/// seen) is simply kept as it is, so the table never grows and a unique value costs one lookup.
struct StringInterner {
    private var slots: [String?]
    private let mask: Int
    /// The headers of the last record's unmapped cells, shared with the next record of the same columns.
    private var extraHeaders: [String] = []

    /// A table of `size` slots (a power of two).
    init(size: Int = 1024) {
        precondition(size > 0 && size & (size - 1) == 0, "a power of two")
        slots = Array(repeating: nil, count: size)
        mask = size - 1
    }

    /// `text`, or an equal string seen before whose storage it then shares.
    mutating func intern(_ text: String) -> String {
        var text = text
        let mask = self.mask
        let found: (slot: Int, same: Bool)? = text.withUTF8 { bytes in
            guard bytes.count > 15 else { return nil }
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
            for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
            let slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            guard var seen = slots[slot] else { return (slot, false) }
            let same = seen.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
            return (slot, same)
        }
        guard let found else { return text }
        if found.same { return slots[found.slot]! }
        slots[found.slot] = text
        return text
    }

    /// `text` interned, or nil.
    mutating func intern(_ text: String?) -> String? {
        text.map { intern($0) }
    }

    /// The record with its repeating fields interned (not the partner, reference or link, which are
    /// nearly always unique), and the headers of its unmapped cells shared with the record before.
    mutating func intern(_ record: inout AgreementRecord) {
        record.country = intern(record.country)
        record.city = intern(record.city)
        record.kind = intern(record.kind)
        record.term = intern(record.term)
        if !record.extra.isEmpty {
            var extra = record.extra
            // The record's reference let go first, so the cells change in place rather than copied.
            record.extra = ExtraCells()
            extra.replaceValues { intern($0) }
            extra.shareHeaders(&extraHeaders)
            record.extra = extra
        }
    }
}

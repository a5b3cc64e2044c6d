/// What a column of a snapshot holds, as far as the ledger is concerned.
///
/// Broader than `RecordField`: a list may hold the signing year and the term in one cell
/// (`signedAndTerm`), and a row-number column (`ordinal`) is recognized so it is never taken for data.
public enum ColumnRole: String, Hashable, Sendable, CaseIterable {
    case partner, country, countryCode, city, signed, validUntil, term, signedAndTerm, status, kind, reference, url
    /// A running number ("No", "LP."): kept in `extra`, never compared.
    case ordinal
    /// Explicitly kept in `extra` (a mapping may say so).
    case extra
    /// Explicitly dropped (a mapping may say so).
    case ignore

    /// The roles at most one column may take.
    public var isUnique: Bool { self != .extra && self != .ignore }

    /// The case's place in the declaration (0 for `partner`): an index into small tables by role.
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    /// Hashed by case, not by raw value: hashing the raw value's text cost more than the rest of a lookup.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ordinal)
    }
}

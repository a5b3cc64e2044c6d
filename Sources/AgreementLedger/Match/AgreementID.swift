/// Stable, deterministic agreement ids: derived from what identified the agreement when it was first
/// signed, so the same import sequence always yields the same ids, and an id never changes afterwards.
public enum AgreementID {
    /// 12 hex digits of SHA-256 over source, folded partner, country, signing date and kind; a suffix
    /// ("-2", "-3") separates agreements that agree on all of these.
    public static func make(source: String, record: AgreementRecord, taken: inout Set<String>) -> String {
        make(base: base(source: source, record: record), taken: &taken)
    }

    /// The id before any suffix: the costly part of `make`, independent for each record (so it can be
    /// computed on all cores).
    static func base(source: String, record: AgreementRecord) -> String {
        var scratch: [UInt8] = []
        return base(source: source, record: record, scratch: &scratch)
    }

    /// `base`, its material (the `AgreementKey` fields and the source, joined by U+001F) folded straight into
    /// `scratch` rather than into strings: a first import of a million rows makes a million ids.
    static func base(source: String, record: AgreementRecord, scratch: inout [UInt8]) -> String {
        let separator: UInt8 = 0x1F
        scratch.removeAll(keepingCapacity: true)
        scratch.appendUTF8(source)
        scratch.append(separator)
        PartnerName.fold(record.partner, into: &scratch)
        scratch.append(separator)
        if let code = record.countryCode { scratch.appendUTF8(code) } else { PartnerName.fold(record.country ?? "", into: &scratch) }
        scratch.append(separator)
        record.signed?.appendDescription(to: &scratch)
        scratch.append(separator)
        PartnerName.fold(record.kind ?? "", into: &scratch)
        let digest = SHA256.digest(scratch)
        return String(unsafeUninitializedCapacity: 12) { out in
            for i in 0..<6 {
                out[2 * i] = SHA256.hexDigit(digest[i] >> 4)
                out[2 * i + 1] = SHA256.hexDigit(digest[i] & 0x0F)
            }
            return 12
        }
    }

    /// `base` made unique among `taken` (which then holds it).
    static func make(base: String, taken: inout Set<String>) -> String {
        make(base: base, isTaken: { _ in false }, newlyTaken: &taken)
    }

    /// `base` made unique among the ids `isTaken` names and `newlyTaken` (which then holds it): the ledger's
    /// million ids are looked up where they are, not copied into a set for each import.
    static func make(base: String, isTaken: (String) -> Bool, newlyTaken taken: inout Set<String>) -> String {
        var id = base
        var n = 2
        // Inserted as it is checked (one hash of the id, not two).
        while isTaken(id) || !taken.insert(id).inserted {
            id = "\(base)-\(n)"
            n += 1
        }
        return id
    }
}

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
        let key = AgreementKey(record)
        let material = [source, key.partner, key.country, key.signed, key.kind].joined(separator: "\u{1F}")
        return String(SHA256.hex(material).prefix(12))
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

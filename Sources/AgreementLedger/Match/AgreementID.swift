/// Stable, deterministic agreement ids: derived from what identified the agreement when it was first
/// signed, so the same import sequence always yields the same ids, and an id never changes afterwards.
public enum AgreementID {
    /// 12 hex digits of SHA-256 over source, folded partner, country, signing date and kind; a suffix
    /// ("-2", "-3") separates agreements that agree on all of these.
    public static func make(source: String, record: AgreementRecord, taken: inout Set<String>) -> String {
        let key = AgreementKey(record)
        let material = [source, key.partner, key.country, key.signed, key.kind].joined(separator: "\u{1F}")
        let base = String(SHA256.hex(material).prefix(12))
        var id = base
        var n = 2
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        taken.insert(id)
        return id
    }
}

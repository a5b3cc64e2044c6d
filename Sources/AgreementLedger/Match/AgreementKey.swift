/// The folded forms agreement matching compares: what stays the same when an office retypes a row.
struct AgreementKey: Hashable {
    let partner: String
    let country: String
    let signed: String
    let kind: String

    init(_ r: AgreementRecord) {
        partner = PartnerName.folded(r.partner)
        country = AgreementKey.country(r)
        signed = r.signed?.description ?? ""
        kind = PartnerName.folded(r.kind ?? "")
    }

    /// The ISO code when known, else the folded name as written.
    static func country(_ r: AgreementRecord) -> String {
        r.countryCode ?? PartnerName.folded(r.country ?? "")
    }

    /// The folded registration number, or nil.
    static func reference(_ r: AgreementRecord) -> String? {
        guard let ref = r.reference else { return nil }
        let folded = PartnerName.folded(ref)
        return folded.isEmpty ? nil : folded
    }
}

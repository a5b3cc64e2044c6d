/// A record's content: every RECORD field but `row` and `extra`, exactly as read. Two records with equal
/// content describe an agreement identically, matching's surest evidence (stage 0) and the diff's
/// "nothing changed".
extension AgreementRecord {
    func hasSameContent(as o: AgreementRecord) -> Bool {
        partner == o.partner && signed == o.signed && validUntil == o.validUntil && country == o.country
            && countryCode == o.countryCode && city == o.city && indefinite == o.indefinite && term == o.term
            && status == o.status && kind == o.kind && reference == o.reference && url == o.url
    }

    /// A hash of the content (equal content, equal hash).
    var contentHash: Int {
        var h = Hasher()
        h.combine(partner)
        h.combine(country)
        h.combine(countryCode)
        h.combine(city)
        h.combine(signed)
        h.combine(validUntil)
        h.combine(indefinite)
        h.combine(term)
        h.combine(status)
        h.combine(kind)
        h.combine(reference)
        h.combine(url)
        return h.finalize()
    }
}

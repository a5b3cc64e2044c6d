/// One canonical agreement as read from one row of a snapshot (the contract's RECORD).
///
/// Every field holds what the file states, cleaned but never computed: `validUntil` is never derived
/// from `signed` plus `term`, so the ledger can tell what an office wrote from what it inferred.
public struct AgreementRecord: Hashable, Sendable {
    public var partner: String
    public var country: String?
    public var countryCode: String?
    public var city: String?
    public var signed: PartialDate?
    public var validUntil: PartialDate?
    public var indefinite: Bool
    /// ISO 8601 duration the file states ("P5Y").
    public var term: String?
    public var status: AgreementStatus?
    public var kind: String?
    public var reference: String?
    public var url: String?
    /// 1-based line of the file (blank lines counted), or the sheet row of a workbook.
    public var row: Int
    /// Columns mapped to no field, header -> value; changes here yield no event.
    public var extra: ExtraCells

    public init(
        partner: String, country: String? = nil, countryCode: String? = nil, city: String? = nil,
        signed: PartialDate? = nil, validUntil: PartialDate? = nil, indefinite: Bool = false,
        term: String? = nil, status: AgreementStatus? = nil, kind: String? = nil,
        reference: String? = nil, url: String? = nil, row: Int, extra: ExtraCells = [:]
    ) {
        self.partner = partner
        self.country = country
        self.countryCode = countryCode
        self.city = city
        self.signed = signed
        self.validUntil = validUntil
        self.indefinite = indefinite
        self.term = term
        self.status = status
        self.kind = kind
        self.reference = reference
        self.url = url
        self.row = row
        self.extra = extra
    }
}

/// The RECORD fields, named as in the contract; the fields a mapping may target.
public enum RecordField: String, CaseIterable, Sendable {
    case partner, country, countryCode, city, signed, validUntil, indefinite, term, status, kind, reference, url
}

/// One canonical agreement as read from one row of a snapshot (the contract's RECORD).
///
/// Every field holds what the file states, cleaned but never computed: `validUntil` is never derived
/// from `signed` plus `term`, so the ledger can tell what an office wrote from what it inferred.
public struct AgreementRecord: Hashable, Sendable {
    /// The fields, held once and shared by every copy until one is changed (copy on write): a record
    /// travels from the snapshot's list into its `signed` event and the ledger's state, and at a million
    /// agreements three inline copies of its 168 bytes would be a third of an import's memory.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        /// The content hash (`RecordContent`) as worked out by whoever made the record; 0 when not worked out.
        var contentHash = 0
        init(_ fields: Fields) { self.fields = fields }
    }

    private struct Fields: Hashable {
        var partner: String
        var country: String?
        var countryCode: String?
        var city: String?
        var signed: PartialDate?
        var validUntil: PartialDate?
        var indefinite: Bool
        var term: String?
        var status: AgreementStatus?
        var kind: String?
        var reference: String?
        var url: String?
        var row: Int
        var extra: ExtraCells
    }

    private var storage: Storage

    /// The storage, copied first when another record shares it; about to change, so its remembered content
    /// hash is forgotten.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            storage.contentHash = 0
            return storage
        }
    }

    /// The content hash remembered with the fields (0 when none is): matching reads a million of them, and they
    /// are worked out far faster where a record was just made and is still in the processor's cache.
    var rememberedContentHash: Int { storage.contentHash }

    /// Remembers `hash` as the fields' content hash, shared by every copy of these fields. Only for whoever made
    /// the record and holds it alone (another thread may not read it meanwhile); any change forgets it.
    func remember(contentHash hash: Int) {
        storage.contentHash = hash
    }

    public var partner: String {
        get { storage.fields.partner }
        set { unique.fields.partner = newValue }
    }
    public var country: String? {
        get { storage.fields.country }
        set { unique.fields.country = newValue }
    }
    public var countryCode: String? {
        get { storage.fields.countryCode }
        set { unique.fields.countryCode = newValue }
    }
    public var city: String? {
        get { storage.fields.city }
        set { unique.fields.city = newValue }
    }
    public var signed: PartialDate? {
        get { storage.fields.signed }
        set { unique.fields.signed = newValue }
    }
    public var validUntil: PartialDate? {
        get { storage.fields.validUntil }
        set { unique.fields.validUntil = newValue }
    }
    public var indefinite: Bool {
        get { storage.fields.indefinite }
        set { unique.fields.indefinite = newValue }
    }
    /// ISO 8601 duration the file states ("P5Y").
    public var term: String? {
        get { storage.fields.term }
        set { unique.fields.term = newValue }
    }
    public var status: AgreementStatus? {
        get { storage.fields.status }
        set { unique.fields.status = newValue }
    }
    public var kind: String? {
        get { storage.fields.kind }
        set { unique.fields.kind = newValue }
    }
    public var reference: String? {
        get { storage.fields.reference }
        set { unique.fields.reference = newValue }
    }
    public var url: String? {
        get { storage.fields.url }
        set { unique.fields.url = newValue }
    }
    /// 1-based line of the file (blank lines counted), or the sheet row of a workbook.
    public var row: Int {
        get { storage.fields.row }
        set { unique.fields.row = newValue }
    }
    /// Columns mapped to no field, header -> value; changes here yield no event.
    public var extra: ExtraCells {
        get { storage.fields.extra }
        set { unique.fields.extra = newValue }
    }

    public init(
        partner: String, country: String? = nil, countryCode: String? = nil, city: String? = nil,
        signed: PartialDate? = nil, validUntil: PartialDate? = nil, indefinite: Bool = false,
        term: String? = nil, status: AgreementStatus? = nil, kind: String? = nil,
        reference: String? = nil, url: String? = nil, row: Int, extra: ExtraCells = [:]
    ) {
        storage = Storage(Fields(partner: partner, country: country, countryCode: countryCode, city: city, signed: signed,
                                 validUntil: validUntil, indefinite: indefinite, term: term, status: status, kind: kind,
                                 reference: reference, url: url, row: row, extra: extra))
    }

    public static func == (a: AgreementRecord, b: AgreementRecord) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }
}

/// The RECORD fields, named as in the contract; the fields a mapping may target.
public enum RecordField: String, CaseIterable, Sendable {
    case partner, country, countryCode, city, signed, validUntil, indefinite, term, status, kind, reference, url
}
